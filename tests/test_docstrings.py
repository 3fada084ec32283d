"""Docstrings a learner can use: the examples in every helpers module run as doctests, and in the modules
listed in DOCUMENTED every public function says its parameters, what it returns and shows an example.

The doctests are collected from every module of helpers/, so an example added to any module is run here.
"""
from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import pytest

import helpers

MODULES = sorted(m.name for m in pkgutil.iter_modules(helpers.__path__) if m.name != "__main__")
# Every public function of every helpers module has a learner docstring (Parameters / Returns / Example).
DOCUMENTED = set(MODULES)   # every module of helpers/: a new module must come documented


def public_callables(module):
    for name, obj in vars(module).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj):
            yield name, obj
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                func = member.fget if isinstance(member, property) else member
                if inspect.isfunction(func):
                    yield f"{name}.{attr}", func


def missing_parts(obj) -> list[str]:
    doc = inspect.getdoc(obj) or ""
    parts = []
    if ">>>" not in doc:
        parts.append("an example (>>>)")
    if inspect.isfunction(obj):
        params = [p for p in inspect.signature(obj).parameters if p not in ("self", "cls")]
        if params and "Parameters:" not in doc:
            parts.append("Parameters:")
        if "Returns:" not in doc:
            parts.append("Returns:")
    return parts


def undocumented(module_name: str) -> dict[str, list[str]]:
    module = importlib.import_module(f"helpers.{module_name}")
    return {name: gaps for name, obj in public_callables(module) if (gaps := missing_parts(obj))}


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_docstrings_run(name):
    module = importlib.import_module(f"helpers.{name}")
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {**vars(module)}
    for test in finder.find(module, module.__name__, globs=globs):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"helpers/{name}.py: {result.failed} docstring example(s) failed (see above)"


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_every_public_function_has_a_learner_docstring(name):
    gaps = undocumented(name)
    assert not gaps, (f"helpers/{name}.py: these lack parts of a learner docstring: {gaps}. "
                      "Add 'Parameters:', 'Returns:' and an 'Example:' with a >>> line, like load_essay's.")


def test_the_documented_modules_have_examples_to_run():
    """The control: the examples counted are really there (a module of bare docstrings would pass vacuously)."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    for name in DOCUMENTED:
        module = importlib.import_module(f"helpers.{name}")
        assert sum(len(t.examples) for t in finder.find(module)) >= 2, name
    assert missing_parts(lambda x: x) == ["an example (>>>)", "Parameters:", "Returns:"]


def test_readings_lists_the_seed_folders():
    table = helpers.readings()
    assert list(table.columns) == ["reading", "title", "series", "issue"]
    assert helpers.DEFAULT_READING in set(table.reading)
    for row in table.itertuples():
        assert helpers.load_essay(row.reading).title == row.title
