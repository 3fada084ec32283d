"""Facilitator review 23: the series printed the whole glossary (18 pages) per pair for Session 3's 10-minute
lookup, and its English run sheets printed only the one-line flare rule, without the hard-moment lines the other
sheets print."""
import html
import re

import helpers
from helpers import workshop
from tools import packet

import kit_once


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_the_series_glossary_segment_hands_out_an_excerpt_not_the_whole_glossary():
    essay = helpers.load_essay()
    terms = packet.glossary_excerpts()["series-3x120"]
    assert {"war of position", "Antonio Gramsci", "civil society"} <= set(terms) and 5 <= len(terms) <= 12
    plans = workshop.load_plans(essay)
    seg = plans[(plans.plan == "series-3x120") & (plans.topic == "glossary")].iloc[0]
    assert list(seg.glossary) == terms
    assert "glossary excerpt" in seg.activity and "extracto del glosario" in seg.activity_es
    assert "glossary excerpt" in seg.materials and "glossary (printed)" not in seg.materials
    prints = workshop.load_print_lists(essay)
    series = prints[prints.plan == "series-3x120"].set_index("printout")
    assert "glossary" not in series.index and series.loc["glossary excerpt", "copies"] == "each pair"
    assert series.loc["glossary excerpt", "file"] == "facilitator/glossary-series-3x120.pdf"
    page = re.findall(r"<td><strong>(.*?)</strong>", packet.glossary_excerpt_html(plan="series-3x120"))
    assert [html.unescape(t) for t in page] == terms


def test_the_english_series_sheets_have_the_hard_moment_lines():
    essay = helpers.load_essay()
    moments = workshop.load_handout(essay)["hard_moments"]
    sheets = kit_once.run_sheets()
    for n in (1, 2, 3):
        text = _plain(sheets[f"run-sheet-series-3x120-{n}.html"])
        for m in moments:
            assert text.count(f"“{m['en']}”") == 1, (n, m["en"])
