"""Session 27: the learner reader's leftovers of session 26 in notebooks 02 and 03 (/work/out26/review-learner.md).

1. Names a figure or an exercise shows are explained where the learner first meets them, from the glossary data
   (``helpers.terms.who_is_who``), and the opening word lists hold only words the notebook uses (finding 2).
2. 03 Exercise 2 makes the learner look: the question does not name the row that decides the range, it asks for at
   most five answers, and its worked solution is at most about 600 words (finding 6).
3. 03's zoom draws its key once, under the first panel, and the mark of a bar that runs on ("runs to Nov 2017")
   sits before the bar, not over it (finding 9).
4. The title block that gives the essay's publication is quoted wherever a notebook points to it (finding 12).
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers import plots
from helpers import terms as tm

ROOT = Path(helpers.__file__).resolve().parent.parent

ASKED_03 = ["E25", "E35", "E42", "E43", "E36", "E38"]     # what 03 holds back, as its cells do


def load(key: str):
    return nbformat.read(next((ROOT / "notebooks").glob(f"{key}_*.ipynb")), as_version=4)


def text_of(cell) -> str:
    """A cell's source and everything it shows (text and HTML outputs)."""
    shown = []
    for o in cell.get("outputs", []):
        shown.append("".join(o.get("text", "")))
        data = o.get("data", {})
        shown.append("".join(data.get("text/plain", "")) + "".join(data.get("text/html", "")))
    return cell.source + "\n" + "\n".join(shown)


def index(nb, start: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.source.startswith(start))


# 1. Names explained where they are needed ----------------------------------------------------------------------

def test_who_is_who_prints_the_glossary_row_and_names_its_context(essay, capsys):
    terms = helpers.load_terms(essay)
    tm.who_is_who(terms, ["Stephen Harper", "Ilhan Omar"])
    out = " ".join(capsys.readouterr().out.split())
    row = terms.set_index("term").loc["Stephen Harper"]
    assert out.startswith("Stephen Harper: ") and row.in_the_essay in out and row.reference in out
    assert "context, not the essay" in out and "Ilhan Omar: " in out


def test_who_is_who_says_what_to_do_with_a_name_the_glossary_lacks(essay):
    with pytest.raises(helpers.HelperError) as err:
        tm.who_is_who(helpers.load_terms(essay), ["Nobody Atall"])
    assert "terms.csv" in str(err.value) and "Nobody Atall" in str(err.value) and "How to fix it" in str(err.value)


def test_03_explains_the_names_its_zoom_shows_before_the_next_section():
    """Harper, Omar and Tlaib are in the zoom's labels ("Palestinians picket Harper", "Omar and Tlaib elected");
    they were explained only in 04."""
    nb = load("03")
    zoom = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "show_timeline_zoom(" in c.source)
    upto = "\n".join(text_of(c) for c in nb.cells[:zoom + 2])
    for name in ("Stephen Harper: ", "Ilhan Omar: ", "Rashida Tlaib: "):
        assert name in upto, name


# test_02_explains_chapo_guzman_… is gone: session 27's learner review (finding 3) took Chapo Guzmán's trial and notebook
# 01's labels out of 02's Exercise 3 (tests/test_fixlearn_27.py holds that).


@pytest.mark.parametrize("key, most", [("02", 11), ("03", 14)])
def test_the_opening_word_list_is_short_and_holds_only_words_the_notebook_uses(key, most):
    """02 listed BDS, which 02 never uses again; 03 listed 19 words, six of them needed only in its second sitting
    or its zoom (Veolia, G4S, the D.E.A., Chapo Guzmán, Juan Guaidó), now explained there."""
    nb = load(key)
    at = index(nb, "## Words used below")
    listed = re.findall(r"(?m)^- \*\*(.+?)\*\*", nb.cells[at].source)
    assert 0 < len(listed) <= most, listed
    rest = "\n".join(text_of(c) for k, c in enumerate(nb.cells) if k != at)
    unused = [w for w in listed if w.split()[0].strip("[]").lower() not in rest.lower()]
    assert not unused, f"{key} lists words it never uses: {unused}"


# 2. 03 Exercise 2 --------------------------------------------------------------------------------------------

def _exercise_2(nb):
    ex = index(nb, "## Exercise 2:")
    end = next(i for i in range(ex + 1, len(nb.cells)) if nb.cells[i].source.startswith("## "))
    return ex, end


def test_03_exercise_2_makes_the_learner_find_the_deciding_row():
    nb = load("03")
    ex, _ = _exercise_2(nb)
    question = nb.cells[ex].source
    assert "Lobo's wife" not in question and "gives the day of the arrest" not in question
    assert len(nb.cells[ex].metadata["exercise"]["answers"]) <= 5
    assert "context row" in question and "evidence" in question


def test_03_exercise_2_solution_is_at_most_about_600_words():
    nb = load("03")
    ex, end = _exercise_2(nb)
    words = sum(len(c.source.split()) for c in nb.cells[ex:end]
                if c.cell_type == "markdown" and "solution" in c.metadata.get("tags", [])
                and not c.source.startswith("### Worked solution"))
    assert words <= 620, words
    solution = "\n".join(c.source for c in nb.cells[ex:end] if "solution" in c.metadata.get("tags", []))
    assert "the essay's evidence" in solution and "the package's inference" in solution


# 3. 03's zoom ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def zoom_panels(essay):
    import matplotlib.pyplot as plt
    figs = plots.timeline_zoom_panels(helpers.load_timeline(essay), leave_out=ASKED_03, writing="E38")
    yield figs
    for fig in figs:
        plt.close(fig)


def test_the_zoom_draws_its_key_once(zoom_panels):
    from matplotlib.legend import Legend
    keyed = [k for k, fig in enumerate(zoom_panels) if fig.findobj(Legend)]
    assert keyed == [0], keyed
    for fig in zoom_panels[1:]:
        assert "key under part 1" in fig.axes[0].get_title(loc="left")


def test_a_bars_run_on_mark_sits_before_the_bar_not_over_it(zoom_panels):
    """Panel 2's "→ Nov 2017" and "→ Jan 2018" sat on top of five bars at the right edge. Where the row leaves room,
    the mark now sits before the bar starts and says "runs to Nov 2017" (an arrow there would read as the start)."""
    before = 0
    for fig in zoom_panels:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        bars = {p.get_gid(): p.get_window_extent(renderer) for p in ax.patches if p.get_gid()}
        for t in ax.texts:
            row = (t.get_gid() or "").removesuffix("-runs-on")
            if row != (t.get_gid() or "") and t.get_text().startswith("runs to "):
                before += 1
                box = t.get_bbox_patch().get_window_extent(renderer)
                assert box.x1 <= bars[row].x0 + 1, (t.get_text(), box.x1, bars[row].x0)
    assert before >= 5      # every one of panel 2


# 4. The title block ------------------------------------------------------------------------------------------

def test_03_quotes_the_title_block_wherever_it_points_to_it():
    """03 said "its title block… gives its publication, March 2020" (and earlier "the header"): which header? The
    learner never sees it, since essay.show shows numbered paragraphs only."""
    pointed = 0
    for c in load("03").cells:
        if c.cell_type == "markdown" and re.search(r"\bheader\b|title block", c.source):
            pointed += 1
            assert "“Issue 2, March 2020”" in c.source, c.source[:200]
    assert pointed >= 2


def test_03s_long_view_says_plainly_what_it_holds_back():
    """Finding 4: the note under the long view read "Left out until the exercises' solutions: 6 rows the exercises
    ask about and 5 dated only by the time of writing", which a newcomer could not make sense of."""
    nb = load("03")
    long_view = next(c for c in nb.cells if c.cell_type == "code" and "timeline_long_view(" in c.source)
    said = " ".join(text_of(long_view).removeprefix(long_view.source).split())     # what it shows, not its code
    assert "Left out until" not in said and "rows the exercises ask about" not in said
    assert "Not drawn here, so as not to give answers away" in said and "Exercise 2's question" in said
