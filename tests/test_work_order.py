"""The order in which the two test workers get the files (tests/conftest.py, work_order): the longest file first,
the first user of the built handouts second (it builds them while the other worker runs files that do not need
them), the other users after every file that does not need them, and the small spread units last."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import conftest
import pytest

PROJECT = Path(__file__).resolve().parent.parent


def item(name: str, test: str = "test_x", uses=()):
    return SimpleNamespace(path=PROJECT / "tests" / name, nodeid=f"tests/{name}::{test}", fixturenames=list(uses))


def test_the_work_order_puts_the_build_early_and_its_other_users_late():
    items = [item("test_print.py", uses=["editions_built"]), item("test_account.py"),
             item("test_properties.py", "test_a"), item("test_a11y.py", uses=["editions_built"]),
             item("test_decks.py", "test_b"), item("test_decks.py", "test_a", uses=["editions_built"]),
             item("test_browser.py"), item("test_zebra.py")]
    order = [(i.path.name, i.nodeid.rsplit("::", 1)[1]) for i in conftest.work_order(items)]
    assert order == [("test_browser.py", "test_x"), ("test_a11y.py", "test_x"), ("test_account.py", "test_x"),
                     ("test_zebra.py", "test_x"), ("test_print.py", "test_x"), ("test_decks.py", "test_b"),
                     ("test_decks.py", "test_a"), ("test_properties.py", "test_a")]


def test_the_collection_hook_applies_the_work_order():
    """pytest's collection hook (tests/conftest.py) reorders the items it is given, in place, by the work order:
    given the files in the worst order (the users of the handouts first, the longest file last), the browser
    file comes first, the build's first user second, its other users and the spread file last. (Called directly:
    a pytest run inside this one cost seconds and proved no more.)"""
    items = [item("test_slides.py", uses=["editions_built"]), item("test_properties.py"), item("test_account.py"),
             item("test_a11y.py", uses=["editions_built"]), item("test_timeline.py"), item("test_browser.py")]
    for one in items:
        one.name = one.nodeid.rsplit("::", 1)[1]
        one.add_marker = lambda mark: None      # the hook marks slow tests; marks are not what this test checks
    conftest.pytest_collection_modifyitems(None, items)
    assert [i.path.name for i in items] == ["test_browser.py", "test_a11y.py", "test_account.py", "test_timeline.py",
                                            "test_slides.py", "test_properties.py"]


def test_a_test_named_in_slow_tests_is_marked_slow_and_its_neighbours_are_not():
    """SLOW_TESTS marks the test it names (every parameter of it when named without [...]), and no other."""
    def one(name: str, test: str):
        return SimpleNamespace(path=PROJECT / "tests" / name, name=test)
    assert conftest.slow_test(one("test_decks.py", "test_the_run_sheet_start_time_moves_every_time"))
    assert conftest.slow_test(one("test_decks.py", "test_binder_steps_only_while_launch_links_are_on[True]"))
    assert conftest.slow_test(one("test_docstrings.py", "test_the_examples_in_the_docstrings_run[plots]"))
    assert not conftest.slow_test(one("test_docstrings.py", "test_the_examples_in_the_docstrings_run[anchoring]"))
    assert not conftest.slow_test(one("test_spanish.py", "test_the_run_sheet_start_time_moves_every_time"))


def test_every_name_in_slow_tests_is_a_test_that_exists():
    """A test renamed or removed leaves a name in SLOW_TESTS that marks nothing: each names a test function of its
    file, and a name with [...] one of the parameters that function is given (test_docstrings: a helpers module)."""
    import ast
    import test_docstrings
    params = {"test_docstrings.py::test_the_examples_in_the_docstrings_run": set(test_docstrings.MODULES)}
    missing, defined = [], {}        # file -> the names of its test functions (each file parsed once)
    for entry in sorted(conftest.SLOW_TESTS):
        file, test = entry.split("::", 1)
        function, _, param = test.partition("[")
        if file not in defined:
            path = PROJECT / "tests" / file
            tree = ast.parse(path.read_text(encoding="utf-8")) if path.is_file() else ast.Module(body=[], type_ignores=[])
            defined[file] = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        if function not in defined[file]:
            missing.append(entry)
        elif param and param.removesuffix("]") not in params.get(f"{file}::{function}", ()):
            missing.append(entry)
    assert missing == [], f"SLOW_TESTS names tests that do not exist: {missing}"


# ---- what every test process imports: tests/quick_imports.py, loaded first by the Makefile's test commands ----------

PROBE = ("import sys, tests.quick_imports, nbformat\n"
         "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')]))\n"
         "print(sorted(m for m in sys.modules if m.startswith(('jsonschema._format', 'rfc3987_syntax.'))))")


def test_the_test_commands_load_quick_imports_and_nbformat_then_builds_no_iri_parsers():
    """Issue #24 (item 5): each test process (the controller and every xdist worker: nbval's plugin imports nbformat)
    spent 1.5 to 3.5 s of processor time importing rfc3987_syntax, whose parsers check a format no notebook uses.
    `make test` and `make test-fast` load tests/quick_imports.py before the other plugins; a Python that loads it,
    then imports nbformat and validates a notebook, has imported jsonschema's format checks but built no parser."""
    import subprocess
    import sys
    make = (PROJECT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "test-fast"):
        recipe = make.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert "-m pytest -p tests.quick_imports " in recipe, (target, recipe)
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["['jsonschema._format']"], done.stdout


def test_the_test_commands_keep_compiled_modules_where_the_shell_says_not_to():
    """Issue #24: with PYTHONDONTWRITEBYTECODE set (as on the shared machine), every test process, kernel and Python a
    test starts compiled the helpers, the tools and each test file (pytest's assertion rewriting) again: collecting
    test-fast took 6.9 s of processor time a process, 2.5 s with the compiled files kept. Each test command's Python,
    started from such a shell, writes them."""
    import os
    import subprocess
    import sys
    make = (PROJECT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "test-fast"):
        recipe = make.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        line = next(ln.strip() for ln in recipe.splitlines() if "-m pytest" in ln)
        prefix = line.split("$(BIN)/python", 1)[0]
        done = subprocess.run(["sh", "-c", f"{prefix} {sys.executable} -c 'import sys; print(sys.dont_write_bytecode)'"],
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, capture_output=True, text=True,
                              check=True)
        assert done.stdout.split() == ["False"], (target, line)


def test_what_collection_made_is_frozen_for_the_garbage_collector():
    """conftest freezes (gc.freeze) what importing and collecting made, so full garbage collections in a test process
    stop walking the modules, pandas and matplotlib again and again (issue #24: about 4 % of processor time)."""
    import gc
    assert gc.get_freeze_count() > 10_000
