"""Rules as data: schema.yml declares each annotation table, and a new column, vocabulary word or rule is an edit
of the reading's files with no change to the code. Each test edits a copy of the reading and loads it."""
from __future__ import annotations

import csv
import io

import pytest

import helpers
from helpers import argument, discussion, lead_ins, ledger, rules, timeline as tl, workshop

from editing import error_after, rewrite, fast_dump, fast_load


def load_error(folder, load) -> helpers.AnnotationError:
    with pytest.raises(helpers.AnnotationError) as info:
        load(helpers.load_essay(folder))
    return info.value


def rewrite_rows(path, change) -> None:
    """Rewrite a CSV of the copied reading row by row: ``change(header, row)`` edits each row (header included)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    for r in rows:
        change(rows[0], r)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_a_new_theme_is_a_word_in_schema_yml(reading_copy):
    changed = []

    def relabel(header, row):
        if row is not header and not changed and row[header.index("theme")] == "Honduran politics":
            row[header.index("theme")] = "labour"
            changed.append(row[0])
    rewrite_rows(reading_copy / "timeline.csv", relabel)

    # without the word in the schema, the row is refused, and the fix says where the word goes
    err = load_error(reading_copy, tl.load_timeline)
    assert err.file.endswith("timeline.csv") and "'theme' is 'labour'" in err.problem
    assert "add the word to theme under timeline.csv in schema.yml" in err.fix

    rewrite(reading_copy, "schema.yml", "theory and history,\n            publication]",
            "theory and history,\n            publication, labour]")
    events = tl.load_timeline(helpers.load_essay(reading_copy))
    assert events.loc[events.id == changed[0], "theme"].item() == "labour"
    assert "labour" in tl.by_theme(events).index                       # the new word is listed, last, as declared
    assert list(tl.by_theme(events).index)[-1] == "labour"


def test_a_new_column_is_an_edit_of_the_data(reading_copy):
    def add(header, row):
        row.append("checked_by" if row is header else "" if row[0] == "N02" else "a reader")
    rewrite_rows(reading_copy / "figures.csv", add)
    rewrite(reading_copy, "schema.yml",
            "given_by, quotation, source_as_given]\n  id: id\n  filled: [figure, measures, given_by]",
            "given_by, quotation, source_as_given,\n            checked_by]\n  id: id\n"
            "  filled: [figure, measures, given_by, checked_by]")
    err = load_error(reading_copy, helpers.load_figures)
    assert err.file.endswith("figures.csv") and "(N02)" in str(err.row) and err.problem == "'checked_by' is empty."

    def fill(header, row):
        if row[0] == "N02":
            row[header.index("checked_by")] = "a reader"
    rewrite_rows(reading_copy / "figures.csv", fill)
    figures = helpers.load_figures(helpers.load_essay(reading_copy))
    assert set(figures.checked_by) == {"a reader"} and len(figures) > 10


def test_a_new_rule_is_declared_with_its_message(reading_copy):
    rewrite(reading_copy, "schema.yml", "      problem: \"a context clue has no reference.\"\n      fix: \"name the public "
            "reference.\"\n",
            "      problem: \"a context clue has no reference.\"\n      fix: \"name the public reference.\"\n"
            "    - when: {pulls: [pulls later]}\n      then: {source: [context]}\n"
            "      problem: \"a clue that pulls later is {source!r}.\"\n      fix: \"make it a context clue.\"\n")
    err = load_error(reading_copy, tl.load_dating)
    assert err.file.endswith("dating.csv") and "a clue that pulls later is 'essay'." == err.problem
    assert err.fix == "make it a context clue." and "(D" in str(err.row)


def test_a_new_claim_basis_is_a_word_in_schema_yml(reading_copy):
    rewrite(reading_copy, "argument.yml", "basis: own account", "basis: remembered")
    err = load_error(reading_copy, helpers.load_argument)
    assert err.file.endswith("argument.yml") and "'basis' is 'remembered'" in err.problem
    rewrite(reading_copy, "schema.yml", "basis: [cited, attributed, own account, none given, argued]",
            "basis: [cited, attributed, own account, none given, argued, remembered]")
    claims = helpers.load_argument(helpers.load_essay(reading_copy)).claims
    assert "remembered" in set(claims.basis)
    assert "remembered" in argument.Argument.basis_by_section(
        helpers.load_argument(helpers.load_essay(reading_copy))).columns


def test_a_schema_that_names_no_such_column_is_blamed(reading_copy):
    err = error_after(reading_copy, "schema.yml", "  filled: [text, function]", "  filled: [text, functoin]",
                      helpers.load_quotations)
    assert "quotations.csv filled names the column 'functoin'" in err.problem and "function" in err.fix


def test_a_rule_message_naming_no_column_is_blamed(reading_copy):
    err = error_after(reading_copy, "schema.yml", 'problem: "a relative date has no derived_by."',
                      'problem: "a relative date has no {derived}."', tl.load_timeline)
    assert "names something that is not a column" in err.problem and "timeline.csv rule 1" in str(err.row)


def test_a_file_the_schema_does_not_declare_is_blamed_on_the_schema(reading_copy):
    err = error_after(reading_copy, "schema.yml", "\nundated.csv:\n", "\nundated_old.csv:\n", tl.load_undated)
    assert "declares nothing for undated.csv" in err.problem


def test_the_declared_vocabularies_are_the_module_names(essay):
    folder = essay.folder
    assert tl.THEMES == rules.vocabulary(folder, "timeline.csv", "theme")
    assert argument.RELATION_WORDS == rules.vocabulary(folder, argument.CLAIMS, "relation")
    assert "explained by" not in argument.RELATIONS and set(argument.RELATIONS) < set(argument.RELATION_WORDS)
    with pytest.raises(AttributeError):
        tl.NO_SUCH_VOCABULARY


def nodes(value, prefix=()):
    """Every path (keys and indexes) to a node of a YAML document."""
    yield prefix
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for k, v in children:
        yield from nodes(v, prefix + (k,))


def replaced(value, path, new):
    if not path:
        return new
    if isinstance(value, dict):
        return {k: (replaced(v, path[1:], new) if k == path[0] else v) for k, v in value.items()}
    return [replaced(v, path[1:], new) if i == path[0] else v for i, v in enumerate(value)]


LOADERS = {"quotations.csv": helpers.load_quotations, "figures.csv": helpers.load_figures,
           "timeline.csv": tl.load_timeline, "dating.csv": tl.load_dating, "undated.csv": tl.load_undated,
           "terms.csv": helpers.load_terms, "not_aliases.csv": helpers.load_terms,
           "argument.yml claims": helpers.load_argument, "argument.yml thesis": helpers.load_argument,
           "time expressions": tl.load_undated,
           **dict.fromkeys(["ledger.yml kinds", "ledger.yml sentences"], ledger.load_ledger),
           **dict.fromkeys(["ledger.yml marks", "ledger.yml unlisted"], ledger.load_marks),
           **dict.fromkeys(["discussion.yml questions", "discussion.yml facilitation", "discussion.yml likely"],
                           discussion.load_facilitation),
           "lead_ins.yml lead_ins": lead_ins.load_lead_ins, "lead_ins.yml not_lead_ins": lead_ins.unlisted,
           "facilitation.yml notebooks": workshop.load_notes, "facilitation.yml hub_sizing": workshop.hub_sizing,
           **dict.fromkeys(["facilitation.yml (file)", "facilitation.yml handout", "facilitation.yml setup",
                            "facilitation.yml routes", "facilitation.yml sensitive_for_group"], workshop.load_handout),
           "discussion_es.yml questions": workshop.load_questions_es,
           **dict.fromkeys(["sessions.yml plans", "sessions.yml meetings", "sessions.yml segments", "sessions.yml spanish"],
                           workshop.load_plans),
           **dict.fromkeys(["sessions.yml print", "sessions.yml printouts"], workshop.load_print_lists),
           "sessions.yml prepare": workshop.load_preparation, "sessions.yml reading_pace": workshop.reading_paces}


# The walk below is split into SHAPE_CHUNKS tests (the entries of schema.yml dealt round-robin, so every entry is in
# exactly one chunk) so that the test workers share it: whole, it was the longest test of `make test-fast` (about
# 20 s, tests/conftest.py runs each chunk as its own unit of work).
SHAPE_CHUNKS = 6


@pytest.mark.parametrize("chunk", range(SHAPE_CHUNKS))
def test_any_node_of_schema_yml_of_the_wrong_shape_gives_a_plain_error(reading_copy, chunk):
    """Every entry of schema.yml, every key of an entry and every rule and reference replaced by nothing or an
    empty mapping: the schema is refused naming schema.yml, or the file it declares loads (or refuses
    a row with a plain error), and no other exception escapes."""
    import json
    path = reading_copy / "schema.yml"
    original = fast_load(path.read_text(encoding="utf-8"))
    assert set(LOADERS) <= set(original), "a declared file has no loader here"
    entries = list(original)[chunk::SHAPE_CHUNKS]
    assert entries, "more chunks than entries in schema.yml: lower SHAPE_CHUNKS"
    # JSON is YAML, and written by C: the same documents, read back the same, in a fifth of the time of PyYAML's
    # representer. Only when the schema comes back from JSON exactly (so every document below, made by replacing a
    # part with None or {}, does too); otherwise through YAML as before.
    dump = ((lambda doc: json.dumps(doc, ensure_ascii=False))
            if fast_load(json.dumps(original, ensure_ascii=False)) == original
            else (lambda doc: fast_dump(doc, allow_unicode=True)))
    essay = helpers.load_essay(reading_copy)
    outcomes = set()
    for where in [p for p in nodes(original) if p and p[0] in entries
                  and (len(p) <= 2 or len(p) == 3 and p[1] in ("rules", "references"))]:
        for new in (None, {}):
            path.write_text(dump(replaced(original, where, new)), encoding="utf-8")
            try:
                rules.schema(reading_copy)
                LOADERS.get(where[0], lambda e: None)(essay)
                outcomes.add("loads")
            except helpers.HelperError as err:
                assert str(err.problem).strip() and str(err.fix).strip()
                outcomes.add("schema.yml" if err.file.endswith("schema.yml") else "a data file")
    assert {"loads", "schema.yml"} <= outcomes, outcomes         # both outcomes were reached: the test walks them


def test_the_relative_time_expressions_are_the_readings(reading_copy):
    """The relative expressions the undated check looks for are the reading's words: a new one is found at once
    (and, being in no timeline span and without a row of undated.csv, is reported as uncovered)."""
    before = tl.time_expressions(helpers.load_essay(reading_copy))
    assert "Once again" not in set(before.expression)
    rewrite(reading_copy, "schema.yml", "longstanding, prior to", "longstanding, prior to, once again")
    essay = helpers.load_essay(reading_copy)
    assert "Once again" in set(tl.time_expressions(essay).expression)
    assert "Once again" in set(tl.uncovered(essay, tl.load_timeline(essay), tl.load_undated(essay)).expression)
    err = error_after(reading_copy, "schema.yml", "prior to, once again", "(prior to", tl.load_undated)
    assert "not a regular expression" in err.problem and err.row == "time expressions"


def test_every_declared_word_is_explained_for_people(essay):
    """The seeds README explains every word of every table's vocabulary (the claims' words: argument.yml's header),
    so a word added to schema.yml without a line for readers fails here."""
    readme = " ".join((essay.folder / "README.md").read_text(encoding="utf-8").split())
    header = " ".join(line for line in (essay.folder / "argument.yml").read_text(encoding="utf-8").splitlines()
                      if line.startswith("#"))
    missing = [(name, col, word) for name, entry in rules.schema(essay.folder).items()
               for col, words in (entry.get("vocabularies") or {}).items() for word in words
               if word not in (header if name == argument.CLAIMS else readme)]
    assert not missing, f"explain these words in seeds/{essay.reading}/README.md (or argument.yml's header): {missing}"


def test_a_reference_to_either_of_two_files(reading_copy):
    """rests_on names timeline rows or dating clues: an id in neither is refused with the declared message."""
    err = error_after(reading_copy, "timeline.csv", "the package's inference,E09;E24,", "the package's inference,E09;D99,",
                      tl.load_timeline)
    assert err.problem == "rests_on names 'D99', which neither timeline.csv nor dating.csv has."
    assert err.fix == "give the id of a timeline row (E…) or a dating clue (D…)."


def test_a_new_field_of_a_yaml_list_is_an_edit_of_the_data(reading_copy):
    """discussion.yml's questions are declared in schema.yml like a table: a new field with its vocabulary is checked
    and loaded, and a new word for it is one more word in schema.yml, with no change to the code."""
    import yaml
    path = reading_copy / "discussion.yml"
    data = fast_load(path.read_text(encoding="utf-8"))
    for q in data["questions"]:
        q["difficulty"] = "warm-up" if q["id"] == "D01" else "core"
    data["questions"][1]["difficulty"] = "hard"
    path.write_text(fast_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rewrite(reading_copy, "schema.yml", "discussion.yml questions:\n  columns: [id, notebook, question, slide, "
            "aloud, anchors, facilitation]\n", "discussion.yml questions:\n  columns: [id, notebook, question, slide, "
            "aloud, anchors, facilitation, difficulty]\n  vocabularies:\n    difficulty: [warm-up, core]\n")
    err = load_error(reading_copy, helpers.load_questions)
    assert err.file.endswith("discussion.yml") and err.problem == "'difficulty' is 'hard'."
    assert "(D02)" in str(err.row) and "add the word to difficulty under discussion.yml questions in schema.yml" in err.fix

    rewrite(reading_copy, "schema.yml", "difficulty: [warm-up, core]", "difficulty: [warm-up, core, hard]")
    questions = helpers.load_questions(helpers.load_essay(reading_copy)).set_index("id")
    assert questions.loc["D01", "difficulty"] == "warm-up" and questions.loc["D02", "difficulty"] == "hard"
    assert set(questions.difficulty) == {"warm-up", "core", "hard"}


def test_a_new_ledger_kind_needs_a_declared_word(reading_copy):
    """What a ledger kind may need is a vocabulary of schema.yml: a kind needing 'figures' loads, one needing a file
    the schema does not list is refused naming ledger.yml, the kind and where the word goes."""
    rewrite(reading_copy, "ledger.yml", "  question:\n", "  table:\n    means: a table of numbers\n    needs: maps\n"
            "  question:\n")
    err = load_error(reading_copy, lambda e: ledger.load_ledger(e))
    assert err.file.endswith("ledger.yml") and err.problem == "'needs' is 'maps'." and err.row == "kinds.table"
    assert "add the word to needs under ledger.yml kinds in schema.yml" in err.fix
    rewrite(reading_copy, "ledger.yml", "needs: maps", "needs: [figures, timeline]")
    kinds, _ = ledger.load_ledger(helpers.load_essay(reading_copy))
    assert kinds["table"] == {"means": "a table of numbers", "needs": ["numbers", "events"]}


def test_a_new_word_and_a_new_column_of_the_session_plans_are_edits_of_the_data(reading_copy):
    """sessions.yml is declared in schema.yml like the tables: a new word for a print list's copies is refused with the
    declared message until schema.yml lists it, and a new field of the printouts is loaded, with no change to the code."""
    rewrite(reading_copy, "sessions.yml", "{printout: glossary excerpt, copies: each pair}",
            "{printout: glossary excerpt, copies: each table}")
    err = load_error(reading_copy, workshop.load_print_lists)
    assert err.file.endswith("sessions.yml") and err.problem == "copies is 'each table'." and "each pair" in err.fix
    assert err.row == "plan single-90, print, line 3"
    rewrite(reading_copy, "schema.yml", "words: [each participant, each pair,", "words: [each participant, each pair, each table,")
    rewrite(reading_copy, "sessions.yml", "file: print/glossary.pdf}", "file: print/glossary.pdf, pages: 4}")
    rewrite(reading_copy, "schema.yml", "  columns: [printout, name, file, version]\n", "  columns: [printout, name, file, version, pages]\n"
            "  types: {pages: number}\n")
    essay = helpers.load_essay(reading_copy)
    lists = workshop.load_print_lists(essay)
    assert "each table" in set(lists.copies)
    printouts = rules.load_entries(essay, "sessions.yml printouts").set_index("printout")
    assert printouts.loc["glossary", "pages"] == 4


@pytest.mark.parametrize("kind, value, out", [
    ("decimal", 1.5, 1.5), ("decimal", 2, 2), ("numbers", [10, 20], [10, 20]), ("paragraphs", "¶10–¶13, ¶50", "¶10–¶13, ¶50"),
    ("pair", {"en": "Hello", "es": "Hola"}, {"en": "Hello", "es": "Hola"}),
    ("pairs", [{"en": "a", "es": "b"}], [{"en": "a", "es": "b"}])])
def test_the_new_field_types_load_their_values(essay, kind, value, out):
    assert rules._value(essay, kind, value, "x.yml", "entry 1", "f") == {"f": out}


@pytest.mark.parametrize("kind, value, problem", [
    ("decimal", "fast", "'f' should be a number"), ("numbers", [10, "x"], "'f' should be a whole number"),
    ("paragraphs", "¶10–¶99", "'f' names ¶63, outside the essay (¶1 to ¶62)"),
    ("paragraphs", "ten", "'f' has 'ten', which is not a ¶ number or range"),
    ("pair", {"en": "Hello"}, "'es' is missing"), ("pairs", {"en": "a", "es": "b"}, "'f' should be a list")])
def test_the_new_field_types_refuse_the_wrong_value(essay, kind, value, problem):
    with pytest.raises(helpers.AnnotationError) as err:
        rules._value(essay, kind, value, "x.yml", "entry 1", "f")
    assert problem in err.value.problem and err.value.fix and err.value.row.startswith("entry 1")


def test_one_entry_and_a_vocabulary_with_its_own_message(reading_copy):
    """'one: true' reads a mapping as its one entry (a list there is refused); a vocabulary's own message names the word."""
    pace = rules.load_one(helpers.load_essay(reading_copy), "sessions.yml reading_pace")
    assert pace == {"close": 2, "second_language": 2, "interpreted": 1.5}
    err = error_after(reading_copy, "sessions.yml", "reading_pace:\n", "reading_pace:\n  - close: 2\nx_pace:\n",
                      workshop.reading_paces)
    assert err.file.endswith("sessions.yml") and "'reading_pace' should be a mapping" in err.problem
    err = error_after(reading_copy, "sessions.yml", "{reads: glossary, minimum: true,",
                      "{reads: glossary, pace: slow, minimum: true,", workshop.load_preparation)
    assert err.problem == "pace is 'slow'." and err.fix == "write one of: first, close."


@pytest.mark.parametrize("empty", [{}, []])
def test_an_empty_keyed_section_is_no_entries_not_a_crash(essay, empty):
    """CI's property test found it: an empty keyed section (facilitation.yml `notebooks: {}`) raised AttributeError
    deep in the loader instead of loading as no entries."""
    assert len(rules.load_entries(essay, "facilitation.yml notebooks", data={"notebooks": empty})) == 0


def test_a_quotes_declaration_checks_a_column_without_code(reading_copy):
    """schema.yml's `quotes:` alone makes a column's quoted words the essay's (here undated.csv's reasons, which no
    code checks): words the essay does not have are refused with the declared message (the first row, which quotes
    the essay, passes before the edit), and marks that are not an opening and
    a closing one are refused naming schema.yml."""
    rewrite(reading_copy, "schema.yml", "  columns: [expression, paragraph, reason]\n",
            "  columns: [expression, paragraph, reason]\n  quotes:\n    reason:\n      marks: \"“”\"\n"
            "      problem: \"quotes “{quoted}”, which the essay does not say.\"\n      fix: \"quote the essay exactly.\"\n")
    try:
        tl.load_undated(helpers.load_essay(reading_copy))
    except helpers.AnnotationError as before:
        assert before.row != 2, before
    err = error_after(reading_copy, "undated.csv", "“the current series of caravans”", "“the recent series of caravans”",
                      tl.load_undated)
    assert err.problem == "quotes “the recent series of caravans”, which the essay does not say." and err.row == 2
    err = error_after(reading_copy, "schema.yml", 'marks: "“”"', 'marks: "“"', tl.load_undated)
    assert "gives the marks '“'" in err.problem and "restore schema.yml" in err.fix


def test_a_condition_on_a_value_is_declared_without_code(reading_copy):
    """A rule's `then` may ask more of a value than its words or 'filled': {has: words} (the text holds them) and
    {at_least: N} (the number is N or more). Declared for a file no code checks that way (dating.csv's reasoning),
    each refuses the row that breaks it with the declared message; a misspelt condition names schema.yml."""
    rewrite(reading_copy, "schema.yml", "      problem: \"a context clue has no reference.\"\n      fix: \"name the public "
            "reference.\"\n",
            "      problem: \"a context clue has no reference.\"\n      fix: \"name the public reference.\"\n"
            "    - when: {id: [D01]}\n      then: {reasoning: {has: \"no such words\"}}\n"
            "      problem: \"the reasoning of {id} does not say it.\"\n      fix: \"say it.\"\n")
    err = load_error(reading_copy, tl.load_dating)
    assert err.problem == "the reasoning of D01 does not say it." and "(D01)" in str(err.row)
    rewrite(reading_copy, "schema.yml", '{has: "no such words"}', "{at_least: 3}")
    err = load_error(reading_copy, tl.load_dating)
    assert err.problem == "the reasoning of D01 does not say it."      # words are not a number of 3 or more
    err = error_after(reading_copy, "schema.yml", "{at_least: 3}", "{at_most: 3}", tl.load_dating)
    assert err.file.endswith("schema.yml") and "at_most" in err.problem and "has" in err.fix


def test_the_checks_declared_as_conditions_keep_their_messages(reading_copy):
    """The checks a loader made by hand and schema.yml now declares as conditions keep their words: a claim whose
    link is the package's reading says so, a segment has a positive number of minutes, a reading pace is 1 or
    more, a quotation is not in the file's header."""
    err = error_after(reading_copy, "quotations.csv", "Q09,,,scare quote,joked,20,", "Q09,,,scare quote,joked,header,",
                      helpers.load_quotations)
    assert err.problem == "a quotation stands in a paragraph of the essay, not in the file's header."
    assert err.row == "10 (Q09)"
    assert err.fix == "give the number of the paragraph the words are in."
    err = error_after(reading_copy, "argument.yml", "(¶3) is the package's reading: ¶9 does not name ¶3",
                      "(¶3) is our reading: ¶9 does not name ¶3", argument.load_argument)
    assert err.problem == "the link is marked the package's reading, but the paraphrase does not say so."
    assert "(see the header of argument.yml)" in err.fix and "C07" in str(err.row)
    err = error_after(reading_copy, "sessions.yml", "  close: 2 ", "  close: 0.5 ", workshop.reading_paces)
    assert err.problem == "reading_pace close is 0.5, faster than a first reading." and err.row == "reading_pace"
    # the pace put back: load_plans reads the paces too (the homework budget counts the second-language reading)
    rewrite(reading_copy, "sessions.yml", "  close: 0.5 ", "  close: 2 ")
    rewrite(reading_copy, "sessions.yml", "- {minutes: 14, topic: welcome,", "- {minutes: 0, topic: welcome,")
    err = load_error(reading_copy, workshop.load_plans)
    assert err.problem == "a segment needs a positive whole number of minutes." and err.fix == "fill in minutes."


def test_an_as_given_column_holds_the_essays_words(reading_copy):
    """load_table checks the columns schema.yml declares `as_given` against the essay, each part separated by "; "
    (Q23's role has two, the second the essay's); "the authors" passes although the essay never writes it."""
    err = error_after(reading_copy, "quotations.csv", "Q23,Bartolo Fuentes,Journalist; a member of the Honduran",
                      "Q23,Bartholomew Fuentes,Journalist; a member of the Honduran", helpers.load_quotations)
    assert err.problem == "'speaker' is 'Bartholomew Fuentes', which is not how the essay puts it."
    assert err.row == "24 (Q23)"
    assert err.fix == ("use the essay's own words (they are checked against the text), or leave it empty when the "
                       "essay does not say.")
    rewrite(reading_copy, "quotations.csv", "Q23,Bartholomew Fuentes,Journalist; a member of the Honduran",
            "Q23,Bartolo Fuentes,Journalist; a member of the Hondurian")
    err = load_error(reading_copy, helpers.load_quotations)
    assert err.problem.startswith("'speaker_role' is 'a member of the Hondurian") and err.row == "24 (Q23)"
    rewrite(reading_copy, "quotations.csv", "of the Hondurian", "of the Honduran")
    assert "the authors" in set(helpers.load_figures(helpers.load_essay(reading_copy)).given_by)


def test_a_new_thesis_role_is_a_word_in_schema_yml(reading_copy):
    """The roles a thesis span may take are a vocabulary of schema.yml ('argument.yml spans'): a new role is refused
    with its message, which lists the declared roles, until schema.yml lists it; then it loads, with no code change."""
    err = error_after(reading_copy, "argument.yml", "      role: contradiction\n", "      role: tension\n",
                      argument.load_argument)
    assert err.problem == "a thesis span has role 'tension'." and err.row == "thesis"
    assert err.fix == "use one of: thesis, contradiction, aim (or leave it out for 'thesis')."
    rewrite(reading_copy, "schema.yml", "words: [thesis, contradiction, aim]", "words: [thesis, contradiction, aim, tension]")
    thesis = argument.load_argument(helpers.load_essay(reading_copy)).thesis
    assert list(thesis.role)[:3] == ["aim", "tension", "thesis"] and set(thesis.role) == {"aim", "tension", "thesis"}


def test_a_new_quotation_language_and_a_new_column_are_edits_of_the_data(reading_copy):
    """quotations.csv: a language word schema.yml does not list is refused with the fix naming where it goes; once
    listed, it loads; a new column declared filled is loaded and an empty cell in it refused, with no code change."""
    err = error_after(reading_copy, "quotations.csv", ",1974,original English,", ",1974,spoken in English,",
                      helpers.load_quotations)
    assert err.problem == "'language' is 'spoken in English'." and err.row == "2 (Q01)"
    assert "add the word to language under quotations.csv in schema.yml" in err.fix
    rewrite(reading_copy, "schema.yml", "the authors' words, not stated]", "the authors' words, not stated,\n"
            "               spoken in English]")
    quotes = helpers.load_quotations(helpers.load_essay(reading_copy)).set_index("id")
    assert quotes.loc["Q01", "language"] == "spoken in English"

    rewrite_rows(reading_copy / "quotations.csv",
                 lambda header, row: row.append("checked_by" if row is header else "" if row[0] == "Q05" else "a reader"))
    rewrite(reading_copy, "schema.yml", "  filled: [text, function]", "  filled: [text, function, checked_by]")
    rewrite(reading_copy, "schema.yml", "language, language_basis, function]", "language, language_basis, function,\n"
            "            checked_by]")
    err = load_error(reading_copy, helpers.load_quotations)
    assert err.problem == "'checked_by' is empty." and "(Q05)" in str(err.row)


def test_a_new_verdict_and_a_new_kind_of_term_are_words_in_schema_yml(reading_copy):
    """negatives.csv's verdicts and terms.csv's kinds are vocabularies of schema.yml: a new word is refused until
    schema.yml lists it (a kind with its Spanish), then loads, with no code change."""
    from helpers import negatives, terms
    rewrite(reading_copy, "negatives.csv", "¶18,holds,", "¶18,holds in part,")
    err = load_error(reading_copy, negatives.load_register)
    assert err.problem == "'verdict' is 'holds in part'." and "negatives.csv in schema.yml" in err.fix
    rewrite(reading_copy, "schema.yml", "verdict: [holds, not about the essay]", "verdict: [holds, holds in part, "
            "not about the essay]")
    assert "holds in part" in set(negatives.load_register(helpers.load_essay(reading_copy)).verdict)

    rewrite(reading_copy, "terms.csv", "2009 coup,event,", "2009 coup,coup,")
    err = load_error(reading_copy, terms.load_terms)
    assert err.problem == "'kind' is 'coup'." and err.row == "2 (2009 coup)"
    rewrite(reading_copy, "schema.yml", "concept, publication, law or bill]\n    definition_source:",
            "concept, publication, law or bill, coup]\n    definition_source:")
    rewrite(reading_copy, "schema.yml", "    publication: [publicación]\n", "    publication: [publicación]\n"
            "    coup: [golpe]\n")
    glossary = terms.load_terms(helpers.load_essay(reading_copy)).set_index("term")
    assert glossary.loc["2009 coup", "kind"] == "coup"


def test_an_unchanged_schema_yml_is_not_read_again(essay, monkeypatch):
    """Issue #24: ``declaration`` is asked tens of thousands of times in a test run; a schema.yml that os.stat shows
    unchanged (and that last changed long enough ago) is neither read nor hashed again."""
    rules.schema(essay.folder)
    read = []
    real = type(essay.folder).read_bytes
    monkeypatch.setattr(type(essay.folder), "read_bytes", lambda self: read.append(self.name) or real(self))
    for name in ("timeline.csv", "quotations.csv", "figures.csv"):
        assert rules.declaration(essay.folder, name)["columns"]
    assert "schema.yml" not in read, read


def test_an_edit_that_keeps_size_and_times_is_still_seen(reading_copy):
    """The cache never hides an edit: schema.yml rewritten at once with the same size and its old times put back
    gives the new declaration (a file changed within SETTLED_NS is hashed at every call)."""
    import os
    path = reading_copy / "schema.yml"
    assert rules.vocabulary(reading_copy, "timeline.csv", "source") == ("essay", "context")
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "source: [essay, context]" in text
    path.write_text(text.replace("source: [essay, context]", "source: [essay, contxet]"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert rules.vocabulary(reading_copy, "timeline.csv", "source") == ("essay", "contxet")


def test_a_limit_may_hold_only_when_a_condition_does(reading_copy):
    """A declared limit with `when` counts only in the rows that keep the condition (issue 24: a check is declared,
    not coded): on a file no code limits that way (dating.csv's reasoning), D02 is refused with the declared message
    and D01, as long, is not; the counterarguments' "needs a brief" is such a limit now, its words kept; a `when` that
    names no column is blamed on schema.yml."""
    rewrite(reading_copy, "schema.yml", "  filled: [clue, reference_point, reasoning]\n",
            "  filled: [clue, reference_point, reasoning]\n  limits:\n    reasoning:\n      - of: words\n        most: 3\n"
            "        when: {id: [D02]}\n        problem: \"{id}'s reasoning has {found} words.\"\n"
            "        fix: \"say it in {most}.\"\n")
    err = load_error(reading_copy, tl.load_dating)
    assert (err.problem, err.fix) == (f"D02's reasoning has {err.problem.split()[3]} words.", "say it in 3.")
    assert "(D02)" in str(err.row) and int(err.problem.split()[3]) > 3
    err = error_after(reading_copy, "schema.yml", "when: {id: [D02]}", "when: {nosuch: filled}", tl.load_dating)
    assert "nosuch" in err.problem
    rewrite(reading_copy, "schema.yml", "when: {nosuch: filled}", "when: {id: [D02]}")
    rewrite(reading_copy, "schema.yml", "        most: 3\n", "        most: 300\n")
    tl.load_dating(helpers.load_essay(reading_copy))
    err = error_after(reading_copy, "argument.yml",
                      '    brief: Some aims are "far more feasible than cutting off military aid"\n', "",
                      argument.load_argument)
    assert (err.row, err.problem) == ("counterarguments[3] (K3)",
                                      "the name has 45 words, too long for the argument in brief (at most 12).")
    assert err.fix == "add brief: a short name of at most 12 words (the full name stays for the tables)."


def test_the_spanish_speaker_of_a_card_is_a_declared_column(reading_copy):
    """cards_es.yml's `who` is a column of its declaration, read and checked by the one loader like the others (it
    was read from the raw YAML, where a misshapen value was passed over in silence and the English speaker printed)."""
    from helpers import quotations
    err = error_after(reading_copy, "cards_es.yml", 'who: "hondureños; los propios refugiados"', "who: [3]",
                      quotations.load_cards_who_es)
    assert (err.row, err.problem) == ("Q22", "'who' should be text, but it is [3].")
