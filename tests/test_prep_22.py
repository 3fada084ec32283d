"""Issue #20, session 22: a minimum preparation route per plan (facilitator review 21: the 90-minute session's route
was 2 h 45 of reading and rehearsal, the 4,989-word start page counted by none, the essay read three times, and
no minimum route). Its minutes are counted from the words by the same functions as the full route's."""
from __future__ import annotations

import pytest

from helpers import load_essay, workshop
from helpers.errors import HelperError
from tests import kit_once
from tools import decks

BOUND = 120     # the "under two hours of reading" for the 90-minute session


@pytest.fixture(scope="module")
def routes():
    """The preparation routes, minimum and full, as planned and in the versions for Spanish readers: built once per
    test process (tests/kit_once.py) and only read."""
    planned, version = kit_once.minimum_routes()
    full, full_version = kit_once.version_routes()
    return {"planned": planned, "version": version, "full": full, "full version": full_version}


@pytest.mark.parametrize("which", ["planned", "version"])
def test_the_single_sessions_minimum_route_reads_in_under_two_hours_its_start_page_counted(routes, which):
    """The reading and rehearsal of the single session's minimum route, the start page's own part included, come
    to under two hours, as planned and in the version for Spanish readers. Every minute is counted from the words
    a step reads (or stated for a step done), so a step whose words grow past the bound fails here."""
    steps = routes[which]["single-90"]
    kept = [s for s in steps if not s.get("left")]
    reading, _ = decks.preparation_totals(steps)
    assert reading < BOUND, [(s["reads"], s["minutes"]) for s in kept]
    # the totals are the kept steps' minutes, rounded up to five; a step left off counts nothing
    assert reading == -(-sum(s["minutes"] for s in kept if s["reads"] != "arrange") // 5) * 5
    start = [s for s in kept if s["reads"] == "start page"]
    assert len(start) == 1 and start[0]["words"] > 100 and start[0]["minutes"] >= 1, start
    # the essay once, whole, and what the session uses closely (session 23: in their place, not a second reading)
    essay = [s for s in kept if s["reads"] == "essay"]
    assert any(s["where"].startswith("¶1–¶62; closely: ¶10–¶13") and s["pace"] == "first" and s["close_words"] > 500
               for s in essay), essay
    assert {"run sheet", "safety notes", "short notes", "rehearse", "checklist"} <= {s["reads"] for s in kept}


def test_the_minimum_route_says_what_it_leaves_out_and_when_that_matters(routes):
    """Every step of the full route that the minimum leaves off is listed with its minutes and when it matters; the
    arranging is the same in both."""
    full, short = routes["full"]["single-90"], routes["planned"]["single-90"]
    left = [s for s in short if s.get("left")]
    kept = [s for s in short if not s.get("left")]
    assert left and all(s["left_out"] and s["minutes"] > 0 for s in left), left
    # the full route reads the whole notes, which hold the notes in short (session 23): the minimum's own step
    assert {s["what"] for s in full} == {s["what"] for s in short if s["reads"] != "short notes"}
    assert decks.preparation_totals(full)[1] == decks.preparation_totals(short)[1]
    assert decks.preparation_totals(full)[0] > decks.preparation_totals(kept)[0]
    box = decks.minimum_route_html(short, title="One 90-minute study session")
    text = " ".join(decks.TAG.sub(" ", box).split())
    assert "Left out, and when it matters" in text
    assert all(s["left_out"] in text for s in left)


def test_the_start_page_step_counts_the_lead_and_its_own_box(routes):
    """The start page step reads the page's lead and the route's box, as built: its words are those of the
    title, the lead and the box the start page prints (the links add none)."""
    steps = routes["planned"]["single-90"]
    step = next(s for s in steps if s["reads"] == "start page")
    box = decks.minimum_route_html(steps, links=["x.html"] * len(steps), title="One 90-minute study session",
                                   arranging_link="#full-single-90")
    assert step["words"] == decks.words(f"{decks.START_TITLE} {decks.START_LEAD} {box}")


def test_a_step_left_off_the_minimum_must_say_when_it_matters(monkeypatch):
    """A step of a plan's route without ``minimum: true`` and without ``left_out`` cannot be left off silently."""
    real = workshop.load_preparation

    def silent(essay):
        out = real(essay)
        out["single-90"] = [{k: v for k, v in s.items() if k != "left_out"} for s in out["single-90"]]
        return out
    monkeypatch.setattr(workshop, "load_preparation", silent)
    parts = [p for p in decks._sheet_parts() if p[0] == "single-90"]
    with pytest.raises(HelperError, match="without saying when it matters"):
        decks.preparation_routes(parts=parts, minimum=True)


def test_every_plan_with_a_route_marks_its_minimum():
    """Each plan's route has a start page step and at least one step on the minimum (sessions.yml, minimum)."""
    for plan, steps in workshop.load_preparation(load_essay()).items():
        assert steps[0]["reads"] == "start page", plan
        assert [s for s in steps if s.get("minimum") and s["reads"] != "start page"], plan
