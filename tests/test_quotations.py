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
    whole = quotes[quotes.kind.isin(["epigraph", "block"])]
    assert sorted(whole.paragraph) == sorted(quoted_paragraphs.paragraph)


def test_texts_are_exact_spans(essay, quotes):
    for row in quotes.itertuples():
        assert essay.text[row.start:row.end] == row.text
        assert not row.text.startswith("“") and not row.text.endswith("”")


def test_speakers_and_hands(quotes):
    by_kind = quotes.groupby("kind")
    for kind in q.NEEDS_SPEAKER:
        assert (by_kind.get_group(kind).speaker != "").all(), kind
    assert (quotes[quotes.kind == "scare-quote"].hand == "authors").all()
    fuentes = quotes[quotes.speaker == "Bartolo Fuentes"].iloc[0]
    assert fuentes.kind == "block" and fuentes.hand == "interpreter" and fuentes.date_as_given == "11/20/2018"
    assert quotes[quotes.speaker == "Hillary Clinton"].hand.iloc[0] == "memoir"
    assert set(quotes[quotes.kind == "epigraph"].speaker) == {"Ella Baker", "Karl Marx", "Miguel Angel"}
    assert (quotes.function.str.strip() != "").all()


def test_words_by_voice_adds_up(essay, quotes):
    table = q.words_by_voice(essay, quotes)
    prose = essay.paragraphs[~essay.paragraphs.kind.isin(["heading", "attribution"])]
    assert table.words.sum() == prose.words.sum()
    assert table.iloc[0].voice == "the authors"
    assert abs(table["share_%"].sum() - 100) < 0.5


def test_the_counts_shown_in_the_notebook_match_the_data(essay, quotes):
    shown = output_of("02_source_quotations.ipynb", "quotes.kind.value_counts()")
    for kind, n in quotes.kind.value_counts().items():
        assert re.search(rf"^{re.escape(kind)}\s+{n}$", shown, flags=re.M), (kind, n)
    shown = output_of("02_source_quotations.ipynb", "q.words_by_voice(essay, quotes)")
    for row in q.words_by_voice(essay, quotes).head(7).itertuples():
        assert re.search(rf"{re.escape(row.voice)}\s+{row.words}\s", shown), row.voice


def test_cards_hide_the_speaker_and_keep_their_order(quotes):
    cards = q.who_said_it_cards(quotes)
    assert cards.card.tolist() == list(range(1, len(cards) + 1))
    assert cards.equals(q.who_said_it_cards(quotes.sample(frac=1, random_state=1)))
    by_id = quotes.set_index("id")
    for c in cards.itertuples():
        assert c.speaker == by_id.loc[c.id].speaker
        assert by_id.loc[c.id].text.startswith(c.quotation.rstrip(" …"))
        assert c.speaker not in c.quotation


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


def test_a_scare_quote_given_a_speaker(reading_copy):
    rewrite(reading_copy, "quotations.csv", "Q09,,,scare-quote,joked", "Q09,the authors,,scare-quote,joked")
    assert "scare-quote is the authors' own" in quotations_error(reading_copy).problem


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
    table = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="hand")
    table.to_csv(path, index=False)
    assert "has no column hand" in quotations_error(reading_copy).problem


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
