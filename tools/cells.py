"""The generated parts of the notebooks and README, re-applied idempotently: ``python -m tools.cells``.

``make notebooks`` runs this before re-executing the notebooks, and ``make links`` after changing
launch.yml, so a notebook edited by hand (or merged from another branch) gets every generated part back
exactly as the sources say. Running it twice changes nothing the second time. What it manages:

| where | identified by | what it holds | source |
| --- | --- | --- | --- |
| every notebook, first cell | its first line, if it is a Binder badge | the notebook's *Launch on Binder* badge, only while links are on | launch.yml |
| every notebook, first cell | `on Binder (…), save (Ctrl+S, Cmd+S on a Mac), then **File → Download**` or `to take your copy away, save …` | how to take a copy away: on Binder only while links are on | launch.yml |
| every notebook, first code cell | the cell itself | plain `import helpers` (any `sys.path` lines are removed) with a fix-it comment | this file |
| every notebook, any code cell | `from helpers import …` | names of modules that moved to tools/ are dropped | this file |
| every notebook, last cell | id `nav`, tag `nav` | "previous, next" links (00: its series map between them; 01–05: the series listed after them) | lesson metadata |
| every notebook, first cell | `**Before you start, read ¶…**` (after `*Full route:*` when the short route reads other paragraphs first) and the `**Later**` sentence after it | the paragraphs to read first, and the rest of those the time counts | lesson metadata (`read_first`, `read`) |
| 01–03, the cell of the stop line (`**Stop here: the first sitting ends here.**`) | the stop line | its last paragraph: the one restart step for the second sitting (older wordings removed) | helpers.lessons.RESUME_STEP |
| every notebook, answer cells | tag `answer` (and `answer-label` above it) | the label (the exercise's prompt, how to write, Ctrl + Enter) and a one-line placeholder to replace | the label's prompt, this file |
| every notebook, exercise and answer-label cells | tags `exercise`, `answer-label` | cell metadata `editable: false`, `deletable: false` (JupyterLab opens them read-only); answer cells stay editable | this file |
| a Markdown cell's `**Before you start, read ¶…** of the essay: …, about N minutes` (00's) | the words "about N minutes" | those paragraphs' reading minutes, as the time line counts them | the essay, reading.yml |
| 00–04, exercise cells | the line `*Time for this exercise: …*` under the heading; lesson metadata `exercises` | each exercise's minutes, computed (helpers.lessons.exercises) | the prompt, reading.yml |
| 01–04, "Discussion questions" cell | the line `*Time for the discussion: …*` under the heading; lesson metadata `discussion` | the discussion's minutes, by reading.yml's rule (helpers.lessons.discussion_minutes) | discussion.yml, reading.yml |
| 00–04, every code cell | the cell's code | code folded unless Setup or a teaching call (a passage, a search, a lookup), in a worked solution too | this file (TEACHING_CALL) |
| 00–03, headings the short route skips | the line `*Short route: skip this part.* Jump to where it resumes: [**…**](#…)` under the heading; lesson metadata `short_route` | where the short route resumes (helpers.lessons.route_parts); the opening cell's `**Short route, for one evening:**` line is written by tools.run_notebooks | lesson metadata |
| 01–03, exercises the short route asks in part | the line `*On the short route: …*` under the exercise's time line | which answers the route asks, and their minutes (helpers.lessons.route_asks, route_ask_minutes) | lesson metadata `short_route.ask` |
| 00_start_here | id `series-map`, tag `series-map`, after the cell calling `helpers.lessons(learners=True)` | a link to every notebook | lesson metadata |
| 00_start_here | id `in-brief`, tag `in-brief`, just before *Where the data lives* | what the essay argues: the thesis's plain sentence and the three points in the essay's words, with their ¶ | argument.yml (helpers.summary.in_brief) |
| 00_start_here | id `route-discuss`, tag `route-discuss`, just after `in-brief` | the question its short route ends with, from another notebook (00 has none of its own) | lesson metadata `short_route.discuss` (helpers.lessons.route_discussion, route_finish_line) |
| 00_start_here | id `content-note`, tag `content-note`, under *Before you read* | the content note, one topic a line | facilitation.yml (helpers.workshop.content_note_list) |
| 00_start_here | id `credit`, tag `credit`, just before `nav` | credit for the essay, licence and citation of the package | reading.yml, CITATION.cff |
| 05_facilitator_guide | id `launch-links`, tag `launch` (first time: replaces the code cell that called `launch.`) | one Binder badge per notebook, or how to turn links on; what a JupyterHub needs | launch.yml, lesson metadata |
| 00–03, a Markdown cell's list of words | the line `- **<word>**: …` | the word's one gloss: in full in the first notebook that glosses it, in one line (and where the full one is) in the others | glosses.yml |
| README.md | `<!-- launch-links -->` … `<!-- /launch-links -->` | the Binder badge, or how to turn links on | launch.yml |
| README.md | `<!-- notebook-table -->` … `<!-- /notebook-table -->` | the table of notebooks (a badge per notebook when links are on) | lesson metadata |

Everything else in a notebook is left as it is; saved outputs are kept (generated cells are Markdown).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
import yaml

import helpers
from helpers.essay import PROJECT
from helpers.lessons import COPY_STEP
from helpers.terms import GLOSSES, load_glosses
from helpers.text import paragraph_list, paragraph_numbers
from tools import launch, navigation

SETUP_COMMENT_RE = re.compile(r"(?:let this notebook )?find the project's helpers/(?: folder)?,? (?:then )?")
SYS_PATH_LINES = re.compile(r"^(?:import sys, pathlib|import pathlib, sys|sys\.path\.(?:insert|append)\(.*\))\s*$")
IMPORT_HELPERS_RE = re.compile(r"^import helpers\b.*$", re.M)
# above the import, on lines short enough for a code cell at JupyterLab's width on a 1280 px screen (learner review 15:
# the one-line comment after the import ran off the cell's edge)
# in words a learner can act on (learner review 19: "`make lab` (see README, Troubleshooting)" meant nothing to them)
FIX_IT = ["# If the next line says \"No module named 'helpers'\", JupyterLab was",
          "# not started with this package's setup: ask whoever leads your group."]
OLD_FIX_IT = {"# If the next line says \"No module named 'helpers'\": start JupyterLab",
              "# with `make lab` (see README, Troubleshooting)."}
MOVED_TO_TOOLS = {"launch", "editions", "run_notebooks"}
MANAGED_TAGS = {"nav", "series-map", "credit", "launch", "in-brief", "content-note", "route-discuss"}


def write_notebook(nb, path: Path) -> None:
    text = nbformat.writes(nb)
    path.write_bytes((text if text.endswith("\n") else text + "\n").encode("utf-8"))


def markdown_cell(cell_id: str, tag: str, source: str, slide: str = "-"):
    return nbformat.v4.new_markdown_cell(source, id=cell_id,
                                         metadata={"slideshow": {"slide_type": slide}, "tags": [tag]})


def put(nb, cell, index: int | None = None) -> None:
    """Replace the cell with ``cell.id`` (keeping its place), or insert it at ``index`` (default: the end)."""
    for i, c in enumerate(nb.cells):
        if c.get("id") == cell.id:
            nb.cells[i] = cell
            return
    nb.cells.insert(len(nb.cells) if index is None else index, cell)


def drop(nb, cell_id: str) -> None:
    nb.cells = [c for c in nb.cells if c.get("id") != cell_id]


def index_of(nb, test) -> int | None:
    return next((i for i, c in enumerate(nb.cells) if test(c)), None)


# --- worked solutions ----------------------------------------------------------------------------------
SOLUTION_HEADING = "### Worked solution: open after you have tried"
# Shift + Enter steps over a folded solution (helpers/kernel/overrides.json, s17-fold): only the button opens it
UNFOLD = ("*Folded.* To open the solution, click the button under this heading that says how many cells are "
          "hidden. To go on without it, click the next heading. To fold it again, click the heading, then the ▾ arrow "
          "to its left.")
FOLDED = "jp-MarkdownHeadingCollapsed"       # JupyterLab's own mark of a folded heading (collapsible headings)


def heading_level(cell) -> int:
    """The level of a Markdown cell's heading (1 for #, 2 for ##, …), or 0 when the cell does not open with one."""
    m = re.match(r"(#{1,6}) ", cell.source) if cell.cell_type == "markdown" else None
    return len(m.group(1)) if m else 0


def set_solutions(nb, name: str) -> None:
    """Every worked solution folded the same way: a heading cell, the same in every notebook, that JupyterLab
    shows folded (its collapsible headings: one click on "N cells hidden" opens everything under it); under it
    the solution's reasoning and results as ordinary cells, nothing hidden twice (a code cell's code may be folded,
    by set_code_in_sight, as anywhere else: its result stays in sight). A solution must end where a
    heading of its level or higher begins, or the fold would hide the notebook's next section too."""
    heads = [i for i, c in enumerate(nb.cells) if "solution" in c.metadata.get("tags", []) and
             c.cell_type == "markdown" and c.source.startswith("#") and "Worked solution" in c.source.split("\n")[0]]
    for i in heads:
        cell = nb.cells[i]
        cell.source = f"{SOLUTION_HEADING}\n\n{UNFOLD}"
        cell.metadata[FOLDED] = True
        j = i + 1
        while j < len(nb.cells) and "solution" in nb.cells[j].metadata.get("tags", []) and not heading_level(nb.cells[j]):
            jup = nb.cells[j].metadata.get("jupyter", {})
            jup.pop("outputs_hidden", None)
            if nb.cells[j].cell_type != "code":
                jup.pop("source_hidden", None)
            if not jup:
                nb.cells[j].metadata.pop("jupyter", None)
            j += 1
        if j < len(nb.cells) and not 0 < heading_level(nb.cells[j]) <= 3:
            raise SystemExit(f"{name}: the cell after the worked solution at cell {i + 1} is not a heading (## or ###), "
                             "so folding the solution would hide it too. Start the next section with a heading, "
                             "or tag the cell 'solution' if it belongs to the solution.")


# --- what to read ---------------------------------------------------------------------------------------
# The learner review (round 12): the opening cell's "Before you start, read" list and the paragraphs the time
# counts (lesson metadata ``read``) disagreed. Both now come from the metadata: ``read_first`` fills the bold list,
# and the rest of ``read`` is named in one sentence after it.
BEFORE_RE = re.compile(r"(?:\*Full route:\* )?\*\*Before you start, read ¶[^*]*\*\*")
# learner review 21: in a notebook whose short route reads other paragraphs first, the list is the full route's
FULL_FIRST = "*Full route:* "
LATER_RE = re.compile(r" \*\*Later\*\*, the (?:exercises and the discussion|notebook) (?:also )?sends? you to [^;]*; read "
                      r"those when you get there \(the time counts them\)\.")


def later_sentence(rest: list[int]) -> str:
    return (f" **Later**, the notebook also sends you to {paragraph_list(rest)}; read those when you get there (the "
            "time counts them).")


def set_reading(nb, name: str) -> None:
    """The opening cell's "**Before you start, read …**" is the lesson's ``read_first``; the paragraphs of ``read``
    not in it are named in the "**Later**" sentence at the end of that paragraph."""
    lesson = nb.metadata.get("lesson", {})
    if "read_first" not in lesson:
        return
    first_paras = paragraph_numbers(lesson["read_first"])
    rest = [n for n in paragraph_numbers(lesson["read"]) if n not in first_paras]
    if set(first_paras) - set(paragraph_numbers(lesson["read"])):
        raise SystemExit(f"{name}: lesson read_first names paragraphs its read leaves out.")
    cell = next((c for c in nb.cells if c.cell_type == "markdown" and BEFORE_RE.search(c.source)), nb.cells[0])
    text = LATER_RE.sub("", cell.source)
    m = BEFORE_RE.search(text)
    if not m:
        raise SystemExit(f"{name}: a Markdown cell needs '**Before you start, read ¶…**' (the lesson has read_first).")
    from helpers.lessons import route_read
    routed = (lesson.get("short_route") or {}).get("skip")
    mark = FULL_FIRST if routed and paragraph_numbers(route_read(nb, name)) != first_paras else ""
    text = text[:m.start()] + f"{mark}**Before you start, read {paragraph_list(first_paras)}**" + text[m.end():]
    end = text.find("\n\n", m.start())
    end = len(text) if end < 0 else end
    cell.source = text[:end] + (later_sentence(rest) if rest else "") + text[end:]


# Learner review 22: 00's "read ¶1–¶13 … its introduction, about five minutes" beside its time line's "(6 min)". The
# minutes of the paragraphs to read first, where the cell gives them, are counted as the time line counts them.
FIRST_READ_MIN_RE = re.compile(r"(\*\*Before you start, read (¶[^*]*)\*\* of the essay: [^,.\n]*, )about [\w-]+ minutes")


def set_first_reading_minutes(nb, name: str, essay) -> None:
    """The minutes named after "**Before you start, read …**" (00's "about 6 minutes"): those paragraphs' words at the
    notebook's reading speed, rounded up as ``helpers.lessons.lesson_row`` rounds its ``reading_min``."""
    from helpers.lessons import _round_up, for_facilitators, study_speeds
    wpm, _ = study_speeds(essay, for_facilitators(nb))
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue

        def minutes(m: re.Match) -> str:
            words = int(essay.paragraphs.loc[paragraph_numbers(m.group(2)), "words"].sum())
            return f"{m.group(1)}about {_round_up(words / wpm, 1)} minutes"
        cell.source = FIRST_READ_MIN_RE.sub(minutes, cell.source)


# --- answer cells ----------------------------------------------------------------------------------------
# The learner review (round 12): an answer cell that held its own instructions opened as raw Markdown with the
# cursor at its start, so the learner's first sentence landed in front of "**Your answer:**". Now every exercise
# has two cells, made here from the prompt: a label (tag `answer-label`) that says what to write and how, and under
# it the answer cell (tag `answer`) holding only one short line to replace.
# Two blank lines first (learner review 19): Enter opens the cell with the cursor at its very start, so what the learner
# types lands on the empty first line, a paragraph of its own, and does not run into the ✎ line.
ANSWER_PLACEHOLDER = "\n\n✎ *Write here.*"
# The learner review (round 13): "double-click, then Ctrl + A" wrecked the notebook when the double-click missed:
# in command mode Ctrl + A selects every cell and the next key ("1") turns them all into headings. The how-to now
# uses only keys that are harmless in command mode (a click, Enter, Ctrl + Enter), and says first to stop here:
# Shift + Enter past the answer cell lands on the folded solution and opens it.
ANSWER_STOP = ("Stop here and write before you go on: the worked solution below stays folded until you click to "
               "open it.")
ANSWER_HOW = (ANSWER_STOP + " To write, click the line ✎ *Write here* in the cell below and press **Enter**: the "
              "cell opens for writing. Write your answer there (delete the ✎ line if you like). When you are done, "
              "press **Ctrl + Enter**: it shows your answer and keeps you here, so the worked solution below stays "
              "folded until you open it.")
# The notes cell after a notebook's discussion questions (learner review 19: "nowhere to write"): the same way to
# write, with no worked solution to keep folded.
ANSWER_HOW_NOTES = ("To write, click the line ✎ *Write here* in the cell below and press **Enter**: the cell opens for "
                    "writing. Write your notes there (delete the ✎ line if you like). When you are done, press "
                    "**Ctrl + Enter**: it shows what you wrote.")
NOTES_PROMPT = "note your thoughts on each question, numbered as above, to bring to your group"
# Learner review 19: the 90-word how-to, twelve times across 00–03. The first exercise of each notebook says it in
# full (a notebook may be opened on its own); every later one says only what to press, in a line.
ANSWER_AGAIN = (ANSWER_STOP + " To write, click the line ✎ *Write here* in the cell below and press **Enter**; when "
                "you are done, **Ctrl + Enter**.")
# Learner review 20: JupyterLab's Markdown editor starts the next line of a list by itself, so a typed "2." became
# "2. 2."; a label whose prompt asks for numbered or dashed lines says so.
# Learner review 23: the warning was still missed ("2. B. test"); it now shows what to type and what JupyterLab writes.
LIST_NOTE = ("Type **1.** and your first answer; when you press **Enter**, JupyterLab writes **2.** for you: type "
             "only the answer.")
DASH_NOTE = ("Type **-** and your first line; when you press **Enter**, JupyterLab writes the next dash for you: type "
             "only the line.")
LIST_PROMPT = re.compile(r"\bnumbered\b|\bdash\b")
ANSWER_LABEL_RE = re.compile(r"^\*\*Your answer:\*\* (?P<prompt>.+?)\. " + re.escape(ANSWER_HOW) + "$", re.S)
ANSWER_OLD_RE = re.compile(r"^\*\*Your answer:\*\* double-click here and (?P<prompt>.+?)\. When you are done, press "
                           r"\*\*Ctrl \+ Enter\*\*.*$", re.S)


def answer_label(prompt: str, how: str = ANSWER_HOW) -> str:
    """The label over an answer cell: what to write (the exercise's own prompt), then how: in full at a notebook's
    first exercise (``ANSWER_HOW``), in a line at the others (``ANSWER_AGAIN``), and ``ANSWER_HOW_NOTES`` over the
    notes cell after the discussion questions, which has no solution under it."""
    listed = f" {DASH_NOTE if 'dash' in prompt else LIST_NOTE}" if LIST_PROMPT.search(prompt) else ""
    return f"**Your answer:** {prompt[:1].upper()}{prompt[1:]}.{listed} {how}"


def set_discussion_notes(nb, name: str) -> None:
    """After the cell that shows a notebook's discussion questions (``helpers.show_questions``), a label and an answer
    cell (tags ``answer-label`` / ``answer`` and ``discussion``) to write notes in, like an exercise's."""
    at = index_of(nb, lambda c: c.cell_type == "code" and "show_questions(" in c.source)
    if at is None:
        return
    after = nb.cells[at + 1] if at + 1 < len(nb.cells) else None
    if after is not None and "answer-label" in after.metadata.get("tags", []):
        return
    label = markdown_cell(f"{nb.cells[at].id}-notes-label"[:64], "answer-label",
                          answer_label(NOTES_PROMPT, ANSWER_HOW_NOTES))
    answer = markdown_cell(f"{nb.cells[at].id}-notes"[:64], "answer", ANSWER_PLACEHOLDER)
    for cell in (label, answer):
        cell.metadata["tags"].append("discussion")
    nb.cells[at + 1:at + 1] = [label, answer]


READ_ONLY_TAGS = {"exercise", "answer-label"}


def set_read_only(nb) -> None:
    """An exercise's instructions (its heading cell, tag ``exercise``, and the label over its answer cell, tag
    ``answer-label``) cannot be typed into or deleted: cell metadata ``editable: false`` and ``deletable: false``,
    which JupyterLab honours (a read-only cell; learner review 18: a learner clicked one, pressed Enter and typed
    into it). Answer cells, and every other cell, are left editable."""
    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "markdown" and tags & READ_ONLY_TAGS and "answer" not in tags:
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False


def _put_line(source: str, pattern: re.Pattern, line: str) -> str:
    """``source`` with its line matching ``pattern`` replaced by ``line``, or ``line`` added after the heading."""
    if pattern.search(source):
        return pattern.sub(lambda m: line, source, count=1)
    heading, sep, rest = source.partition("\n")
    return f"{heading}\n\n{line}\n\n{rest.lstrip(chr(10))}" if sep else f"{heading}\n\n{line}"


def set_exercise_times(nb, name: str, essay) -> None:
    """Each exercise shows its own minutes under its heading, and the lesson metadata's ``exercises`` holds the
    same numbers: both computed by ``helpers.lessons.exercises`` (rereading what the prompt names, at a newcomer's
    pace, and reading.yml's minutes per answer), never typed. A learners' notebook with discussion questions in
    discussion.yml shows the discussion's minutes under "## Discussion questions", and its lesson metadata's
    ``discussion`` holds them (``helpers.lessons.discussion_minutes``). Learner review 18 (issue 19)."""
    from helpers.lessons import (DISCUSSION_TIME_RE, EXERCISE_TIME_RE, SOLO_RE, discussion_minutes,
                                 discussion_time_line, exercise_time_line, exercises, for_facilitators, solo_line)
    lesson = nb.metadata.get("lesson")
    if lesson is None or for_facilitators(nb):
        return
    found = exercises(nb, essay)
    cells = [c for c in nb.cells if c.cell_type == "markdown" and "exercise" in c.metadata.get("tags", [])
             and c.source.startswith("## Exercise")]
    for cell, row in zip(cells, found.itertuples()):
        cell.source = _put_line(cell.source, EXERCISE_TIME_RE,
                                exercise_time_line(int(row.floor_min), int(row.answers), bool(row.paragraphs),
                                                   row.kinds))
    lesson["exercises"] = [int(m) for m in found.floor_min]
    set_route_asks(nb, name, essay)
    talk = discussion_minutes(essay, name)
    if talk is None:   # a discussion set in the notebook's prose (00's): its minutes computed by the same rule
        from helpers.lessons import prompt_discussion
        for cell in nb.cells:
            found = prompt_discussion(cell.source, essay) if cell.cell_type == "markdown" else None
            if found:
                lesson["discussion"], cell.source = found
                cell.source = _after_prompt(cell.source, solo_line(found[0]))
        return
    cell = next((c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Discussion questions")),
                None)
    if cell is None:
        raise SystemExit(f"{name}: discussion.yml has questions for it, but no cell starts '## Discussion questions'.")
    cell.source = _put_line(cell.source, DISCUSSION_TIME_RE, discussion_time_line(*talk))
    # what to do with the minutes when studying alone (learner review 20), just under the time line
    cell.source = SOLO_RE.sub("", cell.source).replace("\n\n\n\n", "\n\n")
    cell.source = DISCUSSION_TIME_RE.sub(lambda m: m.group(0) + "\n\n" + solo_line(talk[1]), cell.source, count=1)
    lesson["discussion"] = talk[1]


def set_route_asks(nb, name: str, essay) -> None:
    """Under the time line of each exercise the short route asks only in part (lesson metadata ``short_route.ask``),
    the line saying which answers the route asks and their minutes, computed (``helpers.lessons.route_ask_line``,
    ``route_ask_minutes``); the line is removed from an exercise the route asks whole. Learner review 22: the short
    routes kept 01's Exercise 1 (49 minutes) and 03's Exercise 2 (65 minutes) whole."""
    from helpers.errors import HelperError
    from helpers.lessons import EXERCISE_TIME_RE, ROUTE_ASK_RE, route_ask_line, route_ask_minutes, route_asks
    try:
        asks, minutes = route_asks(nb, name), route_ask_minutes(nb, essay, name)
    except HelperError as exc:
        raise SystemExit(str(exc)) from None
    for k, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        if ROUTE_ASK_RE.search(cell.source):
            cell.source = re.sub(ROUTE_ASK_RE.pattern + r"\n?\n?", "", cell.source).rstrip("\n")
        if k in asks:
            line = route_ask_line(asks[k]["which"], minutes[k])
            m = EXERCISE_TIME_RE.search(cell.source)
            at = m.end() if m else len(cell.source.split("\n", 1)[0])
            rest = cell.source[at:].lstrip("\n")
            cell.source = cell.source[:at] + "\n\n" + line + ("\n\n" + rest if rest else "")


def _after_prompt(source: str, line: str) -> str:
    """``source`` with ``line`` (the line for studying alone) as its own paragraph after the discussion prompt's
    (``helpers.lessons.DISCUSS_RE``), replacing the one written before."""
    from helpers.lessons import DISCUSS_RE, SOLO_RE
    source = SOLO_RE.sub("", source).replace("\n\n\n\n", "\n\n").rstrip("\n")
    end = source.find("\n", DISCUSS_RE.search(source).end())
    return source + "\n\n" + line if end < 0 else source[:end] + "\n\n" + line + source[end:]


def set_route(nb, name: str) -> None:
    """Under each heading the short route skips (lesson metadata ``short_route``), the line saying so and where the
    route resumes (``helpers.lessons.route_skip_line``); the line is removed from a heading no longer skipped.
    Learner review 19: no short route through 00–03 for a learner with one evening."""
    from helpers.errors import HelperError
    from helpers.lessons import (ROUTE_ON_LINE, ROUTE_ON_RE, ROUTE_SKIP_RE, _is_stop, route_parts, route_skip_line)
    try:
        parts = {p["start"]: p for p in route_parts(nb, name)}
    except HelperError as exc:
        raise SystemExit(str(exc)) from None
    gone = {k for p in parts.values() for k in range(p["start"], p["end"])}
    for k, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        if k in parts:
            cell.source = _put_line(cell.source, ROUTE_SKIP_RE, route_skip_line(parts[k]["resume"]))
        elif ROUTE_SKIP_RE.search(cell.source):
            cell.source = re.sub(ROUTE_SKIP_RE.pattern + r"\n?\n?", "", cell.source).rstrip("\n")
        # a sitting break the route keeps (02, 03): its learner, with one evening, goes straight on (learner review 20b)
        if _is_stop(cell.source) and parts and k not in gone:
            cell.source = _put_line(cell.source, ROUTE_ON_RE, ROUTE_ON_LINE)
        elif ROUTE_ON_RE.search(cell.source):
            cell.source = re.sub(ROUTE_ON_RE.pattern + r"\n?\n?", "", cell.source).rstrip("\n")
    set_route_points(nb, name)


def set_route_discussion(nb, name: str, essay) -> None:
    """Under the skip line of the "Discussion questions" heading, the one question the short route ends with (lesson
    metadata ``short_route.discuss``), in short, with its minutes (``helpers.lessons.route_discussion``,
    ``route_discuss_line``); the line is removed when the route declares none. Learner review 23: no short route had
    any discussion."""
    from helpers.errors import HelperError
    from helpers.lessons import ROUTE_DISCUSS_RE, ROUTE_SKIP_RE, route_discuss_line, route_discussion, route_finish_line
    try:
        talk = route_discussion(nb, essay, name)
    except HelperError as exc:
        raise SystemExit(str(exc)) from None
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        if ROUTE_DISCUSS_RE.search(cell.source):
            cell.source = re.sub(ROUTE_DISCUSS_RE.pattern + r"\n?\n?", "", cell.source).rstrip("\n")
        if talk and cell.source.startswith("## Discussion questions"):
            m = ROUTE_SKIP_RE.search(cell.source)
            if m is None:
                raise SystemExit(f"{name}: its short route ends with a discussion question, but does not skip the "
                                 "\"Discussion questions\" part: keep it in \"skip\", the route shows one question.")
            line = route_discuss_line(talk["number"], talk["text"], talk["minutes"])
            cell.source = cell.source[:m.end()] + "\n\n" + line + cell.source[m.end():]
    # a notebook with no discussion of its own (00): the line in a cell of its own, where its route ends, just before
    # *Where the data lives* (which the route skips); session 25
    drop(nb, "route-discuss")
    if talk and not any(c.source.startswith("## Discussion questions") for c in nb.cells if c.cell_type == "markdown"):
        at = index_of(nb, lambda c: c.cell_type == "markdown" and c.source.startswith("## Where the data lives"))
        if at is None:
            raise SystemExit(f"{name}: its short route ends with a discussion question, but it has neither a "
                             "'## Discussion questions' nor a '## Where the data lives' heading to put it before.")
        other = nbformat.read(PROJECT / "notebooks" / f"{talk['notebook']}.ipynb", as_version=4)
        title = f"{talk['notebook'][:2]} · {other.metadata['lesson']['title'].split(':')[0]}"
        line = route_finish_line(talk["number"], talk["notebook"], title, talk["text"], talk["minutes"])
        nb.cells.insert(at, markdown_cell("route-discuss", "route-discuss", line))


def set_route_points(nb, name: str) -> None:
    """In Key points, the mark *Full route* (…) before each point that sums up parts the short route skips (lesson
    metadata ``short_route.key_points``: a point's first words, after the mark, and the skipped headings it comes
    from; ``helpers.lessons.route_point_mark``). A point no longer listed loses its mark. Learner review 20b: 01's Key
    points summed up ¶33's "All of this", ¶55's stories and "question 5", which its route skips."""
    from helpers.lessons import ROUTE_KEY, ROUTE_POINT_RE, route_point_mark
    declared = (nb.metadata.get("lesson", {}).get(ROUTE_KEY) or {}).get("key_points") or {}
    cell = next((c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Key points")), None)
    if cell is None:
        if declared:
            raise SystemExit(f"{name}: its short route marks key points, but no cell starts '## Key points'.")
        return
    lines, found = cell.source.split("\n"), set()
    for i, line in enumerate(lines):
        if not line.startswith("- "):
            continue
        text = ROUTE_POINT_RE.sub("", line[2:], count=1) if ROUTE_POINT_RE.match(line[2:]) else line[2:]
        start = next((s for s in declared if text.startswith(s)), None)
        lines[i] = "- " + (route_point_mark(declared[start]) if start else "") + text
        found.add(start)
    missing = set(declared) - found
    if missing:
        raise SystemExit(f"{name}: its short route marks the key point starting {sorted(missing)[0]!r}, but no point "
                         "of its Key points starts so; copy the point's first words exactly.")
    cell.source = "\n".join(lines)


def set_answers(nb, name: str) -> None:
    """Every answer cell holds only ANSWER_PLACEHOLDER, under a label cell made from the exercise's prompt. An answer
    cell in the old form (instructions inside it) is split into the two; a label is rewritten to the current how-to."""
    i, labelled = 0, False
    while i < len(nb.cells):
        cell = nb.cells[i]
        if cell.cell_type != "markdown" or "answer" not in cell.metadata.get("tags", []):
            i += 1
            continue
        above = nb.cells[i - 1] if i else None
        if above is not None and "answer-label" in above.metadata.get("tags", []):
            m = re.match(r"^\*\*Your answer:\*\* (?P<prompt>.+?)\. (?:In a list, JupyterLab|Type \*\*(?:1\.|-)\*\* and your first|Stop here|To write it|To write, click|Double-click)",
                         above.source, re.S)
            if not m:
                raise SystemExit(f"{name}: the answer label at cell {i} should start '**Your answer:** ' and the prompt "
                                 "(what to write), ending with a full stop.")
            prompt = m.group("prompt")
        else:
            m = ANSWER_OLD_RE.match(cell.source)
            if not m:
                raise SystemExit(f"{name}: the answer cell {i + 1} is neither the placeholder {ANSWER_PLACEHOLDER!r} under "
                                 "a label (tag answer-label) nor '**Your answer:** double-click here and <what to "
                                 "write>. When you are done, press **Ctrl + Enter**…'.")
            prompt = m.group("prompt")
            above = markdown_cell(f"{cell.id}-label"[:64], "answer-label", "")
            above.metadata = {k: v for k, v in cell.metadata.items() if k != "tags"} | {"tags": ["answer-label"]}
            nb.cells.insert(i, above)
            i += 1
        notes = "discussion" in above.metadata.get("tags", [])     # the notes cell after the questions
        above.source = answer_label(prompt, ANSWER_HOW_NOTES if notes else ANSWER_AGAIN if labelled else ANSWER_HOW)
        labelled = labelled or not notes
        cell.source = ANSWER_PLACEHOLDER
        i += 1


# --- code in sight ---------------------------------------------------------------------------------------
# A learner sees code only where running or changing it teaches something: the Setup cell and cells made only
# of the calls below, in a worked solution too (learner review 18: a solution's visible code added little) (a passage, a search, a lookup, a branch of the argument map, the
# reader's edition). Every other code cell draws a figure or builds a table: its code is folded and its output
# stays in sight. An exercise's code cell must be such a call, so a learner completes it by changing a word or a
# number. The facilitator guide (05) is left as it is.
TEACHING_CALL = re.compile(r"^(?:helpers\.table\()?(?:essay\.show_sentence|essay\.show|essay\.search|tm\.lookup|q\.appearances|"
                           r"plots\.show_argument_map|helpers\.reader_edition)\(|^print\(\)$")
PANDAS_IDIOM = re.compile(r"\.str\.|\.isin\(|\.assign\(|\.map\(|lambda\b|\.sort_values\(|\.reset_index\(|"
                          r"\.value_counts\(|\b\w+\[\w+\.\w+")
FOLD_CODE_IN = ("00", "01", "02", "03", "04")
# JupyterLab 4 shows a folded cell as one line, the first line of its code (@jupyterlab/cells: the input placeholder's
# text is ``source.split("\n")[0]``): a folded cell opens with a comment in words a non-programmer can read, saying
# what the cell shows (learner review 22: a learner read ``election_rows = ["E19", "E20", …]``). No code, no ids.
PLAIN_FIRST_LINE = re.compile(r"# [A-Z¶][\w ,;:'’()¶–—-]+")
CODE_IN_WORDS = re.compile(r"[=_\[\]{}`\"“”]|\w\(|\w\.\w|\b[A-Z]\d{1,3}\b")


def plain_first_line(source: str) -> bool:
    """Whether a code cell's first line is a comment in plain words (what JupyterLab shows of it folded).

    >>> plain_first_line("# Draws the events of the 2017 election (click to see the code)")
    True
    >>> plain_first_line('election_rows = ["E19", "E20"]'), plain_first_line("# rows E19 and E20")
    (False, False)
    """
    line = source.split("\n")[0]
    return bool(PLAIN_FIRST_LINE.fullmatch(line)) and not CODE_IN_WORDS.search(line) and len(line) <= 90


def teaching(cell) -> bool:
    """A code cell made only of calls whose running or changing teaches something (TEACHING_CALL); a statement's
    continuation lines are indented."""
    lines = [line for line in cell.source.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    statements = [line.split("  #")[0].rstrip() for line in lines if not line[:1].isspace() and not line.startswith(")")]
    return bool(statements) and all(TEACHING_CALL.match(line) for line in statements) and \
        not PANDAS_IDIOM.search(cell.source)


def set_code_in_sight(nb, name: str) -> None:
    """Fold the code of every cell that only draws or builds a table; unfold the Setup cell and teaching cells."""
    if name[:2] not in FOLD_CODE_IN:
        return
    first = index_of(nb, lambda c: c.cell_type == "code")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if "exercise" in cell.metadata.get("tags", []) and not teaching(cell):
            raise SystemExit(f"{name}: the exercise code cell {i + 1} ({cell.source.split(chr(10))[0][:50]!r}) must be a "
                             "call a learner completes by changing a word or a number (essay.show, essay.search, "
                             "a lookup): move the table-building into a helper in helpers/.")
        jup = cell.metadata.setdefault("jupyter", {})
        if i == first or teaching(cell):
            jup.pop("source_hidden", None)
        else:
            if not plain_first_line(cell.source):
                raise SystemExit(f"{name}: the code cell {i + 1} ({cell.source.split(chr(10))[0][:50]!r}) is folded, and "
                                 "JupyterLab shows a folded cell as its first line: begin it with a comment in plain "
                                 "words saying what it shows, e.g. '# Draws the timeline (click to see the code)'.")
            jup["source_hidden"] = True
        if not jup:
            cell.metadata.pop("jupyter")


# --- every notebook -------------------------------------------------------------------------------------

def set_badge(nb, notebook: str, repo: str | None, branch: str) -> None:
    """The first cell starts with this notebook's Binder badge while links are on, and with none while off."""
    first = nb.cells[0]
    body = first.source
    while launch.BADGE_RE.match(body):
        body = launch.BADGE_RE.sub("", body, count=1).lstrip("\n")
    first.source = f"{launch.badge(notebook, repo, branch)}\n\n{body}" if repo else body


# Learner review 23: 01–04's first cells named Binder while launch links were off. How to take a copy away says
# "on Binder (…)" only while links are on (launch.yml names a repository).
COPY_STEP_RE = re.compile(r"(?:on Binder \(a free website that runs these notebooks in your browser\)|to take your copy "
                          r"away), save \((?:Ctrl/Cmd \+ S|Ctrl\+S, Cmd\+S on a Mac)\), then \*\*File → Download\*\*")


def set_copy_step(nb, repo: str | None) -> None:
    """The first cell's way to take a copy away names Binder only while launch links are on."""
    first = nb.cells[0]
    first.source = COPY_STEP_RE.sub(lambda m: COPY_STEP[bool(repo)], first.source)


def plain_import(nb) -> None:
    """The setup cell imports helpers plainly (installed with the environment) and touches no sys.path."""
    setup = next((c for c in nb.cells if c.cell_type == "code"), None)
    if setup is None:
        return
    rest = "\n".join(line for c in nb.cells if c.cell_type == "code"
                     for line in c.source.split("\n") if not SYS_PATH_LINES.match(line))
    still_used = [m for m in ("sys", "pathlib") if re.search(rf"\b{m}\.", rest)]   # used elsewhere: keep the import
    lines = []
    for line in setup.source.split("\n"):
        if SYS_PATH_LINES.match(line):
            if line.startswith("import") and still_used:
                lines.append(f"import {', '.join(still_used)}")
            continue
        if line in FIX_IT or line in OLD_FIX_IT:
            continue                     # written again just above the import
        lines.append(SETUP_COMMENT_RE.sub("", line) if line.startswith("#") else line)
    source = "\n".join(lines)
    setup.source = IMPORT_HELPERS_RE.sub("\n".join(FIX_IT + ["import helpers"]), source, count=1)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = re.sub(r"(?m)^from helpers import (.+)$", _without_moved, cell.source)


def _without_moved(m: re.Match) -> str:
    names = [n.strip() for n in m.group(1).split(",")]
    kept = [n for n in names if n.split(" as ")[0].strip() not in MOVED_TO_TOOLS]
    return f"from helpers import {', '.join(kept)}" if kept else ""


def set_nav(nb, notebook: str, table) -> None:
    drop(nb, "nav")
    nb.cells.append(markdown_cell("nav", "nav", navigation.nav_markdown(table, notebook), slide="skip"))


# --- 00_start_here ---------------------------------------------------------------------------------------

def set_series_map(nb, table, path: Path) -> None:
    at = index_of(nb, lambda c: c.cell_type == "code" and "helpers.lessons(" in c.source)
    existing = index_of(nb, lambda c: c.get("id") == "series-map")
    cell = markdown_cell("series-map", "series-map", navigation.series_map_markdown(table))
    if existing is not None:
        nb.cells[existing] = cell
    elif at is not None:
        nb.cells.insert(at + 1, cell)
    else:
        raise SystemExit(f"{path}: no code cell calls helpers.lessons(), so the series map has no place. "
                         "How to fix it: put `helpers.lessons(learners=True)` back under the heading '## The series'.")


def credit_markdown(project: Path = PROJECT) -> str:
    meta = yaml.safe_load((project / "seeds" / helpers.DEFAULT_READING / "reading.yml").read_text(encoding="utf-8"))
    cff = yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8"))
    authors = meta.get("authors_as_given") or "its header names no author; the essay speaks as *we*"
    return "\n".join([
        "## Credit, licences and how to cite",
        "",
        f"**The essay.** *{meta['title']}* was published in *{meta['series']}*, {meta['issue']} "
        f"({authors}). {meta['rights']} The package keeps it exactly as received, with its publication details "
        "beside it (the full route's *Where the data lives*, above, names the files).",
        "",
        "**This package.** Its code (helpers/, tools/, tests/) is under the MIT licence; its own annotations, "
        "notebook prose and figures are under Creative Commons Attribution 4.0 (CC BY 4.0), so you may adapt "
        "them for your group as long as you say where they came from. The essay is excluded from both. "
        "See `LICENSE`.",
        "",
        f"**To cite the package:** *{cff['title']}*, version {cff['version']}. Full details are in "
        "`CITATION.cff`; cite the essay by its own title and publication, and by ¶ number.",
    ])


IN_BRIEF_HEADING = "## What the essay argues, in brief"
# the thesis's two words 00's in-brief uses before 01 glosses them (learner review 19): the same words as 01's
# list "The thesis's own words", which tests/test_learner_19b_01.py holds to these
THESIS_WORDS = ("*popular forces*: the broad mass of working people and their movements; "
                "*formations*: organizations and groups")


def set_in_brief(nb) -> None:
    """The learner review (round 12): 00 ended with definitions and section lengths but no word on what the essay
    argues. A cell before *Where the data lives* says it, made from the argument map (helpers.summary.in_brief)."""
    from helpers.summary import in_brief
    drop(nb, "in-brief")
    at = index_of(nb, lambda c: c.get("id") == "route-discuss" or (   # the short route's question comes after it
        c.cell_type == "markdown" and c.source.startswith("## Where the data lives")))
    if at is None:
        raise SystemExit("00_start_here: no '## Where the data lives' heading, so the argument in brief has no place.")
    words = f"*Two of the thesis's words, glossed as in 01 (our glosses, in ordinary usage):* {THESIS_WORDS}."
    cell = markdown_cell("in-brief", "in-brief", f"{IN_BRIEF_HEADING}\n\n{in_brief(helpers.load_essay())}\n\n{words}",
                         slide="slide")
    nb.cells.insert(at, cell)


def set_content_note(nb) -> None:
    """The learner review (round 14): 00's content note was one paragraph of about 300 words and 60 ¶ numbers. The cell
    with id ``content-note`` (first time: the code cell that printed the note) shows the same note, the one the decks
    and handouts share (facilitation.yml), laid out one topic a line (helpers.workshop.content_note_list)."""
    from helpers import workshop
    at = index_of(nb, lambda c: c.get("id") == "content-note")
    if at is None:
        raise SystemExit("00_start_here: no cell with id 'content-note' under '## Before you read', so the content "
                         "note has no place.")
    note = workshop.load_handout(helpers.load_essay())["content_note"]["en"]
    nb.cells[at] = markdown_cell("content-note", "content-note", workshop.content_note_list(note))


def set_credit(nb, project: Path = PROJECT) -> None:
    drop(nb, "credit")
    nb.cells.append(markdown_cell("credit", "credit", credit_markdown(project), slide="slide"))


# --- 05_facilitator_guide --------------------------------------------------------------------------------

HUB_NEEDS = ("**What a JupyterHub needs.** Whoever runs the hub installs nbgitpuller on it "
             "(`pip install nbgitpuller`), and the users' environment needs this package's pinned requirements "
             "(`pip install -r requirements.txt` in a copy of the repository, which installs the helpers too).")


def launch_markdown(table, repo: str | None, branch: str) -> str:
    if not repo:
        return "\n\n".join([
            "**Launch links are off.** `launch.yml` names no published repository yet, so no Binder or JupyterHub "
            "link is shown: a link to a repository that does not exist would fail in front of your group. To turn "
            "them on, publish the repository (or fork it) on GitHub, then in a terminal in the project folder run "
            "`make links` (it finds the GitHub repository your copy was cloned from; or name it with "
            "`make links REPO=owner/name`), and commit and push the change. A badge for every notebook then "
            "appears here and in the README.",
            HUB_NEEDS + " Once links are on, `make links HUB=https://your.hub.address` prints an nbgitpuller "
            "link for every notebook."])
    example = launch.nbgitpuller_url("https://hub.example.org", navigation.MAP_NOTEBOOK, repo, branch)
    return "\n\n".join([
        f"**Launch links** for `{repo}`, branch `{branch}` (set in `launch.yml`); each opens that notebook on Binder:",
        navigation.launch_table(table, repo, branch),
        HUB_NEEDS + " An nbgitpuller link then has this form, with your hub's address in place of "
        f"`https://hub.example.org`:\n\n`{example}`\n\n"
        "`make links HUB=https://your.hub.address` prints the link for every notebook."])


def set_launch_links(nb, table, repo: str | None, branch: str) -> None:
    cell = markdown_cell("launch-links", "launch", launch_markdown(table, repo, branch))
    existing = index_of(nb, lambda c: c.get("id") == "launch-links")
    if existing is None:
        existing = index_of(nb, lambda c: c.cell_type == "code" and re.search(r"\blaunch\.", c.source))
    if existing is not None:
        nb.cells[existing] = cell
    else:
        fork = index_of(nb, lambda c: "**Working from a fork.**" in c.source)
        put(nb, cell, fork if fork is not None else len(nb.cells))


# --- README ----------------------------------------------------------------------------------------------

def replace_block(text: str, name: str, body: str, path: Path) -> str:
    pattern = re.compile(rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"{path}: the markers <!-- {name} --> … <!-- /{name} --> are missing. "
                         "How to fix it: restore them from git (git checkout -- README.md).")
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text, count=1)


def readme_launch(repo: str | None, branch: str) -> str:
    if repo:
        return launch.badge(navigation.MAP_NOTEBOOK, repo, branch)
    return ("**New to this?** If your facilitator gave you a zip file (we-are-losing-study.zip), unzip it and open "
            "its start-here page in a web browser: it says what to do. Otherwise, the two "
            "commands under *Two commands* below set everything up.\n\n*For maintainers: launch links are off until "
            "the repository is published; `make links` (or `make links REPO=owner/name`) then adds a Binder badge here "
            "and for every notebook.*")


def apply_readme(path: Path, table, repo: str | None, branch: str) -> str:
    text = path.read_text(encoding="utf-8")
    text = replace_block(text, "launch-links", readme_launch(repo, branch), path)
    from helpers.lessons import route_minutes
    routes = route_minutes(path.parent / "notebooks")
    return replace_block(text, "notebook-table", navigation.readme_table(table, repo, branch, routes), path)


# --- all of it -------------------------------------------------------------------------------------------

SHORT_GLOSS = 30   # words: a gloss longer than this is printed in full by one notebook only (learner review 19)


def gloss_line(g, stem: str) -> str:
    """What a notebook prints after "- **<word>**: ": the full gloss in the first notebook that glosses the word (in
    series order), and in every other its one-line form, standing alone (learner review 19: the same
    150-word gloss of *imperialism* in three notebooks). A gloss of ``SHORT_GLOSS`` words or fewer is its own short
    form. A longer gloss with no ``short`` in glosses.yml, or a ``short`` that is not short, stops the run."""
    home = min(g.notebooks)
    if len(str(g.gloss).split()) <= SHORT_GLOSS or stem == home:
        return str(g.gloss)
    short = g.short if isinstance(g.short, str) else ""
    if not short or len(short.split()) > SHORT_GLOSS:
        raise SystemExit(f"glosses.yml: the gloss of {g.word!r} is longer than {SHORT_GLOSS} words and printed in "
                         f"{len(g.notebooks)} notebooks: give it a 'short:' of {SHORT_GLOSS} words at most, which every "
                         f"notebook but {home} prints.")
    # learner review 27 (finding 4): "in full in notebook 00", "in notebook 01" and the glossary in 04 were three
    # places to look a word up; the short form now stands alone, and each list of words names one place, 04's glossary
    return f"{short.rstrip('.')}."


def set_glosses(nb, name: str, glosses) -> None:
    """Every word glosses.yml glosses in this notebook: its line "- **<word>**: …" holds that one gloss (in full or
    in short, ``gloss_line``), so no two notebooks gloss a word in different ways (close review of session 16). A
    notebook glosses.yml names without such a line stops the run, with what to add."""
    stem = name.removesuffix(".ipynb")
    for g in glosses.itertuples():
        if stem not in g.notebooks:
            continue
        line = re.compile(rf"^- \*\*{re.escape(g.word)}\*\*: .*$", re.M)
        cells = [c for c in nb.cells if c.cell_type == "markdown" and line.search(c.source)]
        if len(cells) != 1 or len(line.findall(cells[0].source)) != 1:
            raise SystemExit(f"{name}: glosses.yml glosses {g.word!r} here, but {len(cells)} Markdown cells have a "
                             f"line '- **{g.word}**: …' to hold it; keep one such line in the notebook's list of "
                             "words, or take the notebook off the word's list in glosses.yml.")
        text = gloss_line(g, stem)
        cells[0].source = line.sub(lambda m: f"- **{g.word}**: {text}", cells[0].source)


# the restart steps the stop cells gave before learner review 20 (01 and 03: Run All Above; 02: the Setup cell only),
# removed so that only RESUME_STEP remains
OLD_RESUME = ("; then click in this cell and choose **Run → Run All Above Selected Cell**: the cells below use what the "
              "cells above loaded.",
              " Before it, run the Setup cell at the top again (click in it and press **Shift + Enter**): the cells "
              "below need only what it loads.",
              " Before it, click in this cell and choose **Run → Run All Above Selected Cell**: the cells below use "
              "tables the cells above made, not only the Setup cell.")


def set_resume(nb) -> None:
    """The cell of a long notebook's stop line ends with the one restart step, helpers.lessons.RESUME_STEP, so every
    sitting break says the same (learner review 20: 01 and 03 said Run All Above, 02 the Setup cell only)."""
    from helpers.lessons import RESUME_STEP, _is_stop
    for cell in nb.cells:
        if cell.cell_type != "markdown" or not _is_stop(cell.source):
            continue
        text = cell.source
        for old in OLD_RESUME:
            text = text.replace(old, "." if old.startswith(";") else "")
        text = text.replace(RESUME_STEP, "").rstrip()
        cell.source = f"{text}\n\n{RESUME_STEP}"


def apply_notebook(nb, name: str, table, repo: str | None, branch: str, project: Path = PROJECT, glosses=None,
                   essay=None):
    """Every generated part of one notebook, applied to ``nb`` in place; returns ``nb``."""
    if glosses is not None:
        set_glosses(nb, name, glosses)
    set_resume(nb)
    set_badge(nb, name, repo, branch)
    set_copy_step(nb, repo)
    plain_import(nb)
    if name == navigation.MAP_NOTEBOOK:
        set_series_map(nb, table, project / "notebooks" / name)
        set_in_brief(nb)
        set_content_note(nb)
        set_credit(nb, project)
    if name == "05_facilitator_guide.ipynb":
        set_launch_links(nb, table, repo, branch)
    set_nav(nb, name, table)
    set_reading(nb, name)
    set_route(nb, name)
    set_discussion_notes(nb, name)
    set_answers(nb, name)
    set_read_only(nb)
    if essay is not None:
        set_exercise_times(nb, name, essay)
        set_first_reading_minutes(nb, name, essay)
        set_route_discussion(nb, name, essay)
    set_solutions(nb, name)
    set_code_in_sight(nb, name)
    return nb


def apply_all(project: Path = PROJECT) -> list[Path]:
    """Apply every generated part to the notebooks and README of ``project``; return the files changed."""
    folder = project / "notebooks"
    essay = helpers.load_essay()
    changed = []
    # the exercises' and discussion's minutes first: the table of times reads them from the lesson metadata
    for path in launch.notebooks(folder):
        before = path.read_text(encoding="utf-8")
        nb = nbformat.reads(before, as_version=4)
        set_exercise_times(nb, path.name, essay)
        text = nbformat.writes(nb)
        text = text if text.endswith("\n") else text + "\n"
        if text != before:
            path.write_bytes(text.encode("utf-8"))
            changed.append(path)
    table = helpers.lessons(folder)
    s = launch.settings(project / "launch.yml")
    repo, branch = s["repository"], s["branch"]
    glosses = load_glosses(essay) if (essay.folder / GLOSSES).is_file() else None
    for path in launch.notebooks(folder):
        before = path.read_text(encoding="utf-8")
        nb = apply_notebook(nbformat.reads(before, as_version=4), path.name, table, repo, branch, project, glosses,
                            essay)
        text = nbformat.writes(nb)
        text = text if text.endswith("\n") else text + "\n"
        if text != before:
            path.write_bytes(text.encode("utf-8"))
            if path not in changed:
                changed.append(path)
    readme = project / "README.md"
    before = readme.read_text(encoding="utf-8")
    after = apply_readme(readme, table, repo, branch)
    if after != before:
        readme.write_text(after, encoding="utf-8")
        changed.append(readme)
    return changed


def reader_page(folder: Path | None = None) -> Path | None:
    """Write the reader's edition beside the notebooks (committed, so the notebooks' links to it work before any
    cell runs); return its path when it changed, else None."""
    from helpers.edition import reader_html
    target = (folder or PROJECT / "notebooks") / f"{helpers.DEFAULT_READING}-reader.html"
    page = reader_html()
    if target.is_file() and target.read_text(encoding="utf-8") == page:
        return None
    target.write_text(page, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.cells", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    for path in [*apply_all(), reader_page()]:
        if path is not None:
            print(f"rewrote {path.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
