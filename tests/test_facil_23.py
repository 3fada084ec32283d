"""Facilitator review 23 (issue #20): Session 2's homework heard in Session 3's recap, in both rooms; the Spanish
Session 3 run sheet's cut list agreeing with its rows, and its recap row in Spanish."""
import html
import re

import helpers
from helpers import workshop

import kit_once

TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


def _series():
    plans = workshop.load_plans(helpers.load_essay())
    return plans[plans.plan == "series-3x120"]


def test_session_3_recap_hears_session_2_homework_in_both_rooms():
    """Review 23, item 3: Exercises 2 and 4 of 01, set in Session 2, were never picked up in Session 3. Its recap, in
    the English room and in the version for Spanish readers, names the homework (computed from Session 2's) and says
    how it is heard, in minutes inside the recap; each version's minutes still add to its length."""
    series = _series()
    s3 = series[series.meeting == 3]
    for rows, due in ((s3, s3.iloc[0].homework_due), (workshop.spanish_version(s3), s3.iloc[0].version_homework_due)):
        assert due and due["exercises"] == [2, 4], due
        recap = rows[rows.topic == "recap"].iloc[0]
        assert due["name"]["en"] in recap.activity and due["name"]["es"] in recap.activity_es, recap.activity
        assert re.search(r"\b\d minutes?\b", recap.activity) and re.search(r"\b\d minutos?\b", recap.activity_es)
        assert "{" not in recap.activity + recap.activity_es + recap.room
        assert rows.minutes.sum() == 120


def test_spanish_session_3_sheet_cuts_agree_with_its_rows_and_speak_spanish():
    """Review 23, item 10: the Spanish Session 3 run sheet listed the closing round as cut while its key points hold
    one, and its recap row switched to English ("Pairs (15)")."""
    sheets = kit_once.run_sheets()
    text = _plain(sheets["run-sheet-series-3x120-3-spanish.html"])
    cut = re.search(r"Cut, for home or for the notebooks: (.*?)\.", text)
    assert cut, text[:400]
    series = _series()
    version = workshop.spanish_version(series[series.meeting == 3])
    # a cut segment whose name opens a kept segment's directions (the key points' "Closing round, …") says where it went
    items = re.findall(r"(?:, | and )?([a-z ]+) \(([^)]*)\)", cut[1])
    assert [t for t, _ in items] == ["dating the essay", "glossary", "closing round"], items
    held = [(t, where) for t, where in items if any(a.lower().startswith(t) for a in version.activity)]
    assert held and all("key points" in where for _, where in held), (held, cut[1])
    assert "Pairs (" not in text and "Content note, agreements" not in text
    assert not version.iloc[0].spanish_variant.get("sheet_in_english")


def test_each_later_reading_message_goes_after_the_meeting_before_it():
    """Review 23, item 4: the messages said "a week before (two weeks for Spanish readers)" with no stated gap between
    meetings: with weekly meetings, Session 2's message (which sets Session 1's homework) would go out before Session 1.
    Each later meeting's message says when it goes, after the meeting before it, in English and Spanish."""
    page = kit_once.reading_messages()["reading-message.html"]
    parts = page.split("<h2>")[1:]
    series = [p for p in parts if "Session " in p.split("</h2>")[0]]
    assert series, [p.split("</h2>")[0] for p in parts]
    for part in series:
        n = int(re.search(r"Session (\d)", part.split("</h2>")[0])[1])
        text = _plain(part)
        if n == 1:
            assert "Send it a week before" in text, text[:300]
        else:
            # review 25: by the kit's one rule (workshop.reading_message_when), never earlier
            assert f"at the end of Session {n - 1}, never earlier" in text, text[:300]
            assert f"al final de la sesión {n - 1}, nunca antes" in text, text[:300]
    assert "each later one at the end of the session before it" in _plain(page.split("<h2>")[0])
    # the preparation route's step says the same (it said "send a week before each session")
    plans = (helpers.SEEDS / helpers.DEFAULT_READING / "sessions.yml").read_text(encoding="utf-8")
    assert "a week before each session" not in plans and "{when_sent}" in plans


def test_the_packet_and_the_at_home_slide_say_the_run_sheets_homework():
    """Review 23, item 2 (part): the English packet's "At home · En casa" line was English only, and the At home slides
    left out "without its exercise" and the parts skipped: the packet's line gives both languages in both packets, and
    the slide's brief names the homework with what it leaves out, as the closing row does."""
    from tools import packet
    series = _series()
    s1 = series[series.meeting == 1].iloc[0]
    for said in (s1.homework, s1.version_homework):
        for spanish in (False, True):
            line = html.unescape(packet.homework_line(said, spanish))
            assert said["en"] in line and said["es"] in line, (spanish, line)
        brief = workshop.homework_brief(said)
        assert "without its exercise" in brief["en"] and "sin su ejercicio" in brief["es"], brief
    brief = workshop.homework_brief(s1.version_homework)
    assert "What the essay is" in brief["en"] and "What the essay is" in brief["es"], brief
