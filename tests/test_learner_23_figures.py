"""Learner reviews 22 and 23 (issue 19), section 5: the zoom's theme names on the right ran together across rows
("Honduran politics / movements and solidarity": two-line names with no space between them), 04's colour bar had
ticks at 2.5 and 7.5 for whole-number counts, and 02's "§9" was pushed a line above the other section numbers.
Measured from matplotlib's own text extents, as tools/figure_legibility.py measures. Each test here was seen failing
on the code before the change it holds."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers import plots  # noqa: E402
from helpers.terms import mentions  # noqa: E402

ASKED_03 = ["E25", "E35", "E42", "E43", "E36", "E38"]   # as 03's zoom holds them back (writing="E38")
THEME_GAP_PX = 4          # at least this much white between two rows' theme names, at the figure's own size


def _theme_axes(ax):
    return next(a for a in ax.figure.axes if a is not ax and a.bbox.bounds == ax.bbox.bounds)


@pytest.mark.parametrize("k", range(1, 6))
def test_the_zooms_theme_names_never_run_together(essay, k):
    ax = plots.timeline_zoom(helpers.load_timeline(essay), part=(k, 5), leave_out=ASKED_03, writing="E38")
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    names = [(t.get_text(), t.get_window_extent(renderer)) for t in _theme_axes(ax).get_yticklabels()
             if t.get_text()]
    plt.close(fig)
    tight = [(a, b, round(above.y0 - below.y1, 1)) for (a, above), (b, below) in zip(names, names[1:])
             if above.y0 - below.y1 < THEME_GAP_PX]
    assert len(names) > 10 and not tight, f"theme names with under {THEME_GAP_PX} px between them: {tight}"


def test_the_mentions_colour_bar_counts_in_whole_numbers(essay):
    ax = plots.mentions_by_section(essay, mentions(essay, helpers.load_terms(essay)))
    ax.figure.canvas.draw()
    bar = next(a for a in ax.figure.axes if a.get_label() == "<colorbar>")
    ticks = [t for t in bar.get_xticks() if bar.get_xlim()[0] <= t <= bar.get_xlim()[1]]
    plt.close(ax.figure)
    assert len(ticks) >= 3 and all(float(t).is_integer() for t in ticks), ticks


def test_the_voices_charts_section_numbers_stand_in_one_line_without_overlapping(essay):
    ax = plots.voices_along_the_essay(essay, helpers.load_quotations(essay))
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    marks = [t for t in ax.texts if t.get_text().startswith("§")]
    boxes = [t.get_window_extent(renderer) for t in marks]
    plt.close(fig)
    assert len(marks) >= 9
    assert len({round(b.y0, 1) for b in boxes}) == 1, {t.get_text(): round(b.y0, 1) for t, b in zip(marks, boxes)}
    crossing = [(marks[i].get_text(), marks[i + 1].get_text()) for i in range(len(boxes) - 1)
                if boxes[i].x1 + 4 > boxes[i + 1].x0]
    assert not crossing, crossing
