"""Learner review 17 (issue 19), notebooks 02 and 03: exercise times for list tasks, a break in 02, solution cells
without pandas code, the "Words used below" lists and the glossary claim, what 03 holds back, and its figures.
Each test here was seen failing on the code before the change it holds (s18-nb23)."""
from __future__ import annotations

import copy
import json
import re

import pytest

import helpers
from helpers.lessons import STOP_LINE, answer_kinds, exercises, first_sitting_min, lesson_row, opening_text, timing
from tools.run_notebooks import notebook_paths

NOTEBOOKS = {p.stem[:2]: p for p in notebook_paths()}


def load(key: str) -> dict:
    return json.loads(NOTEBOOKS[key].read_text(encoding="utf-8"))


def exercise_cell(nb: dict, title: str) -> dict:
    return next(c for c in nb["cells"] if "".join(c["source"]).startswith(f"## {title}"))


# ---------------------------------------------------------------------------------------------------------------
# 1. A list task is timed by the items it asks for, and 02 gets a break
# ---------------------------------------------------------------------------------------------------------------

# session 27: 03's Exercise 2 is no longer a list task (five numbered answers; learner review 26, finding 6)
@pytest.mark.parametrize("key, title", [("01", "Exercise 1:")])
def test_a_list_task_is_timed_by_its_items(key, title, essay):
    """01's Exercise 1 (list the facts, and how each is backed) and 03's Exercise 2 (find the clues to the date)
    were each counted as one answer (10 and 25 minutes stated; the learner took 20–30 and 45–60)."""
    nb = load(key)
    found = exercises(nb, essay)
    row = found[found.title.str.startswith(title)].iloc[0]
    assert row.list_items >= 5, "a list task declares the items it asks for"
    assert row.answers >= row.list_items
    answer = timing(essay)["answer_minutes"]
    assert row.floor_min >= answer * row.list_items
    stated = nb["metadata"]["lesson"]["exercises"][list(found.title).index(row.title)]
    assert stated >= row.floor_min >= 20


def test_a_list_task_must_say_how_many_items_it_asks_for(essay):
    nb = load("01")
    cell = exercise_cell(nb, "Exercise 1:")
    n = cell["metadata"]["exercise"]["list_items"]
    broken = copy.deepcopy(nb)
    cell = exercise_cell(broken, "Exercise 1:")
    cell["metadata"]["exercise"]["list_items"] = n + 3
    with pytest.raises(helpers.HelperError) as info:
        exercises(broken, essay)
    assert "does not say how many" in str(info.value) and "Exercise 1" in str(info.value)
    cell["metadata"]["exercise"]["list_items"] = "six"
    with pytest.raises(helpers.HelperError):
        exercises(broken, essay)


def test_more_items_asked_means_more_minutes(essay):
    nb = load("01")      # session 27: 01's Exercise 1, the list task left (03's Exercise 2 no longer is one)
    before = exercises(nb, essay)
    cell = exercise_cell(nb, "Exercise 1:")
    n = cell["metadata"]["exercise"]["list_items"]
    cell["metadata"]["exercise"]["list_items"] = 12
    kind = cell["metadata"]["exercise"]["answers"][-1]
    cell["metadata"]["exercise"]["answers"] += [kind] * (12 - n)   # one kind per item asked (session 21)
    cell["source"] = "".join(cell["source"]).replace("List the six facts", "List twelve facts, not only the six facts", 1)
    after = exercises(nb, essay)
    assert after.floor_min[0] - before.floor_min[0] == answer_kinds(essay)[kind]["minutes"] * (12 - n)
    assert list(after.floor_min.drop(0)) == list(before.floor_min.drop(0))


def test_02_has_a_break_with_its_first_sitting_computed(essay):
    """02 (about 150 minutes) had no break, where 01 and 03 have one; its sitting line is computed."""
    nb = load("02")
    assert any("".join(c["source"]).lstrip("-# \nA break").startswith(STOP_LINE) or STOP_LINE in "".join(c["source"])
               for c in nb["cells"][1:])
    sitting = first_sitting_min(nb, essay)
    total = lesson_row(nb, NOTEBOOKS["02"].name, essay)["total_min"]
    assert sitting is not None and 0.3 * total <= sitting <= 0.7 * total
    assert f"takes about {sitting} minutes with its reading" in opening_text(nb)


# ---------------------------------------------------------------------------------------------------------------
# 2. Solution cells show short named calls, not pandas code (00 promises "the code left in sight is the code worth
#    changing")
# ---------------------------------------------------------------------------------------------------------------

PANDAS = re.compile(r"\w\[|\.str\.|\.isin\(|\bf\"|\bf'|columns=|rename=|:%B|\.sort_values\(|\.assign\(")


@pytest.mark.parametrize("key", ["02", "03"])
def test_solution_cells_call_helpers_without_pandas_code(key):
    nb = load(key)
    cells = [c for c in nb["cells"] if c["cell_type"] == "code" and "solution" in c["metadata"].get("tags", [])]
    assert cells
    for cell in cells:
        code = "\n".join(ln for ln in "".join(cell["source"]).splitlines() if not ln.lstrip().startswith("#"))
        assert not PANDAS.search(code), f"{key}: a solution cell shows pandas code: {code!r}"
        assert len(code.splitlines()) <= 2, code


def test_the_helpers_find_what_the_solutions_ask_for(essay):
    from helpers import quotations as q, timeline as tl
    quotes = helpers.load_quotations(essay)
    shown = repr(q.sources(quotes, "calling for new elections", "HAD FAITH in the TSE", "stay and fight"))
    assert all(name in shown for name in ("OAS", "Heidi Fulton", "Fuentes")), shown
    with pytest.raises(helpers.UsageError, match="no quotation or reported speech has the words"):
        q.sources(quotes, "words the essay never quotes")
    axes = repr(q.on_three_axes(quotes, 15, 26))
    assert "Miguel Angel" in axes and "Hillary Clinton" in axes and "epigraph" in axes and "block" in axes
    with pytest.raises(helpers.UsageError, match="quotes no one"):
        q.on_three_axes(quotes, 3)
    timeline, dating = helpers.load_timeline(essay), tl.load_dating(essay)
    assert tl.limits_in_words(dating).endswith("January 2019 to December 2019.")
    shown = repr(tl.how_dated(timeline, dating, "E25"))     # the row by its label, without its code (review 22)
    assert "“This last November”: the vote" in shown and "E25" not in shown
    with pytest.raises(helpers.UsageError, match="no row E999"):
        tl.how_dated(timeline, dating, "E999")


# ---------------------------------------------------------------------------------------------------------------
# 3. The "Words used below" lists: no false claim about the glossary; "the Alliance" explained in 03
# ---------------------------------------------------------------------------------------------------------------

def glossary_names(essay) -> set[str]:
    terms = helpers.load_terms(essay) if hasattr(helpers, "load_terms") else None
    import pandas as pd
    table = terms if terms is not None else pd.read_csv(essay.folder / "terms.csv", dtype=str).fillna("")
    return {n.strip().lower() for r in table.itertuples() for n in [r.term, *str(r.aliases or "").split(";")]
            if n.strip()}


@pytest.mark.parametrize("key", ["02", "03"])
def test_a_claim_that_the_glossary_has_every_word_is_true(key, essay):
    """02 and 03 said "the glossary in 04 has them all" (and "explains them all"), but it lacks Guaidó, chargé
    d'affaires, [sic] and more: a claim of completeness holds only if every word listed is a glossary entry."""
    nb = load(key)
    words_cell = next(c for c in nb["cells"] if "".join(c["source"]).startswith("## Words used below"))
    listed = re.findall(r"(?m)^- \*\*(.+?)\*\*", "".join(words_cell["source"]))
    assert len(listed) >= 10, "the words are a list, one a line"
    names = glossary_names(essay)
    claims = [c for c in nb["cells"] if re.search(r"(?:has|explains) them all", "".join(c["source"]))]
    missing = [w for w in listed if w.lower() not in names]
    assert not (claims and missing), f"{key} says the glossary has them all, but it lacks {missing}"


def test_03_explains_the_alliance_it_names():
    nb = load("03")
    words = "".join(next(c for c in nb["cells"] if "".join(c["source"]).startswith("## Words used below"))["source"])
    assert "Alliance" in words
    assert re.search(r"(?m)^- \*\*the Alliance\*\*: .*Alliance Against the Dictatorship", words)


# ---------------------------------------------------------------------------------------------------------------
# 4. 03: what is "held back until now" was not shown before; no column of dashes
# ---------------------------------------------------------------------------------------------------------------

def output_text(cell: dict) -> str:
    return "\n".join("".join(o.get("text") or o.get("data", {}).get("text/plain") or "") for o in cell.get("outputs", []))


def test_rows_held_back_until_now_were_not_shown_before():
    nb = load("03")
    cells = nb["cells"]
    k = next(i for i, c in enumerate(cells) if "held back until now" in "".join(c["source"]))
    call = next(c for c in cells[k + 1:] if c["cell_type"] == "code")
    held = re.findall(r"E\d+", "".join(call["source"]))
    assert held
    earlier = [c for c in cells[:k] if c["cell_type"] == "code"]
    shown = set(re.findall(r"(?m)\b(E\d+)\s*$", "\n".join(output_text(c) for c in earlier)))
    html = "".join("".join(o.get("data", {}).get("text/html") or "") for c in earlier for o in c.get("outputs", []))
    shown |= set(re.findall(r">(E\d+)</td></tr>", html))   # a row's reference, last in its row, folded rows too
    assert not set(held) & shown, f"held back until now, yet shown above: {sorted(set(held) & shown)}"


def test_no_table_in_03_shows_a_column_of_dashes():
    """The column "the essay's words" showed "—" in most rows: every column a table of 03 shows is filled in at
    least half its rows (counting the first line of each row)."""
    nb = load("03")
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            text = "".join(out.get("data", {}).get("text/plain") or "")
            lines = text.splitlines()
            rule = next((i for i, ln in enumerate(lines) if ln and set(ln) <= {"-", " "}), None)
            if rule is None or "the essay's words" not in lines[rule - 1]:
                continue
            spans = [m.span() for m in re.finditer(r"-+", lines[rule])]
            header = lines[rule - 1]
            column = next(s for s in spans if s[0] == header.index("the essay's words"))
            rows = [ln for ln in lines[rule + 1:] if ln[:1].strip()]   # a row's first line; the rest are indented
            dashes = sum(ln[column[0]:column[1]].strip() == "—" for ln in rows)
            assert rows and dashes == 0, f"{dashes} of {len(rows)} rows show — under the essay's words"


# ---------------------------------------------------------------------------------------------------------------
# 5. Figures: 02's smallest dots visible on a projector; 03's zoom says its years; its key tells solid from a period
# ---------------------------------------------------------------------------------------------------------------

def test_the_voices_chart_has_no_mark_too_small_for_a_projector(essay, closed_figures):
    from helpers import plots
    from tools.figure_legibility import MIN_MARK_PX, measure
    ax = plots.voices_along_the_essay(essay, helpers.load_quotations(essay))
    closed_figures.append(ax.figure)
    m = measure(ax.figure, "voices")
    assert not m.tiny, f"marks under {MIN_MARK_PX} px: {sorted(m.tiny)[:3]}"
    assert not m.problems()


def test_the_measure_finds_a_tiny_mark(closed_figures):
    import matplotlib.pyplot as plt
    from tools.figure_legibility import measure
    fig, ax = plt.subplots(figsize=(4, 3))
    closed_figures.append(fig)
    ax.scatter([1, 2], [1, 2], s=[45, 400])
    assert len(measure(fig).tiny) == 1


def test_the_zoom_names_whole_years_and_its_key_tells_solid_from_a_period(essay, closed_figures):
    from matplotlib.patches import Patch
    from helpers import plots
    timeline = helpers.load_timeline(essay)
    ax = plots.timeline_zoom(timeline, part=(4, 5), leave_out=["E25", "E35", "E42", "E43", "E36", "E38"],
                             writing="E38")
    closed_figures.append(ax.figure)
    years = [t.get_text() for t in ax.get_xticklabels()]
    assert years and all(re.fullmatch(r"20\d\d", y) for y in years), years
    assert "Jul" in [t.get_text() for t in ax.get_xticklabels(minor=True)]
    # session 27: the key is drawn once, under part 1
    key = plots.timeline_zoom(timeline, part=(1, 5), leave_out=["E25", "E35", "E42", "E43", "E36", "E38"], writing="E38")
    closed_figures.append(key.figure)
    legend = key.figure.legends[0]
    handles = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles))
    # s20-fig: who dates a row is said in the key's title (the label shows it), so no grey bar stands for it beside
    # the grey bar of a period
    assert isinstance(handles["a month, year or period"], Patch)
    assert [h for h in handles.values() if isinstance(h, Patch)] == [handles["a month, year or period"]]
    assert plots.DATED_BY_KEY["the essay's words"] in legend.get_title().get_text()


def test_a_plan_that_quotes_one_exercises_minutes_quotes_them_right(essay, reading_copy):
    """The single session says how many of 01's exercise minutes go to Exercise 1: they follow the stated minutes
    (10 before the list task was timed by its items; a stale copy is caught)."""
    from helpers import workshop
    from tests.editing import rewrite
    # "… 46 of them to Exercise 1" (the single session) or "Exercise 1 only, cut to … (the notebook's 46 minutes …"
    # (the series' Session 1, after facilitator review 19 named the cut)
    pattern = re.compile(r"(?P<m>\d+) of them to Exercise (?P<k>\d+)|Exercise (?P<k2>\d+) only, cut to [^(]*"
                         r"\(the notebook's (?P<m2>\d+) minutes")

    def claims(e):
        return [(row.notebook, int(m["m"] or m["m2"]), int(m["k"] or m["k2"]))
                for row in workshop.load_plans(e).itertuples() for m in pattern.finditer(row.activity)]
    found = claims(essay)
    assert found
    for notebook, minutes, k in found:
        stated = json.loads(next(p for p in NOTEBOOKS.values() if p.stem == notebook).read_text(encoding="utf-8"))
        assert stated["metadata"]["lesson"]["exercises"][k - 1] == minutes, (notebook, k)
    stated01 = json.loads(NOTEBOOKS["01"].read_text(encoding="utf-8"))["metadata"]["lesson"]["exercises"][0]
    rewrite(reading_copy, "sessions.yml", f"the notebook's {stated01} minutes are", "the notebook's 10 minutes are")
    stale = [c for c in claims(helpers.load_essay(reading_copy)) if c[1] == 10]
    assert len(stale) == 1
    [(notebook, minutes, k)] = stale
    assert minutes == 10 != json.loads(NOTEBOOKS["01"].read_text(encoding="utf-8"))["metadata"]["lesson"]["exercises"][0]


@pytest.mark.parametrize("k", [1, 4])
def test_the_zoom_gives_its_plot_half_the_width(k, essay, closed_figures):
    """The plot between the labels and the themes took about 30% of the zoom's width (the learner review 17)."""
    from helpers import plots
    from tools.figure_legibility import _png_size, measure
    ax = plots.timeline_zoom(helpers.load_timeline(essay), part=(k, 5),
                             leave_out=["E25", "E35", "E42", "E43", "E36", "E38"], writing="E38")
    closed_figures.append(ax.figure)
    assert not measure(ax.figure).problems()
    ax.figure.canvas.draw()
    assert ax.get_window_extent().width >= 0.45 * _png_size(ax.figure)[0]
    assert not any(line.strip() == "*" for t in ax.get_yticklabels() for line in t.get_text().splitlines())
