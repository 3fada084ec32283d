"""Review 18 (a facilitator read the 90-minute session and its version for Spanish readers on 8f0599f): what they
found that a test can hold. Each test failed on 8f0599f (see the report of s18-version)."""
from __future__ import annotations

import html
import json
import re

import pytest

from helpers import load_essay, workshop
from tools import decks, packet

import kit_once

PLAN = "single-90"


# a whole kit's packets, run sheets, notes pages … made once for the test process (tests/kit_once.py): the tests
# only read what they return, and each build takes a second or two
plan_packets, run_sheets, checklists, notes_pages, reading_messages = (
    kit_once.plan_packets, kit_once.run_sheets, kit_once.checklists, kit_once.notes_pages, kit_once.reading_messages)


def text_of(page: str) -> str:
    """A built page as the reader reads it: no tags, entities undone, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture(scope="module")
def essay():
    return load_essay()


@pytest.fixture(scope="module")
def own(essay) -> str:
    """What the version prints instead of the plan's, as the print list names it."""
    return workshop.version_own(workshop.load_print_lists(essay), PLAN)


# ---- 1 (#1): every place that says what to print for the version names its own packet ---------------------------

def test_the_version_prints_its_own_packet_by_the_print_list(essay, own):
    """The print list's packet says what the version prints instead (sessions.yml printouts, version); it is the
    packet that ends with the Spanish sheet, and the version does not print the Exercise 2 sheet."""
    assert own.startswith("its own packet") and "Spanish sheet" in own
    version = workshop.version_print_list(workshop.load_print_lists(essay), PLAN)
    assert "exercise 01-2" not in set(version.printout)
    pages = plan_packets()
    assert 'class="spanish-sheet' in pages[f"packet-{PLAN}-spanish.html"] and 'class="spanish-sheet' not in pages[f"packet-{PLAN}.html"]


def test_the_english_run_sheet_and_the_checklist_lead_to_the_versions_own_packet(own):
    """Review 18, #1: the English run sheet said to swap only the "run sheet and deck", and the checklist's legend
    named no packet; followed, they printed the plan's packet, which has no Spanish sheet."""
    sheet = text_of(run_sheets()[f"run-sheet-{PLAN}-1.html"])
    # since review 22 the version has a checklist of its own, which says what it prints instead
    checklist = text_of(checklists()[f"checklist-{PLAN}-1-spanish.html"])
    for page in (sheet, checklist):
        assert own in page
    assert "two weeks before" in checklist          # review 25: the reading message's rule, not "two weeks ahead"


def test_the_guide_says_what_the_version_prints_from_the_print_list(own):
    """Review 18, #1 and #9: the guide said "the plan's packet ends with the Spanish sheet" (only the version's does),
    that the version's notes carry "the worked solution" and spoke of "the dropped segment" (three are dropped)."""
    nb = json.load(open(workshop.NOTEBOOKS / "05_facilitator_guide.ipynb", encoding="utf-8"))
    prose = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    shown = " ".join("".join(o.get("data", {}).get("text/markdown", "")) for c in nb["cells"]
                     if c["cell_type"] == "code" for o in c["outputs"])
    assert "the plan's packet ends with" not in prose and "the dropped segment" not in prose
    assert "with the worked solution beside its segment" not in prose
    assert own in shown and "two weeks before" in shown
    for topic in ("setup", "argument map", "two death tolls"):
        assert topic in shown


# ---- 2 (#4): the English room is promised only the Spanish its packet holds ----------------------------------

def test_the_rooms_are_promised_the_spanish_of_49_only_where_their_packet_has_it():
    """Review 18, #4: the English room's run sheet (0:32), slide and notes said ¶49 is "also in Spanish, en el
    cuadernillo", which its packet does not hold; the version's packet does, and its texts still say so."""
    pages = plan_packets()
    held = {"": 'class="spanish-sheet' in pages[f"packet-{PLAN}.html"],
            "spanish": 'class="spanish-sheet' in pages[f"packet-{PLAN}-spanish.html"]}
    for plan, meeting, rows, ctx in decks.meetings(versions=True):
        if plan != PLAN:
            continue
        seg = rows[rows.topic == "war of position"].iloc[0]
        said = "Spanish sheet" in seg.activity or "en español, en el cuadernillo" in seg.activity_es
        assert said == held[rows.iloc[0].version], rows.iloc[0].version
    english = text_of(run_sheets()[f"run-sheet-{PLAN}-1.html"])
    assert "also in Spanish on the packet's Spanish sheet" not in english


# ---- 3 (#2): a version with no computers asks nobody to set one up --------------------------------------------

def test_the_version_with_no_computers_asks_nobody_to_install():
    """Review 18, #2: the version's reading message said "Bringing a laptop? … follow the setup page (attached)" and
    its packet's first page "Setting up a computer", for a session with no computers."""
    page = reading_messages()["reading-message.html"]
    parts = re.split(r"<h2>", page)
    version = [p for p in parts if p.startswith("One 90-minute study session, for a room with Spanish readers")]
    english = [p for p in parts if p.startswith("One 90-minute study session</h2>")]
    assert version and english
    assert "Bringing a laptop" not in version[0] and "Traen computadora" not in version[0]
    assert "No computer is needed" in version[0]
    assert "Bringing a laptop" in english[0]
    pages = plan_packets()
    assert "Setting up a computer" not in pages[f"packet-{PLAN}-spanish.html"]
    assert "Setting up a computer" in pages[f"packet-{PLAN}.html"]


# ---- 4 (#3): the version's closing fits its minutes -----------------------------------------------------------

def _version_rows(essay):
    plans = workshop.load_plans(essay)
    return workshop.spanish_version(plans[plans.plan == PLAN]).assign(version="spanish")


def test_the_versions_closing_says_only_what_it_kept_and_fits_its_minutes(essay):
    """Review 18, #3: the version's 8-minute closing read four key points in both languages (about 600 words; one of
    them Exercise 2's, which the version cuts, printed on the packet's sheet too) and a round at 15 seconds a person
    with no interpreting. Now: the key points of the segments it keeps, said once in Spanish; the round's turn times
    the interpreting factor; the spoken words and the round of the group it is sized for fit its minutes."""
    rows = _version_rows(essay)
    notes = text_of(notes_pages()[f"notes-{PLAN}-1-spanish.html"])
    said = notes[notes.index("The key points of this meeting"):]
    spanish = " ".join(packet.spanish_sheet_parts(plan_id=PLAN))
    # Exercise 2's key point (the argument map segment, which the version drops): neither said nor printed
    assert "argument map" not in set(rows.topic)
    assert "A sentence does something to a claim" not in said and "Una oración hace algo" not in spanish
    # the round's turn: the English room's, times the interpreting factor
    plans = workshop.load_plans(essay)
    english = plans[(plans.plan == PLAN) & (plans.topic == "key points")].activity.iloc[0]
    turn = int(re.search(r"about (\d+) seconds a person", english)[1]) * workshop.reading_paces(essay)["interpreted"]
    closing = rows[rows.topic == "key points"].iloc[0]
    assert re.search(r"about (\d+) seconds a person", closing.activity) and \
        int(re.search(r"about (\d+) seconds a person", closing.activity)[1]) >= turn
    fit = workshop.closing_fit(essay, rows)
    assert fit["seconds"] <= fit["minutes"] * 60, fit
    assert f"about {fit['seconds_a_person']} seconds a person" in closing.activity
    sheet = workshop.load_spanish_sheet(essay)[f"{PLAN}-1"]
    dropped = [k for k in sheet["key_points"] if k["topic"] not in set(rows.topic)]
    assert dropped, "the sheet has a key point of a dropped segment (the test's premise)"
    for k in dropped:
        assert k["en"].split(":")[0] not in said and html.escape(k["es"].split(":")[0]) not in spanish
    # the spoken words, counted from the notes as printed: at the data's pace, with the round, within the minutes
    points = workshop.kept_key_points(sheet["key_points"], rows)
    assert all(" ".join(k["es"].split()) in said for k in points)
    wpm = workshop.load_one(essay, "sessions.yml closing_round")["speaking_wpm"]
    words = sum(len(k["es"].split()) for k in points)
    assert words * 60 / wpm + fit["group"] * fit["seconds_a_person"] <= fit["minutes"] * 60


# ---- 5 (#9): the version's notes carry no English-room leftovers ----------------------------------------------

def test_the_versions_notes_carry_its_own_instructions():
    """Review 18, #9: the version's notes said "Leading question 2 in 15 minutes" (it gives 23), "Without computers:
    … exercise 2", the notebook 01 and 04 stuck points, "keep your work", and claimed a worked solution."""
    notes = text_of(notes_pages()[f"notes-{PLAN}-1-spanish.html"])
    english = text_of(notes_pages()[f"notes-{PLAN}-1.html"])
    assert "Cómo conducir la pregunta 2 en 23 minutos" in notes and "en 15 minutos" not in notes   # review21: in Spanish
    for leftover in ("Without computers", "where people get stuck", "keep your work",
                     "with the worked solution of each exercise"):
        assert leftover not in notes, leftover
        assert leftover in english, leftover           # the English room keeps them


# ---- 6 (#6, #8): the print list and the checklist for the Spanish room ----------------------------------------

def test_the_start_page_prints_the_versions_own_list_with_its_pages(editions_built, essay):
    """Review 18, #6: the start page's print list gave the Spanish room the plan's 7-page packet (21 pages a
    participant; the version's is longer), the English notes' pages and the Exercise 2 sheet the version cuts."""
    from pypdf import PdfReader
    from tools import bundle
    section = bundle.print_lists(editions_built)
    mine = section[section.index("<h4>For a room with Spanish readers"):]
    mine = mine[:mine.index("</p>") + 4]
    pdf = lambda name: len(PdfReader(editions_built / "facilitator" / name).pages)   # noqa: E731
    found = [(html.unescape(re.sub(r"<[^>]+>", "", a)).split(":")[0].split(" (")[0], html.unescape(c), int(n))
             for a, c, n in re.findall(r"<tr><td>(.*?)</td><td>([^<]*)</td><td>(\d+)</td></tr>", mine)]
    rows = {name: n for name, _, n in found}
    pages = lambda start: next(n for name, n in rows.items() if name.startswith(start))   # noqa: E731
    assert pages("The participant packet") == pdf(f"packet-{PLAN}-spanish.pdf")
    assert pages("The facilitator's notes") == pdf(f"notes-{PLAN}-1-spanish.pdf")
    assert pages("The run sheets") == 1
    assert not any("Exercise 2" in name for name in rows)
    each = int(re.search(r"come to (\d+) pages", mine)[1])
    assert each == sum(n for _, copies, n in found if copies == "each participant")


def test_the_checklist_shows_what_the_version_uses_and_two_people_for_interpreting_and_helping():
    """Review 18, #8 and #5: the legend made the projector read as unused in the version (it projects question 2);
    nothing set the interpreter apart from the named helper, or asked for a helper who speaks Spanish."""
    # since review 22 the version has a checklist of its own: what it uses is listed there, with its times
    page = checklists()[f"checklist-{PLAN}-1-spanish.html"]
    rows = {text_of(a): text_of(b) for a, b in re.findall(r"<tr><td>☐</td><td>(.*?)</td><td>(.*?)</td></tr>", page)}
    assert any(item.startswith("projector") and "at 0:" in when for item, when in rows.items())
    helper = [item for item, when in rows.items() if "helper who speaks Spanish" in item and "at 0:" in when]
    interpreter = [item for item, when in rows.items() if item == "an interpreter" and "at 0:" in when]
    assert helper and interpreter
    english = text_of(checklists()[f"checklist-{PLAN}-1.html"])
    assert "helper who speaks Spanish" not in english
