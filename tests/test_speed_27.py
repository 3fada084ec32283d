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
