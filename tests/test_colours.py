"""Figures readable for colour-blind readers: every palette a legend tells apart keeps its colours distinct when
the three common colour-vision deficiencies are simulated (protan, deutan, tritan; Machado et al.'s model as
colorspacious implements it, at full severity), measured as colour difference in CAM02-UCS.

MIN_DISTANCE is the package's own bar: 10 units, where the palettes stood at 6.5 (the reddish purple and the grey
of notebook 02's languages, for a deutan reader) before the grey was darkened.
"""
from __future__ import annotations

import itertools

import matplotlib.colors as mc
import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from helpers import plots

MIN_DISTANCE = 10
DEFICIENCIES = [None, "protanomaly", "deuteranomaly", "tritanomaly"]
PALETTES = {
    "claim types (argument map, 01)": plots.TYPE_COLOURS,
    # 02's voices chart: a quotation's dot against the bars of reported speech (s20-fig: its languages are no longer
    # drawn, four encodings were too many for the learner)
    "quoted or reported (voices chart, 02)": {"quoted": plots.QUOTED_COLOUR, "reported": plots.REPORTED_COLOUR},
    "themes (timeline, 03)": plots.THEME_COLOURS,
    "relations (argument map, 01)": {k: v["color"] for k, v in plots.RELATION_STYLES.items()},
}


def seen(colour: str, deficiency: str | None) -> np.ndarray:
    rgb = np.array(mc.to_rgb(colour))
    if deficiency is None:
        return rgb
    cvd = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)


def closest_pair(palette: dict[str, str], deficiency: str | None) -> tuple[float, str, str]:
    distinct = {}
    for name, colour in palette.items():
        distinct.setdefault(mc.to_hex(colour), name)     # the same colour twice is one category on the legend
    return min((float(deltaE(seen(a, deficiency), seen(b, deficiency), input_space="sRGB1")), distinct[a], distinct[b])
               for a, b in itertools.combinations(distinct, 2))


@pytest.mark.parametrize("deficiency", DEFICIENCIES, ids=lambda d: d or "typical vision")
@pytest.mark.parametrize("name", PALETTES)
def test_every_palette_stays_distinct(name, deficiency):
    distance, a, b = closest_pair(PALETTES[name], deficiency)
    assert distance >= MIN_DISTANCE, (f"{name}: '{a}' and '{b}' are only {distance:.1f} apart for "
                                      f"{deficiency or 'typical vision'}; pick colours further apart")


def test_the_check_can_fail():
    # red and green, the classic pair a deutan reader cannot tell apart
    assert closest_pair({"a": "#d62728", "b": "#2ca02c"}, None)[0] > MIN_DISTANCE
    assert closest_pair({"a": "#d62728", "b": "#2ca02c"}, "deuteranomaly")[0] < MIN_DISTANCE


def test_relations_differ_by_line_style_not_colour_alone():
    styles = [v["linestyle"] for v in plots.RELATION_STYLES.values()]
    colours = [v["color"] for v in plots.RELATION_STYLES.values()]
    assert len(set(zip(colours, styles))) == len(set(colours)), "a colour shared by two relations shares its style"


def test_the_voices_chart_tells_a_quotation_from_reported_speech_by_shape_not_colour_alone(essay):
    """s20-fig: the chart keeps two kinds of mark, a dot for a quotation and a bar for reported speech."""
    import matplotlib.pyplot as plt
    from matplotlib.collections import PathCollection
    from helpers import load_quotations
    ax = plots.voices_along_the_essay(essay, load_quotations(essay))
    try:
        assert [type(c) for c in ax.collections] == [PathCollection]
        assert ax.patches and all(p.get_width() < 1 for p in ax.patches)
    finally:
        plt.close(ax.figure)


def test_the_timeline_zoom_names_each_rows_theme_in_words(essay):
    import matplotlib.pyplot as plt
    from helpers import load_timeline
    timeline = load_timeline(essay)
    ax = plots.timeline_zoom(timeline)
    try:
        right = [a for a in ax.figure.axes if a is not ax]
        assert len(right) == 1
        themes = [t.get_text().replace("\n", " ") for t in right[0].get_yticklabels()]   # a long theme on two lines
        rows = [t.get_text() for t in ax.get_yticklabels()]
        assert len(themes) == len(rows) > 0
        by_id = dict(zip(timeline.id, timeline.theme))
        # the labels carry no id since round 15 (the long view has none either); the figure keeps each row's id,
        # in order, in ``fig.drawn``
        assert themes == [by_id[line.split()[0]] for line in ax.figure.drawn]
    finally:
        plt.close(ax.figure)
