"""Issue #24 item 5 (session 27): the suite's time held where it can slip back. The bundles (and their start pages,
which read every lesson's PDF for its exercise pages) are written once per test run, by conftest's bundles_built,
never again by a test file from the shared build; the property tests take their settings from one hypothesis profile,
so `make test`, CI and a single file run the same examples."""
from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# tools.bundle's functions that write a bundle or build a start page (the facilitator's reads every lesson's PDF)
BUILDS = re.compile(r"\bbundle\.(bundles|start_here_facilitator|start_here_participant)\(")


def builds_in(text: str) -> list[int]:
    """The lines of ``text`` (a test file) that write a bundle or build a start page themselves."""
    return [i for i, line in enumerate(text.splitlines(), 1) if BUILDS.search(line)]


def test_the_build_finder_finds_a_build():
    assert builds_in("x = 1\n    zips = bundle.bundles(tmp_path, built=editions_built)\n") == [2]
    assert builds_in("page = bundle.start_here_facilitator(editions_built)") == [1]
    assert builds_in("def fake_bundles(out, built):\n    bundle.sharing_html(3)") == []


def test_only_the_shared_fixture_writes_the_bundles_or_their_start_pages():
    """CI70's durations: five tests in four files wrote the bundles or the facilitator's start page again from the
    shared build, 155 to 275 s each under load; each now reads conftest's bundles_built, written once a run."""
    found = {path.name: builds_in(path.read_text(encoding="utf-8")) for path in sorted(TESTS.glob("test_*.py"))
             if path.name != Path(__file__).name}       # this file's own examples above
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_shared_bundles_are_built_once_a_run_across_workers():
    """conftest's bundles_built writes them through built_once (one lock and one folder for every xdist worker),
    in a folder named by the shared build they are written from."""
    conftest = (TESTS / "conftest.py").read_text(encoding="utf-8")
    fixture = conftest[conftest.index("def bundles_built("):]
    fixture = fixture[:fixture.index("\n\n\n")]
    assert len(builds_in(fixture)) == 1
    assert re.search(r'built_once\(tmp_path_factory, f"bundles-\{editions_built\.name\}"', fixture)
