"""The errors a facilitator meets when sessions.yml, facilitation.yml or discussion*.yml is wrong are worded in the
reading's messages.yml, like the other loaders' (issue 24, item 1: messages kept word for word).

The pinned cases give today's messages exactly: they passed on the code before the move (the wording was in
helpers/workshop.py then) and pass after it, so the move changed no word."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import helpers
from helpers import rules, workshop
from helpers.anchoring import read_yaml
from tests.editing import error_after

WORKSHOP = Path(workshop.__file__)

PINNED = [  # (old, new, row, problem, fix): an edit of sessions.yml and the whole message load_plans gives
    ("if_short: two death tolls", "if_short: no such topic", "plan single-90, meeting 1",
     "if_short names 'no such topic', which is not one of this meeting's segments.",
     "name the topic of the segment to drop first: one of setup, thesis, war of position, argument map, two death "
     "tolls, feasibility objection."),
    ("relaunches it from the link]", "relaunches it from the link", "plan single-90, meeting 1, segment 5 (argument map)",
     "the activity has an '[online: …' without its closing bracket.",
     "close it with ']' (the words inside are for launch links only)."),
    ("length_minutes: 90", "length_minutes: 91", "plan single-90, meeting 1",
     "the segments add up to 90 minutes but the meeting is 91 minutes long.",
     "change the minutes of a segment, or the meeting's length_minutes."),
    ("topic: feasibility objection, paper: true", "topic: war of position, paper: true",
     "plan single-90, meeting 1, segment 7",
     "the topic 'war of position' comes again (first in plan single-90, meeting 1, segment 4).",
     "give this segment a different topic, or drop the repeat."),
    ('{minutes: 5, topic: back from break, activity: "Back from the break.[online:  Anyone',
     '{minutes: 5, topic: welcome, activity: "Back from the break.[online:  Anyone',
     "plan series-3x120, meeting 1, segment 4", "a break is not followed by a 'back from break' segment.",
     "add a few minutes after it to relaunch Binder and upload saved work."),
    ("sensitive: \"If events after the essay, or Trump and the wall (¶50), come up: the essay is the authors' account "
     "as they wrote it; return to ¶49–¶50; offer the pause.\"", 'sensitive: ""', "plan single-90, meeting 1, segment 4",
     "has an empty sensitive line.", "say in a sentence what may hurt and what to do, or drop 'sensitive:'."),
    ('    "01": El argumento\n', "", "plan single-90, meeting 1, segment 5",
     "names notebook 01, whose title has no Spanish.",
     "add a line '\"01\": …' (its short title in Spanish) under spanish: notebooks_es at the end of the file."),
    ('paragraphs: "¶11–¶13, ¶51", projects: 1,', 'paragraphs: "¶11–¶13, ¶51", projects: 99,',
     "plan single-90, meeting 1, segment 5", "projects figure 99 of 01_argument_structure, which it does not have.",
     "name the segment's notebook, and the number of one of its figures (1 for the first, counting from the top)."),
    ("projects_table: The table of voices,", "projects_table: The table of names,",
     "plan series-3x120, meeting 2, segment 4",
     "projects_table names 'The table of names', which 02_source_quotations does not have as a '## ' heading with "
     "a table under it.",
     "name the segment's notebook, and a heading of it, as the notebook writes it after '## ', whose first output "
     "is a table."),
    ("exercise: 2, paragraphs:", "exercise: 7, paragraphs:", "plan series-3x120, meeting 3, segment 3",
     "shows exercise 7 of 03_timeline, which it does not have.",
     "name the segment's notebook, and the number of one of its exercises ('## Exercise N: …')."),
    # a meeting's version for Spanish readers (spanish_variant)
    ("minutes: {two death tolls: 0,", "minutes: {nonesuch: 0, two death tolls: 0,",
     "plan single-90, meeting 1, spanish_variant", "names 'nonesuch', which is not one of this meeting's segments.",
     "use the topic of one of them: welcome, setup, thesis, war of position, argument map, two death tolls, "
     "feasibility objection, key points."),
    ("key points: 8}", "key points: 0}", "plan single-90, meeting 1, spanish_variant", "gives 'key points' 0 minutes.",
     "write a whole number of minutes (0 drops the segment; the welcome and the key points stay)."),
    ("welcome: 21,", "welcome: 22,", "plan single-90, meeting 1, spanish_variant",
     "its segments add up to 91 minutes, not the meeting's 90.",
     "give the minutes a dropped segment frees to the segments that get them."),
    ("          if_short: thesis\n          # no death-tolls",
     "          if_short: argument map\n          # no death-tolls", "plan single-90, meeting 1, spanish_variant",
     "if_short names 'argument map', which this version does not keep.",
     "name one of: thesis, war of position, feasibility objection."),
    ("            thesis:\n              activity:", "            two death tolls:\n              activity:",
     "plan single-90, meeting 1, spanish_variant",
     "gives an activity for 'two death tolls', which this version does not keep.",
     "name one of its segments: welcome, thesis, war of position, feasibility objection, key points."),
    ('activity: "Silent re-reading of ¶45 and ¶48 for four minutes',
     'activity: "Silent[online:  x] re-reading of ¶45 and ¶48 for four minutes',
     "plan single-90, meeting 1, spanish_variant, activities",
     "the activity of 'feasibility objection' has words for launch links ('[online: …]').",
     "keep a version's activity free of them (it replaces the segment's text in every kit), or leave the segment's "
     "own activity."),
    ('            recap:\n              "; meanwhile', '            nonesuch:\n              "; meanwhile',
     "plan series-3x120, meeting 2, spanish_variant", "rewords 'nonesuch', which this version does not keep.",
     "give `reword` a kept segment's topic and a mapping of its words to new ones."),
    ('"; meanwhile laptops start and open', '"; meanwhile laptops do start and open',
     "plan series-3x120, meeting 2, spanish_variant, reword",
     'rewords "; meanwhile laptops do start and open today\'s notebooks, ready for the first screen segment" in '
     "'recap', which its texts do not say.", "copy the words exactly from the segment's activity, room or activity_es."),
    # homework, the reading for next time, stretches on paper
    ("homework: {notebook: 01_argument_structure, exercises: [2, 4]}", "homework: {notebook: 01_argument, exercises: [2, 4]}",
     "plan series-3x120, meeting 2", "homework names the notebook '01_argument', which is not in notebooks/.",
     "write a notebook's name without .ipynb, e.g. 01_argument_structure."),
    ("homework: {notebook: 01_argument_structure, exercises: [2, 4]}",
     "homework: {notebook: 01_argument_structure, exercises: [2, 9]}", "plan series-3x120, meeting 2",
     "homework gives exercises [2, 9] of 01_argument_structure, which sets 4.",
     "list exercise numbers from 1 to 4, e.g. [2, 3]."),
    ("        homework: {notebook: 01_argument_structure, exercises: [2, 4]}\n", "", "plan series-3x120, meeting 2",
     "the activity says {homework}, but the meeting sets no homework.",
     "give the meeting (or its spanish_variant) a homework: {notebook: …, exercises: […]}, or write the homework out."),
    # the optional part too works only on paragraphs read by the meeting it is due at (s22-home)
    ("optional: {notebook: 01_argument_structure, exercises: [3]}", "optional: {notebook: 03_timeline, exercises: [2]}",
     "plan series-3x120, meeting 1",
     "the homework of meeting 1 works on ¶52, ¶59, which no reading has sent by the meeting it is due at.",
     "set exercises whose paragraphs are read by then, or set them at a later meeting."),
    # the homework budget (sessions.yml homework_budget; s22-home)
    ("homework: {notebook: 01_argument_structure, exercises: [2, 4]}",
     "homework: {notebook: 01_argument_structure, exercises: [1, 2, 4]}", "plan series-3x120, meeting 2",
     "the homework meeting 2 sets (in English) asks about 84 minutes beyond the reading, and about 98 with the reading "
     "for meeting 3 (14 minutes): more than homework_budget allows (60 beyond the reading, 90 with it).",
     "keep in the homework only what meeting 3 needs, and put the rest under its optional: (said as \"if you have "
     "time\"), move an exercise into the meeting, or drop it from the homework; raise homework_budget only if the group "
     "has agreed to more."),
    ('        pre_reading: "¶19–¶42, ¶48–¶49"\n', "", "plan series-3x120",
     "meeting 1 says {next_reading}, but no meeting after it has a pre_reading.",
     "write the reading out, or give the next meeting its pre_reading."),
    ("Save first (Ctrl+S, Cmd+S on a Mac[online: ; then File → Download]): the next 35 minutes are on paper. Jigsaw",
     "Jigsaw", "plan series-3x120, meeting 2, segment 2",
     "segments 2 to 3 are 35 minutes on paper, and the first does not ask people to save first; an idle Binder "
     "session is deleted.",
     "start the activity of segment 2 with 'Save first (Ctrl+S, Cmd+S on a Mac; then File → Download): …'."),
    ('activity: "Back to the screens after the jigsaw and the cards[online: : anyone whose Binder stopped relaunches '
     'and uploads the saved notebook] while', 'activity: "Back to the screens after the jigsaw and the cards while',
     "plan series-3x120, meeting 2, segment 4",
     "segments 2 to 3 are 35 minutes on paper, and segment 4 goes back to the screens without time to wake the "
     "laptops and relaunch a stopped session.",
     "start its activity with 'Back to the screens[online:  after the paper stretch: anyone whose session stopped "
     "relaunches it from the link]'."),
]


@pytest.mark.parametrize("case", PINNED, ids=[c[2] + ": " + c[3][:30] for c in PINNED])
def test_a_plan_check_says_what_it_said(reading_copy, case):
    old, new, row, problem, fix = case
    err = error_after(reading_copy, "sessions.yml", old, new, workshop.load_plans)
    assert (err.row, err.problem, err.fix) == (row, problem, fix)


def _spanish_questions(essay):
    return workshop.load_questions_es(essay, workshop.load_plans(essay))


OTHERS = [  # (file, old, new, loader, row, problem, fix): the other loaders' messages, whole
    ("sessions.yml", 'paragraphs: "¶1–¶62", closely', 'paragraphs: "¶1 to ¶62", closely', workshop.load_preparation,
     "plan single-90, prepare, step 4", "paragraphs is '¶1 to ¶62'.",
     "write them like ¶1–¶62, 'session' for every paragraph the plan uses, or 'answers'."),
    ("sessions.yml", "        45:\n          from_en:", "        99:\n          from_en:", workshop.load_spanish_sheet,
     "spanish: sheet: single-90-1, ¶99", "renders ¶99, which the essay does not have.",
     "give the ¶ number of the reader's edition."),
    ("discussion_es.yml", "        - 'Pongan el ¶10 junto", "        # 'Pongan el ¶10 junto", workshop.load_leading_es,
     "D01", "leads D01 with 4 prompts; the English has 5 and a close.",
     "give one Spanish prompt for each English prompt, in order, and the close."),
    ("sessions.yml", '    "05": Guía para quien facilita\n', "", workshop.notebook_titles_es, "spanish",
     "notebook 05 has no Spanish title.",
     "add a line '\"05\": …' (its short title in Spanish) under spanish: notebooks_es at the end of the file."),
    ("facilitation.yml", 'intro:\n    en: "How big a JupyterHub', 'intro:\n    en: "{nonesuch} How big a JupyterHub',
     workshop.hub_sizing, "hub_sizing.intro", "the text has a blank 'nonesuch' that is not a computed number.",
     "use only these names in braces: cpu_guarantee, cull_idle_minutes, guarantee_mb, largest_group, limit_mb, "
     "measured_cores, median_s, p95_s, participants, per_participant_mb, start_within_s, succeeded, whole_hub_gb."),
]


@pytest.mark.parametrize("case", OTHERS, ids=[c[0] + ": " + c[5][:30] for c in OTHERS])
def test_a_workshop_check_says_what_it_said(reading_copy, case):
    name, old, new, load, row, problem, fix = case
    err = error_after(reading_copy, name, old, new, load)
    assert (err.row, err.problem, err.fix) == (row, problem, fix)


@pytest.mark.parametrize("question, why, fingerprint", [("D03", "", "3973d2242709"),
                                                        ("D02", ", which a session plan uses", "1333b08754ad")])
def test_a_missing_spanish_question_word_for_word(reading_copy, question, why, fingerprint):
    """load_questions_es' message when a question has no Spanish (and when a plan uses it), whole."""
    import re
    path = reading_copy / "discussion_es.yml"
    following = f"D{int(question[1:]) + 1:02d}"
    path.write_text(re.sub(rf"\n  {question}:.*?(?=\n  {following}:)", "", path.read_text(encoding="utf-8"), count=1,
                           flags=re.S), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as info:
        _spanish_questions(helpers.load_essay(reading_copy))
    assert (info.value.row, info.value.problem, info.value.fix) == (
        question, f"has no Spanish version of {question}{why}; every discussion question needs one (1 missing: "
                  f"{question}).",
        f"add '{question}:' with 'from_en: {fingerprint}' and 'es: >-' (the question in Spanish, translated in full "
        "from the English in discussion.yml).")

#: the declarations workshop.check_translated is called with (the loaders of the Spanish cards, summary and questions)
TRANSLATED = ("cards_es.yml cards", "summary_es.yml parts", "discussion_es.yml questions")


def _said_in_workshop() -> set[tuple[str, str]]:
    """Each (declaration, key) workshop.py passes to ``said`` or ``worded``: its second argument (a name of the module
    or a text) and its third (a text)."""
    tree = ast.parse(WORKSHOP.read_text(encoding="utf-8"))
    names = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign) for t in n.targets
             if isinstance(t, ast.Name) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
    pairs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("said", "worded") and len(node.args) >= 3:
            name, key = node.args[1], node.args[2]
            name = names.get(name.id) if isinstance(name, ast.Name) else getattr(name, "value", None)
            pairs.add((name, getattr(key, "value", None)))
    return pairs


def test_every_workshop_message_is_worded_under_its_file(essay):
    """Each message workshop.py raises through ``said`` is in messages.yml under the file it names (a key missing
    there, or filed under another file, would fail with an error about messages.yml instead of its own)."""
    worded = read_yaml(essay.folder / rules.MESSAGES)
    used = _said_in_workshop()
    assert used, "workshop.py raises no message of messages.yml"
    assert {("Spanish text", "left out"), ("sessions.yml", "no meeting")} <= used, "worded's calls are not read"
    # check_translated's calls name their declaration (cards, summary and questions in Spanish): each words its keys
    translated = {name for name, key in used if name is None}
    used = {(n, key) for name, key in used for n in ([name] if name else TRANSLATED if translated else [])}
    assert {(name, key) for name, key in used if key not in worded.get(name, {})} == set()


def test_a_changed_english_word_for_word(reading_copy):
    """check_fingerprint's message, whole: from a loader (the file in the reading's folder) and as tools/packet.py
    calls it (a file's bare name)."""
    err = error_after(reading_copy, "discussion_es.yml", 'from_en: "9469f190dd18"', 'from_en: "000000000000"',
                      workshop.load_questions_es)
    assert (err.row, err.problem, err.fix) == (
        "D01", "the Spanish D01 was translated from English whose fingerprint is 000000000000, but the English of D01 "
               "in discussion.yml now has 9469f190dd18: the English has changed since the translation.",
        "translate D01 again from the current English in discussion.yml (same sense, qualifiers and questions), then "
        "set from_en: 9469f190dd18.")
    with pytest.raises(helpers.AnnotationError) as info:
        workshop.check_fingerprint("facilitation.yml", "K1", {"from_en": "000000000000"}, "Why?", "the lesson 01",
                                   "the same steps")
    assert (info.value.file, info.value.row, info.value.problem, info.value.fix) == (
        "facilitation.yml", "K1", "the Spanish K1 was translated from English whose fingerprint is 000000000000, but "
                                  "the English of K1 in the lesson 01 now has 5d8a995a6fa7: the English has changed "
                                  "since the translation.",
        "translate K1 again from the current English in the lesson 01 (same sense, the same steps), then set from_en: "
        "5d8a995a6fa7.")


SPANISH = [  # (spanish, english, anchors, [(problem, fix), …]): spanish_problems' findings, whole, in order
    ("Lean el ¶48.", "Read ¶48 and ¶45.", [48],
     [("does not name ¶45, which the English names.", "name ¶45 where the English does.")]),
    ("Lean el ¶48 y el ¶50.", "Read ¶48.", [48],
     [("names ¶50, which is neither in the English nor among the question's anchors (¶48).",
       "give the paragraph the English gives, or add an anchor to the question in discussion.yml.")]),
    ("Lean «a grave mistake» (¶48).", 'Read "a grave mistake" in ¶48.', [48],
     [("uses « » or curly double quotes.", 'put the essay\'s words in straight double quotes ("…"), and no other '
                                           "words: use brackets or plain text for Spanish."),
      ("leaves out the English question's quotation 'a grave mistake'.",
       "keep every quotation of the English, in English, with its Spanish rendering in brackets.")]),
    ('Lean el "a big mistake" [un gran error] (¶48).', 'Read "a grave mistake" in ¶48.', [48],
     [("quotes 'a big mistake', which is not word for word in ¶48.",
       "copy the essay's words exactly (as the English question quotes them), or put Spanish words outside the "
       "double quotes."),
      ("leaves out the English question's quotation 'a grave mistake'.",
       "keep every quotation of the English, in English, with its Spanish rendering in brackets.")]),
    ('Lean el "a grave mistake" [un grave error] (¶48).', "Read ¶48.", [48],
     [("quotes 'a grave mistake', which the English question does not quote.",
       "quote what the English quotes, no more; say anything else in Spanish.")]),
    ('Lean el "a grave mistake" [un grave error].', 'Read "a grave mistake".', [48],
     [("quotes 'a grave mistake' without naming its paragraph (¶48).",
       "add (¶48) after the quotation and its Spanish rendering.")]),
    ('Lean el "a grave mistake" (¶48).', 'Read "a grave mistake" in ¶48.', [48],
     [("quotes 'a grave mistake' with no Spanish rendering after it.",
       'write the Spanish in brackets right after the closing quote: "a grave mistake…" [ … ].')]),
]


@pytest.mark.parametrize("case", SPANISH, ids=[c[3][0][0][:40] for c in SPANISH])
def test_a_spanish_text_check_says_what_it_said(essay, case):
    """spanish_problems' messages, whole (they passed on the code before the move to messages.yml, word for word)."""
    spanish, english, anchors, expected = case
    assert workshop.spanish_problems(essay, spanish, english, anchors) == expected


def test_check_spanish_names_the_text_then_its_first_problem(reading_copy):
    """check_spanish's error, whole, as a loader raises it: '<the text checked> <its first problem>' and its fix."""
    err = error_after(reading_copy, "discussion_es.yml", '"It is undoubtedly true" [Es', '"It is certainly true" [Es',
                      workshop.load_leading_es)
    assert (err.row, err.problem, err.fix) == (
        "D02", "the Spanish prompt 1 for leading D02 quotes 'It is certainly true', which is not word for word in "
               "¶45, ¶48.",
        "copy the essay's words exactly (as the English question quotes them), or put Spanish words outside the "
        "double quotes.")


def test_an_agenda_of_no_such_meeting_names_the_plans_there_are(essay):
    with pytest.raises(ValueError) as info:
        workshop.agenda(workshop.load_plans(essay), "single-90", 9)
    assert str(info.value) == "no meeting 9 in plan 'single-90'; plans: ['series-3x120', 'single-90']"
