"""The series of notebooks as a table, read from the notebooks themselves, with times computed from words.

Each notebook carries its lesson facts in its metadata::

    "lesson": {"title": "...", "read": "¶17–¶26, ¶45", "exercises": [10, 15], "discussion": 10,
               "assumes": "00_start_here"}

A notebook written for whoever leads a group, not for learners, adds ``"audience": "facilitators"``: the
participant editions leave it out, and ``lessons(learners=True)`` (00's table of the series) does not list it.

``read`` names the paragraphs of the essay the learner reads before or during the notebook (an optional
``read_first`` names those to read before starting: the opening cell's "**Before you start, read …**" and its
"**Later**" sentence for the rest are written from these two by ``python -m tools.cells``); ``exercises``
gives the minutes for answering each exercise, in the order the notebook sets them (``[]`` when it sets
none), and ``discussion`` the discussion's minutes: in a learners' notebook both are written by ``python -m
tools.cells`` from ``exercises`` and ``discussion_minutes`` (computed, never typed; each exercise's cell and the
"Discussion questions" cell show them). Reading times are never typed in: reading the named paragraphs and the
prose of the notebook and of its worked solutions is counted at the essay's reading speed (``reading_speed_wpm`` in
reading.yml); what their code cells show (tables with their folded rows, printed results, the text of figures) at
``table_speed_wpm``; in a learners' notebook both slowed by ``self_study_pace``, a newcomer's pace
(``study_speeds``); the first notebook adds ``first_notebook_minutes`` for learning to use a notebook; and the
exercise and discussion minutes are added (``timing`` reads these constants). Each exercise's minutes are checked
against what its answer needs (``exercises``). So the README, the series map in 00 and the
facilitator guide, which all read this table, always agree with each other and with the notebooks.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd

from .errors import HelperError
from .essay import PROJECT, Essay, load_essay
from .text import count_words, paragraph_list, paragraph_numbers

NOTEBOOKS = PROJECT / "notebooks"
REQUIRED = {"title", "read", "exercises", "discussion"}


# a linked image, like the "Launch on Binder" badge that `make links` puts atop each notebook's first cell
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*")
# how a first cell says to take a copy away: naming Binder only while launch links are on (tools.cells.set_copy_step;
# learner review 23). Like the badge, the words launch links add are not counted, so a notebook's time is the same
# with links on or off.
# The save key is said as the kit says it (run sheets, slides, setup page: facilitator review 26, "Ctrl/Cmd + S" here
# and "Ctrl+S, Cmd+S on a Mac" there).
SAVE_KEYS = "Ctrl+S, Cmd+S on a Mac"
COPY_STEP = {True: f"on Binder (a free website that runs these notebooks in your browser), save ({SAVE_KEYS}), then "
                   "**File → Download**",
             False: f"to take your copy away, save ({SAVE_KEYS}), then **File → Download**"}


def _is_solution(cell: dict) -> bool:
    return "solution" in cell.get("metadata", {}).get("tags", [])


def _shown_text(out: dict) -> str:
    """What a learner reads in one output: the text it prints or shows, the rows a table folds under "Show the
    other N rows" (one click opens them, and an exercise may send the learner there), and the text a figure
    draws (kept in its metadata by ``plots.show_described``)."""
    text = "".join(out.get("text") or out.get("data", {}).get("text/plain") or "")
    folded = "".join(re.findall(r'<details class="more-rows">(.*?)</details>',
                                "".join(out.get("data", {}).get("text/html") or ""), re.S))
    if folded:
        text += " " + re.sub(r"<summary>.*?</summary>|<th[^>]*>.*?</th>|<[^>]+>", " ", folded, flags=re.S)
    return text + " " + " ".join(out.get("metadata", {}).get("image/png", {}).get("drawn", []))


def notebook_word_parts(nb: dict, solutions: bool = False) -> tuple[int, int]:
    """A notebook's words in two kinds, read at two speeds: its prose (Markdown cells) and what its code cells
    show (printed results, tables with their folded rows, the text of figures).

    Parameters: as ``notebook_words``.
    Returns: (prose words, shown words); their sum is ``notebook_words``.

    Example:
        >>> prose = {"cell_type": "markdown", "source": ["Read ¶3 first."]}
        >>> shown = {"cell_type": "code", "outputs": [{"output_type": "stream", "text": "two words"}]}
        >>> notebook_word_parts({"cells": [prose, shown]})
        (3, 2)
    """
    prose = shown = 0
    for cell in nb.get("cells", []):
        if _is_solution(cell) != solutions:
            continue
        if cell.get("cell_type") == "markdown" and not {"nav", "launch"} & set(cell.get("metadata", {}).get("tags", [])):
            text = IMAGE_LINK.sub("", "".join(cell.get("source", "")))   # a badge atop a cell is not lesson text
            text = text.replace(COPY_STEP[True], COPY_STEP[False])         # nor what launch links add to it
            prose += count_words(text)   # links to elsewhere are not lesson text
        if "series" in cell.get("metadata", {}).get("tags", []):
            continue
        shown += sum(count_words(_shown_text(out)) for out in cell.get("outputs", []))
    return prose, shown


def notebook_words(nb: dict, solutions: bool = False) -> int:
    """Words a learner reads in a notebook: its Markdown cells and the text its code cells print or show.

    Parameters:
        nb: a notebook as read from its JSON (a dict).
        solutions: False (the default) counts the notebook without its worked solutions (cells tagged
            ``solution``); True counts the worked solutions only, Markdown and results alike, folded or not.
    Returns:
        the number of words.
    Example:
        >>> notebook_words({"cells": [{"cell_type": "markdown", "source": ["Read ¶3 first."]}]})
        3
        >>> notebook_words({"cells": [{"cell_type": "markdown", "source": ["[![Launch on Binder](b.svg)](https://x) Read ¶3 first."]}]})
        3
        >>> answer = {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": ["Two numbers, two voices."]}
        >>> notebook_words({"cells": [answer]}), notebook_words({"cells": [answer]}, solutions=True)
        (0, 4)

    The two counts never overlap, so a notebook's words are counted once, in one part or the other. The
    output of a cell tagged ``series`` (one that shows this very table) is not counted, so the times
    do not depend on themselves and regenerating the notebooks gives the same numbers every time; nor are
    the generated navigation and launch-link cells (tags ``nav``, ``launch``), nor a linked image such as the
    launch badge atop the first cell, so turning launch links on or off leaves every time as it was. Code
    itself is not counted, in the lesson or in its solutions: what a learner reads is the prose and the results.
    """
    return sum(notebook_word_parts(nb, solutions))


# Minutes to decide and write one answer (two or three sentences) to one question of an exercise, when reading.yml
# gives none (``answer_minutes``). An allowance, not a measurement: the answer is not written yet, so its words
# cannot be counted. The learner review (a non-programmer working through 00–04, issue 19) found realistic
# answering time was never budgeted.
ANSWER_MIN = 5

# The constants of the times, in reading.yml beside the reading speed, with what each stands for; a value missing
# there falls back to the default here.
TIMING = {"table_speed_wpm": ("words a minute for tables, printed results and figure text", None),
          "answer_minutes": ("minutes for each answer an exercise asks for", ANSWER_MIN),
          "first_notebook_minutes": ("minutes the first notebook adds for learning to use a notebook", 0),
          "self_study_pace": ("how many times longer a newcomer reads than the speeds above, 1 or more", 1),
          "discussion_question_minutes": ("minutes to talk over one discussion question", 5),
          "discussion_words_a_minute": ("words of a discussion question that add a minute of talk", 40)}
AT_LEAST_ONE = {"self_study_pace", "discussion_words_a_minute"}   # a factor of 1 or more; a divisor above 0


def timing(essay: Essay) -> dict:
    """The constants the times are computed from: reading.yml's ``reading_speed_wpm`` (prose and the essay),
    ``table_speed_wpm`` (what code cells show: slower, as a newcomer reads a table), ``answer_minutes``,
    ``first_notebook_minutes``, ``self_study_pace`` (how many times longer a newcomer working alone takes to read
    than those fluent speeds) and the discussion rule (``discussion_question_minutes``, ``discussion_words_a_minute``).

    Parameters: ``essay`` the reading, whose reading.yml holds them.
    Returns: a dict with those seven keys. Raises HelperError naming reading.yml for a value that is not a number
    (or not above 0, for a speed; or below 1, for the pace).

    Example:
        >>> t = timing(load_essay())
        >>> t["reading_speed_wpm"] > t["table_speed_wpm"] > 0
        True
    """
    meta = essay.meta
    out = {"reading_speed_wpm": essay.reading_speed}
    for key, (what, default) in TIMING.items():
        value = meta.get(key, essay.reading_speed if default is None else default)
        speed = key.endswith("_wpm")
        least = key in AT_LEAST_ONE and not speed
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (speed and value == 0) \
                or (least and value < 1) or (key == "discussion_words_a_minute" and value == 0):
            raise HelperError(essay.folder / "reading.yml", f"{key} is {value!r}; it must be a number"
                              + (" above 0" if speed or key == "discussion_words_a_minute" else " of 1 or more"
                                 if least else " of 0 or more") + f" ({what}).",
                              f"write a number, e.g. {key}: {130 if speed else (default or 0)}.")
        out[key] = value
    return out


def answer_kinds(essay: Essay) -> dict[str, dict]:
    """The kinds of answer an exercise asks for, with their minutes: reading.yml's ``answer_kinds``, e.g.
    ``look up`` (find a word or a row and say it), ``classify`` (put a passage under a label offered, saying why),
    ``weigh`` (weigh evidence or readings and write a reasoned answer). Each exercise's cell declares the kind of each
    of its answers (``exercises``); the learner review of issue 19 (round 20) found the answers that weigh clues
    under-timed at a flat 5 minutes, and the look-ups over-timed.

    Parameters: ``essay`` the reading, whose reading.yml holds them.
    Returns: a dict, kind → {"minutes": whole minutes, "what": what such an answer asks}; empty when reading.yml
    declares none (every answer then takes ``answer_minutes``). Raises HelperError naming reading.yml for a kind
    without whole minutes of 1 or more.

    Example:
        >>> kinds = answer_kinds(load_essay())
        >>> kinds["look up"]["minutes"] < kinds["classify"]["minutes"] < kinds["weigh"]["minutes"]
        True
    """
    declared = essay.meta.get("answer_kinds") or {}
    path = essay.folder / "reading.yml"
    if not isinstance(declared, dict):
        raise HelperError(path, f"answer_kinds is {declared!r}; it must name each kind of answer with its minutes.",
                          "write e.g. answer_kinds: {weigh: {minutes: 7, what: weigh the clues and say why}}.")
    out = {}
    for kind, spec in declared.items():
        minutes = spec.get("minutes") if isinstance(spec, dict) else None
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1:
            raise HelperError(path, f"answer_kinds gives the kind \"{kind}\" {minutes!r} minutes; it must be a whole "
                              "number of 1 or more (the minutes to decide and write one such answer).",
                              f"write e.g. \"{kind}\": {{minutes: 5, what: ...}}.")
        out[str(kind)] = {"minutes": minutes, "what": str(spec.get("what") or "")}
    return out


def study_speeds(essay: Essay, facilitators: bool = False) -> tuple[float, float]:
    """The two speeds a notebook's times are counted at, in words a minute: prose and the essay's paragraphs, and
    what code cells show. For the learners' notebooks, reading.yml's fluent speeds slowed by ``self_study_pace``
    (a newcomer working alone: learner review 18, issue 19); for a notebook written for facilitators
    (``facilitators=True``), the fluent speeds themselves, as the workshop plans use.

    Parameters: ``essay`` the reading; ``facilitators`` True for a facilitators' notebook.
    Returns: (prose words a minute, shown words a minute).

    Example:
        >>> prose, shown = study_speeds(load_essay())
        >>> prose < load_essay().reading_speed and shown < prose
        True
    """
    t = timing(essay)
    pace = 1 if facilitators else t["self_study_pace"]
    return t["reading_speed_wpm"] / pace, t["table_speed_wpm"] / pace


def discussion_minutes(essay: Essay, notebook: str) -> tuple[int, int] | None:
    """A learners' notebook's discussion time, from its questions in discussion.yml by reading.yml's rule: each
    question ``discussion_question_minutes``, and a minute more for every ``discussion_words_a_minute`` words it
    has, the sum to the nearest 5 minutes (learner review 18: 35 minutes for 01's six questions, one of 230 words).

    Parameters: ``essay`` the reading; ``notebook`` the notebook's name, with or without ".ipynb".
    Returns: (number of questions, minutes), or None when discussion.yml gives the notebook no question.

    Example:
        >>> n, minutes = discussion_minutes(load_essay(), "02_source_quotations")
        >>> n, minutes >= 5 * n
        (5, True)
    """
    from .discussion import load_questions
    if not (essay.folder / "discussion.yml").is_file():
        return None
    questions = load_questions(essay, notebook.removesuffix(".ipynb"))
    if questions.empty:
        return None
    return len(questions), _talk_minutes(list(questions.question), essay)


def _talk_minutes(questions: list[str], essay: Essay) -> int:
    """reading.yml's discussion rule: each question ``discussion_question_minutes``, a minute more for every
    ``discussion_words_a_minute`` words, the sum to the nearest 5 minutes."""
    t = timing(essay)
    words = sum(count_words(q) for q in questions)
    return _nearest_five(len(questions) * t["discussion_question_minutes"] + words / t["discussion_words_a_minute"])


# A discussion set in a notebook's own prose, for a notebook with no questions in discussion.yml (00's, under its
# chart): "**Discuss (about 10 minutes, in pairs or as a group).** Which sections …? …". Its minutes are computed by
# the same rule from the questions of its paragraph (learner review 19: 00's "10 minutes" was typed).
DISCUSS_RE = re.compile(r"\*\*Discuss \((?:about )?\d+ minutes, (?P<who>[^)]*)\)\.\*\*(?P<prompt>[^\n]*)")


def prompt_discussion(source: str, essay: Essay) -> tuple[int, str] | None:
    """The minutes of a discussion prompt in a Markdown cell (DISCUSS_RE), and the cell with them written in.

    Parameters:
        source: a cell's Markdown; essay: the reading (its reading.yml holds the rule).
    Returns:
        (minutes, the Markdown with "**Discuss (about N minutes, …).**"), or None when the cell has no such prompt.
        Each sentence of the prompt that ends with a question mark is one question.
    Example:
        >>> minutes, text = prompt_discussion("**Discuss (3 minutes, in pairs).** Why? And how?", load_essay())
        >>> minutes, text
        (10, '**Discuss (about 10 minutes, in pairs).** Why? And how?')
    """
    m = DISCUSS_RE.search(source)
    if not m:
        return None
    questions = re.findall(r"[^.?!]*\?", m.group("prompt"))
    minutes = _talk_minutes(questions, essay) if questions else timing(essay)["discussion_question_minutes"]
    head = f"**Discuss (about {minutes} minutes, {m.group('who')}).**"
    return minutes, source[:m.start()] + head + m.group("prompt") + source[m.end():]


def exercise_time_line(minutes: int, answers: int, reread: bool, kinds: list[str] | tuple = ()) -> str:
    """The line an exercise's cell shows under its heading: its own minutes, computed (``exercises``' floor_min),
    and what they are for: the answers by kind (``answer_kinds``), so a learner sees why one exercise takes longer.

    Parameters:
        minutes: the exercise's minutes; answers: how many answers it asks for; reread: whether it names paragraphs
        to reread; kinds: the kind of each answer, in order (``exercises``' kinds), or none.
    Returns:
        the line, in italics (not a quotation of the essay).
    Example:
        >>> print(exercise_time_line(18, 3, True))
        *Time for this exercise: about 18 minutes (rereading the paragraphs it names, and 3 answers).*
        >>> print(exercise_time_line(14, 3, False, ["look up", "classify", "weigh"]))
        *Time for this exercise: about 14 minutes (3 answers: 1 to look up, 1 to classify, 1 to weigh).*
        >>> print(exercise_time_line(47, 6, True, ["weigh"] * 6))
        *Time for this exercise: about 47 minutes (rereading the paragraphs it names, and 6 answers, each to weigh).*
    """
    what = f"{answers} answer{'s' if answers != 1 else ''}"
    counts = {k: list(kinds).count(k) for k in dict.fromkeys(kinds)}
    if len(counts) == 1:
        what += f"{', each' if answers != 1 else ','} to {next(iter(counts))}"
    elif counts:
        what += ": " + ", ".join(f"{n} to {k}" for k, n in counts.items())
    return (f"*Time for this exercise: about {minutes} minutes ("
            + ("rereading the paragraphs it names, and " if reread else "") + f"{what}).*")


EXERCISE_TIME_RE = re.compile(r"(?m)^\*Time for this exercise: [^\n]*\*$")


def discussion_time_line(questions: int, minutes: int) -> str:
    """The line the "Discussion questions" heading cell shows: the minutes ``discussion_minutes`` computes.

    Parameters:
        questions: how many questions the notebook sets; minutes: their minutes (``discussion_minutes``).
    Returns:
        the line, in italics.
    Example:
        >>> print(discussion_time_line(5, 35))
        *Time for the discussion: about 35 minutes for these 5 questions, the longer ones given longer.*
    """
    return (f"*Time for the discussion: about {minutes} minutes for these {questions} questions, the longer ones "
            "given longer.*")


DISCUSSION_TIME_RE = re.compile(r"(?m)^\*Time for the discussion: [^\n]*\*$")


def solo_line(minutes: int) -> str:
    """The line under a discussion's time (and under 00's discussion prompt): what to do with its minutes when
    studying alone (learner review 20: "nothing tells someone studying alone what to do with them").

    Parameters:
        minutes: the discussion's minutes (``discussion_minutes``, or ``prompt_discussion``'s).
    Returns:
        the line, in italics.
    Example:
        >>> print(solo_line(35))
        *Studying alone? Write two or three sentences for each question in these 35 minutes, or skip the questions and take 35 minutes off this notebook's time.*
    """
    return (f"*Studying alone? Write two or three sentences for each question in these {minutes} minutes, or skip the "
            f"questions and take {minutes} minutes off this notebook's time.*")


SOLO_RE = re.compile(r"(?m)^\*Studying alone\? [^\n]*\*$")


def without_time_lines(source: str) -> str:
    """A cell's Markdown without the self-study time lines ``tools.cells`` writes into it (an exercise's, the
    discussion's): what a workshop's sheet, slide or facilitator edition takes from the cell, since a meeting has its
    own minutes (sessions.yml), and what a translation's fingerprint is taken of.

    Parameters:
        source: a cell's Markdown.
    Returns:
        the Markdown, each time line removed with the blank line after it.
    Example:
        >>> without_time_lines("## Exercise 1: x\\n\\n" + exercise_time_line(18, 3, True) + "\\n\\nRead ¶3.")
        '## Exercise 1: x\\n\\nRead ¶3.'
    """
    for pattern in (EXERCISE_TIME_RE, DISCUSSION_TIME_RE, SOLO_RE, ROUTE_SKIP_RE, ROUTE_LINE_RE, ROUTE_ON_RE,
                    ROUTE_POINT_RE, ROUTE_ASK_RE):   # the route's lines too
        source = re.sub(pattern.pattern + r"\n?\n?", "", source)
    return source


# a paragraph the exercise sends the learner to: "¶20", "¶27–¶33", "¶27 to ¶33"
_PARAGRAPH_REF = re.compile(r"¶(\d+)(?:\s*(?:[–-]|to)\s*¶?(\d+))?")


def exercises(nb: dict, essay: Essay) -> pd.DataFrame:
    """The exercises a notebook sets, with the minutes each one's answer needs at least.

    An exercise is a Markdown cell tagged ``exercise`` whose first line is a heading "## Exercise…". What its
    answer needs, at the least (``floor_min``):

    - rereading the paragraphs of the essay its question names (``¶20``, ``¶27–¶33``, ``¶27 to ¶33``), at
      the notebook's prose speed (``study_speeds``): the answer is found there, so the learner reads them again;
    - for each answer it asks for, the minutes of its kind (reading.yml's ``answer_kinds``: ``look up``, ``classify``,
      ``weigh``…), declared in order in the cell's metadata, ``"exercise": {"answers": ["look up", "weigh", …]}``,
      one kind per answer (``answer_minutes`` each for an exercise that declares none): each numbered item is one
      answer; without numbered items, each question mark outside brackets and outside the heading; at least one;
    - a list task ("list the facts…", "find the expressions…") declares its kind in the heading cell's metadata,
      ``"exercise": {"list_items": N}``: its answer is a list of N items, each one answer, and its prompt must say
      how many it asks for (N in words or digits), so the learner knows when the list is done. Counted from the
      prompt, "list the facts… For each, how is it backed?" would be one answer, whatever the list's length (the
      learner review 17, issue 19: 01's Exercise 1 was given 10 minutes, 03's Exercise 2 25 minutes).

    On a short route that asks part of the exercise (``short_route``, ``route_asks``), only the answers it asks count.

    The minutes a notebook states for an exercise (its ``exercises`` metadata) stand for answering it: they
    must be at least this floor (``lesson_row`` says which exercise is short, and by how much).

    Parameters:
        nb: the notebook, as read from its JSON; essay: the reading whose paragraphs it names.
    Returns:
        a DataFrame, one row per exercise in notebook order: title, paragraphs (the ¶ numbers named),
        reread_words, list_items (0 unless a list task), answers, kinds (the kind of each answer, or an empty list
        when none is declared), asked (the answer numbers a short route asks, [] for the whole), floor_min. Raises HelperError for a list task whose declaration is not a whole
        number of at least 1, or whose prompt does not say how many items it asks for; and for declared kinds that
        are not one per answer, or not among reading.yml's.
    Example:
        >>> cell = {"cell_type": "markdown", "metadata": {"tags": ["exercise"]},
        ...         "source": "## Exercise: two voices\\n\\n1. Who speaks in ¶3?\\n2. Who in ¶4?"}
        >>> row = exercises({"cells": [cell]}, load_essay()).iloc[0]
        >>> print(row.answers, "answers;", row.reread_words, "words to reread;", row.floor_min, "min at least")
        2 answers; 145 words to reread; 11 min at least
    """
    rows = []
    prose_wpm = study_speeds(essay, for_facilitators(nb))[0]
    known = answer_kinds(essay)
    for cell in nb.get("cells", []):
        source = "".join(cell.get("source", ""))
        if not (cell.get("cell_type") == "markdown" and "exercise" in cell.get("metadata", {}).get("tags", [])
                and source.startswith("## Exercise")):
            continue
        heading, _, prompt = source.partition("\n")
        prompt = ROUTE_SKIP_RE.sub("", prompt)   # the short route's line names another heading, not this question
        prompt = ROUTE_ASK_RE.sub("", prompt)    # and its line naming the answers it asks repeats the prompt's ¶s
        paras = sorted({n for m in _PARAGRAPH_REF.finditer(prompt)
                        for n in range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1)}
                       & set(essay.paragraphs.index))
        reread = int(essay.paragraphs.loc[paras, "words"].sum()) if paras else 0
        items = len(re.findall(r"(?m)^\s*\d+\.\s", prompt))
        questions = re.sub(r"\([^()]*\)", "", prompt).count("?")
        title = heading.removeprefix("## ").strip()
        listed = _list_items(cell, title, prompt)
        # a list task's questions ("For each, how is it backed?") are asked of each item; its numbered items are more
        answers = listed + items if listed else items or max(1, questions)
        kinds = _answer_kinds_of(cell, title, answers, known)
        # on a short route that asks part of the exercise (``short_route``): only the answers it asks
        asked = _asked_of(cell, title, answers)
        if asked:
            kinds = [kinds[n - 1] for n in asked] if kinds else []
            answers = len(asked)
        answering = (sum(known[k]["minutes"] for k in kinds) if kinds
                     else timing(essay)["answer_minutes"] * answers)
        rows.append({"title": title, "paragraphs": paras, "reread_words": reread, "list_items": listed,
                     "answers": answers, "kinds": kinds, "asked": asked,
                     "floor_min": _round_up(reread / prose_wpm) + answering})
    return pd.DataFrame(rows, columns=["title", "paragraphs", "reread_words", "list_items", "answers", "kinds",
                                       "asked", "floor_min"])


def _asked_of(cell: dict, title: str, answers: int) -> list[int]:
    """The answers a short route asks of an exercise (``"exercise": {"asked": [...]}``, which ``short_route`` sets on
    its copy of the cell from the lesson metadata's ``short_route.ask``), checked against the answers the exercise
    asks for; [] for the whole exercise."""
    asked = (cell.get("metadata", {}).get("exercise") or {}).get("asked") or []
    missing = [n for n in asked if not 1 <= n <= answers]
    if missing:
        raise HelperError(f"the exercise \"{title}\"", f"its short route (lesson metadata \"{ROUTE_KEY}\", \"ask\") "
                          f"asks for its answer {missing[0]}, but the exercise asks for {answers} answers.",
                          f"number the answers the short route asks from 1 to {answers}, in the order the exercise "
                          "counts them (the items of its list first, then its numbered items).")
    return list(asked)


def _answer_kinds_of(cell: dict, title: str, answers: int, known: dict) -> list[str]:
    """The kind of each answer an exercise asks for (its cell's ``"exercise": {"answers": [...]}``), checked: one
    per answer, each a kind of reading.yml's ``answer_kinds``; [] when the cell declares none."""
    declared = (cell.get("metadata", {}).get("exercise") or {}).get("answers")
    if declared is None:
        return []
    where = f"the exercise \"{title}\""
    offered = ", ".join(f"\"{k}\" ({v['minutes']} min)" for k, v in known.items()) or "none in reading.yml"
    if not isinstance(declared, list) or len(declared) != answers:
        n = len(declared) if isinstance(declared, list) else 0
        raise HelperError(where, f"declares {n} kinds of answer in its cell metadata (\"answers\"), but its prompt "
                          f"asks for {answers} answers.", f"give one kind per answer, in order, from: {offered}.")
    unknown = [k for k in declared if k not in known]
    if unknown:
        raise HelperError(where, f"declares the kind of answer \"{unknown[0]}\", which reading.yml's answer_kinds "
                          "does not have.", f"use one of {offered}, or add the kind to answer_kinds.")
    return list(declared)


NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen twenty").split()


def _list_items(cell: dict, title: str, prompt: str) -> int:
    """The items a list task asks for (its cell's ``"exercise": {"list_items": N}``), or 0 for another exercise."""
    declared = cell.get("metadata", {}).get("exercise") or {}
    if "list_items" not in declared:
        return 0
    n = declared["list_items"]
    where = f"the exercise \"{title}\""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise HelperError(where, f"declares \"list_items\": {n!r} in its cell metadata; it must be the number of items "
                          "the list asks for.", "write a whole number of 1 or more, e.g. \"list_items\": 6.")
    said = {str(n)} | ({NUMBER_WORDS[n]} if n < len(NUMBER_WORDS) else set())
    if not any(re.search(rf"\b{w}\b", prompt, re.I) for w in said):
        raise HelperError(where, f"is a list task of {n} items (its cell metadata), but its prompt does not say how "
                          "many items it asks for, so a learner cannot tell when the list is done.",
                          f"say it in the prompt, e.g. \"List {NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else n} …\", "
                          "or change list_items to the number the prompt asks for.")
    return n


def _stated_exercise_minutes(lesson: dict, found: pd.DataFrame, path: Path, wpm: float = 200) -> list[int]:
    """The ``exercises`` metadata as a list of minutes, one per exercise, each at least what its answer needs."""
    stated = lesson["exercises"]
    titles = list(found.title)
    example = "[" + ", ".join(str(int(m)) for m in found.floor_min) + "]"
    if not isinstance(stated, list) or not all(isinstance(m, int) and not isinstance(m, bool) and m >= 0
                                               for m in stated):
        raise HelperError(path, f"lesson metadata \"exercises\" is {stated!r}; it must list the minutes for each "
                          f"exercise, in order ({len(titles)} here" + (f": {'; '.join(titles)}" if titles else "") + ").",
                          f"write a list of whole minutes, one per exercise in order, each at least what its answer "
                          f"needs: {example} at the least.")
    if len(stated) != len(titles):
        raise HelperError(path, f"lesson metadata \"exercises\" gives minutes for {len(stated)} exercises, but the "
                          f"notebook sets {len(titles)}" + (f": {'; '.join(titles)}" if titles else "") + ".",
                          f"give one number per exercise in order, each at least what its answer needs: "
                          f"{example} at the least.")
    for minutes, row in zip(stated, found.itertuples()):
        if minutes < row.floor_min:
            read = f"rereading {paragraph_list(row.paragraphs)} ({row.reread_words} words) and " if row.paragraphs else ""
            answers = f"{row.answers} answer{'s' if row.answers > 1 else ''}"
            each = row.floor_min - _round_up(row.reread_words / wpm) if row.paragraphs else row.floor_min
            how = (f" ({', '.join(row.kinds)})" if row.kinds else f" at {each // row.answers} min each")
            raise HelperError(path, f"lesson metadata \"exercises\" gives \"{row.title}\" {minutes} min, less than its "
                              f"answer needs: {read}{answers}{how}, {row.floor_min} min in all.",
                              f"give it at least {row.floor_min} minutes, or ask less of it.")
    return stated


def _round_up(minutes: float, step: int = 1) -> int:
    return int(math.ceil(minutes / step) * step) if minutes > 0 else 0


def _nearest_five(minutes: float) -> int:
    """A total as a facilitator says it: the nearest 5 minutes, never less than 5."""
    return max(5, int(math.floor(minutes / 5 + 0.5)) * 5)


def lesson_row(nb: dict, name: str, essay: Essay, path: Path | None = None) -> dict:
    """The lesson facts and computed times of one notebook (``nb`` as read from its JSON).

    Parameters:
        nb: the notebook; name: its file name; essay: the reading whose paragraphs it names; path: its
        path, for error messages.
    Returns:
        a dict: notebook, title, read, reading_words, notebook_words, solution_words, notebook_shown_words,
        solution_shown_words (the words code cells show, read at ``table_speed_wpm``), reading_min, mechanics_min
        (the first notebook's time to learn to use a notebook), notebook_min, solutions_min, exercises_min,
        discussion_min, total_min, assumes.
    Example:
        >>> nb = {"metadata": {"lesson": {"title": "T", "read": "¶3", "exercises": [], "discussion": 5,
        ...                               "assumes": "00_start_here"}}}
        >>> lesson_row(nb, "x.ipynb", load_essay())["total_min"]
        5

    Reading the worked solutions is a part of its own (``solutions_min``): their words (Markdown and results,
    folded until opened) are counted at the same speeds as the rest (prose, and what code cells show), rather than a flat allowance per
    exercise, because every word of them is in the notebook and they differ a great deal (about 740 words in
    00, over 2,500 in 03). Answering is the exercises' stated minutes, each checked against what its answer
    needs (``exercises``); an exercise given less raises HelperError naming it.
    """
    path = path or Path(name)
    lesson = nb.get("metadata", {}).get("lesson")
    if not isinstance(lesson, dict) or not REQUIRED <= set(lesson):
        raise HelperError(path, "has no complete lesson metadata (title, read, exercises, discussion).",
                          "add a \"lesson\" entry to the notebook metadata (Property Inspector → "
                          "Notebook metadata in JupyterLab), like the other notebooks have.")
    try:
        paras = paragraph_numbers(lesson["read"])
    except ValueError as exc:
        raise HelperError(path, f"lesson metadata \"read\" has {str(exc)!r}, which is not a ¶ number or range.",
                          "write paragraphs like \"¶17–¶26, ¶45\".") from None
    missing = [n for n in paras if n not in essay.paragraphs.index]
    if missing:
        raise HelperError(path, f"lesson metadata \"read\" names ¶{missing[0]}, which the essay does not have.",
                          f"use ¶1–¶{int(essay.paragraphs.index.max())}.")
    reading_words = int(essay.paragraphs.loc[paras, "words"].sum()) if paras else 0
    t = timing(essay)
    wpm, table_wpm = study_speeds(essay, for_facilitators(nb))
    own, own_shown = notebook_word_parts(nb)
    sol, sol_shown = notebook_word_parts(nb, solutions=True)
    own_min = own / wpm + own_shown / table_wpm
    sol_min = sol / wpm + sol_shown / table_wpm
    answering = sum(_stated_exercise_minutes(lesson, exercises(nb, essay), path, wpm))
    discussion = int(lesson["discussion"])
    # the notebook that assumes no other is the first: it adds the time to learn to use a notebook
    mechanics = 0 if lesson.get("assumes") else t["first_notebook_minutes"]
    return {"notebook": name, "title": lesson["title"], "read": lesson["read"] or "",
            "reading_words": reading_words, "notebook_words": own + own_shown, "solution_words": sol + sol_shown,
            "notebook_shown_words": own_shown, "solution_shown_words": sol_shown,
            "reading_min": _round_up(reading_words / wpm, 1),
            "mechanics_min": mechanics,
            "notebook_min": _round_up(own_min, 1),
            "solutions_min": _round_up(sol_min, 1),
            "exercises_min": answering, "discussion_min": discussion,
            "total_min": _nearest_five(reading_words / wpm + mechanics + own_min + sol_min + answering + discussion),
            "assumes": lesson.get("assumes", "")}


def opening_index(nb: dict) -> int:
    """Where a notebook's lesson opening is (questions, objectives, the "**Time:**" line): the first Markdown cell
    with a line starting "**Time:**", else the first cell. Most notebooks open with it; 00 opens with a short cell
    that says what to click, and gives the rest under its Setup cell (the learner review, round 14).

    Parameters:
        nb: the notebook, as read from its JSON (or by nbformat).
    Returns:
        the cell's index.
    Example:
        >>> opening_index({"cells": [{"cell_type": "markdown", "source": "# T"}, {"cell_type": "code", "source": ""},
        ...                          {"cell_type": "markdown", "source": "**Time:** about 5 minutes"}]})
        2
    """
    for k, c in enumerate(nb.get("cells", [])):
        if c.get("cell_type") == "markdown" and re.search(r"(?m)^\*\*Time:\*\*", "".join(c.get("source", ""))):
            return k
    return 0


READ_FIRST = "**Before you start, read ¶"   # the line of the opening that sends the learner to the essay


def opening_text(nb: dict) -> str:
    """The Markdown of a notebook's opening: every Markdown cell from the first down to ``opening_index``'s, and on
    down to the cell that says what to read first when that comes after it (00 gives its time and short route right
    under Setup, then the names, the content note and the reading, as 01–04 give the time first: session 25).

    Parameters:
        nb: the notebook, as read from its JSON (or by nbformat).
    Returns:
        the cells' Markdown, joined by blank lines.
    Example:
        >>> opening_text({"cells": [{"cell_type": "markdown", "source": ["# T"]}, {"cell_type": "code", "source": ""},
        ...                         {"cell_type": "markdown", "source": "**Time:** about 5 minutes"}]})
        '# T\\n\\n**Time:** about 5 minutes'
    """
    every, end = nb.get("cells", []), opening_index(nb)
    if end and not any(READ_FIRST in "".join(c.get("source", "")) for c in every[:end + 1]):
        end = next((k for k in range(end + 1, len(every)) if READ_FIRST in "".join(every[k].get("source", ""))), end)
    cells = every[:end + 1]
    return "\n\n".join("".join(c.get("source", "")) for c in cells if c.get("cell_type") == "markdown")


def series_line(table: pd.DataFrame) -> str:
    """The whole series' time for a learner, in one sentence: the learners' notebooks' times (``total_min`` of
    ``lessons()``, the minutes the series map gives each) added up, in hours. The learner review (round 14): the
    series takes about 14 hours, and no page a learner reads said so.

    Parameters:
        table: ``lessons(learners=True)``, or its rows for learners.
    Returns:
        the sentence, starting "**The whole series**".
    Example:
        >>> print(series_line(pd.DataFrame({"notebook": ["00_a.ipynb", "01_b.ipynb"], "total_min": [70, 250]})))
        **The whole series** for a learner, 00 to 01: about 5½ hours (320 minutes), the times above added up, to take over several sittings.
    """
    rows = table
    minutes = int(rows.total_min.sum())
    halves = round(minutes / 30)
    hours = f"{halves // 2}{'½' if halves % 2 else ''}"
    first, last = rows.notebook.iloc[0][:2], rows.notebook.iloc[-1][:2]
    return (f"**The whole series** for a learner, {first} to {last}: about {hours} hours ({minutes} minutes), the times "
            "above added up, to take over several sittings.")


STOP_LINE = "**Stop here: the first sitting ends here.**"
SITTINGS_RE = re.compile(r"\*\*Two sittings\.\*\* [^\n]*")
# the one restart step at every sitting break (learner review 20: 01 and 03 said Run All Above, 02 the Setup cell
# only); python -m tools.cells writes it at the end of the stop line's cell
# Learner review 20b: 02's and 03's sitting breaks stand in cells the short route keeps, so a learner with one evening
# was told to stop halfway. ``python -m tools.cells`` writes this line first in such a cell (under its heading).
ROUTE_ON_LINE = "*Short route: no break here. Go straight on to the next heading.*"
RESUME_STEP = ("**To start the second sitting,** click in this cell and choose **Run → Run All Above Selected Cell**: "
               "the cells below use what the cells above loaded and made.")


def first_sitting_min(nb: dict, essay: Essay) -> int | None:
    """The minutes of a long notebook's first sitting: the cells above its STOP_LINE, counted as ``lesson_row``
    counts the whole (prose, what code cells show, worked solutions, the stated minutes of the exercises above the
    line), plus the paragraphs to read before starting (``read_first``); None for a notebook without the line.

    The learner review (round 14) timed 01's first sitting at 90 to 110 minutes, against the "about an hour" the
    notebook said by hand: the number now comes from the same counts as the notebook's total.

    Parameters:
        nb: the notebook, as read from its JSON; essay: the reading whose paragraphs it names.
    Returns:
        the minutes, to the nearest 5, or None.
    Example:
        >>> cells = [{"cell_type": "markdown", "source": "word " * 400}, {"cell_type": "markdown", "source": STOP_LINE}]
        >>> first_sitting_min({"metadata": {"lesson": {"exercises": []}}, "cells": cells}, load_essay())
        5
    """
    cells = nb.get("cells", [])
    stop = next((k for k, c in enumerate(cells) if _is_stop("".join(c.get("source", "")))), None)
    if stop is None:
        return None
    lesson = nb.get("metadata", {}).get("lesson", {})
    part = {"cells": cells[:stop]}
    wpm, table_wpm = study_speeds(essay, for_facilitators(nb))
    own, own_shown = notebook_word_parts(part)
    sol, sol_shown = notebook_word_parts(part, solutions=True)
    first = paragraph_numbers(lesson.get("read_first") or "")
    reading = int(essay.paragraphs.loc[first, "words"].sum()) if first else 0
    answering = sum(lesson.get("exercises", [])[:len(exercises(part, essay))])
    return _nearest_five(reading / wpm + (own + sol) / wpm + (own_shown + sol_shown) / table_wpm + answering)


def _is_stop(source: str) -> bool:
    """Whether a cell is the stop line's own (it opens with the line, after a rule or a heading if it has one, and the
    short route's ROUTE_ON_LINE if the route keeps the cell)."""
    source = source.removeprefix("---").lstrip()
    if source.startswith("## "):
        source = source.partition("\n")[2].lstrip()
    source = source.removeprefix(ROUTE_ON_LINE).lstrip()
    return source.startswith(STOP_LINE)


def sittings_line(minutes: int, total: int) -> str:
    """The opening cell's "**Two sittings.**" sentence, with both sittings' computed minutes (learner review 18:
    the second sitting, the longer one in 01 and 03, had no time of its own).

    Parameters:
        minutes: the first sitting's minutes (``first_sitting_min``); total: the notebook's (``total_min``).
    Returns:
        the sentence, starting "**Two sittings.**"; the second sitting is the rest, rounded to 5 minutes.
    Example:
        >>> print(sittings_line(95, 235))
        **Two sittings.** The first sitting, down to the line **Stop here: the first sitting ends here.**, takes about 95 minutes with its reading; the second, the rest, about 140 minutes another day.
    """
    rest = max(5, 5 * round((total - minutes) / 5))
    return (f"**Two sittings.** The first sitting, down to the line {STOP_LINE}, takes about "
            f"{minutes} minutes with its reading; the second, the rest, about {rest} minutes another day.")


def time_line(row: dict) -> str:
    """The opening cell's time sentence, written from the computed times, naming every part that takes time.

    Parameters:
        row: a row of ``lessons()`` (or ``lesson_row``'s dict).
    Returns:
        the sentence, starting "**Time:**". A part of 0 minutes (no solutions, no exercises, no discussion)
        is left out. Which parts appear depends on the notebook, never on the minutes' own digits, so the
        sentence's length (it is counted among the notebook's words) does not change as its numbers settle.
    Example:
        >>> print(time_line({"total_min": 50, "read": "¶1–¶13", "reading_min": 5, "notebook_min": 18,
        ...                  "solutions_min": 4, "exercises_min": 15, "discussion_min": 10}))
        **Time:** about 50 minutes in all: reading ¶1–¶13 of the essay (5 min), working through this notebook (18 min), reading the worked solutions (4 min), answering the exercises (15 min) and discussion (10 min).
    """
    read = row["read"] or "no paragraphs of the essay"
    parts = [f"reading {read} of the essay ({row['reading_min']} min)"]
    if row.get("mechanics_min"):
        parts.append(f"learning to use a notebook ({row['mechanics_min']} min)")
    parts.append(f"working through this notebook ({row['notebook_min']} min)")
    parts += [f"{what} ({row[key]} min)" for what, key in (("reading the worked solutions", "solutions_min"),
                                                          ("answering the exercises", "exercises_min"),
                                                          ("discussion", "discussion_min")) if row.get(key)]
    return f"**Time:** about {row['total_min']} minutes in all: {', '.join(parts[:-1])} and {parts[-1]}."


def for_facilitators(nb: dict) -> bool:
    """Whether a notebook is written for whoever leads a group rather than for learners.

    Parameters:
        nb: the notebook as parsed JSON (a dict).
    Returns:
        True when its lesson metadata says ``"audience": "facilitators"``.
    Example:
        >>> for_facilitators({"metadata": {"lesson": {"audience": "facilitators"}}})
        True
        >>> for_facilitators({"metadata": {"lesson": {"title": "T"}}})
        False
    """
    return nb.get("metadata", {}).get("lesson", {}).get("audience") == "facilitators"


def lessons(folder: Path = NOTEBOOKS, essay: Essay | None = None, learners: bool = False,
            solutions: bool = True) -> pd.DataFrame:
    """One row per notebooks/NN_*.ipynb, in teaching order, with its times in minutes.

    Parameters: ``folder`` the notebooks folder (default: the project's); ``essay`` the reading whose
    paragraphs the notebooks name (default: ``load_essay()``); ``learners`` True leaves out the notebooks
    written for facilitators (``"audience": "facilitators"`` in their lesson metadata); ``solutions`` False counts
    no time for reading worked solutions (the participant edition, which leaves them out).

    Returns: a DataFrame: notebook, title, read (the paragraphs to read), reading_min (those paragraphs),
    notebook_min (the notebook's own text, without its worked solutions), solutions_min (reading the worked
    solutions), exercises_min (answering the exercises), discussion_min, total_min (the sum, to the nearest
    5 minutes), assumes.

    >>> lessons().iloc[0].notebook
    '00_start_here.ipynb'
    """
    essay = essay if essay is not None else load_essay()
    rows = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise HelperError(path, f"is not a readable notebook ({exc}).",
                              "restore it from git (git checkout -- notebooks/).") from None
        if learners and for_facilitators(nb):
            continue
        row = lesson_row(nb, path.name, essay, path)
        if not solutions:
            row["total_min"] = _nearest_five(row["reading_min"] + row["mechanics_min"] + row["notebook_min"]
                                             + row["exercises_min"] + row["discussion_min"])
            row["solutions_min"] = 0
        rows.append(row)
    return pd.DataFrame(rows, columns=["notebook", "title", "read", "reading_words", "notebook_words",
                                       "solution_words", "notebook_shown_words", "solution_shown_words",
                                       "reading_min", "mechanics_min", "notebook_min", "solutions_min",
                                       "exercises_min", "discussion_min", "total_min", "assumes"])


# --- the short route --------------------------------------------------------------------------------------------
# The learner review of issue 19 (on 7820dda): 00–03 take about 15 hours, 01's first sitting alone 2 h 25 min, "and
# there is no shorter route" for an activist with one evening. Each learners' notebook declares, in its lesson
# metadata, the parts a learner with one evening can leave for another day:
#
#     "short_route": {"skip": ["## All the labels, for reference", "## Exercise 2: classify a passage", ...]}
#
# each entry the first line of a heading cell; a part runs from that cell down to the next heading of its level or
# higher (an exercise's answer cells and folded solution with it). What is left is the core. Its time is the same
# count as the whole notebook's (``lesson_row`` on the notebook without the skipped parts: its prose, what its code
# cells show, its worked solutions, the core exercises' minutes, the discussion when it is kept, and the paragraphs
# to read before starting, ``read_first``, or ``read`` when the notebook names no others). ``tools.cells`` writes a
# ROUTE_SKIP line under each skipped heading, naming where the short route resumes; ``tools.run_notebooks`` writes
# ``route_line`` under the opening cell's "**Time:**" line. The full route stays the notebook itself.
#
# A table's rows folded under "Show the other N rows" count in the route's time only in the parts the route asks the
# learner to open them (``"open": ["## The essay's numbers", ...]``, headings as in "skip", checked by ``route_opens``;
# session 25: 04's glossary of a hundred rows no longer inflated its route). A notebook with no discussion questions
# of its own (00) may end its route with another notebook's (``"discuss": "D01"``, ``route_discussion``).
ROUTE_KEY = "short_route"
ROUTE_SKIP_RE = re.compile(r"(?m)^\*Short route: skip this part[^\n]*$")
ROUTE_LINE_RE = re.compile(r"(?m)^\*\*Short route, for one evening:\*\*[^\n]*$")
ROUTE_ON_RE = re.compile(r"(?m)^\*Short route: no break here\.[^\n]*$")
# the mark before a key point that sums up parts the route skips (lesson metadata ``short_route.key_points``)
# (learner review 21: "*Full route* (Exercise 4, Discussion questions)" was cryptic; the older form is still read, to
# be rewritten)
ROUTE_POINT_RE = re.compile(r"\*Full route(?: only)?\* \([^\n]*?\): ")
# Learner review 22 (issue 19): the short routes kept their heaviest exercises whole (01's Exercise 1, six answers to
# weigh; 03's Exercise 2, eight). A route may ask part of an exercise it keeps, declared beside ``skip``:
#
#     "ask": {"## Exercise 1: find the evidence, and how it is backed":
#             {"answers": [1, 5, 6], "which": "three of the six facts: ...", "why": "one of each kind of backing ..."}}
#
# ``answers`` numbers the answers the exercise asks for as ``exercises`` counts them (the items of a list task first,
# then the numbered items), ``which`` says in the learner's words which of them the route asks (how many, in
# words or digits), ``why`` is the maintainer's reason for the choice. The route's minutes count only those answers
# (``short_route_row``); ``tools.cells`` writes ROUTE_ASK's line under the exercise's time line; the worked solution
# stays whole.
ROUTE_ASK_RE = re.compile(r"(?m)^\*On the short route\b[^\n]*$")
# Learner review 23 (issue 19): no short route had any discussion, though discussion is why a group meets. A route
# ends with one of the notebook's own questions (discussion.yml), declared beside ``skip``: ``"discuss": "D04"``.
# ``tools.cells`` writes ROUTE_DISCUSS's line under the skipped "Discussion questions" heading, with the question's
# short form (``aloud``); ``short_route_row`` counts its minutes by the discussion rule (``_talk_minutes``).
ROUTE_DISCUSS_RE = re.compile(r"(?m)^\*Short route: before you (?:jump|finish), one question[^\n]*$")


def _heading(cell: dict) -> tuple[int, str]:
    """A Markdown cell's heading level and first line, or (0, "") when it does not open with a heading."""
    source = "".join(cell.get("source", ""))
    m = re.match(r"(#{1,6}) ", source) if cell.get("cell_type") == "markdown" else None
    return (len(m.group(1)), source.split("\n", 1)[0]) if m else (0, "")


def route_parts(nb: dict, path: Path | str = "the notebook") -> list[dict]:
    """The parts of a notebook its short route skips (lesson metadata ``short_route.skip``), in notebook order.

    Parameters:
        nb: the notebook, as read from its JSON (or by nbformat); path: its name, for error messages.
    Returns:
        one dict per part: ``heading`` (the skipped heading's first line), ``start`` and ``end`` (the cell indices
        it covers, ``end`` excluded) and ``resume`` (the heading's text where the short route resumes, "" at the
        end). Raises HelperError naming a declared heading the notebook does not have.
    Example:
        >>> cells = [{"cell_type": "markdown", "source": s} for s in ("## A", "text", "## B", "### B1", "## C")]
        >>> nb = {"metadata": {"lesson": {"short_route": {"skip": ["## B"]}}}, "cells": cells}
        >>> [(p["start"], p["end"], p["resume"]) for p in route_parts(nb)]
        [(2, 4, 'C')]
    """
    declared = (nb.get("metadata", {}).get("lesson", {}).get(ROUTE_KEY) or {}).get("skip", [])
    cells = nb.get("cells", [])
    heads = [_heading(c) for c in cells]
    found = []
    for first in declared:
        start = next((k for k, (level, line) in enumerate(heads) if level and line == first), None)
        if start is None:
            raise HelperError(path, f"its lesson metadata's short route skips {first!r}, but no cell of the notebook "
                              "opens with that heading.", "copy the heading's first line exactly, or remove it from "
                              f"\"{ROUTE_KEY}\".")
        level = heads[start][0]
        end = next((k for k in range(start + 1, len(cells)) if 0 < heads[k][0] <= level), len(cells))
        found.append({"heading": first, "start": start, "end": end})
    found.sort(key=lambda p: p["start"])
    for p in found:   # where the route resumes: the next heading that is not skipped itself
        skipped = {q["start"] for q in found}
        k = p["end"]
        while k in skipped:
            k = next(q["end"] for q in found if q["start"] == k)
        p["resume"] = heads[k][1].lstrip("#").strip() if k < len(cells) else ""
    return found


def heading_anchor(text: str) -> str:
    """The link target of a heading in the same notebook, as JupyterLab 4 names it: the heading's text as shown (no
    Markdown marks) with every space a hyphen (@jupyterlab/rendermime's ``createHeaderId``), after "#". A click on
    it scrolls the notebook to the heading (learner review 22: "skip this part" gave no way to skip).

    Parameters:
        text: the heading's text, without its "#" marks.
    Returns:
        the target, starting "#".
    Example:
        >>> heading_anchor("Exercise 3: *three* axes, not one")
        '#Exercise-3:-three-axes,-not-one'
    """
    shown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)            # a link shows its words
    shown = re.sub(r"<[^>]+>|`|\*+|(?<!\w)_+|_+(?!\w)", "", shown)  # emphasis, code and tags show no marks
    return "#" + shown.strip().replace(" ", "-")


def route_skip_line(resume: str) -> str:
    """The line under a skipped heading: the learner on the short route jumps, by its link, down to ``resume``.

    Parameters:
        resume: the heading's text where the route resumes (``route_parts``), "" when the part ends the notebook.
    Returns:
        the line, in italics, with a link to the heading (``heading_anchor``).
    Example:
        >>> print(route_skip_line("Exercise 3: a reason, or what it explains?"))
        *Short route: skip this part.* Jump to where it resumes: [**Exercise 3: a reason, or what it explains?**](#Exercise-3:-a-reason,-or-what-it-explains?).
        >>> print(route_skip_line(""))
        *Short route: skip this part, down to the end of the notebook.*
    """
    if not resume:
        return "*Short route: skip this part, down to the end of the notebook.*"
    target = heading_anchor(resume)
    target = f"<{target}>" if re.search(r"[()<>]", target) else target   # a bracket would end a plain link target
    return f"*Short route: skip this part.* Jump to where it resumes: [**{resume}**]({target})."


def _is_exercise(c: dict) -> bool:
    return (c.get("cell_type") == "markdown" and "exercise" in c.get("metadata", {}).get("tags", [])
            and "".join(c.get("source", "")).startswith("## Exercise"))


def route_asks(nb: dict, path: Path | str = "the notebook") -> dict[int, dict]:
    """The exercises a short route asks only in part (lesson metadata ``short_route.ask``), by cell index.

    Parameters:
        nb: the notebook, as read from its JSON (or by nbformat); path: its name, for error messages.
    Returns:
        {cell index: {"heading", "answers" (the answer numbers asked), "which", "why"}}; {} when none is declared.
        Raises HelperError for a heading no exercise cell opens with or that the route skips, for answers that are not
        distinct whole numbers from 1 in order, for a ``which`` that does not say how many it asks, and for a missing
        ``why``. Whether the answers exist is checked by ``exercises``, which counts them.
    Example:
        >>> cells = [{"cell_type": "markdown", "metadata": {"tags": ["exercise"]}, "source": "## Exercise 1: x\\n\\n1. A?\\n2. B?"}]
        >>> ask = {"## Exercise 1: x": {"answers": [2], "which": "item 2 only", "why": "the harder one"}}
        >>> route_asks({"metadata": {"lesson": {"short_route": {"skip": [], "ask": ask}}}, "cells": cells})[0]["answers"]
        [2]
    """
    declared = (nb.get("metadata", {}).get("lesson", {}).get(ROUTE_KEY) or {}).get("ask") or {}
    if not isinstance(declared, dict):
        raise HelperError(path, f"its lesson metadata's short route has \"ask\": {declared!r}; it must map an "
                          "exercise's heading to the answers the route asks.",
                          "write e.g. \"ask\": {\"## Exercise 1: …\": {\"answers\": [1, 2], \"which\": \"items 1 and 2\", "
                          "\"why\": \"…\"}}.")
    cells = nb.get("cells", [])
    gone = ({k for p in route_parts(nb, path) for k in range(p["start"], p["end"])}
            if (nb.get("metadata", {}).get("lesson", {}).get(ROUTE_KEY) or {}).get("skip") else set())
    out = {}
    for heading, spec in declared.items():
        k = next((k for k, c in enumerate(cells) if _is_exercise(c) and _heading(c)[1] == heading), None)
        where = f"its short route's \"ask\" for {heading!r}"
        if k is None:
            raise HelperError(path, f"{where} names no exercise: no exercise cell opens with that heading.",
                              "copy the exercise's heading line exactly, or remove it from \"ask\".")
        if k in gone:
            raise HelperError(path, f"{where} names an exercise the route skips.",
                              "ask part of an exercise the route keeps, or take it out of \"skip\".")
        spec = spec if isinstance(spec, dict) else {}
        answers, which, why = spec.get("answers"), spec.get("which"), spec.get("why")
        if (not isinstance(answers, list) or not answers or any(isinstance(n, bool) or not isinstance(n, int) or n < 1
                                                                for n in answers) or answers != sorted(set(answers))):
            raise HelperError(path, f"{where} gives the answers {answers!r}; they must be distinct whole numbers from 1, "
                              "in order.", "write e.g. \"answers\": [1, 2, 3].")
        n = len(answers)
        said = {str(n)} | ({NUMBER_WORDS[n]} if n < len(NUMBER_WORDS) else set())
        # how many, in words or digits, or the numbered items themselves ("items 1–3")
        if not isinstance(which, str) or not (any(re.search(rf"\b{w}\b", which, re.I) for w in said)
                                              or re.search(r"\bitems? \d", which)):
            raise HelperError(path, f"{where} asks {n} answer{'s' if n != 1 else ''}, but its \"which\" ({which!r}) "
                              "does not say how many, so a learner cannot tell when the short route's part is done.",
                              f"say it, e.g. \"which\": \"{NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else n} of the …\" "
                              "or \"items 1–3\".")
        if not isinstance(why, str) or not why.strip():
            raise HelperError(path, f"{where} gives no \"why\": the reason these answers keep the exercise's point.",
                              "write it in a sentence, for the next maintainer.")
        out[k] = {"heading": heading, "answers": answers, "which": which.strip(), "why": why.strip()}
    return out


def route_ask_line(which: str, minutes: int) -> str:
    """The line under an exercise's time line when the short route asks only part of it (``route_asks``).

    Parameters:
        which: the answers the route asks, in the learner's words (``short_route.ask``'s ``which``); minutes: their
        minutes, computed (``short_route_row``).
    Returns:
        the line, in italics.
    Example:
        >>> print(route_ask_line("items 1 and 2", 12))
        *On the short route (about 12 minutes): items 1 and 2. The worked solution still answers the whole exercise.*
    """
    return (f"*On the short route (about {minutes} minutes): {which}. The worked solution still answers the whole "
            "exercise.*")


def route_ask_minutes(nb: dict, essay: Essay, path: Path | str = "the notebook") -> dict[int, int]:
    """The minutes of each exercise the short route asks in part (``route_asks``), counted by ``exercises`` on the
    route's copy of the notebook (the rereading its prompt names, and the answers asked).

    Parameters:
        nb: the notebook (its lesson metadata's ``short_route.ask``); essay: the loaded essay; path: its name, for
        error messages.
    Returns:
        {cell index of the exercise's heading: minutes}; empty when the route asks no exercise in part.
    Example:
        >>> import json
        >>> nb = json.loads((PROJECT / "notebooks" / "01_argument_structure.ipynb").read_text(encoding="utf-8"))
        >>> asked = route_ask_minutes(nb, load_essay())
        >>> len(asked) == 1 and all(m > 0 for m in asked.values())
        True
        >>> route_ask_minutes({"metadata": {"lesson": {}}, "cells": []}, load_essay())
        {}
    """
    asks = route_asks(nb, path)
    if not asks:
        return {}
    core = short_route(nb, path) or _asked_copy(nb, asks)
    found = exercises(core, essay)
    titles = {_heading(nb["cells"][k])[1].removeprefix("## ").strip(): k for k in asks}
    return {titles[row.title]: int(row.floor_min) for row in found.itertuples() if row.title in titles}


def _asked_copy(nb: dict, asks: dict[int, dict]) -> dict:
    """``nb`` with each exercise the route asks in part carrying ``"exercise": {"asked": [...]}`` in its metadata."""
    cells = list(nb.get("cells", []))
    for k, ask in asks.items():
        meta = dict(cells[k].get("metadata", {}))
        meta["exercise"] = dict(meta.get("exercise") or {}, asked=ask["answers"])
        cells[k] = dict(cells[k], metadata=meta)
    return dict(nb, cells=cells)


def short_route(nb: dict, path: Path | str = "the notebook") -> dict | None:
    """The notebook as its short route reads it: without the parts ``route_parts`` skips, its lesson metadata's
    exercises and discussion cut to match, and its reading the paragraphs to read before starting (``read_first``,
    or ``read`` when it names no others). An exercise the route asks only in part (``route_asks``) carries the answers
    asked in its cell's metadata (``"exercise": {"asked": [...]}``), which ``exercises`` counts; ``short_route_row``
    gives it their minutes.

    Parameters:
        nb: the notebook, as read from its JSON; path: its name, for error messages.
    Returns:
        a notebook dict (metadata and cells), or None for a notebook that declares no short route.
    Example:
        >>> cells = [{"cell_type": "markdown", "source": s} for s in ("## A", "## B", "text")]
        >>> nb = {"metadata": {"lesson": {"title": "T", "read": "¶3", "exercises": [], "discussion": 5,
        ...       "short_route": {"skip": ["## B"]}}}, "cells": cells}
        >>> [c["source"] for c in short_route(nb)["cells"]]
        ['## A']
    """
    lesson = nb.get("metadata", {}).get("lesson", {})
    if not (lesson.get(ROUTE_KEY) or {}).get("skip"):
        return None
    parts = route_parts(nb, path)
    gone = {k for p in parts for k in range(p["start"], p["end"])}
    cells = _asked_copy(nb, route_asks(nb, path))["cells"]
    kept = [k not in gone for k, c in enumerate(cells) if _is_exercise(c)]
    minutes = lesson.get("exercises", [])
    talk = next((k for k, c in enumerate(cells) if "".join(c.get("source", "")).startswith("## Discussion questions")
                 or DISCUSS_RE.search("".join(c.get("source", "")))), None)
    core = dict(lesson, read=route_read(nb, path),
                exercises=[m for m, keep in zip(minutes, kept) if keep] if len(kept) == len(minutes) else minutes,
                discussion=0 if talk in gone else lesson.get("discussion", 0))
    opened = {k for p in route_opens(nb, path) for k in range(p["start"], p["end"])}
    return {"metadata": dict(nb.get("metadata", {}), lesson=core),
            "cells": [c if k in opened else _unopened(c) for k, c in enumerate(cells) if k not in gone]}


FOLDED_ROWS_RE = re.compile(r'<details class="more-rows">.*?</details>', re.S)


def _unopened(cell: dict) -> dict:
    """The cell as a learner reads it who does not open its tables' folded rows: a copy without them."""
    if not any(FOLDED_ROWS_RE.search("".join(o.get("data", {}).get("text/html") or ""))
               for o in cell.get("outputs", [])):
        return cell
    outputs = []
    for o in cell["outputs"]:
        html = "".join(o.get("data", {}).get("text/html") or "")
        outputs.append(dict(o, data=dict(o["data"], **{"text/html": FOLDED_ROWS_RE.sub("", html)})) if html else o)
    return dict(cell, outputs=outputs)


def route_opens(nb: dict, path: Path | str = "the notebook") -> list[dict]:
    """The parts whose folded table rows the short route asks the learner to open (lesson metadata
    ``short_route.open``: headings, as ``skip`` names them). Only their folded rows count in the route's minutes; a
    table's rows the route never asks for stay folded and uncounted (04's glossary of more than a hundred rows).

    Parameters:
        nb: the notebook, as read from its JSON; path: its name, for error messages.
    Returns:
        one dict per part: ``heading``, ``start`` and ``end`` (cell indices, ``end`` excluded). Raises HelperError
        naming a declared heading the notebook does not have, one the route skips, or one with no folded rows.
    Example:
        >>> rows = '<details class="more-rows"><summary>Show the other 2 rows</summary>a b</details>'
        >>> table = {"cell_type": "code", "outputs": [{"data": {"text/html": rows}}]}
        >>> cells = [{"cell_type": "markdown", "source": "## A"}, table, {"cell_type": "markdown", "source": "## B"}]
        >>> nb = {"metadata": {"lesson": {"short_route": {"skip": ["## B"], "open": ["## A"]}}}, "cells": cells}
        >>> [(p["start"], p["end"]) for p in route_opens(nb)]
        [(0, 2)]
    """
    route = nb.get("metadata", {}).get("lesson", {}).get(ROUTE_KEY) or {}
    cells = nb.get("cells", [])
    heads = [_heading(c) for c in cells]
    gone = {k for p in route_parts(nb, path) for k in range(p["start"], p["end"])}
    found = []
    for first in route.get("open", []):
        start = next((k for k, (level, line) in enumerate(heads) if level and line == first), None)
        fix = f"copy the heading's first line exactly, or remove it from \"{ROUTE_KEY}\"'s \"open\"."
        if start is None:
            raise HelperError(path, f"its lesson metadata's short route opens the folded rows under {first!r}, but "
                              "no cell of the notebook opens with that heading.", fix)
        if start in gone:
            raise HelperError(path, f"its lesson metadata's short route opens the folded rows under {first!r}, a "
                              "part the route skips.", fix)
        level = heads[start][0]
        end = next((k for k in range(start + 1, len(cells)) if 0 < heads[k][0] <= level), len(cells))
        if all(_unopened(c) is c for c in cells[start:end]):
            raise HelperError(path, f"its lesson metadata's short route opens the folded rows under {first!r}, but "
                              "no table there folds any rows.", fix)
        found.append({"heading": first, "start": start, "end": end})
    return found


def route_read(nb: dict, path: Path | str = "the notebook") -> str:
    """The paragraphs a learner on the short route reads before starting: those its kept exercises cite (learner
    review 20b: 03 asked for ¶50 and ¶58 first, for parts the route skips). A notebook whose lesson names no
    ``read_first`` keeps its ``read`` (00: the whole opening, which its own cells print).

    Parameters:
        nb: the notebook, as read from its JSON; path: its name, for error messages.
    Returns:
        the paragraphs, as ``paragraph_list`` writes them ("" for none); each one of the lesson's ``read``.
    Example:
        >>> ex = {"cell_type": "markdown", "metadata": {"tags": ["exercise"]}, "source": "## Exercise 1: x\\n\\nRead ¶4–¶5."}
        >>> nb = {"metadata": {"lesson": {"read": "¶1–¶9", "read_first": "¶1–¶9", "short_route": {"skip": ["## B"]}}},
        ...       "cells": [ex, {"cell_type": "markdown", "source": "## B\\n\\nRead ¶8."}]}
        >>> route_read(nb)
        '¶4–¶5'
    """
    lesson = nb.get("metadata", {}).get("lesson", {})
    if not lesson.get("read_first"):
        return lesson.get("read_first") or lesson.get("read", "")
    gone = {k for p in route_parts(nb, path) for k in range(p["start"], p["end"])}
    allowed = set(paragraph_numbers(lesson.get("read", "")))
    cited = set()
    for k, c in enumerate(nb.get("cells", [])):
        source = "".join(c.get("source", ""))
        if k in gone or not ("exercise" in c.get("metadata", {}).get("tags", []) and source.startswith("## Exercise")):
            continue
        prompt = ROUTE_ASK_RE.sub("", ROUTE_SKIP_RE.sub("", source.partition("\n")[2]))
        cited |= {n for m in _PARAGRAPH_REF.finditer(prompt)
                  for n in range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1)}
    return paragraph_list(cited & allowed)


def route_jumps(parts: list[dict]) -> list[list[dict]]:
    """The skipped parts grouped into the jumps a learner makes: parts that follow one another with nothing kept
    between them are one jump (learner review 20b: 01 said "skip the 13 parts" where the learner jumps once from
    "A harder case" to Key points).

    Parameters:
        parts: ``route_parts``.
    Returns:
        one list of parts per jump, in notebook order.
    Example:
        >>> route_jumps([{"start": 2, "end": 4}, {"start": 4, "end": 6}, {"start": 8, "end": 9}])
        [[{'start': 2, 'end': 4}, {'start': 4, 'end': 6}], [{'start': 8, 'end': 9}]]
    """
    jumps: list[list[dict]] = []
    for p in sorted(parts, key=lambda p: p["start"]):
        if jumps and p["start"] <= jumps[-1][-1]["end"]:
            jumps[-1].append(p)
        else:
            jumps.append([p])
    return jumps


def route_discussion(nb: dict, essay: Essay, path: Path | str = "the notebook") -> dict | None:
    """The discussion question a short route ends with (lesson metadata ``short_route.discuss``, a question id of
    discussion.yml for this notebook; a notebook with none of its own, 00, may name any notebook's): its id, its number among the notebook's questions, the words the route shows
    (the question's short spoken form, ``aloud``, or the question itself) and their minutes by the discussion rule.

    Parameters:
        nb: the notebook, as read from its JSON; essay: the loaded essay; path: the notebook's file name (its
        questions are those discussion.yml gives it; for a name that is no notebook's, such as an edition's copy,
        the question's own notebook).
    Returns:
        {"id", "number", "text", "minutes", "notebook"} (the question's notebook), or None when the route declares none. Raises HelperError for an id that
        is not one of the notebook's questions.
    Example:
        >>> nb = {"metadata": {"lesson": {"short_route": {"skip": ["## B"], "discuss": "D04"}}}, "cells": []}
        >>> found = route_discussion(nb, load_essay(), "01_argument_structure.ipynb")
        >>> found["number"], found["minutes"]
        (4, 5)
    """
    from .discussion import load_questions
    wanted = (nb.get("metadata", {}).get("lesson", {}).get(ROUTE_KEY) or {}).get("discuss")
    if not wanted:
        return None
    every = load_questions(essay)
    name = Path(str(path)).name.removesuffix(".ipynb")
    if name not in set(every.notebook):   # an edition's copy ("participant edition"): the question's own notebook
        name = next(iter(every.notebook[every.id == wanted]), name)
    if name not in set(every.notebook):   # a notebook with no questions of its own (00): the series' question
        name = next(iter(every.notebook[every.id == wanted]), name)
    questions = every[every.notebook == name].reset_index(drop=True)
    found = questions.index[questions.id == wanted]
    if not len(found):
        raise HelperError(path, f"its short route (lesson metadata \"{ROUTE_KEY}\", \"discuss\") ends with "
                          f"question {wanted}, which discussion.yml does not give this notebook.",
                          "name one of its questions: " + ", ".join(questions.id) + ".")
    row = questions.loc[found[0]]
    text = str(row.get("aloud") or "").strip() or str(row.question).strip()
    return {"id": wanted, "number": int(found[0]) + 1, "text": text, "minutes": _talk_minutes([text], essay),
            "notebook": name}


def route_discuss_line(number: int, text: str, minutes: int) -> str:
    """The line under the skipped "Discussion questions" heading: the one question the short route ends with.

    Parameters:
        number: the question's number among the notebook's; text: its words (``route_discussion``); minutes: theirs.
    Returns:
        the line, in italics but for the question.
    Example:
        >>> print(route_discuss_line(4, "Why?", 5))
        *Short route: before you jump, one question (about 5 minutes), question 4 below in short, to think about or bring to your group:* Why?
    """
    return (f"*Short route: before you jump, one question (about {minutes} minutes), question {number} below in short, "
            f"to think about or bring to your group:* {text}")


def route_finish_line(number: int, notebook: str, title: str, text: str, minutes: int) -> str:
    """The line that ends the short route of a notebook with no discussion questions of its own (00): one question
    of the series, from the notebook that asks it.

    Parameters:
        number: the question's number in its notebook; notebook: that notebook's file name, without ".ipynb";
        title: its short title, as a link's words; text: its words (``route_discussion``); minutes: theirs.
    Returns:
        the line, in italics but for the question, with a link to the notebook.
    Example:
        >>> print(route_finish_line(1, "01_argument_structure", "01 · The argument", "Why?", 5))
        *Short route: before you finish, one question (about 5 minutes), discussion question 1 of [01 · The argument](01_argument_structure.ipynb) in short, to think about or bring to your group:* Why?
    """
    return (f"*Short route: before you finish, one question (about {minutes} minutes), discussion question {number} of "
            f"[{title}]({notebook}.ipynb) in short, to think about or bring to your group:* {text}")


def short_route_row(nb: dict, name: str, essay: Essay, path: Path | None = None) -> dict | None:
    """``lesson_row`` of the notebook's short route (``short_route``): the same counts as the whole notebook's
    time, on the core alone.

    Parameters:
        nb: the notebook, as read from its JSON; name: its file name; essay: the reading; path: for error messages.
    Returns:
        ``lesson_row``'s dict for the core, or None for a notebook that declares no short route.
    Example:
        >>> cells = [{"cell_type": "markdown", "source": s} for s in ("## A", "word " * 300, "## B", "word " * 300)]
        >>> nb = {"metadata": {"lesson": {"title": "T", "read": "", "exercises": [], "discussion": 0,
        ...       "short_route": {"skip": ["## B"]}}}, "cells": cells}
        >>> short_route_row(nb, "x.ipynb", load_essay())["total_min"] < lesson_row(nb, "x.ipynb", load_essay())["total_min"]
        True
    """
    core = short_route(nb, path or name)
    if core is None:
        return None
    # an exercise the route asks in part takes the minutes of the answers asked (``exercises``), not the whole's
    lesson = core["metadata"]["lesson"]
    found = exercises(core, essay)
    if len(found) == len(lesson.get("exercises", [])):
        lesson["exercises"] = [int(row.floor_min) if row.asked else m
                               for m, row in zip(lesson["exercises"], found.itertuples())]
    talk = route_discussion(nb, essay, path or name)   # the one question the route ends with (learner review 23)
    if talk is not None:
        lesson["discussion"] = talk["minutes"]
    return lesson_row(core, name, essay, path)


def route_minutes(folder: Path = NOTEBOOKS, essay: Essay | None = None) -> dict[str, int]:
    """Each notebook's short-route minutes (``short_route_row``), by file name, for the notebooks that have one: the
    README's table gives them beside the full times.

    Parameters:
        folder: the notebooks' folder; essay: the reading (default: ``load_essay()``).
    Returns:
        {notebook file name: minutes}.
    Example:
        >>> sorted(route_minutes())[:2]
        ['00_start_here.ipynb', '01_argument_structure.ipynb']
    """
    essay = essay if essay is not None else load_essay()
    out = {}
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        row = short_route_row(json.loads(path.read_text(encoding="utf-8")), path.name, essay, path)
        if row is not None:
            out[path.name] = row["total_min"]
    return out


def route_line(core: dict, full: dict, jumps: int, kept: list[str], read: str = "",
               asked: list[str] | tuple = ()) -> str:
    """The opening cell's sentence on the short route, beside the full time: the reading it asks for first
    (``route_read``), the exercises it keeps, and how many times the learner skips ahead (``route_jumps``: learner
    review 20b, 01 said "skip the 13 parts" where the learner jumps twice). Kept to about the old line's length: the
    first cell is at its limit of words (tests/test_review_16.py).

    Parameters:
        core: ``short_route_row``; full: ``lesson_row`` of the whole notebook; jumps: how many jumps; kept: the
        headings of the exercises it keeps; read: the paragraphs to read first ("" for a notebook that names none);
        asked: the headings of the kept exercises the route asks only in part (``route_asks``; their cells say which
        answers).
    Returns:
        the sentence, one line, starting "**Short route, for one evening:**". Its words do not depend on the
        minutes' digits.
    Example:
        >>> print(route_line({"total_min": 120}, {"total_min": 345}, 2, ["## Exercise 1: x", "## Exercise 3: y"], "¶4–¶5"))
        **Short route, for one evening:** about 120 minutes of the 345: before you start, read only ¶4–¶5; it keeps Exercises 1 and 3 and skips ahead twice: the link under each skipped heading jumps there.
        >>> print(route_line({"total_min": 90}, {"total_min": 300}, 1, ["## Exercise 1: x", "## Exercise 2: y"], "",
        ...                  ["## Exercise 2: y"]))
        **Short route, for one evening:** about 90 minutes of the 300, with its reading; it keeps Exercise 1, shortens Exercise 2 and skips ahead once: the link under each skipped heading jumps there.
    """
    times = {1: "once", 2: "twice"}.get(jumps, f"{NUMBER_WORDS[jumps] if jumps < len(NUMBER_WORDS) else jumps} times")
    def named(numbers):
        return (f"Exercises {', '.join(numbers[:-1])} and {numbers[-1]}" if len(numbers) > 1
                else f"Exercise {numbers[0]}")
    numbers = [(m.group(1), h in asked) for h in kept for m in [re.match(r"#* ?Exercise (\d+)", h)] if m]
    whole, part = [n for n, a in numbers if not a], [n for n, a in numbers if a]
    # an exercise the route asks only in part is "shortened" (learner review 22; its cell says which answers), in as
    # few words as "keeps": the first cell is at its limit
    if whole or not part:
        keeps = "keeps " + (named(whole) if whole else "its exercise" if len(kept) == 1 else "its exercises" if kept
                            else "no exercise") + (f", shortens {named(part)}" if part else "")
    else:
        keeps = f"shortens {named(part)}"
    # learner review 21: "read first only …" beside "Before you start, read …" said nothing of which one applies; the
    # full route's list is now marked *Full route:* (tools.cells), and this one says it replaces it
    # learner review 26: "(not the full route's)" was cryptic; the words now echo the full route's own "Before you
    # start, read", with "only"
    reading = f": before you start, read only {read};" if read else ", with its reading;"
    # learner review 22: "skip this part" said not how; said once here, the link under each skipped heading does it
    return (f"**Short route, for one evening:** about {core['total_min']} minutes of the {full['total_min']}{reading} "
            f"it {keeps} and skips ahead {times}: the link under each skipped heading jumps there.")


def opening_route_line(nb: dict, core: dict, full: dict, path: Path | str = "the notebook") -> str:
    """``route_line`` for a notebook: its jumps, kept exercises and first reading counted from its lesson metadata.

    Parameters:
        nb: the notebook; core: ``short_route_row``; full: ``lesson_row``; path: its name, for error messages.
    Returns:
        the sentence.
    Example:
        >>> cells = [{"cell_type": "markdown", "source": s} for s in ("## A", "## B", "## C")]
        >>> nb = {"metadata": {"lesson": {"short_route": {"skip": ["## B"]}}}, "cells": cells}
        >>> opening_route_line(nb, {"total_min": 5}, {"total_min": 10}).split(":** ", 1)[1]
        'about 5 minutes of the 10, with its reading; it keeps no exercise and skips ahead once: the link under each skipped heading jumps there.'
    """
    parts = route_parts(nb, path)
    gone = {k for p in parts for k in range(p["start"], p["end"])}
    kept = [line for k, c in enumerate(nb.get("cells", [])) for level, line in [_heading(c)]
            if level == 2 and line.startswith("## Exercise") and k not in gone]
    read = route_read(nb, path) if nb.get("metadata", {}).get("lesson", {}).get("read_first") else ""
    asked = [a["heading"] for a in route_asks(nb, path).values()]
    return route_line(core, full, len(route_jumps(parts)), kept, read, asked)


def _route_point_short(heading: str) -> str:
    """A skipped part's name in a key point's mark: "Exercise 3" for an exercise, "the discussion questions", else
    its heading's text in italics."""
    text = heading.lstrip("#").strip()
    if text.startswith("Exercise"):
        return text.split(":")[0]
    return "the discussion questions" if text == "Discussion questions" else f"*{text}*"


def route_point_mark(headings: list[str]) -> str:
    """The mark before a key point that sums up parts the short route skips (lesson metadata ``short_route.key_points``:
    the key point's first words, after the mark, and the skipped headings it comes from).

    Parameters:
        headings: the skipped parts' headings.
    Returns:
        the mark, ending with a space.
    Example:
        >>> print(route_point_mark(["## Exercise 4: an example, or a proof?", "## Discussion questions"]))
        *Full route only* (from Exercise 4 and the discussion questions): 
    """
    names = [_route_point_short(h) for h in headings]
    said = f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]
    return f"*Full route only* (from {said}): "


def _skipped_parts(nb: dict, path: Path | str) -> list[dict] | None:
    """The parts the short route skips (``route_parts``), or None when the notebook declares no route to skip by."""
    if not (nb.get("metadata", {}).get("lesson", {}).get(ROUTE_KEY) or {}).get("skip"):
        return None
    return route_parts(nb, path)


def route_point_problems(nb: dict, path: Path | str = "the notebook") -> list[str]:
    """What the Key points of a notebook with a short route sum up that the route never showed, in points not marked
    *Full route* (``route_point_mark``): a skipped exercise or discussion question named ("Exercise 3", "question 5"),
    or a paragraph (¶N) that no kept cell names, prints or draws. Also a mark whose parts the route does not skip.
    Learner review 20b: 01's Key points summed up ¶33's "All of this", ¶55's stories and "question 5".

    Parameters:
        nb: the notebook, as read from its JSON; path: its name, for error messages.
    Returns:
        one sentence per problem; [] when none (or the notebook has no short route).
    Example:
        >>> cells = [{"cell_type": "markdown", "source": s} for s in ("## A", "## Discussion questions",
        ...                                                           "## Key points\\n\\n- As question 2 asks.")]
        >>> route_point_problems({"metadata": {"lesson": {"short_route": {"skip": ["## Discussion questions"]}}},
        ...                       "cells": cells})
        ['a key point names question 2, which the short route skips: - As question 2 asks.']
    """
    parts = _skipped_parts(nb, path)
    if parts is None:
        return []
    cells = nb.get("cells", [])
    gone = {k for p in parts for k in range(p["start"], p["end"])}
    skipped_heads = {p["heading"] for p in parts}
    at = next((k for k, c in enumerate(cells) if "".join(c.get("source", "")).startswith("## Key points")), None)
    if at is None:
        return []
    # what the route shows of a paragraph: kept prose, and the essay's own text printed by a kept cell (a ¶ number on
    # a map's box or in a table's column is not the paragraph read)
    shown = " ".join("".join(c.get("source", "")) if c.get("cell_type") == "markdown" else
                     " ".join(_shown_text(o) for o in c.get("outputs", []))
                     if re.search(r"essay\.show", "".join(c.get("source", ""))) else ""
                     for k, c in enumerate(cells) if k not in gone and k not in (at, opening_index(nb)))
    seen = {n for m in _PARAGRAPH_REF.finditer(shown) for n in range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1)}
    skipped_exercises = {m.group(1) for h in skipped_heads for m in [re.match(r"## Exercise (\d+)", h)] if m}
    problems = []
    for line in "".join(cells[at]["source"]).split("\n"):
        if not line.startswith("- "):
            continue
        mark = ROUTE_POINT_RE.match(line[2:])
        if mark:
            continue
        for n in re.findall(r"\bExercise (\d+)", line):
            if n in skipped_exercises:
                problems.append(f"a key point names Exercise {n}, which the short route skips: {line[:80]}")
        if "## Discussion questions" in skipped_heads:
            for n in re.findall(r"\bquestion (\d+)", line):
                problems.append(f"a key point names question {n}, which the short route skips: {line[:80]}")
        for m in _PARAGRAPH_REF.finditer(line):
            for n in range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1):
                if n not in seen:
                    problems.append(f"a key point names ¶{n}, which no cell of the short route shows: {line[:80]}")
    declared = (nb["metadata"]["lesson"][ROUTE_KEY].get("key_points") or {})
    for start, heads in declared.items():
        for h in heads:
            if h not in skipped_heads:
                problems.append(f"the key point {start!r} is marked as from {h!r}, which the short route keeps")
    return problems


def _route_names(parts: list[dict]) -> list[re.Pattern]:
    """How a kept cell can name a part the short route skips: "Exercise 3" (or "Exercises 2 and 3"), "question 5"
    when the discussion questions are skipped, or the heading's words set in italics or bold (*Context rows*)."""
    names = []
    for p in parts:
        text = p["heading"].lstrip("#").strip()
        m = re.match(r"Exercise (\d+)", text)
        if m:
            names.append(re.compile(rf"\bExercises? (?:\d+, )*(?:\d+ and )?{m.group(1)}\b"))
            continue
        if text == "Discussion questions":
            names.append(re.compile(r"\bquestions? \d+\b|\bdiscussion questions?\b", re.I))
            continue
        short = re.sub(r"\s*\(optional\)$", "", text).split(":")[0].strip()
        names.append(re.compile(r"[*_]{1,2}" + re.escape(short) + r"[^*_\n]*[*_]{1,2}", re.I))
    return names


def route_reference_problems(nb: dict, path: Path | str = "the notebook") -> list[str]:
    """What a cell the short route keeps says of a part the route skips without saying so: a kept exercise, solution
    or prose cell that names a skipped exercise, a skipped discussion question, or a skipped section by its heading,
    in a sentence that does not say "full route" or "short route" (learner review 21: 03's Exercise 2 sent the route
    learner to the skipped *Context rows*, its solution to the skipped Exercise 1; 02's "Exercise 2 asks you to
    follow one of them"). The opening cell and Key points have checks of their own (``route_point_problems``).

    Parameters:
        nb: the notebook, as read from its JSON; path: its name, for error messages.
    Returns:
        one sentence per problem, naming the cell; [] when none (or the notebook has no short route).
    Example:
        >>> cells = [{"cell_type": "markdown", "source": s} for s in ("# T", "## A\\n\\nAs Exercise 2 shows.",
        ...          "## Exercise 2: x", "## C\\n\\nExercise 2, on the full route, shows it.")]
        >>> route_reference_problems({"metadata": {"lesson": {"short_route": {"skip": ["## Exercise 2: x"]}}},
        ...                           "cells": cells})
        ['cell 1 names Exercise 2, which the short route skips: As Exercise 2 shows.']
    """
    parts = _skipped_parts(nb, path)
    if parts is None:
        return []
    gone = {k for p in parts for k in range(p["start"], p["end"])}
    names = _route_names(parts)
    problems = []
    for k, c in enumerate(nb.get("cells", [])):
        source = "".join(c.get("source", ""))
        if (k in gone or c.get("cell_type") != "markdown" or k == opening_index(nb)
                or source.startswith("## Key points")):
            continue
        source = ROUTE_ON_RE.sub("", ROUTE_SKIP_RE.sub("", source))
        for sentence in re.split(r"(?<=[.!?])\s+|\n", source):
            if re.search(r"\b(full|short) route\b", sentence, re.I):
                continue
            for name in names:
                for m in name.finditer(sentence):
                    problems.append(f"cell {k} names {m.group(0)}, which the short route skips: {sentence[:100]}")
    return problems
