"""Slides that fit: every slide of every deck `make handouts` builds (a deck per notebook, the agreements, and a
deck per meeting from tools/decks.py) is measured in Chromium (driven by Playwright, Debian's browser, no
download) and must fit 16:9 at 1280×720 with no word broken across lines; no In/Out prompts or row numbers."""
from __future__ import annotations

import re
import shutil

import pytest

from tools import editions
from tools.launch import notebooks

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

# every slide in turn: its size, and every word (a run of letters or digits) whose pieces sit on two lines
MEASURE = """() => {
  const out = [];
  Reveal.getSlides().forEach((s, i) => {
    Reveal.slide(...Object.values(Reveal.getIndices(s)).slice(0, 2));
    const broken = [];
    const walker = document.createTreeWalker(s, NodeFilter.SHOW_TEXT, {acceptNode: n =>
      n.parentElement.closest('aside.notes') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[\\p{L}\\p{N}’']+/gu)) {
        const r = document.createRange();
        r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top / 4)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    const words = s.innerText.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length;
    out.push({i: i + 1, h: s.scrollHeight, w: s.scrollWidth, broken, words, text: s.innerText.slice(0, 60)});
  });
  return {config: [Reveal.getConfig().width, Reveal.getConfig().height], slides: out};
}"""


def measure(deck_paths, script: str | None = None) -> dict:
    """Each deck measured slide by slide in Chromium at 1280×720: file name -> the result of ``script`` (MEASURE if
    not given)."""
    from playwright.sync_api import sync_playwright
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        for deck in deck_paths:
            page.goto(deck.as_uri())
            page.wait_for_function("() => window.Reveal && Reveal.isReady()")
            found[deck.name] = page.evaluate(script or MEASURE)
        browser.close()
    return found


def session_deck(name: str) -> bool:
    """A meeting's deck (tools/decks.py), not a notebook's or the agreements'."""
    return not name[:2].isdigit() and name != "agreements.slides.html"


@pytest.fixture(scope="module")
def decks(editions_built):
    return sorted((editions_built / "slides").glob("*.slides.html"))


def test_every_slide_fits_16_9(decks, essay):
    from helpers import workshop
    plans = workshop.load_plans(essay)
    meetings = len(plans[["plan", "meeting"]].drop_duplicates())
    versions = sum(workshop.spanish_version(rows) is not None for _, rows in plans.groupby(["plan", "meeting"]))
    # one deck per notebook, the agreements deck, one deck per meeting of every plan, and one per Spanish version
    assert versions >= 1 and len(decks) == len(notebooks()) + 1 + meetings + versions
    too_big, broken = [], []
    for name, result in measure(decks).items():
        assert result["config"] == [1280, 720], name
        assert len(result["slides"]) >= 5, name
        too_big += [(name, s["i"], s["w"], s["h"], s["text"]) for s in result["slides"]
                    if s["h"] > 720 or s["w"] > 1280]
        # no deck breaks a word across two lines ("agains|st"): text wraps between words
        broken += [(name, s["i"], s["broken"]) for s in result["slides"] if s["broken"]]
    assert not too_big, f"{len(too_big)} slides do not fit 1280×720: {too_big[:8]}"
    assert not broken, f"words broken across lines: {broken[:5]}"


def test_the_single_sessions_slides_hold_no_more_words_than_a_room_can_read(decks):
    """Review 14, A3: the 90-minute decks projected 200-380-word slides in both languages (English deck slides 3,
    4, 13, 16, 17, 18), readable at the desk, not from the back of the room. Measured as projected (the visible
    text, speaker notes left out), no slide of either version's deck holds more than about 120 words."""
    from tools.decks import SLIDE_WORDS
    mine = [d for d in decks if d.name.startswith("single-90-")]
    assert len(mine) == 2
    over = [(name, s["i"], s["words"], s["text"][:40]) for name, result in measure(mine).items()
            for s in result["slides"] if s["words"] > SLIDE_WORDS + 5]
    assert not over, over


def test_the_broken_word_check_can_fail(decks, tmp_path):
    """A deck whose text is forced to break anywhere, in narrow lines, is caught: the check is not blind."""
    deck = next(d for d in decks if session_deck(d.name))
    bad = tmp_path / deck.name
    (tmp_path / "reveal.js").symlink_to(deck.parent / "reveal.js")
    bad.write_text(deck.read_text(encoding="utf-8").replace(
        "</head>", "<style>.reveal section p { word-break: break-all; width: 400px; }</style></head>", 1), encoding="utf-8")
    result = measure([bad])[bad.name]
    assert any(s["broken"] for s in result["slides"])


def test_no_prompts_or_row_numbers(decks):
    for deck in decks:
        text = deck.read_text(encoding="utf-8")
        body = text.split('<div class="slides">', 1)[-1]
        visible = re.sub(r'<aside class="notes">.*?</aside>', "", body, flags=re.S)
        assert not re.search(r"(In|Out)\s*\[\d*\]", re.sub(r"<[^>]+>", "", visible)), deck.name
        assert ".jp-OutputPrompt" in text and "display: none" in text


def test_the_glossary_is_split_not_pulled_onto_one_slide(decks):
    """A table longer than a slide is split over slides, each part captioned "rows a–b of n". 04's glossary showed
    15 rows and was split; since learner review 22 (s22-open) tables show 8 rows and fold the rest, so the glossary's
    8 may fit one slide: the split is checked on a table as long as the glossary was, and any caption in 04's deck
    must count the rows it shows."""
    row = "<tr><td>a term of the essay</td><td>" + "what the essay means by it, in a sentence or two " * 3 + "</td></tr>"
    parts = editions._split_table(f"<table><thead><tr><th>term</th><th>meaning</th></tr></thead><tbody>{row * 15}"
                                  "</tbody></table>")
    assert len(parts) > 1 and "rows 1–" in parts[0] and re.search(r"rows \d+–15 of 15", parts[-1]), parts
    deck = next(d for d in decks if d.name.startswith("04_"))
    text = deck.read_text(encoding="utf-8")
    for first, last, total in re.findall(r"rows (\d+)–(\d+) of (\d+)", text):
        assert 1 <= int(first) <= int(last) <= int(total), (first, last, total)


def test_slide_tables_are_readable_and_never_break_inside_a_word(decks):
    text = decks[0].read_text(encoding="utf-8")
    css = text[text.index(".reveal table {"):text.index(".reveal pre")]
    assert "overflow-wrap: anywhere" not in css and "word-break: break-all" not in css
    assert float(re.search(r"\.reveal table \{ font-size: ([\d.]+)em", text)[1]) >= 0.8
    agenda = next(d for d in decks if d.name.startswith("05_")).read_text(encoding="utf-8")
    assert re.search(r"04_<wbr/?>people_<wbr/?>places_<wbr/?>terms", agenda)     # breaks only after an underscore


def test_the_agreements_deck_fills_its_slides(decks):
    deck = next(d for d in decks if d.name == "agreements.slides.html").read_text(encoding="utf-8")
    slides = re.findall(r"<section\b[^>]*>(.*?)</section>", deck, flags=re.S)
    agreement_slides = [s for s in slides if "Group agreements" in s]
    assert agreement_slides and all(len(re.findall(r"<li\b", s)) >= 2 for s in agreement_slides[:-1])


def test_agreements_too_long_for_one_slide_stop_with_the_fix(monkeypatch):
    from helpers import workshop
    from helpers.errors import HelperError
    real = workshop.load_handout

    def longer(essay):
        h = dict(real(essay))
        h["agreements"] = list(h["agreements"])
        h["agreements"][4] = {"en": h["agreements"][4]["en"] * 3, "es": h["agreements"][4]["es"]}
        return h
    cells = editions.agreements_notebook().cells      # the content note's slides (review17: as many as it needs), then
    notes = sum(1 for c in cells if not c.source.startswith("## Group agreements"))    # two agreements a slide
    assert notes >= 2 and len(cells) == notes + (len(real(editions.load_essay())["agreements"]) + 1) // 2
    monkeypatch.setattr(workshop, "load_handout", longer)
    with pytest.raises(HelperError) as err:
        editions.agreements_notebook()
    assert "agreements 5 and 6 do not fit" in str(err.value) and "shorten one of them" in str(err.value)


def test_every_file_a_deck_loads_is_beside_it(decks):
    """Each stylesheet and script a deck names (reveal.js, its theme, the notes plugin) is in the folder it is
    written to, so the slides look the same offline as when they were checked."""
    missing = []
    for deck in decks:
        text = deck.read_text(encoding="utf-8")
        for ref in re.findall(r'<(?:link[^>]*\bhref|script[^>]*\bsrc)="([^"#?]+)"', text):
            if not re.match(r"(?:[a-z]+:|data:)", ref) and not (deck.parent / ref).exists():
                missing.append((deck.name, ref))
    assert not missing, missing[:5]


CONTENT_NOTE = """() => Reveal.getSlides().filter(s => /^(Content note|Aviso sobre el contenido)/i.test(
    (s.querySelector('h2') || {}).textContent || '')).map(s => {
  const p = [...s.querySelectorAll('p')].filter(p => !p.closest('aside.notes'));
  return {size: Math.min(...p.map(x => parseFloat(getComputedStyle(x).fontSize))), lang: p.map(x => x.lang).join(' ')};
})"""


def test_the_session_decks_show_the_content_note_in_type_a_room_can_read(decks):
    """Facilitator review 13, item 6: the session decks' content-note slide held about 260 words per language at
    16.6 px. Each deck now gives it a slide per language, as the agreements deck does, set at 22 px or more."""
    found = measure([d for d in decks if session_deck(d.name)], CONTENT_NOTE)
    assert found
    for name, notes in found.items():
        langs = [n["lang"] for n in notes]       # English, then Spanish, a slide or more each (review14 A3)
        assert langs == sorted(langs) and set(langs) == {"en", "es"}, (name, notes)
        assert all(n["size"] >= 22 for n in notes), (name, notes)
