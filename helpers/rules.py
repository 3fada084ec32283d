"""One loader for every annotation table, checked against what the reading's schema.yml declares for it.

``seeds/<reading>/schema.yml`` says, for each CSV file: its columns, its id column, the columns no row may leave
empty, the words each vocabulary column allows, where its span and paragraph stand, which columns must hold the
essay's own words, which columns name rows of another file, and the rules a row keeps ("a context row names its
reference"), each with the message it gives. ``load_table`` reads a file, checks it against that declaration and
anchors its spans; the module that owns a file adds only what is particular to it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from .anchoring import anchor_rows, check_as_given, check_ids, read_csv, read_yaml
from .errors import AnnotationError
from .essay import Essay
from .schema import expect, field, items

SCHEMA = "schema.yml"
#: a value every "as given" column accepts although the essay never writes it: the essay's own authors
AUTHORS = "the authors"
_CACHE: dict[tuple[str, str], dict] = {}
_KEYS = {"columns", "id", "filled", "vocabularies", "span", "paragraph", "as_given", "references", "rules", "values"}


def _columns_in(path: Path, name: str, entry: dict, key: str, cols) -> None:
    """Every column the declaration names under ``key`` is one of its ``columns``."""
    for col in cols:
        if col not in entry["columns"]:
            raise AnnotationError(path, f"{name} {key} names the column {col!r}, which is not in its columns.",
                                  f"use one of: {', '.join(entry['columns'])}; or restore schema.yml from git.",
                                  name)


def _condition(path: Path, name: str, entry: dict, cond, where: str) -> dict:
    """A rule's ``when`` or ``then``: column -> list of values, 'filled', 'empty' or {in: another column}."""
    expect(cond, dict, path, name, where)
    _columns_in(path, name, entry, where, cond)
    for col, want in cond.items():
        if isinstance(want, dict):
            _columns_in(path, name, entry, f"{where}.{col}.in", [field(want, "in", str, path, name)])
        elif want not in ("filled", "empty"):
            expect(want, list, path, name, f"{where}.{col}")
    return cond


def _checked(path: Path, data: dict) -> dict:
    """The schema with every declaration's shape checked; a problem names schema.yml, the file and the fix."""
    out = {}
    for name, entry in data.items():
        expect(entry, dict, path, str(name), str(name))
        unknown = set(entry) - _KEYS
        if unknown:
            raise AnnotationError(path, f"{name} has an unknown key {sorted(unknown)[0]!r}.",
                                  f"use only: {', '.join(sorted(_KEYS))}; or restore schema.yml from git.", name)
        if "values" in entry:       # a vocabulary kept for code that reads no table (not a CSV file)
            out[name] = {"values": {k: [str(v) for v in expect(v, list, path, name, k)]
                                    for k, v in expect(entry["values"], dict, path, name, "values").items()}}
            continue
        e = {"name": str(name),
             "columns": [expect(c, str, path, name, "columns") for c in field(entry, "columns", list, path, name)]}
        e["id"] = entry.get("id")
        if e["id"] is not None:
            _columns_in(path, name, e, "id", [expect(e["id"], str, path, name, "id")])
        e["filled"] = items(entry, "filled", path, name)
        e["as_given"] = items(entry, "as_given", path, name)
        e["vocabularies"] = field(entry, "vocabularies", dict, path, name, default={})
        for col, words in e["vocabularies"].items():
            e["vocabularies"][col] = tuple(str(w) for w in expect(words, list, path, name, f"vocabularies.{col}"))
        e["span"] = field(entry, "span", str, path, name, default=None)
        e["paragraph"] = field(entry, "paragraph", str, path, name, default="paragraph")
        e["references"] = field(entry, "references", dict, path, name, default={})
        for col, ref in e["references"].items():
            expect(ref, dict, path, name, f"references.{col}")
            for key in ("problem", "fix"):
                field(ref, key, str, path, f"{name} references.{col}")
            files = field(ref, "file", (str, list), path, f"{name} references.{col}")
            ref["file"] = [expect(f, str, path, f"{name} references.{col}", "file")
                           for f in (files if isinstance(files, list) else [files])]
        e["rules"] = items(entry, "rules", path, name)
        for n, rule in enumerate(e["rules"], start=1):
            where = f"{name} rule {n}"
            expect(rule, dict, path, where, "rule")
            _condition(path, where, e, field(rule, "when", dict, path, where, default={}), "when")
            _condition(path, where, e, field(rule, "then", dict, path, where), "then")
            field(rule, "problem", str, path, where)
            field(rule, "fix", str, path, where)
        for key in ("filled", "as_given", "vocabularies", "references"):
            _columns_in(path, name, e, key, e[key])
        _columns_in(path, name, e, "span", [c for c in (e["span"], e["paragraph"]) if e["span"]])
        out[name] = e
    for name, e in out.items():
        for col, ref in e.get("references", {}).items():
            for file in ref["file"]:
                if not out.get(file, {}).get("id"):
                    raise AnnotationError(path, f"{name} references.{col} names {file!r}, which schema.yml declares "
                                                "with no id column.",
                                          "name a file declared here with an 'id:', or restore schema.yml from git.",
                                          name)
        for n, rule in enumerate(e.get("rules", []), start=1):
            for key in ("problem", "fix"):
                _say(path, f"{name} rule {n}", rule[key], dict.fromkeys(e["columns"], ""))
    return out


def _say(path: Path, where: str, template: str, values) -> str:
    """A rule's message with the row's values put in ({column} or {column!r}); a broken template names schema.yml."""
    try:
        return template.format(**{str(k): v for k, v in dict(values).items()})
    except (KeyError, IndexError, ValueError, AttributeError):
        raise AnnotationError(path, f"the message {template[:60]!r} names something that is not a column of the file.",
                              "write column names in {braces} ({speaker} or {speaker!r}), or restore schema.yml "
                              "from git.", where) from None


def schema(folder: Path) -> dict:
    """The reading's schema.yml, its shape checked (parsed once per content of the file).

    Parameters: ``folder`` the reading's folder (``essay.folder``).
    Returns: a dict from a file name ("timeline.csv" …) to its declaration.

    Example:
    >>> from helpers import load_essay
    >>> schema(load_essay().folder)["timeline.csv"]["id"]
    'id'
    """
    path = Path(folder) / SCHEMA
    key = (str(path), hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "")
    if key not in _CACHE:
        _CACHE[key] = _checked(path, read_yaml(path))
    return _CACHE[key]


def declaration(folder: Path, name: str) -> dict:
    """What schema.yml declares for the file ``name``; an error names schema.yml when it declares nothing.

    Parameters: ``folder`` the reading's folder; ``name`` the data file ("quotations.csv").
    Returns: the declaration (columns, id, filled, vocabularies, span, paragraph, as_given, references, rules).

    Example:
    >>> from helpers import load_essay
    >>> declaration(load_essay().folder, "figures.csv")["span"]
    'span'
    """
    found = schema(folder)
    if name not in found:
        raise AnnotationError(Path(folder) / SCHEMA, f"declares nothing for {name}.",
                              f"add an entry '{name}:' with its columns, or restore schema.yml from git.")
    return found[name]


def vocabulary(folder: Path, name: str, column: str) -> tuple:
    """The words schema.yml allows in ``column`` of ``name``, in the order it lists them.

    Parameters: ``folder`` the reading's folder; ``name`` the data file; ``column`` a vocabulary column.
    Returns: a tuple of strings.

    Example:
    >>> from helpers import load_essay
    >>> vocabulary(load_essay().folder, "timeline.csv", "source")
    ('essay', 'context')
    """
    entry = declaration(folder, name)
    words = entry["values"] if "values" in entry else entry["vocabularies"]
    if column not in words:
        raise AnnotationError(Path(folder) / SCHEMA, f"declares no vocabulary {column!r} for {name}.",
                              "restore schema.yml from git.", name)
    return tuple(words[column])


def default_vocabulary(name: str, column: str, table: pd.DataFrame | None = None) -> tuple:
    """``vocabulary`` of the reading ``table`` was loaded from (``load_table`` records it), else the default reading.

    Parameters: ``name`` the data file; ``column`` a vocabulary column; ``table`` a table from ``load_table``.
    Returns: a tuple of the words allowed, in the order schema.yml lists them.

    Example:
    >>> default_vocabulary("dating.csv", "source")
    ('essay', 'context')
    """
    from .essay import DEFAULT_READING, SEEDS
    folder = table.attrs.get("reading") if table is not None else None
    return vocabulary(Path(folder) if folder else SEEDS / DEFAULT_READING, name, column)


def _holds(row, cond: dict) -> bool:
    """True when every column of ``cond`` holds what it asks: one of the values, 'filled', 'empty', or {in: column}
    (its words stand inside that column's)."""
    for col, want in cond.items():
        if isinstance(want, dict) and row[col] not in row[want["in"]]:
            return False
        value = str(row[col]).strip()
        if want == "filled" and not value or want == "empty" and value:
            return False
        if isinstance(want, list) and value not in [str(w) for w in want]:
            return False
    return True


def _label(line, row, entry: dict) -> str:
    """How an error names a row: its spreadsheet line and, when the file has ids, its id."""
    return f"{line} ({row[entry['id']]})" if entry["id"] else line


def check_row(path: Path, entry: dict, row, label) -> None:
    """One row's vocabulary columns hold allowed words, its filled columns are filled and it keeps the rules.

    Parameters: ``path`` the data file; ``entry`` its declaration; ``row`` a row of it (a mapping of text);
    ``label`` how errors name it.
    Returns: None; raises AnnotationError naming the row, the column and the fix (which says where to add a word).

    Example:
    >>> from helpers import load_essay
    >>> entry = declaration(load_essay().folder, "dating.csv")
    >>> row = dict.fromkeys(entry["columns"], "x") | {"pulls": "pulls later", "source": "essay"}
    >>> check_row("dating.csv", entry, row, "2 (D01)") is None
    True
    """
    for col, allowed in entry["vocabularies"].items():
        if row[col] not in allowed:
            raise AnnotationError(path, f"'{col}' is {row[col]!r}.", f"use one of: {', '.join(allowed)} (or add the "
                                  f"word to {col} under {entry['name']} in {SCHEMA}).", label)
    for col in entry["filled"]:
        if not row[col].strip():
            raise AnnotationError(path, f"'{col}' is empty.", f"fill in {col}.", label)
    for rule in entry["rules"]:
        if _holds(row, rule.get("when") or {}) and not _holds(row, rule["then"]):
            raise AnnotationError(path, _say(path, label, rule["problem"], row), _say(path, label, rule["fix"], row),
                                  label)


def load_table(essay: Essay, name: str, spans: bool = True) -> pd.DataFrame:
    """The annotation file ``name`` read strictly and checked against its declaration, its spans anchored.

    In order: required columns, ids (given and unique), each row's vocabularies, filled columns and rules,
    references to other files; then every span in its paragraph and the "as given" columns in the essay.

    Parameters: ``essay`` the loaded essay; ``name`` the file ("figures.csv"); ``spans`` False for a file whose
    rows carry no span (the code that reads the others relies on its spans being anchored).
    Returns: a pandas DataFrame of strings indexed by spreadsheet row, with ``paragraph`` a number and ``start``
    and ``end`` (offsets in the text) added when the file has spans.

    Example:
    >>> from helpers import load_essay
    >>> load_table(load_essay(), "figures.csv").loc[2, "id"]
    'N01'
    """
    entry = declaration(essay.folder, name)
    if spans and not entry["span"]:
        raise AnnotationError(essay.folder / SCHEMA, f"declares no span for {name}, whose rows are anchored in the "
                                                     "essay.", "restore its 'span:' line from git.", name)
    path = essay.folder / name
    table = read_csv(path, entry["columns"])
    if entry["id"]:
        check_ids(table, path, entry["id"])
    for line, row in table.iterrows():
        check_row(path, entry, row, _label(line, row, entry))
    for col, ref in entry["references"].items():
        present = [f for f in ref["file"] if (essay.folder / f).is_file()]   # a file the reading lacks has no ids
        if not present:
            continue
        ids = [declaration(essay.folder, f)["id"] for f in present]
        known = {i for f, c in zip(present, ids) for i in read_csv(essay.folder / f, [c])[c]}
        for line, row in table.iterrows():
            for value in filter(None, (v.strip() for v in row[col].split(";"))):
                if value not in known:
                    raise AnnotationError(path, ref["problem"].replace("{ref}", repr(value)), ref["fix"],
                                          _label(line, row, entry))
    if entry["span"]:
        table = anchor_rows(essay, table, path, entry["span"], entry["id"] or "id", entry["paragraph"])
    if entry["as_given"]:
        check_as_given(essay, table, path, entry["as_given"], entry["id"] or "id", allow=(AUTHORS,))
    table.attrs["reading"] = str(essay.folder)
    return table


__all__ = ["AUTHORS", "SCHEMA", "check_row", "declaration", "default_vocabulary", "load_table", "schema", "vocabulary"]
