"""The loaders' memo (helpers/memo.py): a remembered result is given back only while nothing the loader read has
changed. Each test breaks or changes an input after the memo has the result, and checks the loader runs again."""
from __future__ import annotations

import shutil

import helpers
from helpers import annotations, memo
from helpers.terms import load_terms


def fresh(reading_copy):
    return helpers.load_essay(reading_copy)


def test_a_copy_gets_the_same_tables_as_the_loaders_give(reading_copy, tmp_path):
    first = annotations.load_all(fresh(reading_copy))            # fills the memo (or finds it filled)
    other = tmp_path / "again" / "we-are-losing"
    shutil.copytree(reading_copy, other)
    again = annotations.load_all(fresh(other))                   # every loader remembered
    assert set(first) == set(again)
    for name in first:
        assert first[name].equals(again[name]), name
    assert again["terms.csv"].equals(load_terms(fresh(other))), "a remembered table differs from the loader's own"


def test_an_edited_file_is_read_again(reading_copy):
    annotations.load_all(fresh(reading_copy))
    path = reading_copy / "terms.csv"
    text = path.read_text(encoding="utf-8")
    assert ",15,coup d’etat\n" in text
    path.write_text(text.replace(",15,coup d’etat\n", ",15,words the essay never wrote\n"), encoding="utf-8")
    try:
        annotations.load_all(fresh(reading_copy))
    except helpers.HelperError as err:
        assert err.file.endswith("terms.csv"), err
    else:
        raise AssertionError("an edit that breaks terms.csv was not seen: the memo gave back the old table")


def test_a_file_added_to_the_reading_is_noticed(reading_copy):
    before = annotations.load_all(fresh(reading_copy))
    assert "undated.csv" in before
    (reading_copy / "undated.csv").rename(reading_copy / "undated.csv.bak")
    assert "undated.csv" not in annotations.load_all(fresh(reading_copy))
    calls = []
    def loader(essay):
        calls.append(1)
        return sorted(p.name for p in essay.folder.iterdir())
    essay = fresh(reading_copy)
    assert memo.remembered(loader, essay) == memo.remembered(loader, essay) and len(calls) == 1
    (reading_copy / "new.csv").write_text("a\n1\n", encoding="utf-8")
    assert "new.csv" in memo.remembered(loader, essay) and len(calls) == 2


def test_a_caller_changing_a_result_does_not_change_the_memo(reading_copy):
    essay = fresh(reading_copy)
    table = memo.remembered(load_terms, essay)
    table.loc[:, "term"] = "changed"
    assert "changed" not in set(memo.remembered(load_terms, essay).term)


def test_errors_are_never_remembered(reading_copy):
    calls = []
    def failing(essay):
        calls.append(1)
        (essay.folder / "terms.csv").read_bytes()
        raise helpers.HelperError("terms.csv", "is broken.", "mend it.")
    essay = fresh(reading_copy)
    for _ in range(2):
        try:
            memo.remembered(failing, essay)
        except helpers.HelperError:
            pass
    assert len(calls) == 2
