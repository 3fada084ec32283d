"""Session 27: what the learner reader found in 02 and 03 (/work/out27/review-learner.md).

1. A single event known only to fall before the time of writing (a press conference, a visit, a vote) is marked so in
   timeline.csv (``once``) and drawn as the key's whisker "within these limits", not the filled arrow of something
   that went on to the time of writing (finding 1).
2. 02 Exercise 1's rule for *source named* does not settle the press conference the exercise asks about (finding 2).
3. 02 Exercise 3 keeps to its question, and its solution gives one answer for Clinton's source, with its reason
   (finding 3).
4. One place to look a word up: no "in full in notebook 00/01" beside the glossary in 04 (finding 4).
5. 03's short route reads what its exercise needs (¶27), names no "eight clues", points back to no skipped
   exercise, and nothing shown before Exercise 2 gives its earliest limit, January 2019 (findings 6 and 7).
6. 02 Exercise 2 says a search finds a name anywhere (finding 8); 03 says why two rows differ from 04's glossary
   (finding 9); 03's first discussion question is short enough to read to a room (finding 10).
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers import plots
from helpers.lessons import opening_text

ROOT = Path(helpers.__file__).resolve().parent.parent
ONE_OFFS = ["E48", "E49", "E85", "E91", "E100"]     # the review's examples: a press conference, a lure, votes, a visit


def load(key: str):
    return nbformat.read(next((ROOT / "notebooks").glob(f"{key}_*.ipynb")), as_version=4)


def cell_after(nb, heading: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.source.startswith(heading))


def asked_03() -> list[str]:
    """The ids 03's first figure holds back, read from its own cell."""
    nb = load("03")
    src = next(c.source for c in nb.cells if c.cell_type == "code" and "timeline_long_view" in c.source)
    return re.findall(r'"(E\d+)"', re.search(r"asked = \[([^\]]*)\]", src).group(1))


@pytest.fixture(scope="module")
def timeline():
    return helpers.load_timeline(helpers.load_essay())


def test_timeline_marks_single_events_bounded_by_the_time_of_writing(timeline):
    assert "once" in timeline.columns
    marked = set(timeline.loc[timeline.once == "yes", "id"])
    assert set(ONE_OFFS) <= marked
    # what lasted stays unmarked: still in jail, the National Party's rule, refugees still rising
    assert not {"E45", "E40", "E50"} & marked


def _marks(fig):
    arrows = {a.get_gid() for ax in fig.axes for a in ax.texts if a.get_gid()}
    whiskers = {ln.get_gid() for ax in fig.axes for ln in ax.lines if ln.get_gid()}
    return arrows, whiskers


def test_03_figures_draw_a_single_event_as_a_whisker_not_an_arrow(timeline):
    import matplotlib.pyplot as plt
    asked = asked_03()
    figs = list(plots.timeline_zoom_panels(timeline, leave_out=asked, writing="E38"))
    long_view = plots.timeline_long_view(timeline, leave_out=asked, writing="E38").figure
    arrows, whiskers = set(), set()
    for fig in figs + [long_view]:
        a, w = _marks(fig)
        arrows |= a
        whiskers |= w
        plt.close(fig)
    for id_ in ONE_OFFS:
        assert f"{id_}-to-writing" not in arrows, id_
        assert f"{id_}-once" in whiskers, id_
    assert "E45-to-writing" in arrows      # still in jail at the time of writing: an arrow, as the key says


def test_02_exercise_1_rule_does_not_answer_the_press_conference():
    nb = load("02")
    prompt = nb.cells[cell_after(nb, "## Exercise 1:")].source
    rule = prompt.split("**Where the line falls")[1].split("\n\n")[0]
    assert "press conference" not in rule and "briefing" not in rule


def test_02_exercise_3_keeps_to_its_question_with_one_answer_for_clinton():
    nb = load("02")
    i = cell_after(nb, "## Exercise 3:")
    j = next(k for k in range(i + 1, len(nb.cells)) if nb.cells[k].source.startswith("## "))
    part = "\n".join(c.source for c in nb.cells[i:j])
    assert "Chapo" not in part and "Notebook 01" not in part and "notebook 01" not in part
    clinton = next(c.source for c in nb.cells[i:j] if c.source.startswith("**Miguel Angel**"))
    clinton = clinton.split("**Hillary Clinton**")[1].split("\n\n")[0]
    assert "stricter reader" not in clinton and "*attributed*" not in clinton
    assert "The answer is *document or publication*" in clinton


def test_one_place_to_look_a_word_up():
    for key in ("02", "03"):
        text = "\n".join(c.source for c in load(key).cells if c.cell_type == "markdown")
        assert "In full in notebook" not in text, key
        assert "look in one place: the glossary in [04" in text, key


def test_03_short_route_reads_what_its_exercise_needs_and_points_nowhere_it_skips():
    nb = load("03")
    first = opening_text(nb)      # session 28: the route lines moved under Setup, to About this notebook
    short = next(line for line in first.splitlines() if line.startswith("**Short route"))
    assert "¶27" in short
    text = "\n".join(c.source for c in nb.cells)
    assert "eight clues" not in text
    assert "first exercise)" not in text


def test_03_nothing_before_exercise_2_gives_its_earliest_limit(timeline):
    import matplotlib.pyplot as plt
    nb = load("03")
    ex2 = cell_after(nb, "## Exercise 2:")
    story = next(c.source for c in nb.cells[:ex2] if c.source.startswith("## What happened, in order"))
    assert "January 2019" not in story
    asked = asked_03()
    assert "E31" in asked
    for fig in plots.timeline_zoom_panels(timeline, leave_out=asked, writing="E38"):
        assert not any(line.startswith("E31 ") for line in fig.drawn)
        plt.close(fig)
    tables = [c.source for c in nb.cells[:ex2] if c.cell_type == "code" and "asked = [" in c.source]
    assert tables and all('"E31"' in src for src in tables)


def test_02_exercise_2_says_a_search_finds_a_name_anywhere():
    nb = load("02")
    code = nb.cells[cell_after(nb, "## Exercise 2:") + 1].source
    assert "JOH" in code and "Hernández" in code and "speaker" in code


def test_03_says_why_its_dates_differ_from_04s_glossary():
    text = "\n".join(c.source for c in load("03").cells if c.cell_type == "markdown")
    assert "differ from the glossary in 04" in text and "2013" in text and "2011" in text


def test_03_first_discussion_question_is_short():
    import yaml
    questions = yaml.safe_load((ROOT / "seeds/we-are-losing/discussion.yml").read_text(encoding="utf-8"))["questions"]
    d11 = next(q for q in questions if q["id"] == "D11")
    assert len(d11["question"].split()) <= 80
