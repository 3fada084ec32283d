"""The numbers the essay uses as evidence (seeds/<reading>/figures.csv), each anchored to its words.

``figure`` is the number as written (``Over 30``, ``700%``, ``hundreds of thousands``); ``span`` the words
around it that say what it counts. The checks: the span stands in its paragraph, the figure stands in
its span, and a figure given by a quoted speaker lies inside that speaker's quotation.
"""
from __future__ import annotations

import pandas as pd

from .essay import Essay
from .rules import load_table, said

FILE = "figures.csv"


def load_figures(essay: Essay, quotations: pd.DataFrame | None = None) -> pd.DataFrame:
    """figures.csv, checked; ``quotations`` (from load_quotations) lets it check quoted figures too.

    Parameters: ``essay`` the loaded essay; ``quotations`` the table from ``load_quotations`` (optional), to
    check figures given inside a quotation.
    Returns: a pandas DataFrame, one row per number the essay gives, with what it measures, who gives it and where.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> figures = load_figures(essay)
    >>> figures.loc[figures.id == "N01", "figure"].item()
    'thousands'
    """
    table = load_table(essay, FILE)
    if quotations is not None:
        by_id = quotations.set_index("id")
        for line, row in table[table.quotation != ""].iterrows():
            q = by_id.loc[row.quotation]
            if not (q.start <= row.start and row.end <= q.end) or q.speaker != row.given_by:
                raise said(essay.folder, FILE, "not inside", f"{line} ({row.id})", **row, speaker=q.speaker)
    return table


def disagreements(figures: pd.DataFrame, quotations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Figures for the same thing (same ``measures``) that differ, with who gives each, in which text and when.

    Parameters: ``figures`` the table from ``load_figures``; ``quotations`` the table from ``load_quotations``
    (optional: with it, a figure given inside a quotation says the source and date the essay gives for it).
    Returns: a pandas DataFrame of the figures that measure the same thing but differ, with who gives each,
    where, in which text and when, and whether the figure is a lower bound (“Over …”), which need not
    contradict another lower bound.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> from helpers import load_quotations
    >>> quotes = load_quotations(essay)
    >>> d = disagreements(load_figures(essay, quotes), quotes)
    >>> sorted(d.figure)
    ['Over 30', 'Over 40']
    >>> d.set_index("figure").loc["Over 40", "when"]
    '11/20/2018'
    """
    g = figures.groupby("measures")
    differing = g.figure.transform("nunique") > 1
    shown = figures[differing].sort_values(["measures", "paragraph"]).copy()
    dates = {} if quotations is None else dict(zip(quotations.id, quotations.date_as_given))
    shown["text"] = [row.source_as_given or ("the essay itself" if row.given_by == "the authors" else "not named")
                     for row in shown.itertuples()]
    shown["when"] = [dates.get(row.quotation, "") or ("the time of writing (notebook 03 dates it)"
                                                        if row.given_by == "the authors" else "not given")
                     for row in shown.itertuples()]
    shown["lower_bound"] = shown.figure.str.match(r"(?i)(?:over|more than|at least) ").map({True: "yes", False: "no"})
    return shown[["measures", "figure", "given_by", "paragraph", "text", "when", "lower_bound", "span"]]
