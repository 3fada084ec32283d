"""What makes 03's zoom panels cheaper to draw (session 28, issue 19's Run All target): each panel is laid out once.

Constrained layout measures every row label, theme name and year on each pass; on main a panel with a bar running on
past its right edge was laid out three or four times (to find room for the "→ Nov 2017" marks, to place them, and
again for its picture), though nothing that sets its margins had changed since the first."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.layout_engine import ConstrainedLayoutEngine  # noqa: E402

import helpers  # noqa: E402
from helpers import plots  # noqa: E402

ASKED_03 = ["E25", "E35", "E42", "E43", "E36", "E38"]   # as 03's zoom holds them back (writing="E38")


def test_each_zoom_panel_is_laid_out_once_for_its_picture(monkeypatch):
    timeline = helpers.load_timeline(helpers.load_essay())
    passes = []
    original = ConstrainedLayoutEngine.execute
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", lambda self, fig: passes.append(fig) or original(self, fig))
    counts, running = [], []
    for fig in plots._zoom_figures(timeline, (2009, 2020), plots.ZOOM_ROWS, ASKED_03, "E38"):
        plots.figure_png(fig)
        counts.append(len(passes))
        running.append(any((t.get_gid() or "").endswith("-runs-on") for t in fig.axes[0].texts))
        passes.clear()
        plt.close(fig)
    assert any(running), "no panel has a bar that runs on past its edge: the case this test is about"
    assert counts == [1] * len(counts), f"layout passes per panel: {counts} (panels with a run-on mark: {running})"


def test_a_panel_laid_out_once_is_drawn_as_a_second_layout_would_place_it():
    """The one layout is made before the bars and the run-on marks and before the right edge moves: laying the finished
    panel out again moves nothing (so the picture is the one a fresh layout would give)."""
    timeline = helpers.load_timeline(helpers.load_essay())
    for k, fig in enumerate(plots._zoom_figures(timeline, (2009, 2020), plots.ZOOM_ROWS, ASKED_03, "E38"), start=1):
        before = [ax.get_position().bounds for ax in fig.axes]
        plots._lay_out(fig)
        after = [ax.get_position().bounds for ax in fig.axes]
        width, height = fig.bbox.width, fig.bbox.height
        moved = max(abs(a - b) * (width if i % 2 == 0 else height)
                    for p, q in zip(before, after) for i, (a, b) in enumerate(zip(p, q)))
        plt.close(fig)
        assert moved < 0.5, f"panel {k}: a second layout moves the plot by {moved:.2f} px"
