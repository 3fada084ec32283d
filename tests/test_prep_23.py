"""Issue #20, session 23: the 90-minute session's minimum preparation route fits two hours at a careful 150 words a
minute (facilitator review 22: "about 1 h 55" at 200 was about 2 h 25 at 150, and the notes step said 24 minutes for
28 minutes of words). Every step's minutes are counted from the words it asks to read; the full notes give way on
the minimum route to the notes in short, built from the same data."""
from __future__ import annotations

import html
import math
import re

import pytest

from tests.test_prep_22 import BOUND, routes  # noqa: F401  (the preparation routes, minimum and full, shared)
from tests import kit_once
from tools import decks

CAREFUL = 150       # words a minute, a careful reader's pace (facilitator review 22)


def close_factor() -> float:
    from helpers import load_essay, workshop
    return workshop.reading_paces(load_essay())["close"]


def at(step: dict, wpm: float) -> int:
    """A step's minutes at ``wpm``, counted here from its words: the words read closely (all of a close step's, or
    the ``close_words`` of a step that slows down for some paragraphs) count ``close`` times; a step done states them."""
    if not step["words"]:
        return step["minutes"]
    closely = step.get("close_words", step["words"] if step.get("pace") == "close" else 0)
    return math.ceil((step["words"] + (close_factor() - 1) * closely) / wpm)


def text_of(page: str) -> str:
    return " ".join(html.unescape(decks.TAG.sub(" ", page)).split())


@pytest.mark.parametrize("which", ["planned", "version"])
def test_the_single_sessions_minimum_route_takes_at_most_two_hours_at_150_words_a_minute(routes, which):
    """The 90-minute session's minimum route, as planned and in the version for Spanish readers: its reading (at a
    careful 150 words a minute) and rehearsal come to two hours at most, and its box says both paces, computed."""
    steps = routes[which]["single-90"]
    kept = [s for s in steps if not s.get("left") and s["reads"] != "arrange"]
    careful = sum(at(s, CAREFUL) for s in kept)
    assert careful <= BOUND, [(s["reads"], at(s, CAREFUL)) for s in kept]
    box = text_of(decks.minimum_route_html(steps, title="One 90-minute study session", version=which == "version"))
    brisk, _ = decks.preparation_totals(steps)
    assert (f"about {decks.in_hours(brisk)} at 200 words a minute, about {decks.in_hours(-(-careful // 5) * 5)} "
            "at 150") in box, box[:300]
    # the short notes instead of the whole notes, the whole notes left out with when they matter
    assert "short notes" in {s["reads"] for s in kept}
    left = [s for s in steps if s.get("left") and s["reads"] == "notes"]
    assert left and left[0]["left_out"], [s["reads"] for s in steps if s.get("left")]


@pytest.fixture(scope="module")
def built():
    from tools import short_notes
    return {"notes": kit_once.notes_pages(), "short": short_notes.pages(), "checks": kit_once.checklists(),
            "sheets": kit_once.run_sheets()}     # built once per test process (tests/kit_once.py), only read


@pytest.mark.parametrize("which", ["planned", "version", "full", "full version"])
def test_every_steps_minutes_are_the_words_it_asks_to_read(routes, built, which):
    """Each step that reads has the minutes of its words at the route's pace, and a step that reads a page of the
    kit (run sheet, checklist, notes, notes in short) counts that page's words as built: every page, every line
    (the run sheet's Prepare line aside, which repeats the start page's totals)."""
    notes, short, checks, sheets = built["notes"], built["short"], built["checks"], built["sheets"]
    spanish = "version" in which
    names = {}
    for plan, meeting, rows, _ in decks.meetings(versions=True):
        if bool(rows.iloc[0].version) == spanish:
            names.setdefault(plan, []).append(decks.name_of(plan, meeting, rows))
    for plan, steps in routes[which].items():
        for step in steps:
            if step["words"]:
                assert step["minutes"] == at(step, step["wpm"]), (plan, step["reads"], step["minutes"])
            pages = {"notes": [notes.get(f"notes-{n}.html") for n in names[plan]],
                     "short notes": [short.get(f"short-notes-{n}.html") for n in names[plan]],
                     "checklist": [checks[f"checklist-{n}.html"] for n in names[plan]],
                     "run sheet": [re.sub(r'<p class="prep">.*?</p>', " ", sheets[f"run-sheet-{n}.html"], flags=re.S)
                                   for n in names[plan]]}.get(step["reads"])
            if pages:
                assert step["words"] == sum(decks.words(p) for p in pages), (plan, step["reads"])


def test_the_notes_in_short_hold_each_segments_question_likely_answers_and_flare_up_line():
    """Each meeting's notes in short give, per segment, what it asks (the run sheet's form of a discussion
    question), two likely answers to it, and the flare-up line wherever the segment touches a flashpoint."""
    from tools import short_notes
    pages = short_notes.pages()
    for plan, meeting, rows, ctx in decks.meetings(versions=True):
        page = pages[f"short-notes-{decks.name_of(plan, meeting, rows)}.html"]
        sections = re.findall(r'<section class="segment">(.*?)</section>', page, flags=re.S)
        segments = [s for s in rows.itertuples() if s.minutes]
        assert len(sections) == len(segments), (plan, meeting)
        for seg, section in zip(segments, sections):
            said = text_of(section)
            questions = short_notes.segment_questions(seg, ctx)
            assert all(q in said for q in questions), (plan, meeting, seg.topic)
            if seg.discussion or getattr(seg, "lead", ""):
                assert questions and section.count('<li class="likely">') == 2, (plan, meeting, seg.topic)
            hit = decks.flashpoints_of(seg, ctx)
            if hit:
                assert f"name {decks.paragraph_list(hit)} before reading" in said, (plan, meeting, seg.topic)
                assert decks.IF_IT_FLARES in said, (plan, meeting, seg.topic)
    # the 90-minute session's question 2 in the run sheet's form, and its flare-up line, in its notes in short
    single = text_of(pages["short-notes-single-90-1.html"])
    assert "does it meet the objection on its own ground (feasibility), or change the ground (causes)?" in single
    assert "Flashpoint: name ¶45, ¶48 before reading." in single


def test_the_notes_in_short_are_a_fraction_of_the_notes():
    """The point of the short edition: the 90-minute session's is under half its full notes' words."""
    from tools import short_notes
    short = decks.words(short_notes.pages()["short-notes-single-90-1.html"])
    full = decks.words(kit_once.notes_pages()["notes-single-90-1.html"])
    assert short < full / 2, (short, full)


def test_an_essay_step_reads_closely_only_the_sessions_paragraphs(monkeypatch):
    """``closely`` names the paragraphs an essay step slows down for: ``session`` (the plan's own), nothing else."""
    from helpers import workshop
    from helpers.errors import HelperError
    real = workshop.load_preparation

    def other(essay):
        out = real(essay)
        out["single-90"] = [{**s, "closely": "answers"} if s.get("closely") else s for s in out["single-90"]]
        return out
    monkeypatch.setattr(workshop, "load_preparation", other)
    parts = [p for p in decks._sheet_parts() if p[0] == "single-90"]
    with pytest.raises(HelperError, match="reads closely 'answers'"):
        decks.preparation_routes(parts=parts, minimum=True)
