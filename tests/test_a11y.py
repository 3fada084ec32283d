"""Every page the package builds passes axe-core's WCAG 2.2 AA and best-practice rules in the real browser,
and every Spanish name on a page is marked as Spanish (lang="es") so a screen reader reads it as Spanish.

The pages are the ones `make handouts` builds (shared with the print and slide tests, built once per run):
the participant and facilitator editions, the handout and cards, the reader's edition and the slide decks.
"""
from __future__ import annotations

import os
import re
import shutil

import pytest

import helpers
from tools import a11y

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def results(editions_built):
    if not CHROMIUM:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("the accessibility test must run here (REQUIRE_BROWSER=1) but no chromium was found")
        pytest.skip("no chromium on PATH: install Debian's chromium (apt-get install chromium)")
    return a11y.check(a11y.pages(editions_built), CHROMIUM)


def test_every_built_page_is_checked(results, editions_built):
    names = {str(p.relative_to(editions_built)) for p in results}
    assert {"participant/handout.html", "participant/cards.html", "facilitator/cards-answers.html",
            "reader/essay.html", "slides/agreements.slides.html", "participant/01_argument_structure.html",
            "facilitator/05_facilitator_guide.html", "slides/03_timeline.slides.html"} <= names
    assert len(names) >= 20


def test_no_page_has_a_serious_or_moderate_violation(results, editions_built):
    listed = a11y.summary(results, editions_built)
    print("\n".join(listed) or "axe-core: no violation on any page")
    bad = [line for line in listed if line.split(": ", 1)[1].startswith(("critical", "serious", "moderate"))]
    assert bad == [], "\n".join(bad)


def test_the_check_finds_what_it_should(tmp_path):
    if not CHROMIUM:
        pytest.skip("no chromium on PATH")
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><p style="color:#bbb">faint</p>'
                    '<img src="data:image/png;base64,iVBORw0KGgo="></body></html>', encoding="utf-8")
    found = {v["id"]: v["impact"] for v in a11y.check([page], CHROMIUM)[page]}
    assert found.get("color-contrast") == "serious" and found.get("image-alt") == "critical"
    assert "html-has-lang" in found and "landmark-one-main" in found


SPANISH_OUTSIDE_LANG_ES = """names => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    for (const name of names) {
      if (text.includes(name)) {
        const el = node.parentElement.closest('[lang]');
        if (!el || !el.getAttribute('lang').startsWith('es')) out.push(name + ' in: ' + text.trim().slice(0, 80));
      }
    }
  }
  return out;
}"""


def test_every_spanish_name_on_a_page_is_marked_spanish(results, editions_built, essay):
    from playwright.sync_api import sync_playwright
    terms = helpers.load_terms(essay)
    # names that are Spanish only (not also the English term, like "LIBRE" or "Honduras")
    names = sorted({s for s, t in zip(terms.spanish, terms.term) if s and s != t and len(s) > 6})
    assert "Policía Militar del Orden Público (PMOP)" in names
    pages = [p for p in results if "04_people_places_terms" in p.name or p.name == "handout.html"]
    found, seen = [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=a11y.CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for path in pages:
            page.goto(path.resolve().as_uri())
            seen += page.evaluate("names => names.filter(n => document.body.innerText.includes(n)).length", names)
            found += [f"{path.relative_to(editions_built)}: {m}" for m in page.evaluate(SPANISH_OUTSIDE_LANG_ES, names)]
        browser.close()
    assert seen >= len(names), "the glossary's Spanish names should appear in the 04 editions"
    assert found == [], "\n".join(found[:20])


def test_the_essays_own_spanish_words_are_marked_spanish_on_every_page(results, editions_built, essay):
    from playwright.sync_api import sync_playwright
    words = essay.other_languages["es"]
    assert "Fuera JOH" in words
    found, seen = [], {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=a11y.CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for path in results:
            page.goto(path.resolve().as_uri())
            name = str(path.relative_to(editions_built))
            seen[name] = page.evaluate("ws => ws.filter(w => document.body.textContent.includes(w))", words)
            found += [f"{name}: {m}" for m in page.evaluate(SPANISH_OUTSIDE_LANG_ES, words)]
            # markup meant to mark a language, shown as text instead (a screen reader would read it out)
            # (code and configuration shown as code, in <pre> or <code>, are meant to show their markup)
            shown = page.evaluate("() => { const b = document.body.cloneNode(true);"
                                  " b.querySelectorAll('pre, code').forEach(e => e.remove()); return b.textContent; }")
            found += [f"{name}: markup shown as text: {m}" for m in re.findall(r"<span lang[^\n]{0,40}", shown)]
        browser.close()
    assert set(seen["reader/essay.html"]) == set(words), "the reader's edition holds the whole essay"
    assert "Fuera JOH" in seen["participant/cards.html"]
    assert found == [], "\n".join(found[:20])


def test_each_edition_page_names_its_lesson_and_links_to_pages_not_notebook_files(editions_built):
    import html as h
    titles = set()
    for audience in ("participant", "facilitator"):
        for page in sorted((editions_built / audience).glob("[0-9][0-9]_*.html")):
            text = page.read_text(encoding="utf-8")
            title = h.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1)).strip()
            assert title not in ("", "Notebook"), f"{audience}/{page.name}: title {title!r}"
            titles.add(title)
            assert 'class="anchor-link"' not in text, f"{audience}/{page.name}: a ¶ anchor after a heading"
            for stem in re.findall(r'href="([0-9][0-9]_\w+)\.ipynb', text):
                assert not (page.parent / f"{stem}.html").exists(), \
                    f"{audience}/{page.name} links to {stem}.ipynb, not to the page {stem}.html beside it"
    assert len(titles) == 6, "each lesson's page has a title of its own"


def test_the_readers_edition_marks_quotations_set_apart_as_quotations(essay):
    from tools import editions
    page = editions.reader_html()
    quoted = essay.paragraphs[essay.paragraphs.kind.isin(["epigraph", "block quotation"])].paragraph.tolist()
    assert quoted and sorted(int(n) for n in re.findall(r'<blockquote id="p(\d+)"', page)) == quoted
