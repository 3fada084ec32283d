"""People, organisations, places, events and concepts the essay names (seeds/<reading>/terms.csv).

Each term has its aliases (``JOH`` and ``Juan Orlando Hernández`` are one person; an alias is only ever
another name for the same thing), a neutral ``definition`` of what it is, a sentence on what the essay says
about it (``in_the_essay``), its Spanish name where it has one, and the span of its first mention. A
definition from outside the essay is marked ``context`` and names its public reference. Where the essay's
present has changed since it was written, ``since`` says what changed, with its reference and the date the line
was last checked against it (``since_checked``); events after that date are not covered.

An alias must name the same thing as its term wherever the essay uses it. The loader refuses an alias that
is itself another term or another term's alias, one that holds another term's name inside it ("U.S. imperialism"
holds "imperialism": it names a kind of that thing, not another name for "U.S. Empire"), and one listed in
not_aliases.csv: the names the essay uses for something related but different ("electoral fraud" is a charge,
not the 2017 election), each anchored where the essay uses it and with the reason.

Mentions are counted with aliases folded together and never twice for one place in the text: across all
terms, the longest name wins, so the "Irish" in "Irish question" is a mention of the Irish question, not
also of Ireland, and "U.S." inside "U.S. Empire" is not also a mention of the United States.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

import pandas as pd

from .rules import declaration, default_vocabulary, load_entries, load_table, said
from .errors import AnnotationError, HelperError
from .essay import HEADING, Essay
from .text import sentence_spans, fold_keep_case

FILE = "terms.csv"
GLOSSES = "glosses.yml"
NOT_ALIASES = "not_aliases.csv"
KINDS_IN_SPANISH = "term kinds in Spanish"      # schema.yml: each kind of terms.csv in Spanish


def __getattr__(name: str):
    """KINDS, KINDS_ES (the kinds in Spanish, as the glossary printout shows them beside the English), COLUMNS and
    NOT_ALIAS_COLUMNS of the default reading, from its schema.yml."""
    from .essay import DEFAULT_READING, SEEDS
    if name == "KINDS":
        return default_vocabulary(FILE, "kind")
    if name == "KINDS_ES":
        return {kind: default_vocabulary(KINDS_IN_SPANISH, kind)[0] for kind in default_vocabulary(FILE, "kind")}
    if name in ("COLUMNS", "NOT_ALIAS_COLUMNS"):
        return declaration(SEEDS / DEFAULT_READING, FILE if name == "COLUMNS" else NOT_ALIASES)["columns"]
    raise AttributeError(name)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
NOT_COVERED = "later events are not covered"


def day_in_words(day: date) -> str:
    """A date as a reader writes it, the same in every locale.

    Parameters:
        day: a ``datetime.date``.

    Returns:
        The date in words, day first, as the glossary shows it.

    Example:
        >>> day_in_words(date(2026, 12, 4))
        '4 December 2026'
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _checked_on(value: str, path, label: str) -> str:
    """The date a 'since' line was last checked, from ISO (2026-12-04) or words (4 December 2026), in words.

    It may not lie after today: a check that has not happened yet would claim more than anyone read.
    """
    text = value.strip()
    day = None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text) or re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", text)
    if m:
        try:
            if "-" in text:
                day = date(int(m[1]), int(m[2]), int(m[3]))
            elif m[2] in MONTHS:
                day = date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
        except ValueError:
            day = None
    if day is None:
        raise AnnotationError(path, f"'since_checked' is {value!r}, which is not a date.",
                              "write the day the 'since' line was last checked against its reference, "
                              "as 2026-12-04 or 4 December 2026.", label)
    today = date.today()
    if day > today:
        raise AnnotationError(path, f"'since_checked' is {day_in_words(day)}, after today ({day_in_words(today)}).",
                              "write the day the 'since' line was really checked against its reference, "
                              "today or earlier.", label)
    return day_in_words(day)


def since_line(row) -> str:
    """What has changed since the essay was written, with its reference and the date it was checked; "" if nothing.

    Parameters:
        row: one row of the glossary from ``helpers.load_terms(essay)`` (``terms.itertuples()``).

    Returns:
        The ``since`` line followed by "(context: its reference; checked the date; later events are not
        covered)", or an empty string when nothing is recorded as changed.

    Example:
        >>> from helpers import load_essay, load_terms
        >>> terms = load_terms(load_essay())
        >>> row = next(terms[terms.term == "G4S"].itertuples())
        >>> since_line(row)  # doctest: +ELLIPSIS
        'It was bought by the U.S. company Allied Universal in 2021. (context: ...; checked ...; later events are not covered)'
    """
    if not row.since:
        return ""
    return f"{row.since} (context: {row.since_reference}; checked {row.since_checked}; {NOT_COVERED})"


def names_of(row) -> list[str]:
    """All the names of one term: the term itself first, then its other names (aliases).

    Parameters:
        row: one row of the glossary table from ``helpers.load_terms(essay)``, as given by
            ``terms.itertuples()``. In terms.csv the aliases are written in one cell, separated by ";".

    Returns:
        A list of names, the term first.

    Example:
        >>> from helpers import load_essay, load_terms
        >>> terms = load_terms(load_essay())
        >>> row = next(terms[terms.term == "Juan Orlando Hernández"].itertuples())
        >>> names_of(row)
        ['Juan Orlando Hernández', 'JOH', 'Hernández']
    """
    return [row.term, *[a.strip() for a in row.aliases.split(";") if a.strip()]]


def _candidates(essay: Essay, names_by_term: dict[str, list[str]]) -> list[tuple[str, int, int, int]]:
    """(term, paragraph, start, end) of every mention, resolved across all terms: no place is counted twice.

    Names match whole words, case kept, accents and quotes folded; a hyphen counts as part of a word, so
    "imperialism" is not found inside "anti-imperialism". Longer names claim their words first, whatever
    term they belong to: "Juan Orlando Hernández" is one mention, not also one of "Hernández", and the
    "Irish" of "Irish question" is not also a mention of Ireland.
    """
    whole = fold_keep_case(essay.text)   # folded once, cached: same length, so offsets carry over
    patterns = sorted({(fold_keep_case(n), term) for term, names in names_by_term.items() for n in names},
                      key=lambda x: (-len(x[0]), x[0], x[1]))
    found = []
    for p in essay.paragraphs[essay.paragraphs.kind != HEADING].itertuples():
        folded = whole[p.start:p.end]
        taken: list[tuple[int, int, str]] = []
        for name, term in patterns:
            if name not in folded:
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", folded):
                if not any(s < m.end() and m.start() < e for s, e, _ in taken):
                    taken.append((m.start(), m.end(), term))
        found += [(term, p.paragraph, p.start + s, p.start + e) for s, e, term in sorted(taken)]
    return found


def _find(essay: Essay, terms: pd.DataFrame, term: str) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of every mention of one term, after resolving overlaps across all terms."""
    return [(n, s, e) for t, n, s, e in _all(essay, terms) if t == term]


def _all(essay: Essay, terms: pd.DataFrame) -> list[tuple[str, int, int, int]]:
    key = tuple((t.term, *names_of(t)) for t in terms.itertuples())
    cache = essay.__dict__.setdefault("_term_mentions", {})
    if key not in cache:
        cache[key] = _candidates(essay, {k[0]: list(k[1:]) for k in key})
    return cache[key]


def load_terms(essay: Essay) -> pd.DataFrame:
    """Load the glossary of people, places, organisations, events and ideas the essay names (terms.csv).

    Every row is checked before you see it: its kind, its definition and where that definition comes from,
    that no name is listed under two terms, and that its first mention is where the essay really has it.
    A problem stops the loading with an ``AnnotationError`` that names the line and says how to fix it.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A table with one row per term: ``term``, ``kind``, ``aliases`` (other names, separated by ";"),
        ``spanish``, ``definition`` and where it comes from, ``in_the_essay`` (what the essay says about it),
        ``since`` (what has changed since the essay was written), ``since_reference``, ``since_checked`` (the
        day that line was last checked against its reference, in words: later events are not covered),
        ``first_paragraph`` and the ``span`` of its first mention.

    Example:
        >>> from helpers import load_essay
        >>> terms = load_terms(load_essay())
        >>> terms.loc[terms.term == "Honduras", ["kind", "first_paragraph"]].values.tolist()
        [['place', 4]]
    """
    # the Spanish sheet, the packet and the decks each ask for it again: remembered by the bytes of the files it
    # reads (the glossary, schema.yml, the related names), like every loader (helpers/memo.py, the one memo)
    from .memo import remembered
    return remembered(_load_terms, essay)


def _load_terms(essay: Essay) -> pd.DataFrame:
    path = essay.folder / FILE
    table = load_table(essay, FILE)
    owner: dict[str, str] = {}
    for line, row in table.iterrows():
        label = f"{line} ({row.term})"
        if row.since_checked.strip():
            table.loc[line, "since_checked"] = _checked_on(row.since_checked, path, label)
        for name in names_of(row):
            key = fold_keep_case(name)
            if key in owner:
                if name != row.term and fold_keep_case(owner[key]) == key:
                    raise AnnotationError(path, f"the alias {name!r} is itself a term of the glossary, a different "
                                                "thing: an alias is only another name for the same thing.",
                                          f"remove {name!r} from the aliases of {row.term!r}.", label)
                raise AnnotationError(path, f"the name {name!r} is listed twice (also under {owner[key]!r}), so its "
                                            "mentions would be counted twice.",
                                      "keep it under one term only.", label)
            owner[key] = row.term
    _check_aliases_hold_no_other_term(table, path)
    mentioned: dict[str, list[tuple[int, int, int]]] = {}      # _find for every term, from one pass over _all
    for term, n, s, e in _all(essay, table):
        mentioned.setdefault(term, []).append((n, s, e))
    for line, row in table.iterrows():
        label = f"{line} ({row.term})"
        names = {fold_keep_case(n) for n in names_of(row)}
        if fold_keep_case(row.span) not in names:
            raise AnnotationError(path, f"the span {row.span!r} is not the term or one of its aliases.",
                                  "copy the first mention of the term exactly as the essay writes it.", label)
        mentions = mentioned.get(row.term, [])
        if not mentions:
            raise AnnotationError(path, "the term is never mentioned in the essay's paragraphs.",
                                  "check its spelling and aliases against the essay.", label)
        if mentions[0][0] != row.first_paragraph:
            raise AnnotationError(path, f"the first mention is in ¶{mentions[0][0]}, not ¶{row.first_paragraph}.",
                                  f"set first_paragraph to {mentions[0][0]} and copy the span from there.", label)
    load_not_aliases(essay, table)
    return table


def _whole(name: str, text: str) -> bool:
    """True when ``name`` stands in ``text`` as whole words (case kept, accents and quotes folded)."""
    name, text = fold_keep_case(name), fold_keep_case(text)
    # the substring test first: the search can only succeed where it does, and it is most of the pairs' answer
    return name in text and re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None


def _check_aliases_hold_no_other_term(table: pd.DataFrame, path) -> None:
    """Refuse an alias that holds another term's name which its own term does not ("U.S. imperialism" under
    "U.S. Empire" holds "imperialism"): such a name is a kind of that other thing, or something about it."""
    names = [(r.term, n) for r in table.itertuples() for n in names_of(r)]
    for line, row in table.iterrows():
        for alias in names_of(row)[1:]:
            for other, name in names:
                if other != row.term and _whole(name, alias) and not _whole(name, row.term):
                    raise AnnotationError(
                        path, f"the alias {alias!r} holds {name!r}, a name of another term ({other!r}): it names a "
                              f"kind of that thing or something about it, not another name for {row.term!r}.",
                        f"remove {alias!r} from the aliases (its mentions then count for {other!r}), and list it in "
                        f"{NOT_ALIASES} if a reader might take it for {row.term!r}.", f"{line} ({row.term})")


def load_not_aliases(essay: Essay, terms: pd.DataFrame) -> pd.DataFrame:
    """Names the essay uses for something related to a term but different, which must never be its aliases.

    not_aliases.csv holds one row per name: the ``name`` as the essay writes it, the ``term`` a reader might
    merge it with, the ``paragraph`` and ``span`` where the essay uses it, and the ``reason`` it names something
    else. Each span is checked against the essay and must hold the name; a name listed here that is the term or
    an alias of any row of the glossary stops the loading, so a merge refused once stays refused. A reading
    without the file has none.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        terms: the glossary, from ``helpers.load_terms(essay)``.

    Returns:
        A table with one row per name: ``name``, ``term``, ``paragraph``, ``span``, ``reason`` (and the span's
        ``start`` and ``end`` in the text).

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> related = load_not_aliases(essay, load_terms(essay))
        >>> related.set_index("name").loc["electoral fraud", "term"]
        '2017 Honduran election'
    """
    path = essay.folder / NOT_ALIASES
    if not path.exists():
        return pd.DataFrame(columns=declaration(essay.folder, NOT_ALIASES)["columns"] + ["start", "end"])
    table = load_table(essay, NOT_ALIASES)
    owners = {fold_keep_case(n): t.term for t in terms.itertuples() for n in names_of(t)}
    for line, row in table.iterrows():
        label = f"{line} ({row['name']})"
        owner = owners.get(fold_keep_case(row["name"]))
        if owner is not None:
            raise said(essay.folder, NOT_ALIASES, "an alias", label, **row, owner=owner)
        if not _whole(row["name"], row.span):
            raise said(essay.folder, NOT_ALIASES, "not whole", label, **row)
    return table


def mentions(essay: Essay, terms: pd.DataFrame) -> pd.DataFrame:
    """Every place where the essay names a term, one row per mention, in reading order.

    Other names count as the term ("JOH" is a mention of Juan Orlando Hernández), and no words are counted
    twice: "U.S. Empire" is a mention of the U.S. Empire, not also of the United States.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        terms: the glossary, from ``helpers.load_terms(essay)``.

    Returns:
        A table with one row per mention: ``term``, ``kind``, ``paragraph``, ``section_no``, ``section``,
        ``match`` (the words as the essay prints them) and ``start``/``end`` (their place in the text).

    Example:
        >>> from helpers import load_essay, load_terms
        >>> essay = load_essay()
        >>> found = mentions(essay, load_terms(essay))
        >>> found[found.term == "Ella Baker"].paragraph.tolist()
        [2]
    """
    rows = []
    sections = essay.paragraphs.set_index("paragraph")
    kinds = dict(zip(terms.term, terms.kind))
    for term, n, start, end in _all(essay, terms):
        if True:
            rows.append({"term": term, "kind": kinds[term], "paragraph": n, "section_no": sections.loc[n, "section_no"],
                         "section": sections.loc[n, "section"], "match": essay.text[start:end],
                         "start": start, "end": end})
    return pd.DataFrame(rows, columns=["term", "kind", "paragraph", "section_no", "section", "match", "start", "end"])


def mention_counts(essay: Essay, terms: pd.DataFrame, kinds=None) -> pd.DataFrame:
    """How often each term is mentioned, and in how many paragraphs and sections, most-mentioned first.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        terms: the glossary, from ``helpers.load_terms(essay)``.
        kinds: optional; only count terms of these kinds, e.g. ``["person"]`` or ``["place", "event"]``
            (the kinds are declared in the reading's schema.yml). Leave it out to count every term.

    Returns:
        A table with one row per term: ``term``, ``kind``, ``mentions``, ``paragraphs``, ``sections`` and
        ``first`` (the paragraph of the first mention), sorted by mentions, then by first mention.

    Example:
        >>> from helpers import load_essay, load_terms
        >>> essay = load_essay()
        >>> mention_counts(essay, load_terms(essay), kinds=["person"]).term.iloc[0]
        'Juan Orlando Hernández'
    """
    m = mentions(essay, terms)
    if kinds:
        m = m[m.kind.isin(kinds)]
    g = m.groupby(["term", "kind"])
    table = pd.DataFrame({"mentions": g.size(), "paragraphs": g.paragraph.nunique(),
                          "sections": g.section_no.nunique(), "first": g.paragraph.min()}).reset_index()
    return table.sort_values(["mentions", "first"], ascending=[False, True], ignore_index=True)


def glossary(terms: pd.DataFrame, kinds=None, sort: str = "term") -> pd.DataFrame:
    """The glossary to read: what each term is, what the essay says about it, and where that comes from.

    Parameters:
        terms: the glossary, from ``helpers.load_terms(essay)``.
        kinds: optional; only show terms of these kinds, e.g. ``["person"]``. Leave it out to show all.
        sort: the column to sort by; ``"term"`` (the default) is alphabetical, ``"kind"`` groups people,
            places and so on, alphabetical within each group.

    Returns:
        A table with one row per term: ``term``, ``kind``, ``definition``, ``source`` ("the essay" or the
        public reference the definition comes from), ``in_the_essay``, ``since`` (what has changed since the
        essay was written, with its reference and the date it was last checked: later events are not covered),
        ``spanish`` and ``first`` (the paragraph of the first mention, like "¶4").

    Example:
        >>> from helpers import load_essay, load_terms
        >>> glossary(load_terms(load_essay()), kinds=["person"]).term.head(3).tolist()
        ['Antonio Gramsci', 'August Vogt', 'Bartolo Fuentes']
    """
    g = terms if not kinds else terms[terms.kind.isin(kinds)]
    g = g.assign(source=[("the essay" if r.definition_source == "essay" else r.reference) for r in g.itertuples()],
                 first=[f"¶{n}" for n in g.first_paragraph],
                 since=[since_line(r) for r in g.itertuples()],
                 key=g.term.str.casefold())
    return g.sort_values("key" if sort == "term" else [sort, "key"], ignore_index=True)[
        ["term", "kind", "definition", "source", "in_the_essay", "since", "spanish", "first"]]


def lookup(essay: Essay, terms: pd.DataFrame, query: str) -> pd.DataFrame:
    """Find a term by its name or any alias, print its gloss, and return every mention in its whole sentence.

    A whole sentence, never a cut window of words: a snippet cut at a fixed width can put one person's words
    in another's mouth.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        terms: the glossary, from ``helpers.load_terms(essay)``.
        query: a name or an alias, e.g. "OAS" (case and accents do not matter).

    Returns:
        A table with one row per sentence that mentions it: ``paragraph`` ("¶37"), ``name`` (as written
        there; several, comma-separated, when one sentence names it more than once) and ``sentence``. Empty, with a hint printed, when nothing matches.
        An empty ``query`` ("" or spaces) is a ``UsageError`` saying to type a name (it would match every term).

    Example:
        >>> from helpers import load_essay, load_terms
        >>> essay = load_essay()
        >>> table = lookup(essay, load_terms(essay), "Heidi Fulton")  # doctest: +ELLIPSIS
        Heidi Fulton...
        >>> table.paragraph.tolist()
        ['¶37']
    """
    columns = ["paragraph", "name", "sentence"]
    if not str(query).strip():
        from .errors import UsageError
        raise UsageError("the lookup is empty: put a name or a term between the quotation marks, for example "
                         'tm.lookup(essay, terms, "OAS")')
    key = fold_keep_case(query.strip()).lower()
    hits = terms[[any(key == fold_keep_case(n).lower() for n in names_of(t)) for t in terms.itertuples()]]
    if hits.empty:
        hits = terms[[any(key in fold_keep_case(n).lower() for n in names_of(t)) for t in terms.itertuples()]]
    if hits.empty:
        from .text import did_you_mean
        from .text import nearest_names
        names = [n for t in terms.itertuples() for n in names_of(t)]
        near = did_you_mean(query.strip(), names)
        if near:    # the learner review (round 13): after a suggestion, suggest the suggested name, not the typo
            first = nearest_names(query.strip(), names, 1)[0]
            print(f"No term matches {query!r}.{near} Put that name between the quotation marks and run the cell "
                  f'again, for example tm.lookup(essay, terms, "{first}").')
        else:
            print(f"No term matches {query!r}. Try essay.search({query!r}) to search the whole text.")
        return pd.DataFrame(columns=columns)
    t = hits.iloc[0]
    lines = []
    aliases = f" (also: {t.aliases.replace(';', ', ')})" if t.aliases else ""
    lines.append(f"{t.term}{aliases}: {t.kind}, first mentioned in ¶{t.first_paragraph}")
    source = "from the essay" if t.definition_source == "essay" else f"context, not the essay: {t.reference}"
    lines.append(f"What it is: {t.definition}  [{source}]")
    if t.spanish:
        lines.append(f"In Spanish: {t.spanish}")
    lines.append(f"In the essay: {t.in_the_essay}")
    if t.since:
        lines.append(f"Since the essay was written: {t.since}  [context: {t.since_reference}; "
                     f"checked {t.since_checked}; {NOT_COVERED}]")
    related = load_not_aliases(essay, terms)
    for r in related[related.term == t.term].itertuples():
        lines.append(f"Not the same thing: “{r.name}” (¶{r.paragraph}): {r.reason}")
    if len(hits) > 1:
        lines.append(f"(also matching: {', '.join(hits.term.iloc[1:])})")
    from .display import say
    say("\n".join(lines), width=None)   # typeset in a notebook: a narrow window never breaks a word
    rows = []
    for n, start, end in _find(essay, terms, t.term):
        p = essay.paragraphs.loc[n]
        text = essay.text[p.start:p.end]
        spans = sentence_spans(text) or [(0, len(text))]
        a, b = next(((s, e) for s, e in spans if s <= start - p.start < e), (0, len(text)))
        b = max(b, next((e for s, e in spans if s < end - p.start <= e), b))
        sentence = " ".join(text[a:b].split())
        if rows and rows[-1]["paragraph"] == f"¶{n}" and rows[-1]["sentence"] == sentence:
            rows[-1]["name"] += f", {essay.text[start:end]}"   # one sentence, several mentions: one row
            continue
        rows.append({"paragraph": f"¶{n}", "name": essay.text[start:end], "sentence": sentence})
    return pd.DataFrame(rows, columns=columns)


def who_is_who(terms: pd.DataFrame, names: list[str]) -> None:
    """Show who or what each of a few names is, where a table or figure first needs them, from the glossary data.

    The learner review of session 26: 02 and 03 opened with long word lists, while the names a figure showed
    (Harper, Omar and Tlaib in 03's panels; Chapo Guzmán in 02's Exercise 3) were explained only in 04. A notebook
    calls this just under the figure or table that needs them, and the words come from terms.csv, never from the
    notebook, so they say what the glossary says.

    Parameters:
        terms: the glossary, from ``helpers.load_terms(essay)``.
        names: the names to explain, each a term of the glossary or one of its aliases, in the order to show them.

    Returns:
        nothing: it shows one line for each name: the term, what it is (and, for a definition from outside the
        essay, that it is context and its reference), and what the essay says about it.

    Example:
        >>> from helpers import load_essay, load_terms
        >>> who_is_who(load_terms(load_essay()), ["Stephen Harper"])  # doctest: +NORMALIZE_WHITESPACE
        Stephen Harper: Prime Minister of Canada from 2006 to 2015 (context, not the essay: Wikipedia, “Stephen
        Harper”). In the essay, Palestinian activists picketed him on his visit to the West Bank.
    """
    lines = []
    for name in names:
        key = fold_keep_case(str(name).strip()).lower()
        hits = terms[[any(key == fold_keep_case(n).lower() for n in names_of(t)) for t in terms.itertuples()]]
        if hits.empty:
            raise HelperError(FILE, f"no term or alias is called {name!r}, so it cannot be explained.",
                              "give a name exactly as the glossary's term column (or its aliases) has it, or add a "
                              "row for it to terms.csv.")
        t = hits.iloc[0]
        what = str(t.definition).rstrip(".")
        if what.split(" ", 1)[0] in ("A", "An", "The"):
            what = what[0].lower() + what[1:]    # "Veolia: a French company", not "Veolia: A French company"
        source = "" if t.definition_source == "essay" else f" (context, not the essay: {t.reference})"
        lines.append(f"{t.term}: {what}{source}. {t.in_the_essay}")
    from .text import say
    say("\n".join(lines))


def load_glosses(essay: Essay) -> pd.DataFrame:
    """glosses.yml, checked: one gloss for each word that more than one notebook glosses, with the notebooks that do.

    ``python -m tools.cells`` writes each gloss into the line "- **<word>**: …" of every notebook it names, so the
    notebooks cannot gloss one word in different ways; its quotations are checked against the essay on load.

    Parameters: ``essay`` the loaded essay.
    Returns: a pandas DataFrame, one row per word: ``word``, ``gloss``, ``notebooks`` (a list of notebook names).

    Example:
    >>> from helpers import load_essay
    >>> glosses = load_glosses(load_essay()).set_index("word")
    >>> glosses.loc["IRI", "notebooks"]
    ['01_argument_structure', '02_source_quotations', '03_timeline']
    """
    return load_entries(essay, f"{GLOSSES} glosses")
