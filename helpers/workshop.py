"""Workshop planning: session plans (sessions.yml) and facilitator notes (facilitation.yml), checked.

The plans are data, so the minutes always add up: ``load_plans`` refuses a meeting whose segments do not
fill its length, a segment that names a notebook that does not exist, a paragraph the essay does not
have, or a discussion question that discussion.yml does not hold.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path

import pandas as pd

from .anchoring import read_yaml
from .discussion import load_questions
from .readable import questions_in_words
from .errors import AnnotationError, HelperError
from .essay import DEFAULT_READING, PROJECT, SEEDS, Essay
from .lessons import NOTEBOOKS
from .rules import MESSAGES, _paragraphs, declaration, load_entries, load_one, said, vocabulary, worded
from .schema import field
from .text import paragraph_numbers

PLANS = "sessions.yml"
NOTES = "facilitation.yml"

# The setup page's sizes for routes B and C, in MB, rounded to tens: facilitation.yml's setup intro says them with
# {download_mb} and {installed_mb}, which load_handout fills from here, the one place they are kept (issue 20: the
# page said 480 MB downloaded, which was the installed size). Measured on 2026-12-07, Linux x86-64, Python 3.11, in
# the project folder:
#   pip download -r requirements.txt -d /tmp/dl --only-binary=:all: && du -sm /tmp/dl
#       98 (MB, as du counts them; 4 of them the project itself, zipped by pip for its `-e .` line)
#   python -m venv /tmp/v && /tmp/v/bin/pip install -r requirements.txt && du -sm /tmp/v
#       492 (the whole environment, pip and setuptools included)
SETUP_SIZES_MB = {"download_mb": 100, "installed_mb": 490}
#: schema.yml's vocabulary of the segments' topics the plans treat apart: those that come back in every meeting by
#: design (any other topic may appear once per plan), those a meeting keeps when time runs short, and the plans'
#: setup routes that give setup its minutes in the session
TOPICS = "session topics"
#: the vocabularies of sessions.yml, declared in schema.yml (read from the default reading on first use)
_DECLARED = {"SETUP_ROUTES": (f"{PLANS} plans", "setup"), "COPIES": (f"{PLANS} print", "copies"),
             "PREPARE_READS": (f"{PLANS} prepare", "reads"), "PACES": (f"{PLANS} prepare", "pace"),
             "RECURRING": (TOPICS, "recurring"), "KEPT": (TOPICS, "kept"), "IN_SESSION": (TOPICS, "in_session")}


def __getattr__(name: str):
    """SETUP_ROUTES, COPIES, PREPARE_READS, PACES, RECURRING, KEPT and IN_SESSION of the default reading, from
    schema.yml."""
    if name not in _DECLARED:
        raise AttributeError(name)
    from .rules import default_vocabulary
    return default_vocabulary(*_DECLARED[name])


SAVE_STEP = "Ctrl+S, Cmd+S on a Mac; then File → Download"   # before a break and before 20 minutes or more on paper
SAVE_STEP_ES = "Ctrl+S, o Cmd+S en una Mac; luego File → Download"   # the same step in the Spanish prompts
PAPER_STRETCH = 20          # minutes away from the screen after which a Binder session may be gone
MIN_SETUP_MINUTES = 20      # Carpentries practice: 20–30 minutes to get a room of newcomers running


WHEN_SENT = "{when_sent}"      # where a text of sessions.yml or facilitation.yml says when a reading message goes


def reading_message_when(meeting: int | None = 1, lang: str = "en", version: bool | None = None) -> str:
    """When a reading message goes: the kit's one rule, which every page that states a timing takes its words from
    (the start page, the checklists, the reading message page, the run sheets, the preparation routes; sessions.yml
    and facilitation.yml write ``{when_sent}``). The first a week before (two weeks before for a version for Spanish
    readers, who need the time); each later one at the end of the session before, never earlier, since it gives
    that session's homework (facilitator review 23, item 4; review 25: the kit said "a week before it", "or the day
    after" and "two weeks ahead" besides).

    Parameters:
        meeting: the meeting whose message it is (1 for the first or only one); None for every message of any plan,
            said in one phrase.
        lang: ``"en"`` or ``"es"``.
        version: True for the version for Spanish readers alone, False for the meeting as planned alone, None for
            both (the version's timing in brackets); the same for a later meeting.

    Returns:
        A phrase that follows "send it" (or "sent"), without a full stop.

    Example:
        >>> reading_message_when(1)
        'a week before (two weeks before for the version for Spanish readers)'
        >>> reading_message_when(3, "es")
        'al final de la sesión 2, nunca antes'
    """
    if lang not in ("en", "es"):
        raise ValueError(f"lang is {lang!r}: write 'en' or 'es'.")
    en = lang == "en"
    if meeting is None:
        return ("the first (or only) one a week before the first meeting (two weeks before for a version for Spanish "
                "readers), each later one at the end of the session before it, never earlier" if en else
                "el primero (o el único) una semana antes de la primera reunión (dos semanas antes para una versión para "
                "quienes leen mejor en español), cada uno de los siguientes al final de la sesión anterior, nunca antes")
    if meeting > 1:
        return (f"at the end of Session {meeting - 1}, never earlier" if en
                else f"al final de la sesión {meeting - 1}, nunca antes")
    if version is True:
        return "two weeks before" if en else "dos semanas antes"
    if version is False:
        return "a week before" if en else "una semana antes"
    return ("a week before (two weeks before for the version for Spanish readers)" if en else
            "una semana antes (dos semanas antes para la versión para quienes leen mejor en español)")


def when_sent(text: str, meeting: int | None = 1, lang: str = "en", version: bool | None = None) -> str:
    """``text`` with ``{when_sent}`` replaced by ``reading_message_when(meeting, lang, version)``.

    Parameters:
        text: a text from sessions.yml or facilitation.yml.
        meeting, lang, version: as ``reading_message_when`` takes them.

    Returns:
        The text, its timing the rule's.

    Example:
        >>> when_sent("Send it {when_sent}.", 2)
        'Send it at the end of Session 1, never earlier.'
    """
    return text.replace(WHEN_SENT, reading_message_when(meeting, lang, version)) if isinstance(text, str) else text


def load_plans(essay: Essay) -> pd.DataFrame:
    """Load the session plans for running this essay as a workshop (sessions.yml), every segment checked.

    A plan has one or more meetings, and a meeting is a list of timed segments. Loading stops with an
    ``AnnotationError`` saying what to fix when a meeting's segments do not add up to its length, or a
    segment names a notebook, paragraph or discussion question that does not exist.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A table with one row per segment: ``plan``, ``meeting``, ``segment`` (its order), ``start`` (the
        minute it starts), ``minutes``, ``topic``, ``activity`` (and its Spanish, ``activity_es``), ``room`` (the English
        the room reads on the segment's slide when the activity speaks to the facilitator, or empty), ``notebook``, ``paragraphs``
        (what the room reads), ``points_to`` (paragraphs the activity sends pairs to without the room reading them: they
        count for the flashpoint cue, not for the reading, or empty),
        ``discussion``, ``glossary`` (the glossary entries the segment uses, a tuple of terms: the plan's packet
        prints them as its glossary excerpt), ``lead`` (how to lead it: likely answers, for the speaker notes, or
        empty), ``worked`` (a notebook's exercise whose worked solution the notes print beside it, as
        "00_start_here: its title", or empty), ``materials``, ``sensitive`` (the flag's line, or empty), ``projects`` (the number of
        the notebook's figure the segment projects, or 0), ``if_short`` (the meeting's topic to drop first when
        time runs short, or empty), ``spanish_variant`` (the meeting for Spanish readers: ``minutes`` by topic and
        its ``if_short``, or an empty dictionary; ``spanish_version`` applies it), and the plan's and
        meeting's titles and pre-reading; and, for the participant packet, the Spanish of the titles
        (``plan_title_es``, ``meeting_title_es``), of the topic (``topic_es``) and of the notebook's short
        title (``notebook_es``, empty when the segment names no notebook).

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> plans.groupby("plan", sort=False).meeting.nunique().to_dict()
        {'single-90': 1, 'series-3x120': 3}
    """
    path = essay.folder / PLANS
    spanish = load_one(essay, f"{PLANS} spanish")
    topics_es = spanish.get("topics_es") or {}
    notebooks_es = {str(k).zfill(2): v for k, v in (spanish.get("notebooks_es") or {}).items()}
    recurring, kept, in_session = (vocabulary(essay.folder, TOPICS, k) for k in ("recurring", "kept", "in_session"))
    rows = []
    for plan in load_entries(essay, f"{PLANS} plans").itertuples():
        seen_topics: dict[str, str] = {}
        filled = [_with_homework(m, path, f"plan {plan.id}, meeting {n}", essay)
                  for n, m in enumerate(_with_next_reading(plan.meetings, path, f"plan {plan.id}"), start=1)]
        raws, homeworks = [m for m, _, _ in filled], [(done, own) for _, done, own in filled]
        raws = [_with_homework_due(m, homeworks[n - 2] if n > 1 else ({}, {})) for n, m in enumerate(raws, start=1)]
        _check_homework_read(essay, raws, homeworks, path, f"plan {plan.id}")
        _check_homework_budget(essay, raws, homeworks, path, f"plan {plan.id}")
        for meeting, raw in zip(_within(essay, "meetings", raws, f"plan {plan.id}"), raws):
            where, segments, length = meeting["row"], raw["segments"], meeting["length_minutes"]
            droppable = [seg.get("topic") for seg in segments if isinstance(seg, dict) and seg.get("topic") not in kept]
            if meeting["if_short"] and meeting["if_short"] not in droppable:
                raise said(essay.folder, PLANS, "if_short", where, if_short=meeting["if_short"],
                           topics=", ".join(str(t) for t in droppable if t))
            table = _within(essay, "segments", segments, where)
            for s in table:     # the fields as checked: text with its spaces folded ("" when left out)
                for name in (n for n in ONLINE_FIELDS if s[n].count("[online:") != len(ONLINE.findall(s[n]))):
                    raise said(essay.folder, PLANS, "online bracket", f"{s['row']} ({s['topic']})", name=name)
            _check_paper_stretches(segments, path, where)
            total = sum(s["minutes"] for s in table)
            if total != length:
                raise said(essay.folder, PLANS, "total", where, total=total, length=length)
            here = {"plan": plan.id, "plan_title": plan.title, "setup": plan.setup, "plan_title_es": plan.title_es,
                    "spanish_readers": when_sent(plan.spanish_readers, 1, version=True), "meeting": meeting["n"], "meeting_title": meeting["title"],
                    "meeting_title_es": meeting["title_es"], "length": length, "spanish_variant": {},
                    "pre_reading_minimum": meeting["pre_reading_minimum"] or meeting["pre_reading"],
                    # the homework this meeting sets, and the one the meeting before set (its reading message says it)
                    "homework": homeworks[meeting["n"] - 1][0],
                    "homework_due": homeworks[meeting["n"] - 2][0] if meeting["n"] > 1 else {},
                    # the same for the meeting's version for Spanish readers (spanish_version puts them in place)
                    "version_homework": homeworks[meeting["n"] - 1][1],
                    "version_homework_due": homeworks[meeting["n"] - 2][1] if meeting["n"] > 1 else {},
                    **{k: meeting[k] for k in ("pre_reading", "pre_reading_note", "pre_reading_note_es",
                                                "if_short", "if_not_read")},
                    # when its reading goes: the kit's one rule (reading_message_when)
                    "pre_reading_note": when_sent(meeting["pre_reading_note"], meeting["n"]),
                    "pre_reading_note_es": when_sent(meeting["pre_reading_note_es"], meeting["n"], "es")}
            for k, (s, seg) in enumerate(zip(table, segments), start=1):
                label, topic, notebook = s["row"], s["topic"], s["notebook"]
                projects, exercise = seg.get("projects") or 0, seg.get("exercise") or 0   # checked numbers (NaN here)
                if topic not in recurring:
                    if topic in seen_topics:
                        raise said(essay.folder, PLANS, "topic again", label, topic=topic, first=seen_topics[topic])
                    seen_topics[topic] = label
                if topic == "setup" and plan.setup in in_session and s["minutes"] < MIN_SETUP_MINUTES:
                    raise said(essay.folder, PLANS, "setup minutes", label, minutes=s["minutes"],
                               least=MIN_SETUP_MINUTES)
                if topic == "break" and not (k < len(table) and table[k]["topic"] == "back from break"):
                    raise said(essay.folder, PLANS, "break", label)
                if "sensitive" in seg and not s["sensitive"]:
                    raise said(essay.folder, PLANS, "empty sensitive", label)
                notebook_es = notebooks_es.get(notebook[:2]) if notebook else ""
                if notebook and not (isinstance(notebook_es, str) and notebook_es.strip()):
                    raise said(essay.folder, PLANS, "notebook title", label, number=notebook[:2])
                if projects and not (notebook and 0 < projects <= len(notebook_figures(notebook))):
                    raise said(essay.folder, PLANS, "projects", label, projects=projects,
                               notebook=notebook or "no notebook")
                if s["projects_table"] and not (notebook and notebook_section(notebook, s["projects_table"])["table"]):
                    raise said(essay.folder, PLANS, "projects_table", label, heading=s["projects_table"],
                               notebook=notebook or "no notebook")
                if exercise and not (notebook and notebook_section(notebook, f"Exercise {exercise}:")["text"]):
                    raise said(essay.folder, PLANS, "exercise", label, exercise=exercise,
                               notebook=notebook or "no notebook")
                # as checked (a topic's Spanish is there: schema.yml's reference of segments' topic to topics_es)
                rows.append({**here, **{f: v for f, v in s.items() if f not in ("row", "n")},
                             "topic_es": str(topics_es[topic]).strip(), "notebook_es": notebook_es, "segment": k,
                             "start": sum(t["minutes"] for t in table[:k - 1]), "discussion": ", ".join(s["discussion"]),
                             "glossary": tuple(s["glossary"]), "clues": tuple(s["clues"]), "projects": projects,
                             "exercise": int(exercise),
                             # the meeting as planned prints no Spanish sheet: its [sheet: …] words go
                             **{name: for_sheet(for_links(seg.get(name) or "", True), False) for name in ONLINE_FIELDS},
                             **{f"{name}_offline": for_sheet(for_links(seg.get(name) or "", False), False).strip()
                                for name in ONLINE_FIELDS}})
            # checked after the meeting itself, so a plan's own mistakes are named first
            variant = _spanish_variant(raw, segments, length, droppable, path, f"{where}, spanish_variant", essay)
            sheets = spanish.get("sheet") or {}
            if variant:      # its packet ends with the meeting's Spanish sheet, if it has one: the [sheet: …] words stay
                held = f"{plan.id}-{meeting['n']}" in sheets
                for seg in segments:
                    texts = variant["activities"].get(seg.get("topic"), {})
                    for name in ONLINE_FIELDS:
                        if name not in texts and SHEET.search(seg.get(name) or "") and "[online:" not in seg[name] and variant["minutes"].get(seg.get("topic"), 1):
                            variant["activities"].setdefault(seg["topic"], {})[name] = " ".join(
                                for_sheet(seg[name], held).split())
            for row in rows[len(rows) - len(segments):]:
                row["spanish_variant"] = variant
    return pd.DataFrame(rows)


NEXT_READING = "{next_reading}"
HOMEWORK = "{homework}"


def homework_said(essay_or_none, homework: dict, path=PLANS, where: str = "") -> dict[str, str]:
    """A meeting's ``homework`` as the closing line and the reading message say it: the part needed for next time
    (sessions.yml: a ``notebook`` and its ``exercises`` by number, a whole notebook or part of one ``first``, and words
    ``also``) and, after it, its ``optional`` part (the same keys), said as "if you have time", each with its minutes
    from the notebooks' own times (their lesson metadata), and those minutes for a reader of English as a second
    language (the essay's paragraphs read at ``reading_pace: second_language``; facilitator review 20b), in English
    and Spanish; {} for none.

    Parameters:
        essay_or_none: the reading (None: the default one); homework: the meeting's ``homework`` entry.

    Returns:
        ``{"en": …, "es": …, "minutes": N, "minutes_l2": M (the needed part's: what ``homework_budget`` holds),
        "paragraphs": [the ¶ numbers either part works on], "exercises": [the needed part's numbers],
        "optional": {the optional part's "en", "es", "minutes", "minutes_l2"} or {}}``, or {} when the meeting sets
        none.

    Example:
        >>> homework_said(None, {"notebook": "01_argument_structure", "exercises": [2, 3, 4]})["minutes"]
        57
        >>> said = homework_said(None, {"notebook": "01_argument_structure", "exercises": [2],
        ...                             "optional": {"notebook": "01_argument_structure", "exercises": [4]}})
        >>> said["minutes"], said["optional"]["minutes"], "; optional, if you have time: " in said["en"]
        (17, 21, True)
    """
    if not homework:
        return {}
    from .essay import load_essay
    essay = essay_or_none or load_essay()
    needed = _part_said(essay, {k: v for k, v in homework.items() if k != "optional"}, path, where)
    extra = homework.get("optional") or {}
    if not extra:
        return {**needed, "optional": {}}
    if not isinstance(extra, dict):
        raise said(essay.folder, PLANS, "homework optional", where, path)
    more = _part_said(essay, extra, path, f"{where}, optional")
    # the optional part said as optional, after the needed one (facilitator review 21: Session 1's homework, about 89
    # minutes in English and 138 for the version for Spanish readers, was all stated as due)
    return {**needed, "en": f"{needed['en']}; optional, if you have time: {more['en']}",
            "es": f"{needed['es']}; opcional, si tienen tiempo: {more['es']}",
            "paragraphs": sorted(set(needed["paragraphs"]) | set(more["paragraphs"])),
            "notebooks": sorted(set(needed["notebooks"]) | set(more["notebooks"])),
            "optional": {k: more[k] for k in ("en", "es", "minutes", "minutes_l2", "name")}}


def _part_said(essay: Essay, homework: dict, path, where: str) -> dict:
    """One part of a homework (``homework_said``): a notebook to work through first, then exercises of a notebook,
    then words said after them; with the minutes of what it asks."""
    from .lessons import exercises, study_speeds
    # a whole notebook, or part of one, to work through first (``first``: Session 1 tours notebook 00 and sends it
    # home; facilitator review 21: the homework said only Exercise 3 of 01, which assumes 00), with its minutes alone
    before_en = before_es = ""
    minutes = minutes_l2 = 0
    paragraphs: list[int] = []
    if homework.get("first"):
        whole = _notebook_alone(essay, homework["first"], path, where)
        if whole["said"]:
            l2_en, l2_es = _second_language_said(whole["minutes"], whole["minutes_l2"])
            before_en = f"{whole['said']['en']} (about {whole['minutes']} minutes{l2_en})"
            before_es = f"{whole['said']['es']} (unos {whole['minutes']} minutos{l2_es})"
        else:
            before_en = (f"all of notebook {whole['no']} (about {whole['minutes']} minutes, or about "
                         f"{whole['minutes_l2']} in a second language: the session only toured it)")
            before_es = (f"todo el cuaderno {whole['no']} (unos {whole['minutes']} minutos, o unos "
                         f"{whole['minutes_l2']} si leen en inglés como segunda lengua: la sesión solo lo recorrió)")
        minutes, minutes_l2, paragraphs = whole["minutes"], whole["minutes_l2"], list(whole["paragraphs"])
    # more work said after the exercises (``also``: {en, es}), so that the closing line and the next message say one
    # homework (facilitator review 21: the Spanish Session 2 closing sent home the death tolls, its message did not)
    also = homework.get("also") or {}
    if also and not (isinstance(also, dict) and all(isinstance(also.get(k), str) for k in ("en", "es"))):
        raise AnnotationError(path, "homework's also is not {en: …, es: …}.", "write also: {en: \"…\", es: \"…\"}: "
                              "the words said after the exercises, in English and Spanish.", where)
    after_en, after_es = (f"; {also['en']}", f"; {also['es']}") if also else ("", "")
    notebook, numbers = homework.get("notebook"), homework.get("exercises")
    first_name = _part_name(homework["first"]) if homework.get("first") else {}
    # the brief names it as the closing row does, with what it leaves out (facilitator review 23, item 2: the At home
    # slide said "notebook 00 on its short route", without "without its exercise" and the skipped parts)
    if first_name and homework.get("first") and whole["said"]:
        # in brief: its asides left out (in brackets, or "which …"/"que …": when the left-out part is done)
        first_name = {**first_name, **{lang: re.sub(r",? (?:\([^)]*\)|(?:which|que) [^,;()]*)", "", whole["said"][lang])
                                       for lang in ("en", "es")}}
    if homework.get("first") and notebook is None and numbers is None:
        return {"en": before_en + after_en, "es": before_es + after_es, "minutes": minutes, "minutes_l2": minutes_l2,
                "paragraphs": sorted(set(paragraphs)), "exercises": [], "name": first_name,
                "notebooks": [first_name["no"]]}
    then_en, then_es = (f"{before_en}, then ", f"{before_es}, luego ") if before_en else ("", "")
    nb_path = NOTEBOOKS / f"{notebook}.ipynb"
    if not (isinstance(notebook, str) and nb_path.is_file()):
        raise said(essay.folder, PLANS, "homework notebook", where, path, notebook=notebook)
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    stated = nb["metadata"]["lesson"]["exercises"]
    if not (isinstance(numbers, list) and numbers and all(isinstance(n, int) and 0 < n <= len(stated)
                                                           for n in numbers)):
        raise said(essay.folder, PLANS, "homework exercises", where, path, numbers=numbers, notebook=notebook,
                   n=len(stated))
    own = sum(stated[n - 1] for n in numbers)
    found = exercises(nb, essay)
    paragraphs = sorted(set(paragraphs) | {p for n in numbers for p in _exercise_reads(nb, n, found)})
    reread = sum(int(found.iloc[n - 1].reread_words) for n in numbers if n <= len(found))
    own_l2 = second_language_minutes(essay, own, reread / study_speeds(essay)[0])
    run = numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2
    nb_no = notebook[:2]
    title = _unnumbered_exercise(nb) if numbers == [1] and len(stated) == 1 else ""
    if title:      # a notebook of one exercise, headed "## Exercise: its title" (00): said by its (English) title
        en, es = f"the exercise of notebook {nb_no}, {title}", f"el ejercicio del cuaderno {nb_no}"
    else:
        en = (f"Exercises {numbers[0]} to {numbers[-1]}" if run else "Exercise " + _and([str(n) for n in numbers])
              if len(numbers) == 1 else "Exercises " + _and([str(n) for n in numbers])) + f" of notebook {nb_no}"
        es = (f"los ejercicios {numbers[0]} a {numbers[-1]}" if run else "el ejercicio " + str(numbers[0])
              if len(numbers) == 1 else "los ejercicios " + _and([str(n) for n in numbers]).replace(" and ", " y ")
              ) + f" del cuaderno {nb_no}"
    l2_en, l2_es = _second_language_said(own, own_l2)
    name = ({"en": f"{first_name['en']}, then {en}", "es": f"{first_name['es']}, luego {es}"} if first_name
            else {"en": en, "es": es})
    base = {"minutes": minutes + own, "minutes_l2": minutes_l2 + own_l2, "paragraphs": paragraphs,
            "exercises": list(numbers), "notebook": notebook, "name": name,
            "notebooks": sorted({nb_no} | ({first_name["no"]} if first_name else set()))}
    # the minutes are the exercises' own (their rereading and writing); in a notebook of two sittings whose second
    # holds them all, say that sitting's own stated minutes too, with the reading they need (facilitator review 20b)
    sitting = _second_sitting_holding(nb, numbers)
    if sitting:
        return {"en": f"{then_en}{en} (about {own} minutes of writing{l2_en}; with the reading "
                      f"before them, its second sitting takes about {sitting} minutes){after_en}",
                "es": f"{then_es}{es} (unos {own} minutos de escritura{l2_es}; con la lectura "
                      f"previa, su segunda parte lleva unos {sitting} minutos){after_es}", **base, "sitting": sitting}
    return {"en": f"{then_en}{en} (about {own} minutes{l2_en}){after_en}",
            "es": f"{then_es}{es} (unos {own} minutos{l2_es}){after_es}", **base}


def _part_name(first) -> dict[str, str]:
    """How the brief form (``homework_brief``) names a notebook worked through at home: {"en", "es", "no"}."""
    part = first if isinstance(first, dict) else {"notebook": first}
    no = str(part["notebook"])[:2]
    if part.get("only"):
        return {**part["said"], "no": no}
    if part.get("route") == "short":
        return {"en": f"notebook {no} on its short route", "es": f"el cuaderno {no} por su ruta corta", "no": no}
    if part.get("leave"):
        return {"en": f"part of notebook {no}", "es": f"parte del cuaderno {no}", "no": no}
    return {"en": f"notebook {no}", "es": f"el cuaderno {no}", "no": no}


def homework_brief(said: dict) -> dict[str, str]:
    """A homework (``homework_said``) in brief, for a slide the room reads: what, then how long (with the minutes in a
    second language), the needed part first and then the optional one, in English and Spanish; {} for none
    (facilitator review 22: the Spanish closing slide said the homework in 336 words).

    Parameters:
        said: a homework as ``homework_said`` says it.

    Returns:
        ``{"en": …, "es": …}``, or {} when the meeting sets no homework.

    Example:
        >>> said = homework_said(None, {"notebook": "01_argument_structure", "exercises": [2, 4]})
        >>> homework_brief(said)["en"]
        'Exercises 2 and 4 of notebook 01, about 38 min (42 in a second language)'
    """
    if not said:
        return {}

    def one(part: dict, lang: str) -> str:
        name = part["name"][lang]
        l2 = part["minutes_l2"] != part["minutes"]
        if lang == "en":
            return f"{name}, about {part['minutes']} min" + (f" ({part['minutes_l2']} in a second language)" if l2 else "")
        return f"{name}, unos {part['minutes']} min" + (f" ({part['minutes_l2']} en segunda lengua)" if l2 else "")
    extra = said.get("optional") or {}
    return {lang: one(said, lang) + (f"{'; optional: ' if lang == 'en' else '; opcional: '}"
                                     f"{one(extra, lang)}" if extra else "") for lang in ("en", "es")}


def _second_language_said(minutes: int, minutes_l2: int) -> tuple[str, str]:
    """", or about N in a second language" and its Spanish, or nothing when the work reads no more of the essay."""
    if minutes_l2 == minutes:
        return "", ""
    return f", or about {minutes_l2} in a second language", f", o unos {minutes_l2} si leen en inglés como segunda lengua"


def _unnumbered_exercise(nb: dict) -> str:
    """The title of a notebook's one exercise when its heading carries no number ("## Exercise: two numbers for one
    event"), else ""."""
    heads = [m[1] for c in nb.get("cells", []) for m in [re.match(r"## Exercise: (.+)", "".join(c.get("source", "")))]
             if m and c.get("cell_type") == "markdown"]
    return heads[0].strip() if len(heads) == 1 else ""


def _notebook_alone(essay: Essay, first, path, where: str) -> dict:
    """A notebook worked through at home: its minutes from ``helpers.lessons.lesson_row`` less its discussion
    (there is nobody to discuss with), and in a second language its essay reading read at ``reading_pace:
    second_language``. ``first`` names the notebook, or is a mapping: ``notebook``, and ``route: short`` (the
    notebook's own short route), ``leave`` (headings of parts left out, as the short route's are) or ``only`` (the
    heading of the one part to do), with ``said`` ({en, es}: how the closing line and the message name that part)."""
    from .lessons import lesson_row, route_parts, short_route_row, study_speeds
    part = first if isinstance(first, dict) else {"notebook": first}
    notebook = part.get("notebook")
    nb_path = NOTEBOOKS / f"{notebook}.ipynb"
    if not (isinstance(notebook, str) and nb_path.is_file()):
        raise AnnotationError(path, f"homework's first names the notebook {notebook!r}, which is not in notebooks/.",
                              "write a notebook's name without .ipynb, e.g. 00_start_here.", where)
    said_ = part.get("said") or {}
    if not isinstance(said_, dict) or not all(isinstance(said_.get(k, ""), str) for k in ("en", "es")):
        raise AnnotationError(path, "homework's first has a said that is not {en: …, es: …}.",
                              "write said: {en: \"…\", es: \"…\"}: how the closing line and the message name the part, "
                              "in English and Spanish.", where)
    if any(part.get(k) for k in ("route", "leave", "only")) != bool(said_.get("en") and said_.get("es")):
        raise AnnotationError(path, "homework's first takes part of a notebook without saying which in words, or says "
                              "words for a whole notebook.", "give a part (route: short, leave or only) together with "
                              "said: {en: …, es: …}, or write the notebook's name alone.", where)
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    lesson = nb["metadata"]["lesson"]
    if part.get("route") not in (None, "short") or (part.get("route") and not (lesson.get("short_route") or {}).get("skip")):
        raise AnnotationError(path, f"homework's first gives route {part.get('route')!r} for {notebook}, which has no "
                              "such route.", "write route: short for a notebook whose lesson declares a short route, or "
                              "leave route out.", where)
    try:
        if part.get("only"):
            # one part alone: its cells, with no reading of the essay's paragraphs beyond what they show
            start = next(p for p in route_parts({"metadata": {"lesson": {"short_route": {"skip": [part["only"]]}}},
                                                 "cells": nb["cells"]}, nb_path.name))
            cells = nb["cells"][start["start"]:start["end"]]
            n_ex = sum(1 for c in cells if "".join(c.get("source", "")).startswith("## Exercise"))
            core = {"metadata": dict(nb["metadata"], lesson=dict(lesson, read="", discussion=0,
                                                                exercises=[] if not n_ex else lesson["exercises"])),
                    "cells": cells}
            row = lesson_row(core, nb_path.name, essay, nb_path)
        elif part.get("route") == "short" or part.get("leave"):
            skip = list((lesson.get("short_route") or {}).get("skip", []) if part.get("route") == "short" else [])
            skip += [h for h in part.get("leave") or [] if h not in skip]
            # the folded rows the route asks to open still count (lesson metadata short_route.open), those of parts
            # left out do not
            opened = [h for h in (lesson.get("short_route") or {}).get("open", []) if h not in skip]
            route = {"skip": skip, "open": opened} if part.get("route") == "short" and opened else {"skip": skip}
            nb = dict(nb, metadata=dict(nb["metadata"], lesson=dict(lesson, short_route=route)))
            row = short_route_row(nb, nb_path.name, essay, nb_path)
        else:
            row = lesson_row(nb, nb_path.name, essay, nb_path)
    except (HelperError, StopIteration) as exc:
        raise AnnotationError(path, f"homework's first takes a part of {notebook} that it does not have "
                              f"({getattr(exc, 'problem', '') or exc}).",
                              "copy the heading's first line exactly, e.g. '## The table of voices'.", where) from None
    minutes = int(row["total_min"]) - int(row["discussion_min"])
    return {"no": notebook[:2], "minutes": minutes, "minutes_l2": second_language_minutes(essay, minutes, english_read(essay, row)),
            "paragraphs": paragraph_numbers(row["read"]) if row["read"] else [], "said": said_}


def english_read(essay: Essay, row: dict) -> float:
    """The minutes of English a notebook's times count as reading (a ``helpers.lessons.lesson_row``): the essay's
    paragraphs, the notebook's prose and worked solutions at the prose speed, what their code cells show at the table
    speed (``study_speeds``): all that ``second_language_minutes`` reads again, not the exercises' writing.

    Parameters:
        essay: the essay; row: the notebook's (or its route's) row from ``lesson_row`` or ``short_route_row``.

    Returns:
        The minutes of reading, unrounded.

    Example:
        >>> from helpers import load_essay
        >>> from helpers.lessons import lesson_row
        >>> nb = {"metadata": {"lesson": {"title": "T", "read": "¶10–¶13", "exercises": [], "discussion": 0,
        ...                               "assumes": "00_start_here"}}}
        >>> essay = load_essay()
        >>> row = lesson_row(nb, "x.ipynb", essay)
        >>> row["reading_words"], round(english_read(essay, row), 2)      # at a newcomer's 154 words a minute
        (174, 1.13)
    """
    from .lessons import study_speeds
    prose, shown = study_speeds(essay)
    own_shown, sol_shown = row["notebook_shown_words"], row["solution_shown_words"]
    words = row["reading_words"] + row["notebook_words"] - own_shown + row["solution_words"] - sol_shown
    return words / prose + (own_shown + sol_shown) / shown


def _exercise_reads(nb: dict, number: int, found: pd.DataFrame) -> list[int]:
    """The paragraphs exercise ``number`` has the learner read: those of its sentence that says the cell below prints
    them ("Read ¶27 to ¶33 (the cell below prints them)"), not a ¶ it names in passing as an example; every ¶ it
    names when no sentence says so."""
    from .lessons import _PARAGRAPH_REF
    cell = next(("".join(c.get("source", "")) for c in nb.get("cells", [])
                 if "".join(c.get("source", "")).lstrip().startswith(f"## Exercise {number}:")), "")
    sentence = next((x for x in re.split(r"(?<=[.?!])\s+", cell) if re.search(r"below prints? (them|it)", x)), "")
    named = {n for m in _PARAGRAPH_REF.finditer(sentence) for n in range(int(m[1]), int(m[2] or m[1]) + 1)}
    return sorted(named) or list(found.iloc[number - 1].paragraphs if number <= len(found) else [])


def _second_sitting_holding(nb: dict, numbers: list[int]) -> int | None:
    """The second sitting's minutes as the notebook's opening states them (``helpers.lessons.sittings_line``), when
    every exercise in ``numbers`` comes after its stop line; else None."""
    from .lessons import SITTINGS_RE, STOP_LINE
    cells = ["".join(c.get("source", "")) for c in nb.get("cells", [])]
    stop = max((k for k, c in enumerate(cells) if STOP_LINE in c), default=None)   # the line itself, not its mention
    line = next((m[0] for c in cells for m in [SITTINGS_RE.search(c)] if m), "")
    second = re.search(r"the second, the rest, about (\d+) minutes", line)
    heads = [k for k, c in enumerate(cells) for n in numbers if c.lstrip().startswith(f"## Exercise {n}:")]
    after = {int(m[1]) for k, c in enumerate(cells) if stop is not None and k > stop
             for m in [re.match(r"\s*## Exercise (\d+):", c)] if m}
    # the sitting's minutes describe the homework only when it is every exercise of that sitting
    if stop is None or not second or len(heads) != len(numbers) or min(heads) < stop or set(numbers) != after:
        return None
    return int(second[1])


def _with_homework(meeting, path, where: str, essay: Essay | None = None):
    """A meeting with ``{homework}`` in its texts filled in from its ``homework`` (``homework_said``), in the
    language of each text (``…_es`` fields in Spanish), and its version's from the version's own ``homework``
    (facilitator review 19: Exercises 2 to 4, about 52 minutes, were in no message and no closing line).
    Returns (the meeting filled in, its homework said, its version's homework said)."""
    if not isinstance(meeting, dict):
        return meeting, {}, {}

    def fill(value, done, name=""):
        if isinstance(value, str):
            if HOMEWORK in value and not done:
                raise said(Path(path).parent, PLANS, "no homework", where, path, name=name or "text")
            return value.replace(HOMEWORK, done.get("es" if name.endswith("_es") else "en", "")) if done else value
        if isinstance(value, dict):
            return {k: fill(v, done, k if isinstance(k, str) else name) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, done, name) for v in value]
        return value
    done = homework_said(essay, meeting.get("homework") or {}, path, where)
    out = {k: (fill(v, done, k) if k != "spanish_variant" else v) for k, v in meeting.items()}
    variant, own = meeting.get("spanish_variant"), done
    if isinstance(variant, dict):
        own = homework_said(essay, variant.get("homework") or {}, path, f"{where}, spanish_variant") or done
        out["spanish_variant"] = {k: fill(v, own, k) for k, v in variant.items() if k != "homework"}
    return out, done, own


HOMEWORK_DUE = "{homework_due}"


def _with_homework_due(meeting, due: tuple):
    """A meeting with ``{homework_due}`` in its texts filled in with the name of the homework the meeting before set
    (``homework_said``'s ``name``, in each text's language), its version's from that version's own, so the recap that
    hears it names it (facilitator review 23, item 3: Exercises 2 and 4 of 01 were never picked up)."""
    if not isinstance(meeting, dict) or HOMEWORK_DUE not in str(meeting):
        return meeting
    if not all(d.get("name") for d in due):
        raise ValueError(f"sessions.yml: {{homework_due}} in a meeting whose meeting before sets no homework")

    def fill(value, done, name=""):
        if isinstance(value, str):
            return value.replace(HOMEWORK_DUE, done["name"]["es" if name.endswith("_es") else "en"])
        if isinstance(value, dict):
            return {k: fill(v, done, k if isinstance(k, str) else name) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, done, name) for v in value]
        return value
    out = {k: (fill(v, due[0], k) if k != "spanish_variant" else v) for k, v in meeting.items()}
    if isinstance(meeting.get("spanish_variant"), dict):
        out["spanish_variant"] = fill(meeting["spanish_variant"], due[1])
    return out


def _check_homework_read(essay: Essay, meetings: list, homeworks: list, path, where: str) -> None:
    """Refuse a homework that works on paragraphs no reading has sent by the meeting it is due at (the next one):
    facilitator review 20b, Session 1's Exercises 2 to 4 worked on ¶51–¶55, Session 3's reading."""
    readings = [set(paragraph_numbers(str(m.get("pre_reading") or ""))) if isinstance(m, dict) else set()
                for m in meetings]
    for n, (set_, own) in enumerate(homeworks, start=1):
        read = set().union(*readings[:n + 1])
        for which, homework in (("", set_), (", spanish_variant", own)):
            unread = sorted(set((homework or {}).get("paragraphs", [])) - read)
            if unread:
                raise said(essay.folder, PLANS, "homework unread", f"{where}, meeting {n}{which}", path, n=n,
                           unread=", ".join(f"¶{p}" for p in unread))


def homework_load(essay: Essay, meetings: list, homeworks: list) -> list[dict]:
    """What each meeting gap asks of a participant at home: the reading for the next meeting and the homework's needed
    part (``homework_said``), in English at a first reading's pace and for the version for Spanish readers at its
    second-language pace (``reading_pace: second_language``: its reading and its homework's ``minutes_l2``).

    Parameters:
        essay: the essay; meetings: a plan's meetings as sessions.yml writes them; homeworks: each meeting's
        (homework said, its version's homework said), as ``load_plans`` computes them.

    Returns:
        One dict per meeting that sets homework and version: ``meeting``, ``version`` ("" or "spanish"),
        ``homework`` (its needed minutes), ``optional`` (its optional minutes), ``reading`` (the next meeting's
        reading, in minutes) and ``total`` (reading and needed homework).

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> series = load_plans(essay).query("plan == 'series-3x120'")
        >>> homeworks = [(m.iloc[0].homework, m.iloc[0].version_homework) for _, m in series.groupby("meeting")]
        >>> raw = {plan["id"]: plan for plan in read_yaml(essay.folder / "sessions.yml")["plans"]}
        >>> meetings = raw["series-3x120"]["meetings"]
        >>> [(g["meeting"], g["version"], g["homework"], g["total"]) for g in homework_load(essay, meetings, homeworks)]
        [(1, '', 45, 60), (1, 'spanish', 60, 90), (2, '', 38, 52), (2, 'spanish', 42, 70)]
    """
    out = []
    for n, (set_, own) in enumerate(homeworks, start=1):
        later = meetings[n] if n < len(meetings) and isinstance(meetings[n], dict) else {}
        text = str(later["pre_reading"]) if later.get("pre_reading") else ""
        # the reading as the run sheets and messages say it, in English and in a second language
        times = {"minutes": reading_time(essay, text)[1] if text else 0,
                 "minutes_l2": second_language_reading(essay, text) if text else 0}
        has_version = isinstance(meetings[n - 1], dict) and isinstance(meetings[n - 1].get("spanish_variant"), dict)
        for version, said_, key in (("", set_, "minutes"), ("spanish", own, "minutes_l2")):
            if not said_ or (version and not has_version):
                continue
            reading = times[key]
            optional = (said_.get("optional") or {}).get(key, 0)
            out.append({"meeting": n, "version": version, "homework": said_[key], "optional": optional,
                        "reading": reading, "total": said_[key] + reading})
    return out


def _check_homework_budget(essay: Essay, meetings: list, homeworks: list, path, where: str) -> None:
    """Refuse a homework whose needed part, or the needed part with the next meeting's reading, exceeds the
    ``homework_budget`` of sessions.yml, in English and for the version for Spanish readers at its second-language
    pace (facilitator review 21: before Session 2, about 89 minutes in English and 138 to 153 for the Spanish
    readers, on top of the reading)."""
    budget = load_one(essay, f"{PLANS} homework_budget")
    if not budget:
        return
    for gap in homework_load(essay, meetings, homeworks):
        if gap["homework"] > budget["homework"] or gap["total"] > budget["with_reading"]:
            n = gap["meeting"]
            raise said(essay.folder, PLANS, "homework budget",
                       f"{where}, meeting {n}" + (", spanish_variant" if gap["version"] else ""), path, n=n,
                       due=n + 1, work=gap["homework"], reading=gap["reading"], total=gap["total"],
                       pace="the version for Spanish readers, in a second language" if gap["version"] else "in English",
                       budget=budget["homework"], with_reading=budget["with_reading"])


def _with_next_reading(meetings: list, path, where: str) -> list:
    """A plan's meetings with ``{next_reading}`` in their texts filled in with the next meeting's ``pre_reading``, so
    the closing line that names the reading for next time says what the reading message sends (facilitator review
    19: Session 1's closing line said ¶19–¶42, the message ¶19–¶42 and ¶48–¶49)."""
    def fill(value, reading):
        if isinstance(value, str):
            return value.replace(NEXT_READING, reading)
        if isinstance(value, dict):
            return {k: fill(v, reading) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, reading) for v in value]
        return value
    out = []
    for n, meeting in enumerate(meetings or [], start=1):
        following = meetings[n] if n < len(meetings) and isinstance(meetings[n], dict) else None
        if NEXT_READING in str(meeting) and not (following and following.get("pre_reading")):
            raise said(Path(path).parent, PLANS, "next reading", where, path, n=n)
        out.append(fill(meeting, str(following["pre_reading"])) if following and following.get("pre_reading") else meeting)
    return out


def _within(essay: Essay, section: str, entries: list, within: str) -> list[dict]:
    """A list inside a plan or a meeting (sessions.yml meetings, segments, print, prepare) checked as schema.yml
    declares it: one dict per entry, with ``row`` (its label) and ``n`` (its number)."""
    table = load_entries(essay, f"{PLANS} {section}", {section: entries}, within).to_dict("records")
    return [{**r, "n": n} for n, r in enumerate(table, start=1)]


ONLINE = re.compile(r"\[online: ([^\]]*)\]")


def for_links(text: str, on: bool) -> str:
    """A plan's text with its ``[online: …]`` words (for Binder or hub links only) kept, without the brackets, when
    launch links are ``on``, and left out when they are off.

    Parameters:
        text: an activity or materials text from sessions.yml; on: whether launch links are on.

    Returns:
        The text as a kit with (or without) launch links prints it.

    Example:
        >>> for_links("Save first (Ctrl+S[online: , then File → Download]).", True)
        'Save first (Ctrl+S, then File → Download).'
        >>> for_links("Save first (Ctrl+S[online: , then File → Download]).", False)
        'Save first (Ctrl+S).'
    """
    return ONLINE.sub(lambda m: m[1] if on else "", text)


SHEET = re.compile(r"\[sheet: ([^\]]*)\]")


def for_sheet(text: str, held: bool) -> str:
    """A plan's text with its ``[sheet: …]`` words (what a packet's Spanish sheet holds) kept, without the brackets,
    when the room's packet ends with the meeting's Spanish sheet (its version for Spanish readers), and left out for
    a packet without one (the meeting as planned): the room is promised only the pages it has (review 18).

    Parameters:
        text: a segment's text from sessions.yml; held: whether the room's packet holds the Spanish sheet.

    Returns:
        The text as that room's run sheet, deck and notes print it.

    Example:
        >>> for_sheet("Read ¶49 aloud[sheet:  (also in Spanish on the packet's Spanish sheet)].", False)
        'Read ¶49 aloud.'
    """
    return SHEET.sub(lambda m: m[1] if held else "", text)


def offline(plans: pd.DataFrame) -> pd.DataFrame:
    """The plans as a kit without launch links shows them: every ``[online: …]`` part left out.

    Parameters:
        plans: the table from ``load_plans``.

    Returns:
        A copy whose ``activity``, ``activity_es``, ``room`` and ``materials`` leave out the words for launch links.

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> "Binder" in " ".join(offline(plans).materials), "Binder" in " ".join(plans.materials)
        (False, True)
    """
    out = plans.copy()
    for name in ONLINE_FIELDS:
        out[name] = out[f"{name}_offline"]
    return out


ONLINE_FIELDS = ("activity", "activity_es", "room", "materials")


def as_the_kit_prints(plans: pd.DataFrame, project=None) -> pd.DataFrame:
    """The plans as the facilitator's kit prints them: with launch links off (launch.yml names no repository), without
    the words for Binder or hub links (``offline``), so the guide and the run sheets read the same.

    Parameters:
        plans: the table from ``load_plans``; project: the project folder (default: this package's).

    Returns:
        ``plans`` itself when launch links are on, else ``offline(plans)``.

    Example:
        >>> from helpers import load_essay
        >>> "Binder" in " ".join(as_the_kit_prints(load_plans(load_essay())).materials)   # links are off here
        False
    """
    path = (project or PROJECT) / "launch.yml"
    try:
        repository = (read_yaml(path) or {}).get("repository")
    except AnnotationError:
        repository = None
    return plans if repository else offline(plans)


def notebook_titles_es(essay: Essay) -> dict[str, str]:
    """The Spanish short title of every notebook, by its number (sessions.yml, spanish: notebooks_es), for the pages
    that list the notebooks beside their English titles; a notebook without one stops with what to add.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A dictionary from each notebook's two-digit number (``"00"``, ``"01"``, …) to its short title in Spanish.

    Example:
        >>> from helpers import load_essay
        >>> notebook_titles_es(load_essay())["01"]
        'El argumento'
    """
    path = essay.folder / PLANS
    titles = {str(k).zfill(2): v for k, v in (load_one(essay, f"{PLANS} spanish").get("notebooks_es") or {}).items()}
    for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        title = titles.get(p.stem[:2])
        if not (isinstance(title, str) and title.strip()):
            raise said(essay.folder, PLANS, "notebook titles", "spanish", path, number=p.stem[:2])
    return {k: v.strip() for k, v in titles.items()}




def load_print_lists(essay: Essay) -> pd.DataFrame:
    """What to print for each plan (sessions.yml: each plan's ``print`` list and the ``printouts`` they name),
    checked: a printout the list names must be described under ``printouts``, and its copies must be one of
    ``COPIES``.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A table with one row per printout of each plan: ``plan``, ``plan_title``, ``printout`` (its short name),
        ``name`` (what it is, in plain words), ``file`` (its PDF in the facilitator's kit, with ``{plan}``
        filled in; a ``*`` gathers several PDFs), ``copies``, ``only`` (``every version``, ``as planned`` or
        ``version for Spanish readers``), ``version`` (how a version for Spanish readers names its own copy of
        the printout, printed instead; "" when it prints the plan's) and ``at`` (the meeting whose day-of checklist
        lists it, as text: "1", "2", … or "every meeting").

    Example:
        >>> from helpers import load_essay
        >>> lists = load_print_lists(load_essay())
        >>> lists[lists.plan == "single-90"].file.iloc[0], lists.copies.iloc[0]
        ('facilitator/packet-single-90*.pdf', 'each participant')
    """
    printouts = load_entries(essay, f"{PLANS} printouts").set_index("printout")
    rows = []
    for plan in load_entries(essay, f"{PLANS} plans").itertuples():
        held = {str(n) for n in range(1, len(plan.meetings) + 1)} | {"every meeting"}
        for entry in _within(essay, "print", plan.print, f"plan {plan.id}"):
            described = printouts.loc[entry["printout"]]
            if str(entry["at"]) not in held:
                raise HelperError(essay.folder / PLANS, f"{entry['row']}: the printout {entry['printout']!r} is listed "
                                  f"at meeting {entry['at']}, which plan {plan.id} does not have.",
                                  f"write at: a meeting's number (1 to {len(plan.meetings)}) or every meeting.")
            rows.append({"plan": plan.id, "plan_title": plan.title, "printout": entry["printout"],
                         "name": described["name"], "file": described.file.replace("{plan}", plan.id),
                         "copies": entry["copies"], "only": entry["only"], "version": described.version or "",
                         "at": str(entry["at"])})
    return pd.DataFrame(rows, columns=["plan", "plan_title", "printout", "name", "file", "copies", "only", "version",
                                       "at"])


def version_print_list(lists: pd.DataFrame, plan: str) -> pd.DataFrame:
    """What a plan's version for Spanish readers prints: the plan's print list without the lines printed only as
    planned (``only: as planned``, for a segment the version drops); a printout with a ``version`` is its own.

    Parameters:
        lists: the print lists (``load_print_lists``); plan: the plan's id.

    Returns:
        The plan's rows of ``lists`` that its version prints.

    Example:
        >>> from helpers import load_essay
        >>> own = version_print_list(load_print_lists(load_essay()), "single-90")
        >>> own[own.version != ""].version.iloc[0]
        'packet (with the Spanish sheet)'
    """
    rows = lists[lists.plan == plan]
    return rows[rows.only != "as planned"]


def version_own(lists: pd.DataFrame, plan: str) -> str:
    """The printouts a plan's version for Spanish readers replaces with its own, in one phrase, from the print list
    (``printouts``, ``version``): what its run sheet, checklist and the guide tell the facilitator to print.

    Parameters:
        lists: the print lists (``load_print_lists``); plan: the plan's id.

    Returns:
        One phrase ("its own participant packet …, its own run sheet and …"), or "" when nothing has a version.

    Example:
        >>> from helpers import load_essay
        >>> version_own(load_print_lists(load_essay()), "single-90")
        "its own packet (with the Spanish sheet), run sheet, facilitator's notes and day-of checklist"
    """
    own = [v for v in version_print_list(lists, plan).version if v]
    return f"its own {_and(own)}" if own else ""


def _spanish_variant(meeting: dict, segments: list, length: int, droppable: list, path, where: str,
                     essay: Essay) -> dict:
    """A meeting's ``spanish_variant`` checked: ``{"minutes": {topic: minutes}, "if_short": topic, "activities":
    {topic: {"activity": …, "activity_es": …}}, "pre_reading_minimum": ¶s, "pre_reading_note": text}``
    (``activities``: a kept segment's prompt as this version runs it, for instance a reading time doubled for a second
    language; the last two, when given, replace the meeting's: a dropped segment's paragraphs leave the minimum), or
    {}."""
    variant = field(meeting, "spanish_variant", dict, path, where, default={})
    if not variant:
        return {}
    minutes = field(variant, "minutes", dict, path, where)
    topics = [seg.get("topic") for seg in segments]
    for topic, m in minutes.items():
        if topic not in topics:
            raise said(essay.folder, PLANS, "version topic", where, path, topic=topic,
                       topics=", ".join(t for t in topics if t))
        if not isinstance(m, int) or m < 0 or (m == 0 and topic not in droppable):
            raise said(essay.folder, PLANS, "version minutes", where, path, topic=topic, minutes=m)
    total = sum(minutes.get(seg.get("topic"), seg.get("minutes", 0)) for seg in segments)
    if total != length:
        raise said(essay.folder, PLANS, "version total", where, path, total=total, length=length)
    kept = [t for t in droppable if minutes.get(t, 1)]
    if_short = field(variant, "if_short", str, path, where, default="")
    if if_short and if_short not in kept:
        raise said(essay.folder, PLANS, "version if_short", where, path, if_short=if_short,
                   topics=", ".join(t for t in kept if t))
    activities = field(variant, "activities", dict, path, where, default={})
    for topic, texts in activities.items():
        if topic not in kept + list(vocabulary(essay.folder, TOPICS, "kept")):
            raise said(essay.folder, PLANS, "version activity", where, path, topic=topic,
                       topics=", ".join(t for t in topics if t and minutes.get(t, 1)))
        texts = field(activities, topic, dict, path, f"{where}, activities")
        # an entry may give only the version's own ``materials`` (what its checklist names), keeping the activity
        for name in ("activity", "activity_es") if set(texts) - {"materials"} else ("materials",):
            text = field(texts, name, str, path, f"{where}, activities, {topic}")
            if "[online:" in text:
                raise said(essay.folder, PLANS, "version online", f"{where}, activities", path, name=name, topic=topic)
    # `reword`: {topic: {words: words}}, words of a kept segment's texts that this version says otherwise (words
    # that promise a segment it cuts); each must be found in the segment's texts, so a rewording left behind fails
    reword = field(variant, "reword", dict, path, where, default={})
    for topic, words in reword.items():
        seg = next((s for s in segments if s.get("topic") == topic), None)
        if seg is None or not minutes.get(topic, 1) or not isinstance(words, dict):
            raise said(essay.folder, PLANS, "version reword", where, path, topic=topic)
        texts = " ".join(str(seg.get(n) or "") for n in ONLINE_FIELDS)
        for old, new in words.items():
            if not isinstance(old, str) or not isinstance(new, str) or not old or old not in texts:
                raise said(essay.folder, PLANS, "version reword words", f"{where}, reword", path, old=old, topic=topic)
    reading = {}
    for name in ("pre_reading_minimum", "pre_reading_note"):
        value = field(variant, name, str, path, where, default="")
        if value and name == "pre_reading_minimum":
            _paragraphs(essay, value, path, where, name)
        if value:
            reading[name] = when_sent(" ".join(value.split()), meeting.get("n", 1), version=True)
    # `sheet_in_english`: kept segments whose run-sheet line stays in English, their Spanish too long for the one page
    # (native Spanish review 23: the rest of a version's sheet is in Spanish)
    english = field(variant, "sheet_in_english", list, path, where, default=[])
    if not set(english) <= set(kept) | set(vocabulary(essay.folder, TOPICS, "kept")):
        raise said(essay.folder, PLANS, "version activity", where, path, topic=", ".join(map(str, english)),
                   topics=", ".join(t for t in topics if t and minutes.get(t, 1)))
    # a version's closing round says a person's turn interpreted (sessions.yml, closing_round)
    person = str(_round_seconds(essay, True))
    return {"minutes": dict(minutes), "if_short": if_short, **reading, "reword": reword, "sheet_in_english": english,
            "activities": {t: {k: " ".join(str(v).split()).replace("{seconds_a_person}", person)
                               for k, v in texts.items()} for t, texts in activities.items()}}


def version_in_brief(essay: Essay, plans: pd.DataFrame) -> str:
    """For the guide: each version for a room with Spanish readers in a paragraph, from the data: when to decide,
    the segments it drops, what it prints instead of the plan's (the print list, ``version_own``) and what it does
    not print (``only: as planned``), and the interpreter and the named helper as two people. Markdown.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``; plans: the plans, from ``load_plans``.

    Returns:
        One Markdown paragraph per plan with a version, "" when none has one.

    Example:
        >>> from helpers import load_essay
        >>> "its own packet (with the Spanish sheet)" in version_in_brief(load_essay(), load_plans(load_essay()))
        True
    """
    lists = load_print_lists(essay)
    out = []
    for (plan, title), rows in plans.groupby(["plan", "plan_title"], sort=False):
        versions = [(r, spanish_version(r)) for _, r in rows.groupby("meeting")]
        versions = [(r, v) for r, v in versions if v is not None]
        if not versions:
            continue
        dropped = [f"{s.topic} ({s.minutes} minutes)" for r, v in versions for s in r.itertuples()
                   if s.topic not in set(v.topic)]
        mine = lists[lists.plan == plan]
        left = [n.split(" (")[0] for n in mine[mine.only == "as planned"].name]
        said = (f"**{title}, for a room with Spanish readers.** Decide on it before its first reading message goes "
                f"({reading_message_when(1, version=True)} the first meeting): then the interpreter is asked and briefed, and its own packet is printed. It drops "
                + _and(dropped) + f"; it prints {version_own(lists, plan)} instead of the plan's, and projects its "
                "own deck" + (f"; it does not print {_and([n[:1].lower() + n[1:] for n in left])}" if left else "")
                + ". Ask an interpreter and, besides, a named helper who speaks Spanish, to step out with anyone who "
                "needs it: two people, since the interpreter stays with the room.")
        out.append(said)
    return "\n\n".join(out)


def _and(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def kept_key_points(points: list[dict], rows: pd.DataFrame) -> list[dict]:
    """The key points of a meeting's Spanish sheet (``load_spanish_sheet``) that its segments worked on: a point whose
    ``topic`` names a segment these rows do not hold (one a version drops) is neither said nor printed.

    Parameters:
        points: the sheet's ``key_points``; rows: the segments of the meeting, or of its version (None: every point).

    Returns:
        The points to say and print, in order.

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> plans = load_plans(essay)
        >>> points = load_spanish_sheet(essay)["single-90-1"]["key_points"]
        >>> len(points), len(kept_key_points(points, spanish_version(plans[plans.plan == "single-90"])))
        (4, 3)
    """
    if rows is None:                        # no meeting given: every point
        return list(points)
    topics = set(rows.topic)
    return [k for k in points if not k.get("topic") or k["topic"] in topics]


def closing_fit(essay: Essay, rows: pd.DataFrame) -> dict:
    """Whether a meeting's closing (its ``key points`` segment) holds what it says and hears: the key points said
    aloud (the sheet's, ``kept_key_points``; in a version for Spanish readers once, in Spanish, the English under it
    on the packet's sheet) at ``closing_round: speaking_wpm``, and a round of a ``group`` at ``seconds_a_person``,
    interpreted in the version (``reading_pace: interpreted``).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        rows: one meeting's segments (``load_plans``), or its version (``spanish_version``, marked ``version``).

    Returns:
        ``{"key_points", "words", "seconds_a_person", "group", "seconds", "minutes"}``: ``seconds`` is what the
        closing needs, ``minutes`` what the meeting gives it.

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> fit = closing_fit(load_essay(), spanish_version(plans[plans.plan == "single-90"]).assign(version="spanish"))
        >>> fit["key_points"], fit["seconds_a_person"], fit["seconds"] <= fit["minutes"] * 60
        (3, 23, True)
    """
    pace = load_one(essay, f"{PLANS} closing_round")
    version = bool("version" in rows and rows.version.iloc[0])
    sheet = load_spanish_sheet(essay).get(f"{rows.plan.iloc[0]}-{rows.meeting.iloc[0]}", {})
    points = kept_key_points(sheet.get("key_points", []), rows)
    words = sum(len(k["es" if version else "en"].split()) for k in points)
    person = _round_seconds(essay, version)
    return {"key_points": len(points), "words": words, "seconds_a_person": person, "group": pace["group"],
            "seconds": math.ceil(words * 60 / pace["speaking_wpm"]) + pace["group"] * person,
            "minutes": int(rows[rows.topic == "key points"].minutes.sum())}


def _round_seconds(essay: Essay, interpreted: bool) -> int:
    """A person's turn in a closing round, in whole seconds (``closing_round: seconds_a_person``), times
    ``reading_pace: interpreted`` (rounded up) when every sentence is interpreted."""
    seconds = load_one(essay, f"{PLANS} closing_round")["seconds_a_person"]
    return math.ceil(seconds * reading_paces(essay)["interpreted"] - 1e-9) if interpreted else seconds


def spanish_version(rows: pd.DataFrame) -> pd.DataFrame | None:
    """One meeting's segments (rows of ``load_plans``) as its ``spanish_variant`` runs them: dropped segments gone,
    the freed minutes where the variant puts them, start times counted again; None when it has no variant.

    Parameters:
        rows: the segments of one meeting, from ``load_plans``.

    Returns:
        The variant's segments (the same columns), with ``if_short`` the variant's; or None.

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> version = spanish_version(plans[plans.plan == "single-90"])
        >>> int(version.minutes.sum()), "two death tolls" in set(version.topic)
        (90, False)
    """
    variant = rows.iloc[0].spanish_variant
    if not variant:
        return None
    out = rows.copy()
    out["minutes"] = [variant["minutes"].get(t, m) for t, m in zip(out.topic, out.minutes)]
    out = out[out.minutes > 0].copy()
    for topic, texts in variant.get("activities", {}).items():
        for name, text in texts.items():
            out.loc[out.topic == topic, name] = text
    # words of a kept segment that would promise a cut one, reworded for this version (review 20b)
    for topic, words in variant.get("reword", {}).items():
        for old, new in words.items():
            for name in [c for c in out.columns if c.split("_offline")[0] in ONLINE_FIELDS]:
                out.loc[out.topic == topic, name] = [t.replace(old, new) if isinstance(t, str) else t
                                                     for t in out.loc[out.topic == topic, name]]
    # a version with no segment on the computers keeps no save step: nothing to save (facilitator review 20b)
    if _screen(out).empty:
        for name in [c for c in out.columns if c.split("_offline")[0] in ONLINE_FIELDS]:
            out[name] = [" ".join(NO_SAVE.sub("", t).split()) if isinstance(t, str) else t for t in out[name]]
    out["start"] = out.minutes.cumsum() - out.minutes
    out["segment"] = range(1, len(out) + 1)
    out["if_short"] = variant["if_short"]
    if "version_homework" in out:      # the homework this version sets, and the one its version before set
        out["homework"] = [out.version_homework.iloc[0]] * len(out)
        out["homework_due"] = [out.version_homework_due.iloc[0]] * len(out)
    for name in ("pre_reading_minimum", "pre_reading_note"):
        out[name] = variant.get(name) or out[name]
    return paper_minutes_said(out)


# the save step before a paper stretch and at the close, in English and Spanish, as the segments say it
NO_SAVE = re.compile(r"(?:Save first \(Ctrl\+S, Cmd\+S on a Mac(?:; then File → Download)?\): (?:the next \d+ minutes are "
                     r"on paper|the rest is on paper)(?: and an idle Binder session is deleted)?\. ?"
                     r"|Guarden primero \(Ctrl\+S, o Cmd\+S en una Mac(?:; luego File → Download(?: \(Archivo → "
                     r"Descargar\))?)?\): (?:los próximos \d+ minutos son en papel|el resto es en papel)\. ?"
                     r"|save your work \(Ctrl\+S, Cmd\+S on a Mac(?:; then File → Download)?\); "
                     r"|guarden su trabajo \(Ctrl\+S, o Cmd\+S en una Mac(?:; luego File → Download(?: \(Archivo → "
                     r"Descargar\))?)?\); )")


# every text that states a stretch's minutes, the slide's (room) and a kit's without launch links too (review 20b)
PAPER_SAID = {name: re.compile(r"(los próximos )(\d+)( minutos)" if "_es" in name else r"(the next )(\d+)( minutes)")
              for name in ("activity", "room", "activity_es", "activity_offline", "room_offline", "activity_es_offline")}


def paper_stretches(rows: pd.DataFrame) -> list[tuple[int, int]]:
    """A meeting's stretches on paper (segments marked ``paper: true`` one after another).

    Parameters:
        rows: the segments of one meeting, from ``load_plans``.

    Returns:
        A list of (position of the stretch's first segment in ``rows``, the stretch's minutes), in order.

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> paper_stretches(plans[plans.plan == "single-90"])
        [(2, 26), (5, 25)]
    """
    out, k, paper = [], 0, list(rows.paper)
    while k < len(paper):
        if paper[k]:
            first, minutes = k, 0
            while k < len(paper) and paper[k]:
                minutes += int(rows.minutes.iloc[k])
                k += 1
            out.append((first, minutes))
        else:
            k += 1
    return out


def paper_minutes_said(rows: pd.DataFrame) -> pd.DataFrame:
    """The segments with "the next N minutes are on paper" (and its Spanish) counting the stretch each opens, as
    it runs in this version of the meeting.

    Parameters:
        rows: the segments of one meeting, from ``load_plans`` or ``spanish_version``.

    Returns:
        A copy whose opening segments of each paper stretch say that stretch's minutes.

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> single = plans[plans.plan == "single-90"]
        >>> paper_minutes_said(single).activity.equals(single.activity)
        True
    """
    rows = rows.copy()
    for first, minutes in paper_stretches(rows):
        for name, said in PAPER_SAID.items():
            if name not in rows.columns:
                continue
            col = rows.columns.get_loc(name)
            rows.iat[first, col] = said.sub(lambda m: f"{m[1]}{minutes}{m[3]}", rows.iat[first, col], count=1)
    return rows


BACK_TO_SCREENS = "Back to the screens"


def _check_paper_stretches(segments: list, path, where: str) -> None:
    """Every run of segments marked ``paper: true`` lasting PAPER_STRETCH minutes or more opens with the save step,
    and the screen segment after it (one with a notebook) opens by going back to the screens, with a relaunch."""
    k = 0
    while k < len(segments):
        if not segments[k].get("paper"):
            k += 1
            continue
        first, minutes = k, 0
        while k < len(segments) and segments[k].get("paper"):
            field(segments[k], "paper", bool, path, f"{where}, segment {k + 1}")
            minutes += segments[k]["minutes"]
            k += 1
        if minutes >= PAPER_STRETCH and SAVE_STEP not in for_links(str(segments[first].get("activity", "")), True):
            raise said(Path(path).parent, PLANS, "save first", f"{where}, segment {first + 1}", path,
                       first=first + 1, last=k, minutes=minutes, save=SAVE_STEP)
        # the screen segment after a long stretch on paper gives its first minutes to coming back: laptops wake, a
        # stopped session is relaunched (review13: every plan, not only the 90-minute session)
        back = segments[k] if k < len(segments) else None
        if (minutes >= PAPER_STRETCH and back is not None and back.get("notebook") and back.get("topic") != "key points"
                and not (str(back.get("activity", "")).startswith(BACK_TO_SCREENS)
                         and "relaunch" in for_links(str(back.get("activity", "")), True))):
            raise said(Path(path).parent, PLANS, "back to screens", f"{where}, segment {k + 1}", path,
                       first=first + 1, last=k, minutes=minutes, back=k + 1, opening=BACK_TO_SCREENS)


def reading_paces(essay: Essay) -> dict[str, float]:
    """How much slower than a first reading (the essay's reading speed) a close reading and a reading in a second
    language go, and how much longer a segment takes when everything said in it is interpreted (sessions.yml,
    ``reading_pace``): ``{"close": 2, "second_language": 2, "interpreted": 1.5}`` here.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A dictionary from ``close``, ``second_language`` and ``interpreted`` to a factor of 1 or more.

    Example:
        >>> from helpers import load_essay
        >>> sorted(reading_paces(load_essay()))
        ['close', 'interpreted', 'second_language']
    """
    return load_one(essay, f"{PLANS} reading_pace")      # each 1 or more (schema.yml's rules)


def second_language_minutes(essay: Essay, minutes: int, reading: float) -> int:
    """The kit's one rule for a reader of English as a second language, behind every "or about N in a second
    language" it prints (pre-reading, homework, notebooks, exercises): the minutes as said in English, plus the
    English read in them once more for each step of ``reading_pace: second_language`` beyond 1 (sessions.yml: at 2,
    every English word, the essay's and the notebooks' alike, takes twice as long), rounded up; writing answers,
    discussion and hands-on minutes stay as they are (facilitator review 22: the essay doubled, notebook 00 went
    from 45 to 51 and an exercise had no figure).

    Parameters:
        essay: the essay; minutes: the task's minutes as said in English; reading: the minutes of English reading
        in them, unrounded, at the pace the English figure counts it.

    Returns:
        The minutes in a second language, a whole number.

    Example:
        >>> from helpers import load_essay
        >>> second_language_minutes(load_essay(), 15, 14.5)
        30
    """
    extra = reading * (reading_paces(essay)["second_language"] - 1)
    return int(minutes) + math.ceil(extra - 1e-9)


def second_language_reading(essay: Essay, paragraphs: str) -> int:
    """The minutes some paragraphs take a reader of English as a second language (``second_language_minutes`` of
    ``reading_time``): the figure every reading line of the kit gives beside the first reading's.

    Parameters:
        essay: the essay; paragraphs: the paragraphs, written as in the notebooks, e.g. ``"¶1–¶18"``.

    Returns:
        The minutes, a whole number (the first reading's minutes and its reading once more, rounded up).

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> reading_time(essay, "¶1–¶18")[1], second_language_reading(essay, "¶1–¶18")
        (7, 14)
    """
    words, minutes = reading_time(essay, paragraphs)
    return second_language_minutes(essay, minutes, words / essay.reading_speed)


def interpreted_minutes(minutes: list[int], factor: float) -> list[int]:
    """The minutes segments take when everything said in them is interpreted: each segment's minutes times
    ``factor`` (sessions.yml, ``reading_pace: interpreted``; the guide's "about half as much time again" is 1.5),
    in whole minutes that add up to the whole of the exact total: each rounded down, and the minutes left over go to
    the largest remainders, a tie to the later segment (the discussion and the closing round, where everyone speaks).
    The version for Spanish readers gives its kept segments these minutes (tests/test_workshop.py holds it).

    Parameters:
        minutes: the segments' minutes in the English room, in order.
        factor: how many times longer an interpreted segment takes.

    Returns:
        The interpreted minutes, in the same order.

    Example:
        >>> interpreted_minutes([14, 13, 13, 15, 5], 1.5)
        [21, 19, 19, 23, 8]
    """
    exact = [m * factor for m in minutes]
    out = [math.floor(x + 1e-9) for x in exact]
    left = round(sum(exact)) - sum(out)
    order = sorted(range(len(exact)), key=lambda i: (exact[i] - out[i], i), reverse=True)
    for i in order[:max(left, 0)]:
        out[i] += 1
    return out


#: preparation steps that are done, not read: their minutes are stated in sessions.yml; ``arrange`` is totalled apart
DONE = ("install", "rehearse", "arrange")


def load_preparation(essay: Essay) -> dict[str, list[dict]]:
    """Each plan's preparation route (sessions.yml, a plan's ``prepare`` list): what the facilitator reads, in
    order. The minutes are not in the file: ``tools.decks.preparation_route`` counts each step's words.

    A step names what it ``reads``: one of ``PREPARE_READS``; ``essay`` steps give ``paragraphs`` (or
    ``session``: every paragraph the plan's segments and questions use; or ``answers``: those their likely answers
    and leading notes cite besides), ``exercise`` steps a ``notebook`` and the ``exercise`` number, ``glossary``
    steps the ``terms``; ``pace`` is ``first`` (the default) or ``close``. The steps done rather than read
    (``DONE``: install, rehearse, arrange) give their ``minutes``. ``only`` is ``every version`` (the default) or
    ``version for Spanish readers`` (a step of that version's route alone, such as briefing the interpreter).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A dictionary from plan id to its steps (dictionaries with ``reads``, ``what``, ``pace``, ``only`` and
        every other field schema.yml declares that the step fills in); a plan without a route is left out.

    Example:
        >>> from helpers import load_essay
        >>> [step["reads"] for step in load_preparation(load_essay())["single-90"]][:2]
        ['start page', 'run sheet']
    """
    path = essay.folder / PLANS
    out = {}
    for plan in load_entries(essay, f"{PLANS} plans").itertuples():
        steps = []
        for step in _within(essay, "prepare", plan.prepare, f"plan {plan.id}"):
            reads, where = step["reads"], step["row"]
            try:
                if reads == "essay" and step["paragraphs"] not in ("session", "answers"):
                    _paragraphs(essay, step["paragraphs"], path, where, "paragraphs")
            except AnnotationError:
                raise said(essay.folder, PLANS, "prepare paragraphs", where, paragraphs=step["paragraphs"]) from None
            # when a reading message goes, by the rule: a plan of one meeting says its one timing, a series all of them
            once = len(plan.meetings) == 1
            version = {"version for Spanish readers": True, "as planned": False}.get(step.get("only")) if once else None
            step = {**step, "what": when_sent(step["what"], 1 if once else None, version=version)}
            steps.append({k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in step.items()
                          if k not in ("row", "n") and v == v and v not in ("", None, [])})
        if steps:
            out[plan.id] = steps
    return out


def reading_time(essay: Essay, paragraphs: str) -> tuple[int, int]:
    """How long some paragraphs take to read: their words (the essay's own count, ``paragraphs.words``) and the
    minutes at the essay's reading speed (``essay.reading_speed``, 200 words a minute here).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        paragraphs: the paragraphs, written as in the notebooks, e.g. ``"¶1–¶18"`` or ``"¶19–¶42, ¶48"``.

    Returns:
        A pair of whole numbers: (words, minutes), the minutes rounded up.

    Example:
        >>> from helpers import load_essay
        >>> reading_time(load_essay(), "¶1–¶18")
        (1273, 7)
    """
    numbers = paragraph_numbers(paragraphs)
    words = int(essay.paragraphs[essay.paragraphs.paragraph.isin(numbers)].words.sum())
    return words, math.ceil(words / essay.reading_speed)


def pre_reading(essay: Essay, plans: pd.DataFrame) -> pd.DataFrame:
    """What to read before each meeting, and how long it takes (at the essay's reading speed).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        plans: the session plans, from ``load_plans(essay)``.

    Returns:
        A table with one row per meeting: ``plan``, ``meeting``, ``meeting_title`` (and its Spanish,
        ``meeting_title_es``), ``read before`` (the
        paragraphs, like "¶1–¶18"), ``words``, ``minutes``, ``minutes_l2`` (in a second language,
        ``second_language_reading``), ``note`` (what to tell participants) and ``note_es`` (its
        Spanish, for the "Before next time" slide; empty when the meeting has none).

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> pre_reading(essay, load_plans(essay)).minutes.tolist()
        [32, 7, 15, 14]
    """
    rows = []
    for (plan, meeting), g in plans.groupby(["plan", "meeting"], sort=False):
        first = g.iloc[0]
        words, minutes = reading_time(essay, first.pre_reading)
        least = reading_time(essay, first.pre_reading_minimum)[1]
        rows.append({"plan": plan, "meeting": meeting, "meeting_title": first.meeting_title,
                     "meeting_title_es": first.meeting_title_es, "read before": first.pre_reading, "words": words, "minutes": minutes,
                     "minutes_l2": second_language_reading(essay, first.pre_reading),
                     "at least": first.pre_reading_minimum, "at least (min)": least,
                     "note": first.pre_reading_note, "note_es": first.pre_reading_note_es})
    return pd.DataFrame(rows)


def paragraphs_read(plans: pd.DataFrame, plan: str) -> set[int]:
    """Every paragraph a plan has participants read: its pre-reading and the paragraphs its segments name.

    Parameters:
        plans: the session plans, from ``load_plans(essay)``.
        plan: the id of one plan, e.g. ``"single-90"`` (the ids are in ``plans.plan``).

    Returns:
        A set of paragraph numbers.

    Example:
        >>> from helpers import load_essay
        >>> len(paragraphs_read(load_plans(load_essay()), "single-90"))
        62
    """
    rows = plans[plans.plan == plan]
    found = set()
    for text in list(rows.pre_reading.unique()) + list(rows.paragraphs):
        found |= set(paragraph_numbers(text))
    return found


def unread_paragraphs(essay: Essay, plans: pd.DataFrame) -> list[tuple[str, int, int, list[int]]]:
    """Segments that use paragraphs nobody has read yet: (plan, meeting, segment, the unread ¶ numbers).

    A paragraph counts as read once it is in the pre-reading of this or an earlier meeting, or in a segment
    marked ``reads: true`` (read in the meeting) earlier in the plan or in that segment itself. A discussion
    segment also needs the paragraphs its questions point to.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        plans: the segments, from ``load_plans(essay)``.

    Returns:
        A list, empty when every segment only uses what has been read.

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> unread_paragraphs(essay, load_plans(essay))
        []
    """
    anchors = load_questions(essay).set_index("id").paragraphs
    found = []
    for plan, rows in plans.groupby("plan", sort=False):
        read_so_far: set[int] = set()
        for meeting, m in rows.groupby("meeting"):
            read_so_far |= set(paragraph_numbers(m.pre_reading.iloc[0]))
            for seg in m.itertuples():
                needed = set(paragraph_numbers(seg.paragraphs))
                if seg.reads:
                    read_so_far |= needed
                needed |= {n for q in seg.discussion.split(", ") if q for n in anchors[q]}
                missing = sorted(needed - read_so_far)
                if missing:
                    found.append((plan, meeting, seg.segment, missing))
    return found


def agenda(plans: pd.DataFrame, plan: str, meeting: int = 1) -> pd.DataFrame:
    """A meeting's agenda with clock times (0:00, 0:10, …), ready to print or project.

    Parameters:
        plans: the session plans, from ``load_plans(essay)``.
        plan: the id of one plan, e.g. ``"single-90"`` (the ids are in ``plans.plan``).
        meeting: which meeting of the plan, counting from 1 (the default).

    Returns:
        A table with one row per segment, indexed by the time it starts: ``minutes``, ``activity``,
        ``notebook``, ``paragraphs``, ``discussion`` and ``materials``. A ``ValueError`` names the plans
        there are when the plan or meeting does not exist.

    Example:
        >>> from helpers import load_essay
        >>> agenda(load_plans(load_essay()), "single-90").index[:3].tolist()
        ['0:00', '0:14', '0:19']
    """
    a = plans[(plans.plan == plan) & (plans.meeting == meeting)].copy()
    if a.empty:
        raise ValueError(" ".join(worded(SEEDS / DEFAULT_READING, PLANS, "no meeting", meeting=meeting, plan=plan,
                                         plans=sorted(set(plans.plan)))))
    a.insert(0, "time", [f"{s // 60}:{s % 60:02d}" for s in a.start])
    return a[["time", "minutes", "activity", "notebook", "paragraphs", "discussion", "materials"]].set_index("time")


def agenda_for_reading(plans: pd.DataFrame, plan: str, meeting: int = 1) -> pd.DataFrame:
    """``agenda`` as a facilitator reads it on screen: discussion questions named "question 1", not by their ids.

    Parameters: as ``agenda``.
    Returns: the agenda with the ``activity`` and ``discussion`` columns in words.

    Example:
        >>> from helpers import load_essay
        >>> bool(agenda_for_reading(load_plans(load_essay()), "single-90").discussion.str.contains("D0").any())
        False
    """
    shown = agenda(plans, plan, meeting)
    return shown.assign(activity=shown.activity.map(questions_in_words),
                        discussion=shown.discussion.map(questions_in_words))


def load_notes(essay: Essay) -> dict:
    """The facilitator's notes for each notebook (facilitation.yml), checked.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A dictionary keyed by notebook name (like ``"03_timeline"``); each entry holds ``activities`` and
        ``stumbling_points`` (lists of sentences), ``without_computers`` (how to run it on paper) and any other
        field schema.yml declares for the notes.

    Example:
        >>> from helpers import load_essay
        >>> notes = load_notes(load_essay())
        >>> notes["03_timeline"]["without_computers"]
        "Print the two timeline figures; the exercise works with the reader's edition alone."
    """
    return load_entries(essay, f"{NOTES} notebooks").drop(columns="row").set_index("notebook").to_dict("index")


def lesson_parts(notebook: str) -> dict:
    """A notebook's title, learning objectives, questions and time, read from its opening cell.

    Parameters:
        notebook: the notebook's name without ".ipynb", e.g. ``"03_timeline"``.

    Returns:
        A dictionary with ``title``, ``objectives`` (a sentence), ``questions`` (a list) and ``time`` (how
        long it takes, in words).

    Example:
        >>> lesson_parts("03_timeline")["title"]
        'The timeline: events as narrowly dated as the text allows, and dating the essay'
    """
    import json   # the notebook's own JSON: nbformat (and its schema validator) would take seconds to import
    nb = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    from .lessons import opening_index
    first = "".join(nb["cells"][opening_index(nb)]["source"])
    objectives = re.search(r"\*\*Learning objectives\.\*\*\s*(.+)", first)
    questions = re.findall(r"^- (.+)$", first.split("**Questions", 1)[-1].split("**Learning", 1)[0], flags=re.M)
    from .essay import load_essay
    from .lessons import lesson_row, time_line
    time = time_line(lesson_row(nb, f"{notebook}.ipynb", load_essay())).removeprefix("**Time:** ")
    return {"title": nb["metadata"]["lesson"]["title"], "objectives": objectives.group(1).strip() if objectives else "",
            "questions": questions, "time": time}


QUESTIONS_ES = "discussion_es.yml"


def load_handout(essay: Essay) -> dict:
    """The participant handout (from facilitation.yml), every text in English and Spanish, checked.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A dictionary with ``language_note``, ``content_note``, ``content_note_aloud`` (the note as a run sheet
        says it aloud, at most 40 words in English and 48 in Spanish), ``agreements`` (a list), ``setup`` (its
        ``intro``, ``check``, ``if_not`` and ``routes``), ``sensitive_for_group`` (what the room reads on the
        slide of a sensitive segment, by the segment's topic), ``facilitator_safety``, ``debrief`` (the last line of a
        run sheet), ``reading_message`` (the message that sends the reading, with {placeholders}),
        ``over_the_week`` (preparation besides reading), ``flashpoints`` and ``flashpoint_for_group`` (what the room reads on the slide of a segment that touches one; ``{paragraphs}``
        stands for them). Each text
        is a pair ``{"en": …, "es": …}``, except ``facilitator_safety``, a list of English notes, and
        ``flashpoints``, the numbers of the paragraphs that can divide a room. Every other top-level field
        schema.yml declares for facilitation.yml ("facilitation.yml (file)") is there too, as checked.

    Example:
        >>> from helpers import load_essay
        >>> handout = load_handout(load_essay())
        >>> handout["agreements"][0]["en"]
        "Nobody has to share their own story, or their family's. We discuss the text, not each other's lives."
    """
    top = load_one(essay, f"{NOTES} (file)")
    h = load_one(essay, f"{NOTES} handout")
    setup = load_one(essay, f"{NOTES} setup", {"setup": h["setup"]})
    aloud = load_one(essay, f"{NOTES} content_note_aloud", {"content_note_aloud": h["content_note_aloud"]})
    setup = {**setup, "intro": _sizes_said(setup["intro"])}
    groups = load_entries(essay, f"{NOTES} sensitive_for_group").drop(columns="row").set_index("topic")
    load_one(essay, f"{NOTES} flashpoint_for_group", top)      # {paragraphs} in both languages (schema.yml)
    routes = load_entries(essay, f"{NOTES} routes", {"routes": setup["routes"]}).drop(columns="row")
    return {**top, **h, "content_note_aloud": aloud, "setup": {**setup, "routes": routes.to_dict("records")},
            "sensitive_for_group": groups.to_dict("index"), "interpreter": top["interpreter"] or {},
            "hard_moments": load_entries(essay, f"{NOTES} hard_moments").drop(columns="row").to_dict("records"),
            "reading_message_sheet": top.get("reading_message_sheet") or {},
            "reading_message_spanish_page": top.get("reading_message_spanish_page") or {},
            "flashpoints": paragraph_numbers(top["flashpoints"]),
            "over_the_week": [when_sent(task, None) for task in top["over_the_week"]]}


def _sizes_said(pair: dict) -> dict:
    """The setup intro with its {download_mb} and {installed_mb} filled from SETUP_SIZES_MB, in both languages; an
    intro that does not say both is an error naming the file and the fix (the sizes are kept in one place)."""
    out = {}
    for lang, text in pair.items():
        missing = [k for k in SETUP_SIZES_MB if "{" + k + "}" not in text]
        if missing:
            raise HelperError(NOTES, f"the setup intro ({lang}) does not say {', '.join('{' + k + '}' for k in missing)}.",
                              "write the download and installed sizes as {download_mb} MB and {installed_mb} MB; "
                              "the numbers are kept in helpers/workshop.py's SETUP_SIZES_MB, with how they were measured.")
        out[lang] = text.replace("{download_mb}", str(SETUP_SIZES_MB["download_mb"])).replace(
            "{installed_mb}", str(SETUP_SIZES_MB["installed_mb"]))
    return out


def _screen(rows: pd.DataFrame) -> pd.DataFrame:
    """The segments that use the computers: a notebook, not on paper, not the setup check."""
    return rows[(rows.notebook != "") & ~rows.paper.astype(bool) & (rows.topic != "setup")]


def uses_computers(rows: pd.DataFrame) -> bool:
    """Whether a meeting (or its version) has a segment on the computers, beyond the setup check.

    Parameters:
        rows: the segments of one meeting, from ``load_plans``, or its ``spanish_version``.

    Returns:
        True when a segment uses the computers.

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> uses_computers(plans[plans.plan == "single-90"]), uses_computers(spanish_version(plans[plans.plan == "single-90"]))
        (True, False)
    """
    return not _screen(rows).empty


def computers_optional(rows: pd.DataFrame) -> str:
    """One line for a plan that meets once (rows of ``load_plans`` for one plan, or one meeting's version): that
    computers are optional, the minutes its screen segments use them, and that every segment has a paper route; ""
    for a plan of several meetings (their setup grows over the series).

    Parameters:
        rows: the segments of one plan or one meeting.

    Returns:
        The line, in English.

    Example:
        >>> from helpers import load_essay
        >>> plans = load_plans(load_essay())
        >>> computers_optional(plans[plans.plan == "single-90"])
        'Computers are optional: the session uses them for 15 of its 90 minutes (argument map); every segment has a paper route.'
    """
    if rows.meeting.nunique() != 1:
        return ""
    screen = _screen(rows)
    if screen.empty:       # the version for Spanish readers cuts its one screen segment (sessions.yml)
        return "No computers: every segment of this version is on paper."
    return (f"Computers are optional: the session uses them for {int(screen.minutes.sum())} of its "
            f"{int(rows.length.iloc[0])} minutes ({', '.join(screen.topic)}); every segment has a paper route.")


def notebook_section(notebook: str, heading: str) -> dict[str, str]:
    """A section of a committed notebook, by the start of its "## " heading (``"The table of voices"``,
    ``"Exercise 2:"``): ``text``, the Markdown of its first cell without the heading (the lines about a code cell
    below left out: a slide or a sheet has none), and ``table``, the HTML of the first table its cells output; each
    empty when the notebook or the heading is not there.

    Parameters:
        notebook: the notebook's name without ``.ipynb``; heading: the start of the section's heading.

    Returns:
        A dictionary with ``title`` (the whole heading), ``text`` and ``table``.

    Example:
        >>> "<table" in notebook_section("02_source_quotations", "The table of voices")["table"]
        True
        >>> notebook_section("03_timeline", "Exercise 9:")["text"]
        ''
    """
    path = NOTEBOOKS / f"{notebook}.ipynb"
    out = {"title": "", "text": "", "table": ""}
    if not path.exists():
        return out
    from .lessons import without_time_lines     # a meeting has its own minutes: not the self-study time lines
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    inside = False
    for cell in cells:
        src = without_time_lines("".join(cell["source"])).lstrip()
        if cell["cell_type"] == "markdown" and src.startswith("## "):
            if inside:
                break
            inside = src[3:].startswith(heading)
            if inside:
                title, _, body = src[3:].partition("\n")
                code = re.compile(r"cell below|Shift \+ Enter|`")       # a sentence about the notebook's cells
                keep = [" ".join(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para.strip()) if not code.search(s))
                        for para in body.strip().split("\n\n")]
                out.update(title=title.strip(), text="\n\n".join(k for k in keep if k).strip())
            continue
        if inside and not out["table"]:
            for o in cell.get("outputs", []):
                html_ = "".join(o.get("data", {}).get("text/html", ""))
                if "<table" in html_:
                    out["table"] = html_
                    break
    return out


def notebook_figures(notebook: str) -> list[str]:
    """The figures a committed notebook shows, in order, as base64 PNG text (what a slide can show as it is).

    Parameters:
        notebook: the notebook's name without ``.ipynb``, e.g. ``"01_argument_structure"``.

    Returns:
        A list with one base64 text per figure (an output with an ``image/png``), from the top; empty for a
        notebook that does not exist or draws nothing.

    Example:
        >>> len(notebook_figures("01_argument_structure")) > 0, notebook_figures("no_such_notebook")
        (True, [])
    """
    path = NOTEBOOKS / f"{notebook}.ipynb"
    if not path.exists():
        return []
    stat = path.stat()     # read once per version of the file: load_plans asks for every notebook a plan names
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _FIGURES:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        _FIGURES[key] = tuple("".join(out["data"]["image/png"]) for c in cells for out in c.get("outputs", [])
                              if "image/png" in out.get("data", {}))
    return list(_FIGURES[key])


_FIGURES: dict[tuple[str, int, int], tuple[str, ...]] = {}


def english_fingerprint(text: str) -> str:
    """A short fingerprint of an English question: what discussion_es.yml records as ``from_en``.

    Parameters:
        text: the English question (white space is collapsed to single spaces first).
    Returns:
        the first 12 hex digits of its sha256, as text.
    Example:
        >>> english_fingerprint("What is   the war of position?") == english_fingerprint("What is the war of position?")
        True
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def check_fingerprint(path, key: str, entry: dict, english: str, source: str, keep: str) -> None:
    """Stop when a Spanish entry's ``from_en`` is not the fingerprint of the English it translates: the English
    (in ``source``, e.g. discussion.yml) has changed since, so the Spanish must be translated again.

    Parameters:
        path: the Spanish file, named in the error.
        key: the entry's id (a question id like ``"D01"``, or a summary part).
        entry: the entry as read from the file, with its ``from_en``.
        english: the current English of that entry.
        source: the file that holds the English, named in the error.
        keep: what the new translation must keep besides the sense (e.g. ``"same qualifiers"``).

    Returns:
        None; an ``AnnotationError`` naming the entry and both fingerprints when they differ.

    Example:
        >>> check_fingerprint("discussion_es.yml", "D01", {"from_en": english_fingerprint("Why?")}, "Why?",
        ...                   "discussion.yml", "same qualifiers") is None
        True
    """
    recorded = field(entry, "from_en", str, path, key)
    current = english_fingerprint(english)
    if recorded != current:
        # the reading the file is in (tools.packet names a file of the default reading by its name alone)
        folder = Path(path).parent if Path(path).parent.joinpath(MESSAGES).is_file() else SEEDS / DEFAULT_READING
        raise said(folder, "from_en", "changed", key, path, key=key, recorded=recorded, source=source,
                   current=current, keep=keep)


def check_translated(essay: Essay, name: str, english: pd.Series, source: str, keep: str, missing) -> pd.DataFrame:
    """The Spanish of a list of English entries (a keyed list schema.yml declares, each entry with ``from_en`` and
    ``es``), loaded and checked against that English: every entry renders one of them (else messages.yml's "not in
    English" under ``name``), its ``from_en`` is that English's fingerprint now (``check_fingerprint``), and every
    English entry has its Spanish (else "no Spanish", with the values ``missing`` gives).

    Parameters:
        essay: the essay; name: the declaration ("summary_es.yml parts"); english: the English text by id;
        source, keep: as ``check_fingerprint``'s; missing: a function of (the first id without Spanish, all of them)
        that gives the values "no Spanish" names besides the id's fingerprint.

    Returns:
        the entries as ``load_entries`` gives them, indexed by id.

    Example:
        >>> from helpers import load_essay
        >>> from helpers.summary import summary_english
        >>> essay = load_essay()
        >>> spanish = check_translated(essay, "summary_es.yml parts", summary_english(essay).text, "argument.yml",
        ...                            "same qualifiers", lambda first, ids: {"part": first})
        >>> list(spanish.index[:2])
        ['T', 'P1']
    """
    entries = load_entries(essay, name)
    key = declaration(essay.folder, name)["id"]
    for ident, row, from_en in zip(entries[key], entries.row, entries.from_en):
        if ident not in english.index:
            raise said(essay.folder, name, "not in English", row, **{key: ident, "ids": ", ".join(english.index)})
        check_fingerprint(essay.folder / name.partition(" ")[0], ident, {"from_en": from_en}, english[ident], source,
                          keep)
    absent = [ident for ident in english.index if ident not in set(entries[key])]
    if absent:
        raise said(essay.folder, name, "no Spanish", absent[0], **missing(absent[0], absent),
                   fingerprint=english_fingerprint(english[absent[0]]))
    return entries.set_index(key)


def check_spanish(path, problems: list[tuple[str, str]], what: str, label: str) -> None:
    """Stop at the first of the problems ``spanish_problems`` found: "<what> <its problem>", with its fix.

    Parameters:
        path: the Spanish file, named in the error; problems: from ``spanish_problems``; what: the text checked
        ("the Spanish D01"); label: the entry the error names.
    Returns:
        None when there is no problem; otherwise an ``AnnotationError``.
    Example:
        >>> check_spanish("discussion_es.yml", [], "the Spanish D01", "D01") is None
        True
    """
    if problems:
        raise AnnotationError(path, f"{what} {problems[0][0]}", problems[0][1], label)


def load_slide_leads_es(essay: Essay, column: str = "slide") -> dict[str, str]:
    """The Spanish lead-ins of the long questions' slides (discussion_es.yml, ``slide``), by question id, checked as
    a part of the question: its quotations are the essay's words that the English question quotes, each with its ¶
    and, from three words up, a [rendering] (``spanish_problems`` with ``part``). The Spanish readers' deck projects
    a long question's closing questions under this lead-in, so they do not lean on words that are not on screen.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``; column: the field read and checked so ("slide", or "aloud"
        for ``load_aloud_es``).

    Returns:
        A dictionary from question id to its lead-in, on one line (only the questions that have one).

    Example:
        >>> from helpers import load_essay
        >>> list(load_slide_leads_es(load_essay()))
        ['D02']
    """
    questions = load_questions(essay).set_index("id")
    leads = load_entries(essay, f"{QUESTIONS_ES} questions").set_index("question")[column]    # folded, "" if none
    leads = leads[leads != ""]
    what = {"slide": "the slide's lead-in of", "aloud": "the spoken form of"}[column]
    for qid, lead in leads.items():
        check_spanish(essay.folder / QUESTIONS_ES, spanish_problems(essay, lead, questions.question[qid],
                                                                   questions.paragraphs[qid], part=True),
                      f"{what} {qid}", qid)
    return leads.to_dict()


def load_aloud_es(essay: Essay) -> dict[str, str]:
    """The spoken form of each discussion question in Spanish (discussion_es.yml, ``aloud``), by question id: what the
    facilitator of a version for Spanish readers reads to the room, on its run sheet and its slides (facilitator
    review 22: question 1 in Spanish was 230 words). schema.yml holds its limits (words, conditions, no hedge); here
    it is checked as a part of the question: the ¶ it names are the question's, and any quotation is the essay's words
    that the English question quotes, with its ¶ and, from three words up, a [rendering] (``spanish_problems``).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A dictionary from question id to its spoken form, on one line.

    Example:
        >>> from helpers import load_essay
        >>> load_aloud_es(load_essay())["D02"].startswith("El ¶45 plantea una objeción")
        True
    """
    return load_slide_leads_es(essay, "aloud")      # every question has one (schema.yml: filled), checked the same way


def load_leading_es(essay: Essay) -> dict[str, dict]:
    """How to lead a discussion question, in Spanish (discussion_es.yml, ``leading``), by question id: what the run
    sheet and the notes of a version for Spanish readers give, in place of the English of discussion.yml's
    ``facilitation`` (native Spanish review 21: a facilitator who reads Spanish more easily could not lead from it).

    Each entry has a prompt for every English prompt, in order, and a close; its ``from_en`` is the fingerprint of
    the English prompts and close joined by spaces, so a changed English stops the loading. Each prompt and the
    close keep the English one's paragraphs and quotations (``spanish_problems``, the English's curly quotes read as
    straight ones; the anchors: the question's and the paragraphs the English names).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A dictionary from question id to ``{"prompts": [...], "close": "..."}`` (only the questions that have one).

    Example:
        >>> from helpers import load_essay
        >>> load_leading_es(load_essay())["D02"]["prompts"][0][:36]
        '¿Quién plantea la objeción en el ¶45'
    """
    from helpers.discussion import load_facilitation
    path = essay.folder / QUESTIONS_ES
    questions, facilitation = load_questions(essay).set_index("id"), load_facilitation(essay)
    out = {}
    for q in load_entries(essay, f"{QUESTIONS_ES} questions").itertuples():
        if not q.leading:
            continue
        english = facilitation.get(q.question)
        if not english:
            raise said(essay.folder, QUESTIONS_ES, "no facilitation", q.question, question=q.question)
        check_fingerprint(path, q.question, q.leading, " ".join(english["prompts"] + [english["close"]]),
                          "discussion.yml (facilitation)", "the same prompts in the same order, the same close")
        prompts, close = q.leading.get("prompts") or [], q.leading.get("close") or ""
        if len(prompts) != len(english["prompts"]) or not close:
            raise said(essay.folder, QUESTIONS_ES, "prompts", q.question, question=q.question, n=len(prompts),
                       close="" if close else " and no close", english=len(english["prompts"]))
        for what, es, en in ([(f"prompt {n}", p, e) for n, (p, e) in enumerate(zip(prompts, english["prompts"]), 1)]
                             + [("close", close, english["close"])]):
            en = en.replace("\u201c", '"').replace("\u201d", '"')
            anchors = sorted(set(questions.paragraphs[q.question]) | {int(n) for n in PILCROW.findall(en)})
            check_spanish(path, spanish_problems(essay, " ".join(es.split()), en, anchors),
                          f"the Spanish {what} for leading {q.question}", q.question)
        out[q.question] = {"prompts": [" ".join(p.split()) for p in prompts], "close": " ".join(close.split())}
    return out


def load_questions_es(essay: Essay, plans: pd.DataFrame | None = None) -> dict[str, str]:
    """The Spanish versions of the discussion questions (discussion_es.yml), by question id, checked.

    Every question of discussion.yml must have a Spanish version, and every id must be one of its questions.
    Each entry records (``from_en``) the fingerprint of the English it was translated from, and that English
    must not have changed since. The Spanish keeps the English's paragraphs and quotations: every ¶ the
    English names is named, and no other than those of the question's anchors (``spanish_problems``); every
    quotation is the essay's own words, word for word, among the English question's quotations, with its ¶
    named and, from three words up, a Spanish rendering in [brackets]. A problem stops the loading with an
    ``AnnotationError`` naming the question and saying what to fix.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        plans: optional; the session plans, from ``load_plans(essay)``: a question a plan uses that has no
            Spanish version is named as such in the error.

    Returns:
        A dictionary from question id (like ``"D01"``) to the question in Spanish, on one line.

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> es = load_questions_es(essay, load_plans(essay))
        >>> len(es), es["D16"].startswith("El ensayo llama a Juan Orlando Hernández")
        (20, True)
    """
    questions = load_questions(essay).set_index("id")
    used = {q for cell in plans.discussion for q in cell.split(", ") if q} if plans is not None else set()
    spanish = check_translated(essay, f"{QUESTIONS_ES} questions", questions.question, "discussion.yml",
                               "qualifiers and questions", lambda first, missing: {
                                   "question": first, "why": ", which a session plan uses" if first in used else "",
                                   "n": len(missing), "missing": ", ".join(missing)}).es
    for qid, es in spanish.items():
        check_spanish(essay.folder / QUESTIONS_ES, spanish_problems(essay, es, questions.question[qid],
                                                                    questions.paragraphs[qid]), f"the Spanish {qid}", qid)
    return spanish.to_dict()


def load_spanish_sheet(essay: Essay) -> dict[str, dict]:
    """The Spanish sheet of each meeting that has one (sessions.yml, ``spanish: sheet``), checked: the package's own
    Spanish of the paragraphs, glossary entries and key points the meeting's Spanish readers' version works on.

    Every entry records (``from_en``) the fingerprint of the English it renders (a paragraph's text; a term's
    definition and in_the_essay, joined by a space), and that English must not have changed since; a term must be
    one of the glossary's; a key point has ``en`` and ``es``, and the words its Spanish puts in "double quotes"
    are the essay's, with their ¶ and a [rendering] (``spanish_problems``, against its English).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        By meeting ("single-90-1"): ``{"paragraphs": {49: "…"}, "spanish_only": [¶ printed without their English
        beside them (``beside_english: false``; the reader's edition has it)], "terms": {term: {"spanish", "definition",
        "in_the_essay", "definition_en", "in_the_essay_en", "source"}}, "key_points": [{"en", "es"}]}``.

    Example:
        >>> from helpers import load_essay
        >>> sheet = load_spanish_sheet(load_essay())["single-90-1"]
        >>> list(sheet["paragraphs"]), sheet["spanish_only"], sorted(sheet["terms"])
        ([45, 48, 49], [45, 48], ['Antonio Gramsci', 'civil society', 'war of position'])
    """
    from .terms import glossary, load_terms
    path = essay.folder / PLANS
    sheets = load_entries(essay, f"{PLANS} sheet", {"sheet": load_one(essay, f"{PLANS} spanish")["sheet"]})
    terms = glossary(load_terms(essay)).set_index("term")
    out = {}
    for sheet in sheets.itertuples():
        paragraphs, alone, rendered, points = {}, [], {}, []
        part = {k: load_entries(essay, f"{PLANS} {k}", {k: getattr(sheet, k)}, sheet.row).itertuples()
                for k in ("paragraphs", "terms", "key_points")}
        for p in part["paragraphs"]:
            n = int(p.paragraph) if p.paragraph.isdigit() else 0
            if n not in essay.paragraphs.index:
                raise said(essay.folder, PLANS, "no such paragraph", p.row, paragraph=p.paragraph)
            check_fingerprint(path, f"¶{n}", p._asdict(), essay.paragraphs.loc[n].text, "essay.txt",
                              "every sentence, nothing added")
            paragraphs[n] = p.es
            alone += [] if p.beside_english else [n]
        for r in part["terms"]:
            t = terms.loc[r.term]
            check_fingerprint(path, r.term, r._asdict(), f"{t.definition} {t.in_the_essay or ''}", "terms.csv",
                              "the same definition and what the essay says")
            rendered[r.term] = {"spanish": t.spanish or r.term, "source": t.source, "definition_en": t.definition,
                                "in_the_essay_en": t.in_the_essay or "", "definition": r.definition,
                                "in_the_essay": r.in_the_essay}
        for i, point in enumerate(part["key_points"], start=1):
            check_spanish(path, spanish_problems(essay, point.es, point.en, [int(n) for n in PILCROW.findall(point.en)]),
                          f"the Spanish of key point {i}", point.row)
            points.append({"en": point.en, "es": point.es, "topic": point.topic or ""})
        out[sheet.meeting] = {"paragraphs": paragraphs, "spanish_only": alone, "terms": rendered, "key_points": points}
    return out


def essay_title_es(essay: Essay) -> str:
    """The essay's title in Spanish: the package's own translation (sessions.yml, ``spanish: essay_title_es``), which
    a page prints after the English title, marked "[traducción]"; the English title stays the essay's.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        The Spanish title, or "" when sessions.yml gives none.

    Example:
        >>> from helpers import load_essay
        >>> essay_title_es(load_essay()).startswith("Estamos perdiendo, pero podemos ganar")
        True
    """
    return str((read_yaml(essay.folder / PLANS).get("spanish") or {}).get("essay_title_es") or "").strip()


QUOTED = re.compile(r'"([^"]+)"')
RENDERING = re.compile(r'\s*\[[^\]]+\]')      # the Spanish rendering that follows a quotation: [ … ]
PILCROW = re.compile(r"¶(\d+)")
SPANISH_TEXT = "Spanish text"                # the messages of spanish_problems, in messages.yml


def spanish_problems(essay: Essay, spanish: str, english: str, anchors: list[int],
                     part: bool = False) -> list[tuple[str, str]]:
    """What is wrong with a Spanish discussion question, measured against its English: (problem, fix) pairs.

    The Spanish names every ¶ its English names, and no ¶ outside the English and the question's anchors.
    Words in "double quotes" are the essay's, word for word (only white space may differ), in an anchored
    paragraph, and quoted in the English too; every quotation of the English is quoted in the Spanish; each
    quotation's ¶ is named; a quotation of three words or more is followed by its Spanish rendering in
    [brackets]. Guillemets or curly double quotes around the package's own words would escape these checks,
    so they are refused.

    Parameters:
        essay: the essay; spanish: the Spanish question (one line); english: the English question;
        anchors: the paragraphs the question is anchored to (``load_questions(essay).paragraphs``);
        part: the Spanish is a part of the question (a slide's lead-in), which need not name every ¶ or keep every
        quotation of the English.

    Returns:
        A list, empty when the Spanish is sound.

    Example:
        >>> from helpers import load_essay
        >>> spanish_problems(load_essay(), 'Lean el "a grave mistake" [un grave error] (¶48).',
        ...                  'Read "a grave mistake" in ¶48.', [48])
        []
        >>> spanish_problems(load_essay(), 'Lean el "a big mistake" [un gran error] (¶48).',
        ...                  'Read "a grave mistake" in ¶48.', [48])[0][0]
        "quotes 'a big mistake', which is not word for word in ¶48."
    """
    found: list[tuple[str, str]] = []         # each worded in the reading's messages.yml, under "Spanish text"
    named_en = {int(n) for n in PILCROW.findall(english)}
    named_es = {int(n) for n in PILCROW.findall(spanish)}
    allowed = named_en | set(anchors)
    where = ", ".join(f"¶{n}" for n in sorted(allowed))
    for n in sorted(set() if part else named_en - named_es):
        found.append(worded(essay.folder, SPANISH_TEXT, "not named", n=n))
    for n in sorted(named_es - allowed):
        found.append(worded(essay.folder, SPANISH_TEXT, "outside", n=n, allowed=where))
    if any(mark in spanish for mark in "«»“”"):
        found.append(worded(essay.folder, SPANISH_TEXT, "curly quotes"))
    quoted_en = {" ".join(q.split()) for q in QUOTED.findall(english)}
    paragraphs = {n: " ".join(essay.paragraphs.loc[n].text.split()) for n in sorted(set(anchors))}
    quoted_es = set()
    for m in QUOTED.finditer(spanish):
        quote = " ".join(m.group(1).split())
        quoted_es.add(quote)
        holding = [n for n, text in paragraphs.items() if quote in text]
        if not holding:
            found.append(worded(essay.folder, SPANISH_TEXT, "not word for word", quote=quote,
                                paragraphs=", ".join(f"¶{n}" for n in paragraphs)))
            continue
        if quote not in quoted_en:
            found.append(worded(essay.folder, SPANISH_TEXT, "not in the English", quote=quote))
        if not named_es & set(holding):
            found.append(worded(essay.folder, SPANISH_TEXT, "no paragraph", quote=quote,
                                paragraphs=", ".join(f"¶{n}" for n in holding), first=holding[0]))
        if len(quote.split()) >= 3 and not RENDERING.match(spanish, m.end()):
            found.append(worded(essay.folder, SPANISH_TEXT, "no rendering", quote=quote, start=quote[:30]))
    for quote in sorted(set() if part else quoted_en - quoted_es):
        found.append(worded(essay.folder, SPANISH_TEXT, "left out", quote=quote))
    return found


HUB_MEASURED = "hub/measured.yml"            # written by `make hub-check USERS=30 RECORD=1`
HUB_CONFIG = "hub/z2jh-config.yaml"          # Zero to JupyterHub configuration, with the same numbers
#: the figures of hub/measured.yml the sizing reads, in the order they are checked: (section, or "" for the top of
#: the file; figure; its type: float takes a whole number too); an error names the section (or the figure)
MEASURED = (("memory_mb", "per_participant_max", float), ("memory_mb", "hub_and_proxy_peak", float),
            ("cpu_s", "per_participant_median", float), ("machine", "cores", int), ("", "participants", int),
            ("", "succeeded", int), ("click_to_first_output_s", "median", float),
            ("click_to_first_output_s", "p95", float), ("memory_mb", "whole_hub_peak", float))


def _fill(text: str, values: dict, path, where: str) -> str:
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise said(Path(path).parent, NOTES, "blank", where, path, blank=exc,
                   names=", ".join(sorted(values))) from None


def load_hub_sizing(essay: Essay, measured: dict | None = None) -> tuple[dict, dict, dict]:
    """The sizing rule of facilitation.yml and the figures of a measured run, both checked (``hub_sizing`` computes).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``; measured: the figures of a run (as in
        hub/measured.yml, which is read when this is not given).

    Returns:
        A tuple (rule, measured, figures): the ``hub_sizing`` entry of facilitation.yml as a dictionary, the run as
        read, and the figures the sizing uses (``per_participant_max``, ``cores`` …), each checked for its type.

    Example:
        >>> from helpers import load_essay
        >>> rule, measured, figures = load_hub_sizing(load_essay())
        >>> rule["group_sizes"], "cores" in figures
        ([10, 20, 30], True)
    """
    rule, mpath = load_one(essay, f"{NOTES} hub_sizing"), PROJECT / HUB_MEASURED
    m = measured if measured is not None else read_yaml(mpath)
    return rule, m, {key: field(field(m, sec, dict, mpath, sec) if sec else m, key, kind, mpath, sec or key)
                     for sec, key, kind in MEASURED}


def hub_sizing(essay: Essay, measured: dict | None = None) -> dict:
    """How big a JupyterHub a group needs, computed from a measured run and the rule in facilitation.yml.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``; measured: the figures of a run (as in
        hub/measured.yml, which is read when this is not given).

    Returns:
        A dictionary: ``table`` (a row per group size: memory in GB and processor cores for the whole hub),
        ``per_participant`` (memory guarantee and limit in MB, processor guarantee and limit in cores),
        ``cull_idle_minutes``, ``measured`` (the run's figures), ``intro``, ``ask_admin`` (a list) and
        ``config_note`` (texts as ``{"en": …, "es": …}``, numbers filled in), and ``config`` (the Zero to
        JupyterHub configuration, as text, without its comment lines).

    Example:
        >>> from helpers import load_essay
        >>> sizing = hub_sizing(load_essay())
        >>> list(sizing["table"].participants)
        [10, 20, 30]
        >>> sizing["per_participant"]["memory_limit_mb"] == 2 * sizing["per_participant"]["memory_guarantee_mb"]
        True
    """
    path = essay.folder / NOTES
    rule, m, got = load_hub_sizing(essay, measured)
    sizes, headroom, step, factor, reserve, within, cull = (rule[k] for k in (
        "group_sizes", "headroom", "memory_step_mb", "limit_factor", "system_reserve_gb", "start_within_s",
        "cull_idle_minutes"))
    peak, own, cpu = got["per_participant_max"], got["hub_and_proxy_peak"], got["per_participant_median"]

    guarantee = math.ceil(peak * headroom / step) * step
    limit = int(guarantee * factor)
    cpu_guarantee = math.ceil(cpu / within * 20) / 20              # to the next 0.05 of a core
    rows = []
    for n in sizes:
        rows.append({"participants": n,
                     "memory (GB)": math.ceil((own + n * guarantee) / 1024 + reserve),
                     "processor cores": max(2, math.ceil(n * cpu / within) + 1)})   # one more for the hub itself
    values = {"measured_cores": got["cores"], "participants": got["participants"], "succeeded": got["succeeded"],
              "median_s": round(got["median"]), "p95_s": round(got["p95"]), "per_participant_mb": round(peak),
              "whole_hub_gb": round(got["whole_hub_peak"] / 1024, 1),
              "start_within_s": within, "largest_group": max(sizes), "guarantee_mb": guarantee, "limit_mb": limit,
              "cpu_guarantee": cpu_guarantee, "cull_idle_minutes": cull}
    texts = {key: {lang: _fill(t, values, path, f"hub_sizing.{key}") for lang, t in rule[key].items()}
             for key in ("intro", "config_note")}
    texts["ask_admin"] = [{lang: _fill(t, values, path, f"hub_sizing.ask_admin[{i}]") for lang, t in pair.items()}
                          for i, pair in enumerate(rule["ask_admin"], start=1)]
    config = PROJECT / HUB_CONFIG
    return {"table": pd.DataFrame(rows), "measured": m, "cull_idle_minutes": cull,
            "per_participant": {"memory_guarantee_mb": guarantee, "memory_limit_mb": limit,
                                "cpu_guarantee": cpu_guarantee, "cpu_limit": 1},
            **texts, "config": _without_comment_lines(config.read_text(encoding="utf-8")) if config.exists() else ""}


def _without_comment_lines(text: str) -> str:
    """A YAML text without its whole-line comments (they are notes for maintainers, naming files)."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("#"))


_REFS = r"¶\d+(?:–¶\d+)?(?:, ¶\d+(?:–¶\d+)?)*"
_NOTE_RE = re.compile(r"^(?P<head>[^:]+): the essay describes (?P<describes>.+?)\. It also takes sides on (?P<sides_intro>"
                      r"[^:]+): (?P<sides>.+?\))\. (?P<close>.+)$", re.S)


def _top_level_items(text: str) -> list[str]:
    """``text`` cut after each bracket closed at the top level and followed by ", " or ", and " (the note's list)."""
    items, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        depth += (ch == "(") - (ch == ")")
        if ch == ")" and depth == 0:
            rest = text[i + 1:]
            sep = next((s for s in (", and ", ", ") if rest.startswith(s)), None)
            if sep or not rest:
                items.append(text[start:i + 1])
                i += 1 + len(sep or "")
                start = i
                continue
        i += 1
    if text[start:].strip():
        items.append(text[start:])
    return items


def _item_line(item: str) -> list[str]:
    """One topic of the content note as Markdown list lines: the topic in bold, then where (its ¶ numbers)."""
    topic, inner = item[:item.index(" (")], item[item.index(" (") + 2:-1]
    if re.fullmatch(_REFS, inner):
        return [f"- **{topic}**: {inner}"]
    if ": ¶" in inner:
        what, refs = inner.rsplit(": ", 1)
        return [f"- **{topic}** ({what}): {refs}"]
    subs = [re.sub(r", (" + _REFS + r")(?=,|$)", r" (\1)", s) for s in inner.split("; ")]
    return [f"- **{topic}**:"] + [f"  - {s}" for s in subs]


def content_note_list(note: str) -> str:
    """The content note (``load_handout(essay)["content_note"]["en"]``, one paragraph shared with the decks and the
    handouts) laid out for a reader on their own: what the essay describes and where it takes sides, one topic a
    line with its ¶ numbers, then the note's closing sentences. Every word and ¶ number of the note is kept, in its
    order; only the layout changes (the learner review, round 14: about 300 words and 60 ¶ numbers in one paragraph
    could not be read). A note not shaped like that paragraph is returned as it is.

    Parameters: ``note`` the content note's English text.
    Returns: Markdown: two short lists and a closing paragraph.

    Example:
    >>> print(content_note_list("Content note: the essay describes war (¶3), and loss (¶4–¶5). It also takes sides "
    ...                         "on questions that can divide a room: taxes (¶6). You may step out."))
    **Content note.** The essay describes:
    <BLANKLINE>
    - **war**: ¶3
    - **loss**: ¶4–¶5
    <BLANKLINE>
    It also takes sides on questions that can divide a room:
    <BLANKLINE>
    - **taxes**: ¶6
    <BLANKLINE>
    You may step out.
    """
    m = _NOTE_RE.match(note.strip())
    if not m:
        return note
    try:
        describes = [line for item in _top_level_items(m["describes"]) for line in _item_line(item)]
        sides = [line for item in _top_level_items(m["sides"]) for line in _item_line(item)]
    except ValueError:      # an item without its bracket of ¶ numbers
        return note
    return "\n".join([f"**{m['head']}.** The essay describes:", "", *describes, "",
                      f"It also takes sides on {m['sides_intro']}:", "", *sides, "", m["close"]])
