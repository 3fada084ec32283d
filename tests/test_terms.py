"""terms.csv: every name the notebooks use is glossed, mentions are counted once, and bad edits are caught."""
from __future__ import annotations

import re
from datetime import date, timedelta

import nbformat
import pytest

import helpers
from helpers import terms as tm
from helpers.text import fold_keep_case
from notebook_outputs import NOTEBOOKS, output_of

import editing

# Capitalised words the notebooks use that are not names: sentence openings, months, adjectives, languages, and
# the word ¶18 marks with [sic] (“Americans”), which the [sic] gloss quotes as a word, not as a people it names.
NOT_NAMES = {"English", "Spanish", "January", "July", "October", "Highlights", "Key", "Americans"}


@pytest.fixture(scope="module")
def terms(essay):
    return helpers.load_terms(essay)


def test_every_name_the_notebooks_use_is_in_the_glossary(essay, terms):
    names = {fold_keep_case(n) for row in terms.itertuples() for n in tm.names_of(row)}
    body = fold_keep_case(" ".join(essay.paragraphs[essay.paragraphs.kind != "heading"].text))
    capitalised = re.compile(r"\b[A-ZÁÉÍÓÚÑ][\w’'.-]*(?:\s+(?:of|the|for|and|de|y|Against|on|in)?\s*"
                             r"[A-ZÁÉÍÓÚÑ][\w’'.-]*)*")
    missing = set()
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        for m in capitalised.finditer(text):
            candidate = fold_keep_case(m.group().strip(" .’'"))
            if candidate in NOT_NAMES or (" " not in candidate and candidate.lower() in body.lower().split()):
                continue
            in_essay = re.search(r"(?<![\w-])" + re.escape(candidate) + r"(?![\w-])", body)
            covered = any(candidate == n or n in candidate or candidate in n for n in names)
            if in_essay and not covered:
                missing.add((path.name, candidate))
    assert not missing, f"names used in the notebooks but missing from terms.csv: {sorted(missing)}"


def test_every_quoted_person_is_in_the_glossary(essay, terms):
    people = set(terms[terms.kind == "person"].term)
    quotes = helpers.load_quotations(essay)
    for speaker in ["Ella Baker", "Karl Marx", "Miguel Angel", "Hillary Clinton", "Bartolo Fuentes",
                    "Antonio Gramsci", "Donald Trump"]:
        assert speaker in set(quotes.speaker), speaker
        assert speaker in people, speaker


def test_spans_and_first_mentions(essay, terms):
    m = tm.mentions(essay, terms)
    for row in terms.itertuples():
        assert essay.text[row.start:row.end] == row.span
        assert m[m.term == row.term].paragraph.min() == row.first_paragraph


def test_an_alias_is_never_counted_twice(essay, terms):
    m = tm.mentions(essay, terms)
    for term, group in m.groupby("term"):
        spans = sorted(zip(group.start, group.end))
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), term
    joh = m[m.term == "Juan Orlando Hernández"]
    assert set(joh.match) == {"Juan Orlando Hernández", "JOH", "Juan Orlando Hernandez"}
    full_names = len(re.findall(r"Juan Orlando Hern[aá]ndez", essay.text))
    initials = len(re.findall(r"(?<![\w-])JOH(?![\w-])", " ".join(essay.paragraphs.text)))
    assert len(joh) == full_names + initials
    assert "Hernández" not in set(joh.match), "the surname inside the full name is not a second mention"


def test_hyphenated_words_are_not_split(essay, terms):
    m = tm.mentions(essay, terms)
    empire = m[m.term == "U.S. Empire"]
    assert not any(essay.text[s - 1] == "-" for s in empire.start), "imperialism inside anti-imperialism"


def test_context_definitions_have_references(terms):
    context = terms[terms.definition_source == "context"]
    assert len(context) >= 1 and (context.reference != "").all()
    assert (terms[terms.definition_source == "essay"].reference == "").all()


def test_every_entry_says_what_it_is_and_what_the_essay_says(terms):
    assert (terms.definition.str.len() > 15).all() and (terms.in_the_essay.str.len() > 15).all()
    for name in ["Organization of American States", "School of the Americas", "war of position", "hegemony",
                 "neoliberal", "imperialism", "civil society"]:
        row = terms.set_index("term").loc[name]
        assert row.definition_source == "context" and row.reference, name
    # a definition is not a pointer to where the term appears
    assert not terms.definition.str.match(r"^(Named|Where|Its|In the essay)").any()


def test_the_glossary_is_alphabetical_and_shows_its_sources(terms):
    g = tm.glossary(terms)
    assert list(g.term) == sorted(g.term, key=str.casefold)
    assert {"term", "definition", "source", "in_the_essay", "since", "spanish"} <= set(g.columns)
    assert (g.source != "").all()
    assert g.set_index("term").loc["Miguel Angel", "source"] == "the essay"


def test_spanish_names_of_institutions(terms):
    es = terms.set_index("term").spanish
    assert es["Supreme Electoral Tribunal"].startswith("Tribunal Supremo Electoral")
    assert es["National Party"] == "Partido Nacional de Honduras"
    assert es["Organization of American States"].startswith("Organización de los Estados Americanos")
    assert es["Military Police"].startswith("Policía Militar")


def test_what_changed_since_the_essay_was_written(terms):
    since = terms.set_index("term")
    for name in ["Juan Orlando Hernández", "National Party", "Donald Trump", "LIBRE",
                 "Honduras", "White House", "Venezuela"]:
        assert since.loc[name, "since"] and since.loc[name, "since_reference"], name
    # the TSE's January 2019 reform falls inside the window in which the essay was written, and the essay speaks
    # of the TSE only at the 2017 election (¶37): no present tense of the essay's has changed "since"
    assert not since.loc["Supreme Electoral Tribunal", "since"]
    assert "at the time of writing" in since.loc["National Party", "since"]
    assert (terms.since.astype(bool) == terms.since_reference.astype(bool)).all()
    assert (terms.since.astype(bool) == terms.since_checked.astype(bool)).all()


def test_every_since_line_says_when_it_was_checked_in_words(terms):
    changed = terms[terms.since != ""]
    assert len(changed) >= 1
    words = re.compile(rf"(\d{{1,2}}) ({'|'.join(tm.MONTHS)}) (\d{{4}})")
    for row in changed.itertuples():
        m = words.fullmatch(row.since_checked)
        assert m, (row.term, row.since_checked)
        checked = date(int(m[3]), tm.MONTHS.index(m[2]) + 1, int(m[1]))
        assert checked <= date.today(), row.term


def test_the_display_says_later_events_are_not_covered(essay, terms, capsys):
    g = tm.glossary(terms).set_index("term")
    for row in terms[terms.since != ""].itertuples():
        shown = g.loc[row.term, "since"]
        assert shown.startswith(row.since), row.term
        assert f"checked {row.since_checked}; later events are not covered" in shown, row.term
        assert row.since_reference in shown, row.term
    assert (g[g.index.isin(terms[terms.since == ""].term)].since == "").all()
    tm.lookup(essay, terms, "JOH")
    out = capsys.readouterr().out
    joh = terms.set_index("term").loc["Juan Orlando Hernández"]
    assert f"checked {joh.since_checked}; later events are not covered]" in out


def test_the_glossary_says_once_that_later_events_are_not_covered():
    nb = nbformat.read(NOTEBOOKS / "04_people_places_terms.ipynb", as_version=4)
    markdown = " ".join(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown")
    readme = " ".join((helpers.SEEDS / helpers.DEFAULT_READING / "README.md").read_text(encoding="utf-8").split())
    for text in (markdown, readme):
        assert "events after that date are not covered" in text.lower()


def test_aliases_never_merge_distinct_things(essay, terms):
    names = {t.term: set(tm.names_of(t)) for t in terms.itertuples()}
    for a, b in [("IMF", "World Bank"), ("IMF", "World Economic Forum"), ("U.S. Empire", "imperialism"),
                 ("Fox News Radio", "Fox News Rundown")]:
        assert a in names and b in names, (a, b)
        assert b not in names[a] and a not in names[b]
    related = tm.load_not_aliases(essay, terms)
    for term, name in [("2017 Honduran election", "electoral fraud"), ("U.S. Empire", "U.S. imperialism"),
                       ("Central American Exodus", "exodus")]:
        assert ((related.term == term) & (related.name == name)).any(), (term, name)
        assert name not in names[term]
    every_name = {fold_keep_case(n) for ns in names.values() for n in ns}
    assert not set(related.name.map(fold_keep_case)) & every_name


def test_a_related_name_is_counted_as_what_it_names(essay, terms):
    """'U.S. imperialism' counts as imperialism (and the U.S.), 'electoral fraud' as no election."""
    m = tm.mentions(essay, terms)
    body = " ".join(essay.paragraphs[essay.paragraphs.kind != "heading"].text)
    word = len(re.findall(r"(?<![\w-])imperialism(?![\w-])", body))
    assert word > 1 and len(m[m.term == "imperialism"]) == word
    assert not m[m.term == "U.S. Empire"].match.str.contains("imperialism").any()
    assert not m[m.term == "2017 Honduran election"].match.str.contains("fraud").any()
    assert "exodus" not in set(m[m.term == "Central American Exodus"].match)


def test_a_lookup_shows_the_names_that_are_not_the_same(essay, terms, capsys):
    tm.lookup(essay, terms, "U.S. Empire")
    assert "Not the same thing: “U.S. imperialism” (¶48)" in capsys.readouterr().out


def test_no_place_in_the_text_is_counted_twice_across_terms(essay, terms):
    m = tm.mentions(essay, terms).sort_values("start")
    assert (m.start.shift(-1).fillna(10**9) >= m.end).all(), "two mentions overlap"
    irish = m[m.match.str.contains("Irish")]
    question = irish[irish.term == "Irish question"]
    assert len(question) == 2
    for r in question.itertuples():
        assert not ((m.term == "Ireland") & (m.start < r.end) & (r.start < m.end)).any()
    assert not m[(m.term == "United States")].match.isin(["U.S. Empire", "U.S. Labor Against the War"]).any()


def test_lookup_by_alias(essay, terms, capsys):
    table = tm.lookup(essay, terms, "OAS")
    out = capsys.readouterr().out
    assert out.startswith("Organization of American States (also: OAS)")
    found = tm.mentions(essay, terms).query("term == 'Organization of American States'")
    assert table.name.str.split(", ").str.len().sum() == len(found)     # every mention, one row a sentence
    assert not table.duplicated(["paragraph", "sentence"]).any() and len(table) < len(found)
    assert tm.lookup(essay, terms, "no such name").empty
    assert "No term matches" in capsys.readouterr().out


def test_the_counts_shown_in_the_notebook_match_the_data(essay, terms):
    shown = output_of("04_people_places_terms.ipynb", "counts = tm.mention_counts(essay, terms)")
    in_sight = int(re.search(r"Showing (\d+) of", shown).group(1))    # the rows before the fold (8 since session 22)
    for row in tm.mention_counts(essay, terms).head(in_sight).itertuples():
        assert re.search(rf"{re.escape(row.term)}\s+{row.kind}\s+{row.mentions}\s", shown), row.term


# ---- bad edits ---------------------------------------------------------------------------------------

def error_after(folder, old, new) -> helpers.AnnotationError:
    return editing.error_after(folder, "terms.csv", old, new, helpers.load_terms)


def test_an_alias_listed_under_two_terms(reading_copy):
    err = error_after(reading_copy, "Salvador Nasralla,person,Nasralla,", "Salvador Nasralla,person,Nasralla;JOH,")
    assert "'JOH' is listed twice" in err.problem


def test_an_alias_that_is_itself_a_term(reading_copy):
    err = error_after(reading_copy, "U.S. Empire,concept,Empire;", "U.S. Empire,concept,imperialism;Empire;")
    assert "U.S. Empire" in str(err.row) and "'imperialism' is itself a term" in err.problem


def test_an_alias_that_holds_another_term(reading_copy):
    err = error_after(reading_copy, "U.S. Empire,concept,Empire;U.S. empire,",
                      "U.S. Empire,concept,Empire;U.S. empire;U.S. imperialism,")
    assert "U.S. Empire" in str(err.row)
    assert "'U.S. imperialism' holds 'imperialism', a name of another term" in err.problem
    assert "not_aliases.csv" in err.fix


def test_an_alias_the_glossary_lists_as_a_different_thing(reading_copy):
    editing.rewrite(reading_copy, "terms.csv", "2017 Honduran election,event,the elections;",
                    "2017 Honduran election,event,electoral fraud;the elections;")
    with pytest.raises(helpers.AnnotationError) as info:
        helpers.load_terms(helpers.load_essay(reading_copy))
    err = info.value
    assert err.file.endswith("not_aliases.csv") and "electoral fraud" in str(err.row)
    assert "as a name of '2017 Honduran election'" in err.problem
    assert "remove 'electoral fraud' from the aliases of '2017 Honduran election'" in err.fix


def test_a_related_name_whose_span_does_not_hold_it(reading_copy):
    editing.rewrite(reading_copy, "not_aliases.csv", "exodus,Central American Exodus,40,is responsible for this exodus",
                    "exodus,Central American Exodus,40,is responsible for this migration flow")
    with pytest.raises(helpers.AnnotationError) as info:
        helpers.load_terms(helpers.load_essay(reading_copy))
    assert info.value.file.endswith("not_aliases.csv") and "exodus" in str(info.value.row)
    assert "does not hold the name 'exodus'" in info.value.problem


def test_a_span_that_stopped_matching(reading_copy):
    err = error_after(reading_copy, ",20,Romeo Vásquez Velásquez", ",20,Romeo Vasquez Velasquez")
    assert "Romeo Vásquez Velásquez" in str(err.row) and "copy the span from the essay" in err.problem


def test_a_wrong_first_paragraph(reading_copy):
    err = error_after(reading_copy, ",37,Heidi Fulton", ",36,Heidi Fulton")
    assert "is in ¶37, not in ¶36" in err.problem


G4S_SINCE = "Allied Universal in 2021.,\"Nasdaq.com (Reuters), “Allied Universal to buy G4S after shareholders give final nod”, 16 March 2021\","


def test_a_change_since_writing_without_reference(reading_copy):
    err = error_after(reading_copy, G4S_SINCE, "Allied Universal in 2021.,,")
    assert "'since' and 'since_reference' go together" in err.problem


def test_a_since_line_without_its_check_date(reading_copy):
    checked = tm.load_terms(helpers.load_essay()).set_index("term").loc["G4S", "since_checked"]
    assert checked       # the committed row has one; the edit below takes it away
    err = error_after(reading_copy, G4S_SINCE + _iso_of(checked) + ",", G4S_SINCE + ",")
    assert "G4S" in str(err.row)
    assert "'since' and 'since_checked' go together" in err.problem
    assert "since_checked" in err.fix and "2026-12-04 or 4 December 2026" in err.fix


def test_a_check_date_after_today(reading_copy):
    checked = tm.load_terms(helpers.load_essay()).set_index("term").loc["G4S", "since_checked"]
    tomorrow = date.today() + timedelta(days=1)
    err = error_after(reading_copy, G4S_SINCE + _iso_of(checked) + ",", G4S_SINCE + tomorrow.isoformat() + ",")
    assert "G4S" in str(err.row)
    assert f"after today ({tm.day_in_words(date.today())})" in err.problem
    assert "today or earlier" in err.fix


def test_a_check_date_that_is_not_a_date(reading_copy):
    checked = tm.load_terms(helpers.load_essay()).set_index("term").loc["G4S", "since_checked"]
    err = error_after(reading_copy, G4S_SINCE + _iso_of(checked) + ",", G4S_SINCE + "last week,")
    assert "G4S" in str(err.row) and "'since_checked' is 'last week', which is not a date" in err.problem


def test_a_check_date_in_words_is_read_as_a_date(reading_copy):
    checked = tm.load_terms(helpers.load_essay()).set_index("term").loc["G4S", "since_checked"]
    # a past day that is not the recorded one, whatever today is, so the check cannot pass by leaving the row alone
    earlier = next(day for day in (date.today() - timedelta(days=n) for n in (1, 2))
                   if tm.day_in_words(day) != checked)
    editing.rewrite(reading_copy, "terms.csv", G4S_SINCE + _iso_of(checked) + ",",
                    G4S_SINCE + tm.day_in_words(earlier) + ",")
    loaded = tm.load_terms(helpers.load_essay(reading_copy)).set_index("term")
    assert loaded.loc["G4S", "since_checked"] == tm.day_in_words(earlier) != checked


def _iso_of(words: str) -> str:
    """The ISO form of a date the loader gives in words ("4 December 2026" -> "2026-12-04"), as terms.csv holds it."""
    day, month, year = words.split()
    return date(int(year), tm.MONTHS.index(month) + 1, int(day)).isoformat()


def test_a_context_gloss_without_reference(reading_copy):
    err = error_after(reading_copy, "context,\"Wikipedia, “Ella Baker”\"", "context,")
    assert "no reference" in err.problem


def test_spanish_names_where_spanish_differs(terms):
    """The native review (#20 item 5) listed these as missing."""
    es = terms.set_index("term").spanish
    assert es["Ireland"] == "Irlanda" and es["Mexico"] == "México" and es["Palestine"] == "Palestina"
    assert es["Guatemala City"] == "Ciudad de Guatemala" and es["Pennsylvania"] == "Pensilvania"
    assert es["base-building"] == "trabajo de base" and es["U.S. Empire"] == "el Imperio estadounidense"


def test_a_name_not_found_suggests_the_nearest(essay, capsys):
    """The learner review (round 12): a lookup that found nothing only said so. A typo now gets "did you mean"
    with the nearest names; a word near nothing gets no guess."""
    from helpers import quotations as q
    from helpers import terms as tm
    terms = helpers.load_terms(essay)
    assert tm.lookup(essay, terms, "Fuentez").empty
    assert "Did you mean “Bartolo Fuentes”?" in capsys.readouterr().out
    tm.lookup(essay, terms, "xyzzy")
    assert "Did you mean" not in capsys.readouterr().out
    assert q.appearances(helpers.load_quotations(essay), "Marks") is None
    assert "Did you mean “Karl Marx”?" in capsys.readouterr().out


def test_after_a_suggestion_the_lookup_suggests_that_name_and_shows_no_empty_table(essay, capsys):
    """The learner review (round 13): tm.lookup(essay, terms, "Heidi Fultin") said "Did you mean “Heidi Fulton”?",
    then "Try essay.search('Heidi Fultin')", a search for the typo that finds nothing, and the cell's
    helpers.table(…) showed an empty table with only its header row under the message. Now the suggested name is
    what it says to type, and a table of no rows shows nothing."""
    terms = helpers.load_terms(essay)
    shown = helpers.table(tm.lookup(essay, terms, "Heidi Fultin"))
    out = capsys.readouterr().out
    assert "Did you mean “Heidi Fulton”?" in out and 'tm.lookup(essay, terms, "Heidi Fulton")' in out, out
    assert "Heidi Fultin')" not in out, out
    assert repr(shown) == "" and shown._repr_html_() == ""
    tm.lookup(essay, terms, "xyzzy")                  # near no name: searching the text is still the advice
    assert "Try essay.search('xyzzy')" in capsys.readouterr().out
