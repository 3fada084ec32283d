"""Learner review, round 21 (issue #19): rules stated where the exercise that needs them asks, and the solution
giving the reason, not only the answer."""
from __future__ import annotations

import json
from pathlib import Path

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
RULE = "ask whether the words would let you find *the* one they stand in"   # session 27: no longer names the press conference


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


def check_01_no_codes(path: Path) -> list[tuple[int, str]]:
    """01 tells the learner the reference column is one they "will not need": the codes stay out of the prose a
    learner reads, worked solutions included, and out of the maps' titles (the first line a map draws)."""
    import re
    code = re.compile(r"(?<![\w¶-])(?:C\d{1,3}|K\d|[EQD]\d{2,3})\b(?![.,]\d)")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = []
    for i, c in enumerate(cells):
        tags = c["metadata"].get("tags", [])
        source = "".join(c["source"])
        if c["cell_type"] == "markdown" and "facilitator" not in tags and "nav" not in tags \
                and not source.startswith("## Where the data lives"):
            found += [(i, m.group(0)) for m in code.finditer(source)]
        for out in c.get("outputs", []):
            drawn = out.get("metadata", {}).get("image/png", {}).get("drawn")
            if drawn and "and what stands directly under it" in drawn[0]:
                found += [(i, m.group(0)) for m in code.finditer(drawn[0])]
    return found


def test_01_prose_solutions_and_map_titles_carry_no_reference_codes():
    assert check_01_no_codes(NOTEBOOKS / "01_argument_structure.ipynb") == []


def stubs_thicker_than_their_arrows(fig) -> list[str]:
    """The rows whose mark under an arrow to the time of writing is drawn thicker than the arrow's line: a thick bar
    turning into a thin line, a mark in no key, that made a one-day press conference look as if it lasted."""
    from matplotlib.patches import Rectangle
    ax = fig.axes[0]
    fig.canvas.draw()
    px_per_pt = fig.dpi / 72
    arrows = {a.get_gid().removesuffix("-to-writing"): a.arrow_patch.get_linewidth() * px_per_pt
              for a in ax.texts if (a.get_gid() or "").endswith("-to-writing")}
    thick = []
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and patch.get_gid() in arrows:
            height = patch.get_window_extent().height + patch.get_linewidth() * px_per_pt
            if height > arrows[patch.get_gid()] + 0.5:
                thick.append(patch.get_gid())
    return thick


def test_03_zoom_draws_no_thick_stub_before_an_arrow_to_the_time_of_writing(essay):
    import matplotlib.pyplot as plt
    from helpers import plots, timeline as tl
    figs = plots.timeline_zoom_panels(tl.load_timeline(essay), leave_out=["E25", "E35", "E42", "E43", "E36", "E38"],
                                      writing="E38")
    try:
        drawn = [line.split()[0] for fig in figs for line in fig.drawn]
        assert {"E45", "E48", "E49"} <= set(drawn)
        assert [row for fig in figs for row in stubs_thicker_than_their_arrows(fig)] == []
    finally:
        for fig in figs:
            plt.close(fig)


def check_00_first_minute(path: Path) -> None:
    """00's first code cell shows a newcomer no f-string; every name the content note lists among Honduras's
    presidents, parties and candidates, and BDS, is glossed before the note."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = next("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert 'f"' not in first and "{" not in first, "the Setup cell shows the code that builds its line"
    note = next(k for k, c in enumerate(cells) if "content-note" in c["metadata"].get("tags", []))
    before = " ".join("".join(c["source"]) for c in cells[:note] if c["cell_type"] == "markdown")
    for name in ("Juan Orlando Hernández", "National Party", "Nasralla", "BDS"):
        assert f"- **{name}**" in before or f"- **the {name}**" in before, name


def test_00_setup_shows_no_f_string_and_the_content_notes_names_are_glossed_first():
    check_00_first_minute(NOTEBOOKS / "00_start_here.ipynb")
