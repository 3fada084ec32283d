"""Every voice the essay quotes (seeds/<reading>/quotations.csv), checked against the text.

One row per quotation: epigraphs, block quotations, inline quotations, slogans and chants, names, the
labels the essay attributes to others, and the authors' own scare quotes. ``text`` is the exact span
without the surrounding quotation marks.
"""
from __future__ import annotations

import hashlib
import re
import textwrap

import pandas as pd

from .annotations import anchor_rows, check_as_given, read_table
from .errors import AnnotationError
from .essay import ATTRIBUTION, BLOCK_QUOTE, EPIGRAPH, HEADING, Essay
from .text import count_words

FILE = "quotations.csv"
COLUMNS = ["id", "speaker", "speaker_role", "kind", "text", "paragraph", "source_as_given", "date_as_given",
           "hand", "function"]
KINDS = ("epigraph", "block", "inline", "slogan", "label", "name", "scare-quote")
HANDS = ("first-hand", "interpreter", "memoir", "media", "not stated", "authors")
SECOND_HAND = ("interpreter", "memoir", "media", "not stated")
NEEDS_SPEAKER = ("epigraph", "block", "inline", "slogan", "label")
_QUOTED = re.compile(r"“([^”]+)”")


def load_quotations(essay: Essay) -> pd.DataFrame:
    """quotations.csv as a table, every row checked; adds words, section, start and end."""
    path = essay.folder / FILE
    table = read_table(path, COLUMNS, {"kind": KINDS, "hand": HANDS})
    for line, row in table.iterrows():
        label = f"{line} ({row.id})"
        if row.kind in NEEDS_SPEAKER and not row.speaker.strip():
            raise AnnotationError(path, f"a quotation of kind {row.kind!r} has no speaker.",
                                  "name the speaker as the essay does (e.g. 'the Right', 'Bartolo Fuentes').", label)
        if row.kind == "scare-quote" and (row.speaker.strip() or row.hand != "authors"):
            raise AnnotationError(path, "a scare-quote is the authors' own: its speaker is empty and hand is 'authors'.",
                                  "clear the speaker and set hand to 'authors', or give it another kind.", label)
    table = anchor_rows(essay, table, path, "text")
    check_as_given(essay, table, path, ["speaker", "speaker_role", "source_as_given", "date_as_given"])
    paragraphs = essay.paragraphs
    for line, row in table.iterrows():
        label = f"{line} ({row.id})"
        p = paragraphs.loc[row.paragraph]
        if row.kind in ("epigraph", "block"):
            whole = p.text[1:-1] if p.text.startswith("“") and p.text.endswith("”") else p.text
            if p.kind not in (EPIGRAPH, BLOCK_QUOTE) or row.text != whole:
                raise AnnotationError(path, f"an {row.kind} row must hold the whole quotation of its paragraph "
                                            f"(¶{row.paragraph} is a {p.kind}).",
                                      "give the paragraph of the quotation and copy all of it, without the outer "
                                      "quotation marks.", label)
        else:
            at = row.start - p.start
            if not (p.text[at - 1:at] == "“" and p.text[at + len(row.text):at + len(row.text) + 1] == "”"):
                raise AnnotationError(path, f"the text {row.text!r} does not stand between quotation marks “…” "
                                            f"in ¶{row.paragraph}.",
                                      "copy exactly what is inside the quotation marks.", label)
    table["words"] = table.text.map(count_words)
    table["section"] = paragraphs.loc[table.paragraph, "section"].to_numpy()
    return table


def unlisted(essay: Essay, quotations: pd.DataFrame) -> list[tuple[int, str]]:
    """Quoted passages “…” in the essay's own paragraphs that have no row in quotations.csv."""
    listed = set(zip(quotations.paragraph, quotations.text))
    missing = []
    for p in essay.paragraphs.itertuples():
        if p.kind in (EPIGRAPH, BLOCK_QUOTE):
            continue
        for m in _QUOTED.finditer(p.text):
            if (p.paragraph, m.group(1)) not in listed:
                missing.append((p.paragraph, m.group(1)))
    return missing


def voices(quotations: pd.DataFrame) -> pd.DataFrame:
    """One row per named voice: how often and how much the essay quotes them, where, and how it reached us."""
    named = quotations[quotations.speaker.str.strip() != ""]
    g = named.groupby("speaker", sort=False)
    table = pd.DataFrame({
        "quotations": g.size(),
        "words": g.words.sum(),
        "kinds": g.kind.agg(lambda k: ", ".join(dict.fromkeys(k))),
        "paragraphs": g.paragraph.agg(lambda p: ", ".join(f"¶{n}" for n in dict.fromkeys(p))),
        "hand": g.hand.agg(lambda h: ", ".join(dict.fromkeys(h))),
        "first": g.paragraph.min(),
    })
    return table.sort_values(["words", "first"], ascending=[False, True]).drop(columns="first")


def words_by_voice(essay: Essay, quotations: pd.DataFrame) -> pd.DataFrame:
    """Words given to each named voice against the authors' own words (headings and attribution lines aside)."""
    prose = essay.paragraphs[~essay.paragraphs.kind.isin([HEADING, ATTRIBUTION])]
    # names and scare quotes are not another voice speaking: their words stay with the authors
    quoted = quotations[~quotations.kind.isin(["name", "scare-quote"])]
    # the authors' words: everything in their prose that is not inside another voice's quotation
    authors = int(prose.words.sum()) - int(quoted.words.sum())
    rows = [{"voice": "the authors", "words": authors}]
    rows += [{"voice": s, "words": int(w)} for s, w in quoted.groupby("speaker").words.sum().items() if s]
    table = pd.DataFrame(rows).sort_values("words", ascending=False, ignore_index=True)
    table["share_%"] = (100 * table.words / table.words.sum()).round(1)
    return table


def who_said_it_cards(quotations: pd.DataFrame, max_words: int = 45) -> pd.DataFrame:
    """Cards for the "who said it?" activity: quotation without its speaker, in a fixed shuffled order.

    Only quotations of two words or more with a named speaker (epigraphs, block and inline quotations,
    slogans); long ones are
    cut to their first ``max_words`` words. The order is fixed by a hash of each id, so every edition
    prints the same cards in the same order.
    """
    pool = quotations[quotations.kind.isin(["epigraph", "block", "inline", "slogan"]) & (quotations.speaker != "")
                      & (quotations.words >= 2)]
    pool = pool.assign(order=pool.id.map(lambda i: hashlib.sha256(i.encode()).hexdigest())).sort_values("order")
    cards = []
    for n, row in enumerate(pool.itertuples(), start=1):
        words = row.text.split()
        text = " ".join(words[:max_words])
        if len(words) > max_words and not text.endswith("…"):
            text += " …"
        cards.append({"card": n, "quotation": text, "id": row.id, "speaker": row.speaker,
                      "paragraph": row.paragraph})
    return pd.DataFrame(cards)


def print_cards(cards: pd.DataFrame, width: int = 90) -> None:
    """The cards as a participant sees them: number and quotation, no speaker."""
    for c in cards.itertuples():
        print(textwrap.fill(f"Card {c.card}. “{c.quotation}”", width, subsequent_indent="         "))
        print()
