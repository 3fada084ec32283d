"""Learner review 22 (issue 19), finding your way in a notebook: the short route's "skip this part" line is a link that
jumps to where the route resumes; the links from 01–05 to the series no longer promise a scroll JupyterLab does not
make; 04's discussion has an answer cell like 01–03's."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import mistune
import pytest

from helpers.lessons import ROUTE_LINE_RE, ROUTE_SKIP_RE, opening_index, route_parts

PROJECT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((PROJECT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ROUTED = [p for p in NOTEBOOKS if (json.loads(p.read_text(encoding="utf-8"))["metadata"].get("lesson", {})
                                   .get("short_route") or {}).get("skip")]


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def jupyterlab_heading_ids(nb: dict) -> list[str]:
    """The ids JupyterLab 4 gives the notebook's headings, computed independently of the package: each Markdown cell
    rendered to HTML (mistune, as nbconvert renders it), each heading's text content with every space made a hyphen
    (JupyterLab's ``createHeaderId``: ``textContent.replace(/ /g, '-')``, @jupyterlab/rendermime)."""
    ids = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for m in re.finditer(r"<h[1-6][^>]*>(.*?)</h[1-6]>", mistune.html("".join(cell["source"])), re.S):
            ids.append(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).replace(" ", "-"))
    return ids


def _links(markdown: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in re.finditer(r"\]\((?:<([^>]*)>|([^)\s]*))\)", markdown)]


@pytest.mark.parametrize("path", ROUTED, ids=[p.name for p in ROUTED])
def test_every_skip_line_links_to_the_heading_where_the_route_resumes(path):
    """01 cell 41 said "skip this part… resumes at Key points" 42 cells above it, with no way to get there: the line
    is now a link, and its anchor is the id JupyterLab gives that heading in the same notebook."""
    nb = _nb(path)
    ids = jupyterlab_heading_ids(nb)
    parts = route_parts(nb)
    for p in parts:
        line = ROUTE_SKIP_RE.search("".join(nb["cells"][p["start"]]["source"])).group(0)
        if not p["resume"]:
            continue
        anchors = [t for t in _links(line) if t.startswith("#")]
        assert len(anchors) == 1, f"{path.name}: the skip line under {p['heading']!r} has no link: {line}"
        target = anchors[0][1:]
        assert target in ids, f"{path.name}: {anchors[0]} matches no heading of the notebook ({line})"
        resumed = next(k for k in range(p["end"], len(nb["cells"]))
                       if "".join(nb["cells"][k]["source"]).startswith("#")
                       and "".join(nb["cells"][k]["source"]).split("\n")[0].lstrip("# ") == p["resume"])
        assert target in jupyterlab_heading_ids({"cells": [nb["cells"][resumed]]}), (path.name, line)
        assert ids.count(target) == 1, f"{path.name}: two headings share the anchor {target}"


@pytest.mark.parametrize("path", ROUTED, ids=[p.name for p in ROUTED])
def test_the_opening_route_line_says_the_links_jump_ahead(path):
    """Said once, where the short route is introduced: the learner knows to look for the link under a heading."""
    nb = _nb(path)
    line = ROUTE_LINE_RE.search("".join(nb["cells"][opening_index(nb)]["source"])).group(0)
    assert re.search(r"\blinks? under each skipped heading jumps?\b", line), line


# --- 2. the series, from the end of 01–05 ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if not p.name.startswith("00_")],
                         ids=[p.name for p in NOTEBOOKS if not p.name.startswith("00_")])
def test_the_last_cell_lists_the_series_instead_of_a_link_jupyterlab_does_not_scroll(path):
    """Learner review 22: "Series map" (00_start_here.ipynb#The-series) opened 00 at its top, 4,500 px above the
    map: JupyterLab does not follow a #heading into another notebook (tools/navigation.py). The last cell of 01–05
    now gives the series itself, each notebook a plain link (it opens at its top, as it says) with its time."""
    import helpers
    from tools import navigation
    last = "".join(_nb(path)["cells"][-1]["source"])
    targets = _links(last)
    assert not [t for t in targets if "#" in t and not t.startswith("#")], \
        f"{path.name}: a link into another notebook's heading, which JupyterLab opens at the top: {targets}"
    table = helpers.lessons()
    for row in table.itertuples():
        if row.notebook == path.name:
            assert f"**{navigation.label(row)}** (this notebook)" in last, last
        else:
            assert f"[{navigation.label(row)}]({row.notebook})" in last, (row.notebook, last)
        assert f"about {row.total_min} minutes" in last, (row.notebook, last)
    assert "a link opens it at its top" in last, last


# --- 3. words before they are explained, and one number for one thing -------------------------------------------------

def test_00s_first_reading_gives_the_minutes_its_time_line_gives():
    """00 cell 5 said "about five minutes" for ¶1–¶13 where its time line, a cell below, says 6 min."""
    import helpers
    nb = _nb(PROJECT / "notebooks" / "00_start_here.ipynb")
    said = next(re.search(r"\*\*Before you start, read ¶1–¶13\*\* of the essay: [^,.]*, about (\d+) minutes", s)
                for c in nb["cells"] for s in ["".join(c["source"])] if "**Before you start, read" in s)
    assert said, "00's reading list gives its minutes in words, not the computed number"
    row = helpers.lessons().set_index("notebook").loc["00_start_here.ipynb"]
    assert row["read"] == "¶1–¶13" and int(said.group(1)) == row["reading_min"]


def test_trust_html_is_explained_where_the_readers_edition_is_linked():
    """Learner review 22: the reader's edition, opened in JupyterLab, shows a *Trust HTML* button nothing explains."""
    nb = _nb(PROJECT / "notebooks" / "00_start_here.ipynb")
    cell = next("".join(c["source"]) for c in nb["cells"] if "(we-are-losing-reader.html)" in "".join(c["source"]))
    assert "*Trust HTML*" in cell and "ignore" in cell, cell
    page = (PROJECT / "notebooks" / "we-are-losing-reader.html").read_text(encoding="utf-8")
    assert "<script" not in page, "the edition runs scripts: 'safe to ignore' would no longer be true"


def test_the_chant_is_translated_where_02_first_names_it():
    """02 cell 3 gave "Fuera JOH" untranslated, though the essay translates it in ¶39."""
    import helpers
    essay = helpers.load_essay()
    nb = _nb(PROJECT / "notebooks" / "02_source_quotations.ipynb")
    cell = next("".join(c["source"]) for c in nb["cells"] if "Fuera JOH" in "".join(c["source"]))
    line = next(line for line in cell.split("\n") if "Fuera JOH" in line)
    m = re.search(r"'(out with JOH)' in the authors' translation, ¶(\d+)", line)
    assert m, line
    assert f"‘{m.group(1)},’" in essay.paragraphs.loc[int(m.group(2)), "text"]


def test_00_names_epigraph_as_a_word_explained_before_its_table_shows_it():
    nb = _nb(PROJECT / "notebooks" / "00_start_here.ipynb")
    cells = ["".join(c["source"]) for c in nb["cells"]]
    table = next(k for k, s in enumerate(cells) if "essay.paragraphs.kind.value_counts()" in s)
    before = next(s for s in reversed(cells[:table]) if nb["cells"][cells.index(s)]["cell_type"] == "markdown")
    assert "*epigraph*" in before, before
