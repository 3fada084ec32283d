"""The essay's argument on one page, in English and Spanish, for the participant packet.

The English comes from the argument map (argument.yml, ``helpers.load_argument``): the thesis in its plain
sentence ("The authors argue that …") with the paragraphs it stands in, and the three numbered points in the
authors' own words, each with the paragraph that states it and the sections the package's map hangs under it.
The Spanish comes from summary_es.yml, keyed by the same ids (T, P1, P2, P3). Like discussion_es.yml, each entry
records the fingerprint of the English it was translated from (``helpers.workshop.english_fingerprint``), so a
changed English fails loading and names the row; words in "double quotes" in the Spanish must be the essay's.
"""
from __future__ import annotations

import re

import pandas as pd

from .argument import load_argument
from .errors import AnnotationError
from .essay import Essay
from .rules import load_entries
from .text import fold, paragraph_list
from .workshop import check_fingerprint, english_fingerprint

FILE = "summary_es.yml"


def summary_english(essay: Essay) -> pd.DataFrame:
    """The summary's English, one row per part, straight from the argument map.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        a table indexed by id (T, P1, P2, P3): ``text`` (the thesis's plain sentence, or the point's own words),
        ``stated`` (the ¶ numbers it stands in, like "¶6, ¶9–¶10"), ``developed`` (for a point, the ¶ range of the
        sections the package's map hangs under it; empty for the thesis) and ``sections`` (how many).
    Example:
        >>> from helpers import load_essay
        >>> summary_english(load_essay()).loc["P1", "stated"]
        '¶11'
    """
    argument = load_argument(essay)
    rows = [{"id": "T", "text": argument.thesis_plain,
             "stated": paragraph_list(sorted(set(argument.thesis.paragraph))), "developed": "", "sections": 0}]
    paragraphs = essay.paragraphs
    for p in argument.points.itertuples():
        own = paragraphs[paragraphs.section.isin(p.sections)]          # headings and epigraphs included
        rows.append({"id": p.id, "text": " ".join(p.span.split()), "stated": f"¶{p.paragraph}",
                     "developed": paragraph_list(own.paragraph), "sections": own.section_no.nunique()})
    return pd.DataFrame(rows).set_index("id")


def load_summary(essay: Essay) -> pd.DataFrame:
    """The one-page summary in both languages, checked against the argument map and the essay.

    Loading stops with an ``AnnotationError`` naming summary_es.yml, the id and the fix when a part has no
    Spanish, when the English it was translated from has changed since (its ``from_en`` fingerprint), when an
    id is not a part of the summary, or when words the Spanish puts "in double quotes" are not the essay's.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        the table of ``summary_english`` with a column ``es``, the Spanish on one line.
    Example:
        >>> from helpers import load_essay
        >>> list(load_summary(load_essay()).index)
        ['T', 'P1', 'P2', 'P3']
    """
    english = summary_english(essay)
    path = essay.folder / FILE
    text = " ".join(fold(essay.text).split())
    parts = load_entries(essay, f"{FILE} parts")
    for pid, fingerprint, es in zip(parts.part, parts.from_en, parts.es):
        check_fingerprint(path, pid, {"from_en": fingerprint}, english.loc[pid, "text"], "argument.yml", "same qualifiers")
        for quoted in re.findall(r'"([^"]+)"', es):
            if " ".join(fold(quoted).split()) not in text:
                raise AnnotationError(path, f"the Spanish {pid} quotes {quoted[:60]!r}, which is not in the essay.",
                                      "quote the essay exactly (in English), with the Spanish in [brackets] after it.",
                                      pid)
    spanish = dict(zip(parts.part, parts.es))
    missing = [pid for pid in english.index if pid not in spanish]
    if missing:
        raise AnnotationError(path, f"has no Spanish for {missing[0]}, a part of the one-page summary.",
                              f"add '{missing[0]}:' with 'from_en: {english_fingerprint(english.loc[missing[0], 'text'])}' "
                              "and 'es: >-' (the Spanish).", missing[0])
    return english.assign(es=[spanish[pid] for pid in english.index])
