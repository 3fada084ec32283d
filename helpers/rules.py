"""One loader for every annotation table, checked against what the reading's schema.yml declares for it.

``seeds/<reading>/schema.yml`` says, for each CSV file: its columns, its id column, the columns no row may leave
empty, the words each vocabulary column allows, where its span and paragraph stand, which columns must hold the
essay's own words, which columns name rows of another file, and the rules a row keeps ("a context row names its
reference"), each with the message it gives. ``load_table`` reads a file, checks it against that declaration and
anchors its spans; the module that owns a file adds only what is particular to it. ``load_entries`` does the same
for a list (or mapping) of a YAML file, declared as "<file> <section>" ("ledger.yml sentences") with the types of
its fields.
"""
from __future__ import annotations

import copy
import hashlib
import re
import time
from pathlib import Path

import pandas as pd

from .anchoring import HEADER, check_ids, check_span, folded, read_csv, read_yaml
from .errors import AnnotationError
from .essay import DEFAULT_READING, PROJECT, SEEDS, Essay
from .schema import expect, field

SCHEMA = "schema.yml"
MESSAGES = "messages.yml"     # the wording of the errors of checks particular to one file (``said``)
#: a value every "as given" column accepts although the essay never writes it: the essay's own authors
AUTHORS = "the authors"
_CACHE: dict[tuple[str, str], dict] = {}
#: schema.yml's path -> (what os.stat said of it, its key in _CACHE): a file that stat shows unchanged is not read
#: and hashed again (``declaration`` asks tens of thousands of times in a test run)
_SEEN: dict[str, tuple[tuple, tuple[str, str]]] = {}
#: how long ago a file must have last changed for its stat to be trusted: a later write within the clock's tick could
#: leave size and times as they were (git's "racy" files); a file changed more recently is hashed at every call
SETTLED_NS = 2_000_000_000
#: each key of a declaration (besides "values"): the type it holds and what leaving it out means
_SHAPE = {"columns": (list, None), "id": (str, None), "filled": (list, []), "as_given": (list, []),
          "vocabularies": (dict, {}), "span": (str, None), "paragraph": (str, "paragraph"), "references": (dict, {}),
          "rules": (list, []), "types": (dict, {}), "label": (str, None), "entry": (str, None), "defaults": (dict, {}),
          "keyed": (bool, False), "required": (bool, False), "one": (bool, False), "quotes": (dict, {}),
          "chain": (dict, {}), "limits": (dict, {})}
_KEYS = set(_SHAPE) | {"values"}
#: what a field of a YAML list may be declared to hold (``types:``); a field not named there holds text
TYPES = {"text": str, "number": int, "paragraph": int, "list": list, "texts": list, "flag": bool, "words": (str, list),
         "mapping": dict, "span": dict, "spans": list, "any": object, "decimal": float, "numbers": list, "pair": dict,
         "pairs": list, "paragraphs": str}
LANGUAGES = ("en", "es")      # a pair's two texts
_QUOTED = ("quoted", "paragraphs")   # what a ``quotes`` message may name besides the entry's fields
_COUNTED = ("found", "most")          # what a ``limits`` message may name besides the entry's fields
WORDS = "words"                       # a limit ``of: words`` counts a text's words; any other ``of``, its occurrences
WHOLE = "(file)"              # "<file> (file)" declares the file's own top-level keys, as one entry
SECTIONS = "essay sections"     # a reference to the essay's headings (argument.yml points name them)


def _bad(path: Path, name, problem: str, fix: str) -> AnnotationError:
    """The error for a declaration of schema.yml that is misshapen: its problem, and the fix or restoring the file."""
    return AnnotationError(path, problem, f"{fix}; or restore schema.yml from git.", name)


def _columns_in(path: Path, name: str, entry: dict, key: str, cols) -> None:
    """Every column the declaration names under ``key`` is one of its ``columns``."""
    for col in (c for c in cols if c not in entry["columns"]):
        raise _bad(path, name, f"{name} {key} names the column {col!r}, which is not in its columns.",
                   f"use one of: {', '.join(entry['columns'])}")


def _condition(path: Path, name: str, entry: dict, cond, where: str) -> dict:
    """A rule's ``when`` or ``then``: column -> list of values, 'filled', 'empty', {in: another column}, {has: words}
    or {at_least: a number}."""
    expect(cond, dict, path, name, where)
    _columns_in(path, name, entry, where, cond)
    for col, want in cond.items():
        if isinstance(want, dict) and set(want) - {"in"}:
            if len(want) != 1 or not set(want) <= {"has", "at_least"}:
                raise _bad(path, name, f"{name} {where}.{col} holds {want!r}.", "write {in: a column}, {has: words} "
                           "or {at_least: a number}")
            expect(*want.values(), str if "has" in want else (int, float), path, name, f"{where}.{col}.{[*want][0]}")
        elif isinstance(want, dict):
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
            raise _bad(path, name, f"{name} has an unknown key {sorted(unknown)[0]!r}.",
                       f"use only: {', '.join(sorted(_KEYS))}")
        if "values" in entry:       # a vocabulary kept for code that reads no table (not a CSV file)
            out[name] = {"values": {k: [str(v) for v in expect(v, list, path, name, k)]
                                    for k, v in expect(entry["values"], dict, path, name, "values").items()}}
            continue
        e = {"name": str(name)} | {key: field(entry, key, kind, path, name, **({} if key == "columns" else {
            "default": copy.copy(default)})) for key, (kind, default) in _SHAPE.items()}
        e["columns"] = [expect(c, str, path, name, "columns") for c in e["columns"]]
        said = {col: v for col, v in e["vocabularies"].items() if isinstance(v, dict)}   # a vocabulary's own message
        e["said"] = {col: _said(path, f"{name} vocabularies.{col}", v) for col, v in said.items()}
        e["vocabularies"] = {col: tuple(str(w) for w in expect(field(words, "words", list, path, name) if col in said
                                                               else words, list, path, name, f"vocabularies.{col}"))
                             for col, words in e["vocabularies"].items()}
        for col, ref in e["references"].items():
            where = f"{name} references.{col}"
            _said(path, where, expect(ref, dict, path, name, f"references.{col}"))
            files = field(ref, "file", (str, list), path, where)
            ref["file"] = [expect(f, str, path, where, "file") for f in (files if isinstance(files, list) else [files])]
            ref["also"] = [str(i) for i in field(ref, "also", list, path, where, default=[])]
        for col, kind in ((c, k) for c, k in e["types"].items() if k not in TYPES):
            raise _bad(path, name, f"{name} types gives {col!r} the type {kind!r}.", f"use one of: {', '.join(TYPES)}")
        for n, rule in enumerate(e["rules"], start=1):
            where = f"{name} rule {n}"
            expect(rule, dict, path, where, "rule")
            _condition(path, where, e, field(rule, "when", dict, path, where, default={}), "when")
            _condition(path, where, e, field(rule, "then", dict, path, where), "then")
            _said(path, where, rule, e["columns"])
        for col, q in e["quotes"].items():
            where = f"{name} quotes.{col}"
            if len(field(expect(q, dict, path, where, "quotes"), "marks", str, path, where)) != 2:
                raise _bad(path, name, f"{where} gives the marks {q['marks']!r}.",
                           "write the opening and the closing mark, like '“”'")
            _said(path, where, q, [*e["columns"], *_QUOTED])
            _columns_in(path, name, e, f"quotes.{col}.within", [q["within"]] if q.get("within") else [])
        for col, limits in e["limits"].items():
            where = f"{name} limits.{col}"
            _columns_in(path, name, e, "limits", [col])
            for n, limit in enumerate(expect(limits, list, path, where, "limits"), start=1):
                expect(limit, dict, path, f"{where}[{n}]", "limit")
                field(limit, "of", str, path, f"{where}[{n}]")
                field(limit, "most", int, path, f"{where}[{n}]")
                _condition(path, where, e, field(limit, "when", dict, path, f"{where}[{n}]", default={}), "when")
                _said(path, f"{where}[{n}]", limit, [*e["columns"], *_COUNTED])
        if e["chain"]:      # a column that names another row of the file: following it never comes round again
            _said(path, f"{name} chain", e["chain"])
            _columns_in(path, name, e, "chain", [field(e["chain"], "column", str, path, f"{name} chain")])
        if (e["keyed"] or e["chain"]) and not e["id"]:
            raise AnnotationError(path, f"{name} {'is keyed by id' if e['keyed'] else 'declares a chain'} but names "
                                  "no id.", "add 'id:' with the column that holds each entry's key, or restore "
                                  "schema.yml from git.", name)
        for key in ("id", "filled", "as_given", "vocabularies", "references", "types", "defaults", "quotes"):
            _columns_in(path, name, e, key, [e["id"]] if key == "id" and e["id"] else [] if key == "id" else e[key])
        _columns_in(path, name, e, "span", [c for c in (e["span"], e["paragraph"]) if e["span"]])
        out[name] = e
    for name, e in out.items():
        for col, ref in e.get("references", {}).items():
            for file in ref["file"]:
                if not ("/" in file or file == SECTIONS or "." in file.partition(" ")[2]     # a mapping's keys
                        or out.get(file, {}).get("id")):
                    raise AnnotationError(path, f"{name} references.{col} names {file!r}, which schema.yml declares "
                                                "with no id column.", "name a file declared here with an 'id:', or "
                                          "restore schema.yml from git.", name)
    return out


def _said(path: Path, where: str, declared: dict, names: list | None = None) -> tuple[str, str]:
    """A declaration's own message, its problem and fix: text, and (given ``names``) naming no other {field}."""
    said = tuple(field(declared, k, str, path, where) for k in ("problem", "fix"))
    return said if names is None else tuple(_say(path, where, t, dict.fromkeys(names, "")) for t in said)


def _say(path: Path, where: str, template: str, values) -> str:
    """A rule's message with the row's values put in ({column} or {column!r}); a broken template names its file."""
    try:
        return template.format(**{str(k): v for k, v in dict(values).items()})
    except (KeyError, IndexError, ValueError, AttributeError):
        raise AnnotationError(path, f"the message {template[:60]!r} names something that is not a column of the file.",
                              "write column names in {braces} ({speaker} or {speaker!r}), or restore "
                              f"{Path(path).name} from git.", where) from None


def schema(folder: Path) -> dict:
    """The reading's schema.yml, its shape checked (parsed once per content of the file; not read again while
    os.stat shows it unchanged and it last changed more than SETTLED_NS ago).

    Parameters: ``folder`` the reading's folder (``essay.folder``).
    Returns: a dict from a file name ("timeline.csv" …) to its declaration.

    Example:
    >>> from helpers import load_essay
    >>> schema(load_essay().folder)["timeline.csv"]["id"]
    'id'
    """
    path = Path(folder) / SCHEMA
    st = path.stat() if path.is_file() else None
    stat = st and (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if stat and _SEEN.get(str(path), ((),))[0] == stat:
        return _CACHE[_SEEN[str(path)][1]]
    key = (str(path), hashlib.sha256(path.read_bytes()).hexdigest() if st else "")
    if key not in _CACHE:
        _CACHE[key] = _checked(path, read_yaml(path))
    if stat and time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > SETTLED_NS:   # stat was read before the
        _SEEN[str(path)] = (stat, key)                 # bytes: a write between the two changes the next call's stat
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


def messages(folder: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """The reading's messages.yml, its shape checked: declaration -> message key -> (problem, fix).

    Parameters: ``folder`` the reading's folder.
    Returns: a dict of dicts of pairs of text; an error names messages.yml and the message that is misshapen.

    Example:
    >>> from helpers import load_essay
    >>> messages(load_essay().folder)["timeline.csv"]["no such date"][1]
    'check the month and day.'
    """
    file = Path(folder) / MESSAGES
    return {name: {key: _said(file, f"{name}: {key}", expect(words, dict, file, f"{name}: {key}", key))
                   for key, words in expect(said, dict, file, name, name).items()}
            for name, said in read_yaml(file).items()}


def said(folder: Path, name: str, key: str, label=None, path: Path | None = None, /, **values) -> AnnotationError:
    """The error messages.yml words as ``key`` under ``name``, with ``values`` put in its {names}: what a loader raises
    for a check particular to its file (``raise said(essay.folder, "timeline.csv", "no such date", label,
    date=row.date)``), so the wording is data beside the file's declaration, not written in the code. messages.yml is
    read here, when a check fails, and by ``python -m helpers check``; never by a notebook, which rewording leaves
    up to date.

    Parameters: ``folder`` the reading's folder; ``name`` the declaration; ``key`` the message; ``label`` the row;
    ``path`` the file the error names (default: the declaration's own file); ``values`` what its {names} stand for.
    Returns: the AnnotationError (or raises one naming messages.yml when it words no such message, or what is not
    given).

    Example:
    >>> from helpers import load_essay
    >>> said(load_essay().folder, "undated.csv", "not an expression", 3, expression="then", paragraph=9).problem
    "the expression 'then' is not a time expression of ¶9."
    """
    return AnnotationError(path or Path(folder) / name.partition(" ")[0], *worded(folder, name, key, **values), label)


def worded(folder: Path, name: str, key: str, /, **values) -> tuple[str, str]:
    """The problem and fix messages.yml words as ``key`` under ``name``, with ``values`` put in their {names}: for a
    check that reports more than one finding (``workshop.spanish_problems``) or raises another error than an
    AnnotationError (``workshop.agenda``).

    Parameters: as ``said``'s. Returns: (problem, fix); raises an AnnotationError naming messages.yml when it words no
    such message.

    Example:
    >>> from helpers import load_essay
    >>> worded(load_essay().folder, "timeline.csv", "no such date", date="2019-02-30")[1]
    'check the month and day.'
    """
    file, where = Path(folder) / MESSAGES, f"{name}: {key}"
    words = messages(folder).get(name, {}).get(key)
    if words is None:
        raise AnnotationError(file, f"words no message {key!r} for {name}.", "restore messages.yml from git.", name)
    problem, fix = (_say(file, where, t, values) for t in words)
    return problem, fix


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
    folder = table.attrs.get("reading") if table is not None else None
    return vocabulary(Path(folder) if folder else SEEDS / DEFAULT_READING, name, column)


def _holds(row, cond: dict) -> bool:
    """True when every column of ``cond`` holds what it asks: one of the values, 'filled', 'empty', {in: column}
    (its words stand inside that column's), {has: words} (it holds them) or {at_least: N} (empty, or N or more)."""
    for col, want in cond.items():
        if isinstance(want, dict) and not (row[col] in row[want["in"]] if "in" in want else want["has"] in row[col]
                                           if "has" in want else _at_least(row[col], want["at_least"])):
            return False
        value = str(row[col]).strip()
        if want == "filled" and not value or want == "empty" and value:
            return False
        if isinstance(want, list) and value not in [str(w) for w in want]:
            return False
    return True


def _at_least(value, least) -> bool:
    """A rule's {at_least: N}: the value is empty (``filled`` asks for one) or a number of N or more."""
    try:
        return not str(value).strip() or float(value) >= least
    except ValueError:
        return False


def counted(text: str, of: str) -> int:
    """What a declared limit counts in ``text``: its words (``of: words``), else how often ``of`` stands in it as a
    word or phrase of its own (case and the apostrophe's shape ignored), as "if" in "If so, and if not".

    Parameters: ``text`` the value checked; ``of`` what the limit counts ("words", or a word or phrase).
    Returns: the count, a whole number.

    Example:
    >>> counted("If so, does it hold? And if not?", "if"), counted("Why the package's reading?", "package's reading")
    (2, 1)
    >>> counted("Qué significa? Sí, si lo hace.", "si"), counted("One two  three", "words")
    (1, 3)
    """
    if of == WORDS:
        return len(text.split())
    text, of = (t.replace("\u2019", "'") for t in (text, of))
    left = r"(?<!\w)" if of[:1].isalnum() else ""
    right = r"(?!\w)" if of[-1:].isalnum() else ""
    return len(re.findall(left + re.escape(of) + right, text, flags=re.I))


def _label(line, row, entry: dict) -> str:
    """How an error names a row: its spreadsheet line and, when the file has ids, its id (or as ``label`` says:
    {line} and the row's columns)."""
    if entry["label"]:
        return entry["label"].format(line=line, **row)
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
    for col in entry["filled"]:
        if not (row[col] if isinstance(row[col], list) else row[col].strip()):    # a YAML list: empty or not
            raise AnnotationError(path, f"'{col}' is empty.", f"fill in {col}.", label)
    for col, allowed in entry["vocabularies"].items():
        for word in row[col] if isinstance(row[col], list) else [row[col]]:     # a YAML list: each of its words
            if word not in allowed:
                problem, fix = entry.get("said", {}).get(col) or (f"'{col}' is {{ref}}.", "use one of: {known} (or "
                                                                  f"add the word to {col} under {entry['name']} in {SCHEMA}).")
                raise AnnotationError(path, problem.replace("{ref}", repr(word)),
                                      fix.replace("{known}", ", ".join(allowed)), label)
    for col, limits in entry.get("limits", {}).items():
        for limit in limits:
            found = counted(str(row[col] or ""), limit["of"])
            if found > limit["most"] and _holds(row, limit.get("when") or {}):
                values = {**row, "found": found, "most": limit["most"]}
                raise AnnotationError(path, _say(path, label, limit["problem"], values),
                                      _say(path, label, limit["fix"], values), label)
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
    labels = [_label(line, row, entry) for line, row in table.iterrows()]
    for label, (_, row) in zip(labels, table.iterrows()):
        check_row(path, entry, row, label)
        for col, kind in entry["types"].items():
            _value(essay, kind, row[col], path, label, col)
        _quotes(essay, entry, row, path, label)
    _references(essay, entry, table, path, labels)
    if entry["span"]:     # every span in its paragraph: the paragraph as a number, and the span's offsets
        at = [check_span(essay, row[entry["span"]], row[entry["paragraph"]], path, label, entry["span"])
              for label, (_, row) in zip(labels, table.iterrows())]
        table[entry["paragraph"]] = [p if p == HEADER else int(p) for p in table[entry["paragraph"]]]
        table["start"], table["end"] = [s for s, _ in at], [e for _, e in at]
    body = folded(essay) if entry["as_given"] else ""
    for label, (_, row), col in ((la, r, c) for la, r in zip(labels, table.iterrows()) for c in entry["as_given"]):
        for part in filter(None, (p.strip() for p in str(row[col]).split(";"))):    # each part the essay's words
            if part != AUTHORS and folded(part) not in body:
                raise AnnotationError(path, f"'{col}' is {part!r}, which is not how the essay puts it.",
                                      "use the essay's own words (they are checked against the text), or leave it "
                                      "empty when the essay does not say.", label)
    table.attrs["reading"] = str(essay.folder)
    return table


def anchored(essay: Essay, value, path: Path, label: str, col: str) -> dict:
    """A ``{paragraph: N, span: "exact words"}`` field anchored in the essay: paragraph, span, start, end.

    Parameters: ``essay`` the loaded essay; ``value`` the field's value; ``path``, ``label`` name the file and the
    entry in a message; ``col`` the field.
    Returns: a dict (paragraph, span, start, end); raises AnnotationError naming the entry and the fix.

    Example:
    >>> from helpers import load_essay
    >>> anchored(load_essay(), {"paragraph": 21, "span": "thousands of people"}, "x.yml", "x[1]", "s")["paragraph"]
    21
    """
    if not isinstance(value, dict) or "span" not in value or "paragraph" not in value:
        raise AnnotationError(path, f"'{col}' needs a paragraph and a span.",
                              f"write it as {col}: {{paragraph: N, span: \"exact words\"}}.", label)
    start, end = check_span(essay, value["span"], value["paragraph"], path, label, f"{col}.span")
    return {"paragraph": int(value["paragraph"]), "span": value["span"], "start": start, "end": end}


def _ids(essay: Essay, name: str, file: str, data: dict) -> list[str]:
    """The ids of a CSV file, of a YAML list ("ledger.yml kinds"; from ``data`` when it is in ``file``) or of the
    project's files a pattern with a "/" matches ("notebooks/[0-9][0-9]_*.ipynb": each file's name, no suffix), or the
    essay's headings ("essay sections")."""
    if "/" in name:
        return sorted(p.stem for p in PROJECT.glob(name))
    if name == SECTIONS:
        return list(essay.sections.section)
    other, _, section = name.partition(" ")
    if not section:
        column = declaration(essay.folder, name)["id"]
        return list(read_csv(essay.folder / name, [column])[column])
    raw = data if other == file and section in data else read_yaml(essay.folder / other)
    for key in section.split("."):      # "sessions.yml spanish.topics_es": a mapping inside another
        raw = raw.get(key) if isinstance(raw, dict) else None
    if isinstance(raw, dict):           # a mapping: its keys that hold something
        return [str(k) for k, v in raw.items() if v is not None and str(v).strip()]
    return [str(e.get(declaration(essay.folder, name)["id"])) for e in raw or [] if isinstance(e, dict)]


def _references(essay: Essay, entry: dict, table: pd.DataFrame, path: Path, labels: list, file: str = "",
                data: dict | None = None) -> None:
    """Every id a reference column names (one, a list, or several separated by ";") is one of the file's it names
    (or one of the ids the reference names ``also``); then the declared chain (``_chains``)."""
    for col, ref in entry["references"].items():
        present = [f for f in ref["file"] if "/" in f or f == SECTIONS or
                   (essay.folder / f.partition(" ")[0]).is_file()]
        known = list(dict.fromkeys([*ref["also"], *(i for f in present for i in _ids(essay, f, file, data))]))
        for label, value in zip(labels, table[col] if present else []):
            for v in filter(None, (str(v).strip() for v in (value if isinstance(value, list) else
                                                            str(value).split(";")))):
                if v not in known:      # {ref} the value quoted, {value} as written, {known} the ids there are
                    raise AnnotationError(path, ref["problem"].replace("{ref}", repr(v)),
                                          ref["fix"].replace("{known}", ", ".join(known)).replace("{value}", v), label)
    _chains(path, entry, table, labels)


def _chains(path: Path, entry: dict, table: pd.DataFrame, labels: list) -> None:
    """Following the declared ``chain`` column from row to row (while it names a row of the file) never comes back to
    a row it passed: the chain ends outside the file (argument.yml: at a point or the thesis)."""
    parent = dict(zip(table[entry["id"]], table[entry["chain"]["column"]])) if entry["chain"] else {}
    for label, first in zip(labels, parent):     # the ids are unique (checked before)
        seen, at = [first], parent[first]
        while at in parent:
            if at in seen:
                raise AnnotationError(path, entry["chain"]["problem"].replace("{chain}", " → ".join(seen + [at])),
                                      entry["chain"]["fix"], label)
            seen, at = seen + [at], parent[at]


def _quotes(essay: Essay, entry: dict, rec: dict, path: Path, label: str) -> None:
    """What a field puts between its declared quotation marks (``quotes``) is the essay's own words: in the
    paragraphs of its ``within`` spans, when declared, else anywhere in the essay (quotes, dashes, case folded)."""
    for col, q in entry["quotes"].items():
        left, right = map(re.escape, q["marks"])
        texts = rec[col] if isinstance(rec[col], list) else [rec[col]]
        numbers = rec[f"{q['within']}_paragraphs"] if q.get("within") else list(essay.paragraphs.index)
        words = folded(essay, numbers)
        for quoted in (w for t in texts for w in re.findall(f"{left}([^{right}]+){right}", str(t))):
            if folded(quoted) not in words:
                values = {**rec, "quoted": quoted, "paragraphs": ", ".join(f"¶{n}" for n in numbers)}
                raise AnnotationError(path, _say(path, label, q["problem"], values),
                                      _say(path, label, q["fix"], values), label)


def _paragraphs(essay: Essay, value: str, path: Path, label: str, col: str) -> list[int]:
    """The ¶ numbers a text names ("¶10–¶13, ¶51"), every one a paragraph of the essay."""
    from .text import paragraph_numbers
    last = int(essay.paragraphs.paragraph.max())
    fix = f"write ¶ numbers of the essay (¶1 to ¶{last}), like ¶20 or ¶19–¶26, several separated by commas."
    try:
        numbers = paragraph_numbers(value)
        if not numbers:
            raise ValueError(value)
    except ValueError as exc:
        raise AnnotationError(path, f"'{col}' has {exc.args[0]!r}, which is not a ¶ number or range.", fix,
                              label) from None
    outside = [n for n in numbers if n not in essay.paragraphs.index]
    if outside:
        raise AnnotationError(path, f"'{col}' names ¶{outside[0]}, outside the essay (¶1 to ¶{last}).", fix, label)
    return numbers


def _value(essay: Essay, kind: str, value, path: Path, label: str, col: str) -> dict:
    """One field of a YAML entry checked as its declared type says: {col: value} (and a span's ¶ numbers)."""
    if value is None or isinstance(value, (str, list, dict)) and not value:    # a span left out: NaN in the table
        return {} if kind == "span" else {col: [], f"{col}_paragraphs": []} if kind == "spans" else {col: (
            [] if kind in ("list", "texts", "words", "numbers", "pairs") else False if kind == "flag" else
            None if kind in ("number", "paragraph", "decimal") else "")}
    if kind in ("span", "spans"):
        found = [anchored(essay, v, path, label, col) for v in
                 (expect(value, list, path, label, col) if kind == "spans" else [value])]
        spans, paragraphs = [a["span"] for a in found], [a["paragraph"] for a in found]
        return {col: spans, f"{col}_paragraphs": paragraphs} if kind == "spans" else \
            {col: spans[0], f"{col}_paragraph": paragraphs[0]}
    if kind == "paragraph" and (not isinstance(value, int) or value not in essay.paragraphs.index):
        raise AnnotationError(path, f"{col} {value!r} is not a paragraph of the essay.",
                              f"use a ¶ number from 1 to {int(essay.paragraphs.paragraph.max())}.", label)
    if kind == "paragraphs":
        _paragraphs(essay, expect(value, str, path, label, col), path, label, col)
    if kind in ("pair", "pairs"):      # {en: …, es: …}, both filled: a text in English and Spanish
        value = [{lang: field(expect(v, dict, path, label, col), lang, str, path, f"{label}, {col}" + (
            f"[{i}]" if kind == "pairs" else "")) for lang in LANGUAGES}
                 for i, v in enumerate(expect(value, list, path, label, col) if kind == "pairs" else [value], start=1)]
        return {col: value if kind == "pairs" else value[0]}
    value = value if kind == "any" else expect(value, TYPES[kind], path, label, col)
    if kind in ("texts", "numbers"):
        value = [expect(v, str if kind == "texts" else int, path, label, col) for v in value]
    return {col: " ".join(value.split()) if kind == "text" else [value] if kind == "words" and
            isinstance(value, str) else value}


def load_entries(essay: Essay, name: str, data: dict | None = None, within: str = "") -> pd.DataFrame:
    """A list (or mapping) of a YAML file checked against what schema.yml declares for it, as for a table.

    schema.yml names it "<file> <section>" ("ledger.yml sentences") and declares its fields (``columns``), their
    ``types`` (text unless said: number, list, flag, words, span {paragraph, span} anchored in the essay, spans a
    list of them), the entry's ``id``, ``filled`` fields, ``vocabularies``, ``references`` (to a file or to another
    list, "ledger.yml kinds"; the fix may list the ids known: {known}) and ``rules``, and, for YAML: the ``label`` an
    error names an entry by ({n} its number, {id}), the ``entry`` word for a misshapen one, ``keyed: true`` for a
    mapping from id to entry and ``required: true`` for a section the file must have. An entry's own ``span`` and
    ``paragraph`` fields are anchored when ``span:`` is declared.

    Parameters: ``essay`` the loaded essay; ``name`` the declaration ("discussion.yml questions"); ``data`` the
    file already read (``read_yaml``), to read it once.
    Returns: a DataFrame, one row per entry: ``row`` (its label), every declared column (text with its spaces
    folded; a span field's words, with ``<field>_paragraph``; a spans field's list, with ``<field>_paragraphs``),
    and ``start``/``end`` when the entry is anchored itself.

    Example:
    >>> from helpers import load_essay
    >>> load_entries(load_essay(), "ledger.yml kinds").loc[0, "row"]
    'kinds.heading'
    """
    entry = declaration(essay.folder, name)
    file, _, section = name.partition(" ")
    path = essay.folder / file
    data = read_yaml(path) if data is None else data
    raw = data if section == WHOLE else data.get(section)
    if entry["required"] and not raw:
        raise AnnotationError(path, f"has no '{section}:' section.", "restore it from git.")
    raw = (expect(raw, dict if entry["keyed"] or entry["one"] else list, path, section, section) if raw
           else {} if entry["keyed"] else [])   # an empty keyed section is an empty mapping (a property test found it)
    raw = [raw] if entry["one"] and raw else raw                # a mapping that holds one entry
    default = section if entry["one"] else f"{section}.{{id}}" if entry["keyed"] else f"{section}[{{n}}]" + (
        " ({id})" if entry["id"] else "")
    rows = []
    for n, (key, item) in enumerate(raw.items() if entry["keyed"] else ((None, e) for e in raw), start=1):
        label = (entry["label"] or default).format(n=n, within=within, id=key if entry["keyed"] else
                                                   item.get(entry["id"], "?") if isinstance(item, dict) else "?")
        expect(item, dict, path, label, entry["entry"] or f"{section} entry")
        rec = {"row": label} | ({entry["id"]: str(key)} if entry["keyed"] else {})
        if entry["span"]:
            start, end = check_span(essay, item.get(entry["span"]), item.get(entry["paragraph"]), path, label,
                                    entry["span"])
            rec.update({entry["span"]: item[entry["span"]], entry["paragraph"]: int(item[entry["paragraph"]]),
                        "start": start, "end": end})
        for col in (c for c in entry["columns"] if c not in rec):
            rec.update(_value(essay, entry["types"].get(col, "text"), item.get(col, entry["defaults"].get(col)),
                              path, label, col))
        check_row(path, entry, {c: v if isinstance(v, list) and c in entry["vocabularies"] else "" if v is None or
                                isinstance(v, list) and not v else str(v) for c, v in
                                {**dict.fromkeys(entry["columns"]), **rec}.items()}, label)
        _quotes(essay, entry, rec, path, label)
        rows.append(rec)
    also = {"span": "_paragraph", "spans": "_paragraphs"}       # a span field's ¶ numbers follow it
    columns = [x for c in entry["columns"] for x in dict.fromkeys([c, c + also.get(entry["types"].get(c), "")])]
    table = pd.DataFrame(rows, columns=["row", *columns, *(["start", "end"] if entry["span"] else [])])
    if entry["id"] and not entry["keyed"]:
        check_ids(table.set_index("row"), path, entry["id"])
    _references(essay, entry, table, path, list(table.row), file, data)
    table.attrs["reading"] = str(essay.folder)
    return table


def load_one(essay: Essay, name: str, data: dict | None = None) -> dict:
    """``load_entries`` for a mapping declared ``one: true``: its one entry, as a dict of plain Python values.

    Parameters: ``essay`` the loaded essay; ``name`` the declaration ("facilitation.yml hub_sizing"); ``data`` the
    file already read, or a mapping that holds the entry under the declared section.
    Returns: a dict from each declared field to its checked value (empty when the section is absent).

    Example:
    >>> from helpers import load_essay
    >>> load_one(load_essay(), "facilitation.yml hub_sizing")["group_sizes"]
    [10, 20, 30]
    """
    return (load_entries(essay, name, data).drop(columns="row").to_dict("records") or [{}])[0]


__all__ = ["AUTHORS", "SCHEMA", "anchored", "check_row", "declaration", "default_vocabulary", "load_entries", "load_one", "load_table",
           "MESSAGES", "messages", "said", "schema", "vocabulary"]
