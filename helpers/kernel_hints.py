"""A cell run before the Setup cell: a plain sentence instead of a ``NameError`` traceback.

Every notebook makes its names (``essay``, ``argument``, ``timeline``, ``plots``…) in its Setup cell. A learner
who runs a later cell first would meet ``NameError: name 'essay' is not defined`` under a traceback. The kernel
loads this module as an IPython extension when it starts, before any cell has run: IPython reads
``<environment>/etc/ipython/ipython_kernel_config.py``, which ``python -m helpers.kernel_hints`` copies there from
``helpers/kernel/`` (``make install`` and ``make lab`` do it). ``helpers`` keeps the same answer once it is
imported. A name that a later cell makes (``asked``, ``ledger``…), used after a restart with only Setup run, gets
one paragraph saying to run the cells above first (``made_earlier``). Any other NameError keeps Python's own message.
A cell Python cannot read answers in one paragraph too (``unreadable``): a sentence typed into a code cell (an answer
in the wrong cell) is sent to the nearest answer cell, with the cell's own code to type back; any other line gets the
line and what to check.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil
import sys
from pathlib import Path

from .errors import HelperError, UsageError

CONFIG = Path(__file__).resolve().parent / "kernel" / "ipython_kernel_config.py"
# JupyterLab's settings for this environment (<environment>/share/jupyter/lab/settings/overrides.json): notebooks
# render every cell ("defer", not JupyterLab's default "full" windowing, under which a link to a heading such as
# the series map lands below the window), and neither a "get Jupyter news?" prompt nor a "newer version of
# JupyterLab is available" notice covers the page (JupyterLab checks for updates whatever its news setting says,
# so checkForUpdates is off too), and Shift+Enter on a folded heading (a worked solution) runs it and selects the next
# cell on show, stepping over the folded cells: JupyterLab's own Shift+Enter selects the next cell, the solution's
# first, and JupyterLab unfolds a heading whenever a cell under it becomes the selected one (learner review, round 17).
# A learner's own settings still win.
LAB_SETTINGS = Path(__file__).resolve().parent / "kernel" / "overrides.json"

# The names the notebooks' Setup cells make (tests/test_before_setup.py checks them against the notebooks).
SETUP_NAMES = frozenset({
    "helpers", "essay", "plots", "plt", "pd", "tl", "q", "workshop", "display", "Markdown", "argument", "timeline",
    "dating", "undated", "quotes", "figures", "terms", "lead_ins", "plans", "notes", "handout", "questions",
    "disagreements", "lookup", "tm", "totals", "vocabulary"})


def before_setup(name: str | None) -> str | None:
    """The sentence for a name the Setup cell makes, or None for any other name.

    Parameters:
        name: the name Python did not find (``NameError.name``).
    Returns:
        one sentence saying to run the Setup cell first, or None when the name is not one Setup makes.
    Example:
        >>> print(before_setup("essay"))
        Not quite: `essay` is made by the Setup cell near the top of this notebook (the grey box that starts with # Setup), which has not run yet. Click in it, press Shift + Enter, then run this cell again.
        >>> before_setup("my_own_name") is None
        True
    """
    if name not in SETUP_NAMES:
        return None
    return (f"Not quite: `{name}` is made by the Setup cell near the top of this notebook (the grey box that starts "
            "with # Setup), which has not run yet. Click in it, press Shift + Enter, then run this cell again.")


def names_made(source: str) -> set[str]:
    r"""The names a cell's code makes (assigns, imports, defines, or uses as a loop variable), read without running it.

    Parameters:
        source: the code of one cell.
    Returns:
        the names, as a set (empty when the code is not Python, a cell magic say).
    Example:
        >>> sorted(names_made("from helpers import ledger\nbook = ledger.ledger(essay)\nfor row in book: pass"))
        ['book', 'ledger', 'row']
        >>> names_made("%%time")
        set()
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    made = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            made.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            made |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            made.add(node.name)
    return made


_MADE: dict[Path, tuple[float, frozenset, frozenset]] = {}   # a notebook's names, kept until the file changes


def notebooks_here() -> list[Path]:
    """The notebooks a running kernel may belong to: the one JupyterLab started it for (``JPY_SESSION_NAME``),
    else every notebook in the folder it runs in (a notebook's kernel runs in the notebook's folder).

    Parameters:
        none.
    Returns:
        the notebooks' paths (none outside a notebook folder).
    Example:
        >>> isinstance(notebooks_here(), list)
        True
    """
    session = os.environ.get("JPY_SESSION_NAME", "")
    if session.endswith(".ipynb") and Path(session).is_file():
        return [Path(session)]
    try:
        return sorted(Path.cwd().glob("*.ipynb"))
    except OSError:
        return []


def _names_of(path: Path) -> tuple[frozenset, frozenset]:
    """The names a notebook's Setup cell (its first code cell) makes, and those its other code cells make."""
    stamp = path.stat().st_mtime
    if path not in _MADE or _MADE[path][0] != stamp:
        sources = []
        for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
            if cell.get("cell_type") == "code":
                source = cell.get("source", "")
                sources.append("".join(source) if isinstance(source, list) else source)
        setup = names_made(sources[0]) if sources else set()
        later = set().union(*(names_made(s) for s in sources[1:])) if len(sources) > 1 else set()
        _MADE[path] = (stamp, frozenset(setup), frozenset(later))
    return _MADE[path][1], _MADE[path][2]


def made_earlier(name: str | None, notebooks: list[Path] | None = None) -> str | None:
    """The paragraph for a name that a cell after Setup makes (a notebook resumed after a restart, with only Setup
    run, then a cell further down), or None for any other name, and for a name a Setup cell makes (``before_setup``
    answers for those).

    Parameters:
        name: the name Python did not find (``NameError.name``).
        notebooks: the notebooks to read (default: ``notebooks_here()``: the kernel's own notebook).
    Returns:
        one paragraph saying to run the cells above first, or None.
    Example:
        >>> made_earlier("anything", notebooks=[]) is None
        True
    """
    if not name:
        return None
    in_setup = in_later = False
    for path in notebooks_here() if notebooks is None else notebooks:
        try:
            setup, later = _names_of(path)
        except (OSError, ValueError, AttributeError, TypeError):
            continue
        in_setup, in_later = in_setup or name in setup, in_later or name in later
    if in_setup or not in_later:
        return None
    return (f"Not quite: this cell uses `{name}`, which a cell above it makes, and that cell has not run since the "
            "notebook was opened or restarted. Run the cells above this one first (menu Run → Run All Above Selected "
            "Cell), then run this cell again.")


def show_name_error(shell, etype, value, tb, tb_offset=None) -> None:
    """An IPython custom exception handler: the Setup sentence for a Setup name, the earlier-cell paragraph for a
    name another cell of the notebook makes, else the usual traceback.

    Parameters:
        shell: the running IPython shell; etype, value, tb: the exception; tb_offset: as IPython passes it.
    Returns:
        nothing: it prints the sentence (or lets IPython show the traceback).
    Example:
        >>> class Shell:
        ...     def showtraceback(self, *args, **kwargs): print("traceback")
        >>> show_name_error(Shell(), NameError, NameError("x", name="essay"), None)  # doctest: +ELLIPSIS
        >>> show_name_error(Shell(), NameError, NameError("x", name="essya"), None)
        traceback
    """
    name = getattr(value, "name", None)
    message = made_earlier(name) or before_setup(name)
    if message is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    else:
        print(message, file=sys.stderr)


CURLY = "“”‘’„«»"


def unreadable_quotes(value: BaseException) -> str | None:
    """The sentence for a cell Python cannot read because of its quotation marks, or None for any other error.

    A learner who copies a suggestion such as “past 14 years” from the prose into a code cell brings its curly
    quotation marks with it, and Python answers ``SyntaxError: invalid character '“' (U+201C)``; one quotation
    mark deleted by mistake gives an error that points somewhere else on the line.

    Parameters:
        value: the exception (a ``SyntaxError`` when the cell could not be read).
    Returns:
        one or two sentences saying what to type instead, or None.
    Example:
        >>> print(unreadable_quotes(SyntaxError("invalid character '“' (U+201C)", ("<cell>", 1, 15, 'essay.search(“past 14 years”)'))))
        Not quite: this line has curly quotation marks (“ ” or ‘ ’), which Python does not read as quotes. Type straight ones instead (the " key), like this: essay.search("past 14 years")
        >>> unreadable_quotes(SyntaxError("invalid syntax", ("<cell>", 1, 4, "1 +* 2"))) is None
        True
    """
    if not isinstance(value, SyntaxError):
        return None
    line = (value.text or "").strip()
    if any(c in line for c in CURLY) or any(c in str(value.msg) for c in CURLY):
        fixed = line.translate(str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}))
        return ("Not quite: this line has curly quotation marks (“ ” or ‘ ’), which Python does not read as quotes. "
                f'Type straight ones instead (the " key), like this: {fixed}')
    if "unterminated string" in str(value.msg) or "invalid character" in str(value.msg):
        return (f"Not quite: Python could not read line {value.lineno} of this cell ({line}). Check that every "
                'quotation mark has its pair and that both are straight ("like this"), then run the cell again.')
    return None


CALL_RE = re.compile(r"^(?P<name>[A-Za-z_][\w.]*)\((?P<args>.*)\)$")


def unreadable_call(value: BaseException) -> str | None:
    """The paragraph for a call Python cannot read because a learner typed it as the prose writes it, or None.

    The learner review (round 13): the tables show paragraphs as "¶36", so a newcomer types ``essay.show(¶36)``
    (Python: ``invalid character '¶'``, which the quotation-mark hint took for a quote problem); and words to search
    for typed without quotation marks, ``essay.search(shot dead)``, gave a red "invalid syntax" traceback. Each now
    gets one paragraph saying what to type instead. A line that has quotation marks is left to ``unreadable_quotes``.

    Parameters:
        value: the exception (a ``SyntaxError`` when the cell could not be read).
    Returns:
        a paragraph saying what to type instead, or None.
    Example:
        >>> print(unreadable_call(SyntaxError("invalid character '¶' (U+00B6)", ("<cell>", 1, 12, "essay.show(¶36)"))))
        Not quite: in code, a paragraph is its number alone, without the ¶ sign (Python cannot read the sign outside quotation marks). Type this instead: essay.show(36)
        >>> print(unreadable_call(SyntaxError("invalid syntax. Perhaps you forgot a comma?", ("<cell>", 1, 14, "essay.search(shot dead)"))))
        Not quite: words to search for go between straight quotation marks (the " key), or Python tries to read them as code. Type this instead: essay.search("shot dead")
        >>> unreadable_call(SyntaxError("invalid syntax", ("<cell>", 1, 4, "1 +* 2"))) is None
        True
    """
    if not isinstance(value, SyntaxError):
        return None
    line = (value.text or "").strip()
    call = CALL_RE.match(line)
    if not call or any(c in line for c in "\"'" + CURLY):
        return None
    args = [a.strip() for a in call.group("args").split(",")]
    if "¶" in line:
        fixed = [f'"{a}"' if re.search(r"¶\s*\d+\s*[–-]", a) else re.sub(r"^¶\s*(\d+)$", r"\1", a) for a in args]
        if any("¶" in a and not a.startswith('"') for a in fixed):
            return None
        if any(a.startswith('"') for a in fixed):
            said = ('in code, a range of paragraphs goes between straight quotation marks (the " key): Python cannot '
                    "read the ¶ sign outside them")
        else:
            said = ("in code, a paragraph is its number alone, without the ¶ sign (Python cannot read the sign "
                    "outside quotation marks)")
        return f"Not quite: {said}. Type this instead: {call.group('name')}({', '.join(fixed)})"
    if str(value.msg).startswith("invalid syntax") and any(re.fullmatch(r"[^\W\d]\w*(?:\s+\w+)+", a) for a in args):
        fixed = [f'"{a}"' if re.fullmatch(r"[^\W\d]\w*(?:\s+\w+)+", a) else a for a in args]
        what = "a name to look up goes" if call.group("name").endswith("lookup") else "words to search for go"
        them = "it" if call.group("name").endswith("lookup") else "them"
        return (f"Not quite: {what} between straight quotation marks (the \" key), or Python tries to read {them} as "
                f"code. Type this instead: {call.group('name')}({', '.join(fixed)})")
    return None


# The mark the notebooks put in each answer cell (tools/cells.py writes it: ANSWER_PLACEHOLDER), as a learner sees it
ANSWER_MARK = "✎ *Write here.*"
SHOWN_MARK = "✎ Write here"
# Python's keywords and the short words that join code (``for x in y``, ``x is not None``): three words in a row
# made only of these are code, not a sentence
CODE_WORDS = frozenset(__import__("keyword").kwlist) | {"print", "self"}
WORDS_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def looks_like_prose(line: str) -> bool:
    """Whether a line Python could not read is a sentence (an answer typed into a code cell), not code.

    A sentence has three or more words in a row separated by spaces, most of them not Python's keywords, and none
    of code's marks: no name followed by a bracket (``essay.show(``), no dotted name (``essay.search``), no ``=``,
    no square or curly brackets. A bracket after a space, "the thesis (¶2)", and "U.S." or "e.g." are a sentence's.

    Parameters:
        line: the line Python could not read (``SyntaxError.text``), or a whole cell.
    Returns:
        True for a sentence, in any language written with letters; False for code.
    Example:
        >>> looks_like_prose("The authors argue that the coup was backed by the United States.")
        True
        >>> looks_like_prose("Los autores sostienen que el golpe fue apoyado desde fuera.")
        True
        >>> looks_like_prose("The thesis (¶2) is that the U.S. backed the coup.")
        True
        >>> looks_like_prose("essay.search(shot dead)")
        False
    """
    line = line.strip()
    if not line or re.search(r"\w\(|[=\[\]{}]|^[#%!]|\b[a-z_]\w*\.[a-z_]\w+", line):
        return False
    words = WORDS_RE.findall(line)
    run = re.search(r"[^\W\d_]+(?:['’][^\W\d_]*)* +[^\W\d_]+(?:['’][^\W\d_]*)* +[^\W\d_]+", line)
    plain = [w for w in words if w not in CODE_WORDS]
    return bool(run) and len(words) >= 3 and len(plain) * 3 >= len(words) * 2


def _cells_of(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8")).get("cells", [])


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _is_answer(cell: dict) -> bool:
    return cell.get("cell_type") == "markdown" and ANSWER_MARK in _source(cell)


def _heading(cells: list[dict], index: int) -> str | None:
    """The text of the nearest heading at or above ``cells[index]`` (a Markdown cell's first line ``## …``)."""
    for cell in reversed(cells[:index + 1]):
        first = _source(cell).lstrip().split("\n", 1)[0]
        if cell.get("cell_type") == "markdown" and first.startswith("#"):
            return re.sub(r"[*_`]", "", first.lstrip("#")).strip()
    return None


def cell_in_notebook(cell_id: str | None, notebooks: list[Path] | None = None) -> tuple[str, str | None, str] | None:
    """What a notebook's cell holds in the notebook (as saved), where its nearest answer cell is, in words, and what
    kind of cell the notebook has there: "code", "answer" (a cell marked ✎ Write here) or "text" (other Markdown).

    Parameters:
        cell_id: the cell's id, as JupyterLab sends it with the request to run the cell (``cellId``).
        notebooks: the notebooks to read (default: ``notebooks_here()``: the kernel's own notebook).
    Returns:
        (the cell's source, where the nearest answer cell is or None when the notebook has none, its kind), or None
        when no notebook has a cell of that id (a cell the learner added, or a front end that sends no id).
    Example:
        >>> cell_in_notebook(None, notebooks=[]) is None
        True
    """
    if not cell_id:
        return None
    for path in notebooks_here() if notebooks is None else notebooks:
        try:
            cells = _cells_of(path)
        except (OSError, ValueError, AttributeError):
            continue
        at = next((i for i, c in enumerate(cells) if c.get("id") == cell_id), None)
        if at is None:
            continue
        kind = "code" if cells[at].get("cell_type") == "code" else "answer" if _is_answer(cells[at]) else "text"
        answers = [i for i, c in enumerate(cells) if _is_answer(c) and i != at]
        if not answers:
            return _source(cells[at]), None, kind
        # the nearest; on a tie the one below (an exercise's answer cell comes after its code)
        nearest = min(answers, key=lambda i: (abs(i - at), i < at))
        side = "below" if nearest > at else "above"
        heading = _heading(cells, nearest)
        where = f'under the heading "{heading}", {side} this cell' if heading else f"{side} this cell"
        return _source(cells[at]), where, kind
    return None


def _code_back(code: str, now: str | None = None) -> str:
    """The cell's own code, to type back: inline when it is one line, on its own lines when two or three, else
    Ctrl + Z (a folded cell's code runs to many lines); when the cell still has it (``now``), to keep."""
    lines = code.strip("\n").splitlines()
    if not lines:
        return ""
    if now is not None and code.strip() in now:
        return " Delete the sentence from this cell and keep only its own code."
    if len(lines) == 1:
        return f" This cell's own code, to type back in its place: {lines[0].strip()}"
    if len(lines) <= 3:
        return " This cell's own code, to type back in its place:\n" + "\n".join(lines)
    return (" To get this cell's own code back, click in it and press Ctrl + Z until it returns (its first line is "
            f"{lines[0].strip()}).")


def answer_typed_as_code(value: BaseException, cell_id: str | None = None, notebooks: list[Path] | None = None,
                         code: str | None = None) -> str | None:
    """The paragraph for a sentence typed into a code cell (a learner's answer, written in the wrong cell), or None.

    The learner review: a reviewer typed their answer into the code cell of an exercise and met a red SyntaxError.
    The paragraph says that the cell runs Python, that answers go in the cells marked ✎ Write here, where the
    nearest one is (from the cell's id in the notebook), and the cell's own code, to type back. A text cell of the
    notebook turned into a code cell by mistake (the Y key) is told how to turn it back (Esc, then M).

    Parameters:
        value: the exception (a ``SyntaxError`` when the cell could not be read).
        cell_id: the id of the cell that was run (``cellId``, which JupyterLab sends), or None.
        notebooks: the notebooks to read (default: ``notebooks_here()``).
        code: the whole cell, when known: a cell whose lines are mostly sentences is an answer even where the line
            Python stopped at is not one ("1. ¶20").
    Returns:
        one paragraph, or None when the line Python could not read is not a sentence.
    Example:
        >>> print(answer_typed_as_code(SyntaxError("invalid syntax", ("<cell>", 1, 5, "I think they are right"))))
        Not quite: this cell runs Python, so it cannot read a sentence. Written answers go in the answer cells, the ones marked ✎ Write here under each exercise: click there, press Enter, and write.
    """
    if not isinstance(value, SyntaxError):
        return None
    lines = [line for line in (code or "").splitlines() if line.strip()]
    if not looks_like_prose(value.text or "") and not (
            lines and sum(map(looks_like_prose, lines)) * 2 > len(lines)):
        return None
    found = cell_in_notebook(cell_id, notebooks)
    if found and found[2] != "code":
        what = f"an answer cell (marked {SHOWN_MARK})" if found[2] == "answer" else "a text cell"
        return (f"Not quite: in the notebook this cell is {what}, but it has become a code cell, which runs Python "
                "and cannot read a sentence. Make it a text cell again: press Esc, then M, then Ctrl + Enter to show "
                "your writing.")
    said = "Not quite: this cell runs Python, so it cannot read a sentence. Written answers go in the answer cells, "
    if found is None:
        return said + f"the ones marked {SHOWN_MARK} under each exercise: click there, press Enter, and write."
    source, where, _ = found
    where = f"the ones marked {SHOWN_MARK}; the nearest is {where}" if where else \
        f"the ones marked {SHOWN_MARK} under each exercise"
    return said + where + ": click there, press Enter, and write." + _code_back(source, code)


BRACKETS = {"(": ")", "[": "]", "{": "}"}


def unreadable_line(value: BaseException, cell_id: str | None = None, code: str | None = None,
                    notebooks: list[Path] | None = None) -> str | None:
    """The paragraph for any other line Python cannot read (a missing bracket, a typo): the line and what to check.

    Parameters:
        value: the exception (a ``SyntaxError``, an ``IndentationError`` among them).
        cell_id: the id of the cell that was run (``cellId``), or None; code: the code that was run, or None.
        notebooks: the notebooks to read (default: ``notebooks_here()``).
    Returns:
        one paragraph, or None for an exception that is not a SyntaxError.
    Example:
        >>> print(unreadable_line(SyntaxError("'(' was never closed", ("<cell>", 1, 11, "essay.show(20"))))
        Not quite: Python could not read line 1 of this cell, `essay.show(20`: a bracket opened on this line is never closed. Check that each ( has its ), then run the cell again.
    """
    if not isinstance(value, SyntaxError):
        return None
    msg = str(value.msg or "")
    line = (value.text or "").strip()
    if not line and code and value.lineno:
        lines = code.splitlines()
        line = lines[value.lineno - 1].strip() if 0 < value.lineno <= len(lines) else ""
    opened = re.match(r"'(.)' was never closed", msg)
    unmatched = re.match(r"unmatched '(.)'", msg)
    crossed = re.match(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'", msg)
    if opened:
        check = (f"a bracket opened on this line is never closed. Check that each {opened.group(1)} has its "
                 f"{BRACKETS.get(opened.group(1), '')}")
    elif unmatched:
        check = f"this line closes a bracket, {unmatched.group(1)}, that was never opened. Check the brackets"
    elif crossed:
        check = (f"a {crossed.group(2)} is closed by a {crossed.group(1)}. Check that each bracket is closed by its "
                 "own kind")
    elif msg.startswith("expected an indented block"):
        check = ("the line above it ends with a colon, so this one starts further in. Add four spaces at its start")
    elif msg.startswith("unexpected indent"):
        check = "it starts further in than the line above. Remove the spaces at its start"
    elif isinstance(value, IndentationError):
        check = ("its spaces at the start do not fit the lines around it. Start it where the line above starts "
                 "(or, after a line that ends with a colon, a little further in)")
    elif ("incomplete input" in msg or "unexpected EOF" in msg) and \
            sum(map(line.count, BRACKETS)) > sum(map(line.count, BRACKETS.values())):
        check = ("a bracket opened on this line is never closed. Check that each bracket, ( [ or {, has its "
                 "closing one")
    elif "incomplete input" in msg or "unexpected EOF" in msg:
        check = "the cell ends before its code does. Check for a bracket or a quotation mark that is never closed"
    elif "forgot a comma" in msg:
        check = "check for a missing comma between the things in brackets"
    elif "Maybe you meant '=='" in msg:
        check = "check each = sign: a name is given a value with one =, and two things are compared with =="
    else:
        check = ("check its spelling, that every bracket and quotation mark has its pair, and that commas separate "
                 "the things in brackets")
    said = f"Not quite: Python could not read line {value.lineno} of this cell, `{line}`: {check}, then run the cell again."
    found = cell_in_notebook(cell_id, notebooks)
    if found and found[2] == "code" and code is not None and found[0].strip() != code.strip() \
            and len(found[0].strip().splitlines()) <= 3:
        said += " If it was changed by mistake, this cell's own code was:" + \
            (f" {found[0].strip()}" if len(found[0].strip().splitlines()) == 1 else "\n" + found[0].strip("\n"))
    return said


def _request(shell) -> tuple[str | None, str | None]:
    """The cell id JupyterLab sent with the request to run the cell (the request's metadata ``cellId``) and the code
    it sent, from ipykernel's record of the request being answered; (None, None) elsewhere (IPython in a terminal)."""
    try:
        parent = shell.get_parent() or {}
    except Exception:   # not a kernel, or a kernel without get_parent
        return None, None
    return (parent.get("metadata") or {}).get("cellId"), (parent.get("content") or {}).get("code")


def _from_a_cell(shell, value: SyntaxError) -> bool:
    """Whether the code Python could not read is a cell's own (IPython's compiler names each cell it compiles and
    keeps the name: ``format_code_name`` knows it), not a string given to eval or exec, nor a module's file."""
    name = getattr(value, "filename", None) or ""
    if name == "<string>":
        return False
    known = getattr(getattr(shell, "compile", None), "format_code_name", None)
    if known is None or not name.endswith(".py"):
        return True
    try:
        return known(name) is not None
    except Exception:
        return True


def unreadable(shell, value: BaseException) -> str | None:
    """The one paragraph for a cell Python cannot read: a sentence, a ¶ sign, words without quotation marks,
    curly or unpaired quotation marks, or else the line and what to check.

    Parameters:
        shell: the running IPython shell (a kernel's, whose request gives the cell's id), or None.
        value: the exception.
    Returns:
        the paragraph, or None when ``value`` is not a SyntaxError.
    Example:
        >>> print(unreadable(None, SyntaxError("invalid character '¶' (U+00B6)", ("<cell>", 1, 12, "essay.show(¶36)"))))
        Not quite: in code, a paragraph is its number alone, without the ¶ sign (Python cannot read the sign outside quotation marks). Type this instead: essay.show(36)
    """
    if not isinstance(value, SyntaxError):
        return None
    if not _from_a_cell(shell, value):
        return None     # a SyntaxError from code this cell runs (eval, exec, a module), not from the cell: as usual
    cell_id, code = _request(shell) if shell is not None else (None, None)
    return (answer_typed_as_code(value, cell_id, code=code) or unreadable_call(value) or unreadable_quotes(value)
            or unreadable_line(value, cell_id, code))


def _answer_syntax_errors(shell) -> None:
    """Route what IPython shows through ``showsyntaxerror`` to the paragraph too.

    ``showsyntaxerror`` is not a documented hook: it is the method IPython's shell calls to show a SyntaxError raised
    before the cell runs (the cell's code transformed, or compiled when SyntaxError is not among the custom
    exceptions, and from ``showtraceback``, ``showindentationerror``). It is replaced on this shell only, once; if a
    later IPython stops calling it, the custom exception handler (``set_custom_exc``, documented) still answers.
    """
    if getattr(shell.showsyntaxerror, "_helpers_hint", False):
        return
    original = shell.showsyntaxerror

    def showsyntaxerror(filename=None, running_compiled_code=False):
        try:
            value = shell._get_exc_info()[1]    # as IPython's own showsyntaxerror finds it
        except Exception:
            value = sys.exc_info()[1]
        message = None if running_compiled_code else unreadable(shell, value)
        if message is None:
            return original(filename, running_compiled_code)
        print(message, file=sys.stderr)

    showsyntaxerror._helpers_hint = True
    shell.showsyntaxerror = showsyntaxerror


def load_ipython_extension(shell) -> None:
    """Called by IPython when the kernel starts (``%load_ext helpers.kernel_hints`` does the same by hand).

    It registers the package's one handler (its own errors and this NameError) with the running shell
    (``show_errors_plainly``, which ``import helpers`` calls too).

    Parameters:
        shell: the running IPython shell (IPython passes it).
    Returns:
        nothing.
    Example:
        >>> load_ipython_extension(None)   # outside IPython it does nothing
    """
    show_errors_plainly()


def install(prefix: str | Path = sys.prefix) -> Path:
    """Put the kernel configuration in ``<prefix>/etc/ipython`` so that every kernel of this environment loads the
    hint at start, and JupyterLab's settings (``LAB_SETTINGS``) into ``<prefix>/share/jupyter/lab/settings/
    overrides.json`` (merged: its other settings are kept). An existing kernel configuration of another origin is
    left alone (and said).

    Parameters:
        prefix: the environment's folder (default: the running Python's, ``sys.prefix``).
    Returns:
        the path of the configuration file.
    Example:
        >>> import tempfile
        >>> install(tempfile.mkdtemp()).name
        'ipython_kernel_config.py'
    """
    target = Path(prefix) / "etc" / "ipython" / CONFIG.name
    if target.exists() and "helpers.kernel_hints" not in target.read_text(encoding="utf-8"):
        print(f"{target} exists and is not this package's: left as it is; add "
              "c.InteractiveShellApp.extensions = ['helpers.kernel_hints'] to it by hand.")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CONFIG, target)
    # JupyterLab's settings: merged into an existing overrides.json (its other settings are kept)
    lab = Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    try:
        settings = json.loads(lab.read_text(encoding="utf-8")) if lab.exists() else {}
    except ValueError:
        settings = None
    if not isinstance(settings, dict):
        print(f"{lab} is not a JSON object: left as it is; add the settings of {LAB_SETTINGS.name} to it by hand.")
    else:
        for plugin, values in json.loads(LAB_SETTINGS.read_text(encoding="utf-8")).items():
            settings.setdefault(plugin, {}).update(values)
        lab.parent.mkdir(parents=True, exist_ok=True)
        lab.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    print(f"Kernels of this environment now say to run Setup first: {install()}")  # and JupyterLab's settings


def show_errors_plainly() -> None:
    """In a notebook, show a HelperError as its message (file, problem, fix) without a traceback, a name the
    Setup cell makes, used before Setup has run, as one sentence saying to run Setup, and a name a later cell makes,
    used before that cell has run, as one paragraph saying to run the cells above (``show_name_error``), and a
    line Python cannot read because of its quotation marks, a ¶ sign or words left without quotation marks as what
    to type instead (``unreadable_quotes``, ``unreadable_call``), a sentence typed into a code cell as where answers
    go (``answer_typed_as_code``), and any other unreadable line as the line and what to check (``unreadable_line``).
    ``import helpers`` calls it; IPython keeps a single handler, so this is the one place it is registered.

    Parameters:
        none.
    Returns:
        nothing; outside IPython it does nothing.
    Example:
        >>> show_errors_plainly()   # outside IPython it does nothing
    """
    from .errors import ipython_shell
    shell = ipython_shell()
    if shell is None:
        return

    def handler(shell, etype, value, tb, tb_offset=None):
        import sys
        if issubclass(etype, NameError):    # a cell run before Setup (after a restart, say): one sentence
            return show_name_error(shell, etype, value, tb, tb_offset)
        if issubclass(etype, SyntaxError):  # a sentence, a ¶ sign, quotation marks, a bracket: one paragraph
            message = unreadable(shell, value)
            if message is None:
                return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
            return print(message, file=sys.stderr)
        if issubclass(etype, UsageError):
            print(f"Not quite: {value}", file=sys.stderr)
        else:
            print(f"{etype.__name__}: {value}", file=sys.stderr)

    shell.set_custom_exc((HelperError, UsageError, NameError, SyntaxError), handler)
    _answer_syntax_errors(shell)
