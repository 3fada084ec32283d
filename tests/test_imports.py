"""The data flows one way (essay.txt -> Essay -> anchored annotations -> plots -> notebooks): no import circle
in helpers/, helpers imports nothing from tools/, and the annotation primitives import no loader.

Each module is imported alone in a fresh Python, without helpers/__init__.py (which imports everything and so
would hide a circle), and the graph of the imports each module runs when loaded is checked for cycles.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

HELPERS = Path(__file__).resolve().parent.parent / "helpers"
MODULES = sorted(p.stem for p in HELPERS.glob("*.py") if p.stem not in ("__init__", "__main__"))
LOADERS = {"argument", "quotations", "timeline", "terms", "figures", "discussion", "workshop", "plots", "display",
           "lessons"}
ALONE = """
import sys, types
pkg = types.ModuleType("helpers"); pkg.__path__ = [{path!r}]; sys.modules["helpers"] = pkg
import importlib; importlib.import_module("helpers.{name}")
"""


def top_level_imports(name: str, inside_functions: bool = False) -> set[str]:
    """The helpers modules ``name`` imports when it is loaded (with ``inside_functions``, wherever it imports)."""
    tree = ast.parse((HELPERS / f"{name}.py").read_text(encoding="utf-8"))
    found = set()
    for node in (ast.walk(tree) if inside_functions else tree.body):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {a.name for a in node.names}
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mod = node.module if isinstance(node, ast.ImportFrom) else ""
            names = [a.name for a in node.names]
            assert not (mod or "").startswith("tools") and not any(n.startswith("tools") for n in names), \
                f"helpers/{name}.py imports from tools/: helpers must not depend on the maintainer's commands"
    return {m.split(".")[0] for m in found}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path + [node, nxt]
            if nxt not in state and (found := visit(nxt, path + [node])):
                return found
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node, [])):
            return found
    return None


# Where the system can fork: one fresh Python loads the libraries helpers uses (pandas, yaml: third-party code only,
# never a helpers module), then forks a child per module, which imports that module alone as ALONE does. The same
# check as a fresh Python per module, without starting Python and loading pandas 26 times.
FORKED = """
import importlib, json, os, sys, traceback, types
import pandas, yaml
errors = {{}}
for name in {names!r}:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            pkg = types.ModuleType("helpers"); pkg.__path__ = [{path!r}]; sys.modules["helpers"] = pkg
            importlib.import_module("helpers." + name)
            message = b""
        except BaseException:
            message = traceback.format_exc().encode()
        os.write(w, message[-4000:] or b"ok")
        os._exit(0)
    os.close(w)
    got = b""
    while chunk := os.read(r, 65536):
        got += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    errors[name] = "" if got == b"ok" and status == 0 else got.decode(errors="replace") or f"exit status {{status}}"
print("\\n" + json.dumps(errors))
"""


@pytest.fixture(scope="module")
def import_errors() -> dict[str, str] | None:
    """Each module's error when imported alone (empty when it imports), or None without os.fork (Windows)."""
    import json
    import os
    if not hasattr(os, "fork"):
        return None
    done = subprocess.run([sys.executable, "-c", FORKED.format(path=str(HELPERS), names=MODULES)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", MODULES)
def test_each_module_imports_alone(name, import_errors):
    if import_errors is not None:
        assert not import_errors[name], f"helpers/{name}.py cannot be imported on its own:\n{import_errors[name]}"
        return
    done = subprocess.run([sys.executable, "-c", ALONE.format(path=str(HELPERS), name=name)],
                          capture_output=True, text=True)
    assert done.returncode == 0, f"helpers/{name}.py cannot be imported on its own:\n{done.stderr[-2000:]}"


def test_no_import_circle():
    graph = {name: top_level_imports(name) for name in MODULES}
    assert cycle(graph) is None, f"import circle: {' -> '.join(cycle(graph))}"
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"], "the cycle finder works"


def test_the_foundations_import_no_loader():
    for name in ("errors", "text", "schema", "essay", "anchoring"):
        used = top_level_imports(name, inside_functions=True)
        assert not used & (LOADERS | {"annotations"}), f"helpers/{name}.py imports {used & (LOADERS | {'annotations'})}"


def test_no_circle_even_through_imports_inside_functions():
    """annotations.load_all imports every loader when it runs, so no loader may import annotations."""
    graph = {name: top_level_imports(name, inside_functions=True) for name in MODULES}
    assert cycle(graph) is None, f"import circle: {' -> '.join(cycle(graph))}"
    assert top_level_imports("essay") <= {"errors", "schema", "text"}


def in_a_fresh_python(after_loading: str) -> list[str]:
    """Run ``import helpers``, setup_display() and load_essay() in a new interpreter, then ``after_loading``;
    return the lines it printed."""
    import subprocess
    import sys
    code = "import sys, helpers\nhelpers.setup_display()\nhelpers.load_essay()\n" + after_loading
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_import_helpers_and_loading_the_essay_leave_matplotlib_unloaded():
    """A notebook without figures (00's first cells) starts without matplotlib; helpers.plots loads it, styled."""
    loaded, size = in_a_fresh_python("print('matplotlib' in sys.modules)\nfrom helpers import plots\n"
                                     "import matplotlib.pyplot as plt\nprint(plt.rcParams['font.size'])\n")
    assert loaded == "False", "import helpers loads matplotlib again: keep helpers.plots out of the eager imports"
    assert float(size) == 13.0, "the figure style asked for by setup_display is applied when plots is loaded"


def test_import_helpers_and_loading_the_essay_load_only_the_essay_modules():
    """The annotation modules (argument, timeline, quotations, terms ...) load on first use, not with the essay."""
    first, after = in_a_fresh_python("print(' '.join(sorted(m for m in sys.modules if m.startswith('helpers.'))))\n"
                                     "helpers.load_argument\n"
                                     "print('helpers.argument' in sys.modules, callable(helpers.lessons))\n")
    loaded = set(first.split())
    heavy = {"helpers.argument", "helpers.timeline", "helpers.quotations", "helpers.terms", "helpers.figures",
             "helpers.discussion", "helpers.edition", "helpers.workshop", "helpers.plots", "helpers.ledger"}
    assert not loaded & heavy, f"import helpers loads {sorted(loaded & heavy)} again: keep them in helpers._LAZY"
    assert after == "True True", "helpers.load_argument must still load on first use, and helpers.lessons stay a function"


def test_every_public_name_is_reachable():
    import helpers
    missing = [name for name in helpers.__all__ if not hasattr(helpers, name)]
    assert not missing, f"helpers.__all__ names {missing}, which helpers no longer provides"
