"""The print load of a participant on paper (facilitator review 22, item 8 and section 4): a paper edition per meeting
version prints only what that version's segments use and its homework, never a part for a segment it cuts; a version's
packet prints no clue pages for a segment it cuts."""
from __future__ import annotations

import re

from helpers import workshop
from tools import decks, packet, paper


def kept(plan: str, meeting: int, version: str) -> dict[str, object]:
    """The segments a meeting version keeps, by topic."""
    for p, m, rows, _ in decks.meetings(versions=True):
        if (p, m, rows.iloc[0].version) == (plan, meeting, version):
            return {seg.topic: seg for seg in rows.itertuples()}
    raise AssertionError((plan, meeting, version))


def test_a_versions_packet_prints_no_clue_pages_for_a_segment_it_cuts():
    """The Spanish series' packet printed "When was the essay written? Our clues" for the dating segment its version
    cuts (Session 3, for a room with Spanish readers); the packet as planned keeps them."""
    title = decks.ROOM_CLUES["title"]
    assert title in packet.packet_html(plan="series-3x120", version="")
    assert title not in packet.packet_html(plan="series-3x120", version="spanish")


def test_every_printed_part_belongs_to_a_segment_the_version_keeps_or_its_homework(essay):
    parts = paper.paper_parts()
    assert parts and all(re.fullmatch(r".+-\d+(-spanish)?", stem) for stem in parts)
    for stem, mine in parts.items():
        plan, meeting, version = re.fullmatch(r"(.+)-(\d+)(?:-([a-z]+))?", stem).groups()
        segments = kept(plan, int(meeting), version or "")
        for part in mine:
            if part["why"] == "homework":
                continue
            seg = segments[part["why"]]           # a segment this version keeps, worked on the screens
            assert seg.notebook and not seg.paper and seg.minutes > 0, (stem, part)
    # the Spanish series' Session 3 cuts its one screen segment (dating the essay): it has no paper edition
    assert "series-3x120-3" in parts and "series-3x120-3-spanish" not in parts
    # and the exercises of the series' Session 2 version for Spanish readers are its homework's, not the room's
    assert {p["why"] for p in parts["series-3x120-2-spanish"]} == {"homework"}


def test_the_series_prints_paper_editions_not_whole_lessons(essay):
    lists = workshop.load_print_lists(essay)
    series = lists[lists.plan == "series-3x120"]
    assert not any(p.startswith("lesson ") for p in series.printout), list(series.printout)
    lines = paper.print_lines("series-3x120", "spanish")
    files = next(line["files"] for line in lines if line["printout"] == "paper editions")
    assert files == ["facilitator/paper-series-3x120-1-spanish.pdf", "facilitator/paper-series-3x120-2-spanish.pdf"]
    assert all(line["pages"] is None for line in lines)     # not built: no pages claimed
