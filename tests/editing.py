"""Break a copy of the reading on purpose, and catch the error it gives."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import helpers


# libyaml's emitter and parser: the property tests write and read a YAML file hundreds of times, and PyYAML's
# pure-Python emitter took two thirds of their time (cProfile). Same documents, same safe subset.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def fast_dump(value, **options) -> str:
    """``yaml.safe_dump`` through libyaml when it is there."""
    return yaml.dump(value, Dumper=_DUMPER, **options)


def fast_load(text: str):
    """``yaml.safe_load`` through libyaml when it is there."""
    return yaml.load(text, Loader=_LOADER)


def rewrite(folder: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` with ``new`` in the file ``name`` of a copied reading (``old`` must be there)."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def error_after(folder: Path, name: str, old: str, new: str, load) -> helpers.AnnotationError:
    """Make the edit, load with ``load(essay)``, and return the AnnotationError, which must name the file."""
    rewrite(folder, name, old, new)
    with pytest.raises(helpers.AnnotationError) as info:
        load(helpers.load_essay(folder))
    assert info.value.file.endswith(name)
    return info.value
