"""Qualifiers kept by test: qualifiers.yml, the check in helpers.qualifiers, and argument.yml held to it."""
from __future__ import annotations

import re

import pytest

import helpers
from helpers.argument import load_argument
from helpers.qualifiers import FILE, found_in, kept, load_qualifiers

from editing import error_after, rewrite


@pytest.fixture(scope="module")
def qualifiers(essay):
    return load_qualifiers(essay.folder)


# ---- the list --------------------------------------------------------------------------------------------

def test_every_listed_qualifier_is_the_essays(essay, qualifiers):
    """The list is found by reading the essay: every qualifier and every not_qualifiers phrase occurs in it."""
    body = " ".join(essay.paragraphs.text)
    absent = [q for q in [*qualifiers, *qualifiers.ignore] if not found_in(body, {q: (q,)})]
    assert not absent, absent
    assert {"vast majority", "intentionally", "helped", "until", "largely", "perhaps"} <= set(qualifiers)
    assert "nearly all" in qualifiers["vast majority"] and "most" not in qualifiers["vast majority"]


def test_matching_is_whole_words_longest_phrase_first(qualifiers):
    assert found_in("with the vast majority fleeing Honduras", qualifiers) == ["vast majority"]
    assert found_in("Over 30 people were shot dead.", qualifiers) == ["over <number>"]
    assert found_in("the workers’ movement all over the world", qualifiers) == []
    assert found_in("movements only rarely make", qualifiers) == ["only rarely"]
    assert found_in("Just as Marx outlined", qualifiers) == [], "a not_qualifiers phrase hides its words"
    assert found_in("mostly due to", qualifiers) == ["mostly"] and found_in("most of us", qualifiers) == ["most"]
    assert kept("more than 30 were killed", qualifiers["over <number>"])
    assert not kept("30 were killed", qualifiers["over <number>"])
    assert kept("they “deliberately” combined", qualifiers["intentionally"])


def test_one_search_finds_what_each_phrases_own_pattern_finds(essay, qualifiers):
    """found_in runs once for every span of every paraphrased row a loader reads (15,000 times in `make test-fast`:
    about a third of its processor time with one whole-word test per phrase at every place of the text). Its one
    regex checks the word boundaries once, where a phrase can start (issue #24), and finds what the phrases' own
    whole-word patterns find tried one after another, longest first: on every paragraph and sentence of the essay,
    and on phrases that start with a number or a bracket."""
    from helpers.qualifiers import _finder, _pattern, _plain

    def one_by_one(text, listed):
        names = [*listed, *getattr(listed, "ignore", ())]
        ordered = sorted(names, key=lambda n: (-len(_plain(n).replace("<number>", "0")), n))
        regex = re.compile("|".join(f"(?P<q{i}>{_pattern(n)})" for i, n in enumerate(ordered)))
        hits = [ordered[int(m.lastgroup[1:])] for m in regex.finditer(_plain(text))]
        return list(dict.fromkeys(h for h in hits if h in listed))

    regex = _finder(tuple(qualifiers) + tuple(qualifiers.ignore))[0].pattern
    assert regex.count(r"(?<![\w'])") == 1 and regex.count(r"(?![\w'])") == 1, "a boundary test for each phrase"
    texts = [*essay.paragraphs.text, *(s for p in essay.paragraphs.text for s in re.split(r"(?<=[.!?])\s+", p)),
             "over 2,000,000% fled (so-called) only'", "'only' 20 percent", ""]
    others = {"over <number>": ("over <number>",), "<number> percent": (), "(so-called)": (), "only": ()}
    for listed in (qualifiers, others):
        for text in texts:
            assert found_in(text, listed) == one_by_one(text, listed), (text, listed)


# ---- the real data passes, and the check has something to check -----------------------------------------

def test_every_paraphrase_keeps_its_qualifiers(essay, qualifiers):
    argument = load_argument(essay)      # the loader runs the check; it raises on the first dropped qualifier
    held = [c for c in argument.claims.itertuples() if found_in(c.span, qualifiers)]
    assert len(held) >= 30, "the check has many rows to hold"
    for c in held:
        dropped = [q for q in found_in(c.span, qualifiers) if not kept(c.paraphrase, qualifiers[q])]
        # a dropped one must be excused in the row: the loader has already checked the note names it
        assert not dropped or "qualifier_note" in _row_text(essay, c.id), (c.id, dropped)
    thesis_span = " ".join(argument.thesis.span)
    assert all(kept(argument.thesis_paraphrase, qualifiers[q]) for q in found_in(thesis_span, qualifiers))


def _row_text(essay, claim_id: str) -> str:
    text = (essay.folder / "argument.yml").read_text(encoding="utf-8")
    m = re.search(rf"- \{{id: {claim_id},.*?(?=\n  - |\n\n)", text, re.S)
    return m.group() if m else ""


def test_the_rows_the_review_found_keep_their_words(essay):
    c = load_argument(essay).claims.set_index("id")
    assert "intentionally" in c.loc["C44", "paraphrase"] and "precarious" in c.loc["C44", "paraphrase"]
    assert "until human rights violations" in c.loc["C31", "paraphrase"]
    assert "South African anti-apartheid movement" in c.loc["C92", "paraphrase"]
    assert "helped grow" in c.loc["C124", "paraphrase"]
    assert "vast majority" in c.loc["C87", "paraphrase"]
    assert "in the Central American Exodus" in c.loc["C02", "paraphrase"]


def test_the_thesis_holds_the_essays_own_statement_of_it(essay):
    argument = load_argument(essay)
    assert 6 in set(argument.thesis.paragraph)
    assert "strategic urgency" in argument.thesis_paraphrase


# ---- the check fails when a qualifier is dropped on purpose ---------------------------------------------

def test_a_dropped_qualifier_names_the_file_the_row_and_the_fix(reading_copy):
    err = error_after(reading_copy, "argument.yml", "ruling class has intentionally combined",
                      "ruling class has combined", load_argument)
    message = str(err)
    assert "C44" in message and "“intentionally”" in message and "drops it" in message
    assert "qualifiers.yml" in message and "qualifier_note" in message and "deliberately" in message


def test_a_weaker_word_is_not_an_equivalent(reading_copy):
    err = error_after(reading_copy, "argument.yml", "\\\"the vast majority\\\" of the groups", "most of the groups",
                      load_argument)
    assert "C87" in str(err) and "vast majority" in str(err)


def test_a_listed_equivalent_is_accepted(reading_copy):
    rewrite(reading_copy, "argument.yml", "\\\"the vast majority\\\" of the groups", "nearly all of the groups")
    c = load_argument(helpers.load_essay(reading_copy)).claims.set_index("id")
    assert "nearly all" in c.loc["C87", "paraphrase"]


def test_the_thesis_and_a_concession_are_checked_too(reading_copy, essay):
    err = error_after(reading_copy, "argument.yml", "is \"not a question merely of ethical principle",
                      "is \"not a question of ethical principle", load_argument)
    assert err.row == "thesis" and "merely" in str(err)


def test_the_thesis_plain_sentence_keeps_ultimately(reading_copy, essay):
    """The plain sentence is the one the participant packet prints: it is held to the thesis's qualifiers too
    (the close reading of the facilitation blocks, T-1, found it had dropped "ultimately")."""
    assert "ultimately" in load_argument(essay).thesis_plain
    err = error_after(reading_copy, "argument.yml", "the war of position and ultimately create",
                      "the war of position and create", load_argument)
    assert err.row == "thesis" and "“ultimately”" in str(err) and "plain sentence drops it" in str(err)
    assert "plain_qualifier_note" in err.fix


def test_a_counterarguments_how_keeps_its_concessions_qualifier(reading_copy):
    err = error_after(reading_copy, "argument.yml", "how: The authors grant as \"undoubtedly true\" the record",
                      "how: The authors grant the record", load_argument)
    assert "K3" in str(err.row) and "undoubtedly" in str(err) and "its how drops it" in str(err)


# ---- qualifier_note: the reason is recorded in the row, and checked ------------------------------------

C44_OPEN = "- {id: C44, "
C44_DROPPED = ("ruling class has intentionally combined", "ruling class has combined")


def test_a_note_excuses_a_dropped_qualifier(reading_copy):
    rewrite(reading_copy, "argument.yml", *C44_DROPPED)
    rewrite(reading_copy, "argument.yml", C44_OPEN,
            C44_OPEN + 'qualifier_note: {"intentionally": "a test: the intent is discussed in the next row"}, ')
    c = load_argument(helpers.load_essay(reading_copy)).claims.set_index("id")
    assert "intentionally" not in c.loc["C44", "paraphrase"]


def test_a_note_naming_a_qualifier_the_span_does_not_hold(reading_copy):
    err = error_after(reading_copy, "argument.yml", C44_OPEN,
                      C44_OPEN + 'qualifier_note: {"perhaps": "not in this span"}, ', load_argument)
    assert "C44" in str(err.row) and "“perhaps”" in str(err) and "does not hold" in str(err)
    assert "intentionally" in err.fix, "the fix lists the qualifiers the span does hold"


def test_a_note_naming_an_unknown_qualifier(reading_copy):
    err = error_after(reading_copy, "argument.yml", C44_OPEN,
                      C44_OPEN + 'qualifier_note: {"purposely": "not a listed word"}, ', load_argument)
    assert "'purposely'" in str(err) and "not in qualifiers.yml" in str(err) and "C44" in str(err.row)


def test_a_note_for_a_qualifier_the_paraphrase_keeps(reading_copy):
    err = error_after(reading_copy, "argument.yml", C44_OPEN,
                      C44_OPEN + 'qualifier_note: {"intentionally": "stale"}, ', load_argument)
    assert "keeps it" in str(err) and "remove" in err.fix


def test_a_note_that_is_not_a_mapping(reading_copy):
    err = error_after(reading_copy, "argument.yml", C44_OPEN, C44_OPEN + 'qualifier_note: "intentionally", ',
                      load_argument)
    assert "qualifier_note" in str(err) and "C44" in str(err.row)


# ---- a malformed list gives a clear error -----------------------------------------------------------------

@pytest.mark.parametrize("old, new, says", [
    ("  largely: [mostly, mainly, in large part]", "  largely: [mostly, mainly", "is not valid YAML"),
    ("qualifiers:\n", "qualifier:\n", "has no 'qualifiers:' mapping"),
    ("  largely: [mostly, mainly, in large part]", "  largely: mostly", "should be a list"),
    ("  largely: [mostly, mainly, in large part]", "  largely: [mostly, 3]", "should be text"),
    ("  largely: [mostly, mainly, in large part]", "  largely: [mostly]\n  Largely: [mainly]", "twice"),
    ("not_qualifiers:\n", "not_qualifiers: 7\nunused:\n", "'not_qualifiers' is not a list"),
])
def test_a_malformed_list(reading_copy, old, new, says):
    err = error_after(reading_copy, FILE, old, new, load_argument)
    assert says in str(err) and err.fix
