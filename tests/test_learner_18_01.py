"""Notebook 01 after the learner review of round 17 (issue 19): the harder case gets its own small map, the types of
claim are defined in sight before the first map, the code in sight holds no pandas, the two-narratives table gives
its fragment a sentence and one header per column, Exercise 1's bases agree with the data, and no map draws a whole
figure for one box. Each test failed on the notebook and helpers the review read (commit 8f0599f)."""
from __future__ import annotations

import re

import matplotlib
import matplotlib.pyplot as plt
import nbformat
import pytest

import helpers
from helpers import plots
from helpers.argument import BASIS_MEANING, TYPE_MEANING, vocabulary
from notebook_text import read, squash

matplotlib.use("Agg")
CLAIM_ID = re.compile(r"\b[CKP]\d{1,3}\b")


@pytest.fixture(scope="module")
def nb():
    return read("01")


def _section(cells, heading: str):
    """The cells from a ``## heading`` to the next heading of its level."""
    start = next(i for i, c in enumerate(cells) if c.source.startswith(heading))
    # a heading is a Markdown cell's: a folded code cell opens with "# " too, a comment in plain words (s23-fold)
    end = next((i for i in range(start + 1, len(cells))
                if cells[i].cell_type == "markdown" and re.match(r"#{1,2} ", cells[i].source)), len(cells))
    return cells[start:end]


def _plain(cell) -> str:
    return "\n".join("".join(o.get("data", {}).get("text/plain", o.get("text", ""))) for o in cell.get("outputs", []))


def bare_ids(text: str) -> list[str]:
    """Claim ids a text reasons with on their own: every id should stand in brackets, after the words it names."""
    return [m.group(0) for m in CLAIM_ID.finditer(text)
            if text[:m.start()].count("(") <= text[:m.start()].count(")")]


def test_the_bare_id_check_can_fail():
    assert bare_ids("The first sentence is C129, which explains C24.") == ["C129", "C24"]
    assert bare_ids("the first sentence of ¶25, on the pressure (C129), explains the U.S. action (¶25, C24)") == []


# 1. The harder case: a small map that draws the link it turns on, and claims named in words -------------------

def test_the_harder_case_has_a_map_of_the_link_it_turns_on(nb, argument):
    """Review 17, 3: "A harder case" turned on ¶25's first sentence (C129) explaining the U.S. action (C24), and no
    map drew that link (Exercise 1's map showed C24 only as "[2 more claims below it]")."""
    section = _section(nb.cells, "## A harder case")
    calls = [c.source for c in section if c.cell_type == "code" and "show_argument_map" in c.source]
    assert calls, "no map in the harder case"
    # the call names the claim in words, as its box does (learner review 20b): the id it names is found as the helper finds it
    root = plots._known_id(argument, re.search(r'show_argument_map\(argument, "([^"]+)"', calls[0]).group(1))
    figs = plots.argument_map(argument, root)
    drawn = {i: r for f in figs for i, r in zip(f.wording_ids, f.wording["in full"])}
    for f in figs:
        plt.close(f)
    under = argument.under(root).set_index("id")
    assert root == "C24" and under.loc["C129", "relation"] == "explains", (root, list(under.index))
    assert "C129" in drawn, list(drawn)
    figure = next(c for c in section if c.cell_type == "code" and "show_argument_map" in c.source)
    assert any("image/png" in o.get("data", {}) for o in figure.outputs), "the map cell is run and shows its figure"


def test_the_harder_case_names_claims_in_words(nb):
    prose = " ".join(c.source for c in _section(nb.cells, "## A harder case") if c.cell_type == "markdown")
    assert not bare_ids(prose), bare_ids(prose)
    claims = __import__("helpers").load_argument(__import__("helpers").load_essay()).claims.set_index("id")
    quoted = re.findall(r'"([^"]+)"', prose)     # learner review 21: the claims named by the essay's words they quote
    assert any(q in claims.loc["C129", "span"] for q in quoted) and any(q in claims.loc["C24", "span"] for q in quoted)


# 2. The types of claim, defined in sight before the first map --------------------------------------------------

def test_the_types_of_claim_are_defined_in_sight_before_the_first_map(nb):
    """Review 17, 4: maps showed *Premise* and *Conclusion* from the first map on; the types were defined only in a
    folded reference whose note said each label "is explained where the notebook first uses it"."""
    cells = nb.cells
    first_map = next(i for i, c in enumerate(cells) if c.cell_type == "code" and "show_argument_map" in c.source)
    folded_from = next(i for i, c in enumerate(cells) if c.source.startswith("## All the labels, for reference"))
    folded_to = next(i for i in range(folded_from + 1, len(cells)) if re.match(r"#{1,2} ", cells[i].source))
    in_sight = [i for i in range(first_map) if not folded_from <= i < folded_to]
    shown = [i for i in in_sight if cells[i].cell_type == "code" and 'vocabulary("type")' in cells[i].source]
    assert shown, "no table of the types in sight before the first map"
    out = squash(_plain(cells[shown[0]]))
    for word, meaning in TYPE_MEANING.items():
        assert word in out and squash(meaning)[:30] in out, word
    assert "explained where the notebook first uses it" not in cells[folded_from].source


# 3. Code in sight: short calls, no pandas --------------------------------------------------------------------

PANDAS_IN_SIGHT = re.compile(r"\[|\.id\b|range\(|columns=|rename=|\.under\(|\.reset_index\(")


def test_code_in_sight_is_short_and_has_no_pandas(nb):
    """Review 17, 2: cells in sight showed `ids=argument.under("T").id`, `held_back=["C28"]`, a list of five claim
    ids and `helpers.table(argument.backed(paragraphs=range(20, 27)), columns=[…], rename={…})`."""
    shown = [c.source for c in nb.cells if c.cell_type == "code"
             and not c.metadata.get("jupyter", {}).get("source_hidden")]
    found = [s for s in shown if PANDAS_IN_SIGHT.search(s.split("#")[0] if "\n" not in s else s)
             and not s.startswith("# Setup")]
    assert not found, found


def test_the_pandas_check_can_fail():
    assert PANDAS_IN_SIGHT.search('plots.show_argument_map(argument, "T", ids=argument.under("T").id)')
    assert PANDAS_IN_SIGHT.search('plots.show_argument_map(argument, "C39", held_back=["C28"])')
    assert not PANDAS_IN_SIGHT.search('argument.show_backed("¶20–¶26")')


def test_the_readable_calls_draw_what_the_long_ones_drew(argument):
    def boxes(**kw):
        figs = plots.argument_map(argument, **kw)
        for f in figs:
            plt.close(f)
        return [b for f in figs for b in f.wording.box]
    assert boxes(root="T", points=False) == boxes(root="T", ids=argument.under("T").id)
    assert boxes(root="C39", held_back="C28") == boxes(root="C39", held_back=["C28"])
    assert repr(argument.show_backed("¶20–¶26")) == repr(helpers.table(
        argument.backed(paragraphs=range(20, 27)), columns=["paragraph", "basis", "span"], rows="all",
        rename={"span": "in the essay's words"}))


# 4. The two narratives: one header per column, and a sentence, not a fragment -------------------------------

def test_the_narratives_table_gives_the_fragment_its_sentence_once(nb):
    """Review 17, 2: both narratives' "what it leads to" read "left the only policy questions on the table", and two
    columns were headed "¶" and "¶ "."""
    cell = next(c for c in _section(nb.cells, "## Two narratives rejected") if c.cell_type == "code")
    html = "".join(o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {}))
    headers = [h.strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", html)]
    assert len(headers) == len(set(headers)) and "¶" not in headers, headers
    out = squash(_plain(cell))
    assert "Meanwhile, these narratives have shaped the terms of debate and left the only policy questions" in out
    assert out.count("left the only policy questions on the table") == 1


# 5. Exercise 1's bases agree with the data ----------------------------------------------------------------

def test_exercise_1_lists_every_basis_the_table_uses(nb):
    prompt = next(c.source for c in nb.cells if c.source.startswith("## Exercise 1:"))
    for basis in vocabulary("basis").basis:
        if basis != "argued":
            assert f"**{basis}**" in prompt, basis


def test_cited_means_the_same_in_the_exercise_the_data_and_the_solution(nb, argument):
    """The exercise defined *cited* as naming "something you could look up (a document, a publication, a dated
    interview)"; the solution called the memoir cited though the essay gives no title. The definition now says a
    publication may be named by its author and kind, in the data's vocabulary and in the exercise alike."""
    prompt = squash(next(c.source for c in nb.cells if c.source.startswith("## Exercise 1:")))
    assert "by its author and kind" in BASIS_MEANING["cited"] and "by its author and kind" in prompt
    assert argument.claims.set_index("id").loc["C25", "basis"] == "cited"
    solution = squash(next(c.source for c in nb.cells if "Clinton's own words (¶26)" in c.source))
    assert "by its author and kind" in solution and "**cited**" in solution


# 6. No figure for one box --------------------------------------------------------------------------------

def test_no_map_draws_a_figure_for_one_box_beside_a_full_one(argument):
    """Review 17, 5: part 2 of Exercise 1's map was a whole figure for one box, after a first part of four."""
    for root in ("C127", "P1", "C39", "C28"):
        figs = plots.argument_map(argument, root)
        sizes = [len(f.wording) - (1 if k == 0 else 0) for k, f in enumerate(figs)]
        for f in figs:
            plt.close(f)
        assert max(sizes) - min(sizes) <= 1, (root, sizes)


def arrows_under_labels(fig) -> list[tuple[str, int]]:
    """The words on a map's arrows that lie across an arrow other than their own: (the label, how many arrows it
    covers). Each label sits on its own arrow, so covering one arrow is right."""
    from matplotlib.text import Annotation
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    arrows = [(a.xyann, a.xy) for a in ax.texts if isinstance(a, Annotation)]
    inv = ax.transData.inverted()
    found = []
    for t in ax.texts:
        if isinstance(t, Annotation) or t.get_fontstyle() != "italic":
            continue
        (x0, y0), (x1, y1) = inv.transform(t.get_window_extent(renderer))
        covered = sum(any(x0 <= a[0] + (b[0] - a[0]) * k / 60 <= x1 and y0 <= a[1] + (b[1] - a[1]) * k / 60 <= y1
                          for k in range(61)) for a, b in arrows)
        if covered > 1:
            found.append((t.get_text().split("\n")[0], covered))
    return found


def test_no_word_on_an_arrow_lies_across_another_arrow(argument):
    """Review 17, 5: in the last map of 01 (¶33's "All of this") the words on the arrows lay across the arrows beside
    theirs: every arrow left the box on the left from one point."""
    found = {}
    for root in ("T", "P1", "C39", "C32", "C127", "C24", "C28"):
        for k, fig in enumerate(plots.argument_map(argument, root)):
            if arrows_under_labels(fig):
                found[f"{root} part {k + 1}"] = arrows_under_labels(fig)
            plt.close(fig)
    assert not found, found


def _box_words(fig, id_: str) -> int:
    text = next(t.get_text() for t in fig.axes[0].texts if t.get_gid() == id_)    # the box's claim (plots._draw_map)
    return len(" ".join(text.split("\n")[1:]).split())


def test_a_map_with_room_gives_its_boxes_more_words(argument):
    """Review 17, 5: box text "cut off with '…'" at ten words, however few boxes a figure held: the harder case's map
    of two claims cut ¶25's first sentence after "and under…". A figure with room gives more words (a box still at most four
    lines); a full one keeps ten, and still fits (tests/test_figures_legible.py, test_argument.py)."""
    [small] = plots.argument_map(argument, "C24")
    full = plots.argument_map(argument, "C28")[0]
    # more than a full figure's ten words; since learner review 19 a box ends where a phrase ends (plots.phrase_cut),
    # so ¶25's box stops at "…under “unrelenting pressure”" (12 words) rather than "…in the streets and" (14)
    assert _box_words(small, "C129") > plots.BOX_WORDS
    assert _box_words(full, "C26") <= 11
    plt.close(small)
    plt.close(full)
