"""quotations.csv and figures.csv: complete, anchored, faithful to who speaks; clear errors when edited badly."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import helpers
from helpers import quotations as q
from helpers.figures import disagreements, load_figures
from notebook_outputs import output_of

from editing import rewrite


@pytest.fixture(scope="module")
def quotes(essay):
    return helpers.load_quotations(essay)


@pytest.fixture(scope="module")
def figures(essay, quotes):
    return load_figures(essay, quotes)


def test_every_quotation_is_listed(essay, quotes):
    assert q.unlisted(essay, quotes) == []
    quoted_paragraphs = essay.paragraphs[essay.paragraphs.kind.isin(["epigraph", "block quotation"])]
    whole = quotes[quotes.form.isin(["epigraph", "block"])]
    assert sorted(whole.paragraph) == sorted(quoted_paragraphs.paragraph)


def test_texts_are_exact_spans(essay, quotes):
    for row in quotes.itertuples():
        assert essay.text[row.start:row.end] == row.text
        assert not row.text.startswith("“") and not row.text.endswith("”")


def test_the_three_axes_use_their_vocabularies(quotes):
    assert set(quotes.form) == set(q.FORMS)
    assert set(quotes.source_named) <= set(q.SOURCES_NAMED)
    assert set(quotes.language) <= set(q.LANGUAGES)
    assert (quotes.function.str.strip() != "").all()
    # a source is named exactly when the essay's words for it are given
    assert ((quotes.source_named == "none") == (quotes.source_as_given == "")).all()


def test_provenance_of_the_main_voices(quotes):
    first = quotes.drop_duplicates("speaker").set_index("speaker")
    fuentes = quotes[(quotes.speaker == "Bartolo Fuentes") & (quotes.form == "block")].iloc[0]
    assert (fuentes.source_named, fuentes.language, fuentes.date_as_given) == ("interview", "interpreted", "11/20/2018")
    assert "Ginsberg-Jaeckle" in fuentes.language_basis
    assert first.loc["Hillary Clinton", ["source_named", "language"]].tolist() == ["document or publication",
                                                                                   "original English"]
    # Marx and Gramsci reach us in translation; the basis is context, with a reference
    for who in ("Karl Marx", "Antonio Gramsci"):
        row = first.loc[who]
        assert row.language == "translated, translator not named" and row.language_basis.count("context:") == 1
    # a named speaker with no source: Miguel Angel, like the chants
    assert first.loc["Miguel Angel", ["source_named", "language"]].tolist() == ["none", "not stated"]
    assert first.loc["Ella Baker", "source_named"] == "event"


def test_epigraphs_head_the_essay_or_a_section(essay, quotes):
    epigraphs = quotes[quotes.form == "epigraph"]
    assert set(epigraphs.speaker) == {"Ella Baker", "Miguel Angel"}
    assert quotes.loc[quotes.id == "Q02", "form"].item() == "block"   # Marx stands inside the Introduction
    paragraphs = essay.paragraphs.set_index("paragraph")
    for n in epigraphs.paragraph:
        assert n == 1 or paragraphs.loc[n - 1, "kind"] == "heading"


def test_reported_speech_is_listed(quotes):
    reported = quotes[quotes.form == "reported speech"]
    assert (reported.language == "the authors' words").all()
    for words in ("The OAS was openly calling for new elections.", "declaring that the U.S. had faith in the TSE",
                  "His message was that people should stay and fight the dictatorship"):
        assert reported.text.str.contains(words, regex=False).any(), words
    translation = quotes[quotes.form == "translation by the authors"]
    assert translation.text.tolist() == ["out with JOH,"]


def test_words_by_voice_adds_up(essay, quotes):
    table = q.words_by_voice(essay, quotes)
    prose = essay.paragraphs[~essay.paragraphs.kind.isin(["heading", "attribution"])]
    assert table.words.sum() == prose.words.sum()
    assert table.iloc[0].voice == "the authors"
    assert abs(table["share_%"].sum() - 100) < 0.5


def test_the_two_word_tables_agree(essay, quotes):
    by_voice = dict(zip(q.voices(quotes).voice, q.voices(quotes).words))
    for row in q.words_by_voice(essay, quotes).itertuples():
        if row.voice not in ("the authors", q.UNNAMED):
            assert by_voice[row.voice] == row.words, row.voice


def test_quoted_words_with_no_speaker_named_are_nobody_s_and_not_the_authors(essay, quotes):
    # "irreversible lead" (¶35): the authors take the lead at face value, so the marks quote someone's words
    table = q.words_by_voice(essay, quotes).set_index("voice")
    unnamed = quotes[quotes.form.isin(q.QUOTED) & (quotes.speaker == "")]
    assert "irreversible lead" in set(unnamed.text)
    assert table.loc[q.UNNAMED, "words"] == unnamed.words.sum()
    assert q.UNNAMED not in set(q.voices(quotes).voice)


def test_a_source_named_is_one_particular_source_the_words_stand_in(quotes):
    by_id = quotes.set_index("id")
    assert by_id.loc["Q13", "source_as_given"] == "her memoir"           # untitled, but one work: named
    assert by_id.loc["Q39", "source_named"] == "none"                   # "A bill": which one, the essay does not say
    assert by_id.loc["Q61", "source_named"] == "none"                   # the call is what they crafted, not the source
    assert by_id.loc["Q52", "source_named"] == "none"                   # "their press conferences": none in particular


def test_an_inline_quotation_may_name_no_speaker_but_a_chant_may_not(reading_copy):
    rewrite(reading_copy, "quotations.csv", "Q10,a program officer from the International Republican Institute,",
            "Q10,,")
    assert helpers.load_quotations(helpers.load_essay(reading_copy)).set_index("id").loc["Q10", "speaker"] == ""
    rewrite(reading_copy, "quotations.csv", "Q27,Donald Trump,", "Q27,,")
    err = quotations_error(reading_copy)
    assert "(Q27)" in str(err.row) and "has no speaker" in err.problem


def test_the_counts_shown_in_the_notebook_match_the_data(essay, quotes):
    shown = output_of("02_source_quotations.ipynb", "q.words_by_voice(essay, quotes)")
    for row in q.words_by_voice(essay, quotes).head(7).itertuples():
        assert re.search(rf"{re.escape(row.voice)}\s+{row.words}\s", shown), row.voice


def test_cards_are_distinct_whole_and_hide_the_speaker(quotes):
    cards = q.who_said_it_cards(quotes)
    assert cards.card.tolist() == list(range(1, len(cards) + 1))
    assert cards.equals(q.who_said_it_cards(quotes.sample(frac=1, random_state=1)))
    folded = cards.quotation.map(q._same)
    assert not folded.duplicated().any()
    assert folded.str.contains("fuera joh").sum() == 1                 # one card for the chant quoted twice
    by_id = quotes.set_index("id")
    for c in cards.itertuples():
        assert by_id.loc[c.id].text.rstrip(" ,.;:") == c.quotation      # whole, no trailing punctuation
        assert not c.quotation.endswith((",", ".", ";", ":", "…")) or c.quotation.endswith("…")
        for speaker in c.speaker.split("; "):
            assert speaker not in c.quotation
            assert speaker in set(quotes.speaker)                     # answerable: the essay names the speaker


def test_figures_are_in_their_spans(essay, figures):
    assert len(figures) >= 30
    for row in figures.itertuples():
        assert row.figure in row.span and essay.text[row.start:row.end] == row.span
    quoted = figures[figures.quotation != ""]
    assert set(quoted.given_by) == {"Bartolo Fuentes"}


def test_the_two_death_tolls_disagree(figures):
    d = disagreements(figures)
    assert set(d.figure) == {"Over 30", "Over 40"}
    assert set(d.given_by) == {"the authors", "Bartolo Fuentes"}
    dated = disagreements(figures, helpers.load_quotations(helpers.load_essay())).set_index("figure")
    assert dated.loc["Over 40", "when"] == "11/20/2018"                   # the interview is the earlier text
    assert dated.loc["Over 30", "text"] == "the essay itself"
    assert (dated.lower_bound == "yes").all()                             # two lower bounds need not conflict


# ---- bad edits ---------------------------------------------------------------------------------------

def quotations_error(folder) -> helpers.AnnotationError:
    with pytest.raises(helpers.AnnotationError) as info:
        helpers.load_quotations(helpers.load_essay(folder))
    assert info.value.file.endswith("quotations.csv")
    return info.value


def test_a_text_that_no_longer_matches(reading_copy):
    rewrite(reading_copy, "quotations.csv", "build the wall", "build that wall")
    err = quotations_error(reading_copy)
    assert "(Q27)" in str(err.row) and "not in the text of ¶50" in err.problem
    assert "build the wall" in err.fix


def test_an_epigraph_without_its_speaker(reading_copy):
    rewrite(reading_copy, "quotations.csv", "Q04,Miguel Angel,", "Q04,,")
    err = quotations_error(reading_copy)
    assert err.row == "5 (Q04)" and "has no speaker" in err.problem


def test_a_speaker_role_the_essay_does_not_give(reading_copy):
    rewrite(reading_copy, "quotations.csv", "Q13,Hillary Clinton,then Secretary of State,",
            "Q13,Hillary Clinton,former First Lady,")
    err = quotations_error(reading_copy)
    assert "'speaker_role' is 'former First Lady'" in err.problem


def test_an_epigraph_inside_a_section(reading_copy):
    rewrite(reading_copy, "quotations.csv", "Q02,Karl Marx,,block,", "Q02,Karl Marx,,epigraph,")
    err = quotations_error(reading_copy)
    assert "(Q02)" in str(err.row) and "so it is a block, not an epigraph" in err.problem


def test_a_source_named_without_its_words(reading_copy):
    rewrite(reading_copy, "quotations.csv", ",15,none,,,not stated,", ",15,interview,,,not stated,")
    err = quotations_error(reading_copy)
    assert "(Q04)" in str(err.row) and "source_named is 'interview'" in err.problem


def test_a_translation_without_its_basis(reading_copy):
    rewrite(reading_copy, "quotations.csv",
            '"translated, translator not named","the essay does not say; context: Gramsci wrote the Prison Notebooks '
            'in Italian (Wikipedia, “Prison Notebooks”)"', '"translated, translator not named",')
    err = quotations_error(reading_copy)
    assert "(Q26)" in str(err.row) and "language_basis is empty" in err.problem and "context:" in err.fix


def test_a_broken_csv_row(reading_copy):
    rewrite(reading_copy, "quotations.csv", '"You have to reach out', '"You have "to" reach out')
    err = quotations_error(reading_copy)
    assert "cannot be read as CSV" in err.problem and "double quotes" in err.fix


def test_a_file_saved_in_another_encoding(reading_copy):
    path = reading_copy / "quotations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    err = quotations_error(reading_copy)
    assert "not UTF-8" in err.problem and "CSV UTF-8" in err.fix


def test_a_missing_column(reading_copy):
    path = reading_copy / "quotations.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="language")
    table.to_csv(path, index=False)
    assert "has no column language" in quotations_error(reading_copy).problem


def test_a_figure_not_in_its_span(reading_copy):
    rewrite(reading_copy, "figures.csv", "N17,Over 30,", "N17,Over 35,")
    essay = helpers.load_essay(reading_copy)
    with pytest.raises(helpers.AnnotationError, match="the figure 'Over 35' is not in its span"):
        load_figures(essay, helpers.load_quotations(essay))


def test_a_quoted_figure_outside_its_quotation(reading_copy):
    rewrite(reading_copy, "figures.csv", "Over 30 people were shot dead.,36,the authors,,",
            "Over 30 people were shot dead.,36,Bartolo Fuentes,Q23,")
    essay = helpers.load_essay(reading_copy)
    with pytest.raises(helpers.AnnotationError, match="not inside that quotation"):
        load_figures(essay, helpers.load_quotations(essay))


def test_paraphrases_keep_the_essays_words(quotes):
    by_id = quotes.set_index("id")
    assert "question of Zelaya" in by_id.loc["Q13", "function"]
    assert "first post-coup president" not in by_id.loc["Q14", "function"]
    assert by_id.loc["Q54", "text"].endswith("during the 1920s")          # both halves of Gramsci's claim
    assert "as one of the leading forces" in by_id.loc["Q53", "text"]
    assert by_id.loc["Q20", "form"] == "scare quote"
    assert by_id.loc["Q24", "speaker"] == ""                              # a name or title has no speaker
    reported = quotes[quotes.form == "reported speech"].text.str.cat(sep=" ")
    for words in ("called for a referendum", "disobeyed orders to keep the vote totals secret",
                  "the desire to stop immigration", "vote to endorse the BDS movement",
                  "openly supportive of the BDS movement", "cut off all military and police training",
                  "produced only scant reference to the Honduran dictatorship"):
        assert words in reported, words


def test_a_quotation_inside_a_longer_one_makes_no_card(quotes):
    cards = q.who_said_it_cards(quotes)
    assert not any(c.quotation.startswith("Irish question") for c in cards.itertuples())
    assert any("the Irish question" in c.quotation for c in cards.itertuples())


def test_numbers_the_review_found_missing_are_listed(figures):
    spans = " ".join(figures.span)
    for words in ("doubled the minimum wage", "with the vast majority fleeing Honduras",
                  "leading thousands to believe", "nearly all its holdings", "Most of the young organizers",
                  "very few in the U.S. social movements"):
        assert words in spans, words


def test_original_english_only_where_a_reference_says_so(quotes):
    # the essay never says in what language unattributed words were first used: "not stated" unless context says
    english = quotes[quotes.language == "original English"]
    assert len(english) >= 1
    for row in english.itertuples():
        assert "context:" in row.language_basis and "(" in row.language_basis, row.id


def test_no_count_or_document_speaks(quotes):
    by_id = quotes.set_index("id")
    assert by_id.loc["Q16", "speaker"] == "" and by_id.loc["Q16", "form"] == "inline"   # words, no speaker named
    assert by_id.loc["Q39", "speaker"] == ""
    assert not quotes.speaker.str.contains(r"\b(?:count|bill)\b", case=False).any()


def test_a_source_is_named_only_when_a_reader_could_look_it_up(quotes):
    by_id = quotes.set_index("id")
    assert by_id.loc["Q39", "source_named"] == "none"                   # "A bill": unnamed, nothing to look up
    named = quotes[quotes.source_named != "none"]
    assert not named.source_as_given.str.match(r"(?:A|An) ").any()


def test_one_statement_is_one_row(quotes):
    # a piece of reported speech inside another row's span of the same paragraph is counted twice
    rows = list(quotes.itertuples())
    for a in rows:
        for b in rows:
            if a.id != b.id and a.form == b.form == "reported speech":
                assert not (b.start <= a.start and a.end <= b.end), (a.id, b.id)
