"""Learner review 19 (issue 19), notebooks 02 and 03, second part (s19-r2b): exercise times that count what the
prompt asks for, 02's tables (no "news" speaker, the dash explained, no unexplained column) and 03's table of time
expressions holding back the dating clues until Exercise 2. The answers shown before 02's Exercise 3 and 03's
Exercise 2 are held by the patterns added to tests/test_outputs.py (ANSWERS). Each test here was seen failing on
the code before the change it holds."""
from __future__ import annotations

import json
import re

import pytest

from helpers.lessons import exercises
from helpers import timeline as tl
from tools.run_notebooks import notebook_paths

NOTEBOOKS = {p.stem[:2]: p for p in notebook_paths()}


def load(key: str) -> dict:
    return json.loads(NOTEBOOKS[key].read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell["source"])


def plain_outputs(cell: dict) -> list[str]:
    return ["".join(o.get("text") or o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", [])]


# ---------------------------------------------------------------------------------------------------------------
# 1. An exercise is timed by every answer its prompt asks for
# ---------------------------------------------------------------------------------------------------------------

# What each exercise of 02 and 03 asks for, counted by hand from its prompt: 02's Exercise 1 asks two things of each
# of three rows (one answer a row) and two questions more; 02's Exercise 3 describes two quotations on three axes (one
# answer each, its three values together, as 02's Exercise 2 counts a row's place, form and role as one) and asks
# one caution for each (the learner: "6 min, 1 answer" for eight items).
ASKED = {("02", "Exercise 1:"): 5, ("02", "Exercise 2:"): 4, ("02", "Exercise 3:"): 4,
         ("03", "Exercise 1:"): 3, ("03", "Exercise 2:"): 5}   # 03 Exercise 2: five numbered answers (session 27)


def answers_counted(nb: dict, essay, title: str) -> int:
    found = exercises(nb, essay)
    return int(found[found.title.str.startswith(title)].iloc[0].answers)


@pytest.mark.parametrize("key, title", list(ASKED), ids=[f"{k}-{t[:-1]}" for k, t in ASKED])
def test_each_exercise_counts_the_answers_its_prompt_asks_for(key, title, essay):
    nb = load(key)
    assert answers_counted(nb, essay, title) == ASKED[key, title], (
        f"{key} {title} is timed for {answers_counted(nb, essay, title)} answers; its prompt asks for "
        f"{ASKED[key, title]}: declare its items in the cell's metadata (\"exercise\": {{\"list_items\": N}}) and say "
        "how many in the prompt")


def test_02s_exercise_3_label_asks_for_the_four_answers_the_time_counts():
    nb = load("02")
    at = next(i for i, c in enumerate(nb["cells"]) if source(c).startswith("## Exercise 3:"))
    label = next(source(c) for c in nb["cells"][at:] if "answer-label" in c["metadata"].get("tags", []))
    assert "four answers" in source(nb["cells"][at]) and "four answers" in label


# ---------------------------------------------------------------------------------------------------------------
# 2. 02's tables: a speaker is someone; a dash is explained; no column the notebook never names
# ---------------------------------------------------------------------------------------------------------------

NOT_SPEAKERS = re.compile(r"^(?:the )?(?:news|media|count|bill|document|reports?)$", re.I)


def test_no_quotation_gives_news_or_a_count_as_its_speaker(essay):
    """02 says "A count, a bill or a document is never a speaker", yet its table of reported speech had a speaker
    called "news" (Q41); Q65, news of the same kind, has none."""
    import helpers
    quotes = helpers.load_quotations(essay)
    bad = sorted(f"{r.id}: {r.speaker}" for r in quotes.itertuples() if NOT_SPEAKERS.match(str(r.speaker or "")))
    assert not bad, bad


def test_02_says_what_a_dash_in_the_speaker_column_means_before_its_first_table_of_rows():
    nb = load("02")
    cells = nb["cells"]
    first = next(i for i, c in enumerate(cells) if c["cell_type"] == "code"
                 and any(re.search(r"(?m)^\S.*\s—\s", t) and "speaker" in t.split("\n")[0] for t in plain_outputs(c)))
    above = "\n".join(source(c) for c in cells[:first] if c["cell_type"] == "markdown")
    assert re.search(r"dash \(—\) in the \*speaker\* column", above), "say in words what the speaker column's — means"


def test_02s_numbers_that_differ_show_no_span_column():
    """The table of numbers that differ had a column "span", a file's name for the passage, that 02 never explains
    (the passage is quoted in "in which text" and the ¶ column)."""
    nb = load("02")
    at = next(i for i, c in enumerate(nb["cells"]) if source(c).startswith("## Numbers that differ"))
    table = next(c for c in nb["cells"][at:] if c["cell_type"] == "code")
    header = plain_outputs(table)[0].split("\n")[0]
    assert "measures" in header and not re.search(r"\bspan\b", header), header


# ---------------------------------------------------------------------------------------------------------------
# 3. 03's table of time expressions holds back the ones filed as dating clues (Exercise 2 asks for them)
# ---------------------------------------------------------------------------------------------------------------

def test_the_time_expressions_table_can_hold_back_the_dating_clues(essay):
    undated, timeline = tl.load_undated(essay), tl.load_timeline(essay)
    clues = tl.clue_expressions(undated)
    assert clues.sum() >= 2  # "current" (¶5, clue 20) and "current dictator" (¶27, clue 19)
    whole = tl.undated_table(undated, timeline)
    held = tl.undated_table(undated, timeline, hold_back_clues=True)
    assert len(whole) - len(held) == clues.sum()
    assert any("clue" in r for r in whole.reason) and not any("clue" in r for r in held.reason)


def test_03_says_how_many_time_expressions_it_holds_back_for_exercise_2():
    nb = load("03")
    at = next(i for i, c in enumerate(nb["cells"]) if source(c).startswith("## Every time expression accounted for"))
    said = next(t for c in nb["cells"][at:] if c["cell_type"] == "code" for t in plain_outputs(c) if "time expressions" in t)
    said = " ".join(said.split())
    assert re.search(r"the other \d+ are clues to when the essay was written, held back because Exercise 2", said), said


# ---------------------------------------------------------------------------------------------------------------
# 4. 03's zoom: a bar that runs on past a panel's edge says where it ends; the description starts with the events
# ---------------------------------------------------------------------------------------------------------------

ASKED_03 = ["E25", "E35", "E42", "E43", "E36", "E38"]   # as 03's zoom holds them back (writing="E38")


@pytest.fixture(scope="module")
def zoom_part_1(essay):
    import matplotlib.pyplot as plt
    from helpers import plots
    ax = plots.timeline_zoom(tl.load_timeline(essay), part=(1, 5), leave_out=ASKED_03, writing="E38")
    yield ax
    plt.close(ax.figure)


def test_every_bar_past_the_panels_edge_is_marked_with_where_it_ends(zoom_part_1):
    """Part 1 ends in mid-2010; "LIBRE newly formed" runs to November 2013 and stopped at the edge with no sign
    (the learner read LIBRE as formed by mid-2010)."""
    ax = zoom_part_1
    hi = ax.get_xlim()[1]
    past = {p.get_gid() for p in ax.patches if p.get_gid() and p.get_x() + p.get_width() > hi + 1e-6}
    assert "E44" in past
    marked = {t.get_gid().removesuffix("-runs-on"): t for t in ax.texts if (t.get_gid() or "").endswith("-runs-on")}
    assert past <= set(marked), f"bars past the edge with no mark: {sorted(past - set(marked))}"
    assert marked["E44"].get_text() == "→ Nov 2013" and abs(marked["E44"].xy[0] - hi) < 1e-6
    assert any(d.startswith("E44  LIBRE newly formed") and "to November 2013" in d for d in ax.figure.drawn)


def test_the_continuation_marks_are_legible_and_overlap_nothing(zoom_part_1):
    from tools.figure_legibility import measure
    m = measure(zoom_part_1.figure, "zoom part 1")
    arrows = [t for t in m.texts if t.text.startswith("→ ")]
    # at least LIBRE's "→ Nov 2013" (E12's aid condition ran on too until close reading 20 ended it in June 2010)
    assert len(arrows) >= 1 and not any(t.cut for t in arrows)
    assert not [o for o in m.overlaps if any(s.startswith("→ ") for s in o)], m.overlaps


def test_the_zoom_panels_description_starts_with_what_happened_not_with_kinds_of_mark(essay):
    from helpers import plots
    text = plots.describe_timeline(tl.load_timeline(essay), zoomed=True, part=(1, 5), leave_out=ASKED_03,
                                   writing="E38")
    first = text.split(". ")[0]
    assert first.startswith("Part 1 of the zoom shows what happened from IRI officer “jokes” about coups"), first
    assert "LIBRE newly formed (to November 2013)" in text
