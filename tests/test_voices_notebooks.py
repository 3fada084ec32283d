"""Notebooks 02 and 03 as a newcomer meets them: clean output, each long passage once, a place to write,
worked solutions folded, every figure described in words."""
from __future__ import annotations

import re

import nbformat
import pytest

from tools.run_notebooks import notebook_paths

MINE = [p for p in notebook_paths() if p.name in ("02_source_quotations.ipynb", "03_timeline.ipynb")]
IDS = [p.name for p in MINE]
SOLUTION_LABEL = "### Worked solution: open after you have tried"


def outputs(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        else:
            parts.extend(v for k, v in out.get("data", {}).items() if k in ("text/plain", "text/html"))
    return "\n".join(parts)


def test_both_notebooks_are_here():
    assert IDS == ["02_source_quotations.ipynb", "03_timeline.ipynb"]


@pytest.mark.parametrize("path", MINE, ids=IDS)
def test_no_noise_in_any_output(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        # the shared table's one-line note ("add rows=None") is the only place None may appear
        text = re.sub(r"To see them all, add rows=None: helpers\.table\(…, rows=None\)\.", "", outputs(cell))
        for noise in ("dtype:", "NaN", "<NA>", "NaT", "None", "Name: ", "Unnamed", "offset"):
            assert noise not in text, (i, noise)
        # text is wrapped, never cut by the package (an ellipsis only where the essay has one)
        assert " …\n" not in text and "...\n" not in text, i


@pytest.mark.parametrize("path", MINE, ids=IDS)
def test_each_long_passage_is_printed_once(path):
    """No run of 12 words from the essay's long quotations appears in two outputs (or twice in one)."""
    import helpers
    essay = helpers.load_essay()
    quotes = helpers.load_quotations(essay)
    long_texts = [t for t in quotes.text if len(t.split()) > 30]
    nb = nbformat.read(path, as_version=4)
    plain = [re.sub(r"\s+", " ", "\n".join(o.text if o.output_type == "stream" else o.get("data", {}).get("text/plain", "")
                                           for o in c.get("outputs", []))) for c in nb.cells]
    for text in long_texts:
        words = text.split()
        probe = " ".join(words[5:17])
        assert sum(p.count(probe) for p in plain) <= 1, probe


@pytest.mark.parametrize("path", MINE, ids=IDS)
def test_exercises_have_an_answer_cell_and_a_folded_solution(path):
    nb = nbformat.read(path, as_version=4)
    cells = nb.cells
    tags = [c.metadata.get("tags", []) for c in cells]
    exercises = [i for i, t in enumerate(tags) if "exercise" in t and cells[i].cell_type == "markdown"]
    assert exercises
    for i in exercises:
        following = cells[i + 1:]
        answer = next(c for c in following if "answer" in c.metadata.get("tags", []))
        assert answer.cell_type == "markdown" and answer.source.startswith("**Your answer:** ")
        head = next(c for c in following if "solution" in c.metadata.get("tags", []))
        assert head.cell_type == "markdown" and head.source.split("\n")[0] == SOLUTION_LABEL
    for c in cells:
        t = c.metadata.get("tags", [])
        if "exercise" in t and c.cell_type == "code":
            assert c.source.strip() and not all(line.startswith("#") for line in c.source.strip().split("\n"))


@pytest.mark.parametrize("path", MINE, ids=IDS)
def test_every_figure_is_described_in_words(path):
    nb = nbformat.read(path, as_version=4)
    figures = [c for c in nb.cells if c.cell_type == "code" and any("image/png" in o.get("data", {}) for o in c.outputs)]
    assert figures
    for c in figures:
        # describe_… gives the sentence; show_timeline_zoom shows each of its panels with its own sentence
        assert "plots.describe_" in c.source or "plots.show_timeline_zoom" in c.source
        described = [o.text if o.output_type == "stream" else o.data["text/plain"] for o in c.outputs
                     if o.output_type == "stream" or "reader-passage" in str(o.get("data", {}).get("text/html", ""))]
        assert described and described[-1].startswith("The ") and len(described[-1].split()) >= 15


@pytest.mark.parametrize("path", MINE, ids=IDS)
def test_the_opening_names_the_reading_and_glosses_terms(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0].source
    read = nb.metadata["lesson"]["read"]
    assert "Before you start, read " in first
    for part in read.split(", "):
        assert part in first, part
    assert "04_people_places_terms.ipynb" in first and "**Words used below.**" in first


def test_the_who_said_it_answer_key_is_folded_under_the_cards():
    nb = nbformat.read(MINE[0], as_version=4)
    key = [c for c in nb.cells if c.cell_type == "code" and "who_said_it_cards" not in c.source
           and "cards" in c.source and "speaker" in c.source]
    assert len(key) == 1
    html = outputs(key[0])
    assert html.count("<details>") >= 1 and "Answer key" in html


def test_the_timeline_notebook_writes_no_files_and_gives_context_before_exercise_2():
    nb = nbformat.read(MINE[1], as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "write_timelinejs" not in code and "build" not in code
    heads = [c.source.split("\n")[0] for c in nb.cells if c.cell_type == "markdown"]
    cells = [c.source for c in nb.cells if c.cell_type == "markdown"]
    long_view = next(i for i, c in enumerate(cells) if any(ln.startswith("## The long view") for ln in c.splitlines()))
    assert heads.index("## What happened, in order (the essay's account)") < long_view
    first = next(i for i, h in enumerate(heads) if h.startswith("## Context rows"))
    exercise = next(i for i, h in enumerate(heads) if h.startswith("## Exercise 2"))
    assert first < exercise


@pytest.mark.parametrize("path", MINE, ids=IDS)
def test_openings_link_the_notebooks_and_point_to_the_reader_edition(path):
    opening = nbformat.read(path, as_version=4).cells[0].source
    assert "](00_start_here.ipynb)" in opening and "](04_people_places_terms.ipynb)" in opening
    assert "reader's edition" in opening and "helpers.reader_edition()" in opening and "make handouts" not in opening
    assert "`00_start_here.ipynb`" not in opening and "`04_people_places_terms.ipynb`" not in opening


def test_the_notebook_and_the_readme_give_the_same_rules():
    """Notebook 02's definitions of the source and language axes say what the reading's README says."""
    from pathlib import Path
    readme = " ".join(Path("seeds/we-are-losing/README.md").read_text(encoding="utf-8").split())
    nb = nbformat.read(Path("notebooks/02_source_quotations.ipynb"), as_version=4)
    text = " ".join(" ".join(c.source for c in nb.cells if c.cell_type == "markdown").split())
    for rule in ("a briefing or press conference with no name or date counts as",
                 "A named speaker is not a source"):
        assert rule in readme and rule.replace("A named", "a named") in text.replace("A named", "a named")
    assert "an event (a rally, a briefing)" not in text.replace("*", "")
    assert "only where the essay or a referenced context says" in readme
    assert "only where the essay or a referenced context says the language" in text
    assert "gives the words to a vote count" not in text
