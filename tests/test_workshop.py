"""The workshop kit: plans that add up, editions without answers, launch links that point at each notebook,
and built HTML and slides that fetch nothing from the network."""
from __future__ import annotations

import html
import math
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest

import helpers
import helpers.anchoring
import helpers.text
from helpers import workshop
from tools import bundle, editions, launch

from editing import error_after, rewrite
import kit_once

NOTEBOOKS = launch.notebooks()


@pytest.fixture(scope="module")
def built(editions_built) -> Path:
    return editions_built      # built once for the run (conftest); the PDFs are checked in test_print.py


def test_every_meeting_adds_up(essay):
    plans = workshop.load_plans(essay)
    assert {"single-90", "series-3x120"} <= set(plans.plan)
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"]):
        assert rows.minutes.sum() == rows.length.iloc[0], (plan, meeting)
        assert list(rows.start) == list(rows.minutes.cumsum().shift(fill_value=0))
    lengths = plans.groupby(["plan", "meeting"]).length.first()
    assert lengths["single-90"].tolist() == [90] and lengths["series-3x120"].tolist() == [120, 120, 120]


def test_a_plan_that_does_not_add_up(reading_copy):
    path = reading_copy / "sessions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("{minutes: 5, topic: key points, activity: \"Closing round",
                                                             "{minutes: 15, topic: key points, activity: \"Closing round", 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match="add up to 100 minutes but the meeting is 90"):
        workshop.load_plans(helpers.load_essay(reading_copy))


def test_a_print_list_names_a_described_printout_and_plain_copies(reading_copy, essay):
    lists = workshop.load_print_lists(essay)
    assert set(lists.plan) == set(workshop.load_plans(essay).plan)
    assert set(lists.copies) <= set(workshop.COPIES) and not lists.file.str.contains("{plan}", regex=False).any()
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{printout: glossary excerpt, copies: each pair}",
                                 "{printout: glosary excerpt, copies: each pair}", 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match=r"(?s)'glosary excerpt'.*write one of: packet") as err:
        workshop.load_print_lists(helpers.load_essay(reading_copy))
    assert err.value.row == "plan single-90, print, line 3"
    path.write_text(text.replace("{printout: glossary excerpt, copies: each pair, only",
                                 "{printout: glossary excerpt, copies: two, only", 1),
                    encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match=r"(?s)copies is .two.*each participant, each pair"):
        workshop.load_print_lists(helpers.load_essay(reading_copy))


def test_a_plan_naming_a_missing_question_or_paragraph(reading_copy):
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("discussion: [D02]}", "discussion: [D99]}", 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match="'D99'"):
        workshop.load_plans(helpers.load_essay(reading_copy))
    path.write_text(text.replace('paragraphs: "¶10–¶13"', 'paragraphs: "¶10–¶99"', 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match="¶63"):
        workshop.load_plans(helpers.load_essay(reading_copy))


def test_every_plan_has_time_to_read(essay):
    plans = workshop.load_plans(essay)
    pre = workshop.pre_reading(essay, plans)
    assert len(pre) == 4 and (pre.words > 0).all() and (pre.minutes == -(-pre.words // 200)).all()
    # one word count: the essay's own (paragraphs.words), so the whole essay reads as essay.words
    whole = workshop.reading_time(essay, f"¶1–¶{len(essay.paragraphs)}")
    assert whole == (essay.words, -(-essay.words // int(essay.reading_speed)))
    body = set(essay.paragraphs[essay.paragraphs.kind != "heading"].paragraph)
    assert body <= workshop.paragraphs_read(plans, "series-3x120"), "every part of the essay is read in the series"
    assert set(workshop.paragraphs_read(plans, "single-90")) >= body
    # every segment uses only what has been read: pre-reading of this or an earlier meeting, or read in the
    # meeting (reads: true); a discussion also needs the paragraphs its questions point to
    # (workshop.unread_paragraphs is the one statement of that rule; the next test breaks it on purpose)
    assert workshop.unread_paragraphs(essay, plans) == []


def test_a_segment_using_unread_paragraphs_is_caught(reading_copy):
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    assert 'paragraphs: "¶10–¶13, ¶17–¶18"' in text
    path.write_text(text.replace('paragraphs: "¶10–¶13, ¶17–¶18"', 'paragraphs: "¶10–¶13, ¶35–¶37"', 1), encoding="utf-8")
    essay = helpers.load_essay(reading_copy)
    assert workshop.unread_paragraphs(essay, workshop.load_plans(essay)) == [("series-3x120", 1, 6, [35, 36, 37])]
    path.write_text(text.replace(", reads: true,", ",", 1), encoding="utf-8")
    essay = helpers.load_essay(reading_copy)
    assert workshop.unread_paragraphs(essay, workshop.load_plans(essay)) == [("series-3x120", 1, 7, [20, 25, 26])]


def test_every_meeting_opens_with_the_content_note_and_room_for_spanish_readers(essay):
    plans = workshop.load_plans(essay)
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"]):
        assert "content note" in rows.activity.iloc[0], (plan, meeting)
        assert "Spanish" in rows.spanish_readers.iloc[0], plan
    # the Binder advice is the same everywhere: save first (File → Download does not save), keep the tab open
    for activity in plans.activity[plans.activity.str.contains("Download")]:
        assert workshop.SAVE_STEP in activity, activity


def test_the_exercise_segments_say_which_exercises_fit(essay):
    """A segment that gives a notebook's exercises less time than the notebook names only the ones that fit."""
    plans = workshop.load_plans(essay)
    for seg in plans[plans.topic.str.contains("exercise")].itertuples():
        assert "only" in seg.activity, seg.activity


def test_war_of_position_setup_breaks_and_no_repeats(essay):
    plans = workshop.load_plans(essay)
    for plan, rows in plans.groupby("plan"):
        wop = rows[rows.topic == "war of position"]
        assert len(wop) == 1 and 49 in helpers.text.paragraph_numbers(wop.paragraphs.iloc[0]), plan
        setup = rows[rows.topic == "setup"]
        assert len(setup) == 1
        assert rows.setup.iloc[0] == "before the day" or setup.minutes.iloc[0] >= 20, plan
        once = rows[~rows.topic.isin(workshop.RECURRING)]
        assert once.topic.is_unique, plan
        assert not once.discussion.str.split(", ").explode().replace("", None).dropna().duplicated().any(), plan
        positions = list(rows.topic)
        for k, topic in enumerate(positions):
            if topic == "break":
                assert positions[k + 1] == "back from break"
                assert "Download" in rows.activity.iloc[k]


def test_every_agenda_label_has_its_spanish(essay):
    plans = workshop.load_plans(essay)
    for column in ("plan_title_es", "meeting_title_es", "topic_es"):
        assert plans[column].str.strip().astype(bool).all(), column
    assert (plans.topic_es != plans.topic).all() and (plans.meeting_title_es != plans.meeting_title).all()
    named = plans[plans.notebook != ""]
    assert len(named) and named.notebook_es.str.strip().astype(bool).all()
    assert (plans[plans.notebook == ""].notebook_es == "").all()
    pre = workshop.pre_reading(essay, plans)
    assert pre.meeting_title_es.tolist() == plans.drop_duplicates(["plan", "meeting"]).meeting_title_es.tolist()


def test_a_topic_title_or_notebook_without_spanish_is_refused(reading_copy):
    load = workshop.load_plans
    original = (reading_copy / "sessions.yml").read_text(encoding="utf-8")
    err = error_after(reading_copy, "sessions.yml", "    jigsaw reading: Lectura en rompecabezas\n", "", load)
    assert "'jigsaw reading' has no Spanish" in str(err) and "topics_es" in err.fix and "series-3x120" in str(err.row)
    (reading_copy / "sessions.yml").write_text(original, encoding="utf-8")
    err = error_after(reading_copy, "sessions.yml", '        title_es: "Sesión 2: Las voces y el caso hondureño"\n', "",
                      load)
    assert "'Session 2: Voices, and the Honduran case' has no Spanish" in str(err) and "title_es" in err.fix
    assert err.row == "plan series-3x120, meeting 2"
    (reading_copy / "sessions.yml").write_text(original, encoding="utf-8")
    err = error_after(reading_copy, "sessions.yml", '    "03": La cronología\n', "", load)
    assert "notebook 03" in str(err) and "notebooks_es" in err.fix


def test_a_repeated_topic_a_short_setup_and_a_break_without_return(reading_copy):
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("topic: feasibility objection", "topic: two death tolls", 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match="'two death tolls' comes again"):
        workshop.load_plans(helpers.load_essay(reading_copy))
    path.write_text(text.replace("{minutes: 30, topic: setup", "{minutes: 10, topic: setup", 1)
                    .replace("{minutes: 5, topic: first notebook", "{minutes: 25, topic: first notebook", 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match="gives setup 10 minutes"):
        workshop.load_plans(helpers.load_essay(reading_copy))
    # a topic that has its Spanish (one without is refused first, by schema.yml's reference to topics_es)
    path.write_text(text.replace("topic: back from break", "topic: recap", 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match="not followed by a 'back from break'"):
        workshop.load_plans(helpers.load_essay(reading_copy))


def test_every_notebook_has_facilitator_notes(essay):
    notes = workshop.load_notes(essay)
    assert set(notes) >= {p.stem for p in NOTEBOOKS if not p.stem.startswith("05")}
    for name in notes:
        assert workshop.lesson_parts(name)["objectives"], name


def test_participant_editions_drop_answers_and_keep_exercises(built):
    assert not (built / "participant" / "05_facilitator_guide.html").exists(), "the guide is for facilitators only"
    assert not (built / "participant" / "05_facilitator_guide.ipynb").exists()
    for path in NOTEBOOKS:
        if path.stem in editions.FACILITATOR_ONLY:
            continue
        original = nbformat.read(path, as_version=4)
        participant = nbformat.read(built / "participant" / path.name, as_version=4)
        facilitator = nbformat.read(built / "facilitator" / path.name, as_version=4)
        tags = lambda nb: [set(c.metadata.get("tags", [])) for c in nb.cells]  # noqa: E731
        assert not any(t & {"solution", "facilitator"} for t in tags(participant)), path.name
        assert sum("exercise" in t for t in tags(participant)) == sum("exercise" in t for t in tags(original))
        assert len(facilitator.cells) == len(original.cells)
        dropped = sum(bool(t & {"solution", "facilitator"}) for t in tags(original))
        assert len(participant.cells) == len(original.cells) - dropped
        html = (built / "participant" / path.with_suffix(".html").name).read_text(encoding="utf-8")
        assert "### Solution" not in html and "Solution</h3>" not in html


def test_the_answer_key_is_only_in_the_facilitator_edition(built):
    name = "02_source_quotations"
    assert "Answer key: click to open after the guesses" in (built / "facilitator" / f"{name}.html").read_text(encoding="utf-8")
    assert "Answer key: click to open after the guesses" not in (built / "participant" / f"{name}.html").read_text(encoding="utf-8")


def test_nothing_is_fetched_from_the_network(built):
    pages = [p for p in built.rglob("*") if p.suffix in (".html", ".css")]
    from tools import decks, packet, paper, short_notes
    # 6 pages of their own: reader's essay, handout, cards (English; Spanish: s23-cards), their answers, one more
    assert len([p for p in pages if p.suffix == ".html"]) == (3 * len(NOTEBOOKS) - len(editions.FACILITATOR_ONLY) + 6
                                                              + len(short_notes.pages()) + len(paper.paper_parts())
                                                              + len(editions.run_sheets()) + len(decks.checklists()) + len(decks.reading_messages()) + len(decks.notes_pages())
                                                              + len(decks.session_decks()) + len(packet.PAGES)
                                                              + len(packet.exercise_sheets()) + len(packet.plan_packets())
                                                              + len(packet.glossary_excerpts()) + len(packet.spanish_attachments()))
    for page in pages:
        assert editions.remote_references(page.read_text(encoding="utf-8", errors="replace")) == [], page
    assert (built / "slides" / "reveal.js" / "dist" / "reveal.js").is_file()
    assert (built / "slides" / "reveal.js" / "plugin" / "notes" / "notes.js").is_file()


def test_the_remote_check_can_fail():
    assert editions.remote_references('<script src="https://cdn.example/require.js"></script>')
    assert editions.remote_references('<link rel="stylesheet" href="//fonts.example/css">')
    assert editions.remote_references("@import url(https://fonts.example/a.css);")
    assert not editions.remote_references('<a href="https://argdown.org">Argdown</a>')


def test_slides_hide_solutions_and_keep_notes(built):
    deck = (built / "slides" / "01_argument_structure.slides.html").read_text(encoding="utf-8")
    assert deck.count("<section") >= 10
    assert "reveal.js/dist/reveal.js" in deck and "Reveal.initialize" in deck
    assert "Facilitator note" in deck and 'class="notes"' in deck
    assert "### Solution" not in deck and "Solution</h3>" not in deck


def test_reader_edition_numbers_every_paragraph(essay, built):
    page = (built / "reader" / "essay.html").read_text(encoding="utf-8")
    for n in essay.paragraphs.paragraph:
        assert f'id="p{n}"' in page and f"¶{n}</span>" in page
    for heading in essay.sections.section:
        assert heading.replace("&", "&amp;") in page


def test_the_agreements_deck_holds_the_content_note_and_every_agreement_and_no_facilitator_note(essay, built):
    deck = (built / "slides" / "agreements.slides.html").read_text(encoding="utf-8")
    h = workshop.load_handout(essay)
    import html as html_module
    text = html_module.unescape(deck)
    # the note as it is read aloud (review17), over a slide or more a language
    from tools.decks import SLIDE_WORDS, in_parts
    shown = re.sub(r"\s+", "", re.sub(r"<[^>]+>", " ", text))
    assert all(re.sub(r"\s+", "", part) in shown for lang in ("en", "es")
               for part in in_parts(h["content_note_spoken"][lang], SLIDE_WORDS - 8))
    for a in h["agreements"]:
        assert a["en"] in text and a["es"] in text, a["en"]
    for note in h["facilitator_safety"]:
        assert note[:60] not in text


def test_the_handout_has_a_place_for_the_address(essay):
    off = editions.address_block({"repository": None, "branch": "main"})
    assert "write-line" in off and "mybinder.org" not in off
    on = editions.address_block({"repository": "someone/we-are-losing-study", "branch": "main"})
    assert "https://mybinder.org/v2/gh/someone/we-are-losing-study/main" in on
    assert "https://github.com/someone/we-are-losing-study" in on
    assert editions.address_block() in editions.handout_html()


def test_the_setup_check_says_what_the_first_cell_of_00_prints(essay):
    first = next(c for c in nbformat.read(NOTEBOOKS[0], as_version=4).cells if c.cell_type == "code")
    printed = "".join(o.get("text", "") for o in first.outputs)
    assert printed.startswith("The essay is loaded: 62 numbered paragraphs")
    check = workshop.load_handout(essay)["setup"]["check"]
    assert '"The essay is loaded: 62 numbered paragraphs"' in check["en"]
    assert '"The essay is loaded: 62 numbered paragraphs"' in check["es"]


def test_every_download_is_saved_first_and_python_install_is_explained(essay):
    raw = (essay.folder / "facilitation.yml").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if "File → Download" in line:
            assert "Ctrl+S" in line, line
    h = workshop.load_handout(essay)
    steps = " ".join(s["en"] for r in h["setup"]["routes"] for s in r["steps"])
    assert "python.org" in steps and "Add python.exe to PATH" in steps
    # measured: the learner requirements download 75-96 MB (pip download, per platform) and install to ~482 MB
    # (session 25: 98 and 492 MB by du); the figures are kept in one place, workshop.SETUP_SIZES_MB
    sizes = workshop.SETUP_SIZES_MB
    assert 75 <= sizes["download_mb"] <= 110 and 400 <= sizes["installed_mb"] <= 600
    for lang in ("en", "es"):
        assert f"{sizes['download_mb']} MB" in h["setup"]["intro"][lang]
        assert f"{sizes['installed_mb']} MB" in h["setup"]["intro"][lang]


def test_every_spanish_question_was_translated_from_the_current_english(essay):
    english = helpers.load_questions(essay).set_index("id").question
    raw = helpers.anchoring.read_yaml(essay.folder / workshop.QUESTIONS_ES)["questions"]
    es = workshop.load_questions_es(essay, workshop.load_plans(essay))
    assert set(es) == set(raw)
    for qid, entry in raw.items():
        assert entry["from_en"] == workshop.english_fingerprint(english[qid]), qid
    # the same paragraphs are pointed at: every ¶ number the English names, the Spanish names too, and any other
    # the Spanish names (the ¶ of a quotation) is one of the question's anchors
    anchors = helpers.load_questions(essay).set_index("id").paragraphs
    for qid, text in es.items():
        named_en, named_es = set(re.findall(r"¶\d+", english[qid])), set(re.findall(r"¶\d+", text))
        assert named_en <= named_es <= named_en | {f"¶{n}" for n in anchors[qid]}, qid


def test_a_changed_english_question_names_the_spanish_to_retranslate(reading_copy):
    path = reading_copy / "discussion.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Trace\n      how, and say where", "Trace\n      how, and say exactly where", 1),
                    encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    with pytest.raises(helpers.AnnotationError, match=r"(?s)D04.*translate D04 again.*from_en: [0-9a-f]{12}"):
        workshop.load_questions_es(helpers.load_essay(reading_copy))


def test_the_minimum_reading_holds_every_paragraph_the_meeting_uses(essay):
    plans = workshop.load_plans(essay)
    anchors = helpers.load_questions(essay).set_index("id").paragraphs
    versions = 0
    for plan, meetings in plans.groupby("plan"):
        read = {"": set(), "spanish": set()}    # the minimum of this meeting and every earlier one, per version
        for meeting, rows in meetings.groupby("meeting"):
            spanish = workshop.spanish_version(rows)
            versions += spanish is not None
            for version, these in (("", rows), ("spanish", rows if spanish is None else spanish)):
                minimum = set(helpers.text.paragraph_numbers(these.pre_reading_minimum.iloc[0]))
                assert minimum <= set(helpers.text.paragraph_numbers(these.pre_reading.iloc[0])), (plan, meeting)
                read[version] |= minimum
                for seg in these[~these.reads].itertuples():
                    needed = set(helpers.text.paragraph_numbers(seg.paragraphs))
                    needed |= {n for q in seg.discussion.split(", ") if q for n in anchors[q]}
                    assert needed <= read[version], (plan, meeting, version, seg.segment, sorted(needed - read[version]))
    assert versions
    single = plans[plans.plan == "single-90"]
    assert {36, 40, 41} <= set(helpers.text.paragraph_numbers(single.pre_reading_minimum.iloc[0]))
    # the version for Spanish readers drops the death tolls, and sends no one to them as the least to read
    spanish = workshop.spanish_version(single)
    assert "two death tolls" not in set(spanish.topic)
    assert not {36, 40, 41} & set(helpers.text.paragraph_numbers(spanish.pre_reading_minimum.iloc[0]))
    assert "death toll" not in spanish.pre_reading_note.iloc[0]


def paper_stretches(rows):
    """(first segment, minutes) of every run of consecutive paper segments in one meeting."""
    runs, first, minutes = [], None, 0
    for seg in list(rows.itertuples()) + [None]:
        if seg is not None and seg.paper:
            first, minutes = (seg if first is None else first), minutes + seg.minutes
        elif first is not None:
            runs.append((first, minutes))
            first, minutes = None, 0
    return runs


def test_every_long_stretch_on_paper_starts_with_saving(essay):
    plans = workshop.load_plans(essay)
    long_runs = 0
    for _, rows in plans.groupby(["plan", "meeting"]):
        for first, minutes in paper_stretches(rows):
            if minutes >= workshop.PAPER_STRETCH:
                long_runs += 1
                assert first.activity.startswith(f"Save first ({workshop.SAVE_STEP})"), first.activity
    assert long_runs >= 4      # single 0:25–0:50, Session 2 jigsaw, Session 3 war of position and strategy
    for seg in plans[(plans.minutes >= workshop.PAPER_STRETCH) & (plans.notebook == "")].itertuples():
        assert seg.paper, seg.activity


def test_names_round_closing_round_and_relaunch_after_paper(essay):
    plans = workshop.load_plans(essay)
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"], sort=False):
        rows = rows.sort_values("start")
        if meeting == 1:            # introductions, and a sign-in that asks for nothing that could harm anyone
            welcome = rows.iloc[0].activity
            assert "round of first names" in welcome and "no immigration status" in welcome, plan
        assert any(a.startswith("Closing round") for a in rows.activity.iloc[-2:]), (plan, meeting)
        segs = list(rows.itertuples())
        for k, seg in enumerate(segs[:-1]):     # a long paper stretch ends; the next screen segment relaunches
            run = 0
            j = k
            while j >= 0 and segs[j].paper:
                run += segs[j].minutes
                j -= 1
            after = segs[k + 1]
            if seg.paper and not after.paper and run >= workshop.PAPER_STRETCH and after.notebook:
                assert "relaunch" in after.activity, (plan, meeting, after.topic)


@pytest.mark.parametrize("old, new", [
    ("activity: \"Back to the screens[online:  after the paper stretch: anyone whose Binder stopped relaunches and "
     "uploads the saved notebook]. When was", "activity: \"When was"),
    ("activity: \"Back to the screens after the jigsaw and the cards[online: : anyone whose Binder stopped relaunches and "
     "uploads the saved notebook] while", "activity: \"Back to the screens after the jigsaw and the cards while"),
])
def test_a_screen_segment_after_a_paper_stretch_without_a_relaunch_is_caught(reading_copy, old, new):
    """Review13: after every stretch on paper in sessions 2 and 3, as in the single session, the screen segment
    goes back to the screens with a relaunch; one that does not is refused, naming the segment."""
    rewrite(reading_copy, "sessions.yml", old, new)
    with pytest.raises(helpers.AnnotationError, match=r"(?s)minutes on paper.*relaunch.*Back to the screens"):
        workshop.load_plans(helpers.load_essay(reading_copy))


def test_a_long_paper_stretch_without_saving_is_caught(reading_copy):
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    old = "Save first (Ctrl+S, Cmd+S on a Mac[online: ; then File → Download]): the next 35 minutes are on paper. Jigsaw"
    assert old in text
    path.write_text(text.replace(old, "Jigsaw", 1), encoding="utf-8")
    with pytest.raises(helpers.AnnotationError, match=r"(?s)35 minutes on paper.*Save first"):
        workshop.load_plans(helpers.load_essay(reading_copy))


def test_an_online_part_left_open_is_caught(reading_copy):
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8")
    old = "[online: ; then File → Download]): the next 35 minutes are on paper. Jigsaw"
    assert old in text
    path.write_text(text.replace(old, "[online: ; then File → Download): the next 35 minutes are on paper. Jigsaw", 1),
                    encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_plans(helpers.load_essay(reading_copy))
    assert "without its closing bracket" in err.value.problem and "jigsaw" in str(err.value.row)


def test_each_meeting_names_what_to_drop_first_and_a_wrong_name_is_caught(essay, reading_copy):
    from tools import decks
    plans = workshop.load_plans(essay)
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"], sort=False):
        name = rows.if_short.iloc[0]
        assert name in set(rows.topic) - {"welcome", "key points"}, (plan, meeting)
        line = decks.running_late(rows, {"titles": {}, "handout": workshop.load_handout(essay)})
        seg = rows[rows.topic == name].iloc[0]
        assert f"Drop the {name} segment first ({seg.minutes} minutes at {decks.clock(seg.start)})" in line
        assert ("no break" in line) == ("break" not in set(rows.topic)), (plan, meeting)
    path = reading_copy / "sessions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("if_short: two death tolls", "if_short: two deaths", 1),
                    encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_plans(helpers.load_essay(reading_copy))
    assert "'two deaths'" in err.value.problem and "two death tolls" in err.value.fix
    assert "single-90, meeting 1" in str(err.value.row)



def test_a_wrong_if_short_is_a_plain_error_even_when_a_topic_is_not_text(reading_copy):
    """A topic that YAML reads as true/false or a number (``topic: yes``) beside a wrong if_short: the error lists
    the topics, it does not crash joining them (the property test found a TypeError here)."""
    path = reading_copy / "sessions.yml"
    text = path.read_text(encoding="utf-8").replace("if_short: two death tolls", "if_short: two deaths", 1)
    broken = re.sub(r"(\{minutes: \d+, topic: )war of position,", r"\1yes,", text, count=1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_plans(helpers.load_essay(reading_copy))
    assert "'two deaths'" in err.value.problem and "True" in err.value.fix

def test_materials_never_assume_launch_links_and_d05_has_its_map(essay):
    plans = workshop.load_plans(essay)
    for m in plans.materials:
        assert m.count("Binder links") == m.count("Binder links or the bundle"), m
    assert not workshop.offline(plans).materials.str.contains("Binder").any(), "off: the bundle alone"
    d05 = plans[plans.discussion.str.contains("D05")]
    assert len(d05) and all("argument map of 01" in m for m in d05.materials)
    # D06 asks about Gramsci's words (¶49): read before the meeting that discusses it
    for seg in plans[plans.discussion.str.contains("D06")].itertuples():
        assert 49 in helpers.text.paragraph_numbers(seg.pre_reading) or seg.meeting > 2, seg.pre_reading


def test_the_content_note_and_disagreement_guidance_name_every_flashpoint(essay):
    h = workshop.load_handout(essay)
    heated = next(s for s in h["facilitator_safety"] if s.startswith("A heated disagreement"))
    paragraphs = essay.paragraphs.set_index("paragraph").text
    assert "build the wall" in paragraphs[50] and "BDS" in paragraphs[58]
    for text in (h["content_note"]["en"], h["content_note"]["es"], heated):
        assert "BDS" in text and "build the wall" in text and "¶50" in text and "¶58" in text, text
    assert "Palestin" in h["content_note"]["en"] and "Palestin" in h["content_note"]["es"]


def test_the_local_route_starts_from_the_bundle(essay):
    h = workshop.load_handout(essay)
    local = next(r for r in h["setup"]["routes"] if r["title"]["en"].startswith("B."))
    for lang in ("en", "es"):
        steps = " ".join(s[lang] for s in local["steps"])
        assert f"{bundle.NAME}.zip" in steps and "USB" in steps, lang


GUIDE = Path(NOTEBOOKS[0]).parent


def guide_text() -> str:
    return "\n".join(c.source for c in nbformat.read(GUIDE / "05_facilitator_guide.ipynb", as_version=4).cells)


def test_the_guide_gives_the_route_without_a_public_repository_and_no_false_one():
    text = guide_text()
    assert "make bundle" in text and "USB stick or a shared drive" in text
    assert "redistributes the essay, whose rights stay with its" in text and "use the bundle or paper" in text
    assert "cannot check that a repository exists or is public" in text
    assert "keep your copy private" not in text and "keep the fork private" not in text
    assert "the command below" not in text
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        assert all(len(line) <= 60 for line in block.splitlines()), block


def test_the_guide_computes_preparation_time_from_the_lessons(essay):
    nb = nbformat.read(GUIDE / "05_facilitator_guide.ipynb", as_version=4)
    assert "hour or two" not in nb.cells[0].source and "32 minutes" not in nb.cells[0].source
    prep = next(c for c in nb.cells if c.cell_type == "code" and "helpers.lessons(" in c.source)
    printed = "".join(o.get("text", "") for o in prep.outputs)
    lessons = helpers.lessons(essay=essay).set_index("notebook").total_min
    assert sum(lessons[f"{n}.ipynb"] for n in ("01_argument_structure", "02_source_quotations", "03_timeline",
                                                "04_people_places_terms")) < int(re.search(r"about (\d+) minutes", printed)[1])


def test_printed_editions_say_how_to_read_on_paper_not_shift_enter(built):
    for audience in ("participant", "facilitator"):
        for page in sorted((built / audience).glob("0*.html")):
            text = page.read_text(encoding="utf-8")
            first = text.index("What to do first:")
            opened = text.rfind('<div class="screen-only">', 0, first)
            assert opened >= 0 and "</div>" not in text[opened:first], page.name    # shown on screen only
            assert "On paper:</strong> read down the page" in text, page.name
            assert ".screen-only { display: none !important; }" in text, page.name
    # the notebooks themselves (and the editions' .ipynb, which run) keep the instruction
    assert "Shift + Enter" in nbformat.read(built / "participant" / "01_argument_structure.ipynb", as_version=4).cells[0].source


def test_every_figure_in_the_html_editions_has_its_description_as_alt_text(built):
    """The description printed under each figure is also the image's alt text, for readers who cannot see it."""
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        alts = [o.metadata.get("image/png", {}).get("alt") for c in nb.cells if c.cell_type == "code"
                for o in c.outputs if "image/png" in o.get("data", {})]
        if not alts:
            continue
        assert all(alts), f"{path.name}: a figure has no description in its metadata"
        page = (built / "facilitator" / path.with_suffix(".html").name).read_text(encoding="utf-8")
        images = [img for img in re.findall(r"<img [^>]*>", page) if "data:image/png" in img]
        assert len(images) >= len(alts) and all(' alt="' in img for img in images[:len(alts)]), path.name
        shown = [html.unescape(a) for img in images for a in re.findall(r' alt="([^"]*)"', img)]
        assert any(a.startswith(alts[0][:60]) for a in shown), path.name   # as written, whatever the escaping


def test_run_sheets_cue_the_flashpoints_where_the_group_reads_them(essay):
    from helpers.text import paragraph_numbers
    from tools import editions
    handout = workshop.load_handout(essay)
    flash = set(handout["flashpoints"])
    named = ", ".join(re.findall(r"¶\d+(?:–¶\d+)?", handout["content_note"]["en"]))
    assert flash <= set(paragraph_numbers(named)), "the content note names each flashpoint"
    plans = workshop.load_plans(essay)
    sheets = editions.run_sheets()
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"], sort=False):
        page = sheets[f"run-sheet-{plan}-{meeting}.html"]
        # a segment is cued where its room reads a flashpoint or its activity sends pairs to one (points_to)
        reads = [r for r in rows.itertuples()
                 if flash & set(paragraph_numbers(r.paragraphs or "") + paragraph_numbers(r.points_to or ""))]
        reads += [rows.iloc[0].pre_reading] if flash & set(paragraph_numbers(rows.iloc[0].pre_reading)) else []
        assert page.count('class="cue"') == len(reads), (plan, meeting)


def test_flashpoints_outside_the_essay_are_refused(reading_copy):
    import helpers
    path = reading_copy / "facilitation.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('flashpoints: "¶4–¶5,', 'flashpoints: "¶99,'),
                    encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_handout(helpers.load_essay(reading_copy))
    assert "flashpoints" in err.value.problem and "¶1 to ¶62" in err.value.fix


def test_every_meeting_brings_the_support_card_a_named_helper_and_the_agreements(essay):
    """The safety material is on every meeting's Bring list (run sheet, checklist), not only the first's: later
    meetings hold the hardest passages (the death tolls, the cards)."""
    plans = workshop.load_plans(essay)
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"]):
        brought = " ".join(rows.materials).lower()
        assert "support services" in brought and "named helper" in brought, (plan, meeting)
        assert "packet" in brought or "agreements" in brought, (plan, meeting)


# ---- the preparation route, Spanish prompts, the save step before the last paper stretch (issue #20) -----------

def test_a_segment_without_its_spanish_prompt_is_refused_naming_it(reading_copy):
    err = error_after(reading_copy, workshop.PLANS,
                      ' activity_es: "Descanso.[online:  Antes, en Binder: Ctrl+S, o Cmd+S en una Mac; luego File → Download (Archivo → Descargar) '
                      'del cuaderno abierto (una sesión sin actividad se detiene y se borra; mantengan la pestaña '
                      'abierta y la computadora encendida).]",', "", workshop.load_plans)
    assert "plan series-3x120, meeting 1, segment 4" in str(err) and "'break' has no activity_es" in str(err)
    assert "add activity_es:" in str(err)


def test_every_segment_has_its_prompt_in_spanish(essay):
    plans = workshop.load_plans(essay)
    assert plans.activity_es.str.len().min() > 20
    # the save step is given in Spanish wherever the English gives it
    for seg in plans[plans.activity.str.contains("Save first")].itertuples():
        assert seg.activity_es.startswith(f"Guarden primero ({workshop.SAVE_STEP_ES}"), seg.activity_es


def test_the_single_session_saves_before_its_last_paper_stretch(essay):
    plans = workshop.load_plans(essay)
    single = plans[plans.plan == "single-90"].reset_index(drop=True)
    last_screen = max(i for i, seg in single.iterrows() if seg.notebook and not seg.paper)
    after = single.iloc[last_screen + 1:]
    stretch = after[after.paper]
    assert stretch.minutes.sum() >= workshop.PAPER_STRETCH and stretch.index[0] == last_screen + 1
    assert stretch.activity.iloc[0].startswith(f"Save first ({workshop.SAVE_STEP})")


def test_the_preparation_route_counts_what_it_asks_for_and_prints_both_totals(essay, bundles_built):
    """Review14 (Counts, item 7): the kit said "94 minutes of reading", where the reviewer's own count came to about
    3 h 10 of reading and rehearsal plus 2-3 h of arranging: the route left out the 8-page facilitator's notes,
    installing the kit, the paragraphs the likely answers send the room to, rehearsing the hard-moment lines and
    the week's arranging. Each is now a step: what is read counted from its words at the package's one reading
    pace, what is done with the minutes sessions.yml states. Both totals are recomputed here and must be what the
    run sheets and the start page print."""
    from tools import bundle, decks
    route = kit_once.preparation_routes()["single-90"]
    speed, paces = essay.reading_speed, workshop.reading_paces(essay)
    attach = decks.attachments(workshop.load_handout(essay))      # {attachments}: the reading message's, one list
    stated = {s["what"].replace("{attachments}", attach): s for s in workshop.load_preparation(essay)["single-90"]}
    reading = arranging = 0
    for step in route:
        if step["reads"] in ("install", "rehearse", "arrange"):
            assert step["words"] == 0 and step["minutes"] == stated[step["what"]]["minutes"] > 0, step
        else:       # the words read closely (a close step's, or the session's paragraphs in an essay step) slower
            closely = step["words"] if step["pace"] == "close" else step.get("close_words", 0)
            assert step["minutes"] == math.ceil((step["words"] + (paces["close"] - 1) * closely) / speed), step
            assert step["words"] > 50, step
        if step["reads"] == "arrange":
            arranging += step["minutes"]
        else:
            reading += step["minutes"]
    reads = [s["reads"] for s in route]
    assert {"run sheet", "safety notes", "checklist", "notes", "rehearse"} <= set(reads)
    # installing the kit is arranging here, with the laptop test (review 26, tests/test_kit_26.py)
    assert any(s["reads"] == "arrange" and s["what"].startswith("Install the kit") for s in route)
    assert reads.count("arrange") >= 4 and "deck" not in reads        # the notes hold the deck's speaker notes
    essay_steps = [s for s in route if s["reads"] == "essay"]
    assert essay_steps[0]["words"] == workshop.reading_time(essay, "¶1–¶62")[0] == int(essay.paragraphs.words.sum())
    answers = next(s for s in route if s.get("paragraphs") == "answers")
    assert {17, 18, 19, 42, 52, 55, 57, 61} <= set(helpers.text.paragraph_numbers(answers["where"]))
    # ¶53 is the session's own now (session 27: the war-of-position segments list it, so its flashpoint cue prints):
    # read closely in the essay step, not again among the answers' paragraphs
    closely = essay_steps[0]["where"].split("closely:", 1)[1]
    assert 53 in helpers.text.paragraph_numbers(closely) and 53 not in helpers.text.paragraph_numbers(answers["where"])
    session = next(s for s in route if s.get("closely") == "session")["where"].split("closely: ")[1]
    assert not set(helpers.text.paragraph_numbers(answers["where"])) & set(helpers.text.paragraph_numbers(session))
    assert next(s for s in route if s["reads"] == "notes")["words"] > 3000      # the printed notes, all of them

    def hours(minutes):
        minutes = -(-minutes // 5) * 5
        return f"{minutes // 60} h" + (f" {minutes % 60:02d}" if minutes % 60 else "") if minutes >= 60 else f"{minutes} min"
    phrase = f"about {hours(reading)} of reading and rehearsal, and about {hours(arranging)} of arranging"
    # more than the two hours the kit once promised (review 26: installing moved to the arranging, 30 minutes)
    assert reading > 120 and arranging >= 150, phrase
    def text(page):
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    sheets = kit_once.run_sheets()
    sheet = sheets["run-sheet-single-90-1.html"]
    # the sheet gives the start page's minimum route first, then this full route (facilitator review 22)
    minimum = kit_once.minimum_routes()[0]["single-90"]      # the minimum routes of the meetings as planned
    least = sum(s["minutes"] for s in minimum if s["reads"] != "arrange" and not s.get("left"))
    careful = sum(decks.step_minutes(s, decks.CAREFUL_WPM) for s in minimum if s["reads"] != "arrange" and not s.get("left"))
    assert least < reading
    assert (f"Prepare: about {hours(least)} at 200 words a minute, {hours(careful)} at 150 (minimum route); "
            f"{hours(reading)} in full; {hours(arranging)} of arranging." in text(sheet))
    assert sheet.index("Prepare:") < sheet.index('<table class="sheet">')
    # the facilitator's start page as the bundle holds it (conftest's bundles_built, written once a run): its full
    # routes were built again here, about 90 s under load (session 27)
    kit, unzipped = bundles_built["facilitator"]
    start = text((unzipped / kit.stem / bundle.START).read_text(encoding="utf-8"))
    assert f"Prepare this session: {phrase}, in this order" in start
    version = kit_once.version_routes()[1]
    said = decks.preparation_phrase(version["single-90"])
    least = kit_once.minimum_routes()[1]
    sheet_said = decks.sheet_preparation_phrase(least["single-90"], version["single-90"])
    assert f"Prepare this version: {sheet_said}." in text(sheets["run-sheet-single-90-1-spanish.html"])
    assert f"Prepare this version: {said}, in this order" in start
    for page in (start, *map(text, sheets.values())):
        assert "minutes of reading" not in page


def test_the_preparation_route_reads_nothing_twice():
    """Review12 (finding 7): the route came to 108 minutes (about 2 h 24 at a careful pace). Its deck step counted
    every slide again: each segment's slide (its run sheet row, in English and Spanish), the content note and the
    agreements (the safety step), the question's Spanish slide; and its checklist step counted the page's style
    sheet as words. Review14 asked for the printed facilitator's notes instead of the deck. Facilitator review 22:
    the notes step, which left out the run sheet's rows and the worked solution, said 24 minutes for 28 minutes of
    words, though a reader of "every page" reads them: it counts every word of the page now, and the minimum
    route reads the notes in short instead (tests/test_prep_23.py)."""
    from tools import decks
    route = {s["reads"]: s for s in kit_once.preparation_routes()["single-90"]}
    notes = kit_once.notes_pages()["notes-single-90-1.html"]
    assert route["notes"]["words"] == decks.words(notes)
    assert "deck" not in route
    page = kit_once.checklists()["checklist-single-90-1.html"]
    assert abs(route["checklist"]["words"] - decks.words(page.split("</style>")[-1])) <= 10   # the page's title


def test_a_preparation_step_cannot_carry_typed_minutes(reading_copy):
    err = error_after(reading_copy, workshop.PLANS, '{reads: notes, what:', '{reads: notes, minutes: 5, what:',
                      workshop.load_preparation)
    # step 12 since review 26 (the install step joined the laptop test, among the arranging)
    assert "plan single-90, prepare, step 12" in str(err) and "counted from the words" in str(err)
    # a step done rather than read states its minutes
    # (the series' install since review 26: the 90-minute session's is among its arranging; the notes step put
    # back first, since the series comes after it)
    rewrite(reading_copy, workshop.PLANS, '{reads: notes, minutes: 5, what:', '{reads: notes, what:')
    err = error_after(reading_copy, workshop.PLANS, '{reads: install, minimum: true, minutes: 30, what:',
                      '{reads: install, minimum: true, what:', workshop.load_preparation)
    assert "plan series-3x120, prepare, step 11" in str(err) and "needs its minutes, stated" in str(err)


def test_the_setup_page_promises_binder_only_with_a_link(essay):
    routes = workshop.load_handout(essay)["setup"]["routes"]
    binder = next(r for r in routes if r["title"]["en"].startswith("A. Binder"))
    assert "only if your facilitator gives you a link" in binder["title"]["en"]
    assert "solo si quien facilita les da un enlace" in binder["title"]["es"]
    assert binder["steps"][0]["en"].startswith("If your facilitator gives you a Binder link")


def test_the_day_of_checklists_and_run_sheets_name_an_interpreter_and_second_language_reading(essay):
    from tools import decks
    for name, page in kit_once.checklists().items():     # a version's own page (review 22) may ask for the interpreter alone
        assert ("an interpreter or a bilingual helper" in page
                or name.endswith("-spanish.html") and "<td>an interpreter</td>" in page), name
    for name, page in kit_once.run_sheets().items():
        assert "for anyone reading English as a second language" in page, name


def test_the_setup_page_answers_the_common_setup_failures_in_both_languages(essay):
    """The facilitator review: the setup page sent failures to the README's table of data-file errors. It now
    lists the setup failures people meet (Windows PowerShell's script policy, python not found, no venv module on
    Debian or Ubuntu, jupyter not found, an unsupported Python, a blocked download), each in English and Spanish,
    quoting the message as the computer prints it."""
    from tools.handout import setup_parts
    setup = workshop.load_handout(essay)["setup"]
    page = " ".join(setup_parts(setup))
    for message in ("running scripts is disabled on this system", "ensurepip is not available",
                    "No matching distribution found", "Add python.exe to PATH", "No module named jupyter"):
        hits = [p for p in setup["problems"] if message in p["en"]]
        assert hits and all(message in p["es"] for p in hits), message
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    for message in ("running scripts is disabled on this system", "sudo apt install python3-venv",
                    "No matching distribution found", "try another connection"):
        assert message in shown, message
    assert "README" not in setup["if_not"]["en"] and "README" not in setup["if_not"]["es"]


def test_the_guide_shows_the_plans_as_the_kit_prints_them(essay, tmp_path):
    """The facilitator review: with launch links off, the guide's plan table still said "then File → Download" and
    "an idle Binder session is deleted" while the run sheet did not. The guide loads the plans as the kit prints
    them; with a repository named, the Binder words come back."""
    from tools import decks
    plans = workshop.load_plans(essay)
    shown = workshop.as_the_kit_prints(plans)
    assert ("Binder" in " ".join(shown.activity + shown.materials)) == decks.links_on()
    (tmp_path / "launch.yml").write_text("repository: someone/something\nbranch: main\n", encoding="utf-8")
    assert "Binder" in " ".join(workshop.as_the_kit_prints(plans, project=tmp_path).materials)
    guide = nbformat.read(Path(__file__).parent.parent / "notebooks" / "05_facilitator_guide.ipynb", as_version=4)
    assert "workshop.as_the_kit_prints(workshop.load_plans(essay))" in guide.cells[1].source


def test_the_exercise_segment_says_where_the_exercise_is_on_screen_and_gives_the_sheet_to_every_pair(essay):
    """The second facilitator and native readings: laptop users were never told where Exercise 2 is, and the
    two-language sheet went only to people on paper while the Spanish slide said everyone had it."""
    plans = workshop.load_plans(essay)
    seg = plans[(plans.plan == "single-90") & (plans.topic == "argument map")].iloc[0]
    assert "in notebook 01, after Run → Run All Cells, under its heading, which View → Table of Contents finds" in seg.activity
    assert "or on the sheet" in seg.activity
    assert "en el cuaderno 01, después de Run → Run All Cells (Ejecutar → Ejecutar todas las celdas), bajo su título; o en la hoja" in seg.activity_es
    assert "Exercise 2 sheet (English and Spanish) for every pair" in seg.materials
    assert "printed facilitator's notes for the solution" in seg.materials


def test_the_guide_says_where_the_spanish_readers_run_sheet_deck_and_notes_are(essay, editions_built):
    """The facilitator review: the guide never mentioned the run sheet, the deck and the facilitator's notes that
    `make handouts` writes for the version of a meeting for Spanish readers. Its paragraph for a room with Spanish
    readers now names them, where they are and how they are named; the built files are there under those names."""
    from tools import decks
    text = " ".join(guide_text().split())
    for thing in ("run sheet for Spanish readers", "deck for Spanish readers",
                  "facilitator's notes for Spanish readers", "Spanish sheet", "glossary excerpt"):
        assert f"**{thing}**" in text, thing
    assert "with *spanish* at the end" in text and "`build/slides/`" in text and "`build/facilitator/`" in text
    versions = [(plan, meeting, rows) for plan, meeting, rows, _ in decks.meetings(versions=True)
                if rows.iloc[0].version == "spanish"]
    assert versions and "Every meeting of both plans has a version for such a room" in text
    assert {plan for plan, *_ in versions} == {"single-90", "series-3x120"} and len(versions) == 4
    for plan, meeting, rows in versions:
        stem = decks.name_of(plan, meeting, rows)
        assert stem.endswith("-spanish")
        for path in (f"facilitator/run-sheet-{stem}.pdf", f"facilitator/notes-{stem}.pdf", f"slides/{stem}.slides.html"):
            assert (editions_built / path).is_file(), path


def test_session_3_says_when_the_glossary_goes_out_and_that_its_since_column_is_context(essay):
    """Facilitator review 13, section 7: session 3 never said when the full glossary goes round, and flagged its Since
    column (present-day Honduran politics) as sensitive without saying it is the package's context, not the essay.
    The glossary segment hands it out, for the rest of the meeting (in English and Spanish); the war of position
    glosses the term from the facilitator's copy; the facilitator's lines and the room's say the column is context the
    package adds."""
    plans = workshop.load_plans(essay)
    s3 = plans[(plans.plan == "series-3x120") & (plans.meeting == 3)].set_index("topic")
    # facilitator review 14, E2: handed out at the war of position, the glossary's Since column (later events) sat on
    # the tables 50 minutes before the segment that frames it; it now goes round at the glossary segment itself
    war, gloss = s3.loc["war of position"], s3.loc["glossary"]
    # facilitator review 23: the glossary excerpt of the names the segment lists, not the whole glossary, per pair
    assert "Hand out the glossary excerpt, one per pair" in gloss.activity
    assert "Repartimos el extracto del glosario, uno por pareja" in gloss.activity_es   # review 26b, 3
    for event in ("pardon", "2025 election", "Maduro", "Trump"):
        assert event in gloss.sensitive, event
    for text in (war.activity, war.activity_es, war.room):
        assert "Hand out the printed glossary" not in text and "Repartimos ahora el glosario" not in text
        assert "hand out the printed glossary" not in text
    assert "later, at the glossary segment" in war.activity and "glossary (printed)" not in war.materials
    for topic in ("war of position", "glossary"):
        assert "context the package adds" in s3.loc[topic].sensitive, topic
    room = workshop.load_handout(essay)["sensitive_for_group"]["glossary"]
    assert "context this study kit adds from outside the essay" in room["en"]
    assert "contexto que este material de estudio agrega desde fuera del ensayo" in room["es"]


def test_the_cards_come_before_the_table_that_answers_them(essay):
    """Facilitator review 14, E1: session 2 projected the table of voices (every speaker, with the words of each) just
    before "Who said it?", whose cards it answers one to one. In every meeting with both, the cards come first."""
    plans = workshop.load_plans(essay)
    both = 0
    for (plan, meeting), segs in plans.groupby(["plan", "meeting"]):
        topics = list(segs.sort_values("segment").topic)
        table = [k for k, s in enumerate(segs.sort_values("segment").itertuples()) if s.projects_table == "The table of voices"]
        if "who said it" in topics and table:
            both += 1
            assert topics.index("who said it") < table[0], (plan, meeting, topics)
    assert both


def test_a_hard_moment_without_its_spanish_is_named(reading_copy):
    """facilitation.yml's hard_moments are declared in schema.yml like the other lists: a line without its Spanish
    is refused naming the file, the entry and the field (it raised a bare KeyError before), and a field that is not
    text is named too."""
    es = '    es: "Hagamos una pausa de un minuto. Hablamos del texto; aquí no se discute la dignidad de nadie."\n'
    err = error_after(reading_copy, workshop.NOTES, es, "", workshop.load_handout)
    assert str(err.row) == "hard_moments[1]" and "'es' is empty" in err.problem and "es" in err.fix
    rewrite(reading_copy, workshop.NOTES, '  - when: "A heated moment: pause"\n', '  - when: "A heated moment: pause"\n'
            + es)
    err = error_after(reading_copy, workshop.NOTES, '  - when: "A heated moment: pause"\n', "  - when: [pause]\n",
                      workshop.load_handout)
    assert str(err.row) == "hard_moments[1]" and "'when' should be text" in err.problem


# ---- the single 90-minute session, after facilitator review 14 (items 3, 4, 8, 9) ------------------------------

def _single(essay):
    plans = workshop.load_plans(essay)
    english = plans[plans.plan == "single-90"]
    return english, workshop.spanish_version(english)


def test_the_feasibility_discussion_has_the_time_it_needs_in_both_versions(essay):
    """Review 14, A2: the most sensitive question (¶45: "armed resistance … rather than domestic organizing") had
    10 minutes for a 199-word question, five prompts and five likely answers. It gets at least 15 in the English
    room and more in the room with Spanish readers (every contribution interpreted), and the segment says where
    its minutes came from (the setup check)."""
    english, spanish = _single(essay)
    seg = english[english.topic == "feasibility objection"].iloc[0]
    es = spanish[spanish.topic == "feasibility objection"].iloc[0]
    assert seg.minutes >= 15 and es.minutes > seg.minutes, (seg.minutes, es.minutes)
    assert english.minutes.sum() == spanish.minutes.sum() == 90
    assert english[english.topic == "setup"].iloc[0].minutes == 5
    # where its minutes came from is the plan's note (sessions.yml), not the run sheet's: the facilitator does not
    # need it on the day (session 17 cut it to keep the 90-minute run sheet at 9 pt)
    plan = (essay.folder / "sessions.yml").read_text(encoding="utf-8")
    assert "the setup check gives 5 of its 10 minutes to the ¶45 discussion" in " ".join(plan.replace("#", " ").split())


def test_the_spanish_readers_version_gives_the_interpreted_pair_work_more_time(essay):
    """Review 14, B1: in the room with Spanish readers the thesis and Exercise 2 (the argument map) kept the
    English room's minutes although every contribution is interpreted and both search English passages."""
    english, spanish = _single(essay)
    for topic in ("thesis", "war of position", "feasibility objection"):
        assert (spanish[spanish.topic == topic].iloc[0].minutes > english[english.topic == topic].iloc[0].minutes), topic
    said = english.iloc[0].spanish_readers
    for topic in ("thesis", "war of position", "feasibility objection", "welcome", "key points"):
        m = spanish[spanish.topic == topic].iloc[0].minutes
        assert re.search(rf"\b{m}\b", said), (topic, m, said)


LATER_EVENTS = re.compile(r"\b20[2-9]\d\b|pardon|capture|Maduro|Trump's return|return to the presidency|"
                          r"conviction|Venezuela's president", re.I)


def test_a_plan_that_hands_out_no_since_column_names_no_later_event_on_its_sheets(essay):
    """Review 14, A6: the 90-minute run sheet's bold sensitive box told the facilitator to name contested events
    after the essay (the capture of Venezuela's president, Trump's return) in a session whose only glossary is the
    one-page excerpt, which has no Since column. In every plan that prints no whole glossary, no segment's
    sensitive line (run sheet, speaker notes) or room line (slide) names a later event."""
    plans = workshop.load_plans(essay)
    prints = workshop.load_print_lists(essay)
    room = workshop.load_handout(essay)["sensitive_for_group"]
    checked = 0
    for plan, rows in plans.groupby("plan"):
        if "glossary" in set(prints[prints.plan == plan].printout):
            continue          # the whole glossary, with its Since column, goes out in this plan
        if ((rows.topic == "glossary") & (rows.notebook == "04_people_places_terms")).any():
            continue          # its glossary segment opens notebook 04, whose glossary shows the Since column (review 23)
        for versions in (rows, workshop.spanish_version(rows)):
            for seg in (versions.itertuples() if versions is not None else []):
                for line in (seg.sensitive, *(room.get(seg.topic, {}).values() if seg.sensitive else ())):
                    checked += 1
                    assert not LATER_EVENTS.search(line), (plan, seg.topic, LATER_EVENTS.search(line)[0])
    assert checked >= 4


def test_the_thesis_pairs_get_their_points_paragraphs_from_the_summary(essay):
    """Review 14, A4: pairs had about 7 minutes to find where the essay shows their point across ¶19–¶61, with no ¶
    range given. Each point's range is the one the one-page summary gives it: the ¶ of the claims it sums up under
    the point, or else the ¶ range the point is developed in; the thesis segment names it for each pair, in both
    languages, in both versions."""
    from helpers.summary import summary_english
    from helpers.text import paragraph_list
    summary = summary_english(essay)
    ranges = {}
    for n, pid in enumerate(("P1", "P2", "P3"), start=1):
        under = summary[summary.place == pid].drop(index=pid, errors="ignore")
        under = under[under.type != "recommendation"]      # what the essay asks (close reading 21) shows no point
        # nor does what the authors grant: ¶45's concession limits point 1 and is the feasibility segment's re-reading
        # (facilitator review 26, #8: pairs sent to it found the concession, not where point 1 is shown)
        under = under[under.type != "concession"]
        ranges[n] = (paragraph_list(sorted({int(s[1:]) for s in under.stated})) if not under.empty
                     else summary.loc[pid, "developed"])
    english, spanish = _single(essay)
    for rows in (english, spanish):
        seg = rows[rows.topic == "thesis"].iloc[0]
        for text, joined in ((seg.room or seg.activity, " and "), (seg.activity, " and "), (seg.activity_es, " y ")):
            flat = " ".join(text.split())
            for n, where in ranges.items():
                assert f"point {n}, {where.replace(', ', joined)}" in flat.replace("punto", "point"), (n, where, flat)


def test_the_spanish_readers_route_briefs_the_interpreter_and_every_route_sends_the_reading():
    """Issue #20: the preparation stated left out sending the reading message and, for the version for Spanish
    readers, briefing the interpreter (what to send them and when); each is a step with its minutes, in the data,
    and the totals are the sum of the steps."""
    from tools import decks
    english = kit_once.preparation_routes()["single-90"]
    version = kit_once.version_routes()[1]["single-90"]
    briefing = [s for s in version if "interpreter" in s["what"] and s["what"].startswith("Brief")]
    assert len(briefing) == 1 and briefing[0]["minutes"] > 0
    for what in ("questions in Spanish", "glossary", "sensitive paragraphs", "weeks before"):
        assert what in briefing[0]["what"], what
    assert not [s for s in english if s["what"].startswith("Brief")]
    for route in (english, version):
        assert [s for s in route if s["reads"] == "arrange" and s["what"].startswith("Send the reading message")]
        reading, arranging = decks.preparation_totals(route)
        assert reading + arranging >= sum(s["minutes"] for s in route) > reading + arranging - 10
    # review 20b: a step the version does not take (only: as planned, the notebook's laptop test) is not its minutes
    planned_only = sum(s["minutes"] for s in english if s.get("only") == "as planned")
    assert planned_only and decks.preparation_totals(version)[1] >= (decks.preparation_totals(english)[1] - planned_only
                                                                     + briefing[0]["minutes"])


def test_the_spanish_readers_version_follows_the_guides_interpreting_rule(essay):
    """Session 17 (issue #20): the guide says interpreting takes about half as much time again, and the version for
    Spanish readers gave it 1 to 3 minutes a segment (welcome 15 for 14, a 5-minute closing round where everyone
    speaks twice). The rule is one number (sessions.yml, reading_pace: interpreted), the guide's example follows
    it, and the version's kept segments take exactly what helpers.workshop.interpreted_minutes computes from the
    English minutes; what 90 minutes cannot then hold is cut whole, and the plan says so."""
    factor = workshop.reading_paces(essay)["interpreted"]
    assert factor == 1.5
    rule = next(n for n in workshop.load_handout(essay)["facilitator_safety"] if n.startswith("Interpretation"))
    assert "half as much time again" in rule and f"{workshop.interpreted_minutes([10], factor)[0]} minutes instead of 10" in rule
    english, spanish = _single(essay)
    kept = english[english.topic.isin(spanish.topic)]
    assert list(spanish.minutes) == workshop.interpreted_minutes(list(kept.minutes), factor)
    assert int(spanish.minutes.sum()) == 90 == round(kept.minutes.sum() * factor)
    cut = set(english.topic) - set(spanish.topic)
    assert cut == {"two death tolls", "setup", "argument map"}
    said = english.iloc[0].spanish_readers
    assert "half as long again" in said and "cut are the two death tolls" in said
    assert "the setup check and Exercise 2" in said
    assert workshop.interpreted_minutes([14, 13, 13, 15, 5], 1.5) == [21, 19, 19, 23, 8]
    assert workshop.interpreted_minutes([3, 3], 1.5) == [4, 5]       # 4.5 and 4.5: the later gets the minute left


def test_the_closing_round_asks_one_sentence_of_each_person(essay):
    """Session 17 (issue #20): the 90-minute closing round asked each person for two things ("what you take from the
    essay, and what you would check before citing it") in 5 minutes, about 12 with interpreting. It asks one
    sentence, either of the two, in English and Spanish, and the version for Spanish readers gives it half as long
    again (8 minutes)."""
    english, spanish = _single(essay)
    close = english[english.topic == "key points"].iloc[0]
    for text in (close.activity, close.room):
        assert "one sentence each" in text and "what you take from the essay, or what you would check" in text
    assert "qué se llevan del ensayo, o qué comprobarían" in close.activity_es
    assert spanish[spanish.topic == "key points"].iloc[0].minutes == 8
