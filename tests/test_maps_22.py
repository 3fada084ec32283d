"""Issue 19, item 1 (learner review 21, 5): 01 told the learner its reference codes were "a short reference you will
not need", yet every argument-map box began "Evidence · ¶25 (C24)", every sentence under a map named its boxes
"(¶25, C24)", and its tables pointed at rows by code. A box now reads as words (its type, its ¶, the claim's first
words); a claim one text names is named by its type and ¶ ("the conclusion of ¶48"); 01's tables carry no code.
Checked on the texts matplotlib draws (the figures' text artists), the sentences under the figures, the tables under
them, and every output 01 has committed; the figures of 00–04 too."""
from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import helpers                      # noqa: E402
from helpers import plots           # noqa: E402
from test_map_boxes import map_calls    # noqa: E402  (the maps 01 draws)

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
# a claim (C24), a point (P1), an objection (K2), the thesis as a code ("T," or "T)"), an event, a voice, a dating
# clue or a question (E04, Q48, D05), a historical parallel (H2); not ¶25, §3, U.S., "E-mail" or 1.5
CODE = re.compile(r"(?<![\w¶§/.-])(?:C\d{1,3}|[PKH]\d|[EQD]\d{2,3}|T(?=\s*[,)]))\b(?![.,]\d)")


@pytest.fixture(scope="module")
def argument(essay):
    return helpers.load_argument(essay)


def codes(text: str) -> list[str]:
    return CODE.findall(str(text))


def test_the_code_check_finds_each_kind():
    assert codes("Evidence · ¶25 (C24)") == ["C24"]
    assert codes("the thesis (T, ¶6, ¶9–¶10); point 1 (¶11, P1); K2 and E04, Q48, D05, H2") == \
        ["T", "P1", "K2", "E04", "Q48", "D05", "H2"]
    assert codes("Evidence · ¶25: U.S.-backed, §3, 1.5 times, the Thesis · ¶6") == []


def _map_texts(call: str, argument) -> list[str]:
    """Every text a learner reads of the figures one ``show_argument_map`` call shows: what matplotlib draws (title,
    boxes, arrow words, key), the sentence printed under each figure and the table of boxes in full under it."""
    import ast
    node = ast.parse(call).body[0].value
    args = [ast.literal_eval(a) for a in node.args[1:]]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg not in ("fold", "in_full_below")}
    texts = []
    for fig in plots.argument_map(argument, *args, **kwargs):
        texts += plots.drawn_text(fig) + [fig.alt_text] + [str(v) for v in fig.wording.to_numpy().ravel()]
        matplotlib.pyplot.close(fig)
    return texts


def test_01s_maps_read_as_words_not_codes(argument):
    found = {f"{call}: {c}" for call in map_calls() for t in _map_texts(call, argument) for c in codes(t)}
    assert not found, "codes drawn or printed with 01's maps:\n" + "\n".join(sorted(found))


def test_a_box_gives_its_type_its_paragraph_and_its_first_words(argument):
    [fig] = plots.argument_map(argument, "C28", ids=["C24"])
    boxes = fig.box_texts
    matplotlib.pyplot.close(fig)
    assert boxes[1].split("\n")[0] == "Evidence · ¶25"
    assert boxes[1].split("\n")[1].startswith(" ".join(str(argument.node("C24").paraphrase).split()[:2]))


def test_a_claim_one_box_names_is_named_by_its_type_and_paragraph(argument):
    nodes = argument.nodes()
    assert plots.claim_in_words(nodes, "C28") == "the conclusion of ¶33"
    assert plots.claim_in_words(nodes, "P2") == "point 2" and plots.claim_in_words(nodes, "T") == "the thesis"
    # two claims of one type in one ¶: their first words tell them apart
    twins = nodes[nodes.duplicated(["type", "paragraph"], keep=False) & ~nodes.type.isin(["thesis", "point"])]
    a, b = twins.index[:2]
    assert plots.claim_in_words(nodes, a) != plots.claim_in_words(nodes, b)
    assert not codes(plots.claim_in_words(nodes, a))


def test_01s_tables_of_claims_carry_no_code(argument):
    assert not [c for name in argument.by_point().index for c in codes(name)]
    for point in ("P2", "P3"):
        pointed = argument.branch(point, to_in_words=True)["points to"]
        assert not [c for name in pointed for c in codes(name)], point
    assert "ref." not in repr(argument.show_backed("¶40"))


def _outputs(path: Path):
    """(cell, text) for each text a learner reads in a notebook's outputs: plain-text outputs and each figure's
    alt text and drawn texts."""
    for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        for out in cell.get("outputs", []):
            yield i, "".join(out.get("data", {}).get("text/plain", "")) + "".join(out.get("text", ""))
            png = out.get("metadata", {}).get("image/png", {})
            yield i, png.get("alt", "")
            yield i, "\n".join(png.get("drawn", []))


def test_01_prints_and_draws_no_code_anywhere():
    """Every output of 01 (maps, their sentences and tables, the tables of claims and objections) reads as words; the
    prose says nothing of a reference "you will not need" (the data's codes are named in "Where the data lives")."""
    path = NOTEBOOKS / "01_argument_structure.ipynb"
    found = sorted({(i, c) for i, text in _outputs(path) for c in codes(text)})
    assert not found, f"{len(found)} codes in 01's outputs: {found[:20]}"
    prose = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]
    assert not [c for c in prose if "will not need" in "".join(c["source"])]


@pytest.mark.parametrize("name", ["00_start_here", "02_source_quotations", "03_timeline", "04_people_places_terms"])
def test_figures_of_00_to_04_draw_and_describe_no_code(name):
    path = NOTEBOOKS / f"{name}.ipynb"
    found = []
    for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        for out in cell.get("outputs", []):
            png = out.get("metadata", {}).get("image/png", {})
            # 03's rows keep their ids at the head of each line for the tests (``fig.drawn``); the figure draws none
            drawn = [re.sub(r"^E\d{2,3}  ", "", line) for line in png.get("drawn", [])]
            found += [(i, c) for t in [png.get("alt", ""), *drawn] for c in codes(t)]
    assert not found, found


# Close reading 21, item 8: "E04 (Baker, 1974) and E73 (Veolia and G4S, 2005-07/2019-12) are not narrowed by context,
# as E62 and E94 were". E73 now rests on two context rows, each with its named reference. E04 stays the essay's "1974":
# the reports of the Puerto Rico Solidarity Day rally of 27 October 1974 found (The Militant, 8 November 1974; The
# Call, November 1974) do not name Ella Baker among its speakers, so no reference ties her words to that day.

def test_e73_is_narrowed_by_the_context_rows_of_its_two_events():
    import pandas as pd
    from helpers.essay import reading_folder
    timeline = pd.read_csv(reading_folder() / "timeline.csv", dtype=str).fillna("").set_index("id")
    row = timeline.loc["E73"]
    rests = row.rests_on.split(";")
    context = [i for i in rests if timeline.loc[i, "source"] == "context"]
    assert len(context) == 2, rests
    for i in context:
        assert timeline.loc[i, "paragraph"] == "59" and timeline.loc[i, "reference"].strip()
        assert i in row.derived_by
    first, last = sorted(timeline.loc[i, "date"] for i in context)
    assert row.date == f"{first}/{last}", (row.date, first, last)
    assert row.dated_by == "the package's inference" and "the package reads" in row.derived_by
