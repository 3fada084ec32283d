"""Facilitator review 20b against main after session 20 (issue #20, task s21-facil): the series' versions for Spanish
readers send messages of their own, homework that the readings allow and whose minutes say a second language too,
the series' Spanish packet and print list, the death tolls' care at home, the run sheets' size."""
import html
import json
import re
from functools import lru_cache

import pytest

from helpers import load_essay, workshop
from helpers.text import paragraph_numbers

import kit_once

SERIES = "series-3x120"
TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


@lru_cache(maxsize=None)
def _messages() -> list[tuple[str, str]]:
    """(heading, body) of each message on the reading-message page."""
    page = kit_once.reading_messages()["reading-message.html"]
    return [(_plain(p.split("</h2>")[0]), _plain(p.split("</h2>", 1)[1])) for p in re.split(r"<h2>", page)[1:]]


# ---- 1: a version for Spanish readers whose message differs gets its own --------------------------------------

def test_every_version_for_spanish_readers_has_its_own_reading_message():
    """Review 20b, #1: the page said "One per meeting" but held 5 messages for 8 meetings; the series' versions had
    none, so their homework and their "no computer needed" were never sent. A version whose message would be the
    meeting's word for word (Session 1's: same reading, computers for setup) shares it, and the page says so."""
    versions = [(h, b) for h, b in _messages() if "three 2-hour" in h and "Spanish readers" in h]
    assert [h.split("Session ")[1][:1] for h, _ in versions] == ["2", "3"], [h for h, _ in _messages()]
    for head, body in versions:
        assert "No computer is needed" in body and "No hace falta computadora" in body, (head, body[:300])
        assert "Bringing a laptop?" not in body and "set up as for our first meeting" not in body, head
    page = _plain(kit_once.reading_messages()["reading-message.html"])
    assert "shares the meeting's" in page


def test_each_version_message_sends_the_version_s_own_homework(essay):
    """The English Session 2 message would tell the Spanish readers' room the English room's homework."""
    plans = workshop.load_plans(essay)
    for n in (2, 3):
        meeting = plans[(plans.plan == SERIES) & (plans.meeting == n)]
        due = workshop.spanish_version(meeting).iloc[0].homework_due
        assert due and (n == 3 or due["en"] != meeting.iloc[0].homework_due["en"]), n
        body = next(b for h, b in _messages() if "three 2-hour" in h and f"Session {n}" in h and "Spanish" in h)
        assert due["en"] in body and due["es"] in body, (n, due["en"], body[:600])


# ---- 2: the homework is what the readings allow, and its minutes say a second language -------------------------

def test_homework_uses_only_paragraphs_read_by_the_meeting_it_is_due(essay):
    """Review 20b, #2: Session 1's homework (Exercises 2 to 4 of 01) works on ¶51–¶52 and ¶55, Session 3's reading,
    though it is due at Session 2."""
    plans = workshop.load_plans(essay)
    series = plans[plans.plan == SERIES]
    readings = [set(paragraph_numbers(series[series.meeting == m].iloc[0].pre_reading)) for m in (1, 2, 3)]
    checked = 0
    for m in (1, 2):
        rows = series[series.meeting == m]
        for homework in (rows.iloc[0].homework, workshop.spanish_version(rows).iloc[0].homework):
            read = set().union(*readings[:m + 1])
            needs = set(homework["paragraphs"])
            assert needs and needs <= read, (m, homework["en"], sorted(needs - read))
            checked += 1
    assert checked >= 3


def test_a_homework_that_needs_an_unread_paragraph_fails_loading(essay, tmp_path):
    text = (essay.folder / "sessions.yml").read_text(encoding="utf-8")
    # the optional part of Session 1's homework is checked as its needed part is (s22-home)
    first = re.search(r"(?m)^          optional: \{notebook: 01_argument_structure, exercises: \[3\]\}$", text)
    assert first, "Session 1 sets a homework of notebook 01"
    import shutil
    from helpers.errors import AnnotationError
    folder = tmp_path / essay.folder.name
    shutil.copytree(essay.folder, folder)
    (folder / "sessions.yml").write_text(text[:first.start()] + "          optional: {notebook: 01_argument_structure, "
                                         "exercises: [2, 3, 4]}" + text[first.end():], encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"¶5[1-5]"):
        workshop.load_plans(load_essay(folder))


def test_the_homework_says_its_minutes_in_a_second_language(essay):
    said = workshop.homework_said(essay, {"notebook": "01_argument_structure", "exercises": [3]})
    assert re.search(r"about (\d+) minutes, or about (\d+) in a second language", said["en"]), said["en"]
    m = re.search(r"about (\d+) minutes, or about (\d+) in a second language", said["en"])
    assert int(m[2]) > int(m[1])
    assert re.search(r"unos \d+ minutos, o unos \d+ si leen en inglés como segunda lengua", said["es"]), said["es"]


# ---- 3: the series' packet for Spanish readers holds the Spanish it promises; its print list prints what it uses ---

def test_the_series_spanish_packet_holds_its_spanish_sheet():
    """Review 20b, #3: the print list and checklist promise "its own packet (with the Spanish sheet)", but the series'
    Spanish packet had the English packet's pages; Session 3 (Spanish) reads ¶45, ¶48 and ¶49 from a page on no
    series print list. The packet now ends with the Spanish of ¶45, ¶48 and ¶49 and the three glossary entries
    Session 3 glosses; no key points of another plan's meeting."""
    spanish = _plain(kit_once.packet_page(plan=SERIES, version="spanish"))
    english = _plain(kit_once.packet_page(plan=SERIES, version=""))
    assert "Hoja en español" in spanish and "Hoja en español" not in english
    assert "Relectura en español: ¶45 y ¶48" in spanish
    assert "guerra de posiciones" in spanish.split("Hoja en español")[-1].lower()
    assert "Puntos clave · Key points" not in spanish.split("Hoja en español")[-1]


def test_the_series_version_prints_no_glossary_it_does_not_use(essay):
    """Review 20b, #3: the version's print list still printed the whole glossary for each pair, though the version
    cuts the glossary segment; its Spanish sheet (in the packet) holds the entries it glosses."""
    lists = workshop.load_print_lists(essay)
    version = workshop.version_print_list(lists, SERIES)
    glossaries = {"glossary", "glossary excerpt"}      # the series prints an excerpt since review 23 (s23-series)
    assert not glossaries & set(version.printout), sorted(version.printout)
    assert glossaries & set(lists[lists.plan == SERIES].printout)


# ---- 7: a series version's run sheet says its own session's cuts, and prints at 9 pt -----------------------------

def test_a_series_version_run_sheet_says_only_its_own_session_s_cuts(essay):
    """Review 20b, #7: Session 3's Spanish run sheet printed at 8.7 pt; its "This version." paragraph gave the whole
    series' cuts (every session's). It now says this session's, from the data: what goes home, with its minutes."""
    sheets = kit_once.run_sheets()
    plans = workshop.load_plans(essay)
    for n in (1, 2, 3):
        rows = plans[(plans.plan == SERIES) & (plans.meeting == n)]
        version = workshop.spanish_version(rows)
        para = _plain(sheets[f"run-sheet-{SERIES}-{n}-spanish.html"]).split("This version.")[1].split("Participants read")[0]
        cut = [t for t in rows.topic if t not in set(version.topic)]
        assert cut and all(t in para for t in cut), (n, para)
        others = {1: "Session 2", 2: "Session 3", 3: "Session 1"}[n]
        assert others not in para, (n, para)


# ---- 9: the versions' preparation routes ---------------------------------------------------------------------------

def _routes():
    return kit_once.version_routes()


def test_a_version_route_works_through_no_notebook_it_does_not_tour():
    """Review 20b, #9: the series' version route counted "Notebook 00 … Session 1 tours it" (80 minutes), though the
    version cuts the tour."""
    english, version = _routes()
    assert any(s["reads"] == "notebook" for s in english[SERIES])
    assert not any(s["reads"] == "notebook" for s in version[SERIES]), [s["what"] for s in version[SERIES]]


def test_a_series_route_attaches_the_setup_page_to_the_first_message_only():
    """Review 20b, #9: the route sent the setup page with every session's message; the messages send it once."""
    english, version = _routes()
    for route in (english[SERIES], version[SERIES]):
        step = next(s["what"] for s in route if "reading message, filled in" in s["what"])
        assert "the setup page" in step and "Session 1's" in step, step
        assert not re.search(r"with the reader's edition, the setup page", step), step


def test_a_route_with_no_computers_tests_no_notebook():
    """Review 20b, #9: the 90-minute version's route (no computers) tested "the first notebook" on the projector."""
    english, version = _routes()
    test = [s["what"] for s in version["single-90"] if "projector" in s["what"]]
    assert test and not any("notebook" in t for t in test), test
    assert any("first notebook" in s["what"] for s in english["single-90"])


# ---- 8: the segment dropped first when time runs short frees enough to absorb a pause or a slow welcome ------------

def test_every_meeting_drops_first_a_segment_of_ten_minutes_or_more(essay):
    """Review 20b, #8: Session 1's only slack was the 5-minute tour, and its bilingual welcome runs tight; cutting the
    tour also left no notebook shown before the homework."""
    plans = workshop.load_plans(essay)
    for (plan, n), rows in plans.groupby(["plan", "meeting"], sort=False):
        for version in (rows, workshop.spanish_version(rows)):
            if version is None:
                continue
            first = version.iloc[0]
            dropped = version[version.topic == first.if_short]
            assert len(dropped) == 1 and int(dropped.minutes.iloc[0]) >= 10, (plan, n, first.if_short)
