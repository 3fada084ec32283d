"""Facilitator review 22, item 5 (issue #20): the discussion questions could not be read aloud. Question 2, even "in
short", was about 110 words of nested conditions and "the package's reading" hedges; question 1 the same; the Spanish
Session 1 run sheet printed at 8.75 pt because its question 1 in Spanish was about 230 words. Each question now has a
spoken form (discussion.yml and discussion_es.yml, ``aloud``): what the facilitator reads to the room, one or two
sentences, at most 40 words in English and 48 in Spanish, one condition at most, no hedge inside it. The run sheets
and the question slides give it; the packet and the notes keep the full question."""
import html
import re

import pytest

import helpers
from helpers import workshop
from helpers.anchoring import folded
from editing import rewrite
from tools import decks

import kit_once

TAGS = re.compile(r"<[^>]+>")
LIMITS = {"en": (40, r"\bif\b"), "es": (48, r"\bsi\b")}      # words at most, the one condition allowed once


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


@pytest.fixture(scope="module")
def spoken():
    essay = helpers.load_essay()
    plans = workshop.load_plans(essay)
    questions = helpers.load_questions(essay).set_index("id")
    used = sorted({q for cell in plans.discussion for q in cell.split(", ") if q})
    return essay, questions, used, workshop.load_aloud_es(essay)


def test_every_question_a_plan_uses_has_a_spoken_form_in_both_languages_within_the_limits(spoken):
    essay, questions, used, spanish = spoken
    assert {"D01", "D02", "D04", "D05", "D06", "D08"} <= set(used)
    for qid in questions.index:             # every question, not only the used ones
        for lang, text in (("en", questions.aloud[qid]), ("es", spanish.get(qid, ""))):
            most, condition = LIMITS[lang]
            text = " ".join(str(text or "").split())
            assert text, (qid, lang)
            assert len(text.split()) <= most, (qid, lang, len(text.split()))
            assert len(re.findall(condition, text, flags=re.I)) <= 1, (qid, lang, text)
            assert not decks.HEDGE.search(text), (qid, lang, text)
            assert words_of(text) != words_of(" ".join(questions.question[qid].split())) or lang == "es"
            # the ¶ it names are the full question's (named, or its anchors)
            full = questions.question[qid]
            allowed = set(questions.paragraphs[qid]) | {int(n) for n in re.findall(r"¶(\d+)", full)}
            assert {int(n) for n in re.findall(r"¶(\d+)", text)} <= allowed, (qid, lang, text)
        # the English's curly quotation marks hold the essay's exact words, in the question's paragraphs
        within = folded(essay, sorted(set(questions.paragraphs[qid])))
        for quoted in re.findall(r"“([^”]+)”", questions.aloud[qid]):
            assert folded(quoted) in within, (qid, quoted)
        assert '"' not in questions.aloud[qid], qid
    # question 1 and 2, which review 22 could not read aloud, are now short
    assert all(len(questions.aloud[q].split()) <= 40 for q in ("D01", "D02"))


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_the_run_sheets_ask_each_question_in_its_spoken_form(spoken):
    essay, questions, used, spanish = spoken
    sheets = {name: _plain(page) for name, page in kit_once.run_sheets().items()}
    asked = 0
    for name, text in sheets.items():
        spanish_sheet = name.endswith("-spanish.html")
        for n in re.findall(r"(?:Pregunte \(pregunta|Ask \(question) (\d+)", text):
            qid = f"D{int(n):02d}"
            said = " ".join((spanish[qid] if spanish_sheet else questions.aloud[qid]).split())
            assert _plain(html.escape(said)) in text, (name, qid)
            full = " ".join((workshop.load_questions_es(essay)[qid] if spanish_sheet else
                             questions.question[qid]).split())
            assert full not in text, (name, qid)             # the full question is for the packet and the notes
            asked += 1
    assert asked >= 8, asked
    assert "Ask (question 2, on ¶45, ¶48):" in sheets["run-sheet-single-90-1.html"]


def test_the_question_slides_project_the_spoken_form_and_the_notes_keep_the_full_question(spoken):
    essay, questions, used, spanish = spoken
    spanish_full = workshop.load_questions_es(essay)
    seen = set()
    for name, nb in kit_once.session_decks().items():
        cells = nb.cells
        for i, cell in enumerate(cells):
            m = re.match(r"## (Question|Pregunta) (\d+) ", cell.source)
            if not m or "lead" in cell.source.split("\n\n", 1)[1][:40]:
                continue
            qid = f"D{int(m.group(2)):02d}"
            es = m.group(1) == "Pregunta"
            said = " ".join((spanish[qid] if es else questions.aloud[qid]).split())
            assert f'class="question{" es" if es else ""} aloud">{html.escape(said, quote=False)}</p>' in cell.source, \
                (name, qid, cell.source[:200])
            notes = cells[i + 1].source if i + 1 < len(cells) else ""
            full = " ".join((spanish_full[qid] if es else questions.question[qid]).split())
            assert html.escape(full, quote=False) in notes, (name, qid)
            seen.add((qid, es))
    assert {(q, es) for q in used for es in (False, True)} <= seen, sorted(seen)


def test_a_spoken_form_too_long_is_refused_naming_file_row_and_fix(reading_copy):
    """The limits are declared in schema.yml (``limits``) and checked by the generic loader."""
    text = (reading_copy / "discussion.yml").read_text(encoding="utf-8")
    start = text.index("    aloud: ", text.index("  - id: D02"))
    end = text.index("\n", start)
    long = "    aloud: " + " ".join(["word"] * 45) + "?"
    (reading_copy / "discussion.yml").write_text(text[:start] + long + text[end:], encoding="utf-8")
    with pytest.raises(helpers.AnnotationError) as err:
        helpers.load_questions(helpers.load_essay(reading_copy))
    said = str(err.value)
    assert "discussion.yml, row questions[2] (D02)" in said and "45 words" in said and "40" in said, said
    assert "How to fix it:" in said and "full question" in said, said


def test_a_spoken_form_with_two_conditions_or_a_hedge_is_refused(reading_copy):
    rewrite(reading_copy, "discussion.yml", "What does that concession mean for the authors' strategy?",
            "And if not, why?")
    with pytest.raises(helpers.AnnotationError, match=r"(?s)D02.*2 conditions"):
        helpers.load_questions(helpers.load_essay(reading_copy))
    rewrite(reading_copy, "discussion.yml", "And if not, why?", "Why is this the package's reading?")
    with pytest.raises(helpers.AnnotationError, match=r"(?s)D02.*package's reading"):
        helpers.load_questions(helpers.load_essay(reading_copy))


def test_a_spanish_spoken_form_too_long_is_refused(reading_copy):
    rewrite(reading_copy, "discussion_es.yml", "¿Qué implica esa concesión para la estrategia de los autores?",
            "¿Qué implica esa concesión, que los mismos autores hacen, para la estrategia de los autores?")
    with pytest.raises(helpers.AnnotationError) as err:
        workshop.load_aloud_es(helpers.load_essay(reading_copy))
    said = str(err.value)
    assert "discussion_es.yml, row D02" in said and "53 words" in said and "48" in said, said
