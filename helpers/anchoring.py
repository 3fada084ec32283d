"""Anchoring primitives: read annotation tables (CSV, YAML) and check their spans against the text.

This module imports none of the per-file loaders (quotations, timeline, figures, terms, argument …); they
import it, and ``helpers.rules`` builds the one table loader on it. ``helpers.annotations`` sits above them all
with ``load_all``.

Every annotation that says something about the essay carries an anchor: a paragraph number and an exact
span copied from essay.txt. ``check_span`` finds the span in that paragraph and, when it is not there,
fails with the file, the row and the nearest passage, so the fix is one copy-and-paste away.
"""
from __future__ import annotations

import csv
import difflib
import hashlib
import io
import pickle
from pathlib import Path

import pandas as pd
import yaml

from .errors import AnnotationError
from .essay import SAFE_LOADER, Essay
from .text import fold


HEADER = "header"   # a paragraph value for spans in the header of the file (title, series, issue)


def nearest_passage(essay: Essay, span: str, paragraph: int | None = None) -> tuple[int, str]:
    """The passage of the essay most like ``span``: (paragraph number, text of the same length).

    The named paragraph is searched first, character by character; the rest of the essay only when
    nothing there is close (the span may have been given the wrong paragraph number).

    Parameters: ``essay`` the loaded essay (``load_essay()``); ``span`` the words to look for; ``paragraph`` the
    paragraph to search first, or None for the whole essay.
    Returns: a tuple (paragraph number, passage of the essay as long as ``span``) that is most like it.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> nearest_passage(essay, "We are lossing", None)[1]
    'We are losing.'
    """
    target = fold(span)
    size = max(len(span), 1)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(target)

    def best_in(rows, step: int) -> tuple[float, tuple[int, str]]:
        best, best_score = (None, ""), -1.0
        for p in rows.itertuples():
            for i in range(0, max(len(p.text) - size, 0) + 1, step):
                window = p.text[i:i + size]
                matcher.set_seq1(fold(window))
                if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                    continue
                score = matcher.ratio()
                if score > best_score:
                    best, best_score = (int(p.paragraph), window), score
        return best_score, best

    paragraphs = essay.paragraphs
    if paragraph in paragraphs.index:
        score, best = best_in(paragraphs.loc[[paragraph]], 1)
        if score >= 0.75:
            return best
        paragraphs = paragraphs.drop(index=paragraph)
    _, best = best_in(paragraphs, max(size // 8, 1))
    return best


def check_span(essay: Essay, span, paragraph, file: str | Path, row, field: str = "span") -> tuple[int, int]:
    """Offsets (start, end) in essay.txt of ``span`` inside paragraph ``paragraph``.

    Raises AnnotationError naming the file and row, with the nearest passage, when the span is empty,
    the paragraph does not exist, or the span is not found exactly in it.

    Parameters: ``essay`` the loaded essay; ``span`` the exact words; ``paragraph`` their paragraph number;
    ``file`` and ``row`` name the annotation for an error message; ``field`` the column that holds the span.
    Returns: a tuple (start, end): the offsets of the span in essay.txt.

    Example:
    >>> from helpers import load_essay
    >>> essay = load_essay()
    >>> start, end = check_span(essay, "thousands of people", 21, "timeline.csv", 2)
    >>> essay.text[start:end]
    'thousands of people'
    """
    if not isinstance(span, str) or not span.strip():
        raise AnnotationError(file, f"'{field}' is empty.",
                              "copy the exact words from the essay into it.", row)
    if paragraph == HEADER:
        for part in essay.set_aside[essay.set_aside.part == "head"].itertuples():
            at = part.text.find(span)
            if at >= 0:
                return part.start + at, part.start + at + len(span)
        raise AnnotationError(file, f"'{field}' is not in the header of the essay file: {span[:90]!r}.",
                              "copy the exact words from the header (title, series, issue), or give a paragraph "
                              "number instead of 'header'.", row)
    try:
        if isinstance(paragraph, (bool, float)):
            raise TypeError
        n = int(paragraph)
    except (TypeError, ValueError):
        raise AnnotationError(file, f"'paragraph' is {paragraph!r}, not a paragraph number.",
                              "give the number of the paragraph the span is in (¶ numbers, as "
                              "essay.show(N) prints them).", row) from None
    if n not in essay.paragraphs.index:
        raise AnnotationError(file, f"there is no ¶{n} (paragraphs run from ¶1 to ¶{len(essay.paragraphs)}).",
                              "give the number of the paragraph the span is in.", row)
    p = essay.paragraphs.loc[n]
    at = p.text.find(span)
    if at >= 0:
        return p.start + at, p.start + at + len(span)
    elsewhere = essay.paragraphs[essay.paragraphs.text.str.contains(span, regex=False)]
    if len(elsewhere):
        m = int(elsewhere.paragraph.iloc[0])
        raise AnnotationError(file, f"'{field}' is in ¶{m}, not in ¶{n}: {span[:70]!r}.",
                              f"set paragraph to {m}.", row)
    near_n, near = nearest_passage(essay, span, n)
    folded = fold(span) in fold(p.text)
    hint = (" The words match once quotes, dashes, accents or case are ignored: copy the span from the "
            "essay rather than typing it." if folded else "")
    raise AnnotationError(file, f"'{field}' is not in the text of ¶{n}: {span[:90]!r}.{hint}",
                          f"copy the exact words from the essay. The nearest passage is in ¶{near_n}: "
                          f"{near!r}", row)


# --------------------------------------------------------------------------------------------
# Reading annotation files
# --------------------------------------------------------------------------------------------

def read_yaml(path: Path) -> dict:
    """A YAML file read safely; an error names the file and the line.

    Parameters: ``path`` the YAML file.
    Returns: a dict: the file's content (an error names the file and the line if it cannot be read).

    Example:
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.yml"
    >>> _ = p.write_text("a: 1")
    >>> read_yaml(p)
    {'a': 1}
    """
    raw = _bytes(path)
    key = (str(path), hashlib.sha256(raw).digest())
    if key in _YAML:                      # parsed before with these very bytes: a fresh copy of what it gave
        return pickle.loads(_YAML[key])
    text = _text(path, raw, "save it as UTF-8,").replace("\r\n", "\n").replace("\r", "\n")   # as read_text reads it
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise AnnotationError(path, f"is not valid YAML{line}: {getattr(exc, 'problem', exc)}.",
                              "fix that line (a span with a colon or quote in it needs \"double quotes\" "
                              "around it), or restore the file from git.") from None
    if not isinstance(data, dict):
        raise AnnotationError(path, "does not hold a mapping of sections.", "restore the file from git.")
    if len(_YAML) >= 64:                  # the oldest goes first; a reading has about ten YAML files
        del _YAML[next(iter(_YAML))]
    _YAML[key] = pickle.dumps(data)
    return pickle.loads(_YAML[key])


def _bytes(path: Path) -> bytes:
    """An annotation file's bytes; a missing file names the fix."""
    if not path.is_file():
        raise AnnotationError(path, "the annotation file is missing.", "restore it with `git checkout -- seeds/`.")
    return path.read_bytes()


def _text(path: Path, raw: bytes, save: str) -> str:
    """``raw`` decoded as UTF-8; when it is not, the fix says how to ``save`` it (or restore it)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnnotationError(path, f"is not UTF-8 text (byte {exc.start}).",
                              f"{save} or restore it with `git checkout -- seeds/`.") from None


# read_yaml's files by path and content (sha256 of the bytes), pickled: the loaders read sessions.yml, schema.yml
# and the others again and again while one handout is built, and PyYAML's constructor is Python
_YAML: dict[tuple[str, bytes], bytes] = {}


def read_csv(path: Path, required: list[str]) -> pd.DataFrame:
    """A CSV as strings (nothing guessed), indexed by row number as a spreadsheet shows them (header = 1).

    Parsed strictly: a stray quotation mark or a row with too many or too few fields is an error naming
    the row, never a silent shift of the columns.

    Parameters: ``path`` the CSV file; ``required`` the columns it must have.
    Returns: a pandas DataFrame of strings, indexed by the row number a spreadsheet shows.

    Example:
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_text(chr(10).join(["id,span", "Q1,We are losing", ""]), encoding="utf-8")
    >>> read_csv(p, ["id", "span"]).loc[2, "span"]
    'We are losing'
    """
    text = _text(path, _bytes(path), "in a spreadsheet, save as \"CSV UTF-8\";")
    fix_quotes = ("a field with a comma, quote or line break in it must be in \"double quotes\", with any quote "
                  "inside it doubled (\"\"); or restore the file with `git checkout -- seeds/`.")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    rows = []
    try:
        for record in reader:
            rows.append(record)
    except csv.Error as exc:
        raise AnnotationError(path, f"cannot be read as CSV: {exc}.", fix_quotes,
                              f"{len(rows) + 1} (line {reader.line_num} of the file)") from None
    if not rows:
        raise AnnotationError(path, "is empty.", "restore it with `git checkout -- seeds/`.")
    header, records = rows[0], [r for r in rows[1:] if any(field.strip() for field in r)]
    missing = [c for c in required if c not in header]
    if missing:
        raise AnnotationError(path, f"has no column {', '.join(missing)} (it has: {', '.join(header)}).",
                              "restore the header row (the first line); the columns are declared in the "
                              "reading's schema.yml.")
    for n, record in enumerate(records, start=2):
        if len(record) != len(header):
            raise AnnotationError(path, f"cannot be read as CSV: the row has {len(record)} fields where the "
                                        f"header has {len(header)}.", fix_quotes, n)
    table = pd.DataFrame(records, columns=header, dtype=str)
    table.index = range(2, len(table) + 2)
    return table


def check_ids(table: pd.DataFrame, path: Path, id_col: str = "id") -> None:
    """Every row has an id, and no id is used twice.

    Parameters: ``table`` an annotation table; ``path`` its file, for error messages; ``id_col`` the id column.
    Returns: None; raises AnnotationError when an id is empty or used twice.

    Example:
    >>> import pandas as pd
    >>> check_ids(pd.DataFrame({"id": ["A", "B"]}, index=[2, 3]), "x.csv") is None
    True
    """
    empty = table[table[id_col].str.strip() == ""]
    if len(empty):
        raise AnnotationError(path, f"'{id_col}' is empty.", "give the row an id like the others.", empty.index[0])
    dup = table[table[id_col].duplicated()]
    if len(dup):
        raise AnnotationError(path, f"the id {dup[id_col].iloc[0]} is used more than once.",
                              "give every row its own id.", dup.index[0])


def folded(what, numbers=None) -> str:
    """Words with quotes, dashes, accents and case folded and line breaks read as spaces: a text, or an essay's
    paragraphs (``numbers``: those alone), so that one may be looked for in the other.

    Parameters:
        what: a text, or an Essay; numbers: with an Essay, the paragraphs to read (default: all).
    Returns:
        the folded words, one space between each.
    Example:
        >>> folded("“We Are”   Losing")
        '"we are" losing'
    """
    if isinstance(what, Essay):
        what = " ".join(what.paragraphs.text if numbers is None else what.paragraphs.loc[numbers].text)
    return " ".join(fold(what).split())
