"""The workshop files' words and columns are schema.yml's (issue 24, item 1): a new vocabulary word or a new column is
an edit of the declaration, read by the loaders with no change of code."""
from __future__ import annotations

import pytest

import helpers
from helpers import workshop

from editing import rewrite

RECURRING = "    recurring: [welcome, recap, break, back from break, key points]\n"


def _without_session_1s_version(reading_copy) -> None:
    """The series' Session 1 without its version for Spanish readers, which names the session's topics by their
    minutes (session 20): a test that renames one of them or changes setup's minutes sets it aside."""
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("          minutes: {welcome: 15, first notebook: 0")
    path.write_text(text[:text.rindex("        spanish_variant:\n", 0, start)] + text[text.index('      - title: "Session 2', start):],
                    encoding="utf-8")


def test_the_topics_that_may_come_again_are_a_vocabulary_of_schema_yml(reading_copy):
    """A topic that comes again is refused; added to the declared recurring topics, it may come again."""
    _without_session_1s_version(reading_copy)
    rewrite(reading_copy, "sessions.yml", "topic: two narratives", "topic: argument map")
    with pytest.raises(helpers.AnnotationError, match="the topic 'argument map' comes again"):
        workshop.load_plans(helpers.load_essay(reading_copy))
    rewrite(reading_copy, "schema.yml", RECURRING, RECURRING.replace("key points]", "key points, argument map]"))
    plans = workshop.load_plans(helpers.load_essay(reading_copy))
    assert len(plans[(plans.plan == "series-3x120") & (plans.topic == "argument map")]) == 2


def test_the_topics_a_meeting_keeps_are_declared(reading_copy):
    """if_short may not name a topic a meeting keeps (declared: welcome, key points); taken out of the declaration,
    the key points may be dropped first."""
    assert workshop.KEPT == ("welcome", "key points")
    rewrite(reading_copy, "sessions.yml", "        if_short: two death tolls\n", "        if_short: key points\n")
    with pytest.raises(helpers.AnnotationError, match="if_short names 'key points', which is not one of"):
        workshop.load_plans(helpers.load_essay(reading_copy))
    rewrite(reading_copy, "schema.yml", "    kept: [welcome, key points]\n", "    kept: [welcome]\n")
    plans = workshop.load_plans(helpers.load_essay(reading_copy))
    assert "key points" in set(plans.if_short)


def test_the_setup_routes_that_set_up_in_the_session_are_declared(reading_copy):
    """Setup gets its 20 minutes on the declared routes that set up in the session, and only on those."""
    assert "in the session" in workshop.IN_SESSION
    _without_session_1s_version(reading_copy)
    rewrite(reading_copy, "sessions.yml", "{minutes: 30, topic: setup", "{minutes: 10, topic: setup")
    rewrite(reading_copy, "sessions.yml", "{minutes: 5, topic: first notebook", "{minutes: 25, topic: first notebook")
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_plans(helpers.load_essay(reading_copy))
    assert err.value.problem == "gives setup 10 minutes in the session."
    rewrite(reading_copy, "schema.yml", '    in_session: ["before the day, or in the first session", in the session]\n',
            '    in_session: [in the session]\n')
    plans = workshop.load_plans(helpers.load_essay(reading_copy))
    assert 10 in set(plans[plans.topic == "setup"].minutes)


def test_a_new_column_of_the_facilitators_notes_reaches_them(reading_copy):
    """A column declared for facilitation.yml's notes (here: a list of texts) is in every notebook's notes."""
    rewrite(reading_copy, "schema.yml", "  columns: [notebook, activities, stumbling_points, without_computers]\n",
            "  columns: [notebook, activities, stumbling_points, without_computers, materials]\n")
    rewrite(reading_copy, "schema.yml", "  types: {activities: texts, stumbling_points: texts}\n",
            "  types: {activities: texts, stumbling_points: texts, materials: texts}\n")
    rewrite(reading_copy, "facilitation.yml", "    without_computers: \"Print the two timeline figures;",
            "    materials: [\"Two printed timeline figures.\"]\n    without_computers: \"Print the two timeline figures;")
    notes = workshop.load_notes(helpers.load_essay(reading_copy))
    assert notes["03_timeline"]["materials"] == ["Two printed timeline figures."]
    assert notes["01_argument_structure"]["materials"] == []


def test_a_new_field_of_the_handout_file_reaches_the_handout(reading_copy):
    """A top-level key declared for facilitation.yml ("facilitation.yml (file)") is in what load_handout gives."""
    rewrite(reading_copy, "facilitation.yml", "\ndebrief: ", '\nclosing_line: "Thank you for coming."\ndebrief: ')
    assert "closing_line" not in workshop.load_handout(helpers.load_essay(reading_copy))      # not declared: not read
    rewrite(reading_copy, "schema.yml", "facilitator_safety, hard_moments, interpreter, day_of]\n",
            "facilitator_safety, hard_moments, interpreter, day_of, closing_line]\n")
    assert workshop.load_handout(helpers.load_essay(reading_copy))["closing_line"] == "Thank you for coming."


@pytest.mark.parametrize("declared", [True, False])
def test_a_new_field_of_a_preparation_step_reaches_the_route(reading_copy, declared):
    """A field declared for a preparation step (sessions.yml prepare) is in the step load_preparation gives; one that
    schema.yml does not declare is not."""
    if declared:
        rewrite(reading_copy, "schema.yml", "exercise, terms, minutes, only, minimum, left_out]\n",
                "exercise, terms, minutes, only, minimum, left_out, who]\n")
    rewrite(reading_copy, "sessions.yml", "closely: session,", "closely: session, who: the facilitator,")
    steps = workshop.load_preparation(helpers.load_essay(reading_copy))
    marked = [s for route in steps.values() for s in route if s.get("who")]
    assert [s["who"] for s in marked] == (["the facilitator"] if declared else [])


@pytest.mark.parametrize("lang, old", [("en", "a room: {paragraphs}."), ("es", "al grupo: {paragraphs}.")])
def test_the_flashpoint_line_without_its_paragraphs_keeps_its_message(reading_copy, lang, old):
    """The room's flashpoint line names the passages ({paragraphs}) in both languages: declared as rules of
    "facilitation.yml flashpoint_for_group", with the message the code gave."""
    rewrite(reading_copy, "facilitation.yml", old, old.replace("{paragraphs}", "¶4"))
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_handout(helpers.load_essay(reading_copy))
    assert err.value.file.endswith("facilitation.yml") and err.value.row == "flashpoint_for_group"
    assert err.value.problem == f"flashpoint_for_group's {lang} line has no {{paragraphs}}, where the slide names the passages."
    assert err.value.fix == "write {paragraphs} where the ¶ numbers go."


@pytest.mark.parametrize("entry, load", [("session topics", workshop.load_plans),
                                         ("facilitation.yml flashpoint_for_group", workshop.load_handout)])
def test_the_new_declarations_of_the_wrong_shape_give_a_plain_error(reading_copy, entry, load):
    """Each key of these declarations (and the declaration itself) replaced by nothing or an empty mapping: the
    schema is refused naming schema.yml, or the file loads (the rules left out) or refuses with a plain error, and no
    other exception escapes."""
    from editing import fast_dump, fast_load
    path = reading_copy / "schema.yml"
    original = fast_load(path.read_text(encoding="utf-8"))
    outcomes = set()
    for key in [None, *original[entry]]:
        for new in (None, {}):
            changed = {**original, entry: new if key is None else {**original[entry], key: new}}
            path.write_text(fast_dump(changed, allow_unicode=True), encoding="utf-8")
            try:
                load(helpers.load_essay(reading_copy))
                outcomes.add("loads")
            except helpers.HelperError as err:
                assert str(err.problem).strip() and str(err.fix).strip(), err
                outcomes.add("schema.yml" if err.file.endswith("schema.yml") else "a data file")
    assert "schema.yml" in outcomes


def test_a_topics_spanish_is_a_declared_reference(reading_copy):
    """Every segment's topic has its Spanish under spanish: topics_es, as schema.yml declares (a reference to the keys
    of a mapping): a new topic with its Spanish line loads with no code change, and a topic without one is refused with
    the declaration's own message."""
    _without_session_1s_version(reading_copy)
    rewrite(reading_copy, "sessions.yml", "topic: two narratives", "topic: two stories")
    rewrite(reading_copy, "sessions.yml", "    welcome: Bienvenida\n",
            "    welcome: Bienvenida\n    two stories: Dos relatos\n")
    plans = workshop.load_plans(helpers.load_essay(reading_copy))
    assert plans[plans.topic == "two stories"].topic_es.tolist() == ["Dos relatos"]
    rewrite(reading_copy, "schema.yml", '"the topic {ref} has no Spanish, which',
            '"the topic {ref} lacks its Spanish, which')
    rewrite(reading_copy, "sessions.yml", "    two stories: Dos relatos\n", "    two stories: \"  \"\n")
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_plans(helpers.load_essay(reading_copy))
    assert err.value.problem == ("the topic 'two stories' lacks its Spanish, which the participant packet prints "
                                 "beside it.")
    assert err.value.fix.startswith("add a line 'two stories: …' (the topic in Spanish) under spanish: topics_es")
