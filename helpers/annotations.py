"""Annotation files beside the essay (CSV and YAML), loaded and checked against the text.

The layers, so that nothing imports in a circle:

    helpers.anchoring   reading files, checking spans (imports no loader)
    helpers.rules       one loader for every table and every list of a YAML file, checked against the reading's
                        schema.yml
    helpers.quotations, timeline, figures, terms, argument, discussion, workshop   (use rules and anchoring)
    helpers.annotations ``load_all`` (imports the loaders when it is called, so no loader starts a circle here)
"""
from __future__ import annotations

import pandas as pd

from .essay import Essay

__all__ = ["load_all"]


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
    from . import argument, discussion, figures, lead_ins, ledger, negatives, qualifiers, quotations, rules, summary, \
        terms, timeline, workshop
    from .memo import remembered     # each loader runs again only when a file it read has changed (helpers/memo.py)
    found: dict[str, pd.DataFrame] = {}

    def claims(essay):
        arg = remembered(argument.load_argument, essay)
        return {argument.FILE + " (claims)": arg.claims, argument.FILE + " (counterarguments)": arg.counterarguments}

    def hedges(essay):
        listed = qualifiers.load_qualifiers(essay.folder)
        return None if listed is None else pd.DataFrame({"qualifier": list(listed),
                                                         "accepted": [", ".join(w) for w in listed.values()]})

    # (the name it is shown under, the files it needs, its loader), in the order `python -m helpers check` reports;
    # a module's own loader runs through `remembered` (it runs again only when a file it read has changed); the
    # local steps, whose results depend on more than the files, call the loaders themselves
    remember = lambda load: lambda e: remembered(load, e)  # noqa: E731
    steps = [(argument.FILE, [argument.FILE], claims), (qualifiers.FILE, [], hedges),
             (quotations.FILE, [quotations.FILE], remember(quotations.load_quotations)),
             (figures.FILE, [figures.FILE], lambda e: figures.load_figures(e, found.get(quotations.FILE))),
             (timeline.FILE, [timeline.FILE], remember(timeline.load_timeline)),
             (timeline.DATING, [timeline.DATING], remember(timeline.load_dating)),
             (timeline.UNDATED, [timeline.UNDATED], remember(timeline.load_undated)),
             (ledger.FILE, [ledger.FILE, argument.FILE], remember(ledger.check_ledger)),
             (terms.FILE, [terms.FILE], remember(terms.load_terms)),
             (terms.GLOSSES, [terms.GLOSSES], remember(terms.load_glosses)),
             (lead_ins.FILE, [lead_ins.FILE, quotations.FILE], remember(lead_ins.check_lead_ins)),
             (discussion.FILE, [discussion.FILE], remember(discussion.load_questions)),
             (workshop.PLANS, [workshop.PLANS], remember(workshop.load_plans)),
             # the Spanish questions and the register of negative statements: read here too, so an edit of either is
             # caught by what checks the rest (remembered: the property tests load every file hundreds of times)
             (workshop.QUESTIONS_ES, [workshop.QUESTIONS_ES, discussion.FILE],
              lambda e: pd.DataFrame(list(remembered(workshop.load_questions_es, e).items()),
                                     columns=["question", "spanish"])),
             (negatives.FILE, [negatives.FILE], remember(negatives.load_register)),
             (summary.FILE, [summary.FILE, argument.FILE], remember(summary.load_summary)),
             (quotations.CARDS_ES, [quotations.CARDS_ES, quotations.FILE],
              lambda e: pd.DataFrame(list(remembered(quotations.load_cards_es, e).items()), columns=["card", "spanish"])),
             (workshop.NOTES, [workshop.NOTES],
              lambda e: pd.DataFrame({"notebook": list(remembered(workshop.load_notes, e))})),
             # the wording of the loaders' own errors: its shape checked here, though a loader reads it only to fail
             (rules.MESSAGES, [rules.MESSAGES], lambda e: pd.DataFrame(
                 [(n, k) for n, said in rules.messages(e.folder).items() for k in said], columns=["file", "message"]))]
    for name, needs, load in steps:
        if all((essay.folder / n).is_file() for n in needs):
            loaded = load(essay)
            found.update(loaded if isinstance(loaded, dict) else {} if loaded is None else {name: loaded})
    return found
