"""Slides that fit: every slide of every deck `make handouts` builds is measured in Chromium (driven by
Playwright, Debian's browser, no download) and must fit 16:9 at 1280×720; no In/Out prompts or row numbers."""
from __future__ import annotations

import re
import shutil

import pytest

from tools import editions
from tools.launch import notebooks

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

MEASURE = """() => {
  const out = [];
  const slides = Reveal.getSlides();
  slides.forEach((s, i) => {
    Reveal.slide(...Object.values(Reveal.getIndices(s)).slice(0, 2));
    out.push({i: i + 1, h: s.scrollHeight, w: s.scrollWidth, text: s.innerText.slice(0, 60)});
  });
  return {config: [Reveal.getConfig().width, Reveal.getConfig().height], slides: out};
}"""


@pytest.fixture(scope="module")
def decks(editions_built):
    return sorted((editions_built / "slides").glob("*.slides.html"))


def test_every_slide_fits_16_9(decks):
    from playwright.sync_api import sync_playwright
    assert len(decks) == len(notebooks()) + 1      # one deck per notebook, and the agreements deck
    too_big = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        for deck in decks:
            page.goto(deck.as_uri())
            page.wait_for_function("() => window.Reveal && Reveal.isReady()")
            result = page.evaluate(MEASURE)
            assert result["config"] == [1280, 720], deck.name
            assert len(result["slides"]) >= 5, deck.name
            too_big += [(deck.name, s["i"], s["w"], s["h"], s["text"]) for s in result["slides"]
                        if s["h"] > 720 or s["w"] > 1280]
        browser.close()
    assert not too_big, f"{len(too_big)} slides do not fit 1280×720: {too_big[:8]}"


def test_no_prompts_or_row_numbers(decks):
    for deck in decks:
        text = deck.read_text(encoding="utf-8")
        body = text.split('<div class="slides">', 1)[-1]
        visible = re.sub(r'<aside class="notes">.*?</aside>', "", body, flags=re.S)
        assert not re.search(r"(In|Out)\s*\[\d*\]", re.sub(r"<[^>]+>", "", visible)), deck.name
        assert ".jp-OutputPrompt" in text and "display: none" in text


def test_the_glossary_is_split_not_pulled_onto_one_slide(decks):
    deck = next(d for d in decks if d.name.startswith("04_"))
    text = deck.read_text(encoding="utf-8")
    assert "rows 1–" in text and re.search(r"rows \d+–15 of 15", text)


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
