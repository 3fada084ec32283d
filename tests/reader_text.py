"""What a reader sees in a notebook, and the words in it that read like a database.

The rules (issue 19, item 1; DESIGN.md, "Output is for a reader"):

- **Dates in words.** No date code: ISO dates (``2009-06-28``, ``2018-10``), ranges written with a slash
  (``2009-06-28/2019-12``, ``2016/2019``), decade codes (``196X``) or an open end written ``..``.
- **Ids beside what they are.** An id (``E12``, ``Q23``, ``C39``, ``N19``, ``L08``, ``K3``, ``P1``…) may stand
  only as a small reference: inside brackets after the words it refers to (“the 2009 coup (E09)”, “2 conclusions
  (C83 ¶17, C15 ¶17)”), right before a bracket that says what it is (“K2 (the liberal narrative…)”), or alone in
  its own column of a table whose other columns say what the row is. A ``D`` id never appears: the
  dating clues are shown as “clue 5” and the discussion questions as “question 5”.
- **No file or column names** (``timeline.csv``, ``reading.yml``, ``from_date``, ``authors_as_given``) except
  in the one section per notebook headed “Where the data lives” (in the facilitator guide, “For the person who
  sets up the computers”), written for people who edit the data or install the package (that section may also
  show the files' ids, date codes and configuration, to explain them; it is not scanned).
  Names of functions a reader types (``helpers.reader_edition()``, ``essay.show``) are not column names: a
  ``snake_case`` word after a full stop or before a bracket is allowed.

What is scanned: every Markdown cell, and every output a reader sees: printed text, the HTML of a table with its
tags stripped (the plain-text form when there is no HTML) and each figure's alt text. Code is not scanned.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

# The one section per notebook for people who edit the files or set up the computers.
DATA_SECTION = re.compile(r"^#+\s*(?:where the data lives|for the person who sets up the computers)",
                          re.IGNORECASE | re.MULTILINE)

_ISO = r"\b\d{4}-\d{2}(?:-\d{2})?\b"
_DECADE = r"\b\d{3}X\b"
_POINT = rf"(?:\d{{4}}-\d{{2}}(?:-\d{{2}})?|\d{{4}}|\d{{3}}X|\.\.)"
RULES = {
    "date code": re.compile(rf"{_POINT}/{_POINT}|{_ISO}|{_DECADE}|(?<![.\w])\.\./|/\.\.(?![.\w])"),
    "id": re.compile(r"(?<![\w(¶§#])[A-Z]\d{1,3}\b(?![.,]\d)"),
    "D id": re.compile(r"\bD\d{1,3}\b"),
    "file name": re.compile(r"\b[\w-]+\.(?:csv|ya?ml|txt|json|ipynb)\b"),
    "column name": re.compile(r"(?<![.\w])[a-z]+(?:_[a-z]+)+\b(?!\s*\()"),
}
ID_LETTERS = set("ECDQNLKP")
_WHOLE_CELL_ID = re.compile(r"(<td[^>]*>)\s*([A-Z]\d{1,3}|T)\s*(</td>)")


def _outside_brackets(text: str) -> str:
    """``text`` with everything inside round brackets blanked out (same length)."""
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
            out.append(ch)
            continue
        if ch == ")" and depth:
            depth -= 1
            out.append(ch)
            continue
        out.append(" " if depth else ch)
    return "".join(out)


def problems(text: str) -> list[tuple[str, str]]:
    """(rule, words) for each thing in ``text`` a reader should not meet.

    >>> problems("the coup (E09) on 28 June 2009")
    []
    >>> problems("E09 on 2009-06-28 (D02), see timeline.csv")
    [('date code', '2009-06-28'), ('id', 'E09'), ('D id', 'D02'), ('file name', 'timeline.csv')]
    """
    text = re.sub(r"\]\([^)]*\)", "]", text)                # a Markdown link's target is not read
    outside = _outside_brackets(text)
    found = []
    for rule, pattern in RULES.items():
        for m in pattern.finditer(outside if rule == "id" else text):
            words = m.group(0)
            if rule == "id" and (words[0] not in ID_LETTERS or words[0] == "D"
                                 or re.match(r"\s*\(", outside[m.end():])):
                continue
            found.append((rule, words))
    return found


def html_text(markup: str) -> str:
    """An HTML output as a reader reads it: tags stripped; an id alone in a table cell kept as a reference."""
    markup = _WHOLE_CELL_ID.sub(lambda m: f"{m.group(1)}({m.group(2)}){m.group(3)}", markup)
    markup = re.sub(r"<(td|th|li|p|br|tr|div|summary)\b", r" <\1", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def seen(cell) -> list[str]:
    """The texts a reader sees in one cell."""
    if cell.cell_type == "markdown":
        return [cell.source]
    if cell.cell_type != "code":
        return []
    texts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            texts.append(out.text)
        elif out.output_type in ("display_data", "execute_result"):
            data = out.get("data", {})
            if "text/html" in data:
                texts.append(html_text(data["text/html"]))
            elif "text/markdown" in data:
                texts.append(data["text/markdown"])
            elif "text/plain" in data and "image/png" not in data:
                texts.append(data["text/plain"])
            alt = out.get("metadata", {}).get("image/png", {}).get("alt")
            if alt:
                texts.append(alt)
        elif out.output_type == "error":
            texts.append(f"{out.ename}: {out.evalue}")
    return texts


_HEADING = re.compile(r"^(#+)\s+(.*)$", re.MULTILINE)


def scan(path: Path) -> list[str]:
    """One line per problem in a notebook: notebook, cell number (from 0, as nbformat counts), rule, words.

    The section headed "Where the data lives", up to the next heading of the same or a higher level, is for people
    who edit the files: it may name them, their columns, their ids and their date codes, so it is not scanned.
    """
    nb = nbformat.read(path, as_version=4)
    lines, data_level = [], None
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            texts = []
            marks = list(_HEADING.finditer(cell.source))
            bounds = [0] + [m.start() for m in marks] + [len(cell.source)]
            for k in range(len(bounds) - 1):
                piece = cell.source[bounds[k]:bounds[k + 1]]
                head = _HEADING.match(piece)
                if head:
                    level = len(head.group(1))
                    if data_level is not None and level <= data_level:
                        data_level = None
                    if DATA_SECTION.match(piece):
                        data_level = level
                texts.append((piece, data_level is not None))
        else:
            texts = [(t, data_level is not None) for t in seen(cell)]
        for text, exempt in texts:
            if exempt:
                continue
            for rule, words in problems(text):
                lines.append(f"{path.name}, cell {i}: {rule}: {words}")
    return lines


def data_sections(path: Path) -> int:
    """How many sections of a notebook are headed "Where the data lives"."""
    nb = nbformat.read(path, as_version=4)
    return sum(len(DATA_SECTION.findall(c.source)) for c in nb.cells if c.cell_type == "markdown")


# --- the learner's path: 01 and 03 up to their first exercise (review 13, item 3) ---------------------------------
# There a newcomer meets the package's coding for the first time, so the rule is stricter: lead with the claim's or
# the event's words or name, and keep an id at most as a small reference after them: inside round brackets, one id
# (or one range of ids, “E26–E31”) to a bracket, never at the head of a text or of a table row. The thesis's id
# (“T”) and the dating clues' numbers (“clue 17”) are ids too. Code a reader types (`plots.show_argument_map(argument,
# "C39")`) is not read. The package's coding words are not used: “dated by” says how a date is known.
LEARNER_PATH = ("01_argument_structure.ipynb", "03_timeline.ipynb")
_ONE_ID = r"(?:[ECDQNLKP]\d{1,3}|T(?=\s*[,:;)])|clue \d+)"
PATH_ID = re.compile(rf"(?<![\w¶§#’']){_ONE_ID}(?:\s*[–-]\s*{_ONE_ID})?(?![\w.,]\d)")
# “dated by” as the package's term (a column, a word in italics); as an ordinary verb (“dated by the coup”) it is English
PATH_WORDS = re.compile(r"\*+dated by\*+|\bdated by\s+(?:column|says)\b|^\s*dated by\s*$", re.IGNORECASE | re.MULTILINE)


def _bracket_around(text: str, at: int) -> tuple[int, int] | None:
    """(start, end) of the innermost round bracket around position ``at`` of ``text``, or None."""
    depth, start = 0, None
    for i in range(at - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                start = i
                break
            depth -= 1
    if start is None:
        return None
    depth = 0
    for j in range(start, len(text)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return start, j + 1
    return start, len(text)


def path_problems(text: str) -> list[tuple[str, str]]:
    """(rule, words) for each place on the learner's path where an id or the package's coding leads.

    >>> path_problems("the conclusion that U.S. imperialism is the primary contradiction (C39), see clue 17")
    [('id in place of words', 'clue 17')]
    >>> path_problems("2 conclusions (C83 ¶17, C15 ¶17) support it; K2 (the liberal narrative) is answered")
    [('ids in place of words', '(C83 ¶17, C15 ¶17)'), ('id in place of words', 'K2')]
    >>> path_problems("(E54) between 1973 and now; *dated by* context; type `plots.show_argument_map(argument, \\"C39\\")`")
    [('id in place of words', 'E54'), ('coding word', '*dated by*')]
    >>> path_problems("on election night (E21, dated by 2017 election day (context; E20))")
    []
    """
    text = re.sub(r"\]\([^)]*\)", "]", text)                # a Markdown link's target is not read
    text = re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), text)   # nor code a reader types
    found, counted = [], set()
    for m in PATH_ID.finditer(text):
        bracket = _bracket_around(text, m.start())
        if bracket is None or not text[:bracket[0]].strip():
            found.append(("id in place of words", m.group(0)))
            continue
        if bracket in counted:
            continue
        inside = _outside_brackets(text[bracket[0] + 1:bracket[1] - 1])     # a bracket inside is its own
        if len(PATH_ID.findall(inside)) > 1:
            counted.add(bracket)
            found.append(("ids in place of words", text[bracket[0]:bracket[1]]))
    found += [("coding word", m.group(0)) for m in PATH_WORDS.finditer(text)]
    return found


def path_texts(cell) -> list[str]:
    """What a reader sees in one cell, for the learner's path: an HTML table row by row, so that an id alone in
    the first cell of a row (bracketed by ``html_text``) is found at the head of a text."""
    if cell.cell_type != "code":
        return seen(cell)
    texts = []
    for out in cell.get("outputs", []):
        html_out = out.get("data", {}).get("text/html") if out.output_type in ("display_data", "execute_result") else None
        if html_out:
            texts += [html_text(row) for row in re.findall(r"<tr>.*?</tr>", html_out, re.S)] or [html_text(html_out)]
            texts += re.findall(r"<th[^>]*>([^<]*)</th>", html_out)     # each header alone: a column's name
            alt = out.get("metadata", {}).get("image/png", {}).get("alt")
            if alt:
                texts.append(alt)
        else:
            texts += seen(nbformat.v4.new_code_cell(outputs=[out]))
    return texts


def scan_learner_path(path: Path) -> list[str]:
    """One line per problem in a notebook's cells up to its first exercise (and the exercise's own text)."""
    nb = nbformat.read(path, as_version=4)
    lines = []
    for i, cell in enumerate(nb.cells):
        for text in path_texts(cell):
            for rule, words in path_problems(text):
                lines.append(f"{path.name}, cell {i}: {rule}: {words}")
        if "exercise" in cell.metadata.get("tags", []):
            break
    return lines
