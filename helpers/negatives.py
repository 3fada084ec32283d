"""Statements of what the essay does not say, registered and checked (issue #21, item 3).

A sentence such as "the essay gives no date" or "the only link ¶20 draws" is a claim about a whole stretch of
the text, and it is easy to get wrong. Every such sentence the package writes, in the reading's data files
and in the notebooks' Markdown cells, is listed in ``negatives.csv`` beside the essay, with the ¶ range it
speaks for and what in that range makes it true. ``find_statements`` finds them with the patterns below;
``check_register`` fails on one that is not registered, on a registered one that is no longer there, and on a
¶ range outside the essay. Words the package quotes from the essay are left out of the search: a negative in
the essay's own words ("There is nothing …") is the essay's, not the package's.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .anchoring import read_csv, read_yaml
from .rules import MESSAGES, SCHEMA, declaration, default_vocabulary, load_table, said
from .essay import PROJECT, Essay
from .text import fold, paragraph_numbers, sentence_spans

FILE = "negatives.csv"


def __getattr__(name: str):
    """COLUMNS and VERDICTS of the default reading, from its schema.yml."""
    if name == "VERDICTS":
        return default_vocabulary(FILE, "verdict")
    if name == "COLUMNS":
        from .essay import DEFAULT_READING, SEEDS
        return declaration(SEEDS / DEFAULT_READING, FILE)["columns"]
    raise AttributeError(name)
NOTEBOOKS = PROJECT / "notebooks"

# The one place the patterns live: (name, regular expression), matched without regard to case. Each names a
# way the package says what the essay does not say. They are tuned to statements about a text ("the essay
# names no author"), so that setup prose ("nothing to install", "never ask about status") is not caught;
# a new way of saying it belongs here, with its rows in negatives.csv.
_VERBS = (r"(?:say|name|give|date|state|define|mention|quote|tell|explain|identify|specify|cite|sign|refer|"
          r"return|list|describe|report|draw|argue|claim|assign|attribute|show|count|link|connect|use|"
          r"translate|offer|add|provide|make|call|mark)\w*")
PATTERNS = (
    ("does not say", rf"\b(?:does|do|did)\s+not\s+(?:\w+ly\s+)?{_VERBS}"),
    ("doesn't say", rf"\b(?:doesn|don|didn)[’']t\s+(?:\w+ly\s+)?{_VERBS}"),
    ("gives no, names no", r"\b(?:gives|names|says|states|offers|cites|mentions|quotes|dates|draws|provides|"
                           r"records|makes)\s+no\b"),
    ("no reason, no source", r"\bno\s+(?:reason|source|date|day|year|name|translator|author|witness|record|"
                             r"link|mention|anchor|instance|wording|count|number|sum|total|definition)s?\b"),
    ("is not something", r"\b(?:is|are)\s+not\s+(?:something|anything|a\s+thing)\b"),
    ("has no (the text)", r"\b(?:essay|text|header|paragraph|¶\d+|sentence|section|quotation|passage|it)\s+"
                          r"(?:has|carries|holds|contains)\s+no\b"),
    ("says nothing", r"\b(?:says|states|tells|names|rests|narrows|gives|adds)\s+nothing\b"
                     r"|\bnothing\s+(?:in|more|named|to look up|a reader|else)\b"),
    ("the only", r"\bthe only\b|\bonly\s+(?:one|link|mention|time|place|source)\b"),
    ("never", r"\b(?:essay|text|authors?|it|they|paragraph|¶\d+|sentence|section)\s+(?:\w+\s+)?never\b"),
    ("neither", r"\bneither\b"),
    ("not … at all", r"\bnot\b[^.;:!?]{0,60}?\bat all\b"),
    ("unnamed, not named", r"\bunnamed\b|\bnot\s+(?:\w+\s+)?named\b|\bwithout\s+(?:a|any)\s+(?:source|name|date|record)\b"),
    ("undefined, untitled", r"\b(?:undefined|undated|untitled|unsourced|unstated|unexplained)\b"),
    ("without saying", r"\bwithout\s+(?:saying|naming|giving|defining|dating|citing|explaining|stating)\b"),
    ("is silent", r"\b(?:is|are|stays|remains)\s+silent\b|\bnowhere\b"),
    # found missing by the close reading of the facilitation blocks (its "N-extra")
    ("cannot check", r"\bcannot\s+check\s+(?:it|its|either|them|this|these|any|whether|what|against)\b"
                     r"|\bnothing\s+to\s+check\b"),
    ("only summarizes", r"\bonly\s+summar\w+"),
    ("not to how, not a record", r"\bnot\s+(?:to|with)\s+how\b|\bnot\s+a\s+record\b"
                                 r"|\bnot\s+(?:his|her|their|its)\s+(?:own\s+)?words\b"),
    ("no word of, no outcome", r"\bno\s+(?:word\s+of|outcome|result)\b|\bbut\s+never\b"),
    # found missing by the tenth close reading (its register section: six statements no pattern caught)
    ("only its year", r"\bonly\s+(?:its|the|a)\s+(?:year|month|day|name|title|date)\b"),
    ("listed, not described", r"\b(?:listed|named|stated|told|reported),?\s+not\s+(?:described|argued|shown|"
                              r"quoted|explained)\b"),
    ("only through", r"\bonly\s+through\b"),
    ("not on the space, not a choice", r"\bnot\s+on\s+the\s+(?:space|evidence)\b|\bnot\s+a\s+choice\s+between\b"),
    ("quotes none", r"\b(?:quotes|names|gives|cites)\s+none\b"),
    ("no sentence", r"\bno\s+(?:other\s+)?(?:sentence|heading)\s+(?:says|assigns|names|states|gives)\b"),
)
_PATTERN = re.compile("|".join(f"(?:{p})" for _, p in PATTERNS), re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’]*’")
_ID_KEYS = ("id", "term")


def _essays_words(essay_folded: str):
    """A function that blanks, in a text, the quotations that are the essay's own words."""
    def is_essays(quoted: str) -> bool:
        parts = [p.strip(" ,.;:") for p in re.split(r"…|\.\.\.", quoted)]
        parts = [fold(p) for p in parts if p.strip(" ,.;:")]
        return bool(parts) and all(p in essay_folded for p in parts)

    def blank(text: str) -> str:
        if fold(text.strip()) and fold(text.strip()) in essay_folded:
            return " " * len(text)          # the whole value is a span of the essay
        return _QUOTED.sub(lambda m: " " * len(m.group()) if is_essays(m.group()[1:-1]) else m.group(), text)
    return blank


def matches(text: str, blank=lambda t: t) -> list[tuple[int, int]]:
    """Where the patterns find a negative statement in ``text``: (start, end) of each match.

    Parameters: ``text`` any text; ``blank`` a function that blanks the essay's own words (same length).
    Returns: a list of (start, end) offsets into ``text``.
    Example:
    >>> text = "The essay gives no date; nothing to install."
    >>> [text[a:b] for a, b in matches(text)]
    ['gives no']
    """
    return [m.span() for m in _PATTERN.finditer(blank(text))]


def _yaml_values(data, path=(), named=False):
    """(row, text) for every text in a YAML tree; the row is the nearest id above it (a claim's C84, a
    question's D06), else the path of keys, with "¶N" for an entry known by its paragraph (narrative_only)."""
    if isinstance(data, dict):
        key = next((str(data[k]) for k in _ID_KEYS if isinstance(data.get(k), (str, int))), None)
        if key:
            path, named = (key,), True
        elif not named and isinstance(data.get("paragraph"), int):
            path = path + (f"¶{data['paragraph']}",)
        for k, v in data.items():
            if k in _ID_KEYS:
                continue
            yield from _yaml_values(v, path if named else path + (str(k),), named)
    elif isinstance(data, list):
        for v in data:
            yield from _yaml_values(v, path, named)
    elif isinstance(data, str):
        yield "/".join(path), data


def _sources(folder: Path, notebooks: Path | None) -> list[tuple[str, str, str]]:
    """(file, row, text) for every text the scan covers: data files of the reading, notebooks' Markdown."""
    out = []
    for path in sorted(folder.glob("*.yml")):
        if path.name in (SCHEMA, MESSAGES):      # rules and error messages: what a file must hold, not what the essay says
            continue
        out += [(path.name, row, text) for row, text in _yaml_values(read_yaml(path))]
    for path in sorted(folder.glob("*.csv")):
        if path.name == FILE:
            continue
        table = read_csv(path, [])           # the first column names the row (id, term, expression)
        out += [(path.name, row.iloc[0], cell) for _, row in table.iterrows() for cell in row.iloc[1:]]
    from .lessons import ROUTE_SKIP_RE      # the short route's generated line under a heading says nothing of the essay
    for path in sorted(notebooks.glob("*.ipynb")) if notebooks and notebooks.is_dir() else []:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        out += [(path.name, "", re.sub(ROUTE_SKIP_RE.pattern + r"\n?\n?", "", "".join(c["source"])))
                for c in cells if c.get("cell_type") == "markdown"]
    return out


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a match: within its sentence, from the last semicolon, colon, bracket or line break
    before it to the next one."""
    a, b = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (0, len(text)))
    left = max([text.rfind(ch, a, start) for ch in ";:()\n"] + [a - 1]) + 1
    rights = [i for i in (text.find(ch, end, b) for ch in ";:()\n") if i != -1]
    return text[left:min(rights) if rights else b].strip(" ,\n").rstrip(".")


def find_statements(essay: Essay, notebooks: Path | None = NOTEBOOKS, sources: list | None = None) -> pd.DataFrame:
    """Every negative statement the package writes about the essay, found by ``PATTERNS``.

    Parameters: ``essay`` the loaded essay (its folder's data files are searched); ``notebooks`` the folder of
    notebooks whose Markdown cells are searched (None: none).
    Returns: a DataFrame with columns file, row (an id, or the path of keys in a YAML file; empty for a
    notebook), text (the whole value or cell), start, end (the match in it) and clause (the words around it).
    ``sources``: the texts to search, as ``_sources`` reads them (read here when not given).
    Example:
    >>> from helpers import load_essay
    >>> found = find_statements(load_essay())
    >>> {"argument.yml", "quotations.csv"} <= set(found.file)
    True
    """
    blank = _essays_words(fold(essay.text))
    rows = [{"file": file, "row": row, "text": text, "start": a, "end": b, "clause": _clause(text, a, b)}
            for file, row, text in (_sources(essay.folder, notebooks) if sources is None else sources)
            for a, b in matches(text, blank)]
    return pd.DataFrame(rows, columns=["file", "row", "text", "start", "end", "clause"])


def _where(text: str, statement: str) -> list[tuple[int, int]]:
    """Every place ``statement`` stands in ``text``, white space compared loosely."""
    pattern = r"\s+".join(map(re.escape, statement.split()))
    return [m.span() for m in re.finditer(pattern, text)] if pattern else []


def load_register(essay: Essay) -> pd.DataFrame:
    """negatives.csv, read and checked: verdicts from the list, each ¶ range inside the essay.

    Parameters: ``essay`` the loaded essay (the register is read from its folder).
    Returns: the register as a DataFrame of strings, indexed by spreadsheet row, with a column ``numbers``
    (the ¶ numbers each row speaks for, as a list).
    Example:
    >>> from helpers import load_essay
    >>> register = load_register(load_essay())
    >>> set(register.verdict) <= {"holds", "not about the essay"}
    True
    """
    table = load_table(essay, FILE, spans=False)
    table["numbers"] = table.paragraphs.map(paragraph_numbers)
    return table


def check_register(essay: Essay, notebooks: Path | None = NOTEBOOKS) -> pd.DataFrame:
    """The register checked against what the package now writes: nothing unregistered, nothing stale.

    Parameters: ``essay`` the loaded essay; ``notebooks`` the notebooks folder searched with the data files.
    Returns: the register (``load_register``); raises AnnotationError naming negatives.csv, the row and the fix
    for a statement no longer where the row says, or a negative statement found that no row covers.
    Example:
    >>> from helpers import load_essay
    >>> len(check_register(load_essay())) > 0
    True
    """
    register = load_register(essay)
    sources = _sources(essay.folder, notebooks)         # every data file and notebook read once for both
    found = find_statements(essay, notebooks, sources)
    texts = pd.DataFrame(sources, columns=["file", "row", "text"])
    covered: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    by_file = dict(tuple(texts.groupby("file", sort=False)))      # split once, not compared again for every row
    for line, row in register.iterrows():
        label = f"{line} ({row['file']}, {row['row']})"
        same_file = by_file.get(row["file"], texts.iloc[:0])
        if same_file.empty:
            raise said(essay.folder, FILE, "no such file", label, **row)
        if row["file"].endswith(".ipynb"):
            places = same_file[same_file.text.map(lambda t: bool(_where(t.replace("*", ""), row["row"].replace("*", ""))))]
        else:
            places = same_file[same_file.row == row["row"]]
        if places.empty:
            raise said(essay.folder, FILE, "no such place", label, **row, what="cell holding" if row["file"].endswith(
                ".ipynb") else "row")
        hit = False
        for _, place in places.iterrows():
            spans = _where(place.text, row["statement"])
            hit = hit or bool(spans)
            covered.setdefault((place.file, place.row, place.text), []).extend(spans)
        if not hit:
            raise said(essay.folder, FILE, "stale", label, **{**row, "row": row["row"] or "that cell"})
    for _, hit in found.iterrows():
        spans = covered.get((hit.file, hit.row, hit.text), [])
        if not any(a <= hit.start and hit.end <= b for a, b in spans):
            raise said(essay.folder, FILE, "no row", None, file=hit.file, clause=hit.clause, row=hit.row or
                       "(a few exact words of the cell)", where=hit.row or "a Markdown cell, first words: " + " ".join(
                           hit.text.split()[:6]))
    return register
