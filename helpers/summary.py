"""The essay's argument on one page, in English and Spanish, for the participant packet.

The English comes from the argument map (argument.yml, ``helpers.load_argument``): the thesis in its plain
sentence ("The authors argue that …") with the paragraphs it stands in, and the three numbered points in the
authors' own words, each with the paragraph that states it and the sections the package's map hangs under it.
Further claims of the map join them when summary_es.yml gives their Spanish under their claim id (the diagnosis
of ¶3, the cause and the concession under point 1, what the essay asks movements to do (¶53, ¶62), the conclusion
of ¶62): their English is the claim's paraphrase,
placed by the map (under the point the claim's chain leads to, or before or after the thesis and points).
The Spanish comes from summary_es.yml, keyed by the same ids (T, P1, P2, P3, and the claims' ids). Like discussion_es.yml, each entry
records the fingerprint of the English it was translated from (``helpers.workshop.english_fingerprint``), so a
changed English fails loading and names the row; words in "double quotes" in the Spanish must be the essay's.
"""
from __future__ import annotations

import re

import pandas as pd

from .argument import load_argument
from .essay import Essay
from .rules import load_entries
from .text import paragraph_list
from .workshop import check_translated

FILE = "summary_es.yml"
PARTS = ("T", "P1", "P2", "P3")
# the words a claim of the map is introduced with when its paraphrase does not name the authors already, by its type
LEADS = {"conclusion": "The authors conclude:", "premise": "The authors argue:", "evidence": "The authors report:",
         "concession": "The authors grant:", "recommendation": "The authors recommend:"}


def summary_claims(essay: Essay) -> list[str]:
    """The ids of the map's claims the one-page summary holds besides the thesis and the points.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        the claim ids summary_es.yml translates (a claim is on the page when it has its Spanish), in its order.
    Example:
        >>> from helpers import load_essay
        >>> summary_claims(load_essay())
        ['C01', 'C51', 'C88', 'C39', 'C62', 'C78', 'C80']
    """
    return [pid for pid in load_entries(essay, f"{FILE} parts").part if pid not in PARTS]


def _place(argument, claim: str) -> str:
    """Where a claim sits in the summary: under the point its chain of ``to`` leads to ("P1" …), or, for a claim
    drawn straight under the thesis, "before" or "after" (its paragraph against the thesis's first)."""
    to = argument.claims.set_index("id").to
    seen, at = set(), claim
    while at in to.index and at not in seen:
        seen.add(at)
        at = to[at]
    if at != "T":
        return at
    row = argument.claims.set_index("id").loc[claim]
    return "before" if int(row.paragraph) < int(argument.thesis.paragraph.min()) else "after"


def summary_english(essay: Essay) -> pd.DataFrame:
    """The summary's English, one row per part, straight from the argument map.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        a table indexed by id (T, P1, P2, P3): ``text`` (the thesis's plain sentence, or the point's own words),
        ``stated`` (the ¶ numbers it stands in: for the thesis, those its plain sentence draws on, "¶9–¶10"), ``developed`` (for a point, the ¶ range of the
        sections the package's map hangs under it; empty for the thesis) and ``sections`` (how many); then the
        claims of ``summary_claims``: ``text`` (the claim's paraphrase, led by "The authors …" when it does not name
        them), ``stated`` (its ¶), ``type`` and ``place`` ("before", "after" or the point it stands under).
    Example:
        >>> from helpers import load_essay
        >>> summary_english(load_essay()).loc["P1", "stated"]
        '¶11'
    """
    argument = load_argument(essay)
    rows = [{"id": "T", "text": argument.thesis_plain,
             "stated": argument.thesis_at(), "developed": "", "sections": 0}]
    paragraphs = essay.paragraphs
    for p in argument.points.itertuples():
        own = paragraphs[paragraphs.section.isin(p.sections)]          # headings and epigraphs included
        rows.append({"id": p.id, "text": " ".join(p.span.split()), "stated": f"¶{p.paragraph}",
                     "developed": paragraph_list(own.paragraph), "sections": own.section_no.nunique()})
    for row in rows:
        row.update(type="thesis" if row["id"] == "T" else "point", place=row["id"])
    claims = argument.claims.set_index("id")
    for cid in summary_claims(essay):
        if cid not in claims.index:
            continue                        # load_summary names the unknown id
        c = claims.loc[cid]
        text = " ".join(str(c.paraphrase).split())
        if not re.search(r"\bthe authors\b(?!['’])", text, flags=re.I):     # "in the authors' words" is not a lead
            text = f"{LEADS[c.type]} {text[:1].lower() + text[1:]}"
        rows.append({"id": cid, "text": text, "stated": f"¶{c.paragraph}", "developed": "", "sections": 0,
                     "type": c.type, "place": _place(argument, cid), "to": c.to})
    return pd.DataFrame(rows).set_index("id")


def moved_from_points(essay: Essay) -> str:
    """The paragraphs of the points' sections with claims the map hangs elsewhere (on the diagnosis and the thesis,
    or under another point), as a reader reads them: what the summary page's note says the map moves.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        the ¶ numbers, runs as ranges ("¶44–¶46, ¶49"); empty when every claim stays under its section's point.
    Example:
        >>> from helpers import load_essay
        >>> moved_from_points(load_essay())
        '¶44–¶46, ¶49'
    """
    argument = load_argument(essay)
    paragraphs = essay.paragraphs
    moved = set()
    for p in argument.points.itertuples():
        own = set(paragraphs[paragraphs.section.isin(p.sections)].paragraph)
        moved |= {int(c.paragraph) for c in argument.claims.itertuples()
                  if c.paragraph in own and argument.point_of(c.id) != p.id}
    return paragraph_list(sorted(moved))


def in_brief(essay: Essay) -> str:
    """What the essay argues, in one Markdown paragraph for the end of 00: the thesis's plain sentence and the three
    numbered points in the essay's own words, each with its ¶, straight from the argument map (no new prose).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        the paragraph, as Markdown.
    Example:
        >>> from helpers import load_essay
        >>> "(¶11)" in in_brief(load_essay())
        True
    """
    parts = summary_english(essay)
    points = parts[parts.type == "point"]
    said = "; ".join(f"({k}) “{row.text}” ({row.stated})" for k, row in enumerate(points.itertuples(), 1))
    count = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}.get(len(points), str(len(points)))
    return (f"{parts.loc['T', 'text'].rstrip('.')} ({parts.loc['T', 'stated']}). They give {count} numbered points "
            f"for it, in their own words: {said}. Notebook 01 maps how the essay carries each of them.")


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
        >>> list(load_summary(load_essay()).index)[:4]
        ['T', 'P1', 'P2', 'P3']
    """
    english = summary_english(essay)      # what the Spanish puts "in quotes" is the essay's (schema.yml: quotes)
    spanish = check_translated(essay, f"{FILE} parts", english.text, "argument.yml", "same qualifiers",
                               lambda first, missing: {"part": first}).es
    return english.assign(es=[spanish[pid] for pid in english.index])
