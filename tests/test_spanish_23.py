"""Native Spanish review 23 (issue #20): the Spanish versions' facilitator side in Spanish on their run sheets, "framing"
rendered "encuadre" (never "marco", which is "framework"), one name for the IRI voice, Session 2's key point in Spanish,
and a question's share of a two-question segment's minutes in its leading notes."""
import html
import re

import helpers
from helpers import workshop
from tools import decks

import kit_once

TAGS = re.compile(r"<[^>]+>")
SEEDS = helpers.SEEDS / helpers.DEFAULT_READING


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


def _versions() -> dict[str, tuple]:
    return {decks.name_of(plan, meeting, rows): (rows, ctx) for plan, meeting, rows, ctx in decks.meetings(versions=True)
            if rows.iloc[0].version}


def test_the_spanish_run_sheets_give_the_facilitator_side_in_spanish():
    """Review 23, item 1: the Spanish run sheets printed "Sensitive:", "If short of time", the flare-up steps, the
    hard-moment labels, the interpreter's role and the debrief in English, and each segment's English directions. Each
    now prints the segment's Spanish (activity_es; a segment its version names in sheet_in_english keeps its English,
    its Spanish too long for the page) and those lines in Spanish."""
    sheets = kit_once.run_sheets()
    versions = _versions()
    assert len(versions) == 4
    handout = workshop.load_handout(helpers.load_essay())
    for name, (rows, ctx) in versions.items():
        text = _plain(sheets[f"run-sheet-{name}.html"])
        for english in ("Sensitive:", "If short of time", "If it flares", "Hard moments", "Flashpoint rows",
                        "The interpreter", "After the session", "Questions in Spanish", "en breve", "Bring what"):
            assert english not in text, (name, english)
        english_here = rows.iloc[0].spanish_variant.get("sheet_in_english", [])
        titles = ctx["titles"]
        for seg in rows.itertuples():
            if seg.topic in english_here:
                assert _plain(decks.plain(seg.activity, titles)) in text, (name, seg.topic)
            else:
                assert _plain(decks.plain(seg.activity_es, titles)) in text, (name, seg.topic)
            if seg.sensitive:
                assert seg.sensitive_es and f"Tema delicado: {seg.sensitive_es}" in text, (name, seg.topic)
        assert text.count("Tema delicado:") == (rows.sensitive != "").sum(), name
        assert all(f"{m['when_es']}:" in text for m in handout["hard_moments"]), name
        assert "Si falta tiempo." in text and handout["debrief_es"].split(":")[0] in text, name
    assert len([n for n, (r, _) in versions.items() if r.iloc[0].spanish_variant.get("sheet_in_english")]) <= 1
    # the English sheets keep their English
    english = _plain(sheets["run-sheet-single-90-1.html"])
    assert "Sensitive:" in english and "Tema delicado" not in english and "If short of time" in english


def _spanish_texts() -> dict[str, str]:
    """Every Spanish text the kit's Spanish data gives, by file."""
    files = ("discussion_es.yml", "summary_es.yml", "facilitation.yml", "sessions.yml", "messages.yml")
    return {name: (SEEDS / name).read_text(encoding="utf-8") for name in files}


def test_framing_is_encuadre_never_marco():
    """Review 23, item 4: "framing" (¶18, ¶55) was rendered "marco", which is "framework". "marco" is left only for
    the anti-imperialist framework (¶9) and frame (¶46); where the essay says "framing", the Spanish says "encuadre"."""
    for name, text in _spanish_texts().items():
        found = [m.group(0) for m in re.finditer(r"\bmarco\b(?! antiimperialista)", text)]
        assert not found, (name, found)
    d = (SEEDS / "discussion_es.yml").read_text(encoding="utf-8")
    assert "el trabajo y el\n      encuadre antiimperialistas" in d and "alimenta el encuadre de la derecha" in d


def test_one_name_for_the_iri_voice():
    """Review 23, item 10: the IRI voice of ¶20 had three names ("funcionario", "oficial de la sesión informativa",
    "persona … encargada de programas"). It is now one name, at a "reunión informativa": since native Spanish review 25,
    "la persona encargada de programas" of the IRI (the essay's "A program officer", ¶20, says no gender; review 23's
    "el encargado" had become "la encargado" in D06)."""
    texts = " ".join(" ".join(t.split()) for t in _spanish_texts().values())
    for other in ("funcionario", "oficial de la", "sesión informativa", "encargado de programas", "la encargado"):
        assert other not in texts, other
    assert texts.count("persona encargada de programas del Instituto Republicano Internacional (IRI)") >= 2


def test_session_two_spanish_key_point():
    """Review 23, item 6: the Spanish Session 2 deck closed on notebook 02's key point in English only. It now says it
    in Spanish first (sessions.yml, spanish: key_points_es), the English under it."""
    deck = kit_once.session_decks()["series-3x120-2-spanish.slides.html"]
    said = " ".join(c.source for c in deck.cells)
    assert "*Español:* Además de los autores, el ensayo cita a Ella Baker" in said
    assert "Notebook 02 (" in said


def test_a_question_in_a_two_question_segment_gets_its_share_of_the_minutes():
    """Review 23, item 2: Session 3's Spanish notes said "Cómo conducir la pregunta 2 en 45 minutos", the whole
    segment's minutes, where question 2 has about 22 of them."""
    said = " ".join(c.source for c in kit_once.session_decks()["series-3x120-3-spanish.slides.html"].cells)
    assert "en 45 minutos" not in said
    assert "Cómo conducir la pregunta 2 (unos 22 de los 45 minutos de esta parte)" in said
    assert "en inglés, con las palabras del ensayo" in said


def test_session_three_message_for_spanish_readers_attaches_the_exercise_2_sheet():
    """Review 23, item 7: Exercises 2 and 4 are the Spanish Session 3's homework, but its reading message did not
    attach the bilingual Exercise 2 sheet (Spanish instructions, ¶51–¶52 in Spanish). It attaches it now, and says so
    in both languages; the English room's message does not (it works in the notebook)."""
    page = kit_once.reading_messages()["reading-message.html"]
    sections = {html.unescape(TAGS.sub("", s.split("</h2>")[0])): s for s in page.split("<h2>")[1:]}
    version = next(s for t, s in sections.items() if "Session 3" in t and "Spanish readers" in t)
    planned = next(s for t, s in sections.items() if "Session 3" in t and "Spanish readers" not in t)
    assert 'href="../participant/exercise-01-2.pdf"' in version
    assert "También va adjunta la hoja del Ejercicio 2, en inglés y en español" in _plain(version)
    assert "The Exercise 2 sheet is attached too" in _plain(version)
    assert "exercise-01-2" not in planned
