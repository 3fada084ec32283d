"""Annotation files beside the essay (CSV and YAML), loaded and checked against the text.

The layers, so that nothing imports in a circle:

    helpers.anchoring   reading tables, checking spans (imports no loader)
    helpers.quotations, timeline, figures, terms, argument, discussion, workshop   (import anchoring)
    helpers.annotations ``load_all`` (imports the loaders when it is called)

The primitives are re-exported here so ``from .annotations import read_yaml`` (and the others) keeps working
for modules not yet moved to ``helpers.anchoring``; ``load_all`` imports the loaders inside the function, so
that importing any loader never starts a circle through this module.
"""
from __future__ import annotations

import pandas as pd

from .anchoring import (HEADER, anchor_rows, check_as_given, check_ids, check_span, nearest_passage,  # noqa: F401
                        read_csv, read_table, read_yaml, require)
from .essay import Essay

__all__ = ["HEADER", "anchor_rows", "check_as_given", "check_ids", "check_span", "load_all", "nearest_passage",
           "read_csv", "read_table", "read_yaml", "require"]


def load_all(essay: Essay) -> dict[str, pd.DataFrame]:
    """Every annotation and workshop file present for this reading, loaded and checked (``python -m helpers check``).

    Parameters: ``essay`` the loaded essay (``load_essay()``).
    Returns: a dict from a file name ("quotations.csv", "timeline.csv", …) to its checked table; a file that
    fails its checks raises AnnotationError naming the file, the row and the fix.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> tables = load_all(essay)
    >>> {"quotations.csv", "timeline.csv", "figures.csv"} <= set(tables)
    True
    """
    from . import argument, discussion, figures, lead_ins, ledger, qualifiers, quotations, terms, timeline, workshop
    from .memo import remembered     # each loader runs again only when a file it read has changed (helpers/memo.py)
    found: dict[str, pd.DataFrame] = {}
    present = lambda name: (essay.folder / name).is_file()  # noqa: E731
    if present(argument.FILE):
        arg = remembered(argument.load_argument, essay)
        found[argument.FILE + " (claims)"] = arg.claims
        found[argument.FILE + " (counterarguments)"] = arg.counterarguments
    listed = qualifiers.load_qualifiers(essay.folder)
    if listed is not None:
        found[qualifiers.FILE] = pd.DataFrame({"qualifier": list(listed),
                                               "accepted": [", ".join(w) for w in listed.values()]})
    quotes = None
    if present(quotations.FILE):
        quotes = found[quotations.FILE] = remembered(quotations.load_quotations, essay)
    if present(figures.FILE):
        found[figures.FILE] = figures.load_figures(essay, quotes)
    if present(timeline.FILE):
        found[timeline.FILE] = remembered(timeline.load_timeline, essay)
    if present(timeline.DATING):
        found[timeline.DATING] = remembered(timeline.load_dating, essay)
    if present(timeline.UNDATED):
        found[timeline.UNDATED] = remembered(timeline.load_undated, essay)
    if present(ledger.FILE) and present(argument.FILE):
        found[ledger.FILE] = remembered(ledger.check_ledger, essay)
    if present(terms.FILE):
        found[terms.FILE] = remembered(terms.load_terms, essay)
    if present(lead_ins.FILE) and present(quotations.FILE):
        found[lead_ins.FILE] = remembered(lead_ins.check_lead_ins, essay)
    if present(discussion.FILE):
        found[discussion.FILE] = remembered(discussion.load_questions, essay)
    if present(workshop.PLANS):
        found[workshop.PLANS] = remembered(workshop.load_plans, essay)
    from . import summary
    if present(summary.FILE) and present(argument.FILE):
        found[summary.FILE] = remembered(summary.load_summary, essay)
    if present(workshop.NOTES):
        notes = remembered(workshop.load_notes, essay)
        found[workshop.NOTES] = pd.DataFrame({"notebook": list(notes)})
    return found
