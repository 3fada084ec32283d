"""Lead-ins: where the authors characterise a voice, beside what its words say (seeds/<reading>/lead_ins.yml).

"Hillary Clinton bragged openly" (¶25) and "he pointed squarely to the U.S. support for the dictatorship as the
cause" (¶39) each tell the reader how to take the words that follow. Every such lead-in is listed with the voice
it characterises (a row of quotations.csv), its characterising words and a neutral line on what the words
themselves say, so that every voice gets the same scrutiny. A vocabulary of characterising words, in the data,
holds the list complete: each of its words in the essay stands in a lead-in, or in a row saying why it
characterises no voice.
"""
from __future__ import annotations

import re

import pandas as pd

from .anchoring import read_yaml
from .essay import HEADING, Essay
from .quotations import load_quotations
from .rules import load_entries, said
from .schema import field
from .text import fold

FILE = "lead_ins.yml"
COLUMNS = ["id", "paragraph", "span", "voice", "speaker", "words", "says", "start", "end"]


def _at(pattern: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of every whole-word match of ``pattern`` in ``text``, case and accents folded."""
    return [m.span() for m in re.finditer(r"(?<![\w-])" + re.escape(fold(pattern)) + r"(?![\w-])", fold(text))]


def load_lead_ins(essay: Essay) -> pd.DataFrame:
    """Every lead-in that characterises a voice, checked against the essay and the voices file.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A table, one row per lead-in in reading order: ``id``, ``paragraph``, ``span`` (the authors' words),
        ``voice`` (the id of the quotation row), ``speaker`` (from that row), ``words`` (the characterising
        words, joined by "; "), ``says`` (what the voice's words themselves say) and ``start``/``end``. Raises
        ``AnnotationError`` naming the file and the row when a span is not in its paragraph, a voice is not a
        row of quotations.csv or a word is not in its span.

    Example:
        >>> from helpers import load_essay
        >>> lead = load_lead_ins(load_essay())
        >>> lead.set_index("id").loc["L08", ["voice", "words"]].tolist()
        ['Q23', 'pointed squarely']
    """
    speakers = load_quotations(essay).set_index("id").speaker
    table = load_entries(essay, f"{FILE} lead_ins")
    for r in table.itertuples():
        for w in r.words:
            if not _at(w, r.span):
                raise said(essay.folder, f"{FILE} lead_ins", "not in the span", r.row, word=w)
    table = table.assign(speaker=[speakers[v] for v in table.voice], words=["; ".join(w) for w in table.words])[COLUMNS]
    return table.sort_values("start", ignore_index=True)


def unlisted(essay: Essay, lead: pd.DataFrame | None = None) -> pd.DataFrame:
    """Words of the vocabulary that stand in the essay with neither a lead-in nor a reason; empty when complete.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        lead: the lead-ins, from ``load_lead_ins(essay)`` (loaded when left out).

    Returns:
        A table with one row per word left unaccounted for: ``paragraph``, ``word`` and ``context`` (the words
        around it). Raises ``AnnotationError`` when a ``not_lead_ins`` row's words are not in its paragraph.

    Example:
        >>> from helpers import load_essay
        >>> unlisted(load_essay()).empty
        True
    """
    path = essay.folder / FILE
    data = read_yaml(path)
    lead = load_lead_ins(essay) if lead is None else lead
    vocabulary = [str(w) for w in field(data, "vocabulary", list, path, "vocabulary", default=[])]
    covered = []     # (start, end, words) of every place a word may stand
    for r in lead.itertuples():
        covered += [(r.start + s, r.start + e) for w in r.words.split("; ") for s, e in _at(w, r.span)]
    not_lead = load_entries(essay, f"{FILE} not_lead_ins", data)
    covered += list(zip(not_lead.start, not_lead.end))
    missing = []
    for p in essay.paragraphs[essay.paragraphs.kind != HEADING].itertuples():
        text = essay.text[p.start:p.end]
        for word in vocabulary:
            for s, e in _at(word, text):
                a, b = p.start + s, p.start + e
                if not any(cs <= a and b <= ce for cs, ce in covered):
                    missing.append({"paragraph": p.paragraph, "word": essay.text[a:b],
                                    "context": " ".join(text[max(0, s - 60):e + 40].split())})
    return pd.DataFrame(missing, columns=["paragraph", "word", "context"])


def check_lead_ins(essay: Essay) -> pd.DataFrame:
    """The lead-ins, loaded and checked complete against the vocabulary; raises naming the first word left out.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        The table of ``load_lead_ins(essay)``.

    Example:
        >>> from helpers import load_essay
        >>> len(check_lead_ins(load_essay())) > 10
        True
    """
    lead = load_lead_ins(essay)
    left = unlisted(essay, lead)
    if not left.empty:
        first = left.iloc[0]
        raise said(essay.folder, f"{FILE} lead_ins", "unlisted", f"¶{first.paragraph}", **first, n=len(left))
    return lead


def beside(lead: pd.DataFrame) -> pd.DataFrame:
    """The lead-ins to read: the authors' words beside what the voice's own words say, one row each.

    Parameters:
        lead: the lead-ins, from ``load_lead_ins(essay)``.

    Returns:
        A table with ``¶``, ``voice`` (the speaker), ``the authors' lead-in``, ``characterising words`` and
        ``what the words themselves say``.

    Example:
        >>> from helpers import load_essay
        >>> list(beside(load_lead_ins(load_essay())).columns)[:2]
        ['¶', 'voice']
    """
    from .readable import without_codes
    return pd.DataFrame({"¶": lead.paragraph, "voice": lead.speaker.where(lead.speaker != "", "unnamed"),
                         "the authors' lead-in": lead.span, "characterising words": lead.words,
                         "what the words themselves say": lead.says.map(without_codes)})
