"""Homework in the participant packet and on a short slide, the Spanish Session 1 without a notebook tour, and one
second-language pace (issue #20, task s23-packet; facilitator review 22, items 4, 7 and 10).

- 4: the packet's agendas gave only "Read before": each now says what to do before the next meeting, in the same
  computed words as the closing row and the messages, in Spanish in the packet of the version for Spanish readers;
  the Spanish closing slide gave the homework in 336 words: it now has a slide of its own, under 80 words.
- 7: the Spanish Session 1 cuts the tour of notebook 00 and sends 00 home: its homework says how to start it.
- 10: the essay's reading doubled in a second language, notebook 00 went from 45 to 51 minutes and the table of voices
  had no second-language figure: one rule (every English word read takes twice as long), stated once in the guide.
"""
from __future__ import annotations

import html
import math
import re

import nbformat

import kit_once
from helpers import workshop
from helpers.essay import PROJECT
from tools import decks

SERIES = "series-3x120"
L2 = re.compile(r"\(about (\d+) minutes, or about (\d+) in a second language\)")


def _visible(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S))).split())


def _meetings(essay, version: str):
    plans = workshop.load_plans(essay)
    out = []
    for m in (1, 2, 3):
        rows = plans[(plans.plan == SERIES) & (plans.meeting == m)]
        out.append(workshop.spanish_version(rows) if version else rows)
    return out


# ---- 4: the homework in the packet's agendas, and on a short slide --------------------------------------------

def test_each_agenda_says_the_homework_for_the_next_meeting_as_the_closing_row_does(essay):
    """The packet of the meetings as planned says each homework in English, the version's packet in Spanish (with
    its second-language minutes), word for word as the meeting's closing row; the last meeting sets none."""
    for version, lang, label in (("", "en", "At home, for the next meeting"),
                                 ("spanish", "es", "En casa, para la próxima reunión")):
        page = _visible(kit_once.packet_page(plan=SERIES, version=version))
        meetings = _meetings(essay, version)
        assert page.count(label) == 2, (version, page.count(label))
        for rows in meetings[:2]:
            said = rows.iloc[0].homework
            closing = rows[rows.topic == "key points"].iloc[0]
            assert said[lang] in (closing.activity if lang == "en" else closing.activity_es)
            assert re.search(re.escape(label) + r" · [^:]*: " + re.escape(said[lang]) + r"\.", page), (version, said[lang])
            if lang == "es":
                assert re.search(r"o unos \d+ si leen en inglés como segunda lengua", said["es"]), said["es"]
        # the agenda of the last meeting ends with its table: nothing is due after the series
        assert not meetings[2].iloc[0].homework
        assert page.rfind(label) < page.rfind(meetings[2].iloc[0].meeting_title)


def test_the_homework_has_a_slide_of_its_own_under_80_words_saying_what_how_long_and_where(essay):
    """Every deck of a meeting that sets homework gives it on an "At home" slide (what, how long and in a second
    language, where: the notebooks, or the printed lesson its plan prints) of at most 80 words; the closing slide
    points to it instead of saying it in full."""
    built = kit_once.session_decks()
    seen = 0
    for version in ("", "spanish"):
        for m, rows in enumerate(_meetings(essay, version)[:2], start=1):
            said = rows.iloc[0].homework
            name = f"{SERIES}-{m}" + ("-spanish" if version else "") + ".slides.html"
            slides = [c.source for c in built[name].cells if c.metadata["slideshow"]["slide_type"] == "slide"]
            home = [s for s in slides if s.startswith(("## At home", "## En casa"))]
            assert len(home) == 1, name
            text = _visible(home[0])
            assert decks.words(home[0]) <= 80, (name, decks.words(home[0]))
            minutes = [said["minutes"], said["minutes_l2"]] + ([said["optional"]["minutes"], said["optional"]["minutes_l2"]]
                                                               if said["optional"] else [])
            for n in minutes:
                assert re.search(rf"\b{n} min\b|\({n} (in a second language|en segunda lengua)\)", text), (name, n, text)
            # on paper: the meeting's paper edition, which holds the homework's needed part (s23-print, tools.paper)
            assert "Where · Dónde" in text and "the paper edition" in text and "la edición en papel" in text, text
            assert text.index("En casa") < text.index("At home") if version else text.index("At home") < text.index("En casa")
            closing = next(s for s in slides if "Key points" in s.split("\n")[0])
            assert said["en"] not in html.unescape(closing) and said["es"] not in html.unescape(closing), name
            assert "At home slide" in closing and "diapositiva En casa" in closing, name
            seen += 1
    assert seen == 4


# ---- 7: the Spanish Session 1 starts notebook 00 without the tour ----------------------------------------------

def test_the_spanish_session_1_says_how_to_start_notebook_00_without_the_tour(essay):
    """The version cuts the 5-minute tour (interpreted, 8 minutes a kept segment would lose): its homework starts
    where the setup check left everyone, 00's first cell run, or on paper in the session's paper edition, which the
    plan prints for every version and which holds the homework (s23-print); the message and the closing row say so,
    in English and Spanish."""
    rows = _meetings(essay, "spanish")[0]
    assert "first notebook" not in set(rows.topic)          # the tour is cut
    said = rows.iloc[0].homework
    assert "setup check" in said["en"] and "paper edition of this session" in said["en"], said["en"]
    assert "comprobación de la instalación" in said["es"] and "edición en papel de esta sesión" in said["es"], said["es"]
    # the plan prints each meeting version's paper edition (s23-print), and the version's first holds 00's short route
    lists = workshop.load_print_lists(essay)
    editions = lists[(lists.plan == SERIES) & (lists.printout == "paper editions")]
    assert len(editions) == 1 and editions.iloc[0].only == "every version", editions
    assert editions.iloc[0]["at"] == "every meeting", editions
    from tools import paper
    parts = paper.paper_parts()[f"{SERIES}-1-spanish"]
    assert any(p["notebook"] == "00_start_here" and p["why"] == "homework" for p in parts), parts
    message = " ".join(html.unescape(kit_once.reading_messages()["reading-message.html"]).split())
    assert said["en"] in message and said["es"] in message
    # the setup segment the homework points back to has everyone run notebook 00's first cell
    setup = rows[rows.topic == "setup"].iloc[0]
    assert "first cell" in setup.activity, setup.activity


# ---- 10: one second-language pace ------------------------------------------------------------------------------

def test_every_reading_figure_in_a_second_language_is_the_one_the_budget_counts(essay):
    """The run sheets, packets and messages gave ¶19–¶42 and ¶48–¶49 as 30 minutes in a second language, the budget
    counted 29: one figure now, the reading's minutes and its reading once more, rounded up."""
    plans = workshop.load_plans(essay)
    pre = workshop.pre_reading(essay, plans).set_index(["plan", "meeting"])
    raw = {p["id"]: p for p in workshop.read_yaml(essay.folder / "sessions.yml")["plans"]}
    rows = plans[plans.plan == SERIES]
    homeworks = [(rows[rows.meeting == m].iloc[0].homework, rows[rows.meeting == m].iloc[0].version_homework)
                 for m in (1, 2, 3)]
    gaps = {(g["meeting"], g["version"]): g for g in workshop.homework_load(essay, raw[SERIES]["meetings"], homeworks)}
    sheets = {k: _visible(v) for k, v in kit_once.run_sheets().items()}
    packet = _visible(kit_once.packet_page(plan=SERIES, version="spanish"))
    for m in (1, 2):
        r = pre.loc[(SERIES, m + 1)]
        words = r.words
        assert gaps[(m, "spanish")]["reading"] == r.minutes + math.ceil(words / essay.reading_speed - 1e-9), (m, r)
        twice = gaps[(m, "spanish")]["reading"]
        assert f"unos {r.minutes} minutos, o unos {twice} si leen en inglés como segunda lengua" in packet, (m, twice)
        sheet = next(v for k, v in sheets.items() if k.startswith(f"run-sheet-{SERIES}-{m + 1}"))
        assert re.search(rf"\b{twice}\b", sheet), (m, twice)


def test_every_homework_part_that_reads_english_gives_its_second_language_minutes(essay):
    """The table of voices (all reading, no writing) had no second-language figure, and notebook 00's short route,
    mostly reading, went from 45 to 51 (only its essay paragraphs slower): every part now gives one, by the same rule:
    its English minutes plus its English reading once more."""
    from helpers.lessons import short_route_row
    plans = workshop.load_plans(essay)
    second = workshop.spanish_version(plans[(plans.plan == SERIES) & (plans.meeting == 2)]).iloc[0].homework
    optional = second["optional"]
    assert optional["minutes_l2"] > optional["minutes"], optional
    assert re.search(r"the table of voices in notebook 02 \(about \d+ minutes, or about \d+ in a second language\)",
                     second["en"]), second["en"]
    first = plans[(plans.plan == SERIES) & (plans.meeting == 1)].iloc[0].homework
    nb = nbformat.read(PROJECT / "notebooks" / "00_start_here.ipynb", as_version=4)
    lesson = nb.metadata["lesson"]
    skip = list(lesson["short_route"]["skip"]) + ["## Exercise: two numbers for one event"]
    nb.metadata["lesson"] = dict(lesson, short_route={"skip": skip})
    row = short_route_row(nb, "00_start_here.ipynb", essay, PROJECT / "notebooks" / "00_start_here.ipynb")
    reading = row["reading_min"] + row["notebook_min"] + row["solutions_min"]     # rounded up, each
    m = L2.search(first["en"])
    english, slower = int(m[1]), int(m[2])
    assert english == first["minutes"] and slower == first["minutes_l2"]
    # its reading once more: within the rounding of the parts (each rounded up by at most a minute)
    assert reading - 3 <= slower - english <= reading, (english, slower, reading)


def test_the_guide_states_the_second_language_rule_once_with_the_pace_of_the_data(essay):
    """Where a facilitator reads it: one paragraph of the guide, its factor the data's (reading_pace second_language)."""
    words = {2: "twice as long", 1.5: "half as long again", 3: "three times as long"}
    pace = workshop.reading_paces(essay)["second_language"]
    nb = nbformat.read(PROJECT / "notebooks" / "05_facilitator_guide.ipynb", as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert prose.count("**Times in a second language.**") == 1
    rule = prose.split("**Times in a second language.**")[1].split("\n\n")[0]
    assert words[pace] in rule and "the essay's and the notebooks'" in rule, rule
    assert "writing answers" in rule and "keep their minutes" in rule, rule
