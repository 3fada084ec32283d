"""One range of Pythons, said the same everywhere a user or CI meets it.

pyproject.toml's ``requires-python`` is the source. Its lower bound is what the pinned requirements need (the
highest ``Requires-Python`` among them, read from the installed packages' metadata); its upper bound is the
first Python for which a pin has no wheel (measured with ``python -m tools.python_range``, which asks PyPI).
The README, the Makefile's check, the setup page (English and Spanish) and the CI matrix must say the same.
"""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import metadata
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from helpers import load_essay, workshop

PROJECT = Path(__file__).resolve().parent.parent


def stated() -> tuple[tuple[int, int], tuple[int, int]]:
    """(lowest supported, first unsupported) as (major, minor), from pyproject.toml."""
    spec = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    low = re.fullmatch(r">=(\d+)\.(\d+),<(\d+)\.(\d+)", spec.replace(" ", ""))
    assert low, f"pyproject.toml: requires-python should read '>=3.A,<3.B', not {spec!r}"
    a, b, c, d = map(int, low.groups())
    return (a, b), (c, d)


def newest(first_unsupported: tuple[int, int]) -> tuple[int, int]:
    return first_unsupported[0], first_unsupported[1] - 1


def pins(name: str) -> list[Requirement]:
    found = []
    for line in (PROJECT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            found.append(Requirement(line))
    return found


def test_the_lowest_python_is_what_the_pins_need():
    low, _ = stated()
    needs = {}
    for req in pins("requirements.txt"):
        spec = metadata(req.name).get("Requires-Python") or ""
        floors = [tuple(map(int, s.version.split(".")[:2])) for s in SpecifierSet(spec) if s.operator == ">="]
        needs[req.name] = max(floors, default=(3, 0))
    highest = max(needs.values())
    assert low == highest, (f"pyproject.toml says Python {low[0]}.{low[1]} or newer, but the pins need "
                            f"{highest[0]}.{highest[1]} ({[n for n, v in needs.items() if v == highest]}): make them agree")
    assert SpecifierSet(f">={low[0]}.{low[1]}").contains(f"{sys.version_info[0]}.{sys.version_info[1]}")


def test_the_readme_and_setup_page_state_the_range():
    low, high = stated()
    top = newest(high)
    words = f"Python {low[0]}.{low[1]} to {top[0]}.{top[1]}"
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"You need {words}" in readme
    assert not re.search(r"Python 3\.\d+ or newer", readme), "the README still says 'or newer'"
    setup = workshop.load_handout(load_essay())["setup"]
    route = next(r for r in setup["routes"] if r["title"]["en"].startswith("B."))
    assert route["title"]["en"].endswith(words) and route["title"]["es"].endswith(f"Python {low[0]}.{low[1]} a "
                                                                                   f"{top[0]}.{top[1]}")
    versions = ", ".join(f"3.{m}" for m in range(low[1], top[1])) + f" or 3.{top[1]}"
    first = route["steps"][0]
    assert versions in first["en"] and versions.replace(" or ", " o ") in first["es"], first
    assert f"3.{high[1]}, does not work" in first["en"] and f"3.{high[1]}, todavía no funciona" in first["es"]


def test_the_makefile_check_refuses_pythons_outside_the_range():
    low, high = stated()
    code = re.search(r"@\$\(PYTHON\) -c '(.*?)'\n", (PROJECT / "Makefile").read_text(encoding="utf-8")).group(1)
    for version, ok in ((low, True), (newest(high), True), ((low[0], low[1] - 1), False), (high, False)):
        done = subprocess.run([sys.executable, "-c", f"import sys; sys.version_info = {version + (0,)!r}\n{code}"],
                              capture_output=True, text=True, encoding="utf-8")
        assert (done.returncode == 0) == ok, (version, done.stderr)
        if not ok:
            assert f"needs Python {low[0]}.{low[1]} to 3.{high[1] - 1}" in done.stderr
            assert "Traceback" not in done.stderr


def test_the_ci_matrix_runs_the_lowest_and_the_newest():
    low, high = stated()
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8"))
    matrix = workflow["jobs"]["learner"]["strategy"]["matrix"]
    assert matrix["python"] == [f"{low[0]}.{low[1]}", f"{newest(high)[0]}.{newest(high)[1]}"]
    assert {"windows-latest", "macos-latest"} <= set(matrix["os"]) and any(o.startswith("ubuntu") for o in matrix["os"])
    conda = yaml.safe_load((PROJECT / "environment.yml").read_text(encoding="utf-8"))["dependencies"]
    python = next(d for d in conda if isinstance(d, str) and d.startswith("python="))
    assert low <= tuple(map(int, python.split("=")[1].split("."))) <= newest(high)


def test_the_download_is_stated_the_same_everywhere():
    """One figure for what routes B and C download, wherever a facilitator or participant reads it."""
    import json
    import re

    import nbformat
    from pathlib import Path
    PROJECT = Path(__file__).resolve().parent.parent
    from helpers import load_essay, workshop
    # session 25: the figure is kept in one place, workshop.SETUP_SIZES_MB, which fills facilitation.yml's setup
    # intro; the guide (05) shows that intro in its outputs and says no figure of its own in its prose
    guide = nbformat.read(PROJECT / "notebooks" / "05_facilitator_guide.ipynb", as_version=4).cells
    intro = workshop.load_handout(load_essay())["setup"]["intro"]
    texts = {"setup intro": intro["en"] + "\n" + intro["es"],
             "05's outputs": json.dumps([c.get("outputs", []) for c in guide], ensure_ascii=False)}
    found = {name: set(re.findall(r"(?:download|descargan)\w* (?:about|unos) (\d+) MB", text)) for name, text in texts.items()}
    assert all(found.values()), found
    assert set().union(*found.values()) == {str(workshop.SETUP_SIZES_MB["download_mb"])}, found
    prose = "\n".join(c.source for c in guide if c.cell_type == "markdown")
    assert not re.search(r"(?:download|descargan)\w* (?:about|unos) (\d+) MB", prose)
