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
    "languages (quotation map, 02)": plots.LANGUAGE_COLOURS,
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


def test_relations_differ_by_line_style_and_sources_by_shape_not_colour_alone():
    styles = [v["linestyle"] for v in plots.RELATION_STYLES.values()]
    colours = [v["color"] for v in plots.RELATION_STYLES.values()]
    assert len(set(zip(colours, styles))) == len(set(colours)), "a colour shared by two relations shares its style"
    assert len(set(plots.SOURCE_MARKERS.values())) == len(plots.SOURCE_MARKERS)
