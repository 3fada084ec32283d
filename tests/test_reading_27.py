"""Session 27 (`reading`): the close reader's leftovers in the glossary (review 26, findings 5 and the coverage note).

- ¶46's "Berta Cáceres Bill for Human Rights in Honduras" has its own entry, anchored in ¶46, its ¶33 link given as
  the package's reading, and every fact from outside the essay under a named reference;
- the Heidi Fulton row and the U.S. ambassador row agree on the month the ambassador left (June 2017), and the
  ambassador row says which reference gives July and why the package follows June;
- every name ¶33–¶52 uses is in the glossary, or is listed here with the reason it is left out.
"""
from __future__ import annotations

import re

import nbformat
import pytest

import helpers
from helpers import terms as tm
from notebook_outputs import NOTEBOOKS

BILL = "Berta Cáceres Bill for Human Rights in Honduras"
NEW = [BILL, "Central America", "U.S. Congress", "Constitution of Honduras", "end of history"]
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@pytest.fixture(scope="module")
def terms(essay):
    return helpers.load_terms(essay).set_index("term")


def _quoted(text: str) -> list[str]:
    return re.findall(r"“([^”]+)”", text)


def test_the_bill_46_names_has_its_own_entry_anchored_there(essay, terms):
    assert BILL in terms.index, "the glossary has no entry for the bill ¶46 names"
    row = terms.loc[BILL]
    assert row.first_paragraph == 46 and row.span == BILL and BILL in essay.paragraphs.loc[46].text
    assert row.kind == "law or bill"
    # what the essay says: ¶46's own words, and ¶33's unnamed bill given as the package's reading, never as the essay's
    for words in ("which would cut off all military and police training and aid to the dictatorship until human "
                  "rights violations and impunity cease", "very few in the U.S. social movements even know it exists"):
        assert f"“{words}”" in row.in_the_essay and words in essay.paragraphs.loc[46].text, words
    assert "¶33" in row.in_the_essay and "the package's reading" in row.in_the_essay
    # the name inside the bill's name is the bill, not a second mention of the person
    m = tm.mentions(essay, helpers.load_terms(essay))
    assert not ((m.term == "Berta Cáceres") & (m.paragraph == 46)).any()
    assert ((m.term == BILL) & (m.paragraph == 46)).sum() == 1


def test_the_bill_s_outside_facts_are_context_with_named_references(terms):
    row = terms.loc[BILL]
    assert row.definition_source == "context" and row.reference.count("“") >= 2
    for fact in ("Hank Johnson", "H.R. 5474", "2016"):            # who, which bill, when: all context
        assert fact in row.definition, fact
    assert row.since and row.since_reference and row.since_checked
    assert "later events are not covered" not in row.since or "up to" in row.since
    assert "became law" not in row.since and "passed" not in row.since.replace("whether any version was passed", "")


def test_heidi_fulton_and_the_ambassador_row_agree_on_the_month(terms):
    fulton = re.search(rf"chargé d'affaires in Honduras from ({MONTHS}) (\d{{4}})", terms.loc["Heidi Fulton", "definition"])
    since = terms.loc["U.S. ambassador to Honduras", "since"]
    gap = re.search(rf"the first since [^.;(]*?(?:\d{{1,2}} )?({MONTHS}) (\d{{4}})", since)
    assert fulton and gap, (fulton, since[:200])
    assert fulton.groups() == gap.groups(), (fulton.groups(), gap.groups())
    # the reference that gives July is named, with the reason the package follows June
    assert "El Libertador" in since and "11 July 2017" in since and "El Heraldo" in since
    for row in ("Heidi Fulton", "U.S. ambassador to Honduras"):
        refs = terms.loc[row, "reference"] + terms.loc[row, "since_reference"]
        assert "El Heraldo (Tegucigalpa)" in refs and "11 June 2017" in refs, row


def test_04_worked_example_gives_the_same_month():
    nb = nbformat.read(NOTEBOOKS / "04_people_places_terms.ipynb", as_version=4)
    cell = next(c.source for c in nb.cells if c.source.startswith("**One worked example: Heidi Fulton.**"))
    assert "no ambassador from June 2017 until April 2022" in cell


@pytest.mark.parametrize("term", NEW)
def test_each_new_entry_quotes_the_essay_and_names_its_references(essay, terms, term):
    row = terms.loc[term]
    assert row.definition_source == "context" and row.reference, term
    assert row.span in essay.paragraphs.loc[row.first_paragraph].text
    body = " ".join(essay.paragraphs.text)
    for words in _quoted(row.in_the_essay):
        assert words in body, (term, words)
    if row.since:
        assert row.since_reference and row.since_checked, term


# Names ¶33–¶52 uses that the glossary leaves out on purpose, each with the reason. A single capitalised word that
# opens a sentence ("Despite", "Meanwhile") or is an ordinary word elsewhere in the essay ("The") is no name.
LEFT_OUT = {
    "Hondurans": "the people of Honduras, counted under Honduras",
    "Honduran": "the adjective of Honduras, counted under Honduras",
    "Mexican": "the adjective of Mexico, counted under Mexico",
    "Latin American": "the adjective of Latin America",
    "U.S.-backed": "the adjective of the United States",
    "U.S.-Mexico": "the border of two glossed places, the United States and Mexico",
    "TV": "an abbreviation, not a name (“TV personality”, ¶35)",
    "Spanish": "a language (“TSE, in Spanish”, ¶37)",
    "President": "a title (“TSE … President”, ¶37); its holder, David Matamoros, has an entry",
    "November": "a month: dated in the timeline, not a name",
    "October": "a month: dated in the timeline, not a name",
    "January": "a month: dated in the timeline, not a name",
}
# Lower-case names the essay gives one particular thing in ¶33–¶52: glossed (the term) or left out (the reason).
LOWER_CASE = {
    "U.S. congress": "U.S. Congress",
    "Honduran constitution": "Constitution of Honduras",
    "military police": "Military Police",
    "end of history": "end of history",
    "prison notebooks": "told in Antonio Gramsci's entry, which names the Prison Notebooks",
    "national dialogue": "in quotation marks (¶37): the marks give the name of the 2018 talks and may also hold it at "
                         "a distance (quotations.csv Q21); the talks are otherwise unglossed, kept with the voices",
    "congressman": "a title (“former LIBRE congressman”, ¶39): a seat in Honduras's National Congress, told in "
                   "Bartolo Fuentes's entry; not the U.S. Congress (not_aliases.csv)",
    "congressionally-imposed condition to aid": "described, not named (¶37): the human-rights condition the U.S. "
                                                "Congress set on aid; told in the timeline and the U.S. Congress row",
    "Honduran army": "a common noun for the armed forces, as “the military” throughout; the named force "
                     "(Military Police) has an entry",
    "state of emergency": "a common noun for what the dictator declared (¶36); told in the timeline",
}


def test_every_name_33_to_52_uses_is_glossed_or_left_out_with_a_reason(essay):
    terms = helpers.load_terms(essay)
    m = tm.mentions(essay, terms)
    spans = list(zip(m.start, m.end))
    p = essay.paragraphs
    body = " ".join(p.text)
    ordinary = set(re.findall(r"(?<![\w’'.-])[a-z][\w’'-]*", body))
    name = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’'-]*(?:\.[A-Z])*\.?(?:-[\w]+)?"
                      r"(?:\s(?:(?:of|the|for|and|de|y|Against|on|in|that|We|Can)\s)*[A-ZÁÉÍÓÚÑ][\w'-]*)*")
    missing, used = set(), set()
    for r in p[(p.paragraph >= 33) & (p.paragraph <= 52) & (p.kind != "heading")].itertuples():
        for x in name.finditer(r.text):
            word = re.sub(r"[’']s$", "", x.group()).rstrip(".")
            start = r.start + x.start()
            end = start + len(word)
            if any(a < end and start < b for a, b in spans):
                continue                                     # the glossary counts a name here
            opens = re.search(r"(^|[.?!:…]\s+|[“‘(]|–\s)$", r.text[:x.start()]) is not None
            if " " not in word and (word.lower() in ordinary or opens):
                continue                                     # an ordinary word, or a sentence's first word
            if word in LEFT_OUT:
                used.add(word)
            else:
                missing.add((r.paragraph, word))
    assert not missing, f"names in ¶33–¶52 neither in the glossary nor left out with a reason: {sorted(missing)}"
    assert used == set(LEFT_OUT), f"listed as left out but not a name ¶33–¶52 uses unglossed: {set(LEFT_OUT) - used}"
    names = {n for row in terms.itertuples() for n in tm.names_of(row)}
    for words, term_or_reason in LOWER_CASE.items():
        assert words in " ".join(p[(p.paragraph >= 33) & (p.paragraph <= 52)].text), words
        if term_or_reason in set(terms.term):
            assert words in names or words == term_or_reason, (words, term_or_reason)
        else:
            assert len(term_or_reason) > 30, words           # a reason, not a term the glossary lacks
