"""Close reader 28, finding 1: 03's short-route table of derived dates gave outside dates and the package's inferences
with no mark, so they read as the essay's own. Each row now carries the timeline's mark."""
from helpers import load_essay
from helpers.timeline import load_timeline, load_dating, dated_from, row_mark, MARK


def test_every_derived_date_shown_with_its_mark():
    essay = load_essay()
    timeline = load_timeline(essay)
    shown = dated_from(timeline, load_dating(essay))
    assert MARK in shown.columns
    # at least one inferred date is marked as the package's inference, not given bare
    assert any(m.endswith("*") for m in shown[MARK])
    assert set(shown[MARK]) <= {"essay", "essay*", "her account", "her account*", "context"}
