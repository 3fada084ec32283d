"""What makes 01's argument maps cheaper to build (session 27, issue 19's Run All target): a map looks its boxes up
in plain records built once (``Argument.rows``), not in a pandas table rebuilt and indexed row by row (on main,
01's maps made 2,448 pandas row look-ups and rebuilt the table of boxes 32 times)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import helpers  # noqa: E402
from helpers import plots  # noqa: E402
from helpers.argument import Argument  # noqa: E402

MOST_LOOKUPS = 5      # pandas row look-ups (.loc, .xs, iterrows) while one map of several figures is built


def test_a_map_looks_its_boxes_up_in_plain_records(monkeypatch):
    argument = helpers.load_argument(helpers.load_essay())
    counts = {"loc": 0, "xs": 0, "iterrows": 0, "nodes": 0}

    def counting(name, original):
        def wrapped(*args, **kwargs):
            counts[name] += 1
            return original(*args, **kwargs)
        return wrapped
    monkeypatch.setattr(pd.core.indexing._LocIndexer, "__getitem__",
                        counting("loc", pd.core.indexing._LocIndexer.__getitem__))
    monkeypatch.setattr(pd.DataFrame, "xs", counting("xs", pd.DataFrame.xs))
    monkeypatch.setattr(pd.DataFrame, "iterrows", counting("iterrows", pd.DataFrame.iterrows))
    monkeypatch.setattr(Argument, "nodes", counting("nodes", Argument.nodes))
    # a claim named in words (its box's first words) and a map of several figures: 01's costliest kind
    figs = plots.argument_map(argument, "The history the essay has told", held_back="All of this")
    assert len(figs) > 1, "pick a claim whose map needs several figures"
    for fig in figs:
        plt.close(fig)
    lookups = counts["loc"] + counts["xs"] + counts["iterrows"]
    assert lookups <= MOST_LOOKUPS, f"{lookups} pandas row look-ups for one map ({counts}): use argument.rows()"
    assert counts["nodes"] == 0, f"the table of boxes was built {counts['nodes']} times for one map"


def test_the_records_say_what_the_table_says():
    """rows() and nodes() give each box the same fields: the maps read one, the tests and learners the other."""
    argument = helpers.load_argument(helpers.load_essay())
    rows, table = argument.rows(), argument.nodes()
    assert list(rows) == list(table.index)
    for id_, row in table.iterrows():
        for field in table.columns:
            ours, theirs = rows[id_][field], row[field]
            assert ours == theirs or (pd.isna(ours) and pd.isna(theirs)), (id_, field, ours, theirs)
        assert rows[id_].name == row.name
    below = argument.below_counts()
    for id_ in ["T", "P1", "P2", "P3", *argument.claims.id]:
        assert below.get(id_, 0) == len(argument.branch(id_)), id_


def test_a_shown_figure_is_let_go_of_without_clearing_its_axes(monkeypatch):
    """Clearing an Axes makes its ticks anew (Figure.clear clears each Axes before dropping it): letting go of a shown
    figure drops what its Axes drew and the Axes itself, uncleared (01: 14 maps, 14 clears for nothing)."""
    import IPython.display
    from matplotlib.axes import Axes
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: None)
    argument = helpers.load_argument(helpers.load_essay())
    fig = plots.argument_map(argument, "T")[0]
    cleared = []
    original = Axes.clear
    monkeypatch.setattr(Axes, "clear", lambda self: cleared.append(self) or original(self))
    plots.show_described(fig, fig.alt_text)
    assert not fig.axes and not fig.texts, "the figure still holds what it drew"
    assert not cleared, f"{len(cleared)} Axes cleared only to be dropped"


def test_a_maps_picture_measures_no_text_its_build_measured(monkeypatch):
    """A map measures its boxes and labels to place them; figure_png draws on the renderer that measured them, so
    matplotlib's sizes kept for that renderer serve the drawing and no text is measured twice (on main every one
    was: the picture's canvas, a margin larger than the figure, made a renderer of its own)."""
    import base64

    from matplotlib.backends.backend_agg import RendererAgg
    argument = helpers.load_argument(helpers.load_essay())
    measured: list[tuple] = []     # (text, font) pairs: a legend may measure a label's word in another font
    original = RendererAgg.get_text_width_height_descent
    monkeypatch.setattr(RendererAgg, "get_text_width_height_descent",
                        lambda self, s, prop, ismath: measured.append((s, hash(prop)))
                        or original(self, s, prop, ismath))
    for fig in plots.argument_map(argument, "T"):
        built = set(measured)
        measured.clear()
        assert base64.b64decode(plots.figure_png(fig))[:4] == b"\x89PNG"
        again = built & set(measured)
        assert built and not again, f"{len(again)} texts measured again to draw the picture: {sorted(again)[:3]}"
        measured.clear()
        plt.close(fig)


def test_a_zoom_panels_picture_measures_each_text_once(monkeypatch):
    """03's zoom panels: laying a panel out and finding its tight box measure every tick label and theme word; the
    picture is drawn on that renderer (made the picture's size), so figure_png measures no text twice (on main 65
    texts a panel were measured again to draw it). Counted over the panel's build and its picture together."""
    from matplotlib.backends.backend_agg import RendererAgg
    timeline = helpers.load_timeline(helpers.load_essay())
    measured: list[tuple] = []
    original = RendererAgg.get_text_width_height_descent
    monkeypatch.setattr(RendererAgg, "get_text_width_height_descent",
                        lambda self, s, prop, ismath: measured.append((s, hash(prop)))
                        or original(self, s, prop, ismath))
    # session 28: a panel is laid out once, while it is built, and its picture measures nothing new; so the texts are
    # counted from the start of each panel's build to the end of its picture, each measured once in all
    panels = plots._zoom_figures(timeline, (2009, 2020), plots.ZOOM_ROWS, (), None)
    for k in range(len(plots.zoom_parts(timeline))):
        measured.clear()
        fig = next(panels)
        plots.figure_png(fig)
        twice = {m for m in measured if measured.count(m) > 1}
        assert measured and not twice, f"panel {k + 1}: {len(twice)} texts measured twice: {sorted(twice)[:3]}"
        plt.close(fig)
