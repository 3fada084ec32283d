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
