"""Figures a room can read: every figure the notebooks draw, measured as JupyterLab on a 1280 × 720 screen shows it.

The measure (tools/figure_legibility.py says exactly how) takes each text's font size from matplotlib's own
text layout, scaled as JupyterLab scales the embedded PNG into its 848 px output area on a screen 1280 px wide
(tests/test_browser.py checks that width in the real JupyterLab). The figures are the ones the
notebooks draw: their code cells are run in order, here, with their own data and arguments.
"""
from __future__ import annotations

import io

import matplotlib
import nbformat
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from tools import figure_legibility as fl  # noqa: E402


@pytest.fixture(scope="module")
def measured():
    return fl.measure_notebooks()


def _each(measured):
    return [m for figures in measured.values() for m in figures]


def test_every_drawing_call_in_the_notebooks_is_listed():
    """A figure added to a notebook is measured only if the list knows it: a call the list lacks fails here."""
    assert fl.calls_in_notebooks() == fl.FIGURE_CALLS


def test_a_call_the_list_lacks_is_found(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "ax = plots.words_per_section(essay)  # a new figure\nplots.show_described(ax.figure, plots.describe_x(essay))")])
    path = tmp_path / "09_new.ipynb"
    nbformat.write(nb, path)
    assert fl.calls_in_notebooks([path]) == {"09_new.ipynb": ["plots.words_per_section(essay)  # a new figure"]}


def test_every_notebook_with_a_call_shows_figures(measured):
    assert set(measured) == set(fl.FIGURE_CALLS)
    assert all(measured[name] for name in measured)
    assert len(measured["01_argument_structure.ipynb"]) >= len(fl.FIGURE_CALLS["01_argument_structure.ipynb"])


def test_no_text_under_14_px_at_1280_wide(measured):
    """Round 15: with the measure taking JupyterLab's real output area (848 px at 1280 × 720) and the font size,
    every figure of round 14 failed (text of 10.4 to 11.4 px); each is now drawn for that width."""
    small = {m.name: f"{len(m.small)} texts, smallest {m.smallest.font_px:.1f} px ({m.smallest.text[:40]!r})"
             for m in _each(measured) if m.small}
    assert not small, "text too small to read from the back of a room:\n" + "\n".join(
        f"{k}: {v}" for k, v in small.items())


ROOM_FLOOR_PX = 15       # 02–04's figures: no text smaller than this at 1280 px wide (11 points: 15.3 px)
ROOM_MIN_WIDTH = 840     # 02–04's figures: at least this wide, of JupyterLab's 848 px output area
ROOM = ("02_", "03_", "04_")


def test_the_figures_of_02_to_04_use_the_output_areas_width_for_larger_text(measured):
    """Session 26 (issue #19, item 3): 02–04's figures were drawn 831 px wide in the 848 px output area with text of
    10.5 points (14.6 px). They now take the whole width (847 px) and their smallest text is 11 points (15.3 px):
    the same content, larger, held to ROOM_FLOOR_PX, above the 14 px every figure must reach."""
    assert ROOM_FLOOR_PX > fl.MIN_TEXT_PX and ROOM_MIN_WIDTH <= fl.DISPLAY_WIDTH
    room = [m for name, figures in measured.items() if name.startswith(ROOM) for m in figures]
    assert len(room) >= 8, "the voices chart, the long view, the zoom's five parts and the mentions grid"
    small = {m.name: f"{m.smallest.font_px:.1f} px ({m.smallest.text[:40]!r})" for m in room
             if m.smallest.font_px < ROOM_FLOOR_PX - 1e-6}
    narrow = {m.name: m.png[0] for m in room if m.png[0] < ROOM_MIN_WIDTH}
    assert not small, f"text under {ROOM_FLOOR_PX} px in 02–04: {small}"
    assert not narrow, f"narrower than {ROOM_MIN_WIDTH} px of the {fl.DISPLAY_WIDTH} px output area: {narrow}"


def test_every_figure_is_shown_at_its_own_size_in_jupyterlab(measured):
    """A figure wider than the output area is scaled down, and its text with it: every figure is drawn at most
    848 px wide, so JupyterLab at 1280 × 720 shows it at its own size."""
    wide = {m.name: m.png for m in _each(measured) if m.scale < 1}
    assert not wide, f"wider than JupyterLab's {fl.DISPLAY_WIDTH} px output area: {wide}"


def test_every_figure_fits_one_16_9_screen(measured):
    tall = {m.name: f"{m.shown[0]:.0f} × {m.shown[1]:.0f} px" for m in _each(measured) if not m.fits}
    assert not tall, "taller than a 1280 × 720 screen (split it into panels):\n" + "\n".join(
        f"{k}: {v}" for k, v in tall.items())


def test_no_text_is_cut_or_overlaps_another(measured):
    problems = {m.name: m.problems() for m in _each(measured) if m.cut or m.overlaps}
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_every_label_sits_by_its_mark_and_no_mark_is_hidden(measured):
    problems = {m.name: m.problems() for m in _each(measured) if m.far or m.hidden}
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


# ---- the measure itself ---------------------------------------------------------------------------------

def _ink_rows(fig) -> int:
    """How many pixel rows of the PNG the inline backend would embed carry ink (not white)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi, bbox_inches="tight")
    image = plt.imread(io.BytesIO(buffer.getvalue()))
    return int((image[..., :3].min(axis=2) < 0.6).any(axis=1).sum())


def test_the_measure_agrees_with_the_pixels():
    """One line of text "lp" (ascender to descender) measures as many rows as it inks in the PNG."""
    fig = plt.figure(figsize=(8, 3), dpi=100)
    fig.text(0.5, 0.5, "lp", fontsize=40)
    try:
        m = fl.measure(fig)
        assert m.png[0] < fl.DISPLAY_WIDTH and m.scale == 1.0   # a narrow PNG is shown at its own size, not enlarged
        [text] = m.texts
        assert abs(text.px - _ink_rows(fig)) <= 2
        assert abs(text.font_px - 40 * 100 / 72) < 0.01
    finally:
        plt.close(fig)


def test_the_scale_is_jupyterlabs_output_area_not_the_whole_screen():
    """A map 1,353 px wide is shown 848 px wide (measured in JupyterLab at 1280 × 720), so its 14-point box text
    (19.4 px in the PNG) is 12.2 px on the screen: too small, though its line height in the PNG is 21 px."""
    fig = plt.figure(figsize=(13.33, 7.4), dpi=100)
    fig.text(0.0, 0.5, "box text", fontsize=14)
    fig.text(1.0, 0.5, "edge", ha="right")
    try:
        m = fl.measure(fig)
        assert abs(m.png[0] - 1353) <= 2 and m.scale == pytest.approx(848 / m.png[0])
        sizes = {t.text: t.font_px for t in m.texts}
        assert sizes["box text"] == pytest.approx(14 * 100 / 72 * 848 / 1353, abs=0.1)
        assert "box text" in [t.text for t in m.small]
    finally:
        plt.close(fig)


def test_the_measure_finds_small_tall_cut_overlapping_far_and_hidden():
    """Each check fails on a figure made to fail it, and passes on one made to pass."""
    wide = plt.figure(figsize=(16.96, 4), dpi=100)      # 1,716 px wide: shown at half size in the output area
    wide.text(0.05, 0.5, "twenty pixels in the PNG", fontsize=14.4)
    wide.text(0.05, 0.2, "forty pixels in the PNG", fontsize=28.8)
    wide.text(0.97, 0.8, "past the right-hand edge", fontsize=28.8)
    wide.text(0.5, 0.2, "shortened to fit…", fontsize=28.8)
    tall = plt.figure(figsize=(8, 9), dpi=100)
    ax = tall.add_subplot()
    ax.barh(0, 10, left=1990, color="#E69F00")
    ax.barh(0, 1, left=1998, color="#E69F00")      # inside the bar above, same colour: hidden
    ax.barh(1, 1, left=1998, color="#E69F00")      # a row of its own: seen
    ax.set_xlim(1900, 2020)
    ax.annotate("far from its mark", xy=(1900, 0), xytext=(1950, 1.3), fontsize=20)
    ax.annotate("beside its mark", xy=(1999, 1), xytext=(6, 0), textcoords="offset points", fontsize=20,
                va="center")
    ax.text(1960, 0.5, "overlapping", fontsize=20)
    ax.text(1962, 0.5, "overlapping too", fontsize=20)
    try:
        m = fl.measure(wide)
        assert m.scale == pytest.approx(fl.DISPLAY_WIDTH / m.png[0])
        sizes = {t.text: t.font_px for t in m.texts}
        assert sizes["twenty pixels in the PNG"] < 14 <= sizes["forty pixels in the PNG"]
        assert [t.text for t in m.small] == ["twenty pixels in the PNG"]
        assert {t.text for t in m.cut} == {"past the right-hand edge", "shortened to fit…"}
        assert m.fits and not m.far and not m.hidden
        t = fl.measure(tall)
        assert not t.fits and t.png[1] > 720
        assert [a for a, _ in t.far] == ["far from its mark"]
        assert t.overlaps == [("overlapping", "overlapping too")]
        assert len(t.hidden) == 1 and t.hidden[0].startswith("a bar at x=1998")
    finally:
        plt.close(wide)
        plt.close(tall)


def test_a_figure_drawn_twice_gives_the_same_png():
    """Deterministic figures: the same call draws the same bytes (the notebooks' outputs are compared)."""
    from helpers import load_essay, plots
    essay = load_essay()
    pngs = []
    for _ in range(2):
        ax = plots.words_per_section(essay)
        buffer = io.BytesIO()
        ax.figure.savefig(buffer, format="png", bbox_inches="tight")
        pngs.append(buffer.getvalue())
        plt.close(ax.figure)
    assert pngs[0] == pngs[1]
    assert np.frombuffer(pngs[0][:8], dtype=np.uint8).tolist() == [137, 80, 78, 71, 13, 10, 26, 10]


def test_the_measure_finds_a_mark_and_a_label_under_a_box():
    """A text's box drawn over a bar (leaving less than MIN_SHOWN_PX of it) and over another label is found by the
    measure, which draws the figure once for its texts and its boxes (issue #24), as by _under_boxes alone."""
    fig = plt.figure(figsize=(8, 3), dpi=100)
    ax = fig.add_subplot()
    ax.barh(0, 2, left=2000, height=0.1, color="#E69F00", gid="E1")
    ax.barh(1, 30, left=1980, height=0.1, color="#56B4E9", gid="E2")   # long: a box over part of it leaves most showing
    ax.set_xlim(1970, 2020)
    ax.text(1995, 0.6, "a label", fontsize=12)
    for y in (0, 0.6, 1):
        ax.text(1998, y, "→ a box over it all", fontsize=12, va="center", bbox={"facecolor": "white"})
    try:
        found = fl.measure(fig).hidden
        assert any(h.startswith("E1 under the box of") for h in found), found
        assert not any(h.startswith("E2") for h in found), found
        assert any(h.startswith("the label 'a label' under the box") for h in found), found
        assert fl._under_boxes(fig) == [h for h in found if "under the box" in h]
    finally:
        plt.close(fig)
