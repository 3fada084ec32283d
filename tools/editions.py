"""Build the workshop editions from the committed notebooks: ``python -m tools.editions [--out build]``.

- participant/   notebooks and printable HTML without solution and facilitator cells (exercises kept);
- facilitator/   notebooks and printable HTML with everything;
- slides/        reveal.js slides, one deck per notebook, with reveal.js copied beside them (no CDN);
- reader/        the essay as printable HTML, with ¶ numbers in the margin and section headings (the page
                 ``helpers.reader_edition()`` writes for a learner, on US Letter);
- participant/handout.html   content note, group agreements, setup page, pre-reading and discussion
                 questions, in English and Spanish; participant/cards.html the who-said-it cards (no
                 answers) and facilitator/cards-answers.html the answers, on their own pages;
- slides/<plan>-<n>.slides.html, facilitator/run-sheet-<plan>-<n>.html and facilitator/checklist-<plan>-<n>.html:
                 a deck, a one-page run sheet and a day-of checklist per meeting (tools/decks.py);
- participant/packet.html (agendas, handout, the argument on one page), participant/summary.html (that page on
                 its own), participant/glossary.html and participant/setup.html (tools/packet.py);
- every .html page is also printed to .pdf beside it with headless Chromium (``--no-pdf`` to skip).

Everything goes to the build folder, which git ignores: nothing is written over anyone's work. The HTML
and the slides reference no remote URL, so they work at a venue with no network.
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from helpers import edition as reader_edition
from helpers.edition import mark_languages
from helpers.errors import HelperError
from helpers.essay import DEFAULT_READING, PROJECT, load_essay
from helpers.lessons import for_facilitators
from tools.launch import BADGE_RE, notebooks, settings

BUILD = PROJECT / "build"
from tools.pages import PRINT_CSS, TEMPLATES, _html, _page, page_title  # noqa: F401 (used here and by tests)
from tools.handout import _md_inline, _pair, address_block, handout_html, setup_parts  # noqa: F401 (and by tests)
DROP_FOR_PARTICIPANTS = {"solution", "facilitator"}
# notebooks for the facilitator only (``"audience": "facilitators"`` in their lesson metadata): no participant
# edition (they hold the safety notes and the card answers)
FACILITATOR_ONLY = {p.stem for p in notebooks() if for_facilitators(json.loads(p.read_text(encoding="utf-8")))}
# reveal.js files the slides need, copied from the reveal.js distribution that sphinx-revealjs ships
REVEAL_FILES = ["LICENSE", "dist/reveal.js", "dist/reveal.css", "dist/reset.css", "dist/theme/white.css",
                "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js"]


# One print style for every page: US Letter (on A4 paper, print with "fit to page"), margins, page numbers at the foot,
# tables that wrap instead of being clipped, nothing split that should stay whole.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER_PATHS = ("/usr/bin/chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                 "/Applications/Chromium.app/Contents/MacOS/Chromium",
                 "C:/Program Files/Google/Chrome/Application/chrome.exe")


def chromium() -> str:
    """The browser that prints the PDFs: the one named by the CHROMIUM environment variable, else Debian's chromium
    (the one the browser tests drive), else Google Chrome where it is usually installed (it prints the same way)."""
    named = os.environ.get("CHROMIUM", "").strip()
    if named:
        if shutil.which(named) or Path(named).is_file():
            return shutil.which(named) or named
        raise HelperError("CHROMIUM", f"names {named!r}, which is not a program on this computer.",
                          "give the full path of Chromium or Google Chrome, or unset CHROMIUM to let the build look "
                          "for one.")
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    for path in BROWSER_PATHS:
        if Path(path).exists():
            return path
    raise HelperError("chromium", "was not found, so the handouts cannot be printed to PDF.",
                      "install Chromium or Google Chrome (Debian/Ubuntu: `apt-get install chromium`; macOS and "
                      "Windows: Google Chrome, from google.com/chrome) and run the build again; if it is installed "
                      "somewhere else, give its path: `CHROMIUM=/path/to/chrome make handouts`. Or build without "
                      "PDFs (`python -m tools.editions --no-pdf`) and print the .html pages from a browser.")


def print_pdf(page: Path, pdf: Path | None = None, timeout: int = 120) -> Path:
    """Print one HTML page to PDF with headless Chromium in a fresh, throw-away profile."""
    pdf = pdf or page.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
               page.resolve().as_uri()]
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout)
        except subprocess.TimeoutExpired:
            raise HelperError(page, f"took more than {timeout} seconds to print to PDF.",
                              "close other Chromium windows and run again; print the .html from a browser.") from None
    if result.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        last = (result.stderr or "").strip().splitlines()[-1:] or ["no message"]
        raise HelperError(page, f"could not be printed to PDF (Chromium said: {last[0]}).",
                          "check that `chromium --version` runs; or build with --no-pdf and print from a browser.")
    return pdf


class Printer:
    """One headless Chromium, driven by Playwright, that prints every page of a build to PDF (``print_pdf``'s output,
    page for page: the same print engine, the CSS @page size and margins, no header or footer), instead of a
    browser started for each page. Use as a context manager; ``printer(page)`` prints one page, like ``print_pdf``.
    Without Playwright (a learner's environment), ``printers()`` falls back to ``print_pdf``."""

    def __init__(self, timeout: int = 120):
        self.timeout = timeout

    def __enter__(self):
        from playwright.sync_api import sync_playwright
        self._playwright = sync_playwright().start()
        flags = [f for f in CHROMIUM_FLAGS if f not in ("--headless", "--no-pdf-header-footer")]
        self._browser = self._playwright.chromium.launch(executable_path=chromium(), args=flags, headless=True)
        self._page = self._browser.new_page()
        return self

    def __exit__(self, *exc):
        self._browser.close()
        self._playwright.stop()

    def __call__(self, page: Path, pdf: Path | None = None) -> Path:
        pdf = pdf or page.with_suffix(".pdf")
        try:
            self._page.goto(page.resolve().as_uri(), wait_until="load", timeout=self.timeout * 1000)
            self._page.pdf(path=str(pdf), prefer_css_page_size=True, display_header_footer=False)
        except Exception as exc:  # noqa: BLE001 (Playwright's errors: said in a sentence, not a traceback)
            raise HelperError(page, f"could not be printed to PDF (Chromium said: {str(exc).splitlines()[0]}).",
                              "check that `chromium --version` runs; or build with --no-pdf and print from a "
                              "browser.") from None
        return pdf


def tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def edition(nb: nbformat.NotebookNode, participant: bool, note: bool = True) -> nbformat.NotebookNode:
    """A copy of the notebook for one audience; Binder badges become plain links (no remote image).

    The participant edition drops solution and facilitator cells; ``note`` adds a line saying which edition it is.
    """
    nb = copy.deepcopy(nb)
    if participant:
        nb.cells = [c for c in nb.cells if not tags(c) & DROP_FOR_PARTICIPANTS]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = BADGE_RE.sub(lambda m: f"[Open on Binder]({m.group().rsplit('](', 1)[1][:-1]})", cell.source)
            if participant:
                cell.source = without_solutions(without_facilitator_links(cell.source), nb)
    if participant:
        participant_series_table(nb)
    first = nb.cells[0]
    label = ("Participant edition: worked solutions and facilitator notes are left out."
             if participant else "Facilitator edition: includes worked solutions and facilitator notes.")
    if note and re.search(r"(?m)^# ", first.source):
        first.source = re.sub(r"(?m)^# ", f"<div class=\"edition-note\">{label}</div>\n\n# ", first.source, count=1)
    return nb


_ONLY = "|".join(re.escape(n) for n in sorted(FACILITATOR_ONLY))
FACILITATOR_LINK = re.compile(rf"\[([^\]]*)\]\((?:{_ONLY})\.(?:ipynb|html)(?:#[^)]*)?\)")


def without_facilitator_links(source: str) -> str:
    """Markdown for the participant edition, which has no facilitator guide to open: a list item or a
    "previous | series map | next" part that links to it is left out, any other such link keeps only its words."""
    lines = [line for line in source.split("\n")
             if not (re.match(r"\s*(?:[-*]|\d+\.)\s", line) and FACILITATOR_LINK.search(line))]
    text = re.sub(rf"\s*\|\s*{FACILITATOR_LINK.pattern}", "", "\n".join(lines))
    return FACILITATOR_LINK.sub(r"\1", text)


# What the notebooks say of their worked solutions, which the participant edition leaves out (learner review: the
# edition said it had none, then told the reader how to open them): each pattern, and what it becomes there
WITHOUT_SOLUTIONS = [
    # 00's first steps are a numbered list (learner review 23): there the step stays, without its solution
    (r"(?m)^(\d+\. At an exercise, write your answer, then press \*\*Ctrl \+ Enter\*\*): the worked solution "
     r"below it stays folded until you click to open it\.$", r"\1."),
    (r" At an exercise, write your answer, then press \*\*Ctrl \+ Enter\*\*: the worked solution "
     r"below it stays folded until you click to open it\.", ""),
    (r"(?m)^- \*\*Worked solutions\*\*.*(?:\n(?![-*] |\n).+)*\n?", ""),
    (r", so the worked solution below stays folded until you open it\.", "."),
    (r" ?Stop here and write before you go on: the worked solution below stays folded until you click to open it\.",
     ""),
    (r", and its worked solution lists them\)", ")"),
    (r" \(their worked solutions show them\)", ""),
    (r"The worked solution below says what each counts from and stops there: when ([^.]*)\.", r"When \1."),
    # the short route's line under an exercise it asks in part (helpers.lessons.route_ask_line)
    (r" The worked solution still answers the whole exercise\.\*", "*"),
]
TIME_LINE_RE = re.compile(r"\*\*Time:\*\* about \d+ minutes in all:[^\n]*")


def without_solutions(source: str, nb: nbformat.NotebookNode) -> str:
    """Markdown for the participant edition, which has no worked solutions: what the notebook says of them is left
    out (``WITHOUT_SOLUTIONS``), and its time line counts no time for reading them."""
    for pattern, replacement in WITHOUT_SOLUTIONS:
        source = re.sub(pattern, replacement, source)
    title = nb.metadata.get("lesson", {}).get("title")
    if TIME_LINE_RE.search(source) and title:
        from helpers.lessons import time_line
        row = participant_lessons().set_index("title").loc[title].to_dict()
        source = TIME_LINE_RE.sub(lambda m: time_line(row), source)
        source = _participant_route(source, nb, row)
    return source


def _participant_route(source: str, nb: nbformat.NotebookNode, row: dict) -> str:
    """The opening's short-route line (helpers.lessons.route_line), counted as the participant edition counts: no
    time for worked solutions (session 20)."""
    from helpers.essay import load_essay
    from helpers.lessons import ROUTE_LINE_RE, _nearest_five, opening_route_line, short_route_row
    if not ROUTE_LINE_RE.search(source):
        return source
    core = short_route_row(nb, "participant edition", load_essay())
    if core is None:
        return source
    core["total_min"] = _nearest_five(core["reading_min"] + core["mechanics_min"] + core["notebook_min"]
                                      + core["exercises_min"] + core["discussion_min"])
    return ROUTE_LINE_RE.sub(lambda m: opening_route_line(nb, core, row), source)


def participant_lessons():
    """The lessons as the participant edition counts them: no facilitator notebook, no time for worked solutions."""
    import helpers
    return helpers.lessons(learners=True, solutions=False)


def participant_series_table(nb: nbformat.NotebookNode) -> None:
    """00's table and map of the series, in the participant edition, show the participant edition's times."""
    import helpers
    from tools.navigation import series_map_markdown
    for cell in nb.cells:
        if cell.get("id") == "series-map":
            cell.source = series_map_markdown(participant_lessons())
        if cell.cell_type == "code" and "series" in tags(cell) and "helpers.lessons(learners=True)" in cell.source:
            shown = helpers.table(participant_lessons(), columns=["title", "read", "total_min"],
                                  rename={"read": "read in the essay", "total_min": "minutes"})
            for out in cell.outputs:
                if out.get("output_type") == "execute_result":
                    out["data"] = {"text/html": shown._repr_html_(), "text/plain": repr(shown)}


FIRST_STEP_RE = re.compile(r"(?m)^\*\*What to do first:\*\*.*$(?:\n\d+\. .*$)*")   # 00's is a numbered list
PAPER_FIRST_STEP = ("<strong>On paper:</strong> read down the page; the tables, figures and lines of results are what "
                    "the notebook printed when it was run, so there is nothing to run. Write your answers beside the "
                    "exercises, and point to the essay by its ¶ numbers in the reader's edition.")


def for_print(nb: nbformat.NotebookNode, code: bool = True) -> nbformat.NotebookNode:
    """The HTML/PDF copy of an edition: its first cell's "What to do first" (Shift + Enter) shows on screen only,
    and a printed page says instead how to read it on paper. Without ``code`` (the facilitator guide, read as a page:
    its code builds tables from the data and teaches nothing), no cell's code is shown, only what it shows
    (facilitator review 22: the safety section, where the preparation route points, opened on a Python cell)."""
    nb = copy.deepcopy(nb)
    if not code:
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.metadata.setdefault("transient", {})["remove_source"] = True
    first = nb.cells[0]

    def swap(m: re.Match) -> str:
        screen = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', _md_inline(m.group()))
        return f'<div class="screen-only"><p>{screen}</p></div>\n<div class="print-only"><p>{PAPER_FIRST_STEP}</p></div>'
    first.source = FIRST_STEP_RE.sub(swap, first.source, count=1)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = ON_SCREEN_ONLY.sub(_on_paper, cell.source)
    return nb


# what only makes sense on a screen: the how-to over an answer cell (click, Enter, Ctrl + Enter) and its "Write here" line, "click the
# button" over a solution
ON_SCREEN_ONLY = re.compile(r"^(?:\*\*Your answer:\*\*.*(?:double-click|Ctrl \+ Enter).*|✎ \*Write here\.\*|\*Folded\.\*.*)$", re.M | re.I)


def _on_paper(m: re.Match) -> str:
    """A screen-only line of a printed lesson: kept for the screen; on paper an answer cell becomes lines to write
    on, and the folded solution's "click the button" is left out (the printed edition shows the solution)."""
    screen = f'<div class="screen-only"><p>{_md_inline(m.group())}</p></div>'
    if m.group().startswith("**Your answer"):
        return (screen + '\n<div class="print-only"><p><strong>Your answer</strong> (write here, with ¶ numbers):</p>'
                + '<div class="write-here" style="height: 7em; border-bottom: 1px solid #999; '
                  'background: repeating-linear-gradient(transparent 0 1.7em, #bbb 1.7em 1.75em);"></div></div>')
    return screen


# Slides: 16:9 at 1280×720. Every visible cell becomes its own slide, and anything taller than a slide is
# split: Markdown by paragraphs, printed text by lines, tables by rows (with "rows a–b of n" under each part).
SLIDE_W, SLIDE_H = 1280, 720
SLIDE_LINES = 15          # lines of body text a slide holds at the slides' font size
SLIDE_CHARS = 95          # characters per line across the slide


def _lines(text: str, width: int = SLIDE_CHARS) -> int:
    return sum(max(1, -(-len(line) // width)) for line in text.split("\n"))


def _chunks(items: list, cost, budget: int = SLIDE_LINES) -> list[list]:
    """Consecutive groups of items whose cost stays within the budget (an item over budget goes alone)."""
    groups, current, used = [], [], 0
    for item in items:
        c = cost(item)
        if current and used + c > budget:
            groups.append(current)
            current, used = [], 0
        current.append(item)
        used += c
    return groups + ([current] if current else [])


LIST_ITEM = re.compile(r"(?m)^(?=(?:[-*]|\d+\.) )")


def _split_markdown(source: str) -> list[str]:
    blocks = []
    for b in (b for b in re.split(r"\n\s*\n", source) if b.strip()):
        # a long list is split between its items (a slide may end after any item, never inside one)
        items = [i for i in LIST_ITEM.split(b) if i.strip()]
        blocks += [i.rstrip("\n") for i in items] if len(items) > 1 and _lines(b) > SLIDE_LINES // 2 else [b]
    def cost(b):
        # a list item carries its bullet indent (narrower lines) and the space between items
        item = bool(LIST_ITEM.match(b))
        return _lines(b, SLIDE_CHARS - 6 if item else SLIDE_CHARS) + (1 if b.lstrip().startswith("#") else 0) + (0.5 if item else 1)
    return ["\n" .join(g) if all(LIST_ITEM.match(x) for x in g) else "\n\n".join(g) for g in _chunks(blocks, cost)]


TABLE_RE = re.compile(r'<table[^>]*>\s*<thead>(.*?)</thead>\s*<tbody>(.*?)</tbody>\s*</table>', re.S)


def _split_table(markup: str) -> list[str]:
    m = TABLE_RE.search(markup)
    if not m:
        return [markup]
    head, body = m.groups()
    head = re.sub(r"<tr[^>]*>\s*<th[^>]*>\s*</th>", "<tr>", head) if "dataframe" in markup else head  # no index
    rows = re.findall(r"<tr[^>]*>.*?</tr>", body, re.S)
    if "dataframe" in markup:          # a raw pandas table: drop the row numbers (index cells)
        rows = [re.sub(r"<th[^>]*>.*?</th>", "", r, count=1, flags=re.S) for r in rows]
    def texts(row):
        return [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td.*?</td>", row, re.S)]
    # the browser gives a column of long text more room: share the line (table text is smaller than body
    # text) in proportion to each column's average length, at least 8 characters a column
    table_chars = SLIDE_CHARS * 1.2      # table text is 0.8 of body text (tools/templates/offline_reveal)
    lengths = [texts(r) for r in rows]
    columns = max([1] + [len(c) for c in lengths])
    average = [max(4.0, sum(len(c[i]) for c in lengths if i < len(c)) / max(len(lengths), 1)) for i in range(columns)]
    widths = [max(8.0, table_chars * a / sum(average)) for a in average]
    def cost(row):
        return 0.4 + max([1] + [-(-len(c) // int(w)) for c, w in zip(texts(row), widths)])
    groups = _chunks(rows, cost, budget=SLIDE_LINES + 5)
    # a long identifier (04_people_places_terms) may break after an underscore, never inside a word
    rows = [re.sub(r"(<td[^>]*>)(.*?)(</td>)", lambda m: m.group(1) + re.sub(r"_(?![^<]*>)", "_<wbr>", m.group(2)) + m.group(3),
                   r, flags=re.S) for r in rows]
    groups = [rows[sum(map(len, groups[:k])):sum(map(len, groups[:k + 1]))] for k in range(len(groups))]
    parts, first = [], 1
    for g in groups:
        last = first + len(g) - 1
        caption = f"<p class=\"rows-note\">rows {first}–{last} of {len(rows)}</p>" if len(groups) > 1 else ""
        parts.append(f'<table class="reader-table"><thead>{head}</thead><tbody>{"".join(g)}</tbody></table>{caption}')
        first = last + 1
    return parts


def _split_output(out) -> list:
    """One output as one or more outputs, each fitting a slide."""
    if out.output_type == "stream":
        # printed text is split between its paragraphs (blank lines), so a question or a passage stays whole on
        # its slide; a paragraph longer than a slide is split between its lines
        paragraphs = [p.split("\n") for p in re.split(r"\n[ \t]*\n", out.text.strip("\n"))]
        units = [u for p in paragraphs for u in _chunks(p, lambda line: _lines(line, 110), budget=SLIDE_LINES)]
        groups = _chunks(units, lambda u: sum(_lines(x, 110) for x in u) + 1, budget=SLIDE_LINES + 2)
        return [nbformat.v4.new_output("stream", name=out.name,
                                       text="\n\n".join("\n".join(u) for u in g) + "\n") for g in groups]
    data = out.get("data", {})
    if 'class="reader-passage"' in str(data.get("text/html", "")):
        # typeset text (helpers.display.Passage) is split like printed text, and each part typeset again
        from helpers.display import Passage
        parts = _split_output(nbformat.v4.new_output("stream", name="stdout", text=data.get("text/plain", "") + "\n"))
        return [nbformat.v4.new_output("display_data", data={"text/plain": p.text.rstrip("\n"),
                                                             "text/html": Passage(p.text.rstrip("\n"), None)._repr_html_()})
                for p in parts]
    if "image/png" in data or "image/svg+xml" in data:
        return [out]
    if "text/html" in data and TABLE_RE.search(data["text/html"]):
        return [nbformat.v4.new_output("display_data", data={"text/html": part}) for part in _split_table(data["text/html"])]
    if "text/markdown" in data:
        return [nbformat.v4.new_output("display_data", data={"text/markdown": part})
                for part in _split_markdown(data["text/markdown"])]
    if "text/html" in data:
        return [out]
    if "text/plain" in data:
        return [nbformat.v4.new_output("display_data", data={"text/plain": "\n".join(g)})
                for g in _chunks(data["text/plain"].split("\n"), lambda line: _lines(line, 110), SLIDE_LINES + 3)]
    return [out]


def speaker_notes(name: str, reading: str = DEFAULT_READING) -> str:
    """The facilitator notes of one notebook (facilitation.yml) as Markdown for the speaker-notes window."""
    from helpers import workshop
    note = workshop.load_notes(load_essay(reading)).get(name)
    if not note:
        return ""
    lines = ["**For the facilitator**", "", "*Activities:*"] + [f"- {a}" for a in note["activities"]]
    lines += ["", "*Where people get stuck:*"] + [f"- {s}" for s in note["stumbling_points"]]
    return "\n".join(lines + ["", f"*Without computers:* {note['without_computers']}"])


def slides_edition(nb: nbformat.NotebookNode, name: str = "") -> nbformat.NotebookNode:
    """The notebook laid out as slides that fit 1280×720: solutions and skipped cells out, facilitator cells
    as speaker notes, every visible cell a slide of its own, and anything too tall split over several."""
    nb = edition(nb, participant=False, note=False)
    cells = []
    def slide(cell, source=None, outputs=None):
        new = copy.deepcopy(cell)
        if source is not None:
            new.source = source
        if outputs is not None:
            new.outputs = outputs
        new.metadata["slideshow"] = {"slide_type": "slide"}
        new["id"] = f"slide-{len(cells)}"      # a split cell needs ids of its own
        cells.append(new)
    for cell in nb.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "")
        if {"solution", "answer", "answer-label"} & set(tags(cell)) or kind == "skip":
            continue
        if kind == "notes" or "facilitator" in tags(cell):
            note = copy.deepcopy(cell)
            note.metadata["slideshow"] = {"slide_type": "notes"}
            note["id"] = f"slide-{len(cells)}"
            cells.append(note)
            continue
        if cell.cell_type == "markdown":
            for part in _split_markdown(cell.source):
                slide(cell, source=part)
        elif cell.cell_type == "code":
            for out in cell.get("outputs", []):
                if out.output_type == "error":
                    continue
                for part in _split_output(out):
                    slide(cell, outputs=[part])
    notes = speaker_notes(name) if name else ""
    if notes and cells:          # the notebook's facilitator notes go with its first slide (press S)
        note = nbformat.v4.new_markdown_cell(notes)
        note.metadata["slideshow"] = {"slide_type": "notes"}
        note["id"] = "slide-notes"
        cells.insert(1, note)
    nb.cells = cells
    return nb


def agreements_notebook(reading: str = DEFAULT_READING) -> nbformat.NotebookNode:
    """A small participant deck to project at the start of every meeting: the content note and the group
    agreements, English beside Spanish, from facilitation.yml (no facilitator notes)."""
    from helpers import workshop
    h = workshop.load_handout(load_essay(reading))
    # the content note as it is read aloud (no ¶ numbers; its ¶ list is in the packet), a language per slide and each
    # over as many slides as its words need, in the session decks' type (review17: the whole note on one slide, in
    # about 16 px italic, could not be read when projected)
    from tools.decks import SLIDE_WORDS, in_parts
    cells = []
    for lang, heading in (("en", "Content note"), ("es", "Aviso sobre el contenido")):
        parts = in_parts(h["content_note_spoken"][lang], SLIDE_WORDS - 8)
        for n, part in enumerate(parts, start=1):
            count = f" ({n}/{len(parts)})" if len(parts) > 1 else ""
            cells.append(nbformat.v4.new_markdown_cell(
                f'## {heading}{count}\n\n<div class="note-slide" lang="{lang}"><p lang="{lang}"'
                + (' class="es"' if lang == "es" else "") + f">{html.escape(part, quote=False)}</p></div>"))
    agreements = h["agreements"]
    for start in range(0, len(agreements), 2):      # two agreements a slide: they fill it, and none is left alone
        lines = ["## Group agreements · Acuerdos del grupo", ""]
        for n, a in enumerate(agreements[start:start + 2], start=start + 1):
            lines += [f"{n}. {a['en']}  ", f"   *{a['es']}*", ""]
        if len(_split_markdown("\n".join(lines))) > 1:
            which = " and ".join(str(n) for n in range(start + 1, min(start + 2, len(agreements)) + 1))
            raise HelperError("facilitation.yml", f"group agreement{'s' if ' and ' in which else ''} {which} "
                              "do not fit on one slide of the agreements deck.",
                              "shorten one of them (in English or in Spanish), then run `make handouts` again.")
        cells.append(nbformat.v4.new_markdown_cell("\n".join(lines)))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def agreements_deck(reading: str = DEFAULT_READING) -> str:
    """The agreements deck's page, in the session decks' type (tools.decks.DECK_CSS: review17 measured its content
    note at about 16 px, too small to project)."""
    from helpers.edition import mark_languages
    from tools.decks import DECK_CSS
    page = _html(slides_edition(agreements_notebook(reading)), "offline_reveal", exclude_input=True,
                 exclude_input_prompt=True, exclude_output_prompt=True, reveal_url_prefix="reveal.js")
    return mark_languages(page.replace("</head>", DECK_CSS + "</head>", 1))


def link_the_html_pages(page_html: str, folder: Path) -> str:
    """On a web page, a link to another notebook goes to that notebook's page beside it (X.html), not to the
    notebook file, which a browser shows as raw text or downloads."""
    def repoint(m):
        stem, anchor = m.group(2), m.group(3) or ""
        return f'{m.group(1)}{stem}.html{anchor}"' if (folder / f"{stem}.html").exists() or \
            (folder / f"{stem}.ipynb").exists() else m.group(0)
    return re.sub(r'(<a\s[^>]*?href=")([0-9][0-9]_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"', repoint, page_html)


def link_the_deck(page_html: str, out: Path) -> str:
    """On a notebook's own deck (in ``out``/slides), a link to a notebook goes to its web page in the build: the
    participant edition when there is one (the room may see it), else the facilitator's; a link to a notebook that
    has neither stays as it is."""
    def repoint(m):
        stem, anchor = m.group(2), m.group(3) or ""
        for audience in ("participant", "facilitator"):
            if (out / audience / f"{stem}.html").exists():
                return f'{m.group(1)}../{audience}/{stem}.html{anchor}"'
        return m.group(0)
    return re.sub(r'(<a\s[^>]*?href=")([0-9][0-9]_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"', repoint, page_html)


def link_the_reader_edition(page_html: str, page: Path, reader: Path, reading: str = DEFAULT_READING) -> str:
    """On a printed lesson, the link to the reader's edition that notebook 00 saves beside itself
    (``helpers.reader_edition()``) goes to the reader's edition built with the handouts (``reader``)."""
    saved = f"{load_essay(reading).reading}-reader.html"
    target = Path(os.path.relpath(reader, page.parent)).as_posix()
    return page_html.replace(f'href="{saved}"', f'href="{target}"')


def reveal_source() -> Path:
    spec = importlib.util.find_spec("sphinx_revealjs")
    if spec is None or not spec.submodule_search_locations:
        raise HelperError("sphinx-revealjs", "is not installed, so reveal.js is missing for the slides.",
                          "run `make handouts` (it installs what is missing) or `pip install -r requirements.txt`.")
    return Path(list(spec.submodule_search_locations)[0]) / "_static" / "revealjs"


def copy_reveal(dest: Path) -> None:
    src = reveal_source()
    for rel in REVEAL_FILES:
        s, d = src / rel, dest / "reveal.js" / rel
        d.parent.mkdir(parents=True, exist_ok=True)
        if s.is_dir():
            shutil.copytree(s, d, dirs_exist_ok=True)
        else:
            shutil.copy2(s, d)


def reader_html(reading: str = DEFAULT_READING) -> str:
    """The reader's edition as the handouts print it: the learner's own page (helpers.reader_edition), on US
    Letter like every other handout."""
    return reader_edition.reader_html(reading, extra_css="@page { size: letter; }")


def _pilcrow(where) -> str:
    """"¶1" for a paragraph given as 1 or as "¶1" (never "¶¶1")."""
    return ", ".join(p if p.startswith("¶") else f"¶{p}" for p in (s.strip() for s in str(where).split(",")))


def cards_html(answers: bool, reading: str = DEFAULT_READING, spanish: bool = False) -> str:
    """Who said it? One box per card, never split across pages, no speaker; or (answers=True) the key. With
    ``spanish`` (the cards of the versions for Spanish readers, native Spanish review 23), each card's English
    quotation is followed by the kit's own Spanish (cards_es.yml), in [brackets], marked as this material's
    translation, one card to the page's width so the longest cards (Marx's, Fuentes's) fit in one box."""
    from helpers.quotations import load_cards_es, load_quotations, who_said_it_cards
    essay = load_essay(reading)
    cards = who_said_it_cards(load_quotations(essay))
    rendered = load_cards_es(essay) if spanish else {}
    if answers:
        # in English and Spanish: one sheet for every room, handed to each pair (native Spanish review 25: it was
        # English only in the room with Spanish readers)
        from helpers.quotations import load_cards_who_es
        who_es = load_cards_who_es(essay)
        rows = "".join(f"<tr><td>{c.card}</td><td>{html.escape(c.speaker)}"
                       + (f' · <span lang="es">{html.escape(who_es[c.id])}</span>' if who_es[c.id] != c.speaker else "")
                       + f"</td><td>{html.escape(_pilcrow(c.paragraph))}</td></tr>"
                       for c in cards.itertuples())
        body = ('<h1>Who said it? Answers (facilitator) · <span lang="es">¿Quién lo dijo? Respuestas</span></h1>'
                '<p>Hand these out only after the pairs have guessed. <span lang="es">Repártalas solo cuando las '
                "parejas hayan terminado de adivinar.</span></p>"
                '<table><tr><th>Card · <span lang="es">Tarjeta</span></th><th>Who · <span lang="es">Quién</span></th>'
                f'<th>Where · <span lang="es">Dónde</span></th></tr>{rows}</table>')
        return _page("Who said it? Answers", body)
    from tools.handout import _pair
    boxes = "".join(f'<div class="card"><div class="no">Card {c.card} · <span lang="es">Tarjeta {c.card}</span></div>'
                    f'<p>“{html.escape(c.quotation)}”</p>'
                    + ((f'<p class="es" lang="es">[<em>en español en el ensayo</em>]</p>'
                        if " ".join(c.quotation.split()) == rendered[c.id] else
                        f'<p class="es" lang="es">[<em>Traducción de este material, hecha del inglés del ensayo:</em> '
                        f'{html.escape(rendered[c.id])}]</p>')
                       if spanish else "") + "</div>" for c in cards.itertuples())
    # two columns that each card fills to its own length, never split (review13: a grid of equal rows printed four
    # pages per pair, a two-word card in a box the height of the longest); a box is at least tall enough to cut
    style = """.cards { column-count: 2; column-gap: 7mm; }
.card { border: 1.5px dashed #555; padding: 0.5em 0.7em; min-height: 2.5cm; font-size: 11pt; line-height: 1.3;
        break-inside: avoid; margin: 0 0 5mm; box-sizing: border-box; }
.card p { margin: 0.3em 0 0; }
.card .no { font-weight: bold; font-size: 0.85em; color: #444; }
.card .es { font-size: 0.95em; }"""
    if spanish:     # a whole width: Fuentes's card with its Spanish would overflow a column's height
        style += "\n.cards { column-count: 1; }"
    quoted = ("The quotations are in English, as the essay prints them, each with this material's Spanish "
              "translation under it.", "Las citas están en inglés, tal como aparecen en el ensayo, y debajo de cada "
              "una, entre corchetes, la traducción de este material.") if spanish else (
              "The quotations are in English, as the essay prints them.", "Las citas están en inglés, tal como "
              "aparecen en el ensayo: pidan que se las lean en voz alta o se las expliquen.")
    body = ('<h1>Who said it? · <span lang="es">¿Quién lo dijo?</span></h1>'
            + _pair({"en": "Cut along the dashed lines. In pairs: who said it, and what makes you think so? The answers "
                           "are on a separate sheet (Who said it? Answers), one for each pair, handed out after the guessing. "
                           + quoted[0],
                     "es": "Corten por las líneas punteadas. En parejas: ¿quién lo dijo y qué les hace pensarlo? Las "
                           "respuestas están en una hoja aparte, una por pareja, que se reparte después de adivinar. "
                           + quoted[1]},
                    cls="pair lead")
            + f'<div class="cards">{boxes}</div>')
    return _page("Who said it? Cards" + (" in Spanish" if spanish else ""), body, style)


def run_sheets(reading: str = DEFAULT_READING, start: str | None = None) -> dict[str, str]:
    """One page per meeting of every plan (tools.decks.run_sheets): file name -> HTML."""
    from tools import decks
    return decks.run_sheets(reading, start or decks.DEFAULT_START)


PRINT_WIDTH_PT = 500      # the printed text width (US Letter less the margins, a little to spare), in points
CHAR_EM = 0.62            # a generous average width of one character, in em
PAD_CHARS = 2.5           # cell padding and border, in characters
KEEP_ROWS = 12            # a table with at most this many rows is printed on one page


def _cell_words(text: str) -> list[str]:
    """The words of a cell as the printer may break them: at spaces, and after an underscore (a <wbr>)."""
    return [w for part in text.split() for w in re.split(r"(?<=_)", part) if w]


def _colgroup(match: re.Match) -> str:
    """Column widths for a printed table, from its text: no column narrower than its longest word (headers
    and "0:00" included), the room left over given to the columns of long prose."""
    table = match.group(0)
    rows = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]
    columns = max((len(r) for r in rows), default=0)
    if not columns:
        return table
    longest, prose = [], []
    for i in range(columns):
        texts = [html.unescape(re.sub(r"<[^>]+>", "", r[i])) for r in rows if i < len(r)]
        longest.append(max((len(w) for t in texts for w in _cell_words(t)), default=1))
        average = sum(len(t) for t in texts) / max(len(texts), 1)
        prose.append(max(min(average, 70) - longest[-1], 0) ** 0.85 + 0.5)
    font = 9.0 if columns < 6 else 8.5
    while True:
        chars = PRINT_WIDTH_PT / (font * CHAR_EM)            # characters across the printed width
        minimum = [(n + PAD_CHARS) / chars for n in longest]
        if sum(minimum) <= 1 or font <= 7:
            break
        font -= 0.5
    spare = max(1 - sum(minimum), 0)
    widths = [m + spare * p / sum(prose) for m, p in zip(minimum, prose)]
    total = sum(widths)
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
    classes = "reader-table print-sized" + (" wide" if columns >= 6 else "") + (" keep" if len(rows) <= KEEP_ROWS + 1 else "")
    table = re.sub(r"(<td[^>]*>)(.*?)(</td>)", lambda m: m.group(1) + re.sub(r"_(?![^<]*>)", "_<wbr>", m.group(2)) + m.group(3),
                   table, flags=re.S)
    return table.replace('<table class="reader-table">',
                         f'<table class="{classes}" style="font-size:{font}pt"><colgroup>{cols}</colgroup>', 1)


def inject_print_css(page_html: str) -> str:
    """Add the print style sheet, and column widths to every reader table so none is squeezed or clipped."""
    page_html = re.sub(r'<table class="reader-table">.*?</table>', _colgroup, page_html, flags=re.S)
    # a table's further rows are folded on screen (helpers.table); on paper every row is printed
    page_html = page_html.replace('<details class="more-rows">', '<details class="more-rows" open>')
    # so is each argument map's table of boxes in full, folded on screen (helpers.plots.show_argument_map)
    page_html = page_html.replace('<details class="in-full">', '<details class="in-full" open>')
    return page_html.replace("</head>", f"<style>{PRINT_CSS}</style>\n</head>", 1)


# made from the editions by tools.bundle and tools.release: a new build of the editions makes them stale
DERIVED = ("we-are-losing-study.zip", "we-are-losing-facilitator.zip", "release", "release-notes.md")


def forget_derived(out: Path) -> list[str]:
    """Remove from ``out`` the kits and release files an earlier build made (a facilitator who rebuilt the pages
    would otherwise find two versions of a session side by side); return the names removed."""
    removed = []
    for name in DERIVED:
        path = Path(out) / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        else:
            continue
        removed.append(name)
    return removed


def build(out: Path = BUILD, pdf: bool = True, start: str | None = None) -> list[Path]:
    """Build every edition into ``out``, with the decks, run sheets and checklists of tools.decks (run sheets
    timed from ``start``, like "18:30"); return the files written."""
    from tools import decks, packet, paper
    stale = forget_derived(out)
    if stale:
        print(f"Removed {', '.join(stale)}: made from an earlier build, they would disagree with these pages. "
              "`make bundle` or `make release` makes them again from this one.")
    written = []
    slides_dir = out / "slides"
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        for audience in ("participant", "facilitator"):
            if audience == "participant" and path.stem in FACILITATOR_ONLY:
                continue
            folder = out / audience
            folder.mkdir(parents=True, exist_ok=True)
            ed = edition(nb, participant=audience == "participant")
            nb_path = folder / path.name
            nbformat.write(ed, nb_path)
            html_path = nb_path.with_suffix(".html")
            page = mark_languages(inject_print_css(_html(for_print(ed, code=path.stem not in FACILITATOR_ONLY), "offline_lab")))
            html_path.write_text(page, encoding="utf-8")
            written += [nb_path, html_path]
        slides_dir.mkdir(parents=True, exist_ok=True)
        deck = slides_dir / f"{path.stem}.slides.html"
        # slides: solutions are "skip" and facilitator notes are speaker "notes" in the slide metadata
        deck.write_text(mark_languages(_html(slides_edition(nb, path.stem), "offline_reveal", exclude_input=True,
                                             exclude_input_prompt=True, exclude_output_prompt=True,
                                             reveal_url_prefix="reveal.js")), encoding="utf-8")
        written.append(deck)
    deck = slides_dir / "agreements.slides.html"
    deck.write_text(agreements_deck(), encoding="utf-8")
    written.append(deck)
    copy_reveal(slides_dir)
    reader = out / "reader" / "essay.html"
    for audience in ("participant", "facilitator"):     # now every page of the folder is written
        for page in (out / audience).glob("[0-9][0-9]_*.html"):
            text = link_the_html_pages(page.read_text(encoding="utf-8"), page.parent)
            page.write_text(link_the_reader_edition(text, page, reader), encoding="utf-8")
    # the notebooks' own decks: their links to another notebook go to its page (the participant's, else the
    # facilitator's), and the reader's edition to the one built here (facilitator review 19: they pointed at .ipynb
    # files and a saved reader's edition that the slides folder does not hold)
    for deck in slides_dir.glob("[0-9][0-9]_*.slides.html"):
        text = link_the_deck(deck.read_text(encoding="utf-8"), out)
        deck.write_text(link_the_reader_edition(text, deck, reader), encoding="utf-8")
    reader.parent.mkdir(parents=True, exist_ok=True)
    reader.write_text(reader_html(), encoding="utf-8")      # its Spanish words are marked already
    written.append(reader)
    extra = {out / "participant" / "handout.html": handout_html(),
             out / "participant" / "cards.html": cards_html(answers=False),
             out / "participant" / "cards-es.html": cards_html(answers=False, spanish=True),
             out / "facilitator" / "cards-answers.html": cards_html(answers=True),
             }
    for path, text in extra.items():
        path.write_text(mark_languages(text), encoding="utf-8")
        written.append(path)
    # the paper editions first, printed now: the run sheets' materials and the checklists give their pages
    papers = paper.build(out)
    written += papers
    paper.PRINTED.clear()
    if pdf:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:     # a browser for each page, as below
            one = contextlib.nullcontext(print_pdf)
        else:
            one = Printer()
        with one as printer:
            for page in papers:
                printed = printer(page)
                written.append(printed)
                paper.PRINTED[page.stem.removeprefix(paper.PREFIX)] = decks.pdf_pages(printed.read_bytes())
    written += decks.build(out, start=start or decks.DEFAULT_START)   # session decks, run sheets, checklists
    written += packet.build(out)          # the participant packet, the argument on one page, glossary, setup page
    if pdf:
        pages = [p for p in written if p.suffix == ".html" and p.parent.name != "slides" and p not in papers]
        sheets = [p for p in pages if p.name.startswith(("run-sheet-", "checklist-"))]
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:      # each page in its own Chromium and profile, a few at once
            with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
                written += list(pool.map(print_pdf, [p for p in pages if p not in sheets]))
                written += list(pool.map(lambda p: decks.print_one_page(p, print_pdf), sheets))  # smaller type if over
        else:                    # one Chromium for every page (a browser per page cost about a second of processor each)
            with Printer() as printer:
                written += [printer(p) for p in pages if p not in sheets]
                written += [decks.print_one_page(p, printer) for p in sheets]

    return written


REMOTE = re.compile(r"""(?:<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//"""
                    r"""|url\(\s*["']?(?:https?:)?//)""", re.IGNORECASE)


def remote_references(text: str) -> list[str]:
    """Places where a page would fetch something from the network when opened (links to click are fine)."""
    return [text[max(m.start() - 20, 0):m.end() + 60] for m in REMOTE.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.editions", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(BUILD), help="where to write (default: build/)")
    parser.add_argument("--no-pdf", action="store_true", help="skip printing the pages to PDF with Chromium")
    parser.add_argument("--start", default=None, help="the clock time the run sheets start at, like 18:30 "
                                                      "(default: none; the run sheets count from 0:00 with a column to write the clock in)")
    args = parser.parse_args(argv)
    if args.start and not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", args.start):
        print(f"--start {args.start}: write the time on a 24-hour clock, like 18:30 or 9:00.", file=sys.stderr)
        return 2
    try:
        files = build(Path(args.out), pdf=not args.no_pdf, start=args.start)
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    root = Path(args.out)
    if settings()["repository"] is None:
        print("Launch links are off: launch.yml names no repository, so the editions and slides carry no Binder or "
              "JupyterHub link. Run `make links` (or `make links REPO=owner/name`) to turn them on, then rebuild.")
    for f in files:
        print(f.relative_to(root) if f.is_relative_to(root) else f)
    print(f"{len(files)} files in {root}/ (open reader/essay.html or any .html in a browser; print from there)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
