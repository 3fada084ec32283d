"""Issue #20, session 25: the 90-minute session's minimum preparation route reads everything its run sheet and its
day-of checklist send the facilitator to (facilitator review 24: preparing from the bundle alone, the route left out
the slides, the packet's page for question 2, the setup page and the notes with Exercise 2's worked solution, and
the room then needed all four).

Every pointer the two pages hold (a file, a page, a notes section) is found by the name the kit gives it, and each
kind of pointer names what on the minimum route covers it: a step kept on the route, or the words of a page the
route reads. A pointer of a kind this file does not know fails, so a new one cannot slip past the route."""
from __future__ import annotations

import html
import re

import pytest

from helpers import load_essay, workshop
from helpers.text import paragraph_numbers
from tests import kit_once
from tools import decks, short_notes

PLAN = "single-90"


def text_of(page: str) -> str:
    page = re.sub(r"(?s)<style.*?</style>", " ", page)
    return " ".join(html.unescape(decks.TAG.sub(" ", page)).split())


@pytest.fixture(scope="module")
def kit():
    parts = [p for p in kit_once.sheet_parts() if p[0] == PLAN and not p[2].iloc[0].version]   # built once, only read
    ctx = parts[0][3]
    steps = kit_once.minimum_routes()[0][PLAN]
    sheet = kit_once.run_sheets()[f"run-sheet-{PLAN}-1.html"]      # built once per test process, only read
    sheet = re.sub(r'<p class="prep">.*?</p>', " ", sheet, flags=re.S)     # the route's own totals, not a pointer
    rows = {seg.topic: text_of(row) for seg, row in
            zip([s for s in parts[0][2].itertuples() if s.minutes],
                re.findall(r"<tr><td><b class=\"t\">.*?</tr>", sheet, flags=re.S))}
    return {"ctx": ctx, "segments": parts[0][2], "kept": [s for s in steps if not s.get("left")],
            "sheet": text_of(sheet), "rows": rows,
            "checklist": text_of(kit_once.checklists()[f"checklist-{PLAN}-1.html"]),
            "short": text_of(short_notes.pages()[f"short-notes-{PLAN}-1.html"]),
            "prints": set(workshop.load_print_lists(load_essay()).query("plan == @PLAN").printout)}


def kept(kit, reads: str, what: str = "") -> bool:
    return any(s["reads"] == reads and what in s["what"] for s in kit["kept"])


# each pointer the two pages can hold, by the words that name it: the kind of thing it is
POINTERS = [
    (r"\bslides?\b|\bdeck\b|speaker notes", "slides"),
    (r"setup page", "setup page"),
    (r"facilitator's notes", "facilitator's notes"),
    (r"notes in short", "notes in short"),
    (r"\bpacket\b", "packet"),
    (r"reader's edition", "reader's edition"),
    (r"glossary excerpt", "glossary excerpt"),
    (r"Exercise 2 sheet|Exercise 2 of lesson 01", "exercise sheet"),
    (r"\bnotebook \d\d\b", "notebook"),
    (r"\brun sheets?\b", "run sheet"),
    (r"\bchecklists?\b", "checklist"),
    (r"message that sends the reading", "reading message"),
    (r"safety notes", "safety notes"),
    (r"the bundle|participants' kit", "bundle"),
    (r"start page", "start page"),
    (r"support services|support contacts", "support card"),
    (r"the box above", "the sheet's own box"),
]
# a name of a kit page or file that no pattern above knows (what a new pointer would most likely say)
UNKNOWN = re.compile(r"\bthe guide\b(?!'s safety notes)|\b(?:answer sheet|Who said it|paper edition|participant edition|"
                     r"table of voices|worksheet)\b|\.(?:html|pdf|ipynb)\b")


def found(text: str) -> set[str]:
    return {kind for pattern, kind in POINTERS if re.search(pattern, text)}


def test_the_run_sheet_and_the_checklist_hold_the_pointers_this_file_checks(kit):
    """The scan is not empty: the four things the facilitator review missed are named on the two pages, and no page
    or file is named there that no pointer kind covers."""
    both = kit["sheet"] + " " + kit["checklist"]
    assert {"slides", "setup page", "facilitator's notes", "packet", "notebook"} <= found(both), found(both)
    assert not UNKNOWN.findall(both), UNKNOWN.findall(both)


def test_every_pointer_on_the_run_sheet_and_the_checklist_names_something_on_the_minimum_route(kit):
    """Each kind of pointer found on the 90-minute run sheet or its day-of checklist is covered by the minimum
    route: the step that reads it is kept, or a page the route reads holds what the room will need from it."""
    ctx, short = kit["ctx"], kit["short"]
    h = ctx["handout"]
    covered = {
        # the room sees the slides: the rehearsal is done with them open, on the route (about 20 minutes)
        "slides": lambda: any(s["reads"] == "rehearse" and "slides open" in s["what"] and s["minutes"] >= 20
                              for s in kit["kept"]),
        # the setup page is the participants' (the kit's own): the setup row says what to check, in its words
        "setup page": lambda: kept(kit, "setup page") or setup_check_shown(kit),
        # the full notes are printed for the day; what the room asks of them (an exercise's worked solution) is
        # in the notes in short, in brief
        "facilitator's notes": lambda: kept(kit, "short notes") and all(
            f"Exercise {n}'s worked solution, in brief" in short and first in short
            for seg in kit["segments"].itertuples() for n in exercises_of(seg)
            for first in [" ".join(decks.worked_solution(seg.notebook, int(n)).split("\n\n", 1)[0]
                                   .replace("**The answer first.**", "").replace("**", "").split())]),
        "notes in short": lambda: kept(kit, "short notes"),
        # a printout for participants (on the print list the route's printing step follows); what the facilitator
        # needs from its pages: the agreements and content note (safety notes), each question in full (notes in short)
        "packet": lambda: "packet" in kit["prints"] and kept(kit, "arrange", "print list") and kept(kit, "safety notes")
        and all(" ".join(ctx["questions"].question[q].split()) in short
                for seg in kit["segments"].itertuples() for q in seg.discussion.split(", ") if q),
        "reader's edition": lambda: "reader's edition" in kit["prints"] and any(
            s["reads"] == "essay" and s["where"].startswith("¶1–¶62") for s in kit["kept"]),
        "glossary excerpt": lambda: "glossary excerpt" in kit["prints"] and kept(kit, "glossary"),
        "exercise sheet": lambda: "exercise 01-2" in kit["prints"] and any(
            s["reads"] == "exercise" and s["notebook"] == "01_argument_structure" and int(s["exercise"]) == 2
            for s in kit["kept"]),
        "notebook": lambda: all(notebook_covered(kit, seg) for seg in kit["segments"].itertuples()
                                if seg.minutes and seg.notebook),
        "run sheet": lambda: kept(kit, "run sheet"),
        "checklist": lambda: kept(kit, "checklist"),
        "reading message": lambda: kept(kit, "reading message"),
        "safety notes": lambda: kept(kit, "safety notes"),
        "bundle": lambda: kept(kit, "start page") and "participants' kit" in decks.START_LEAD,
        "start page": lambda: kept(kit, "start page"),
        "support card": lambda: kept(kit, "arrange", "support services"),
        "the sheet's own box": lambda: kept(kit, "run sheet"),
    }
    missing = [(name, kind) for name, text in (("run sheet", kit["sheet"]), ("checklist", kit["checklist"]))
               for kind in sorted(found(text)) if not covered[kind]()]
    assert not missing, missing


def notebook_covered(kit, seg) -> bool:
    """A notebook a segment names: what the segment uses of it is on the route (its exercise read with its worked
    solution, its paragraphs read closely, the glossary entries it glosses, or, at the setup check, what to check)."""
    essay = next(s for s in kit["kept"] if s["reads"] == "essay" and "closely" in s["where"])
    closely = set(paragraph_numbers(essay["where"].split("closely:", 1)[1]))
    exercises = {int(n) for n in exercises_of(seg)}
    return (set(paragraph_numbers(seg.paragraphs)) <= closely
            and all(any(s["reads"] == "exercise" and s["notebook"] == seg.notebook and int(s["exercise"]) == n
                        for s in kit["kept"]) for n in exercises)
            and ("glossary" not in seg.activity or kept(kit, "glossary"))
            and (seg.topic != "setup" or setup_check_shown(kit)))


def exercises_of(seg) -> set[int]:
    """The exercises a segment does in its notebook: those its activity names and its ``exercise``."""
    if not seg.notebook:
        return set()
    return {int(n) for n in decks.EXERCISE_NAMED.findall(seg.activity)} | ({int(seg.exercise)} if seg.exercise else set())


def setup_check_shown(kit) -> bool:
    """The setup row says what a working setup shows, in the setup page's own words (its check's quoted line)."""
    shown = re.search(r'"([^"]+)"', kit["ctx"]["handout"]["setup"]["check"]["en"])[1]
    return shown in kit["rows"]["setup"] and "setup page" in kit["rows"]["setup"]


def test_the_setup_row_says_what_to_check_in_the_setup_pages_words(kit):
    """The setup check's row gives the setup page's own test (the line under the first cell), so the facilitator
    who has read the run sheet knows what a working setup shows; the line is the one the setup page's check gives."""
    assert setup_check_shown(kit), kit["rows"]["setup"]
    check = " ".join(kit["ctx"]["handout"]["setup"]["check"]["en"].split())
    line = decks.setup_check_line(kit["ctx"]["handout"])
    assert line.split(": ", 1)[1].replace("under the first cell", "under it")[1:] in check


def test_question_2_is_in_full_in_the_notes_in_short_and_the_run_sheet_says_so(kit):
    """The run sheet asks question 2 in short and names where its full text is; the notes in short hold it."""
    full = " ".join(kit["ctx"]["questions"].question["D02"].split())
    assert full in kit["short"]
    assert "(in full: the notes in short and the packet)" in kit["rows"]["feasibility objection"]
