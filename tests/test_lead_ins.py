"""lead_ins.yml: every lead-in that characterises a voice is listed beside what the voice's words say."""
from __future__ import annotations

import pytest

import helpers
from helpers import lead_ins as li

import editing


@pytest.fixture(scope="module")
def lead(essay):
    return li.check_lead_ins(essay)


def test_every_characterising_word_is_in_a_lead_in_or_has_a_reason(essay, lead):
    assert li.unlisted(essay, lead).empty


def test_clinton_and_fuentes_stand_side_by_side(essay, lead):
    quotes = helpers.load_quotations(essay).set_index("id")
    by_voice = lead.set_index("voice")
    for speaker, word in [("Hillary Clinton", "bragged openly"), ("Bartolo Fuentes", "pointed squarely")]:
        block = quotes[(quotes.speaker == speaker) & (quotes.form == "block")].index
        assert len(block) == 1 and block[0] in by_voice.index, speaker
        assert word in by_voice.loc[block[0], "words"]
    fuentes = by_voice.loc[quotes[(quotes.speaker == "Bartolo Fuentes") & (quotes.form == "block")].index[0]]
    assert "economic situation of the country" in fuentes.says   # what his words say first


def test_every_voice_is_a_row_of_the_voices_file_and_every_span_is_exact(essay, lead):
    quotes = helpers.load_quotations(essay)
    assert set(lead.voice) <= set(quotes.id)
    for r in lead.itertuples():
        assert essay.text[r.start:r.end] == r.span
        for w in r.words.split("; "):
            assert w.lower() in r.span.lower(), (r.id, w)


def test_the_table_to_read_puts_the_lead_in_beside_the_words(lead):
    shown = li.beside(lead)
    assert list(shown.columns) == ["¶", "voice", "the authors' lead-in", "characterising words",
                                   "what the words themselves say"]
    assert len(shown) == len(lead) and (shown["what the words themselves say"] != "").all()


# ---- bad edits ---------------------------------------------------------------------------------------

def test_a_lead_in_left_out_is_found(reading_copy):
    text = (reading_copy / li.FILE).read_text(encoding="utf-8")
    start = text.index("  - id: L08")
    end = text.index("  - id: L09")
    (reading_copy / li.FILE).write_text(text[:start] + text[end:], encoding="utf-8")
    essay = helpers.load_essay(reading_copy)
    left = li.unlisted(essay)
    assert list(left.word) == ["squarely"] and list(left.paragraph) == [39]
    with pytest.raises(helpers.AnnotationError) as info:
        li.check_lead_ins(essay)
    assert "“squarely” in ¶39" in info.value.problem and "not_lead_ins" in info.value.fix


def test_a_new_word_in_the_vocabulary_must_be_accounted_for(reading_copy):
    editing.rewrite(reading_copy, li.FILE, "vocabulary: [bragged,", "vocabulary: [went down, bragged,")
    left = li.unlisted(helpers.load_essay(reading_copy))
    assert set(left.paragraph) == {35}


def test_a_voice_that_is_not_in_the_voices_file(reading_copy):
    err = editing.error_after(reading_copy, li.FILE, "voice: Q23", "voice: Q99", li.load_lead_ins)
    assert "L08" in str(err.row) and "'Q99' is not a row of quotations.csv" in err.problem


def test_a_span_that_is_not_in_its_paragraph(reading_copy):
    err = editing.error_after(reading_copy, li.FILE, "he pointed squarely to the U.S. support",
                              "he pointed straight to the U.S. support", li.load_lead_ins)
    assert "L08" in str(err.row)


def test_a_word_that_is_not_in_its_span(reading_copy):
    err = editing.error_after(reading_copy, li.FILE, "words: [pointed squarely]", "words: [bragged]",
                              li.load_lead_ins)
    assert "L08" in str(err.row) and "'bragged' is not in the span" in err.problem
