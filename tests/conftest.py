"""Shared fixtures: the essay as committed, and a throw-away copy of its folder to break on purpose."""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import helpers  # noqa: E402


# What `make test-fast` leaves out (pytest -m "not slow"): the files that start a browser, print PDFs, start a hub or
# a JupyterLab, execute notebooks or copy the project to run its commands, and every test that uses the built
# handouts (editions_built); nbval's notebooks are outside tests/, which is all test-fast collects. `make test` and CI
# run everything. Chosen from `pytest --durations` (README, "For developers").
SLOW = {"test_a11y.py", "test_browser.py", "test_hub.py", "test_hub_sizing.py", "test_binder.py", "test_bundle.py",
        "test_print.py", "test_launch.py", "test_offline_and_determinism.py", "test_properties.py"}
# and, in other files, the tests that use one of these fixtures: the built handouts; every figure drawn and measured
SLOW_FIXTURES = {("*", "editions_built"), ("test_figures_legible.py", "measured")}


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: starts a browser, prints PDFs, starts a hub, builds the handouts or "
                                       "executes notebooks; `make test-fast` leaves it out (tests/conftest.py, SLOW)")
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False      # xdist: hand out the files in the order work_order() gives


# The order in which `--dist loadfile` hands the files to the two workers (pytest --durations): the longest file
# first, then the first file that uses the built handouts, which builds them (about 80 s) while the other worker
# runs files that do not need them; every other file that uses them after those; last, the small units of SPREAD,
# which fill the gaps at the end. Before this order, xdist's own (the files with most tests first) put two users
# of the handouts on the two workers at once, and one of them waited 70 s for the other's build.
FIRST = ("test_browser.py", "test_a11y.py")


def work_order(items) -> list:
    """``items`` sorted (stably) by when their file should start: see FIRST."""
    editions = {item.path for item in items if "editions_built" in getattr(item, "fixturenames", ())}

    def rank(item) -> tuple:
        name = item.path.name
        if name in FIRST:
            return (0, FIRST.index(name))
        if item.nodeid.split("[", 1)[0] in SPREAD or item.nodeid.split("::", 1)[0] in SPREAD:
            return (3, 0)
        return (2 if item.path in editions else 1, 0)
    return sorted(items, key=rank)


def pytest_collection_modifyitems(config, items):
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        if (item.path.name in SLOW or item.path.suffix == ".ipynb"
                or any(where in ("*", item.path.name) and name in uses for where, name in SLOW_FIXTURES)):
            item.add_marker(pytest.mark.slow)
    items[:] = work_order(items)


# `--dist loadfile` keeps each test file on one worker (its module fixtures start once); these long tests are cut out
# of their file, one unit of work per test (a parametrized test: per parameter), so both workers share them (pytest
# --durations). A file named here is cut into all its tests: test_properties.py, whose module fixture only reads, was
# one worker's five minutes under `make test`.
SPREAD = {"tests/test_rules.py::test_any_node_of_schema_yml_of_the_wrong_shape_gives_a_plain_error",
          "tests/test_properties.py"}


@pytest.hookimpl(optionalhook=True)      # a hook of pytest-xdist, unknown when it is not loaded
def pytest_xdist_make_scheduler(config, log):
    """loadfile's scheduler, except that each test of a function or file in SPREAD is its own unit of work."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class Spread(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            spread = nodeid.split("[", 1)[0] in SPREAD or nodeid.split("::", 1)[0] in SPREAD
            return nodeid if spread else super()._split_scope(nodeid)

    return Spread(config, log)


@pytest.fixture(scope="session")
def essay():
    return helpers.load_essay()


def inputs_digest(*parts: str) -> str:
    """A digest of every file under the named project folders and files (what a build reads)."""
    h = hashlib.sha256()
    for part in parts:
        top = PROJECT / part
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts:
                h.update(str(path.relative_to(PROJECT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def built_once(tmp_path_factory, name: str, build, wait: float = 1800) -> Path:
    """``build(folder)`` run once for the whole test run, however many xdist workers ask: the first takes a lock
    file and builds; the others wait, then read the same folder. A build that fails leaves no mark, so the next
    worker builds again (and reports the same error in its own tests)."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base   # xdist: the run's folder, shared
    folder, lock, mark = root / name, root / f"{name}.lock", root / f"{name}.complete"
    start = time.monotonic()
    while not mark.exists():
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if time.monotonic() - start > wait:
                pytest.fail(f"waited {wait:.0f} s for another test worker to build {name}")
            time.sleep(0.5)
            continue
        try:
            if not mark.exists():
                shutil.rmtree(folder, ignore_errors=True)
                build(folder)
                mark.write_text("built\n", encoding="utf-8")
        finally:
            os.close(fd)
            os.unlink(lock)
    return folder


@pytest.fixture(scope="session")
def editions_built(tmp_path_factory) -> Path:
    """Every edition, handout, deck and PDF, built once per test run (as `make handouts` does) and only read.

    The print, slide, workshop, launch, bundle and accessibility tests share it: built once for the run, even with
    the test files spread over several xdist workers (built_once), in a folder named by a digest of what it is
    built from.
    """
    from tools import editions
    pdf = os.environ.get("EDITIONS_PDF", "1") != "0"
    digest = inputs_digest("helpers", "tools", "seeds", "notebooks", "launch.yml")
    return built_once(tmp_path_factory, f"editions-{'pdf' if pdf else 'html'}-{digest}",
                      lambda out: editions.build(out, pdf=pdf))


@pytest.fixture
def reading_copy(tmp_path) -> Path:
    """A copy of seeds/we-are-losing/ in a temporary folder; the committed files are never touched."""
    dest = tmp_path / "we-are-losing"
    shutil.copytree(helpers.SEEDS / helpers.DEFAULT_READING, dest)
    return dest
