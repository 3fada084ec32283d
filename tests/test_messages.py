"""The errors of checks particular to one file are worded in the reading's messages.yml (issue 24, item 1: rules
as data, messages kept word for word): a loader raises ``rules.said(folder, declaration, key, row, **values)``.

The pinned cases below give today's messages exactly; they pass on the code before the move (the wording was in
the loaders then) and after it, so the move changed no word."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import helpers
from helpers import lead_ins, ledger, negatives, qualifiers, rules, summary, terms, timeline
from helpers.anchoring import read_yaml
from tests.editing import error_after, rewrite

HELPERS = Path(helpers.__file__).parent

PINNED = [  # (file, old, new, loader, row, problem, fix): each a message that no other test pinned whole
    ("timeline.csv", "1870-04-09,day,", "1870-04-09/1870-04-01,range,", timeline.load_timeline, "2 (E01)",
     "the range '1870-04-09/1870-04-01' has no start, or ends before it starts.", "give the earlier date first."),
    ("timeline.csv", "1870-04-09,day,", "1870-04,day,", timeline.load_timeline, "2 (E01)",
     "the date '1870-04' is written at month precision but the row says 'day'.",
     "write the date at the precision the essay gives: a year stays a year unless a context row with a reference "
     "says more."),
    ("timeline.csv", "1870-04-09,day,", "April 1870,day,", timeline.load_timeline, "2 (E01)",
     "the date 'April 1870' is not written as 2009-06-28, 2018-10, 2017, 196X or a range A/B.",
     "write it in one of those forms."),
    ("dating.csv", "(¶39),2019-01/..,", "(¶39),2019-1x/..,", timeline.load_dating, "3 (D02)",
     "the range '2019-1x/..' is not written as A/B (dates like 2019-01, open ends as ..).",
     "write it as e.g. 2019-01/2019-09."),
    ("negatives.csv", "argument.yml,C19,", "argument.yaml,C19,", negatives.check_register, "2 (argument.yaml, C19)",
     "'file' is 'argument.yaml', which is not a data file of the reading or a notebook.",
     "write the file's name as it is (argument.yml, 01_argument_structure.ipynb …)."),
    ("negatives.csv", "argument.yml,C19,", "argument.yml,C999,", negatives.check_register, "2 (argument.yml, C999)",
     "there is no row 'C999' in argument.yml.",
     "write the row's id (a notebook: a few exact words of the Markdown cell); if the row or cell is gone, delete "
     "this register row."),
    ("not_aliases.csv", "electoral fraud,2017 Honduran election,39,", "electoral frau,2017 Honduran election,39,",
     lambda e: terms.load_not_aliases(e, terms.load_terms(e)), "2 (electoral frau)",
     "the span does not hold the name 'electoral frau' as whole words.",
     "copy a span of the essay in which the name stands as written."),
    ("qualifiers.yml", "  majority: [most, more than half]", "  majority: [most, more than half]\n  Majority: [most]",
     lambda e: qualifiers.load_qualifiers(e.folder), "'Majority'", "lists 'Majority' twice (also as 'majority').",
     "keep one entry and merge their equivalents."),
    ("qualifiers.yml", "\nqualifiers:", "\nqualifierz:", lambda e: qualifiers.load_qualifiers(e.folder), None,
     "has no 'qualifiers:' mapping.",
     "write `qualifiers:` and under it one line per qualifier, such as `  vast majority: [nearly all, almost all]`."),
    ("qualifiers.yml", "\nnot_qualifiers:", "\nnot_qualifiers: 3\nold_not_qualifiers:",
     lambda e: qualifiers.load_qualifiers(e.folder), None, "'not_qualifiers' is not a list of phrases.",
     "write it as `not_qualifiers: [just as, so that we can]`, or leave it out."),
    ("ledger.yml", '{paragraph: 10, opens: "The strategic importance", kind: signpost,',
     '{paragraph: 10, opens: "The strategic", kind: signpost, claim: C01,', ledger.load_ledger, "sentences[4]",
     "kind 'signpost' takes no `claim`.", "remove `claim`, or use the kind 'told in a claim'."),
    ("ledger.yml", '{paragraph: 10, opens: "The strategic importance",', '{paragraph: 10, opens: "T",',
     ledger.load_ledger, "sentences[4]", "2 sentences of ¶10 open with 'T'.",
     "copy the sentence's first words exactly from the essay (enough to tell it apart); the sentences of ¶10 open: "
     "“The overcoming of this contradiction is …”; “It is both necessary and possible to emb…”; “As social movement "
     "leftists it is impera…”; “The strategic importance of doing so can…”"),
]


@pytest.mark.parametrize("case", PINNED, ids=[f"{c[0]}:{c[2][:24]}" for c in PINNED])
def test_a_particular_check_says_what_it_said(reading_copy, case):
    name, old, new, load, row, problem, fix = case
    err = error_after(reading_copy, name, old, new, load)
    assert (err.row, err.problem, err.fix) == (row, problem, fix)


def test_the_lead_in_words_unlisted_word_for_word(reading_copy):
    """check_lead_ins' message, whole (a characterising word with no row)."""
    rewrite(reading_copy, "lead_ins.yml", '  - {paragraph: 5, words: "almost complete silence in the mainstream media",'
            ' reason: "An absence of speech across the media, with no voice quoted or reported to characterise (C05 '
            'carries it)."}\n', "")
    with pytest.raises(helpers.AnnotationError) as info:
        lead_ins.check_lead_ins(helpers.load_essay(reading_copy))
    assert (info.value.row, info.value.problem, info.value.fix) == (
        "¶5", "“silence” in ¶5 (“…As all of this happens there is almost complete silence in the mainstream media "
              "about the U.S.…”) is a characterising word with no lead-in and no reason (1 such in all).",
        "add a lead_ins row (span, voice, words, says) if it characterises a voice, or a not_lead_ins row saying why "
        "it does not.")


def test_a_missing_spanish_part_word_for_word(reading_copy):
    """load_summary's message when a part of the one-page summary has no Spanish, whole."""
    import re
    path = reading_copy / "summary_es.yml"
    path.write_text(re.sub(r"\n  P3:.*?(?=\n  [A-Z0-9]+:)", "", path.read_text(encoding="utf-8"), count=1, flags=re.S),
                    encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as info:
        summary.load_summary(helpers.load_essay(reading_copy))
    assert (info.value.row, info.value.problem, info.value.fix[:23], info.value.fix[-29:]) == (
        "P3", "has no Spanish for P3, a part of the one-page summary.", "add 'P3:' with 'from_en",
        "' and 'es: >-' (the Spanish).")


def test_a_message_is_reworded_in_the_data(reading_copy):
    """Rewording an error is an edit of messages.yml, with no change to the code."""
    rewrite(reading_copy, "messages.yml", 'problem: "the date {date!r} is not a real date."',
            'problem: "the date {date!r} is no day of any calendar."')
    err = error_after(reading_copy, "timeline.csv", "1870-04-09,day,", "1870-04-31,day,", timeline.load_timeline)
    assert (err.row, err.problem, err.fix) == ("2 (E01)", "the date '1870-04-31' is no day of any calendar.",
                                               "check the month and day.")


def test_a_broken_message_names_messages_yml(reading_copy):
    """A message naming a value its loader does not give, or a message gone, is an error of messages.yml."""
    rewrite(reading_copy, "messages.yml", 'problem: "the date {date!r} is not a real date."',
            'problem: "the date {day!r} is not a real date."')
    rewrite(reading_copy, "timeline.csv", "1870-04-09,day,", "1870-04-31,day,")
    with pytest.raises(helpers.AnnotationError) as info:
        timeline.load_timeline(helpers.load_essay(reading_copy))
    err = info.value
    assert err.file.endswith("messages.yml") and err.row == "timeline.csv: no such date" and "{day!r}" in err.problem
    assert "restore messages.yml from git" in err.fix
    rewrite(reading_copy, "messages.yml", "  no such date:", "  no date at all:")
    with pytest.raises(helpers.AnnotationError) as info:
        timeline.load_timeline(helpers.load_essay(reading_copy))
    assert (info.value.file, info.value.problem, info.value.fix) == (
        str(reading_copy / "messages.yml"), "words no message 'no such date' for timeline.csv.",
        "restore messages.yml from git.")


def _said_keys() -> set[str]:
    """Every message key a helper passes to ``said`` or ``worded`` (its third argument, a text or a choice of texts)."""
    keys = set()
    for path in HELPERS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("said", "worded") \
                    and len(node.args) >= 3:
                keys |= {c.value for c in ast.walk(node.args[2]) if isinstance(c, ast.Constant)
                         and isinstance(c.value, str)}
    return keys


def test_every_message_is_used_and_every_used_message_worded(essay):
    """messages.yml words exactly the messages the loaders raise: none missing (a check would fail with an error
    about messages.yml instead of its own), none left over after a check is gone."""
    worded = {key for messages in read_yaml(essay.folder / rules.MESSAGES).values() for key in messages}
    used = _said_keys()
    assert used, "no helper calls rules.said"
    assert used - worded == set(), "messages.yml words none of these"
    assert worded - used == set(), "no loader raises these any more: remove them from messages.yml"


def test_a_misshapen_message_stops_the_check(reading_copy):
    """`python -m helpers check` (load_all) checks messages.yml's shape, though a loader reads it only to fail: a
    message without its fix is named at once."""
    from helpers.annotations import load_all
    rewrite(reading_copy, "messages.yml", '    fix: "check the month and day."\n', "")
    with pytest.raises(helpers.AnnotationError) as info:
        load_all(helpers.load_essay(reading_copy))
    assert (Path(info.value.file).name, info.value.row, info.value.problem) == (
        "messages.yml", "timeline.csv: no such date", "'fix' is missing.")
