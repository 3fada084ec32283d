"""Paper editions: for each meeting of a plan, and each version of it, what a participant without a computer needs in
hand, cut from the participant editions of the lessons (no solutions): only the parts the meeting's own segments work
on the screens, and the homework it sends home. Facilitator review 22 (item 8): a participant on paper got the whole of
lessons 00 and 01 (62 pages) for a series whose segments use a few exercises of them.

What goes in is computed from sessions.yml, as the meeting's version runs it (a segment the version cuts gives
nothing):
- a segment on the screens (a notebook, not ``paper: true``): the exercises it does (``exercise``, an "Exercise N" its
  activity names, ``worked``) and the section whose table it projects (``projects_table``); a paper segment works from
  the reader's edition, the packet and the other printouts, like everyone;
- an exercise that has its own sheet on the plan's print list (facilitation.yml ``exercise_sheets``; the 90-minute
  session's Exercise 2 sheet) is printed there, not again;
- the meeting's homework (the version's own), its needed part: a notebook's part (``first``: its short route, the
  parts it leaves, or the one part it names) and its exercises; the optional part stays in the lessons.

Printed, a part speaks to paper (issue #20, facilitator review 25; ``paper_cells``): no code, no keys, nothing to run
or click (those sentences, and the sections that teach the screen, are left out); a lookup an exercise asks for is
printed done; an answer is ruled lines, a few for each answer; a part that points to a section of its lesson ("the
table of objections above") prints it first, and a pointer to what is not on the paper is reworded; a segment that
works a few of an exercise's clues (sessions.yml, ``clues``) prints those clues and the outside dates they need.

``paper_parts`` lists the parts, each with the segment it serves; ``paper_editions`` builds the pages
(facilitator/paper-<plan>-<n>[-spanish].html, printed to PDF with the rest); ``print_lines`` gives the print list of
a meeting version with each printout's pages, for the checklists and the run sheets.
"""
from __future__ import annotations

import copy
import html
import re
from pathlib import Path

import nbformat

from helpers.essay import DEFAULT_READING, load_essay

PREFIX = "paper-"          # facilitator/paper-series-3x120-1.html
# how sessions.yml's materials name a meeting's paper edition; the kit adds its pages once printed (``with_pages``)
PHRASE = "this session's paper edition"
# the pages of each paper edition as printed by this build (tools.editions.build, before the run sheets and checklists
# are made), by file stem without PREFIX: {"series-3x120-1": 13}
PRINTED: dict[str, int] = {}


def pages_phrase(stem: str) -> str:
    """The paper edition of a meeting version in words, with its pages when this build has printed it."""
    n = PRINTED.get(stem)
    return f"{PHRASE} ({n} page{'' if n == 1 else 's'})" if n else PHRASE


def with_pages(rows, stem: str):
    """A meeting version's segments (``rows``) whose materials name its paper edition, with its pages: what the
    run sheets' materials, the printed notes and the checklists then say."""
    if not PRINTED.get(stem) or not rows.materials.str.contains(PHRASE, regex=False).any():
        return rows
    return rows.assign(materials=rows.materials.str.replace(PHRASE, pages_phrase(stem), regex=False))


def print_lines(plan: str, version: str = "", built: Path | None = None, meeting: int | None = None,
                reading: str = DEFAULT_READING) -> list[dict]:
    """What a plan's version prints ("" as planned, "spanish" for a room with Spanish readers), from the print list
    (sessions.yml, ``print`` and ``printouts``): one dict per printout, in the list's order, with ``printout``,
    ``name``, ``copies``, ``files`` (its PDFs in the facilitator's kit, this version's own where it has them; for
    the paper editions, one per meeting that prints one) and ``pages`` (of one copy, all its files together:
    counted from the PDFs under ``built``, the folder the editions were built into, else None). With ``meeting``,
    a printout with a file per meeting gives that meeting's alone, and one with none for it is left out. For the
    checklists (one per meeting version) and the start page."""
    import fnmatch
    from helpers import workshop
    essay = load_essay(reading)
    lists = workshop.load_print_lists(essay)
    rows = workshop.version_print_list(lists, plan) if version else lists[lists.plan == plan]
    if not version:
        rows = rows[rows.only != "version for Spanish readers"]
    known = set(paper_parts(reading)) if "paper editions" in set(rows.printout) else set()
    out = []
    for r in rows.itertuples():
        if r.printout == "paper editions":
            stems = sorted(s for s in known if re.fullmatch(rf"{re.escape(plan)}-\d+" + (f"-{version}" if version else ""), s))
            files = [f"facilitator/{PREFIX}{s}.pdf" for s in stems]
        else:
            files = [r.file]
            if "*" in r.file and built is not None:
                found = sorted(str(p.relative_to(built)) for p in built.rglob("*.pdf"))
                found = [f for f in (f.replace("participant/", "print/", 1) for f in found)
                         if fnmatch.fnmatchcase(f, r.file)]
                if r.version:       # the version's own copy, or the plan's without any version's
                    from tools.decks import VERSION_TITLES
                    found = [f for f in found if (f.endswith(f"-{version}.pdf") if version else
                                                  not any(f.endswith(f"-{v}.pdf") for v in VERSION_TITLES))]
                files = found
        if meeting is not None:     # one meeting's own file of a printout that has one per meeting
            files = [f for f in files if not re.search(rf"{re.escape(plan)}-\d+", f)
                     or re.search(rf"{re.escape(plan)}-{meeting}(?:-[a-z]+)?\.pdf$", f)]
            if not files:
                continue
        pages = None
        if built is not None:
            local = [built / f.replace("print/reader-edition.pdf", "reader/essay.pdf").replace("print/", "participant/", 1)
                     for f in files]
            if all(p.is_file() for p in local):
                from tools.decks import pdf_pages
                pages = sum(pdf_pages(p.read_bytes()) for p in local)
        out.append({"printout": r.printout, "name": r.name, "copies": r.copies, "files": files, "pages": pages})
    return out


def _sections(nb) -> list[tuple[int, int, str]]:
    """The "## " sections of a notebook: (first cell, end cell excluded, heading line)."""
    heads = [(k, c.source.lstrip().split("\n", 1)[0].strip()) for k, c in enumerate(nb.cells)
             if c.cell_type == "markdown" and c.source.lstrip().startswith("## ")]
    return [(k, heads[i + 1][0] if i + 1 < len(heads) else len(nb.cells), line) for i, (k, line) in enumerate(heads)]


def _section(nb, starts: str) -> tuple[int, int, str] | None:
    """The section whose heading begins with ``starts`` ("## Exercise 2:", "## The table of voices")."""
    return next((s for s in _sections(nb) if s[2].startswith(starts)), None)


def _raw_homework(essay, plan: str, meeting: int, version: str) -> dict:
    """A meeting's homework as sessions.yml writes it (the version's own when it has one)."""
    from helpers import workshop
    from helpers.anchoring import read_yaml
    data = read_yaml(essay.folder / workshop.PLANS)
    entry = next(p for p in data["plans"] if p["id"] == plan)
    m = entry["meetings"][meeting - 1]
    variant = m.get("spanish_variant") or {}
    return (variant.get("homework") if version and "homework" in variant else m.get("homework")) or {}


def _sheets(essay) -> set[tuple[str, int]]:
    """The exercises that have a sheet of their own (facilitation.yml, exercise_sheets): (notebook, number)."""
    from helpers.anchoring import read_yaml
    sheets = read_yaml(essay.folder / "facilitation.yml").get("exercise_sheets") or []
    return {(s["notebook"], int(s["exercise"])) for s in sheets}


def _sheet_printed(essay, plan: str, version: str) -> set[tuple[str, int]]:
    """The exercises whose sheet this plan's version prints (sessions.yml, print: ``exercise NN-N``)."""
    from helpers import workshop
    lists = workshop.load_print_lists(essay)
    rows = workshop.version_print_list(lists, plan) if version else lists[lists.plan == plan]
    rows = rows[rows.only != "version for Spanish readers"] if not version else rows
    named = {m.groups() for m in (re.fullmatch(r"exercise (\d\d)-(\d+)", p) for p in rows.printout) if m}
    return {(nb, n) for nb, n in _sheets(essay) if (nb[:2], str(n)) in named}


def _homework_parts(essay, spec: dict, label: str) -> list[dict]:
    """The needed part of a homework (sessions.yml ``homework``) as parts: a notebook's part (``first``) and the
    exercises; ``optional`` is left out."""
    from helpers.lessons import NOTEBOOKS
    parts = []
    first = spec.get("first")
    if first:
        part = first if isinstance(first, dict) else {"notebook": first}
        book = part["notebook"]
        nb = nbformat.read(NOTEBOOKS / f"{book}.ipynb", as_version=4)
        if part.get("only"):
            parts.append({"notebook": book, "heading": part["only"], "why": label})
        else:
            skip = list((nb.metadata.get("lesson", {}).get("short_route") or {}).get("skip", [])
                        if part.get("route") == "short" else [])
            skip += list(part.get("leave") or [])
            parts.append({"notebook": book, "heading": "", "leave": skip, "why": label})
    for n in spec.get("exercises") or []:
        parts.append({"notebook": spec["notebook"], "heading": f"## Exercise {int(n)}:", "why": label})
    return parts


def paper_parts(reading: str = DEFAULT_READING) -> dict[str, list[dict]]:
    """The parts of the lessons each meeting version's paper edition prints, by file stem ("series-3x120-1",
    "series-3x120-1-spanish"), in the order the meeting uses them: each a dict with ``notebook``, ``heading`` (the
    section's heading as it begins, "" for a whole notebook less the headings in ``leave``), ``why`` (the segment's
    topic, or "homework") and ``segment`` (the topic, "" for the homework). A meeting version with nothing to print is
    left out."""
    from tools import decks
    essay = load_essay(reading)
    out = {}
    for plan, meeting, rows, ctx in decks.meetings(reading, versions=True):
        version = rows.iloc[0].version
        sheets = _sheet_printed(essay, plan, version)
        parts = []
        for seg in rows.itertuples():
            if not seg.notebook or seg.paper or not seg.minutes:
                continue
            numbers = list(decks.EXERCISE_NAMED.findall(seg.activity)) + ([str(seg.exercise)] if seg.exercise else [])
            clues = list(getattr(seg, "clues", None) or [])
            for n in dict.fromkeys(int(x) for x in numbers):
                if (seg.notebook, n) not in sheets:
                    parts.append({"notebook": seg.notebook, "heading": f"## Exercise {n}:", "segment": seg.topic,
                                  **({"clues": clues} if clues and n == seg.exercise else {})})
            if seg.worked:
                book, title = (x.strip() for x in seg.worked.split(":", 1))
                parts.append({"notebook": book, "heading": f"## Exercise: {title}", "segment": seg.topic})
            if seg.projects_table:
                parts.append({"notebook": seg.notebook, "heading": f"## {seg.projects_table}", "segment": seg.topic})
        for p in _homework_parts(essay, _raw_homework(essay, plan, meeting, version), "homework"):
            parts.append(dict(p, segment=""))
        seen, unique = set(), []
        for p in parts:
            key = (p["notebook"], p["heading"])
            if key not in seen:
                seen.add(key)
                unique.append({**p, "why": p["segment"] or "homework"})
        if unique:
            out[decks.name_of(plan, meeting, rows)] = unique
    return out


def _cells(nb, part: dict) -> list:
    """The cells of a participant edition that a part prints."""
    if part["heading"]:
        found = _section(nb, part["heading"])
        if found is None:
            from helpers.errors import HelperError
            raise HelperError("sessions.yml", f"a paper edition prints {part['heading']!r} of {part['notebook']}, "
                              "which the lesson's participant edition does not have.",
                              "name an exercise or a section the lesson has.")
        return nb.cells[found[0]:found[1]]
    leave = {h.strip() for h in part.get("leave", [])}
    keep, skipping = [], None
    for cell in nb.cells:
        line = cell.source.lstrip().split("\n", 1)[0].strip() if cell.cell_type == "markdown" else ""
        level = len(line) - len(line.lstrip("#")) if line.startswith("#") else 0
        if skipping is not None and 0 < level <= skipping:
            skipping = None
        if skipping is None and line in leave:
            skipping = level
        if skipping is None:
            keep.append(cell)
    return keep


# On paper (issue #20, facilitator review 25): nothing is run, clicked, typed or pressed, and no code is printed. The
# sections of a lesson that only teach the screen are left out of a whole notebook's route on paper.
SCREEN_SECTIONS = ("## How to use a notebook", "## Finding a passage", "## More about using a notebook",
                   "## The whole essay, numbered", "## Where the data lives")
# a sentence that speaks to a screen: running, clicking, keys, cells, code (an inline code span with a call, a dot or
# a sign), JupyterLab's menus and buttons, the short route's jumps
SCREEN = re.compile(r"\b(?:runs?|running|re-run|click(?:s|ed)?|double-click|typed?|press(?:ing)?|toolbar|kernel|"
                    r"cells?|JupyterLab|menu|button|tab|download|upload|folded|unfold|jump(?:s|ed)?)\b|Shift \+ Enter|"
                    r"\bCtrl\b|\bCmd\b|\*\*Enter\*\*|▶|•••|▾|✎|File →|`[^`]*[(.=#/][^`]*`|\*Short route: skip",
                    re.I)
# pointers a printed page rewords: to cells (there are none on paper), to a line of code, to a part of a lesson that
# is not printed with it
PAPER_WORDS = {
    " (the cells below print them)": " (printed below)",
    " (the cell below prints them)": " (printed below)",
    "(the cell below prints it) ": "(printed below) ",
    "(The line `essay.show` prints above each paragraph gives its kind:": "(The line above each printed paragraph gives its kind:",
    " (the full route's *Where the data lives*, above, names the files)": "",
    "Then read each paragraph it finds: the cell under the table is ready for it; put the paragraph number in place of "
    "3 and run it.": "Then read each paragraph it lists, in the reader's edition.",
    "glossed in 04_people_places_terms": "glossed in notebook 04",
    " See `LICENSE`.": "",
    "The worked examples under this cell show": "The worked examples below show",
    ", where one cell finds any term and lists where it appears": "",
    "Full details are in `CITATION.cff`; cite": "Cite",
    "Two voices' source and language are left for you to find in Exercise 3.":
        "Two voices' source and language are left for an exercise of lesson 02 to find.",
}
# a lookup an exercise asks for on the screen ("change `election` to `shot dead` and run it"): on paper, printed done
CHANGE = re.compile(r"[^.]*\bchange `([^`]+)` to `([^`]+)` and run it[^.]*\.(?: \([^)]*\)\.?)?")
# a code cell whose number is a stand-in for the reader's own ("in place of 3"): nothing to print on paper
STAND_IN = re.compile(r"#.*\bin place of\b|#.*\bchange \d+ to\b", re.I)
# where a printed part points to a section of its lesson, the section printed before it (it says "above")
POINTS_TO = {"the table of objections above": "## Objections and replies"}
SENTENCE = re.compile(r"(?<=[a-z0-9)”\"*_`][.!?])\s+(?=[A-Z“\"*(_`])")
# a list item that is a link to open a lesson (00's "Open a notebook" list; the table above it says the same)
OPEN_LINK = re.compile(r"\s*(?:[-*+]|\d+\.)\s+\[[^\]]*\]\(\d\d_\w+\.ipynb[^)]*\)")
# a lesson's links to the lessons before and after it (tools.navigation): a page of paper has none
NAVIGATION = re.compile(r"^---\s*\n+\[(?:← Previous|Series map|Next)")
LINE_HEIGHT_EM = 1.75
LINES_AN_ANSWER = 3


def on_paper(source: str) -> str:
    """A lesson's Markdown as printed on paper: the rewordings of ``PAPER_WORDS``, each sentence that speaks to a screen
    (``SCREEN``) left out (a list item or paragraph with none left goes), and the inline code that is left (a column's
    name, a phrase to look for) in italics.

    Parameters: ``source`` a Markdown cell's text.
    Returns: the text for paper ("" when nothing is left).
    Example: ``on_paper("Read ¶3. Click the cell and press **Shift + Enter**.")`` gives ``"Read ¶3."``."""
    for screen, paper in PAPER_WORDS.items():
        source = source.replace(screen, paper)
    out = []
    for line in source.split("\n"):
        if OPEN_LINK.match(line):      # "open a notebook": a list of links to click, with nothing else to say
            continue
        stripped = line.lstrip()
        if not stripped or stripped.startswith(("#", "|", "<", ">")) or not SCREEN.search(line):
            out.append(line)
            continue
        lead = re.match(r"\s*(?:[-*+]|\d+\.)\s+", line)
        head, body = (line[:lead.end()], line[lead.end():]) if lead else ("", line)
        kept = [s for s in SENTENCE.split(body) if not SCREEN.search(s)]
        if kept:
            out.append(head + " ".join(kept))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    return re.sub(r"`([^`]+)`", r"*\1*", text)


def _answers(cells) -> int:
    """How many answers an exercise asks for, from its "Time for this exercise" line (1 when it does not say)."""
    for c in cells:
        m = re.search(r"\b(\d+) answers?\b", c.source) if c.cell_type == "markdown" else None
        if m:
            return int(m.group(1))
    return 1


def answer_block(label: str, lines: int) -> str:
    """An answer on paper, as HTML: its label (Markdown, "**Your answer:** …") and ``lines`` ruled lines under it, on
    one page (a label at a page's foot with its lines overleaf was Session 3's first print)."""
    from tools.handout import _md_inline
    paragraphs = "".join(f"<p>{_md_inline(p.strip())}</p>" for p in label.split("\n\n") if p.strip())
    return (f'<div class="keep-together" style="break-inside: avoid; page-break-inside: avoid;">{paragraphs}'
            f'{ruled_lines(lines)}</div>')


def ruled_lines(lines: int) -> str:
    """Lines to write on, as HTML: ``lines`` ruled lines (a few for each answer an exercise asks for), each drawn on
    its own (Chromium printed a repeating gradient's lines only part of the way down)."""
    line = f'<div style="height: {LINE_HEIGHT_EM}em; border-bottom: 1px solid #aaa;"></div>'
    return f'<div class="write-here">{line * lines}</div>'


def _looked_up(source: str, old: str, new: str):
    """A lookup cell's output with ``old`` changed to ``new`` (the change an exercise asks for on the screen), made
    now: the outputs of a code cell."""
    from helpers import display
    import helpers
    namespace = {"helpers": helpers, "essay": load_essay(), "display": display}
    code = "\n".join(line for line in source.split("\n") if not line.lstrip().startswith("#"))
    value = eval(code.replace(f'"{old}"', f'"{new}"'), namespace)  # noqa: S307 (the lesson's own one-line lookup)
    data = {"text/plain": repr(value)}
    if hasattr(value, "_repr_html_"):
        data["text/html"] = value._repr_html_()
    return [nbformat.v4.new_output("execute_result", data=data, execution_count=None)]


def paper_cells(cells) -> list:
    """A part's cells as printed on paper: Markdown through ``on_paper``, code cells without their code (their
    tables, paragraphs and figures stay; one with nothing to show, or a stand-in for the reader's own choice,
    goes), an exercise's lookup made as it asks, and its answer cell as ruled lines, a few for each answer."""
    out, change = [], None
    answers = _answers(cells)
    for cell in copy.deepcopy(list(cells)):
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "code":
            if not cell.get("outputs") or STAND_IN.search(cell.source):
                continue
            if change and f'"{change[0]}"' in cell.source:
                cell.outputs = _looked_up(cell.source, *change)
                change = None
            cell.metadata.setdefault("transient", {})["remove_source"] = True
            out.append(cell)
            continue
        if "answer" in tags or NAVIGATION.match(cell.source.lstrip()):   # the ✎ cell a screen writes in (the
            continue                                                     # lines are under its label); the links
        m = CHANGE.search(cell.source)
        if m:
            change = (m.group(1), m.group(2))
            cell.source = cell.source.replace(m.group(0), f" Printed below: where *{m.group(2)}* occurs.")
        cell.source = on_paper(cell.source)
        if "answer-label" in tags:
            label = cell.source if cell.source.startswith("**Your answer") else "**Your answer:** " + cell.source
            cell.source = answer_block(label, max(4, min(18, LINES_AN_ANSWER * answers)))
        if cell.source.strip():
            out.append(cell)
    return out


def _clue_cells(nb, part: dict) -> list:
    """A dating exercise as a meeting works it (sessions.yml, a segment's ``clues``): its heading, the room's clues
    with their ¶ and the outside dates they need (as on the slide and in the packet), and lines for each clue and the
    range; the exercise's other clues stay in the lesson."""
    from tools import decks
    found = _section(nb, part["heading"])
    heading = nb.cells[found[0]].source.lstrip().split("\n", 1)[0]
    ids = list(part["clues"])
    listed, context = decks.room_clues_html(load_essay(), ids)
    source = (f"{heading}\n\n*This meeting works {len(ids)} of the exercise's clues, with the outside date one of "
              "them needs.*\n\n" + listed + ("\n\n" + context if context else ""))
    answer = answer_block("**Your answer:** for each clue, what it implies and whether it sets a limit or only pulls "
                          "(two lines a clue); then your range.", 2 * len(ids) + LINES_AN_ANSWER)
    return [nbformat.v4.new_markdown_cell(source), nbformat.v4.new_markdown_cell(answer)]


def _what_for(part: dict, titles: dict) -> str:
    """The line over a part: which segment of the meeting it serves, or the homework, and from which lesson (by
    number and title, no file name)."""
    no = part["notebook"][:2]
    lesson = f"lesson {no}, {titles.get(no, no)}"
    if part["segment"]:
        return f"*On paper for this meeting's segment “{part['segment']}”, from {lesson}.*"
    return f"*Homework after this meeting, from {lesson}.*"


def paper_notebook(stem: str, parts: list[dict], reading: str = DEFAULT_READING) -> nbformat.NotebookNode:
    """One meeting version's paper edition as a notebook: a first cell saying what it is, then each part."""
    from helpers.lessons import NOTEBOOKS
    from tools import decks, editions
    titles = decks._short_titles()
    plan, meeting, version = re.fullmatch(r"(.+)-(\d+)(?:-([a-z]+))?", stem).groups()
    plans = decks.kit_plans(load_essay(reading))
    row = plans[(plans.plan == plan) & (plans.meeting == int(meeting))].iloc[0]
    books = {}
    cells = []
    printed = {(p["notebook"], p["heading"]) for p in parts}
    for part in parts:
        if part["notebook"] not in books:
            nb = nbformat.read(NOTEBOOKS / f"{part['notebook']}.ipynb", as_version=4)
            books[part["notebook"]] = editions.edition(nb, participant=True, note=False)
        nb = books[part["notebook"]]
        if part.get("clues"):
            picked = _clue_cells(nb, part)
        else:
            if not part["heading"]:      # a whole notebook's route, on paper: less the sections that teach the screen
                part = dict(part, leave=list(part.get("leave", [])) + list(SCREEN_SECTIONS))
            picked = paper_cells(_cells(nb, part))
            text = "\n".join(c.source for c in picked if c.cell_type == "markdown")
            for pointer, heading in POINTS_TO.items():      # the section it points to, printed before it
                if pointer in text and (part["notebook"], heading) not in printed:
                    printed.add((part["notebook"], heading))
                    picked = paper_cells(_cells(nb, {"notebook": part["notebook"], "heading": heading})) + picked
        printed.add((part["notebook"], part["heading"]))
        for c in picked:
            if c.cell_type == "markdown":     # a notebook's own first step (Shift + Enter): this page says its own
                c.source = editions.FIRST_STEP_RE.sub("", c.source)
                if not part["heading"]:      # a whole notebook's route: its title one level down, under this page's
                    c.source = re.sub(r"(?m)^# ", "## ", c.source)
        cells.append(nbformat.v4.new_markdown_cell(_what_for(part, titles)))
        cells += picked
    room = " (the version for a room with Spanish readers)" if version else ""
    lead = (f"# {row.meeting_title} on paper{room}\n\n"
            f"{row.plan_title}. For anyone without a computer: the parts of the lessons this meeting works on the "
            "screens, and its homework, cut from the participant editions (no worked solutions). "
            + (f'<span lang="es">{row.meeting_title_es}, en papel: para quien no tiene computadora, las partes de '
               "las lecciones que la reunión trabaja en pantalla y la tarea, sin las soluciones (en inglés).</span>"
               if version else "")
            + "\n\n**On paper:** read down the page. The tables and paragraphs are printed from the lessons; write "
              "your answers on the lines under each exercise, and point to the essay by its ¶ numbers in the reader's "
              "edition.\n\n"
            + "".join(f"- {_what_for(p, titles).strip('*')}\n" for p in parts))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(lead)] + cells)
    nb.metadata = copy.deepcopy(next(iter(books.values())).metadata) if books else nbformat.NotebookNode()
    return nb


def paper_editions(out: Path, reading: str = DEFAULT_READING) -> dict[str, str]:
    """Each meeting version's paper edition as a printable page, by file name (paper-<stem>.html), linked like the
    printed lessons in out/facilitator."""
    from helpers.edition import mark_languages
    from tools import editions
    pages = {}
    for stem, parts in paper_parts(reading).items():
        nb = paper_notebook(stem, parts, reading)
        page = mark_languages(editions.inject_print_css(editions._html(editions.for_print(nb), "offline_lab")))
        pages[f"{PREFIX}{stem}.html"] = page
    return pages


def without_dangling_anchors(page: str) -> str:
    """A link to a place on the same page that the paper edition cut (a lesson's "Key points" below) keeps its words
    and loses its link."""
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    return re.sub(r'<a\s[^>]*?href="#([^"]*)"[^>]*>(.*?)</a>',
                  lambda m: m.group(0) if html.unescape(m.group(1)) in ids or m.group(1) in ids else m.group(2),
                  page, flags=re.S)


def build(out: Path, reading: str = DEFAULT_READING) -> list[Path]:
    """Write the paper editions into out/facilitator; return the files."""
    from tools import editions
    folder = out / "facilitator"
    folder.mkdir(parents=True, exist_ok=True)
    reader = out / "reader" / "essay.html"
    written = []
    for name, page in paper_editions(out, reading).items():
        path = folder / name
        page = editions.link_the_html_pages(without_dangling_anchors(page), folder)
        path.write_text(editions.link_the_reader_edition(page, path, reader, reading), encoding="utf-8")
        written.append(path)
    return written
