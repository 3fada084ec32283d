"""Close reading, round 20, voices and timeline of ¶19–¶44 (/work/review20-out/close.md, on 99df362), what was
still open at 94c530a (issue #19): the sentences with no row (¶20's media assault; ¶25's OAS lobbying, the push for
swift "elections" and the wave of selective assassinations; ¶35's magistrate and the slight "victory"; ¶37's
opposition from the Alliance's base; ¶42's groups going back; ¶44's It Takes Roots) and E72's dropped half; the
speakers of Q76/Q77 named by their kind, as Q50 and Q63 are; Q12/Q21 left without a speaker, with the reason that
Q20 has one; Q49 with the source and date Q23 has; E08 drawn no wider than its reasoning. Beyond the list: every
sentence of ¶19–¶44 holds a timeline row or is accounted for below (the row that tells its event, or why it has
no event of its own), and every quotation and year of the range has its row. The first six tests fail on
94c530a; the last passes there (as the essay-wide tests do) and fails when the row of a quotation or a year is removed."""
from __future__ import annotations

import re
from datetime import date

import helpers
from helpers import timeline as tl

# Sentences of ¶19–¶44 that hold no timeline row's span, each with the row that tells its event (E…) or, with no
# id, why it has no event of its own. Named by their opening words. A new sentence, or one whose row was removed,
# is neither here nor covered, and the test below names it.
ACCOUNTED = {
    "It is impossible to understand": "a claim (why the coup comes first); the coup is E09",
    "Zelaya had ended up on the wrong side": "E82",           # his reforms, which put him there
    "Led by Honduran General": "E09",                         # the coup, told on from the sentence before
    "To the surprise of the coup’s backers": "E10",
    "The movement was unprecedented": "the authors' judgement of the resistance (E10), no event of its own",
    "Members of unions, teachers": "E10",                     # "day after day": undated.csv, row E10
    "Key moments included": "a signpost to ¶22–¶24 (E64, E65, E66)",
    "At numerous junctures": "E105",                          # the isolation; the pressure is E10
    "In her memoir": "a lead-in to Clinton's account (E11); the essay does not date the memoir",
    "We strategized on a plan": "E11",
    "The initial ruler": "E13",
    "All of this was made possible": "a claim that explains ¶27–¶32; no event of its own",
    "The resistance movement, calculated": "E19",
    "The LIBRE party joined": "E19",
    "Their math worked out": "the authors' judgement of the count of election night (E21)",
    "Shortly after his remarks": "E22",
    "Once again, the resistance": "E23",
    "This time, they were consistently met": "E23",
    "Over 30 people were shot dead": "E23",
    "Thousands were beaten and gassed": "E23",
    "In a story all too familiar": "sums up the three U.S. actions that follow (E24, E48, E49)",
    "The OAS was openly calling": "E71",
    "And the U.S. took three decisive actions": "a signpost to E24, E48 and E49",
    "His message was": "E27",
    "Those words were twisted": "E52",
    "In a later interview": "E29",
    "The rest of the story": "a signpost to ¶42",
    "Throughout, refugees continued": "E30",
    "Organizing themselves": "E30",
    "What is even more surprising": "a claim about the responses the review reads (E83)",
    "While there are exceptions": "E83",
    "When it is mentioned": "E83",
}
FUENTES = range(40, 41)       # ¶40 is Fuentes's interview, dated whole by E29; the events it tells by E25


def test_the_sentences_the_review_found_without_a_row_have_one(essay):
    """The review's list: each sentence now has its row, in the file its kind belongs to."""
    t = tl.load_timeline(essay).set_index("id")
    q = helpers.load_quotations(essay)
    in_rows = lambda words: t[t.span.str.contains(words, regex=False)]
    for words in ("all-out media assault on Zelaya", "its lobbying in the Organization of American States",
                  "to push for swift “elections”", "a wave of selective assassinations",
                  "spoke out in the media", "retrace their steps back", "passed hundreds of concessions"):
        assert not in_rows(words).query("source == 'essay'").empty, words
    lobbying = in_rows("its lobbying in the Organization of American States")
    context = lobbying[lobbying.dated_by == tl.CONTEXT]
    assert len(context) == 1 and context.reference.str.contains("Organization of American States").all()
    assert context.index[0] in t.loc[lobbying[lobbying.dated_by != tl.CONTEXT].index[0], "rests_on"]
    assert "concessions" in t.loc["E72", "event"] and "military and Honduran oligarchy" in t.loc["E72", "event"]
    assert "victory" in t.loc["E22", "event"]
    magistrate = in_rows("spoke out in the media").index[0]
    assert magistrate in t.loc["E22", "rests_on"].split(";")
    for words, speaker in (("vehement opposition from the base", "the base of the Alliance Against the Dictatorship"),
                           ("It Takes Roots alliance of alliances", "the It Takes Roots alliance of alliances")):
        rows = q[q.text.str.contains(words, regex=False)]
        assert rows.speaker.tolist() == [speaker], words


def test_voices_of_the_review_sentence_are_named_by_their_kind(essay):
    """Q76 and Q77 had no speaker, though ¶44 names the kind of voice, as ¶42 (Q50) and ¶44 (Q63) do."""
    q = helpers.load_quotations(essay).set_index("id")
    for id_ in ("Q76", "Q77", "Q50", "Q63"):
        speaker = q.loc[id_, "speaker"]
        assert speaker and speaker in essay.text, id_
    assert q.loc["Q76", "speaker"] == "labor, community and immigrant rights organizations"


def test_scare_quotes_of_the_us_sentences_say_whose_words(essay):
    """Q20 gives "progress in human rights" to the U.S.; Q12 and Q21, in sentences where the U.S. is likewise the
    subject, had no speaker and no reason for the difference."""
    q = helpers.load_quotations(essay).set_index("id")
    assert q.loc["Q20", "speaker"] == "the U.S." and "re-certified Honduras for" in q.loc["Q20", "language_basis"]
    for id_ in ("Q12", "Q21"):
        assert q.loc[id_, "speaker"] == "", id_
        assert "certified" in q.loc[id_, "language_basis"] and "subject" in q.loc[id_, "language_basis"], id_


def test_the_two_rows_of_the_fuentes_interview_agree(essay):
    """Q49 (the lead-in) lacked the date and "Fox News Rundown" that Q23 (the interview) has."""
    q = helpers.load_quotations(essay).set_index("id")
    for column in ("source_named", "source_as_given", "date_as_given"):
        assert q.loc["Q49", column] == q.loc["Q23", column], column


def test_e08_is_drawn_no_wider_than_its_reasoning(essay):
    """E08 was drawn over all of March and April 2009 while its reasoning gives late March, run a little either
    way (mid-March, or early April)."""
    e08 = tl.load_timeline(essay).set_index("id").loc["E08"]
    start, end = tl.interval(e08.date)
    assert date(2009, 3, 28) >= start >= date(2009, 3, 10) and date(2009, 4, 15) >= end >= date(2009, 4, 5)
    assert "mid-March" in e08.derived_by and "early April" in e08.derived_by
    # the two weeks each side are the package's reading of "just three months", so the date is its inference
    # (close reading of session 26, finding 12: the row carries the star)
    assert e08.dated_by == tl.INFERENCE


def test_every_sentence_of_19_to_44_is_accounted_for(essay):
    """Every sentence of ¶19–¶44 (headings and Fuentes's quotation aside) holds a timeline row's span or is in
    ACCOUNTED, which names the row telling its event or why it has none; no entry of ACCOUNTED is stale."""
    t = tl.load_timeline(essay)
    spans = t.span.tolist()
    ids = set(t.id)
    sentences = essay.sentences
    text = essay.text
    left, used = [], set()
    for s in sentences[(sentences.paragraph >= 19) & (sentences.paragraph <= 44)].itertuples():
        words = re.sub(r"\s+", " ", text[s.start:s.end]).strip()
        if s.paragraph in FUENTES or essay.paragraphs.loc[essay.paragraphs.paragraph == s.paragraph,
                                                            "kind"].item() in ("heading", "attribution"):
            continue
        if any(sp in words or words in sp for sp in spans if sp):
            continue
        key = next((k for k in ACCOUNTED if words.startswith(k)), None)
        if key is None:
            left.append(f"¶{s.paragraph}: {words[:80]}")
        else:
            used.add(key)
    assert not left, "sentences with no timeline row and no account:\n" + "\n".join(left)
    assert not set(ACCOUNTED) - used, f"stale entries: {set(ACCOUNTED) - used}"
    for key, value in ACCOUNTED.items():
        for id_ in re.findall(r"\bE\d+\b", value):
            assert id_ in ids, (key, id_)


def test_every_quotation_and_year_of_19_to_44_has_its_row(essay):
    """The quotation marks and the years of ¶19–¶44: each pair of marks is a row of quotations.csv, each year lies
    in a timeline row or is listed in undated.csv (the essay-wide tests hold the same for every paragraph)."""
    q = helpers.load_quotations(essay)
    for n in range(19, 45):
        para = re.sub(r"\s+", " ", essay.paragraphs.loc[essay.paragraphs.paragraph == n, "text"].item())
        texts = [re.sub(r"\s+", " ", x) for x in q[q.paragraph.astype(str) == str(n)].text]
        for quoted in re.findall(r"“([^”]+)”", para):
            assert quoted in texts, (n, quoted)
    left = tl.uncovered(essay, tl.load_timeline(essay), tl.load_undated(essay))
    assert left[(left.paragraph >= 19) & (left.paragraph <= 44)].empty, left.to_string()
