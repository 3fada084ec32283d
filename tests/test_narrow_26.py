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


# ---- tables of long texts, shown as blocks ------------------------------------------------------------------

TALL_ROW_CHARS = 300     # a table whose rows in sight average more characters than this reads as tall columns
TALL_ROW_COLUMNS = 4     # ... when it has at least this many columns


def tall_tables(nb, name: str) -> list[str]:
    """The reader's tables (helpers.table) outside worked solutions whose rows in sight are long texts in
    TALL_ROW_COLUMNS or more columns: each should be blocks (helpers.blocks)."""
    import html as html_lib
    import re
    import statistics
    found = []
    for k, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "solution" in cell.metadata.get("tags", []):
            continue
        for out in cell.get("outputs", []):
            page = str(out.get("data", {}).get("text/html", ""))
            if 'class="reader-table"' not in page:
                continue
            rows = re.findall(r"<tr>(.*?)</tr>", page.split("<details")[0], re.S)[1:]
            cells = [[html_lib.unescape(re.sub(r"<[^>]+>", "", td)) for td in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
                     for row in rows]
            cells = [c for c in cells if c]
            if cells and len(cells[0]) >= TALL_ROW_COLUMNS:
                mean = statistics.mean(sum(map(len, c)) for c in cells)
                if mean > TALL_ROW_CHARS:
                    found.append(f"{name} cell {k}: {len(cells[0])} columns, {mean:.0f} characters a row")
    return found


@pytest.mark.parametrize("name", ["02_source_quotations", "03_timeline", "04_people_places_terms"])
def test_tables_of_long_texts_in_02_to_04_are_shown_as_blocks(name):
    """Issue #19, item 3: 03's derived dates and 2017 election, 04's glossary and what happened next were tables of
    four or five columns whose cells are paragraphs (on average 330 to 370 characters a row): in a narrow window or
    on a projector each column is a few words wide and a row a screen tall. They are now blocks, one per row."""
    import nbformat
    from tools.figure_legibility import NOTEBOOKS
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    found = tall_tables(nb, name)
    assert not found, "show these as blocks (helpers.blocks):\n" + "\n".join(found)
    if name != "02_source_quotations":
        assert any('class="reader-table reader-blocks"' in str(o.get("data", {}).get("text/html", ""))
                   for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


def test_the_tall_table_check_finds_a_tall_table():
    import nbformat
    import pandas as pd
    import helpers
    frame = pd.DataFrame({"a": ["x " * 100] * 3, "b": ["y"] * 3, "c": ["z " * 100] * 3, "d": ["w"] * 3})
    for shown, found in ((helpers.table(frame), 1), (helpers.blocks(frame, "b"), 0)):
        cell = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": shown._repr_html_(), "text/plain": repr(shown)})])
        assert len(tall_tables(nbformat.v4.new_notebook(cells=[cell]), "x")) == found


def test_blocks_give_the_label_then_each_field_in_html_and_plain_text():
    """helpers.blocks: the label in bold, the id as a small reference after it, each other column on its own line;
    no line for a missing value; a long text the block above gives is pointed to, not printed again; the rows past
    the first fold as in a table; a label that is not a column is one plain sentence."""
    import pandas as pd
    import helpers
    from helpers.errors import UsageError
    reached = "counted back from the coup of 28 June 2009, three months before it"
    frame = pd.DataFrame({"id": ["E08", "E09", "E10"], "label": ["Officer jokes", "Coup", "Protests"],
                          "when": ["March 2009", "28 June 2009", None], "how the date is reached": [reached, reached, "x"]})
    shown = helpers.blocks(frame, "label", rows=2)
    assert repr(shown).splitlines()[:8] == [
        "Officer jokes (ref. E08)", "  when: March 2009",
        "  how the date is reached: counted back from the coup of 28 June 2009,", "    three months before it", "",
        "Coup (ref. E09)", "  when: 28 June 2009", "  how the date is reached: as for Officer jokes, above"]
    assert "Show the other 1 rows" in repr(shown)
    page = shown._repr_html_()
    assert page.startswith('<table class="reader-table reader-blocks"><thead><tr><th style="text-align:left">'
                           "label · when · how the date is reached</th></tr></thead>")
    assert '<div class="block-label"><strong>Officer jokes</strong> (ref. E08)</div>' in page
    assert '<details class="more-rows"><summary>Show the other 1 rows</summary>' in page
    rest = page.split("<details", 1)[1]
    assert "<strong>Protests</strong>" in rest and "when" not in rest.split("<strong>Protests</strong>")[1]
    spanish = helpers.blocks(pd.DataFrame({"term": ["PMOP"], "spanish": ["Policía Militar"]}), "term")
    assert '<span lang="es">Policía Militar</span>' in spanish._repr_html_()
    with pytest.raises(UsageError, match="the label 'name' is not one of the table's columns"):
        helpers.blocks(frame, "name")
