"""Learner review 19: 01's argument maps, which 01 asks a facilitator to project, cut their boxes mid-phrase ("…to its
root causes in order to…", "…the movements they belong…"): 114 of 121 box texts drawn ended so. A box that cannot give
a claim whole now ends where a phrase ends, and says with "…" that it goes on (the table under the figure gives it in
full). Checked on the boxes the plot code draws for every map 01 shows."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import matplotlib
import nbformat
import pytest

matplotlib.use("Agg")

import helpers                      # noqa: E402
from helpers import plots           # noqa: E402

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "01_argument_structure.ipynb"
# a phrase does not end on one of these (an article, a preposition, a conjunction, a possessive, an auxiliary)
DANGLING = set("""a an the of to in for by from with on into at as and or but that which who whose their its his her
    our this these those is are was were be been has have had will would can could not than""".split())
MORE_BELOW = re.compile(r"\[\d+ more claims? below it\]")


def mid_phrase(box: str) -> str | None:
    """Why a box's text, header line and all, is cut mid-phrase; None if it is whole or cut where a phrase ends."""
    body = " ".join(line for line in box.split("\n")[1:] if not MORE_BELOW.fullmatch(line))
    body = re.sub(r"(\w)- (\w)", r"\1-\2", body)          # a word wrapped at its hyphen
    if not body.endswith("…"):
        return None
    shown = body[:-1]
    last = re.sub(r"^\W+|\W+$", "", shown.split()[-1]).lower()
    if last in DANGLING:
        return f"ends on {last!r}"
    if shown.count("(") > shown.count(")") or shown.count("“") > shown.count("”") or shown.count('"') % 2:
        return "ends inside brackets or a quotation"
    return None


def map_calls(path: Path = NOTEBOOK) -> list[str]:
    """Every ``plots.show_argument_map(…)`` call in the notebook's code cells."""
    nb = nbformat.read(path, as_version=4)
    return [line.split("  #")[0] for c in nb.cells if c.cell_type == "code" for line in c.source.split("\n")
            if line.startswith("plots.show_argument_map(")]


def boxes_of(call: str, argument) -> list[str]:
    """The box texts of the figures a ``show_argument_map`` call shows (drawn by ``argument_map``, same claims)."""
    node = ast.parse(call).body[0].value
    args = [ast.literal_eval(a) for a in node.args[1:]]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg not in ("fold", "in_full_below")}
    figures = plots.argument_map(argument, *args, **kwargs)
    try:
        return [t for fig in figures for t in fig.box_texts]
    finally:
        for fig in figures:
            matplotlib.pyplot.close(fig)


@pytest.fixture(scope="module")
def argument(essay):
    return helpers.load_argument(essay)


def test_01_shows_maps():
    assert len(map_calls()) >= 5


def test_no_box_on_01s_maps_is_cut_mid_phrase(argument):
    cut = [f"{call}: {box.splitlines()[0]}: {why}" for call in map_calls() for box in boxes_of(call, argument)
           if (why := mid_phrase(box))]
    assert not cut, "boxes cut mid-phrase (helpers.plots.phrase_cut):\n" + "\n".join(cut)


def test_the_check_sees_a_box_cut_mid_phrase():
    assert mid_phrase("Point 1 · ¶11 (P1)\nAnti-imperialism allows us to re-focus\nthe debate about immigration to…") \
        == "ends on 'to'"
    assert mid_phrase("Evidence · ¶40 (C42)\nBartolo Fuentes, in a dated radio\ninterview (Fox News Rundown…") \
        == "ends inside brackets or a quotation"
    assert mid_phrase("Conclusion · ¶3 (C01)\nThe movements they belong to are losing…\n[23 more claims below it]") is None
    assert mid_phrase("Point 3 · ¶13 (P3)\nAnti-imperialism provides our movements") is None   # whole: not cut


def test_a_box_cut_ends_where_a_phrase_ends():
    words = "Anti-imperialism allows us to re-focus the debate about immigration to its root causes in order to more".split()
    assert " ".join(words[:plots.phrase_cut(words, 14)]).endswith("root causes")
    assert plots._short("When news emerged, there were, the authors say, calls", 6) == "When news emerged…"
