"""Count the code lines of the annotation loaders (issue 24, item 1: "the loaders' line count falls by a third").

Counted: helpers/anchoring.py, schema.py, rules.py and annotations.py whole, plus every function (at the top of a
module or in a class) whose name starts with ``load_`` or ``check_`` in the other modules of helpers/ (workshop.py's
loaders of the session plans and facilitator notes included, as the issue counts all loaders). A code line is a line
of such code that is not blank, not a comment and not inside a docstring. Left out: ``essay.load_essay`` (it reads
the text, not an annotation) and IPython's ``load_ipython_extension`` hook.

    python -m tools.loader_lines            # the total
    python -m tools.loader_lines --each     # per file and per function, then the total
    python -m tools.loader_lines --apart    # the total without workshop.py, then workshop.py's loaders alone
    python -m tools.loader_lines --base DIR # count another checkout's helpers/ (DIR holds helpers/)
    python -m tools.loader_lines --called   # also: the private helpers the counted loaders call, and the lines of
                                            # the readings' messages.yml (neither in the total)

The total counts a loader's own body only: a check moved into a private helper of its module (a name starting with
``_``, such as ``timeline._check_follows``) leaves it. ``--called`` lists those helpers, followed from each counted
function of a module that is not counted whole, so that a fall of the total can be told from a move of code. Likewise
the wording of the errors particular to one file, moved out of the loaders into ``seeds/<reading>/messages.yml``: its
lines (not blank, not a comment) are listed with ``--called``.
"""
from __future__ import annotations

import ast
import io
import sys
import tokenize
from pathlib import Path

HELPERS = Path(__file__).resolve().parent.parent / "helpers"
WHOLE = ("anchoring.py", "schema.py", "rules.py", "annotations.py")
PREFIXES = ("load_", "check_")
APART = {"workshop.py"}
NOT_LOADERS = {"load_essay", "load_ipython_extension"}


def code_lines(source: str) -> set[int]:
    """The numbers of the lines of ``source`` that hold code (not blank, comment or docstring)."""
    tree = ast.parse(source)
    docs: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                docs.update(range(first.lineno, first.end_lineno + 1))
    lines: set[int] = set()
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER, tokenize.ENCODING}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type not in skip:
            lines.update(range(tok.start[0], tok.end[0] + 1))
    return lines - docs


def counted(folder: Path = HELPERS, only: bool | None = None) -> dict[str, int]:
    """Code lines per counted unit: 'file.py' for a whole file, 'file.py:function' for a function (``only``: True
    for workshop.py alone, False for the rest, None for all)."""
    out: dict[str, int] = {}
    for path in sorted(folder.glob("*.py")):
        if only is not None and (path.name in APART) != only:
            continue
        source = path.read_text(encoding="utf-8")
        lines = code_lines(source)
        if path.name in WHOLE:
            out[path.name] = len(lines)
            continue
        tree = ast.parse(source)
        nodes = [(None, n) for n in tree.body] + [(c.name, n) for c in tree.body if isinstance(c, ast.ClassDef)
                                                  for n in c.body]
        for cls, node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(PREFIXES) \
                    and node.name not in NOT_LOADERS:
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                name = f"{cls}.{node.name}" if cls else node.name
                out[f"{path.name}:{name}"] = len({n for n in lines if start <= n <= node.end_lineno})
    return out


def called(folder: Path = HELPERS) -> dict[str, int]:
    """Code lines per private helper ('file.py:_name') that a counted loader of a module not counted whole calls,
    directly or through another such helper: code the total leaves out."""
    out: dict[str, int] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name in WHOLE:
            continue
        source = path.read_text(encoding="utf-8")
        lines, tree = code_lines(source), ast.parse(source)
        private = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        todo = [n for name, n in private.items() if name.startswith(PREFIXES) and name not in NOT_LOADERS]
        while todo:
            for name in {c.id for c in ast.walk(todo.pop()) if isinstance(c, ast.Name)}:
                if name.startswith("_") and name in private and f"{path.name}:{name}" not in out:
                    node = private[name]
                    out[f"{path.name}:{name}"] = len({n for n in lines if node.lineno <= n <= node.end_lineno})
                    todo.append(node)
    return dict(sorted(out.items()))


def message_lines(folder: Path = HELPERS) -> dict[str, int]:
    """Lines of each reading's messages.yml ('seeds/<reading>/messages.yml') that are not blank and not a comment:
    the wording the loaders raise, kept as data beside the reading (``helpers.rules.said``)."""
    return {str(path.relative_to(folder.parent)): sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                                                      if line.strip() and not line.lstrip().startswith("#"))
            for path in sorted((folder.parent / "seeds").glob("*/messages.yml"))}


def report(found: dict[str, int], each: bool, what: str) -> None:
    """Print the count (and with ``each``, per function and per file)."""
    if each:
        for name, n in found.items():
            print(f"{n:5d}  {name}")
        by_file: dict[str, int] = {}
        for name, n in found.items():
            by_file[name.split(":")[0]] = by_file.get(name.split(":")[0], 0) + n
        print()
        for name, n in by_file.items():
            print(f"{n:5d}  {name}")
    print(f"{sum(found.values())} code lines in the loaders{what}")


def main(argv: list[str]) -> int:
    folder = Path(argv[argv.index("--base") + 1]) / "helpers" if "--base" in argv else HELPERS
    if "--apart" in argv:
        report(counted(folder, only=False), "--each" in argv, " besides workshop.py")
        report(counted(folder, only=True), "--each" in argv, " of workshop.py")
    report(counted(folder), "--each" in argv and "--apart" not in argv, "")
    if "--called" in argv:
        helpers = called(folder)
        for name, n in helpers.items():
            print(f"{n:5d}  {name}")
        print(f"{sum(helpers.values())} code lines in private helpers the loaders call (not in the total)")
        for name, n in message_lines(folder).items():
            print(f"{n:5d}  {name} (the wording of the loaders' own errors, not in the total)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
