"""The mutation check's entries (tools/mutations.yml) still apply: each names a text found once in its file and
tests that exist. The check itself (make mutation-check) runs the tests broken and unbroken; it takes minutes."""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.mutation_check import PROJECT, load_mutations

ENTRIES = load_mutations()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_each_mutation_still_applies(entry):
    text = (PROJECT / entry["file"]).read_text(encoding="utf-8")
    assert text.count(entry["find"]) == 1, (
        f"tools/mutations.yml, {entry['name']!r}: its text is no longer (or more than once) in {entry['file']}; "
        "point it at the checker's new code")
    assert entry["replace"] != entry["find"]
    for test in entry["tests"]:
        path, _, name = test.partition("::")
        assert (PROJECT / path).is_file(), f"{entry['name']!r}: no test file {path}"
        if name:
            assert f"def {name.split('[')[0]}(" in (PROJECT / path).read_text(encoding="utf-8"), (
                f"{entry['name']!r}: no test {name} in {path}")


def test_a_stale_entry_is_caught(tmp_path):
    stale = tmp_path / "mutations.yml"
    stale.write_text("- name: x\n  file: helpers/errors.py\n  find: no such text\n  replace: y\n  tests: [tests/x.py]\n")
    [entry] = load_mutations(Path(stale))
    with pytest.raises(AssertionError, match="no longer"):
        test_each_mutation_still_applies(entry)
