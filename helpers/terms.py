"""People, organisations, places, events and concepts the essay names (seeds/<reading>/terms.csv).

Each term has its aliases (``JOH`` and ``Juan Orlando Hernández`` are one person), a one-sentence gloss of
what the essay says about it, and the span of its first mention. A gloss from outside the essay is marked
``context`` and names its public reference. Mentions are counted with aliases folded together and never
twice for one place in the text.
"""
from __future__ import annotations

import re

import pandas as pd

from .annotations import anchor_rows, read_table
from .errors import AnnotationError
from .essay import HEADING, Essay
from .text import fold_keep_case

FILE = "terms.csv"
COLUMNS = ["term", "kind", "aliases", "gloss", "gloss_source", "reference", "first_paragraph", "span"]
KINDS = ("person", "organisation", "place", "event", "concept")


def names_of(row) -> list[str]:
    """The term and its aliases (separated by ";" in the file)."""
    return [row.term, *[a.strip() for a in row.aliases.split(";") if a.strip()]]


def _find(essay: Essay, names: list[str]) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of every mention, overlapping matches of different aliases merged into one.

    Names match whole words, case kept, accents and quotes folded; a hyphen counts as part of a word, so
    "imperialism" is not found inside "anti-imperialism". Longer names are matched first, so "Juan Orlando
    Hernández" is one mention, not also a mention of "Hernández".
    """
    found = []
    whole = fold_keep_case(essay.text)   # folded once, cached: same length, so offsets carry over
    for p in essay.paragraphs[essay.paragraphs.kind != HEADING].itertuples():
        folded = whole[p.start:p.end]
        spans = []
        for name in sorted({fold_keep_case(n) for n in names}, key=len, reverse=True):
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", folded):
                if not any(s < m.end() and m.start() < e for s, e in spans):
                    spans.append((m.start(), m.end()))
        found += [(p.paragraph, p.start + s, p.start + e) for s, e in sorted(spans)]
    return found


def load_terms(essay: Essay) -> pd.DataFrame:
    """terms.csv, checked: kinds, glosses and references, unique names, first mention where the text has it."""
    path = essay.folder / FILE
    table = read_table(path, COLUMNS, {"kind": KINDS, "gloss_source": ("essay", "context")},
                       filled=("gloss",), id_col="term")
    owner: dict[str, str] = {}
    for line, row in table.iterrows():
        label = f"{line} ({row.term})"
        if row.gloss_source == "context" and not row.reference.strip():
            raise AnnotationError(path, "a context gloss has no reference.",
                                  "name the public reference the gloss comes from.", label)
        if row.gloss_source == "essay" and row.reference.strip():
            raise AnnotationError(path, "an essay gloss has a reference.",
                                  "set gloss_source to 'context', or clear reference.", label)
        for name in names_of(row):
            key = fold_keep_case(name)
            if key in owner:
                raise AnnotationError(path, f"the name {name!r} is listed twice (also under {owner[key]!r}), so its "
                                            "mentions would be counted twice.",
                                      "keep it under one term only.", label)
            owner[key] = row.term
    table = anchor_rows(essay, table, path, id_col="term", para_col="first_paragraph")
    for line, row in table.iterrows():
        label = f"{line} ({row.term})"
        names = {fold_keep_case(n) for n in names_of(row)}
        if fold_keep_case(row.span) not in names:
            raise AnnotationError(path, f"the span {row.span!r} is not the term or one of its aliases.",
                                  "copy the first mention of the term exactly as the essay writes it.", label)
        mentions = _find(essay, names_of(row))
        if not mentions:
            raise AnnotationError(path, "the term is never mentioned in the essay's paragraphs.",
                                  "check its spelling and aliases against the essay.", label)
        if mentions[0][0] != row.first_paragraph:
            raise AnnotationError(path, f"the first mention is in ¶{mentions[0][0]}, not ¶{row.first_paragraph}.",
                                  f"set first_paragraph to {mentions[0][0]} and copy the span from there.", label)
    return table


def mentions(essay: Essay, terms: pd.DataFrame) -> pd.DataFrame:
    """Every mention of every term: term, kind, paragraph, section, the words as printed, offsets."""
    rows = []
    sections = essay.paragraphs.set_index("paragraph")
    for t in terms.itertuples():
        for n, start, end in _find(essay, names_of(t)):
            rows.append({"term": t.term, "kind": t.kind, "paragraph": n, "section_no": sections.loc[n, "section_no"],
                         "section": sections.loc[n, "section"], "match": essay.text[start:end],
                         "start": start, "end": end})
    return pd.DataFrame(rows, columns=["term", "kind", "paragraph", "section_no", "section", "match", "start", "end"])


def mention_counts(essay: Essay, terms: pd.DataFrame, kinds=None) -> pd.DataFrame:
    """Mentions per term (aliases folded), with the number of paragraphs and sections they appear in."""
    m = mentions(essay, terms)
    if kinds:
        m = m[m.kind.isin(kinds)]
    g = m.groupby(["term", "kind"])
    table = pd.DataFrame({"mentions": g.size(), "paragraphs": g.paragraph.nunique(),
                          "sections": g.section_no.nunique(), "first": g.paragraph.min()}).reset_index()
    return table.sort_values(["mentions", "first"], ascending=[False, True], ignore_index=True)


def lookup(essay: Essay, terms: pd.DataFrame, query: str, context: int = 45) -> pd.DataFrame:
    """Find a term by its name or any alias; print its gloss; return its mentions in context."""
    key = fold_keep_case(query.strip()).lower()
    hits = terms[[any(key == fold_keep_case(n).lower() for n in names_of(t)) for t in terms.itertuples()]]
    if hits.empty:
        hits = terms[[any(key in fold_keep_case(n).lower() for n in names_of(t)) for t in terms.itertuples()]]
    if hits.empty:
        print(f"No term matches {query!r}. Try essay.search({query!r}) to search the whole text.")
        return pd.DataFrame(columns=["paragraph", "left", "match", "right"])
    t = hits.iloc[0]
    aliases = f" (also: {t.aliases.replace(';', ', ')})" if t.aliases else ""
    print(f"{t.term}{aliases}: {t.kind}, first mentioned in ¶{t.first_paragraph}")
    source = "the essay" if t.gloss_source == "essay" else f"context, not the essay: {t.reference}"
    print(f"{t.gloss}  [{source}]")
    if len(hits) > 1:
        print(f"(also matching: {', '.join(hits.term.iloc[1:])})")
    rows = []
    for n, start, end in _find(essay, names_of(t)):
        p = essay.paragraphs.loc[n]
        rows.append({"paragraph": f"¶{n}", "left": essay.text[max(p.start, start - context):start].replace("\n", " "),
                     "match": essay.text[start:end], "right": essay.text[end:min(p.end, end + context)].replace("\n", " ")})
    return pd.DataFrame(rows, columns=["paragraph", "left", "match", "right"])
