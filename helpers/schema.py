"""Checks of shape for values read from YAML: a mapping where a mapping belongs, text where text belongs.

YAML is forgiving to write and easy to get subtly wrong (a list where one value was meant, a number for a
text, a missing colon). ``field`` returns the value when it has the right type and otherwise raises the
file's own kind of error naming the file, the row, the field and what it should hold.
"""
from __future__ import annotations

from typing import Any

from .errors import AnnotationError, HelperError

_NAMES = {dict: "a mapping (key: value lines)", list: "a list (lines starting with -)", str: "text",
          int: "a whole number", float: "a number"}
_MISSING = object()


def expect(value: Any, kind: type | tuple[type, ...], file, row, name: str,
           error: type[HelperError] = AnnotationError) -> Any:
    """``value`` if it is of ``kind`` (bool is not a number here), else a plain error.

    Parameters:
        value: what the file holds; kind: the type (or types) it should have; file, row, name: where it
        is, for the message; error: the kind of HelperError to raise.
    Returns:
        ``value`` itself; raises ``error`` naming the file, the row and the fix when it has the wrong type.
    Example:
        >>> expect("Honduras", str, "terms.csv", "row 3", "name")
        'Honduras'
    """
    kinds = kind if isinstance(kind, tuple) else (kind,)
    ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
    if int in kinds and isinstance(value, float):
        ok = False
    if float in kinds and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    if str in kinds and isinstance(value, str) and not value.strip():
        ok = False
    if not ok:
        want = " or ".join(_NAMES.get(k, k.__name__) for k in kinds)
        shown = "nothing" if value is None or value == "" else repr(value)[:60]
        raise error(file, f"'{name}' should be {want}, but it is {shown}.",
                    f"write {name} as {want}, like the other entries in the file.", row)
    return value


def field(mapping: dict, key: str, kind, file, row, error: type[HelperError] = AnnotationError,
          default: Any = _MISSING) -> Any:
    """``mapping[key]`` checked with ``expect``; a missing key gives ``default`` when one is given.

    Parameters:
        mapping: one entry of a YAML file; key: the field to read; kind: its type; file, row: where it
        is, for the message; error: the kind of HelperError; default: what a missing field means.
    Returns:
        the value, checked; raises ``error`` (naming the file, the row and the fix) when it is missing.
    Example:
        >>> field({"minutes": 10}, "minutes", int, "sessions.yml", "segment 1")
        10
    """
    if key not in mapping or mapping[key] is None or mapping[key] == "":
        if default is not _MISSING:
            return default
        raise error(file, f"'{key}' is missing.", f"add '{key}:' to this entry.", row)
    return expect(mapping[key], kind, file, row, key, error)

