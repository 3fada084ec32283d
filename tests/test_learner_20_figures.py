"""Learner review 19 (issue 19), the figures of 02 and 03 (s20-fig): 03's timeline figures drew eight kinds of mark,
02's voices chart packed four encodings (size, colour, hatching, shape) into one chart, and the sentences under 03's
long view counted kinds of mark instead of saying what happened. The kinds are counted from the artists the
plotting functions return. Each test here was seen failing on the code before the change it holds."""
from __future__ import annotations

import numpy as np
import pytest

import helpers
from helpers import plots
from helpers import timeline as tl
from helpers import quotations as q

ASKED_03 = ["E25", "E35", "E42", "E43", "E36", "E38"]   # as 03's figures hold them back (writing="E38")


def _white(colour) -> bool:
    from matplotlib.colors import to_rgba
    return np.allclose(to_rgba(colour)[:3], (1, 1, 1))


def mark_kinds(ax, colour: bool) -> set[tuple]:
    """The kinds of mark drawn in ``ax``, told apart by everything a reader must learn from a key: shape, fill,
    outline, line style, hatching, size, and the colour too if ``colour`` (the timeline names each row's theme in
    words, so its colour is not counted there). Where a mark sits and how long a bar is are not kinds."""
    from matplotlib.colors import to_hex
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.text import Annotation
    kinds = set()
    for c in ax.collections:                              # scatter: one kind per point's shape, size, fill and hatch
        shape = tuple(np.round(c.get_paths()[0].vertices, 2).ravel())
        faces = c.get_facecolors()
        for k in range(len(c.get_offsets())):
            face = faces[k % len(faces)] if len(faces) else (0, 0, 0, 0)
            size = c.get_sizes()[k % len(c.get_sizes())] if len(c.get_sizes()) else 0
            kinds.add(("point", shape, round(float(size)), c.get_hatch() or "",
                       to_hex(face) if colour else _white(face)))
    for p in ax.patches:
        if not isinstance(p, Rectangle) or (p.get_gid() is None and p.get_x() <= 0):
            continue                                      # the shading of the long view, the frame
        # a timeline's whisker is a thin bar (a bar of reported speech, with no id, is as tall as its count)
        thin = p.get_gid() is not None and abs(p.get_height()) <= 0.2
        if thin:
            kinds.add(("whisker", "-" if p.get_linestyle() == "solid" else p.get_linestyle(), "", False, False,
                       to_hex(p.get_facecolor()) if colour else None))
            continue
        outlined = to_hex(p.get_edgecolor()) != to_hex(p.get_facecolor())    # an outline of another colour
        kinds.add(("bar", p.get_linestyle(), p.get_hatch() or "", _white(p.get_facecolor()), outlined,
                   to_hex(p.get_facecolor()) if colour else None))
    for line in ax.lines:
        if line.get_transform() != ax.transData:          # a section guide across the whole height
            continue
        xs = line.get_xdata()
        if line.get_marker() in (None, "None", "", " "):
            if len(xs) == 2 and xs[0] == xs[1]:
                kinds.add(("whisker", "-", "", False, False, to_hex(line.get_color()) if colour else None))
            continue
        outlined = to_hex(line.get_markeredgecolor()) != to_hex(line.get_markerfacecolor())
        kinds.add(("point", line.get_marker(), _white(line.get_markerfacecolor()), outlined,
                   line.get_linestyle(), to_hex(line.get_color()) if colour else None))
    for t in ax.texts:
        if isinstance(t, Annotation) and t.arrow_patch is not None:      # round 21: a filled or a hollow head
            kinds.add(("arrow", t.arrow_patch.get_linestyle(), _white(t.arrow_patch.get_facecolor())))
    return kinds


def key_entries(fig) -> list[str]:
    """The entries of every key drawn in ``fig`` (a legend's title is not an entry)."""
    from matplotlib.legend import Legend
    return [t.get_text() for legend in fig.findobj(Legend) for t in legend.get_texts()]


@pytest.fixture(scope="module")
def voices(essay):
    import matplotlib.pyplot as plt
    ax = plots.voices_along_the_essay(essay, helpers.load_quotations(essay))
    yield ax
    plt.close(ax.figure)


@pytest.fixture(scope="module")
def timeline_figures(essay):
    """03's figures as it draws them: the long view and each panel of the zoom."""
    import matplotlib.pyplot as plt
    timeline = tl.load_timeline(essay)
    figs = [plots.timeline_long_view(timeline, leave_out=ASKED_03, writing="E38").figure]
    figs += plots.timeline_zoom_panels(timeline, leave_out=ASKED_03, writing="E38")
    yield figs
    for fig in figs:
        plt.close(fig)


def test_the_voices_chart_draws_two_kinds_of_mark_a_quotation_and_reported_speech(voices):
    """Learner review 19: 02[10] packed four encodings into one chart (size, colour and hatching, shape). The
    learner needs who is quoted where, and whether in their own words or reported: two kinds, two key entries."""
    kinds = mark_kinds(voices, colour=True)
    assert len(kinds) == 2, sorted(map(str, kinds))
    assert len(key_entries(voices.figure)) == 2, key_entries(voices.figure)


def test_the_voices_chart_says_the_words_quoted_in_words_beside_each_mark(voices, essay):
    quotes = plots._voice_rows(helpers.load_quotations(essay))
    own = quotes[quotes.form != "reported speech"]
    said = sorted(t.get_text() for t in voices.texts if t.get_text().endswith(("words", "word")))
    assert said == sorted(f"{n} word{'s' if n != 1 else ''}" for n in own.words)


def test_the_voices_chart_reads_on_a_projector(voices):
    from tools.figure_legibility import measure
    assert not measure(voices.figure, "voices").problems()


def test_each_timeline_figure_draws_at_most_five_kinds_of_mark_each_in_its_key(timeline_figures):
    """Learner review 19: 03[5] and [7] used eight kinds of mark (a day, a period, limits, no end, up to the time of
    writing, and solid, hollow or dotted, and black-outlined for who dates a row). Who dates a row is in its label
    (a * or italics), so the marks need only what happened when: a day, a period, limits, and two arrows (round 21:
    Exercise 2 needs "no end date given" told from "up to the time of writing", which s20-fig had drawn alike). The
    key has one entry for each kind, and one for the publication line where a figure draws it."""
    # session 27: the zoom's key is drawn once, under part 1, for every panel: it may name the line another panel draws
    zoom_line = any(ln.get_label() == plots.PUBLICATION_LABEL for fig in timeline_figures[1:] for ln in fig.axes[0].lines)
    for k, fig in enumerate(timeline_figures):
        kinds = mark_kinds(fig.axes[0], colour=False)
        assert len(kinds) <= 5 and len({kind[0] for kind in kinds}) <= 4, (k, kinds)
        line = any(ln.get_label() == plots.PUBLICATION_LABEL for ln in fig.axes[0].lines) or (k == 1 and zoom_line)
        assert len(key_entries(fig)) <= 5 + line, (k, key_entries(fig))


def test_the_timeline_key_still_says_who_dates_a_row(timeline_figures):
    from matplotlib.legend import Legend
    for k, fig in enumerate(timeline_figures):
        titles = " ".join(lg.get_title().get_text() for lg in fig.findobj(Legend))
        if k >= 2:        # session 27: a later zoom panel points to the key under part 1
            assert not titles and fig.axes[0].get_title(loc="left").endswith(plots.ZOOM_KEY_ONCE)
            continue
        assert all(words in titles.replace("\n", " ") for words in plots.DATED_BY_KEY.values()), titles


def test_no_bar_runs_past_a_timeline_figures_edge_without_a_continuation_mark(timeline_figures):
    for k, fig in enumerate(timeline_figures):
        ax = fig.axes[0]
        lo, hi = ax.get_xlim()
        past = {p.get_gid() for p in ax.patches if p.get_gid()
                and (p.get_x() + p.get_width() > hi + 1e-6 or p.get_x() < lo - 1e-6)}
        marked = {(t.get_gid() or "").removesuffix("-runs-on") for t in ax.texts}
        assert past <= marked, (k, sorted(past - marked))


def test_the_sentences_under_03s_figures_say_what_happened_not_how_it_is_drawn(essay):
    timeline = tl.load_timeline(essay)
    long_view = plots.describe_timeline(timeline, leave_out=ASKED_03, writing="E38")
    assert long_view.startswith("The long view runs from Marx's letter on Ireland (9 April 1870)"), long_view[:120]
    texts = [long_view] + [plots.describe_timeline(timeline, zoomed=True, part=(k, 5), leave_out=ASKED_03,
                                                   writing="E38") for k in range(1, 6)]
    for text in texts:
        # the one sentence that says how the rows Exercise 2 asks about are drawn (its arrows) is not counted
        text = text.split(" A row that runs to the time of writing ends in")[0]
        for drawing in ("whisker", "hollow", "dotted", "dashed", "end bar", "diamond"):
            assert drawing not in text, (drawing, text[:100])


def test_the_sentence_under_02s_chart_says_who_is_quoted_not_how_it_is_drawn(essay):
    quotes = helpers.load_quotations(essay)
    text = plots.describe_voices(essay, quotes)
    # close reading 20: words with no speaker named are no voice (the README's rule); the count agrees with the
    # table of voices above the chart, and the unnamed words are counted apart
    named = q.voices(quotes)
    assert text.startswith(f"The essay quotes {len(named)} named voices in their own words, "
                           f"{named.quotations.sum()} times"), text[:100]
    assert "12 voices" not in text and "whose speaker it does not name" in text
    for drawing in ("Colour", "hatching", "shape", "size"):
        assert drawing not in text, drawing


def test_a_zoom_panels_sentence_says_what_happened_and_counts_no_labels(essay):
    """Learner review 19: a sentence under a figure says what it shows; a count of marks or labels the learner must
    then find ("3 as the essay tells and dates them…, 11 dates are derived") is not its point."""
    timeline = tl.load_timeline(essay)
    for k in range(1, 6):
        text = plots.describe_timeline(timeline, zoomed=True, part=(k, 5), leave_out=ASKED_03, writing="E38")
        assert text.startswith(f"Part {k} of the zoom shows what happened from ")
        assert "with a date the package infers" not in text and "derived" not in text, text
