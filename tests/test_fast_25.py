"""Issue 19, Run All within 1.5× its floor (s25-fast): a figure a notebook shows is drawn once, not laid out and drawn
again to measure it, and what its boxes and labels need is counted once.

Each test shows figures as a notebook does (``show_described`` with an IPython shell's PNG formatter) and counts
matplotlib's full draws of each figure (``Figure.draw``: a painted draw, ``draw_without_rendering`` and
``print_figure``'s blank draw before a tight box all count). On main, 03's long view was drawn 4 times, each zoom
panel 3 to 7 times, 00, 02 and 04's figures 3 times.
"""
from __future__ import annotations

import base64
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import IPython  # noqa: E402
import IPython.display  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from IPython.core.formatters import DisplayFormatter  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import helpers  # noqa: E402
from helpers import plots  # noqa: E402

ASKED = ["E25", "E35", "E42", "E43", "E36", "E38"]    # 03's first figures leave these out, as the notebook does


@pytest.fixture
def shown(monkeypatch):
    """Show figures as in a notebook; return, per figure shown, (full draws of it, its PNG bytes, its metadata)."""
    formatter = DisplayFormatter()
    shell = SimpleNamespace(display_formatter=formatter)
    show = plots.show_described

    def in_a_notebook(fig, description):    # the shell only while showing (pyplot would hook into it, for good)
        with monkeypatch.context() as m:
            m.setattr(IPython, "get_ipython", lambda: shell)
            show(fig, description)

    monkeypatch.setattr(plots, "show_described", in_a_notebook)
    draws: dict[int, int] = {}
    original = Figure.draw

    def counted(self, renderer):
        draws[id(self)] = draws.get(id(self), 0) + 1
        return original(self, renderer)

    monkeypatch.setattr(Figure, "draw", counted)
    out = []

    def display(*objs, metadata=None, **kwargs):
        for fig in objs:
            if isinstance(fig, Figure):
                data, _ = formatter.format(fig)
                out.append((draws.pop(id(fig), 0), base64.b64decode(data["image/png"]), metadata))

    monkeypatch.setattr(IPython.display, "display", display)
    yield out
    plt.close("all")


@pytest.fixture(scope="module")
def essay():
    return helpers.load_essay()


def test_timeline_figures_are_drawn_once(shown, essay, capsys):
    """03's long view and each zoom panel: one draw each (main: 4, and 3 to 7)."""
    timeline = helpers.load_timeline(essay)
    plots.timeline_long_view(timeline, leave_out=ASKED, writing="E38")
    plots.show_described(plt.gcf(), plots.describe_timeline(timeline, leave_out=ASKED, writing="E38"))
    plots.show_timeline_zoom(timeline, leave_out=ASKED, writing="E38")
    counts = [n for n, _, _ in shown]
    assert len(counts) == 6, f"expected the long view and 5 zoom panels, got {len(counts)} figures"
    assert counts == [1] * 6, f"full draws per figure (long view, then each panel): {counts}; each should be drawn once"
    # what the figure draws is still read off it: the tick years and the title are in the metadata
    drawn = shown[1][2]["image/png"]["drawn"]
    assert any(t.startswith("The zoom, part 1 of 5") for t in drawn) and "2010" in drawn


def test_other_figures_are_drawn_once(shown, essay):
    """00's words per section, 02's voices and 04's grid of mentions: one draw each (main: 3)."""
    plots.show_described(plots.words_per_section(essay).figure, "x")
    quotations = helpers.load_quotations(essay)
    plots.show_described(plots.voices_along_the_essay(essay, quotations).figure, "x")
    from helpers import terms as tm
    mentions = tm.mentions(essay, helpers.load_terms(essay))
    plots.show_described(plots.mentions_by_section(essay, mentions).figure, "x")
    counts = [n for n, _, _ in shown]
    assert counts == [1, 1, 1], f"full draws per figure: {counts}; each should be drawn once"


def test_the_picture_is_the_one_a_plain_figure_png_makes(shown, essay):
    """Drawn once, the same picture: show_described's PNG equals figure_png's of the same figure drawn afresh (a
    figure laid out once less would move 04's grid by a pixel: the layout starts from where the last one left it)."""
    from helpers import terms as tm
    mentions = tm.mentions(essay, helpers.load_terms(essay))
    plots.show_described(plots.mentions_by_section(essay, mentions).figure, "x")
    fig = plots.mentions_by_section(essay, mentions).figure
    plots.drawn_text(fig)                  # as main's show_described did: laid out for its texts, then pictured
    assert base64.b64decode(plots.figure_png(fig)) == shown[0][1]
    plt.close(fig)


def test_a_map_counts_the_claims_under_each_box_once(monkeypatch, essay):
    """The boxes' "[n more claims below it]" counted once per claim of a map (main: once per wording tried, about
    480 counts for 01's maps, a third of their cost)."""
    argument = helpers.load_argument(essay)
    calls = []
    original = type(argument).branch
    monkeypatch.setattr(type(argument), "branch", lambda self, root, *a, **k: calls.append(root) or original(
        self, root, *a, **k))
    figs = plots.argument_map(argument, "thesis", points=False)
    boxes = sum(len(fig.wording_ids) for fig in figs)
    for fig in figs:
        plt.close(fig)
    assert len(calls) <= boxes, f"{len(calls)} counts of the claims under a box, for {boxes} boxes"


def test_dates_in_words_are_with_accounts(essay):
    """The figures' dates in words (timeline.dates_in_words) are with_account's, with and without the time of
    writing left unsaid."""
    from helpers.timeline import dates_in_words, with_account
    timeline = helpers.load_timeline(essay)
    for writing in (None, "E38"):
        assert dates_in_words(timeline, writing).to_dict() == \
            with_account(timeline, writing=writing).set_index("id")["when"].to_dict()
