"""The events the essay tells (seeds/<reading>/timeline.csv), dated at their true precision.

``date`` is ISO-like at the precision the essay gives: ``2009-06-28`` (day), ``2018-10`` (month),
``2017`` (year), ``196X`` (decade), or a range ``A/B`` (``..`` for an open end). A ``relative`` row (as of
this writing, last year, just arrested) carries the date the text implies and ``derived_by``, which says how.
A ``context`` row adds a date from outside the essay and names its public ``reference``. ``follows`` names
the rows an event comes after (``E09`` for anything "after the coup"): no event may be drawn starting before
an event it follows.

``dated_by`` says what dates a row (its date, its label's marker and its group in every chart, table and
export): ``the essay's words`` (the essay gives the date, or its words fix it by counting from another date
it gives), ``the package's inference`` (a reading of the package's own: a vague date bounded, the time of
writing, a day taken from context), naming in ``rests_on`` the rows (E…) and dating clues (D…) it rests on,
or ``context`` (a context row). A row that rests on context or on an inference, directly or through another
row, is never ``the essay's words``: ``load_timeline`` refuses it.

Two companion files: ``dating.csv`` holds every clue to when the essay was written, with its reference
point, the range it implies and which way it pulls (``load_dating``, ``written_between``); ``undated.csv``
lists the time expressions of the essay that have no timeline row, each with its reason (``uncovered``).
"""
from __future__ import annotations

import calendar
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd

from .anchoring import HEADER
from .errors import AnnotationError, UsageError
from .essay import Essay
from .rules import SCHEMA, declaration, default_vocabulary, load_table, said, vocabulary
from .readable import clue_name, date_in_words, prose, with_reference

FILE = "timeline.csv"
#: the three ways a row is dated, which the checks and charts treat apart (the words of dated_by in schema.yml)
WORDS, INFERENCE, CONTEXT = "the essay's words", "the package's inference", "context"
#: the group each kind of row is shown in (tables' ``account`` column, TimelineJS's groups)
ACCOUNT = {WORDS: "the essay's account, dated by its words",
           INFERENCE: "dated by the package's inference",
           CONTEXT: "context (checked, referenced)"}
#: vocabularies and columns of the reading's schema.yml, read as module attributes (THEMES, PULLS …)
_DECLARED = {"COLUMNS": ("timeline.csv", None), "PRECISIONS": ("timeline.csv", "precision"),
             "THEMES": ("timeline.csv", "theme"), "SOURCES": ("timeline.csv", "source"),
             "DATED_BY": ("timeline.csv", "dated_by"), "DATING_COLUMNS": ("dating.csv", None),
             "PULLS": ("dating.csv", "pulls")}


def __getattr__(name: str):
    """The default reading's vocabularies (PRECISIONS, THEMES, SOURCES, DATED_BY, PULLS) and columns (schema.yml)."""
    if name not in _DECLARED:
        raise AttributeError(name)
    file, column = _DECLARED[name]
    if column is None:
        from .essay import DEFAULT_READING, SEEDS
        return declaration(SEEDS / DEFAULT_READING, file)["columns"]
    return default_vocabulary(file, column)


_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}", "decade": r"\d{3}X"}
_POINT = "|".join(f"(?:{f})" for f in _FORMS.values())
_RANGE = rf"(?:{_POINT}|\.\.)/(?:{_POINT}|\.\.)"
# TimelineJS's spreadsheet template, column for column (Knight Lab, timeline.knightlab.com)
TIMELINEJS_COLUMNS = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                      "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                      "Media Thumbnail", "Type", "Group", "Background"]


def form_of(value: str) -> str | None:
    """The precision a date string is written at: day, month, year, decade, range, or None if malformed.

    Parameters: ``value`` a date as written in timeline.csv.
    Returns: the precision it is written at: "day", "month", "year", "decade", "range", or None if malformed.

    Example:
    >>> form_of("2009-06-28"), form_of("2018-10"), form_of("196X"), form_of("2019-01/2019-10-18")
    ('day', 'month', 'decade', 'range')
    """
    for name, pattern in _FORMS.items():
        if re.fullmatch(pattern, value):
            return name
    return "range" if re.fullmatch(_RANGE, value) and value != "../.." else None


def _bounds(point: str) -> tuple[date, date]:
    """First and last day a date string can mean (``2018-10`` -> 1 to 31 October 2018)."""
    kind = form_of(point)
    if kind == "day":
        d = date.fromisoformat(point)
        return d, d
    if kind == "month":
        y, m = map(int, point.split("-"))
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    if kind == "year":
        return date(int(point), 1, 1), date(int(point), 12, 31)
    if kind == "decade":
        y = int(point[:3]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    raise ValueError(point)


def interval(value: str) -> tuple[date, date | None]:
    """(first day, last day) a date or range can mean; last is None for an open end (``2009-06-28/..``).

    Parameters: ``value`` a date or a range as written in timeline.csv.
    Returns: a tuple (first day, last day) as ``datetime.date``; the last day is None for an open end.

    Example:
    >>> interval("2018-10")
    (datetime.date(2018, 10, 1), datetime.date(2018, 10, 31))
    """
    if "/" not in value:
        return _bounds(value)
    a, b = value.split("/")
    start = _bounds(a)[0] if a != ".." else None
    end = _bounds(b)[1] if b != ".." else None
    return start, end


def load_timeline(essay: Essay) -> pd.DataFrame:
    """timeline.csv, checked; adds from_date, to_date and open_end (and start, end: offsets in the text).

    Parameters: ``essay`` the loaded essay (``load_essay()``).
    Returns: a pandas DataFrame of events in date order, with ``from_date``, ``to_date``, ``open_end`` and
    ``account`` added.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> timeline = load_timeline(essay)
    >>> timeline.loc[timeline.id == "E09", "date"].item()
    '2009-06-28'
    """
    path = essay.folder / FILE
    table = load_table(essay, FILE)
    for line, row in table.iterrows():
        label = f"{line} ({row.id})"
        form = form_of(row.date)
        if form is None:
            raise said(essay.folder, FILE, "date form", label, date=row.date)
        if row.precision != "relative" and form != row.precision:
            finer = form in _FORMS and row.precision in _FORMS and list(_FORMS).index(form) < list(_FORMS).index(
                row.precision)
            raise said(essay.folder, FILE, "finer" if finer else "precision", label, **row, form=form)
        try:
            start, end = interval(row.date)
        except ValueError:
            raise said(essay.folder, FILE, "no such date", label, date=row.date) from None
        if start is None or (end is not None and end < start):
            raise said(essay.folder, FILE, "range order", label, date=row.date)
    bounds = table.date.map(interval)
    table["from_date"] = [b[0] for b in bounds]
    table["to_date"] = [b[1] if b[1] is not None else b[0] for b in bounds]
    table["open_end"] = [b[1] is None for b in bounds]
    _check_follows(table, path)
    _check_dated_by(table, path, _clue_sources(essay))
    table["account"] = table.dated_by.map(ACCOUNT)
    return table.sort_values(["from_date", "to_date", "id"], kind="stable")


def told_in(timeline: pd.DataFrame, first: int, last: int, starting_in: str | None = None) -> pd.DataFrame:
    """The events the essay tells in paragraphs ``first`` to ``last``; with ``starting_in`` (a date in the file's
    form: ``"2017"``, ``"2017-11"``), only those whose date begins within it. One episode of the story, chosen by
    where the essay tells it rather than by a list of ids (03's table of the 2017 election: ¶35–¶37, begun in 2017).

    Parameters: ``timeline`` the table from ``load_timeline``; ``first``, ``last`` paragraph numbers; ``starting_in``
    a date in the file's form, or None for every date.
    Returns: the rows of ``timeline`` chosen, in its order.

    Example:

    >>> from helpers import load_essay
    >>> timeline = load_timeline(load_essay())
    >>> told_in(timeline, 35, 35).label.tolist()[:2]
    ["JOH runs for re-election (essay's account)", '2017 election day (context)']
    """
    paragraph = pd.to_numeric(timeline.paragraph, errors="coerce")
    chosen = paragraph.between(first, last)
    if starting_in is not None:
        start, end = interval(starting_in)
        chosen &= timeline.from_date.between(start, end)
    return timeline[chosen]


def _check_follows(table: pd.DataFrame, path) -> None:
    """No row is drawn starting before an event it follows (that the ids exist, schema.yml declares)."""
    starts = dict(zip(table.id, table.from_date))
    for line, row in table.iterrows():
        for other in filter(None, (o.strip() for o in row.follows.split(";"))):
            label = f"{line} ({row.id})"
            if row.from_date < starts[other]:
                raise AnnotationError(path, f"the date {row.date!r} starts before {other} ({starts[other]}), which "
                                            "the row says it follows.",
                                      f"start the date at {starts[other]} or later (the essay places it after "
                                      f"{other}).", label)


def _ids(cell: str) -> list[str]:
    return [i.strip() for i in cell.split(";") if i.strip()]


def _clue_sources(essay: Essay) -> dict[str, str]:
    """The dating clues' ids and sources (essay or context), read from dating.csv without anchoring them."""
    from .anchoring import read_csv
    path = essay.folder / DATING
    if not path.is_file():
        return {}
    clues = read_csv(path, declaration(essay.folder, DATING)["columns"])
    return dict(zip(clues.id, clues.source))


def _check_dated_by(table: pd.DataFrame, path, clues: dict[str, str]) -> None:
    """No row rests on itself, and nothing that rests on context or on an inference, directly or through another
    row, is the essay's words (that the ids exist and dated_by agrees with source, schema.yml declares)."""
    kind = dict(zip(table.id, table.dated_by))
    needs = {row.id: _ids(row.rests_on) for row in table.itertuples()}
    for line, row in table.iterrows():
        label = f"{line} ({row.id})"
        if row.id in needs[row.id]:
            raise AnnotationError(path, "the row rests on itself.", f"remove {row.id} from rests_on.", label)
        for named in re.findall(r"context (?:row (E\d+)|\((E\d+)\))", row.derived_by):
            named = "".join(named)   # "context row E43" or "context (E43)"
            if named not in needs[row.id]:
                raise AnnotationError(path, f"derived_by names context row {named}, which rests_on does not list.",
                                      f"add {named} to rests_on, and mark the row as the package's inference.", label)
        if row.dated_by != WORDS:
            continue
        # walk everything the row rests on, through other rows, keeping the path that led there
        seen, todo = {row.id}, [(o, [row.id, o]) for o in needs[row.id]]
        while todo:
            other, trail = todo.pop(0)
            if other in seen:
                continue
            seen.add(other)
            what = (kind.get(other) if other in kind else
                    (CONTEXT if clues.get(other) == "context" else None))
            if what in (CONTEXT, INFERENCE):
                via = " → ".join(trail)
                raise AnnotationError(
                    path, f"the row is marked 'the essay's words' but rests on {other}, "
                          f"{'a context row or clue' if what == CONTEXT else 'the package inference'} ({via}).",
                    "set dated_by to 'the package's inference' (a date that needs context or a reading of the "
                    "package's own is not the essay's words), and keep rests_on.", label)
            todo += [(o, trail + [o]) for o in needs.get(other, [])]
        if re.search(r"context row|dating\.csv|time of writing", row.derived_by):
            raise AnnotationError(path, "the row is marked 'the essay's words' but derived_by reasons from context "
                                        "or the time of writing.",
                                  "set dated_by to 'the package's inference' and list what it rests on.", label)


def rests_on_in_words(timeline: pd.DataFrame, dating: pd.DataFrame | None = None) -> pd.Series:
    """What each row's date rests on, in words: the essay's words, or the rows and clues an inference rests on.

    Parameters: ``timeline`` the table from ``load_timeline``; ``dating`` the table from ``load_dating`` (optional:
    without it a clue is named by its id).
    Returns: a pandas Series of strings, one per row of ``timeline`` (same index).

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> t = load_timeline(essay)
    >>> rests_on_in_words(t, load_dating(essay))[t.id == "E42"].item()
    "the package's inference, from: Lobo's wife arrested (context; E43); the dating clue “his wife was arrested last year” (clue 4)"
    """
    labels = dict(zip(timeline.id, timeline.label))
    clues = {} if dating is None else dict(zip(dating.id, dating.clue))

    def name(i: str) -> str:
        if i in labels:
            return with_reference(labels[i], i)
        if i in clues:
            return f"the dating clue {clues[i]} ({clue_name(i)})"
        return f"timeline row {i}" if i.startswith("E") else f"dating {clue_name(i)}"

    def words(row) -> str:
        if row.dated_by == CONTEXT:
            return f"context: {row.reference}"
        if row.dated_by == WORDS:
            return WORDS
        return f"{INFERENCE}, from: " + "; ".join(name(i) for i in _ids(row.rests_on))
    return pd.Series([words(r) for r in timeline.itertuples()], index=timeline.index)


def shown_label(row, marker: bool = True) -> str:
    """A row's label as every chart and export shows it: an inferred date says so beside the label.

    Parameters: ``row`` a row of the table from ``load_timeline``; ``marker`` False to leave out the default
    marker "(essay's account)" (a chart whose key says that a plain label is the essay's account).
    Returns: the label, with "(essay's account)" made "(essay's account; date inferred)" on a row dated by the
    package's inference.

    Example:
    >>> from helpers import load_essay
    >>> t = load_timeline(load_essay()).set_index("id", drop=False)
    >>> shown_label(t.loc["E32"]), shown_label(t.loc["E32"], marker=False)
    ("JOH's brother arrested by the DEA (essay's account; date inferred)", "JOH's brother arrested by the DEA (date inferred)")
    """
    label = str(row.label)
    inferred = row.dated_by == INFERENCE and "inference" not in label
    for mark in (" (essay's account)", " (her account)"):
        if label.endswith(mark):
            base, whose = label[: -len(mark)], mark[2:-1]
            if not marker and whose == "essay's account":
                whose = ""
            tags = [t for t in (whose, "date inferred" if inferred else "") if t]
            return f"{base} ({'; '.join(tags)})" if tags else base
    return f"{label} (date inferred)" if inferred else label


#: the column of ``with_account`` that says what a date rests on (the file's ``dated_by``), in a reader's words
HOW_KNOWN = "how the date is known"
#: the column of ``with_account`` that marks each row, short, in place of the label's bracket (the learner review,
#: round 14: "(essay's account; date inferred)" repeated on every row of every table)
MARK = "mark"
#: what each mark means, said once above the tables (the notebook prints it with ``marks_key``)
MARKS = {"essay": "the essay's account, dated by its words",
         "essay*": "the essay's account; the date is the package's inference (the column *how the date is known* "
                   "says from what)",
         "her account*": "what the essay reports as Clinton's own account; the date is the package's inference",
         "context": "from outside the essay, checked in the reference the column *how the date is known* names"}
_WHOSE = {" (essay's account)": "essay", " (her account)": "her account", " (context)": "context"}


def bare_label(label: str) -> str:
    """A label without its closing bracket of whose account it is ("(essay's account)", "(her account)",
    "(context)"), which a table's ``mark`` column carries instead.

    Parameters: ``label`` a row's label (timeline.csv).
    Returns: the label without that bracket; any other label as it is.

    Example:
    >>> bare_label("Coup against Zelaya (essay's account)"), bare_label("Essay written (package's inference)")
    ('Coup against Zelaya', "Essay written (package's inference)")
    """
    label = str(label)
    for tail in _WHOSE:
        if label.endswith(tail):
            return label[: -len(tail)]
    return label


def row_mark(row) -> str:
    """A row's short mark for a table: whose account (``essay``, ``her account``, ``context``), with ``*`` when the
    date is the package's inference (``MARKS`` says what each means).

    Parameters: ``row`` a row of the table from ``load_timeline``.
    Returns: the mark: ``essay``, ``essay*``, ``her account*``, ``context`` (or ``her account``).

    Example:
    >>> from helpers import load_essay
    >>> t = load_timeline(load_essay()).set_index("id", drop=False)
    >>> row_mark(t.loc["E09"]), row_mark(t.loc["E32"]), row_mark(t.loc["E78"]), row_mark(t.loc["E11"])
    ('essay', 'essay*', 'context', 'her account*')
    """
    label = str(row.label)
    whose = next((w for tail, w in _WHOSE.items() if label.endswith(tail)),
                 "context" if row.dated_by == CONTEXT else "essay")
    return whose + ("*" if row.dated_by == INFERENCE else "")


def marks_key(shown: pd.DataFrame | None = None) -> str:
    """The tables' marks in one paragraph, to say once before them; only the marks ``shown`` uses, when given.

    Parameters: ``shown`` a table from ``with_account`` (optional).
    Returns: one sentence of Markdown.

    Example:
    >>> print(marks_key(pd.DataFrame({MARK: ["essay", "context"]})))
    The column *mark* says whose each row is: **essay** = the essay's account, dated by its words; **context** = from outside the essay, checked in the reference the column *how the date is known* names.
    """
    used = set(shown[MARK]) if shown is not None else set(MARKS)
    parts = [f"**{m}** = {meaning}" for m, meaning in MARKS.items() if m in used]
    return "The column *mark* says whose each row is: " + "; ".join(parts) + "."


def with_account(timeline: pd.DataFrame, dating: pd.DataFrame | None = None, only=None, leave_out=(),
                 writing: str | None = None) -> pd.DataFrame:
    """The timeline for a table: each label short, its mark in a column, and a ``how the date is known`` column in
    words.

    Parameters: ``timeline`` the table from ``load_timeline``; ``dating`` the table from ``load_dating`` (optional);
    ``only`` the ids of the rows to keep (default all): the others still lend their labels to the rows kept;
    ``leave_out`` ids of rows to leave out (an exercise asks about them); ``writing`` the id of the row for the
    time of writing, to keep that date unsaid in a table shown before the exercise that asks for it: a date that
    ends at the time of writing ends there in words, and the reasoning says "the time of writing" without the
    package's year for it.
    Returns: a copy of ``timeline`` whose ``label`` is the label without its bracket of whose account it is, with
    ``mark`` (``row_mark``: essay, essay*, her account*, context) and ``how the date is known`` added (the file's
    ``dated_by``, in words): the essay's words, context and its reference, or the package's inference and what it
    rests on (a row it names is marked "(context)" when it is context, and bare when it is the essay's account);
    and, for a reader, ``when`` (the date in words), ``steps to the date`` (``derived_by`` with dates in words
    and clues and rows named) and ``the essay's words`` (``date_as_given``).

    Example:
    >>> from helpers import load_essay
    >>> t = with_account(load_timeline(load_essay())).set_index("id")
    >>> t.loc["E38", HOW_KNOWN][:40], t.loc["E67", "label"], t.loc["E67", MARK]
    ("the package's inference, from: dating cl", 'Zelaya calls for a referendum', 'essay*')
    >>> t.loc["E67", HOW_KNOWN]
    "the package's inference, from: Zelaya takes office (context); Coup against Zelaya"
    """
    named = timeline.assign(label=[bare_label(r.label) + (" (context)" if row_mark(r) == "context" else "")
                                   for r in timeline.itertuples()])
    labels = dict(zip(named.id, named.label))
    shown = timeline.assign(label=timeline.label.map(bare_label),
                            **{MARK: [row_mark(r) for r in timeline.itertuples()],
                               HOW_KNOWN: rests_on_in_words(named, dating).map(lambda t: prose(t, labels)),
                               "when": timeline.date.map(date_in_words),
                               "steps to the date": timeline.derived_by.map(lambda t: prose(t, labels)),
                               "the essay's words": timeline.date_as_given})
    if writing is not None:
        shown = _writing_unsaid(shown, timeline, writing)
    plain = {i: bare_label(label) for i, label in zip(timeline.id, timeline.label)}
    for column in (HOW_KNOWN, "steps to the date"):
        shown[column] = shown[column].map(lambda t: refs_in_words(t, plain))
    if only is not None:
        shown = shown[shown.id.isin(list(only))]
    return shown[~shown.id.isin(list(leave_out))]


_PACKAGE_YEAR = r"\d{4} by the clues to the essay's date \([^()]*\)"
_REF = re.compile(r" \((context; )?(E\d+)\)|\((E\d+)\)| \(E\d+–E\d+\)|(?<=”) \(clue \d+\)|\b(E\d+)\b|(; E\d+\))")


def refs_in_words(text, labels: dict[str, str]) -> str:
    """A table cell of the timeline with its rows named in words only (learner review 18: "Vietnam War ends
    (context; E55)" inside a bracket, brackets inside brackets): a row named by its label loses its code, a context
    row says "(context)", or ", from context" inside a bracket; a code left alone becomes its row's label; a dating
    clue quoted in its words loses its number. The table's ``ref.`` column keeps each row's own code.

    Parameters: ``text`` a cell from ``prose``; ``labels`` timeline ids and their labels without the bracket.
    Returns: the text without row codes.

    >>> refs_in_words("rests on Zelaya takes office (context; E78); Coup (E09)", {"E78": "Zelaya takes office"})
    'rests on Zelaya takes office (context); Coup'
    >>> refs_in_words("in 1975 (Vietnam War ends (context; E55)), “after the visit” (E91)", {"E91": "The visit"})
    'in 1975 (Vietnam War ends, from context), “after the visit” (The visit)'
    >>> refs_in_words("the dating clue “last year” (clue 4); see clue 17", {})
    'the dating clue “last year”; see clue 17'
    """
    if not isinstance(text, str):
        return text

    def depth(k: int) -> int:
        return text[:k].count("(") - text[:k].count(")")

    def short(i: str) -> str:      # a label named in a sentence, without a bracket of its own
        return re.sub(r"\s*\([^)]*\)$", "", labels[i])

    def word(m) -> str:
        if m.group(2) and m.group(1):
            return ", from context" if depth(m.start()) > 0 else " (context)"
        if m.group(2):
            label = labels.get(m.group(2), "")
            named = label and text[:m.start()].endswith((label, re.sub(r"\s*\([^)]*\)$", "", label)))
            return "" if named or not label else f" ({label})"
        if m.group(3):
            return f"({short(m.group(3))})" if m.group(3) in labels else m.group(0)
        if m.group(4):
            return short(m.group(4)) if m.group(4) in labels else m.group(0)
        return ")" if m.group(5) else ""
    text = re.sub(r"by the clues to the essay's date \(clue (\d+) and clue (\d+)\)",
                  r"by clues \1 and \2 to the essay's date", text)
    return _REF.sub(word, text)


def dates_in_words(timeline: pd.DataFrame, writing: str | None = None) -> pd.Series:
    """Each row's date in words, as ``with_account`` gives it in its ``when`` column, without the rest of that table
    (the timeline figures need only this, once per panel).

    Parameters:
        timeline: the table from ``load_timeline``.
        writing: optional; the id of the row for the time of writing, whose date is left unsaid (as in
            ``with_account``).
    Returns:
        a Series of strings, by row id.
    Example:
        >>> from helpers import load_essay
        >>> dates_in_words(load_timeline(load_essay()), writing="E38")["E38"]
        'the time of writing'
    """
    when = timeline.assign(when=timeline.date.map(date_in_words))
    if writing is not None:
        when = when.assign(when=_when_writing_unsaid(when, timeline, writing))
    return when.set_index("id")["when"]


def _when_writing_unsaid(shown: pd.DataFrame, timeline: pd.DataFrame, writing: str) -> list[str]:
    """``shown``'s ``when``, each date that ends at the time of writing (the row ``writing``) ending there in words."""
    rows = timeline.set_index("id")
    if writing not in rows.index:
        raise UsageError(f"there is no timeline row {writing}: name the row for the time of writing")
    w_from, _, w_to = str(rows.loc[writing, "date"]).partition("/")

    def when(row) -> str:
        start, _, end = str(row.date).partition("/")
        if row.id == writing or (writing in _ids(row.rests_on) and end == w_to):
            return "the time of writing" if start in (w_from, "") or row.id == writing else \
                f"between {date_in_words(start)} and the time of writing"
        return row.when
    return [when(r) for r in shown.itertuples()]


def _writing_unsaid(shown: pd.DataFrame, timeline: pd.DataFrame, writing: str) -> pd.DataFrame:
    """``shown`` with the package's date for the time of writing (the row ``writing``) left unsaid: see
    ``with_account``."""
    def unsaid(text):
        if not isinstance(text, str):
            return text
        text = re.sub(r" \(" + _PACKAGE_YEAR + r"\)", "", text)
        text = re.sub(r"(?:: |; )" + _PACKAGE_YEAR, "", text)
        # a clause that only named the year ("…; the time of writing: 2019 by …") says nothing once it is unsaid
        return re.sub(r"; the time of writing$", "", text) if "to the time of writing" in text else text

    out = shown.assign(when=_when_writing_unsaid(shown, timeline, writing))
    for column in (HOW_KNOWN, "steps to the date"):
        out[column] = out[column].map(unsaid)
    return out


def clue_expressions(undated: pd.DataFrame) -> pd.Series:
    """Which of the time expressions that need no timeline row are filed as clues to when the essay was written
    (their reason names a dating clue), so a table shown before the exercise on dating can hold them back.

    Parameters: ``undated`` the table from ``load_undated``.
    Returns: a pandas Series of True or False, one for each row of ``undated``.

    >>> from helpers import load_essay
    >>> int(clue_expressions(load_undated(load_essay())).sum()) >= 2
    True
    """
    return undated.reason.str.contains(r"\bdating\.csv D\d+", regex=True)


def undated_table(undated: pd.DataFrame, timeline: pd.DataFrame, hold_back_clues: bool = False) -> pd.DataFrame:
    """The time expressions that need no timeline row, as a reader sees them: each reason with its dates in words
    and the rows and clues it names given their labels.

    Parameters: ``undated`` the table from ``load_undated``; ``timeline`` the table from ``load_timeline``;
    ``hold_back_clues`` True to leave out the expressions filed as dating clues (``clue_expressions``), for a table
    shown before the exercise that asks the reader to find the clues (learner review 19: a reason saying "a dating
    clue (clue 20)" pointed at an answer).
    Returns: a copy of ``undated`` whose ``reason`` is readable.

    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> t = undated_table(load_undated(essay), load_timeline(essay))
    >>> "dating.csv" in " ".join(t.reason)
    False
    >>> "clue" in " ".join(undated_table(load_undated(essay), load_timeline(essay), hold_back_clues=True).reason)
    False
    """
    labels = dict(zip(timeline.id, timeline.label))
    plain = {i: bare_label(label) for i, label in labels.items()}
    if hold_back_clues:
        undated = undated[~clue_expressions(undated)]
    from .readable import without_codes
    return undated.assign(reason=undated.reason.map(lambda t: without_codes(refs_in_words(prose(t, labels), plain))))


def by_theme(timeline: pd.DataFrame) -> pd.DataFrame:
    """Events counted by theme and precision.

    Parameters: ``timeline`` the table from ``load_timeline``.
    Returns: a pandas DataFrame: themes down, precisions across, counts in the cells.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> "Honduran politics" in by_theme(load_timeline(essay)).index
    True
    """
    precisions, themes = (default_vocabulary(FILE, col, timeline) for col in ("precision", "theme"))
    t = pd.crosstab(timeline.theme, timeline.precision).reindex(columns=list(precisions), fill_value=0)
    t["total"] = t.sum(axis=1)
    return t.reindex([th for th in themes if th in t.index]).rename_axis(index="theme", columns=None)


def _cite(row, rests: str = "") -> str:
    """The event's text for an export: what dates it (the essay's words, the package's inference and what it rests
    on, or context), the essay's words, and how the date was reached."""
    where = "the header" if row.paragraph == HEADER else f"¶{row.paragraph}"
    event = str(row.event).rstrip(".")
    if row.dated_by == CONTEXT:
        text = f"Context, not in the essay (checked in {row.reference}): {event}. It dates what the essay says in {where}: “{row.span}”."
    elif row.dated_by == INFERENCE:
        # the event is told as the essay tells it; its date is not the essay's, so the text never says "in the
        # essay's account", which is kept for rows the essay's words date
        event = re.sub(r"(?i)\bin the essay's account\b", lambda m: "As the essay tells it" if m.group(0)[0] == "I"
                       else "as the essay tells it", event)
        text = (f"Dated by the package's inference, not by the essay's words (it rests on {rests or row.rests_on}). "
                f"{where}: {event}. The essay's words: “{row.span}”.")
    else:
        text = f"In the essay's account ({where}), dated by its words: {event}. The essay's words: “{row.span}”."
    if row.derived_by:
        text += f" Dated by: {row.derived_by}."
    return text


def _fields(point: str, end: bool = False) -> dict:
    """TimelineJS's Year/Month/Day fields for one date at its own precision (a decade as its first or last year)."""
    form = form_of(point)
    first, last = _bounds(point)
    d = last if (end and form == "decade") else first
    out = {"Year": str(d.year), "Month": "", "Day": ""}
    if form in ("month", "day"):
        out["Month"] = str(d.month)
    if form == "day":
        out["Day"] = str(d.day)
    return out


def to_timelinejs_rows(timeline: pd.DataFrame, dating: pd.DataFrame | None = None) -> pd.DataFrame:
    """The timeline in TimelineJS's spreadsheet layout (paste into its Google Sheets template).

    Each date keeps its precision: a year fills Year only, a month Year and Month; a decade or a range
    also fills End Year (End Month, End Day); an open end (``..``) leaves the end empty. Group says what dates a
    row (the essay's words, the package's inference, or checked context), and Text begins with it.

    Parameters: ``timeline`` the table from ``load_timeline``; ``dating`` optional, the table from ``load_dating``
    (an inference then names its clues in words, not only by id).
    Returns: a pandas DataFrame with the 18 columns of TimelineJS's Google Sheets template, one row per event.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> len(to_timelinejs_rows(load_timeline(essay)).columns)
    18
    """
    rows = []
    rests = rests_on_in_words(timeline, dating).str.replace(f"{INFERENCE}, from: ", "", regex=False)
    for row, rest in zip(timeline.itertuples(), rests):
        rec = dict.fromkeys(TIMELINEJS_COLUMNS, "")
        a, b = row.date.split("/") if "/" in row.date else (row.date, row.date if form_of(row.date) == "decade" else "")
        start = _fields(a)
        rec.update(start)
        if b and b != "..":
            end = _fields(b, end=True)
            rec.update({"End Year": end["Year"], "End Month": end["Month"], "End Day": end["Day"]})
        rec["Display Date"] = row.date_as_given or row.date
        rec["Headline"] = shown_label(row)
        rec["Text"] = _cite(row, rest)
        # TimelineJS draws one band per group: the essay's account dated by its words, the package's inference,
        # and checked context each have their own
        rec["Group"] = ACCOUNT[row.dated_by]
        rows.append(rec)
    return pd.DataFrame(rows, columns=TIMELINEJS_COLUMNS)


def timelinejs_preview(rows: pd.DataFrame) -> pd.DataFrame:
    """The columns of a TimelineJS sheet that this timeline fills, for showing on screen (the file keeps all 18).

    Parameters: ``rows`` the table from ``to_timelinejs_rows``.
    Returns: the same rows with only the columns this timeline fills.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> "Headline" in timelinejs_preview(to_timelinejs_rows(load_timeline(essay))).columns
    True
    """
    return rows[[c for c in rows.columns if (rows[c] != "").any()]]


def to_timelinejs_json(timeline: pd.DataFrame, title: str) -> dict:
    """The timeline in TimelineJS's JSON format: {"title": slide, "events": [slide, …]}.

    Parameters: ``timeline`` the table from ``load_timeline``; ``title`` the title slide's headline.
    Returns: a dict in TimelineJS's JSON format: {"title": …, "events": […]}.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> data = to_timelinejs_json(load_timeline(essay), "Title")
    >>> sorted(data)
    ['events', 'title']
    """
    def date_obj(rec, prefix=""):
        d = {"year": int(rec[prefix + "Year"])}
        if rec[prefix + "Month"]:
            d["month"] = int(rec[prefix + "Month"])
        if rec[prefix + "Day"]:
            d["day"] = int(rec[prefix + "Day"])
        return d

    events = []
    for rec in to_timelinejs_rows(timeline).to_dict("records"):
        slide = {"start_date": date_obj(rec), "display_date": rec["Display Date"],
                 "text": {"headline": rec["Headline"], "text": rec["Text"]}, "group": rec["Group"]}
        if rec["End Year"]:
            slide["end_date"] = date_obj(rec, "End ")
        events.append(slide)
    return {"title": {"text": {"headline": title, "text": "Each event says what dates it: the essay's words (its account), the package's inference (with the rows and clues it rests on), or context checked in a named public reference. A date is as narrow as the text and the marked context allow; a range is the span a date may fall in, not a duration."}},
            "events": events}


def write_timelinejs(timeline: pd.DataFrame, title: str, folder) -> tuple:
    """Write timeline.timelinejs.csv and timeline.timelinejs.json into ``folder``; return the two paths.

    Parameters: ``timeline`` the table from ``load_timeline``; ``title`` the title slide's headline; ``folder``
    where to write (created if missing).
    Returns: a tuple of the two paths written (the CSV and the JSON).

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> import tempfile
    >>> [p.suffix for p in write_timelinejs(load_timeline(essay), "Title", tempfile.mkdtemp())]
    ['.csv', '.json']
    """
    from pathlib import Path
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = folder / "timeline.timelinejs.csv", folder / "timeline.timelinejs.json"
    to_timelinejs_rows(timeline).to_csv(csv_path, index=False, lineterminator="\n")
    json_path.write_text(json.dumps(to_timelinejs_json(timeline, title), ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    return csv_path, json_path


# --------------------------------------------------------------------------------------------
# Coverage: every time expression of the essay has a row, or a reason in undated.csv
# --------------------------------------------------------------------------------------------

UNDATED = "undated.csv"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: years, decades and month names (case kept: "march" the noun is not a month; a month name followed by a capitalised
#: word is a first name, as "August Vogt"), found in any essay; the reading's own relative time expressions ("last
#: year", "as of this writing") are listed in its schema.yml. It does not look for tenses, or for time words outside
#: that list: it finds what it lists, not every time expression.
_DATES = rf"\b(?:1[89]\d\d|20\d\d)s?\b|\b\d0[’']s\b|\b(?:{_MONTHS})\b(?! [A-Z][a-z])"


def time_pattern(folder) -> re.Pattern:
    """The pattern ``time_expressions`` looks for: dates of any essay, and the reading's relative expressions.

    Parameters: ``folder`` the reading's folder (its schema.yml lists the relative expressions, case ignored).
    Returns: a compiled regular expression; an expression that is not a valid one is an error naming schema.yml.

    Example:
    >>> from helpers import load_essay
    >>> bool(time_pattern(load_essay().folder).search("as of this writing"))
    True
    """
    relative = vocabulary(folder, "time expressions", "relative")
    try:
        return re.compile(_DATES + "|(?i:" + "|".join(rf"\b{x}\b" for x in relative) + ")")
    except re.error as exc:
        raise AnnotationError(Path(folder) / SCHEMA, f"a relative time expression is not a regular expression "
                                                     f"({exc}).", "write it as the others are written (a | between "
                                                     "choices, (?:…) around them), or restore schema.yml from git.",
                              "time expressions") from None


def time_expressions(essay: Essay) -> pd.DataFrame:
    """Every year, decade, month and relative time expression in the essay's paragraphs, with its offsets.

    Parameters: ``essay`` the loaded essay.
    Returns: a pandas DataFrame, one row per time expression, with its paragraph and offsets.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> len(time_expressions(essay)) >= 60
    True
    """
    pattern = time_pattern(essay.folder)
    rows = [{"paragraph": int(p.paragraph), "expression": m.group(0), "start": p.start + m.start(),
             "end": p.start + m.end()}
            for p in essay.paragraphs.itertuples() for m in pattern.finditer(p.text)]
    return pd.DataFrame(rows, columns=["paragraph", "expression", "start", "end"])


def load_undated(essay: Essay) -> pd.DataFrame:
    """undated.csv: time expressions left without a timeline row, each with the reason (checked).

    Parameters: ``essay`` the loaded essay.
    Returns: a pandas DataFrame with ``expression``, ``paragraph`` and ``reason``.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> load_undated(essay).iloc[0].expression
    'current'
    """
    table = load_table(essay, UNDATED, spans=False)
    found = time_expressions(essay)
    for line, row in table.iterrows():
        hits = found[(found.paragraph.astype(str) == row.paragraph) & (found.expression == row.expression)]
        if hits.empty:
            raise said(essay.folder, UNDATED, "not an expression", line, **row)
    return table


def uncovered(essay: Essay, timeline: pd.DataFrame, undated: pd.DataFrame | None = None) -> pd.DataFrame:
    """Time expressions inside no timeline span and with no reason in undated.csv (should be empty).

    Parameters: ``essay`` the loaded essay; ``timeline`` the table from ``load_timeline``; ``undated`` the table
    from ``load_undated`` (optional).
    Returns: a pandas DataFrame of the expressions left unaccounted for; empty when the files are complete.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> uncovered(essay, load_timeline(essay), load_undated(essay)).empty
    True
    """
    found = time_expressions(essay)
    spans = list(zip(timeline.start, timeline.end))
    cited = found.apply(lambda r: any(a <= r.start and r.end <= b for a, b in spans), axis=1) if len(found) else []
    reasons = set() if undated is None else set(zip(undated.paragraph.astype(str), undated.expression))
    excused = [(str(p), e) in reasons for p, e in zip(found.paragraph, found.expression)]
    return found[~pd.Series(cited, index=found.index) & ~pd.Series(excused, index=found.index)]


# --------------------------------------------------------------------------------------------
# Dating the essay: every clue, its reference point, the range it implies and which way it pulls
# --------------------------------------------------------------------------------------------

DATING = "dating.csv"


def load_dating(essay: Essay) -> pd.DataFrame:
    """dating.csv, checked: spans in the text, ranges well formed, a reference on every context clue.

    Parameters: ``essay`` the loaded essay.
    Returns: a pandas DataFrame of the clues, with ``from_date`` and ``to_date`` added (None for an open end).

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> load_dating(essay).set_index("id").loc["D01", "pulls"]
    'bounds: not before'
    """
    path = essay.folder / DATING
    table = load_table(essay, DATING)
    froms, tos = [], []
    for line, row in table.iterrows():
        a, _, b = row.implies.partition("/")
        try:
            froms.append(_bounds(a)[0] if row.implies and a != ".." else None)
            tos.append(_bounds(b)[1] if b and b != ".." else None)
        except ValueError:
            raise said(essay.folder, DATING, "range form", f"{line} ({row.id})", implies=row.implies) from None
    table["from_date"], table["to_date"] = froms, tos
    _check_pulls(table, path)
    return table


PULL_WAYS = {"pulls earlier": ("earlier", "does not end before the limits' end", "end it where the pull ends "
                                                                                    "(2019-06 for 'the first half of 2019')"),
             "pulls later": ("later", "does not start after the limits' start", "start it where the pull starts "
                                                                               "(2019-07/.. for 'from July 2019')")}


def _check_pulls(table: pd.DataFrame, path: Path) -> None:
    """The one rule for a pull (close reading 17, D1): a clue labelled *pulls earlier* implies a range that ends
    before the limits the bounding clues set, one labelled *pulls later* a range that starts after them
    (``beyond_limits``). A pull in the reasoning's words only, with a range that adds nothing past the limits, is
    no pull: the clue is labelled *no bearing*, and its reasoning may still say where in the limits it fits best."""
    bounding = table[table.pulls.str.startswith("bounds")]
    if bounding.from_date.isna().all() or bounding.to_date.isna().all():
        return                                  # no limit on one side: nothing for a pull to go past
    beyond = beyond_limits(table)
    start, end = written_between(table)
    for line, row in table.iterrows():
        if row.pulls not in PULL_WAYS:
            continue
        way, fails, fix = PULL_WAYS[row.pulls]
        if beyond[line] not in (way, "both"):
            raise AnnotationError(
                path, f"the clue is labelled {row.pulls!r}, but its range {row.implies!r} {fails} (the bounding clues "
                      f"allow {start:%B %Y} to {end:%B %Y}): the pull is in its reasoning only.",
                f"{fix}, or, if the clue narrows nothing, set pulls to 'no bearing' and clear implies.",
                f"{line} ({row.id})")


def written_between(dating: pd.DataFrame) -> tuple[date, date]:
    """The range every bounding clue allows: the latest 'not before' and the earliest 'not after'.

    Parameters: ``dating`` the table from ``load_dating``.
    Returns: a tuple (first day, last day) as ``datetime.date``.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> written_between(load_dating(essay))
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    """
    bounding = dating[dating.pulls.str.startswith("bounds")]
    start = max(d for d in bounding.from_date if d is not None)
    end = min(d for d in bounding.to_date if d is not None)
    return start, end


def beyond_limits(dating: pd.DataFrame) -> pd.Series:
    """Which way each clue's range goes past the limits the bounding clues set: 'later', 'earlier', 'both' or ''.

    A limit is held at its own precision: "not before January 2019" is the whole of January, so a floor of
    23 January adds nothing later to it. What a pull label may claim follows from this: a clue that adds nothing
    later does not pull later (its reasoning may still say where in the limits it fits best).

    Parameters: ``dating`` the table from ``load_dating``.
    Returns: a pandas Series of those words, indexed like ``dating``.

    Example:
    >>> from helpers import load_essay
    >>> beyond = beyond_limits(load_dating(load_essay()).set_index("id"))
    >>> beyond["D09"], beyond["D05"], beyond["D01"]
    ('later', 'earlier', '')
    """
    bounding = dating[dating.pulls.str.startswith("bounds")]
    floors = [_bounds(r.implies.partition("/")[0]) for r in bounding.itertuples()
              if r.implies.partition("/")[0] not in ("", "..")]
    ceilings = [_bounds(r.implies.partition("/")[2]) for r in bounding.itertuples()
                if r.implies.partition("/")[2] not in ("", "..")]
    floor_ends = max(floors)[1]                     # the last day the latest floor can mean
    ceiling_starts = min(ceilings)[0]               # the first day the earliest ceiling can mean

    def way(row) -> str:
        later = row.from_date is not None and row.from_date > floor_ends
        earlier = row.to_date is not None and row.to_date < ceiling_starts
        return {(True, True): "both", (True, False): "later", (False, True): "earlier"}.get((later, earlier), "")
    return dating.apply(way, axis=1)


def dating_table(dating: pd.DataFrame) -> pd.DataFrame:
    """The clues as a reader sees them: paragraph, clue, reference point, range implied, which way it pulls.

    Parameters: ``dating`` the table from ``load_dating``.
    Returns: a pandas DataFrame with the columns a reader needs (id, where, clue, reference point, range, pulls,
    reasoning, source).

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> dating_table(load_dating(essay)).iloc[0]["where"]
    '¶41'
    """
    shown = dating.assign(id=dating.id.map(clue_name),
                          where=dating.paragraph.map(lambda p: "header" if p == HEADER else f"¶{p}"),
                          range=dating.implies.map(date_in_words),
                          reference_point=dating.reference_point.map(prose),
                          reasoning=dating.reasoning.map(prose))
    return shown[["id", "where", "clue", "reference_point", "range", "pulls", "reasoning", "source"]]


def derived_dates(timeline: pd.DataFrame, dating: pd.DataFrame | None = None, words: bool = True, leave_out=(),
                  writing: str | None = None) -> pd.DataFrame:
    """The derived dates (precision ``relative``) in two kinds, one table each: those the essay gives in time words
    of its own ("since", "last year", "just three months before the coup"), with those words in a column, and those
    it gives in none, dated only by what they follow or by a date from outside the essay, without that column (the
    learner review 17, issue 19: one table with the column showed "—" in most rows).

    Parameters: ``timeline`` the table from ``load_timeline``; ``dating`` the table from ``load_dating``; ``words``
    True for the rows with time words of their own, False for the others; ``leave_out``, ``writing`` as in
    ``with_account``.
    Returns: a DataFrame for ``helpers.table``: when, label, mark, (the essay's words,) steps to the date
    (no id: the label names the row).

    Example:
    >>> from helpers import load_essay
    >>> t = load_timeline(load_essay())
    >>> with_words, without = derived_dates(t), derived_dates(t, words=False)
    >>> bool(with_words["the essay's words"].str.len().gt(0).all()), "the essay's words" in without.columns
    (True, False)
    """
    relative = timeline[timeline.precision == "relative"]
    said = relative.date_as_given.fillna("").str.strip() != ""
    shown = with_account(timeline, dating, only=relative.id[said if words else ~said], leave_out=leave_out,
                         writing=writing)
    return shown[["when", "label", MARK] + (["the essay's words"] if words else []) + ["steps to the date"]]


def dated_from(timeline: pd.DataFrame, dating: pd.DataFrame | None = None, leave_out=(),
                writing: str | None = None) -> pd.DataFrame:
    """The derived dates the essay gives in time words of its own, one short line each: its words, what they count
    from, and the date they give (the learner review 27, finding 5: the same rows as blocks ran 50–90 words of steps
    each, and what each counts from was buried in them). The steps stay in ``derived_dates``.

    Parameters: ``timeline`` the table from ``load_timeline``; ``dating`` the table from ``load_dating``;
    ``leave_out``, ``writing`` as in ``with_account``.
    Returns: a DataFrame for ``helpers.table``: the essay's words, dated from, when, mark (``row_mark``), event; in
    date order. *Dated
    from* is the event the row is counted or placed from (its ``follows``, else the first row it rests on),
    "(context)" when that row is from outside the essay, or "the time of writing" when it rests on nothing else.

    Example:
    >>> from helpers import load_essay
    >>> t = dated_from(load_timeline(load_essay())).set_index("the essay's words")
    >>> t.loc["hundreds of days", "dated from"], t.loc["ever since", "dated from"], t.loc["now", "dated from"]
    ('Coup against Zelaya', 'Lobo takes office (context)', 'the time of writing')
    """
    relative = timeline[timeline.precision == "relative"]
    said = relative.id[relative.date_as_given.fillna("").str.strip() != ""]
    shown = with_account(timeline, dating, only=said, leave_out=leave_out, writing=writing)
    rows = timeline.set_index("id")
    writing_ids = {i for i in (writing, "E38") if i}

    def anchor(row) -> str:
        ids = [str(row.follows).strip()] if isinstance(row.follows, str) and row.follows.strip() else []
        ids += [i for i in str(row.rests_on or "").split(";") if re.fullmatch(r"E\d+", i.strip())]
        ids = [i.strip() for i in ids if i.strip() in rows.index and i.strip() not in writing_ids]
        if not ids:
            return "the time of writing"
        found = rows.loc[ids[0]]
        context = row_mark(found) == "context"
        return bare_label(found.label) + (" (context)" if context else "")
    shown = shown.assign(**{"dated from": [anchor(r) for r in shown.itertuples()], "event": shown.label})
    # the mark beside each date (close reader 28: without it an outside date or the package's inference read as the
    # essay's own): "essay*" is the package's inference from the essay's words, "context" from outside the essay
    return shown[["the essay's words", "dated from", "when", MARK, "event"]]


#: the order in which a worked solution weighs the clues: what bounds, what pulls earlier, later, what has no bearing
PULL_ORDER = ("bounds", "pulls earlier", "pulls later", "no bearing")


def clues_table(dating: pd.DataFrame, timeline: pd.DataFrame | None = None, brief: bool = False) -> pd.DataFrame:
    """``dating_table`` with the headers a reader needs (what the clue is, counts from, range it implies…), the
    clue's name last: the worked solution's table of every clue, in one short call.

    Parameters: ``dating`` the table from ``load_dating``; ``timeline`` the table from ``load_timeline``
    (optional): with it, a row the reasoning cites ("timeline row E43") is named by its label, not its code
    (learner review 18); ``brief`` True for the columns a worked solution's reasoning uses (where, what the clue
    is, range, pulls, source, clue), rows in ``PULL_ORDER``: each clue's own reasoning, about 20,000 characters in
    all, is left to the data (learner review 21).
    Returns: a pandas DataFrame for ``helpers.table``.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> list(clues_table(load_dating(essay)).columns)[:3]
    ['¶', 'what the clue is', 'counts from']
    >>> shown = clues_table(load_dating(essay), load_timeline(essay))
    >>> "E43" in " ".join(shown.reasoning), "(the timeline's row Lobo's wife arrested)" in " ".join(shown.reasoning)
    (False, True)
    >>> list(clues_table(load_dating(essay), brief=True).pulls)[:4]
    ['bounds: not before', 'bounds: not before', 'bounds: both', 'bounds: not after']
    """
    shown = dating_table(dating)
    if timeline is not None:
        labels = {i: re.sub(r"\s*\([^)]*\)$", "", bare_label(label)) for i, label in zip(timeline.id, timeline.label)}
        shown = shown.assign(reasoning=shown.reasoning.map(lambda t: re.sub(
            r"\btimeline rows? (E\d+)\b", lambda m: (f"the timeline's row {labels[m[1]]}" if m[1] in labels
                                                    else m[0]), t) if isinstance(t, str) else t))
    shown = shown[[c for c in shown.columns if c != "id"] + ["id"]]
    if brief:
        rank = shown.pulls.map(lambda p: PULL_ORDER.index("bounds" if p.startswith("bounds") else p))
        shown = shown.assign(_rank=rank).sort_values("_rank", kind="stable")
        shown = shown[["where", "clue", "range", "pulls", "source", "id"]]
    return shown.rename(columns={"id": "clue", "clue": "what the clue is", "where": "¶",
                                 "reference_point": "counts from", "range": "range it implies"})


def limits_in_words(dating: pd.DataFrame) -> str:
    """The range every clue that sets a limit allows (``written_between``), as a sentence.

    Parameters: ``dating`` the table from ``load_dating``.
    Returns: the sentence.

    Example:
    >>> from helpers import load_essay
    >>> limits_in_words(load_dating(load_essay()))
    'Every clue that sets a limit allows: January 2019 to December 2019.'
    """
    start, end = written_between(dating)
    return f"Every clue that sets a limit allows: {start:%B %Y} to {end:%B %Y}."


def how_dated(timeline: pd.DataFrame, dating: pd.DataFrame | None, *ids: str):
    """A few rows of the timeline with how each is dated: label, mark, when, how the date is known and how it is
    reached. A worked solution's one call (the learner review 17, issue 19: its column lists were code in sight).

    Parameters: ``timeline`` the table from ``load_timeline``; ``dating`` the table from ``load_dating``; ``ids``
    the rows' references (E25 …), shown in the timeline's order.
    Returns: a table for reading. Raises UsageError for a reference the timeline does not have.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> print(repr(how_dated(load_timeline(essay), load_dating(essay), "E09")).splitlines()[2].split()[:3])
    ['Coup', 'against', 'Zelaya']
    """
    from .display import table
    unknown = [i for i in ids if i not in set(timeline.id)]
    if not ids or unknown:
        raise UsageError(f"the timeline has no row {unknown[0]}: give the reference of one of its rows, e.g. E09"
                         if unknown else "give the reference of a row, e.g. how_dated(timeline, dating, \"E09\")")
    return table(with_account(timeline, dating, only=ids), rows="all",
                 columns=["label", MARK, "when", HOW_KNOWN, "steps to the date"])


CITED_ROW = re.compile(r"\btimeline rows? (E\d+)")


def room_clues(essay: Essay, ids) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A few clues of dating.csv, for a room that works them in a meeting (sessions.yml, a segment's ``clues``),
    and the context rows of timeline.csv their reasoning cites ("timeline row E43"): the dates from outside the
    essay those clues need, each with its named reference.

    Parameters: ``essay`` the loaded essay; ``ids`` clue ids of dating.csv, in the order the room takes them.
    Returns: (the clues as ``dating_table`` shows them, in that order; the context rows they cite, with ``when``
    (the date in words), ``event``, ``reference`` and ``clues``, the ids of the clues that need the row).

    Example:
    >>> from helpers import load_essay
    >>> clues, context = room_clues(load_essay(), ["D01", "D04"])
    >>> list(clues["where"]), list(context.index), context.loc["E43", "clues"]
    (['¶41', '¶27'], ['E43'], 'D04')
    """
    dating = load_dating(essay).set_index("id", drop=False)
    missing = [i for i in ids if i not in dating.index]
    if missing:
        raise UsageError(f"dating.csv has no clue {missing[0]}.", "name clues by their id (D01, D02, …).")
    chosen = dating.loc[list(ids)]
    timeline = load_timeline(essay).set_index("id", drop=False)
    needs: dict[str, list[str]] = {}
    for clue in chosen.itertuples():
        for row in CITED_ROW.findall(clue.reasoning):
            if row in timeline.index and timeline.loc[row, "source"] == "context":
                needs.setdefault(row, []).append(clue.id)
    context = timeline.loc[list(needs)] if needs else timeline.iloc[0:0]
    context = pd.DataFrame({"when": [date_in_words(d) for d in context.date], "event": list(context.event),
                            "reference": list(context.reference), "clues": [", ".join(needs[i]) for i in needs]},
                           index=pd.Index(list(needs), name="id"))
    return dating_table(chosen.reset_index(drop=True)), context
