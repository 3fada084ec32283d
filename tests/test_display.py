"""helpers.table: what a reader sees instead of a raw pandas table."""
import numpy as np
import pandas as pd

import helpers
from helpers.display import MISSING


def test_no_index_no_dtype_no_nan():
    df = pd.DataFrame({"who": ["Marx", None, "Baker"], "n": [1.0, np.nan, 3.0],
                       "when": pd.to_datetime(["2009-06-28", None, "2017-11-26"])},
                      index=[10, 20, 30])
    for text in (repr(helpers.table(df)), helpers.table(df)._repr_html_()):
        for noise in ("NaN", "<NA>", "NaT", "None", "dtype", "20"):
            assert noise not in text.replace("2017", "").replace("2009", ""), noise
        assert MISSING in text


def test_series_becomes_two_columns_without_dtype():
    counts = pd.Series(["a", "b", "a"], name="kind").value_counts()
    text = repr(helpers.table(counts))
    assert "dtype" not in text and "Name:" not in text
    assert text.splitlines()[0].split() == ["kind", "count"]


def test_long_text_wrapped_not_cut():
    long = "word " * 60
    text = repr(helpers.table(pd.DataFrame({"span": [long.strip()]})))
    assert "…" not in text and "..." not in text
    assert text.count("word") == 60
    assert max(len(line) for line in text.splitlines()) <= 80


def test_a_screenful_then_how_to_see_all():
    df = pd.DataFrame({"n": range(40)})
    short = repr(helpers.table(df))
    assert "Showing 15 of 40 rows" in short and "Show the other 25 rows" in short and "None" not in short
    page = helpers.table(df)._repr_html_()
    assert page.count("<table") == 2 and '<details class="more-rows"><summary>Show the other 25 rows' in page
    assert ">39<" in page.split("<details", 1)[1] and ">39<" not in page.split("<details", 1)[0]
    assert "39" not in short.splitlines()[-2]
    everything = repr(helpers.table(df, rows="all"))
    assert everything == repr(helpers.table(df, rows=None))
    assert "Showing" not in everything and everything.splitlines()[-1].strip() == "39"
