"""Issue #24 (session 21): what the kit builds, built once where the same thing was built again."""
from __future__ import annotations

from collections import defaultdict

from tools import decks


def test_the_preparation_routes_build_the_notes_pages_and_the_checklists_once(monkeypatch):
    """Two plans' routes read the facilitator's notes and the day-of checklist; each build makes every plan's pages
    (about a second of processor time), so one call of ``preparation_routes`` builds each once, not once a plan.
    (Stand-ins count the builds: empty pages, so the test itself builds nothing.)"""
    calls = []

    def stand_in(name):
        return lambda reading: calls.append(name) or defaultdict(str)
    monkeypatch.setattr(decks, "notes_pages", stand_in("notes"))
    monkeypatch.setattr(decks, "checklists", stand_in("checklists"))
    from tools import short_notes       # session 23: the notes in short, which the minimum routes read
    monkeypatch.setattr(short_notes, "pages", stand_in("short notes"))
    routes = decks.preparation_routes()
    reads = [step["reads"] for route in routes.values() for step in route]
    assert reads.count("notes") >= 2 and reads.count("checklist") >= 2, reads
    assert sorted(calls) == ["checklists", "notes"], calls
    calls.clear()
    routes = decks.preparation_routes(minimum=True)
    reads = [step["reads"] for route in routes.values() for step in route]
    assert reads.count("short notes") >= 2, reads
    assert sorted(calls) == ["checklists", "notes", "short notes"], calls
