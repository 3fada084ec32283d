"""The sentence ledger (ledger.yml, helpers/ledger.py): every sentence and heading accounted for.

Each check is shown failing on a copy of the reading broken on purpose.
"""
from __future__ import annotations

import pytest

import helpers
from helpers import ledger as L
from editing import error_after, rewrite


@pytest.fixture(scope="module")
def book():
    return L.check_ledger(helpers.load_essay())


def check(essay):
    return L.check_ledger(essay)


def test_every_sentence_and_heading_is_accounted_for(book):
    essay = helpers.load_essay()
    headings = (essay.paragraphs.kind == "heading").sum()
    assert len(book) == len(essay.sentences) + headings
    assert (book.kind != "").all()
    assert (book[book.kind != "argues"].reason.str.split().str.len() >= 3).all(), "each reason says something"
    # a sentence with a claim carries no ledger reason, and one without carries no claim
    assert (book[book.kind == "argues"].claims.map(bool)).all()
    assert not book[book.kind != "argues"].claims.map(bool).any()


def test_the_headings_that_state_a_claim_are_claims(book):
    heads = book[book.heading]
    claimed = heads[heads.kind == "argues"]
    assert set(claimed.paragraph) == {19, 34}, "¶19 (“U.S.-backed Coups”) and ¶34 (“the immediate cause”)"
    assert set(heads[heads.kind != "argues"].kind) == {"heading"}


def test_the_summary_adds_up(book):
    s = L.summary(book)
    assert int(s.iloc[-1, 1]) == len(book)
    assert int(s.iloc[:-1, 1].sum()) == len(book), "every sentence in exactly one line"
    argues = int(s[s.iloc[:, 0].str.startswith("argue")].iloc[:, 1].sum())
    assert argues == (book.kind == "argues").sum()


def test_what_is_anchored_is_found_from_the_files(book):
    row = book[(book.paragraph == 40) & book.text.str.startswith("That’s why we say")].iloc[0]
    assert "C42" in row.claims and "Q23" in row.voices
    mitch = book[book.text.str.startswith("Migration from Honduras had been steady")].iloc[0]
    assert mitch.kind == "told in a claim" and "E05" in mitch.events


def test_a_sentence_with_neither_is_refused(reading_copy):
    err = error_after(reading_copy, L.FILE, '  - {paragraph: 50, opens: "So what does the U.S. seek"',
                      '  # - {paragraph: 50, opens: "So what does the U.S. seek"', check)
    assert "1 sentence(s) carry no argument entry and no reason" in err.problem
    assert "¶50, sentence 1" in err.problem and "add a claim" in err.fix


def test_a_row_for_a_sentence_that_now_has_a_claim_is_refused(reading_copy):
    rewrite(reading_copy, L.FILE, "  - {paragraph: 51, opens: \"Where, in this situation\"",
            "  - {paragraph: 51, opens: \"Just as Marx outlined\", kind: question, reason: \"not so\"}\n"
            "  - {paragraph: 51, opens: \"Where, in this situation\"")
    with pytest.raises(helpers.AnnotationError) as info:
        check(helpers.load_essay(reading_copy))
    assert "now carries C52" in info.value.problem and "remove this ledger row" in info.value.fix


def test_opening_words_must_be_exact(reading_copy):
    err = error_after(reading_copy, L.FILE, 'opens: "So what does the U.S. seek"', 'opens: "So what does America seek"',
                      check)
    assert "no sentence of ¶50 opens with" in err.problem
    assert "“So what does the U.S. seek" in err.fix, "the sentences' real openings are offered"


def test_a_kind_needs_what_it_says(reading_copy):
    err = error_after(reading_copy, L.FILE, 'opens: "The rest of the story", kind: signpost',
                      'opens: "The rest of the story", kind: narration', check)
    assert "no row of the events is anchored in ¶42" in err.problem


def test_told_in_a_claim_names_a_claim_of_that_paragraph(reading_copy):
    err = error_after(reading_copy, L.FILE, "kind: told in a claim, claim: C45,", "kind: told in a claim, claim: C39,",
                      check)
    assert "C39, which is not a claim anchored in ¶50" in err.problem and "C44" in err.problem
    rewrite(reading_copy, L.FILE, "kind: told in a claim, claim: C39,", "kind: told in a claim,")
    with pytest.raises(helpers.AnnotationError) as info:
        check(helpers.load_essay(reading_copy))
    assert "needs `claim`" in info.value.problem


def test_an_unknown_kind_and_an_empty_reason(reading_copy):
    err = error_after(reading_copy, L.FILE, 'kind: question, reason: "Answered in ¶50',
                      'kind: aside, reason: "Answered in ¶50', check)
    assert "'kind' is 'aside'" in err.problem and "signpost" in err.fix


def test_a_kind_must_say_what_it_means(reading_copy):
    err = error_after(reading_copy, L.FILE, "    means: a question the authors ask", "    mean: a question the authors ask",
                      check)
    assert "does not say what it means" in err.problem


def test_the_check_runs_with_every_other_check():
    from helpers.annotations import load_all
    assert "ledger.yml" in load_all(helpers.load_essay())


# ---- marks: numbers and words of saying -------------------------------------------------------------------

def test_every_number_and_word_of_saying_is_held_or_has_a_reason():
    m = L.check_marks(helpers.load_essay())
    assert set(m.mark) == {"numbers", "amounts", "saying"}
    assert (m.held_by.map(bool) | (m.reason != "")).all()
    # a figure in digits is found, and held by the figures file
    over_30 = m[(m.paragraph == 36) & (m.found == "30")].iloc[0]
    assert over_30.held_by, "“Over 30 people were shot dead” is a row of the figures file"
    bragged = m[m.found == "bragged"].iloc[0]
    assert bragged.held_by, "Clinton's lead-in is a row of the voices file"


def test_a_vague_amount_is_held_only_by_a_row_that_measures_it(reading_copy):
    # ¶36 "some of whom are in jail" stands inside N19's span ("Hundreds were arrested"), which counts arrests:
    # N19 alone does not hold it; without its own row (N81) the check refuses it
    m = L.marks(helpers.load_essay())
    some = m[(m.paragraph == 36) & (m.found == "some") & m.context.str.contains("in jail")].iloc[0]
    assert some.held_by == ["N81"]
    rewrite(reading_copy, "figures.csv", "N81,some,", "N81,in jail,")       # the row now measures something else
    err = error_after(reading_copy, L.FILE, "in_figure: true", "in_figure: true", L.check_marks)
    assert "“some” (amounts) in ¶36" in err.problem


def test_a_mark_with_no_row_and_no_reason_is_refused(reading_copy):
    err = error_after(reading_copy, L.FILE, '  - {paragraph: 42, words: "asylum claims"',
                      '  # - {paragraph: 42, words: "asylum claims"', L.check_marks)
    assert "1 mark(s) have no row and no reason" in err.problem and "“claims” (saying) in ¶42" in err.problem
    assert "unlisted" in err.fix


def test_a_reason_that_speaks_for_nothing_is_refused(reading_copy):
    rewrite(reading_copy, L.FILE, '  - {paragraph: 42, words: "asylum claims"',
            '  - {paragraph: 42, words: "The caravan grew", mark: saying, reason: "no mark here"}\n'
            '  - {paragraph: 42, words: "asylum claims"')
    with pytest.raises(helpers.AnnotationError) as info:
        L.check_marks(helpers.load_essay(reading_copy))
    assert "speaks for no saying mark" in info.value.problem


def test_a_reason_must_quote_the_essay(reading_copy):
    err = error_after(reading_copy, L.FILE, 'words: "asylum claims"', 'words: "asylum requests"', L.check_marks)
    assert "'words' is not in the text of ¶42: 'asylum requests'" in err.problem and "copy the exact words" in err.fix


def test_a_new_word_in_the_list_is_checked_without_code(reading_copy):
    # adding a word to the data is enough for the check to look for it
    rewrite(reading_copy, L.FILE, "outlined, identifies,", "outlined, identifies, spontaneously,")
    with pytest.raises(helpers.AnnotationError) as info:
        L.check_marks(helpers.load_essay(reading_copy))
    assert "“spontaneously” (saying) in ¶21" in info.value.problem


def test_a_mark_must_name_files_that_hold_it(reading_copy):
    err = error_after(reading_copy, L.FILE, "    held_by: [voices]", "    held_by: [newspapers]", L.check_marks)
    assert err.problem == "the mark is held by 'newspapers'." and "voices, timeline, figures, dating" in err.fix
