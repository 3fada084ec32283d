"""Native Spanish review 26b: a native writer's reading of the Spanish the kit added in session 26, each finding a
test can hold pinned here. The content note said aloud says "asesinatos selectivos" and promises what agreement 7
promises; the Spanish run sheets give it in Spanish, then English; pairs form in a sentence of their own ("Formen
parejas con la persona de al lado", never "quien tengan"); "a cada ejercicio", "que no conozca"; the flashpoints
line has the message send the reading; "se acalora", agreement 5's verb; the article before ¶; the place column in
Spanish on a Spanish row; one name for the IRI; one term for "shot dead"; "una hoja aparte, que se reparte"; the
Spanish for the office of ambassador names the chargé d'affaires."""
from __future__ import annotations

import csv
import html
import re

import helpers
from helpers import load_essay, workshop
from tools import decks

import kit_once

SEEDS = helpers.SEEDS / helpers.DEFAULT_READING
TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


def _spanish_sheets() -> dict[str, str]:
    sheets = {name: page for name, page in kit_once.run_sheets().items() if name.endswith("-spanish.html")}
    assert len(sheets) == 4, sorted(sheets)
    return sheets


def _activities_es() -> list[tuple[str, str, str]]:
    """Every Spanish row of every plan and version, as decks builds it: (plan, topic, activity_es)."""
    out = []
    for plan, meeting, rows, ctx in decks.meetings(versions=True):
        out += [(plan, seg.topic, seg.activity_es) for seg in rows.itertuples() if seg.activity_es]
    return out


def test_the_content_note_said_aloud_names_assassinations_and_promises_what_agreement_7_does():
    """Finding 1: "asesinatos" alone, after "manifestantes a quienes mataron", sounded like more of the same killings;
    "Pueden salir cuando quieran" could be heard as leaving for good and differed from agreement 7."""
    h = workshop.load_handout(load_essay())
    said = h["content_note_aloud"]["es"]
    assert "asesinatos selectivos" in said and "temas que dividen" in said, said
    assert "cuando quieran" not in said and "lo vivieron" not in said, said
    promise = "Pueden salir en cualquier momento"
    assert promise in said and any(a["es"].startswith(promise) for a in h["agreements"]), said
    assert decks.words(said) <= 48


def test_the_spanish_sheets_label_the_note_said_aloud_with_a_verb():
    """Finding 2: the label "Aviso sobre el contenido, en voz alta (0:00)" read like a stage direction with no verb.
    (Its English after the Spanish, also proposed, took three of the four Spanish sheets under 9 pt: left open.)"""
    said = workshop.load_handout(load_essay())["content_note_aloud"]
    seen = 0
    for name, page in _spanish_sheets().items():
        above = _plain(page.split('<table class="sheet">')[0])
        if "aviso" not in above.lower():
            continue
        seen += 1
        assert "en voz alta (0:00):" in above and "Aviso sobre el contenido, en voz alta (0:00)" not in above, name
        if "Lea otra vez el aviso" in above:
            # a later meeting reads it again: one line pointing to Session 1's words (Session 3's sheet keeps 9 pt)
            assert "Lea otra vez el aviso en voz alta (0:00): el mismo de la sesión 1 (en las notas de la diapositiva del aviso)." in above, name
            continue
        assert f"Lea el aviso en voz alta (0:00): “{' '.join(said['es'].split())}”" in above, name
    assert seen >= 2, seen


def test_pairs_form_in_a_sentence_of_their_own_never_quien_tengan():
    """Finding 3: "En parejas con quien tengan al lado, cada pareja…" said pairs twice and sounded like an agreement
    error aloud; finding 4: "un nombre que no conocía"; finding 5: "su respuesta a cada uno" (to each person)."""
    rows = _activities_es()
    texts = " ".join(" ".join((SEEDS / name).read_text(encoding="utf-8").split())
                     for name in ("sessions.yml", "discussion_es.yml", "cards_es.yml", "facilitation.yml"))
    for phrase in ("quien tengan", "que no conocía", "respuesta a cada uno", "numeradas 1, 2, 3", "(hoy, en papel)"):
        assert phrase not in texts, phrase
        assert not [r for r in rows if phrase in r[2]], phrase
    formed = [r for r in rows if "parejas con la persona de al lado" in r[2]]
    assert len(formed) >= 10, len(formed)
    # session 27: one instruction, the pairs' numbers given to them by the facilitator (tests/test_kit_27.py; native
    # Spanish review 27: "que le toque" said no one gave them)
    assert any("Formen parejas con la persona de al lado; quien facilita da a cada pareja un punto (1, 2 o 3)" in r[2]
               for r in rows)
    glossary = [r[2] for r in rows if r[1] == "glossary"]
    assert glossary and all(g.startswith("Formen parejas con la persona de al lado. Repartimos") for g in glossary)
    assert any("una pareja lee su respuesta a cada ejercicio" in r[2] for r in rows)


def test_the_flashpoints_line_has_the_message_send_the_reading():
    """Finding 6: "el mensaje que envía la lectura" made the reading send the message."""
    seen = 0
    for name, page in _spanish_sheets().items():
        text = _plain(page)
        assert "el mensaje que envía la lectura" not in text, name
        seen += "los nombra el mensaje con el que se envía la lectura" in text
    assert seen >= 1, seen


def test_a_flare_up_is_said_with_agreement_5s_verb():
    """Finding 7: "Si se enciende", with no subject; agreement 5 says "Si una discusión se acalora"."""
    for name, page in _spanish_sheets().items():
        text = _plain(page)
        assert "se enciende" not in text, name
        assert "Si la discusión se acalora: pausa" in text, name


def test_a_paragraph_mark_takes_its_article_and_gramsci_speaks_sobre_the_state():
    """Finding 8: "Leemos ¶49", "lean juntos ¶20", "la imagen de Gramsci del Estado", "se explica el término"."""
    for plan, topic, text in _activities_es():
        assert not re.search(r"(?:Leemos|juntos|número \d,) ¶", text), (plan, topic, text)
        assert "de Gramsci del Estado" not in text and "se explica el término" not in text, (plan, topic, text)


def test_the_place_column_of_a_spanish_row_is_in_spanish():
    """Finding 9: the Spanish sheet said "¶7, ¶9–¶10, ¶17–¶18, on paper" beside a Spanish row."""
    seen = 0
    for name, page in _spanish_sheets().items():
        for where in re.findall(r'<span class="where">([^<]*)</span>', page):
            assert "on paper" not in where and "notebook" not in where, (name, where)
            seen += "en papel" in where
    assert seen >= 4, seen


def test_the_iri_voice_is_named_one_way_and_shot_dead_is_said_one_way():
    """Finding 10: "Instituto Republicano" in question 6, "Instituto Republicano Internacional (IRI)" eight lines
    above; finding 11: "murieron baleadas" beside "muertos a tiros"."""
    aloud = " ".join((SEEDS / "discussion_es.yml").read_text(encoding="utf-8").split())
    assert "Instituto Republicano nos" not in aloud
    assert "del Instituto Republicano Internacional (IRI) nos llegan" in aloud
    for name in ("sessions.yml", "cards_es.yml"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert not re.search(r"(?i)balead[oa]s", text), name
    recap = " ".join((SEEDS / "sessions.yml").read_text(encoding="utf-8").split())
    assert "[más de 30 personas murieron a tiros]" in recap and "[más de 40 personas murieron a tiros]" in recap


def test_the_answer_sheet_agrees_and_the_briefing_is_a_briefing():
    """Finding 13: "Las respuestas están en una hoja aparte: se reparte…"; finding 12: "una reunión" for a briefing."""
    text = " ".join((SEEDS / "sessions.yml").read_text(encoding="utf-8").split())
    assert "en una hoja aparte: se reparte" not in text
    assert "(Las respuestas están en una hoja aparte, que se reparte cuando terminen.)" in text
    assert "una reunión en Washington" not in text and "una reunión informativa en Washington" in text


def test_the_office_of_ambassador_gives_the_spanish_for_charge_d_affaires():
    """Finding 14: the entry hinges on "chargé d'affaires" and gave a Spanish reader no Spanish word for it."""
    with open(SEEDS / "terms.csv", encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["term"] == "U.S. ambassador to Honduras")
    assert "encargado de negocios" in row["spanish"], row["spanish"]
