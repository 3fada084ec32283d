"""Learner review, round 21 (issue #19): rules stated where the exercise that needs them asks, and the solution
giving the reason, not only the answer."""
from __future__ import annotations

import json
from pathlib import Path

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
RULE = "a briefing or press conference with no name or date counts as *none*"


def _cells(path: Path) -> list[tuple[list[str], str]]:
    return [(c["metadata"].get("tags", []), "".join(c["source"]))
            for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]


def check_02_source_rule(path: Path) -> None:
    cells = _cells(path)
    start = next(k for k, (_, s) in enumerate(cells) if s.startswith("## Exercise 1:"))
    answer = next(k for k in range(start, len(cells)) if "answer" in cells[k][0])
    stop = next(k for k in range(answer, len(cells)) if cells[k][1].startswith("## ") and k > answer)
    before = " ".join(s for _, s in cells[start:answer])
    assert RULE in before, "Exercise 1 asks for 'a document, an event, an interview, or nothing': state the line there"
    assert sum(s.count(RULE) for _, s in cells) == 1, "the rule is printed once"
    solution = " ".join(s for tags, s in cells[answer:stop] if "solution" in tags)
    assert "press conference with no name or date" in solution, "the solution gives the reason for *none*"
    assert "*Event* is the tempting answer" in solution and "Ella Baker" in solution, \
        "the solution says why *event* tempts (Baker's rally counted as one)"


def test_02_exercise_1_states_the_source_rule_and_its_solution_gives_the_reason():
    check_02_source_rule(NOTEBOOKS / "02_source_quotations.ipynb")


def check_01_reported_remark_rule(path: Path) -> None:
    cells = _cells(path)
    start = next(k for k, (_, s) in enumerate(cells) if s.startswith("## Exercise 1:"))
    answer = next(k for k in range(start, len(cells)) if "answer" in cells[k][0])
    paragraphs = [p for _, s in cells[start:answer] for p in s.split("\n\n")]
    rule = [p for p in paragraphs if "*none given*, not *attributed*" in p and not p.lstrip().startswith("-")]
    assert rule, "the rule that decides four of six answers stands plainly, in a paragraph of its own, not in a bullet"
    assert "worked example" in rule[0] and "¶" in rule[0], "with one worked example, before the learner answers"


def test_01_exercise_1_states_the_reported_remark_rule_with_a_worked_example():
    check_01_reported_remark_rule(NOTEBOOKS / "01_argument_structure.ipynb")
