"""Every voice the essay quotes or reports (seeds/<reading>/quotations.csv), checked against the text.

One row per quotation or piece of reported speech, described on three independent axes:

- ``form``: how the words stand in the essay (declared in the reading's schema.yml, explained in its README);
- ``source_named``: what the essay names that a reader could look up (a document or publication, an
  event, an interview), or ``none``;
- ``language``: how the words reached English (original English, translated, interpreted, translated
  by the authors, untranslated as chanted, the authors' own words for reported speech, or not stated),
  with ``language_basis`` saying how we know, and marking anything from outside the essay as context.

``text`` is the exact span: for a quotation, what stands between the quotation marks; for reported
speech, the authors' words that report it.
"""
from __future__ import annotations

import hashlib
import re
import textwrap

import pandas as pd

from .errors import UsageError
from .essay import ATTRIBUTION, BLOCK_QUOTE, EPIGRAPH, HEADING, Essay
from .rules import declaration, default_vocabulary, load_table, said
from .text import count_words, fold

FILE = "quotations.csv"
#: the vocabularies of quotations.csv, declared in the reading's schema.yml (read as module attributes, e.g. FORMS)
_VOCABULARIES = {"COLUMNS": None, "FORMS": "form", "SOURCES_NAMED": "source_named", "LANGUAGES": "language"}
#: forms in which another voice's own words are quoted (they count as that voice's words)
QUOTED = ("epigraph", "block", "inline", "slogan or chant")
#: how words_by_voice shows quoted words whose speaker the essay does not name
UNNAMED = "not named"


def __getattr__(name: str):
    """FORMS, SOURCES_NAMED, LANGUAGES (and COLUMNS) of the default reading, from its schema.yml."""
    if name not in _VOCABULARIES:
        raise AttributeError(name)
    from .essay import DEFAULT_READING, SEEDS
    if _VOCABULARIES[name] is None:
        return declaration(SEEDS / DEFAULT_READING, FILE)["columns"]
    return default_vocabulary(FILE, _VOCABULARIES[name])


_MARKS = {"translation by the authors": ("‘", "’")}
_QUOTED = re.compile(r"“([^”]+)”")
_SINGLE = re.compile(r"‘([^’]+)’")


def _at_head(essay: Essay, paragraph: int) -> bool:
    """True when ``paragraph`` opens the essay or a section (nothing but a heading before it)."""
    before = essay.paragraphs[essay.paragraphs.paragraph < paragraph]
    return before.empty or before.kind.iloc[-1] == HEADING


def load_quotations(essay: Essay) -> pd.DataFrame:
    """quotations.csv as a table, every row checked; adds words, section, start and end.

    Parameters: ``essay`` the loaded essay (``load_essay()``).
    Returns: a pandas DataFrame, one row per quotation or piece of reported speech, with ``words``, ``section``,
    ``start`` and ``end`` added.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> quotes = load_quotations(essay)
    >>> quotes.loc[quotes.id == "Q02", "form"].item()
    'block'
    """
    table = load_table(essay, FILE)
    paragraphs = essay.paragraphs
    for line, row in table.iterrows():
        label = f"{line} ({row.id})"
        p = paragraphs.loc[row.paragraph]
        if row.form in ("epigraph", "block"):
            whole = p.text[1:-1] if p.text.startswith("“") and p.text.endswith("”") else p.text
            if p.kind not in (EPIGRAPH, BLOCK_QUOTE) or row.text != whole:
                raise said(essay.folder, FILE, "not set apart", label, **row, kind=p.kind)
            head = _at_head(essay, row.paragraph)
            if head != (row.form == "epigraph"):
                raise said(essay.folder, FILE, "an epigraph" if head else "a block", label, **row)
        elif row.form != "reported speech":
            left, right = _MARKS.get(row.form, ("“", "”"))
            at = row.start - p.start
            if not (p.text[at - 1:at] == left and p.text[at + len(row.text):at + len(row.text) + 1] == right):
                raise said(essay.folder, FILE, "not between marks", label, **row, left=left, right=right)
    table["words"] = table.text.map(count_words)
    table["section"] = paragraphs.loc[table.paragraph, "section"].to_numpy()
    return table


def unlisted(essay: Essay, quotations: pd.DataFrame) -> list[tuple[int, str]]:
    """Quoted passages “…” and ‘…’ in the essay's own paragraphs that have no row in quotations.csv.

    Parameters: ``essay`` the loaded essay; ``quotations`` the table from ``load_quotations``.
    Returns: a list of (paragraph, quoted words) for passages in quotation marks that have no row; empty when
    the file is complete.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> unlisted(essay, load_quotations(essay))
    []
    """
    listed = set(zip(quotations.paragraph, quotations.text))
    missing = []
    for p in essay.paragraphs.itertuples():
        if p.kind in (EPIGRAPH, BLOCK_QUOTE):
            continue
        for pattern in (_QUOTED, _SINGLE):
            for m in pattern.finditer(p.text):
                if (p.paragraph, m.group(1)) not in listed:
                    missing.append((p.paragraph, m.group(1)))
    return missing


def by_axes(quotations: pd.DataFrame) -> pd.DataFrame:
    """Rows counted by form, against what source the essay names.

    Parameters: ``quotations`` the table from ``load_quotations``.
    Returns: a pandas DataFrame: forms down, sources named across, counts in the cells.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> int(by_axes(load_quotations(essay)).set_index("form").loc["epigraph", "total"])
    2
    """
    t = pd.crosstab(quotations.form, quotations.source_named)
    forms, sources = (default_vocabulary(FILE, col, quotations) for col in ("form", "source_named"))
    t = t.reindex(index=[f for f in forms if f in t.index], columns=[s for s in sources if s in t.columns],
                  fill_value=0)
    t["total"] = t.sum(axis=1)
    return t.reset_index().rename_axis(columns=None)


def voices(quotations: pd.DataFrame, withhold=()) -> pd.DataFrame:
    """One row per named voice quoted in its own words: how often and how much, where, and how it reached us.

    Words count only the voice's own quoted words (epigraph, block, inline, slogan or chant), the same words
    ``words_by_voice`` counts, so the two tables agree.

    Parameters: ``quotations`` the table from ``load_quotations``; ``withhold`` voices whose source and language
    an exercise asks for: their cells say so instead of giving the answer.
    Returns: a pandas DataFrame, one row per named voice quoted in its own words: quotations, words, paragraphs
    and the three axes.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> "Bartolo Fuentes" in set(voices(load_quotations(essay)).voice)
    True
    """
    named = quotations[quotations.form.isin(QUOTED) & (quotations.speaker.str.strip() != "")]
    g = named.groupby("speaker", sort=False)
    table = pd.DataFrame({
        "quotations": g.size(),
        "words": g.words.sum(),
        "forms": g.form.agg(lambda k: ", ".join(dict.fromkeys(k))),
        "paragraphs": g.paragraph.agg(lambda p: ", ".join(f"¶{n}" for n in dict.fromkeys(p))),
        "source named": g.source_named.agg(lambda h: ", ".join(dict.fromkeys(h))),
        "language": g.language.agg(lambda h: ", ".join(dict.fromkeys(h))),
        "first": g.paragraph.min(),
    })
    table.loc[table.index.isin(list(withhold)), ["source named", "language"]] = WITHHELD
    return (table.sort_values(["words", "first"], ascending=[False, True]).drop(columns="first")
            .rename_axis("voice").reset_index())


WITHHELD = "(an exercise asks)"


def withhold(quotations: pd.DataFrame, ids, columns=("source_named",)) -> pd.DataFrame:
    """The table with the answers an exercise asks held back: for the rows ``ids``, each of ``columns`` says
    "(an exercise asks)" instead of its value, so a table printed above the exercise can keep the rows it asks about.

    Parameters: ``quotations`` the table from ``load_quotations`` (or some of its rows); ``ids`` the rows an exercise
    asks about; ``columns`` the answers it asks for.
    Returns: a copy of the table; the other rows and columns are unchanged.

    Example:
    >>> from helpers import load_essay
    >>> quotes = load_quotations(load_essay())
    >>> withhold(quotes, ["Q45"]).set_index("id").loc[["Q44", "Q45"], "source_named"].tolist()
    ['none', '(an exercise asks)']
    """
    table = quotations.copy()
    table.loc[table.id.isin(list(ids)), list([columns] if isinstance(columns, str) else columns)] = WITHHELD
    return table


def appearances(quotations: pd.DataFrame, who: str, answers: bool = True) -> pd.DataFrame:
    """Every row in which a voice appears: as the speaker, or named in the quoted words or in what they do.

    Capitals, accents and curly quotes do not matter, so "fuentes" finds Bartolo Fuentes.

    Parameters: ``quotations`` the table from ``load_quotations``; ``who`` a name or part of one ("Marx");
    ``answers`` False for an exercise: the form and what the quotation does are left out (they are what the learner
    works out: read the paragraphs to see them).
    Returns: a table for reading, in the order of the essay: form, speaker, ¶, words and what the quotation
    does (this package's reading); when nothing is found, a sentence saying so and what to try, and no table.

    Example:
    >>> from helpers import load_essay
    >>> quotes = load_quotations(load_essay())
    >>> print(repr(appearances(quotes, "marx")).splitlines()[2][:38])
    block            Karl Marx  7   188
    >>> "block" in repr(appearances(quotes, "marx", answers=False))
    False
    """
    from .display import table
    if not str(who).strip():
        raise UsageError('give a name to look for, e.g. appearances(quotes, "Marx")')
    needle = fold(who)
    found = quotations[[any(needle in fold(str(v)) for v in (r.speaker, r.text, r.function))
                        for r in quotations.itertuples()]].sort_values("start")
    if found.empty:
        from .text import did_you_mean
        near = did_you_mean(str(who).strip(), quotations.speaker.dropna().unique())
        print(f"No quotation, speaker or reading names “{who}”.{near} Try part of the name (a surname, say), "
              "or another spelling.")
        return None
    if not answers:
        return table(found, rows="all", columns=["speaker", "paragraph", "words"], rename={"paragraph": "¶"})
    from .readable import without_codes       # the ¶ says which row: no code beside it (learner review 22)
    return table(found.assign(function=found.function.map(without_codes)), rows="all",
                 columns=["form", "speaker", "paragraph", "words", "function"],
                 rename={"paragraph": "¶", "function": "what it does (this package's reading)"})


def sources(quotations: pd.DataFrame, *words: str):
    """What the essay gives a reader to check a few quotations or pieces of reported speech, each found by a few of
    its words: who speaks, where, and the source the essay names for it. A worked solution's one call, so the code
    left in sight is the question, not the table-making (the learner review 17, issue 19).

    Capitals, accents and curly quotes do not matter.

    Parameters: ``quotations`` the table from ``load_quotations``; ``words`` a few words of each row's text (its
    quoted words, or the authors' words for reported speech).
    Returns: a table for reading, in the order of the essay: speaker, ¶, source named, source as the essay gives it,
    and the row's reference. Raises UsageError when no row has the words given (it names them).

    Example:
    >>> from helpers import load_essay
    >>> quotes = load_quotations(load_essay())
    >>> print(repr(sources(quotes, "had faith in the TSE")).splitlines()[2].split()[:4])
    ['Heidi', 'Fulton', '37', 'none']
    """
    from .display import table
    if not words or not all(str(w).strip() for w in words):
        raise UsageError('give a few words of each quotation, e.g. sources(quotes, "had faith in the TSE")')
    texts = quotations.text.fillna("").map(fold)
    hits = {w: texts.str.contains(fold(str(w).strip()), regex=False) for w in words}
    missing = [w for w, hit in hits.items() if not hit.any()]
    if missing:
        raise UsageError(f"no quotation or reported speech has the words “{missing[0]}”: copy a few words exactly "
                         "as the essay gives them")
    found = quotations[pd.concat(hits.values(), axis=1).any(axis=1)].sort_values("start")
    return table(found, rows="all", columns=["id", "speaker", "paragraph", "source_named", "source_as_given"],
                 rename={"paragraph": "¶", "source_named": "source named", "source_as_given": "source, as given"})


def on_three_axes(quotations: pd.DataFrame, *paragraphs: int):
    """The quotations of the paragraphs given (epigraphs, blocks, inline quotations, chants), described on the three
    axes: form, source named, language, with the speaker's role and how the language is known. A worked solution's
    one call (the learner review 17, issue 19).

    Parameters: ``quotations`` the table from ``load_quotations``; ``paragraphs`` ¶ numbers (15, 26).
    Returns: a table for reading, in the order of the essay. Raises UsageError for a paragraph that quotes no one.

    Example:
    >>> from helpers import load_essay
    >>> quotes = load_quotations(load_essay())
    >>> print(repr(on_three_axes(quotes, 15)).splitlines()[2].split()[:3])
    ['Miguel', 'Angel', 'Honduran']
    """
    from .display import table
    quoted = quotations[quotations.form.isin(QUOTED)]
    empty = [n for n in paragraphs if not (quoted.paragraph == n).any()]
    if not paragraphs or empty:
        raise UsageError(f"¶{empty[0]} quotes no one in its own words: give the ¶ of a quotation, e.g. 15"
                         if empty else "give the ¶ of a quotation, e.g. on_three_axes(quotes, 15, 26)")
    found = quoted[quoted.paragraph.isin(paragraphs)].sort_values("start")
    return table(found, rows="all", columns=["speaker", "speaker_role", "form", "source_named", "source_as_given",
                                             "language", "language_basis"],
                 rename={"speaker_role": "role", "source_named": "source named", "source_as_given": "source, as given",
                         "language_basis": "how we know"})


def words_by_voice(essay: Essay, quotations: pd.DataFrame) -> pd.DataFrame:
    """Words given to each named voice against the authors' own words (headings and attribution lines aside).

    Reported speech, scare quotes, names and the authors' translation are in the authors' own words, so they
    count as the authors'. Quoted words whose speaker the essay does not name count together as ``UNNAMED``.

    Parameters: ``essay`` the loaded essay; ``quotations`` the table from ``load_quotations``.
    Returns: a pandas DataFrame with ``voice``, ``words`` and ``share_%``, the authors first.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> words_by_voice(essay, load_quotations(essay)).iloc[0].voice
    'the authors'
    """
    prose = essay.paragraphs[~essay.paragraphs.kind.isin([HEADING, ATTRIBUTION])]
    quoted = quotations[quotations.form.isin(QUOTED)]
    authors = int(prose.words.sum()) - int(quoted.words.sum())
    rows = [{"voice": "the authors", "words": authors}]
    rows += [{"voice": s, "words": int(w)} for s, w in quoted.groupby("speaker").words.sum().items() if s]
    unnamed = int(quoted[quoted.speaker.str.strip() == ""].words.sum())
    if unnamed:
        rows.append({"voice": UNNAMED, "words": unnamed})
    table = pd.DataFrame(rows).sort_values("words", ascending=False, ignore_index=True)
    table["share_%"] = (100 * table.words / table.words.sum()).round(1)
    return table


def _same(text: str) -> str:
    """A quotation folded for comparison: case, quotes, accents and final punctuation ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def who_said_it_cards(quotations: pd.DataFrame) -> pd.DataFrame:
    """Cards for the "who said it?" activity: one per distinct quotation, without its speaker, in a fixed order.

    Quotations of two words or more in a voice's own words (epigraph, block, inline, slogan or chant) with a
    named speaker; the same words quoted twice (the chant “Fuera JOH”) make one card, whose answer lists every
    place. Words that also stand inside a longer card (“Irish question” inside Marx's letter) make no card of
    their own, since the longer card would give the answer away. The text is whole, with no trailing punctuation. The order is fixed by a hash of each id, so every
    edition prints the same cards in the same order.

    Parameters: ``quotations`` the table from ``load_quotations``.
    Returns: a pandas DataFrame with ``card`` (1, 2, …), ``quotation``, ``speaker`` (the answer), ``paragraph``
    and ``id``.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> cards = who_said_it_cards(load_quotations(essay))
    >>> cards.card.tolist()[:3]
    [1, 2, 3]
    """
    pool = quotations[quotations.form.isin(QUOTED) & (quotations.speaker != "") & (quotations.words >= 2)]
    pool = pool.assign(key=pool.text.map(_same))
    pool = pool[[not any(k != other and k in other for other in pool.key) for k in pool.key]]
    groups = []
    for _, rows in pool.sort_values("start").groupby("key", sort=False):
        first = rows.iloc[0]
        groups.append({"id": first.id, "quotation": first.text.rstrip(" ,.;:"),
                       "speaker": "; ".join(dict.fromkeys(rows.speaker)),
                       "paragraph": ", ".join(f"¶{n}" for n in rows.paragraph),
                       "order": hashlib.sha256(first.id.encode()).hexdigest()})
    cards = pd.DataFrame(groups).sort_values("order", ignore_index=True).drop(columns="order")
    cards.insert(0, "card", range(1, len(cards) + 1))
    return cards


CARDS_ES = "cards_es.yml"


def load_cards_es(essay: Essay) -> dict[str, str]:
    """The kit's own Spanish of each "Who said it?" card (cards_es.yml), which the cards of the versions for Spanish
    readers print under the card's English, checked against the cards.

    Every card has an entry keyed by its quotation id, whose ``from_en`` is the fingerprint of the card's English
    (``workshop.english_fingerprint`` of the quotation as the card prints it); loading stops with an
    ``AnnotationError`` naming cards_es.yml, the card and the fix when a card has no Spanish, when its English has
    changed since the translation, or when an entry is no card's.

    Parameters: ``essay`` the essay, from ``helpers.load_essay()``.
    Returns: ``{quotation id: the Spanish}``, one per card.

    Example:
    >>> from helpers import load_essay
    >>> load_cards_es(load_essay())["Q27"]
    'construyan el muro'
    """
    from .workshop import check_translated
    cards = who_said_it_cards(load_quotations(essay)).set_index("id")
    spanish = check_translated(essay, f"{CARDS_ES} cards", cards.quotation, "quotations.csv (the card's quotation)",
                               "who did what, nothing softened", lambda first, missing: {
                                   "card": first, "number": cards.card[first], "where": cards.paragraph[first]}).es
    return {card: spanish[card] for card in cards.index}


def load_cards_who_es(essay: Essay) -> dict[str, str]:
    """The speaker of each "Who said it?" card in Spanish, for the answers sheet (cards_es.yml's ``who``, else the
    speaker as quotations.csv names them: a person's name needs no translation).

    Parameters: ``essay`` the essay, from ``helpers.load_essay()``.
    Returns: ``{quotation id: the speaker in Spanish}``, one per card.

    Example:
    >>> from helpers import load_essay
    >>> load_cards_who_es(load_essay())["Q10"]
    'una persona encargada de programas del Instituto Republicano Internacional'
    """
    from .rules import load_entries
    load_cards_es(essay)    # the checks: every card, fingerprints current
    cards = who_said_it_cards(load_quotations(essay)).set_index("id")
    who = load_entries(essay, f"{CARDS_ES} cards").set_index("card").who      # declared: text, its spaces folded
    return {card: who.get(card) or cards.loc[card, "speaker"] for card in cards.index}


def print_cards(cards: pd.DataFrame, width: int = 90) -> None:
    """The cards as a participant sees them: number and quotation, no speaker.

    Parameters: ``cards`` the table from ``who_said_it_cards``; ``width`` the line width to wrap at.
    Returns: None; prints each card's number and quotation, never its speaker.

    Example:
    >>> import pandas as pd
    >>> print_cards(pd.DataFrame({"card": [1], "quotation": ["Fuera JOH"]}))
    Card 1. “Fuera JOH”
    <BLANKLINE>
    """
    for c in cards.itertuples():
        print(textwrap.fill(f"Card {c.card}. “{c.quotation}”", width, subsequent_indent="         "))
        print()
