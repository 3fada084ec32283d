"""Session 26 (issue #19, item 3): figures and slides a room can read.

The facilitator's argument-map slide (the figure a meeting's deck projects, tools/decks.py) showed the map with its
smallest text at 14.0 px (13.997) on a 1280 × 720 screen: reveal.js scales the whole slide by 0.96 (its margin), and
the map was shown at its own size, 847 px wide, in a slide 1,171 px wide. The deck now fills the slide's picture
area with the figure, so its smallest text is at least PROJECTED_MIN_PX, measured in Chromium.
"""
from __future__ import annotations

import base64
import struct

import pytest

PROJECTED_MIN_PX = 16      # the projected figure's smallest text on a 1280 × 720 screen (was 14.0)

# each projected figure's box, as Chromium lays out the slide: its natural size and the size it is drawn, the
# object-fit "contain" making the picture the largest that fits the box
PROJECTED = """() => { const out = [];
  Reveal.getSlides().forEach((s, i) => { s.querySelectorAll('img.projected').forEach(img => {
    Reveal.slide(...Object.values(Reveal.getIndices(s)).slice(0, 2));
    const r = img.getBoundingClientRect();
    const fit = getComputedStyle(img).objectFit;
    const sx = r.width / img.naturalWidth, sy = r.height / img.naturalHeight;
    out.push({slide: i + 1, alt: img.alt, natural: [img.naturalWidth, img.naturalHeight],
              scale: fit === 'contain' || fit === 'scale-down' ? Math.min(sx, sy) : sx,
              bottom: r.bottom, right: r.right}); }); });
  return out; }"""


def _png_size(data: str) -> tuple[int, int]:
    return struct.unpack(">II", base64.b64decode(data)[16:24])


@pytest.fixture(scope="module")
def projected(tmp_path_factory):
    """The decks that project a figure, built and measured in Chromium at 1280 × 720: deck -> measured figures."""
    from helpers.edition import mark_languages
    from tools import decks
    from tools.editions import copy_reveal
    from tools.pages import _html
    from tests.test_slides import measure
    out = tmp_path_factory.mktemp("decks")
    copy_reveal(out)
    paths = []
    for name, nb in decks.session_decks().items():
        if not any('class="projected"' in c.source and "<img" in c.source for c in nb.cells):
            continue
        page = _html(nb, "offline_reveal", exclude_input=True, exclude_input_prompt=True,
                     exclude_output_prompt=True, reveal_url_prefix="reveal.js")
        path = out / name
        path.write_text(mark_languages(page.replace("</head>", decks.DECK_CSS + "</head>", 1)), encoding="utf-8")
        paths.append(path)
    assert paths, "no deck projects a figure"
    return measure(paths, PROJECTED)


def test_the_projected_argument_map_has_no_text_under_the_floor(projected):
    """Every figure a deck projects (the argument map of notebook 01): its smallest text, as matplotlib draws it in
    the notebook's PNG, times the scale Chromium shows that PNG at on the 1280 × 720 slide."""
    from helpers import workshop, load_essay
    from tools import figure_legibility as fl
    plans = workshop.load_plans(load_essay())
    wanted = {(r.notebook, int(r.projects)) for r in plans.itertuples() if r.projects}
    assert ("01_argument_structure", 1) in wanted
    smallest = {}
    for notebook, number in wanted:
        figure = fl.notebook_figures(fl.NOTEBOOKS / f"{notebook}.ipynb")[number - 1]
        m = fl.measure(figure)
        png = workshop.notebook_figures(notebook)[number - 1]
        assert tuple(m.png) == _png_size(png), "the figure measured is the one the deck shows"
        smallest[f"figure {number} of notebook {notebook[:2]}"] = (m.smallest.font_px / m.scale, m.png)
    small = []
    for deck, figures in projected.items():
        assert figures, deck
        for f in figures:
            key = next(k for k in smallest if f["alt"].startswith(k))
            px, png = smallest[key]
            assert tuple(f["natural"]) == tuple(png), (deck, key)
            assert f["bottom"] <= 720 and f["right"] <= 1280, (deck, f)
            if px * f["scale"] < PROJECTED_MIN_PX:
                small.append(f"{deck} slide {f['slide']}: {key} smallest text {px * f['scale']:.1f} px")
    assert not small, "projected text too small for the back of the room:\n" + "\n".join(small)
