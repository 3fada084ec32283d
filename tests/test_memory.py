"""What a notebook's kernel holds: the argument map's figures are drawn one at a time (01's largest cost)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import helpers  # noqa: E402
from helpers import plots  # noqa: E402


def _open_when_shown(monkeypatch, show) -> list[int]:
    """How many figures were open each time ``show()`` showed one."""
    counts = []

    def shown(fig, description):
        counts.append(len(plt.get_fignums()))
        plt.close(fig)

    plt.close("all")
    monkeypatch.setattr(plots, "show_described", shown)
    show()
    return counts


def test_show_timeline_zoom_holds_one_panel_at_a_time(monkeypatch):
    timeline = helpers.load_timeline(helpers.load_essay())
    counts = _open_when_shown(monkeypatch, lambda: plots.show_timeline_zoom(timeline))
    assert len(counts) > 1 and max(counts) == 1, f"{max(counts)} panels were open at once: draw, show, close each"


def test_show_argument_map_holds_one_figure_at_a_time(monkeypatch):
    argument = helpers.load_argument(helpers.load_essay())
    counts = _open_when_shown(monkeypatch, lambda: plots.show_argument_map(argument, "C39"))
    assert len(counts) > 1, "C39's map should need several figures; pick a larger branch for this test"
    assert max(counts) == 1, f"{max(counts)} figures were open at once: draw each, show it and close it before the next"
    figs = plots.argument_map(argument, "C39")
    assert len(counts) == len(figs)
    for fig in figs:
        plt.close(fig)


def test_a_shown_figure_lets_go_of_its_drawing(monkeypatch):
    """01's twenty maps each kept their artists and their renderer's pixels until Python's cycle collector ran,
    which raised the kernel's peak memory by about 80 MB (note 13: 204 MiB). show_described lets go at once."""
    import IPython.display
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: None)
    argument = helpers.load_argument(helpers.load_essay())
    fig = plots.argument_map(argument, "C39")[0]
    fig.canvas.draw()
    plots.show_described(fig, fig.alt_text)
    assert not fig.axes, "the figure still holds what it drew"
    assert getattr(fig.canvas, "renderer", None) is None, "the figure still holds its renderer's pixels"


def _pixels(png):
    import io

    import numpy as np
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(png)))


def test_a_map_drawn_once_is_the_picture_the_inline_backend_draws():
    """figure_png draws a map once, with the box the inline backend would find by laying it out first (the figure
    and a 0.1 inch margin): the picture is the same, pixel for pixel; a figure whose text runs past its edge
    would not be, so only the maps say they fill their canvas."""
    import base64

    from IPython.core.pylabtools import print_figure
    argument = helpers.load_argument(helpers.load_essay())
    for root in ("T", "C39"):
        for fig in plots.argument_map(argument, root):
            assert fig.fills_canvas
            quick, usual = _pixels(base64.b64decode(plots.figure_png(fig))), _pixels(print_figure(fig, "png"))
            assert quick.shape == usual.shape and (quick == usual).all(), root
            plt.close(fig)
    fig = plt.figure(figsize=(4, 3))
    fig.add_axes([0, 0, 1, 1]).axis("off")
    fig.text(-0.2, 0.5, "past the left edge")
    fig.fills_canvas = True
    assert _pixels(base64.b64decode(plots.figure_png(fig))).shape != _pixels(print_figure(fig, "png")).shape
    plt.close(fig)
