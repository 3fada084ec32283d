"""Facilitator review 20 (the three-meeting series): the death-tolls segment of Session 2, the packet brought to the
later meetings, the "Before next time" slides in both languages, the Spanish readers' message and the notebooks."""
import html
import re
from functools import lru_cache

import pytest

from helpers import workshop
from tools import decks
import kit_once

SERIES = "series-3x120"
TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


@lru_cache(maxsize=None)
def _decks() -> dict:
    return kit_once.session_decks()


@lru_cache(maxsize=None)
def _messages() -> list[str]:
    return re.split(r"<h2>", kit_once.reading_messages()["reading-message.html"])


# ---- 1: the 20 minutes on the death tolls get a question, likely answers and the worked solution -----------------

def test_every_death_tolls_segment_asks_its_question_and_carries_the_worked_solution(essay):
    """Review 20, #1: the series' segment was one line ("Through someone or something: the interpreter, the memoir;
    two numbers…"), no question, no likely answers, no worked solution, though the 90-minute one links 00's."""
    plans = workshop.load_plans(essay)
    tolls = plans[plans.topic == "two death tolls"]
    assert set(tolls.plan) == {"single-90", SERIES}
    for seg in tolls.itertuples():
        assert "Who gives each" in seg.activity and "?" in seg.activity_es, seg.plan
        assert seg.worked == "00_start_here: two numbers for one event", seg.plan
    series = tolls[tolls.plan == SERIES].iloc[0]
    assert "Over 30" in series.lead and "Over 40" in series.lead and "memoir" in series.lead
    # the interpreter is the essay's (¶41), never to be taken for the room's
    for text in (series.activity, series.room, series.activity_es):
        assert text, "the segment has its room line and its Spanish"
        for m in re.finditer(r"int[ée]rprete?r?", text):
            assert "¶41" in text[max(0, m.start() - 60):m.start() + 80], text


def test_the_series_notes_print_the_death_tolls_worked_solution():
    notes = _plain(kit_once.notes_pages()[f"notes-{SERIES}-2.html"])
    assert "The worked solution: two numbers for one event" in notes or "two numbers for one event" in notes.lower()
    assert "The phrase occurs twice, in ¶36 and ¶40." in notes


# ---- 3: the packet goes to every meeting that uses it -----------------------------------------------------------

def test_the_checklist_and_the_later_messages_bring_the_packet():
    """Review 20, #3: the checklist listed the packet at Session 1 only, and no message said to bring it, though
    Sessions 2 and 3 use it (the discussion questions, the page of clues)."""
    for n in (1, 2, 3):       # each session's own checklist (review 22)
        checklist = _plain(kit_once.checklists()[f"checklist-{SERIES}-{n}.html"])
        row = re.search(r"participant packet \(English and Spanish\) (.*?)☐", checklist)
        assert row and "at 0:00" in row.group(1), checklist[:300]
    # the meetings as planned (review 20b: the versions for Spanish readers of Sessions 2 and 3 have their own)
    series = [p for p in _messages() if p.startswith("A series of three") and "Spanish readers" not in p.split("</h2>")[0]]
    assert len(series) == 3
    for n, part in enumerate(series, start=1):
        text = _plain(part)
        said = "bring the participant packet" in text and "traigan el cuadernillo" in text
        assert said == (n > 1), (n, text[:200])


# ---- 4: the slide that gives the next reading, in both languages --------------------------------------------------

@pytest.mark.parametrize("meeting", [1, 2])
def test_before_next_time_says_its_note_in_spanish_too(essay, meeting):
    """Review 20, #4: the slide's third line, the reading's note, was English only (series-1 slide 27, series-2
    slide 31)."""
    nb = _decks()[f"{SERIES}-{meeting}.slides.html"]
    slide = next(c.source for c in nb.cells if "Before next time" in c.source)
    pre = workshop.pre_reading(essay, workshop.load_plans(essay))
    later = pre[(pre.plan == SERIES) & (pre.meeting == meeting + 1)].iloc[0]
    assert later.note_es and html.escape(later.note_es[:30]) in slide
    assert slide.count('lang="es"') >= 3, slide
    assert decks.words(slide) <= decks.SLIDE_WORDS


# ---- 5: the Spanish readers' message, all on paper, says where the notebooks' setup page is ----------------------

def test_the_paper_only_message_points_to_the_setup_page_its_closing_needs():
    """Review 20, #5: the version for Spanish readers says no computer is needed, yet its closing sends people to
    the notebooks at home; the message now says where the project and its setup page are."""
    version = [p for p in _messages() if p.startswith("One 90-minute study session, for a room with Spanish readers")]
    assert version
    text = _plain(version[0])
    assert "No computer is needed" in text
    assert "the notebooks at home" in text and "setup page" in text.split("No computer is needed", 1)[1]
    assert "página de instalación" in text.split("No hace falta computadora", 1)[1]


# ---- 2: a table's header row is printed with its first row ---------------------------------------------------------

def test_the_series_packet_prints_the_reading_tables_header_with_its_first_row(tmp_path):
    """Review 20, #2: "Reading before each meeting" and the table's header row sat alone at the foot of
    packet-series-3x120.pdf page 7 (participant/packet.pdf page 9), its rows on the next page."""
    import shutil
    import subprocess
    from tools import editions, packet
    try:
        editions.chromium()
    except Exception:
        pytest.skip("no Chromium to print with")
    if not shutil.which("pdftotext"):
        pytest.skip("no pdftotext")
    page = tmp_path / "packet-series-3x120.html"
    page.write_text(kit_once.plan_packets()[page.name], encoding="utf-8")
    pdf = editions.print_pdf(page)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    here = [p for p in pages if "Meeting · Reunión" in p]
    assert len(here) == 1
    after = here[0].split("Meeting · Reunión", 1)[1]
    assert "Session 1: Getting started" in after, after[-300:]
    assert "Reading before each meeting" in here[0]


def test_the_series_death_tolls_slide_holds_what_a_room_can_read():
    """The segment's question, in both languages, on its slide within SLIDE_WORDS (a first wording ran 154 words)."""
    nb = _decks()[f"{SERIES}-2.slides.html"]
    slide = next(c.source for c in nb.cells if c.metadata["slideshow"]["slide_type"] == "slide"
                 and "Two death tolls" in c.source.split("\n", 1)[0] and "Who gives each" in c.source)
    assert "¶41" in slide and "¿Quién da cada" in slide
    assert decks.words(slide) <= decks.SLIDE_WORDS, decks.words(slide)


# ---- review 20b: a version for Spanish readers promises only what it keeps, and says its own paper minutes ------

def _versions(essay):
    plans = workshop.load_plans(essay)
    series = plans[plans.plan == SERIES]
    for n in sorted(set(series.meeting)):
        version = workshop.spanish_version(series[series.meeting == n])
        if version is not None:
            yield n, version, series[series.meeting == n]


def test_a_version_says_the_minutes_of_its_own_paper_stretches_in_every_language(essay):
    """Review 20b: Session 3 (Spanish) said "the next 20 minutes are on paper" on the slide (room) and 30 in Spanish;
    its stretch is 30: every text that states a stretch's minutes states this version's."""
    seen = paper_only = 0
    for n, version, _ in _versions(essay):
        # facilitator review 20b (s21): a version with no computers has nothing to save, and says no save step
        if not workshop.uses_computers(version):
            paper_only += 1
            assert not any("Save first" in t or "Guarden primero" in t for t in version.activity.tolist()
                           + version.activity_es.tolist() + version.room.fillna("").tolist()), n
            continue
        for first, minutes in workshop.paper_stretches(version):
            seg = version.iloc[first]
            for name in ("activity", "room", "activity_es", "activity_offline", "room_offline", "activity_es_offline"):
                for said in re.findall(r"(?:the next|los próximos) (\d+) (?:minutes|minutos)", seg[name] or ""):
                    seen += 1
                    assert int(said) == minutes, (n, name, seg[name])
    assert seen or paper_only


@pytest.mark.parametrize("name", ["activity", "room", "activity_es"])
def test_a_version_promises_no_segment_it_has_cut(essay, name):
    """Review 20b: Session 3 (Spanish) promised "the printed glossary comes round later" with the glossary cut; Sessions
    2–3 (Spanish) readied laptops "for the first screen segment" with none; Session 2 (Spanish) put the cards "before
    the table of voices", which it cut."""
    said = {"glossary": ["glossary goes round later", "glossary comes round later", "glosario impreso se reparte más tarde"],
            "table of voices": ["before the table of voices", "antes de la tabla de voces"]}
    screen = ["first screen segment", "primera parte en pantalla"]
    for n, version, _ in _versions(essay):
        kept = set(version.topic)
        text = " ".join(version[name].fillna(""))
        for topic, words in said.items():
            if topic not in kept:
                assert not any(w in text for w in words), (n, topic)
        if not workshop.uses_computers(version):
            assert not any(w in text for w in screen), n


def test_the_homework_says_what_its_minutes_count_and_the_sitting_it_sits_in():
    """Review 20b, item 3: Session 1's homework said "Exercises 2 to 4 of notebook 01 (about 52 minutes)", the writing
    alone, though notebook 01 puts them in a second sitting of its own stated minutes, with the reading they need."""
    import json
    nb = json.loads((workshop.NOTEBOOKS / "01_argument_structure.ipynb").read_text(encoding="utf-8"))
    line = next("".join(c["source"]) for c in nb["cells"] if "**Two sittings.**" in "".join(c["source"]))
    second = re.search(r"the second, the rest, about (\d+) minutes", line)[1]
    said = workshop.homework_said(None, {"notebook": "01_argument_structure", "exercises": [2, 3, 4]})
    assert "minutes of writing" in said["en"] and f"about {second} minutes" in said["en"], said["en"]
    assert "minutos de escritura" in said["es"] and f"unos {second} minutos" in said["es"], said["es"]


def test_the_cards_page_and_the_print_list_agree_on_who_holds_the_answers(essay):
    """Review 20b, item 5: the cards page said the facilitator keeps the answers; the series' print list prints one
    answer sheet for each pair, handed out after the guessing. The page now says what the print list does."""
    from tools import editions
    lists = workshop.load_print_lists(essay)
    copies = set(lists[lists.printout == "cards answers"].copies)
    page = _plain(editions.cards_html(False))
    assert copies == {"each pair"}, copies
    assert "the facilitator keeps" not in page and "guarda quien facilita" not in page
    assert "one for each pair, handed out after the guessing" in page and "una por pareja" in page
