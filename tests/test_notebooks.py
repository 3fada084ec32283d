"""The notebooks as committed: executed, deterministic, shaped like lessons, and faithful to the essay."""
from __future__ import annotations

import re

import nbformat
import pytest

import helpers
from tools.cells import MANAGED_TAGS
from tools.run_notebooks import normalise, notebook_paths

NOTEBOOKS = notebook_paths()
IDS = [p.name for p in NOTEBOOKS]


def read(path):
    return nbformat.read(path, as_version=4)


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["00_start_here.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_executed_in_order(path):
    """Strict nbval passes trivially on a notebook with no outputs, so check they are there."""
    nb = read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a notebook with no code cells teaches nothing here"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), \
        "run it with `make notebooks` (Restart and Run All) before committing"
    assert sum(len(c.outputs) for c in code) >= len(code) // 2
    assert not any(o.output_type == "error" for c in code for o in c.outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_volatile_metadata(path):
    nb = read(path)
    assert "version" not in nb.metadata.get("language_info", {})
    for c in nb.cells:
        assert "execution" not in c.metadata and "ExecuteTime" not in c.metadata
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids)
    assert normalise(read(path)) == nb, "run `make notebooks` to normalise the metadata"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_shaped_like_a_lesson(path):
    nb = read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and re.search(r"(?m)^# ", first.source)
    for part in ("**Questions", "**Learning objectives", "**Time:**", "**Assumes:**"):
        assert part in first.source, f"the opening cell needs {part}"
    authored = [c for c in nb.cells if not set(c.metadata.get("tags", [])) & MANAGED_TAGS]
    assert authored[-1].source.startswith("## Key points"), "the last cell before the generated ones is the key points"
    lesson = nb.metadata["lesson"]
    assert {"title", "teaching", "exercises"} <= set(lesson)
    assert f"about {lesson['teaching']} minutes" in first.source
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    if "exercise" in tags:
        assert "solution" in tags, "every exercise has a worked solution, tagged `solution`"


def test_first_cell_says_what_to_do():
    nb = read(NOTEBOOKS[0])
    assert "**What to do first:**" in nb.cells[0].source and "Shift + Enter" in nb.cells[0].source


QUOTE = re.compile(r"“([^”]+)”(?:\s*\(¶(\d+)\))?")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_quotations_in_the_prose_are_exact(path, essay):
    """Curly double quotes in a notebook's prose are reserved for the essay's words: each must be an
    exact span of essay.txt, and of the paragraph named when one follows as (¶N)."""
    for m in QUOTE.finditer(markdown(read(path))):
        span, n = m.group(1), m.group(2)
        if n is None:
            assert span in essay.text, f"“{span}” is not in the essay"
        else:
            assert int(n) in essay.paragraphs.index, f"¶{n} does not exist"
            assert span in essay.paragraphs.loc[int(n)].text, f"“{span}” is not in ¶{n}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_paragraph_references_exist(path, essay):
    text = markdown(read(path)) + "".join(c.source for c in read(path).cells if c.cell_type == "code")
    for n in re.findall(r"¶(\d+)", text):
        assert int(n) in essay.paragraphs.index, f"{path.name} cites ¶{n}, which does not exist"


def test_lessons_table_matches_the_notebooks():
    table = helpers.lessons()
    assert list(table.notebook) == IDS
    assert (table.total_min == table.teaching_min + table.exercises_min).all()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_opens_with_a_binder_badge_for_itself_only_when_links_are_on(path):
    from tools.launch import badge, settings
    s = settings()
    first_line = read(path).cells[0].source.split("\n")[0]
    if s["repository"]:
        assert first_line == badge(path.name, s["repository"], s["branch"]), "run `make links`"
        assert f"labpath=notebooks%2F{path.name}" in first_line
    else:
        assert "mybinder.org" not in read(path).cells[0].source, \
            "launch.yml names no repository, so no badge: run `make notebooks` to remove it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_notebook_touches_sys_path(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert "sys.path" not in cell.source, f"{path.name}, cell {cell.id}: run `make notebooks` (tools/cells.py)"
    setup = next(c for c in read(path).cells if c.cell_type == "code")
    assert re.search(r"(?m)^import helpers\b", setup.source), f"{path.name}: the setup cell imports helpers plainly"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_slide_metadata(path):
    """Headings start slides; solutions are left out of the slides; facilitator notes become speaker notes."""
    for cell in read(path).cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type")
        assert kind in ("slide", "subslide", "fragment", "-", "skip", "notes"), cell.id
        tags = cell.metadata.get("tags", [])
        body = cell.source.split("\n\n", 1)[-1] if cell.source.startswith("[![") else cell.source
        if cell.cell_type == "markdown" and body.startswith(("# ", "## ")) and "solution" not in tags:
            assert kind == "slide", cell.id
        if "solution" in tags:
            assert kind == "skip", cell.id
        if "facilitator" in tags:
            assert kind == "notes", cell.id
