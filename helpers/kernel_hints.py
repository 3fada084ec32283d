"""A cell run before the Setup cell: a plain sentence instead of a ``NameError`` traceback.

Every notebook makes its names (``essay``, ``argument``, ``timeline``, ``plots``…) in its Setup cell. A learner
who runs a later cell first would meet ``NameError: name 'essay' is not defined`` under a traceback. The kernel
loads this module as an IPython extension when it starts, before any cell has run: IPython reads
``<environment>/etc/ipython/ipython_kernel_config.py``, which ``python -m helpers.kernel_hints`` copies there from
``helpers/kernel/`` (``make install`` and ``make lab`` do it). ``helpers`` keeps the same answer once it is
imported. A name that a later cell makes (``asked``, ``ledger``…), used after a restart with only Setup run, gets
one paragraph saying to run the cells above first (``made_earlier``). Any other NameError keeps Python's own message.
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
    to type instead (``unreadable_quotes``, ``unreadable_call``).
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
        if issubclass(etype, SyntaxError):  # a ¶ sign, missing or curly or unpaired quotation marks: what to type
            message = unreadable_call(value) or unreadable_quotes(value)
            if message is None:
                return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
            return print(message, file=sys.stderr)
        if issubclass(etype, UsageError):
            print(f"Not quite: {value}", file=sys.stderr)
        else:
            print(f"{etype.__name__}: {value}", file=sys.stderr)

    shell.set_custom_exc((HelperError, UsageError, NameError, SyntaxError), handler)
