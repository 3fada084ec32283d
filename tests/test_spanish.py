"""The Spanish a Spanish reader gets: every discussion question, translated from the current English, with the
same paragraphs and the essay's own words; the content note and the agreements complete and no softer than the
English. The checks of the loader are shown failing on a broken copy of the reading (``reading_copy``)."""
from __future__ import annotations

import re


import pytest

import helpers
import helpers.anchoring
from helpers import workshop
from helpers.anchoring import read_yaml

from editing import error_after, rewrite
import kit_once

QUOTE = re.compile(r'"([^"]+)"')
PILCROW = re.compile(r"¶(\d+)")


def load_es(essay):
    return workshop.load_questions_es(essay)


def test_every_question_has_a_spanish_version_not_only_those_a_plan_uses(essay):
    english = helpers.load_questions(essay)
    plans = workshop.load_plans(essay)
    used = {q for cell in plans.discussion for q in cell.split(", ") if q}
    unused = set(english.id) - used
    assert unused, "every question is used by a plan, so this test would not show the difference"
    es = workshop.load_questions_es(essay, plans)
    assert set(es) == set(english.id)
    for qid, text in es.items():
        assert len(text.split()) >= 15 and re.search(r"[¿?]", text), qid        # a question, not a stub


def test_a_missing_spanish_question_is_named_with_its_fingerprint(essay, reading_copy):
    english = helpers.load_questions(essay).set_index("id").question
    path = reading_copy / workshop.QUESTIONS_ES
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  D17:\n")
    path.write_text(text[:start + 1], encoding="utf-8")           # D17 and the questions after it: cut them off
    with pytest.raises(helpers.AnnotationError) as info:
        load_es(helpers.load_essay(reading_copy))
    message = str(info.value)
    assert "D17" in message and workshop.QUESTIONS_ES in message
    assert f"from_en: {workshop.english_fingerprint(english['D17'])}" in message


def test_a_wrong_fingerprint_names_the_question_and_the_fix(essay, reading_copy):
    english = helpers.load_questions(essay).set_index("id").question
    current = workshop.english_fingerprint(english["D12"])
    err = error_after(reading_copy, workshop.QUESTIONS_ES, f'from_en: "{current}"', 'from_en: "0123456789ab"', load_es)
    message = str(err)
    assert "D12" in message and "0123456789ab" in message
    assert f"translate D12 again" in message and f"from_en: {current}" in message


def test_every_paragraph_a_spanish_question_names_is_one_its_english_names(essay):
    questions = helpers.load_questions(essay).set_index("id")
    for qid, text in load_es(essay).items():
        english = {int(n) for n in PILCROW.findall(questions.question[qid])}
        spanish = {int(n) for n in PILCROW.findall(text)}
        assert english <= spanish, (qid, sorted(english - spanish))
        assert spanish <= english | set(questions.paragraphs[qid]), (qid, sorted(spanish - english))


def test_a_paragraph_the_english_does_not_name_is_refused(reading_copy):
    err = error_after(reading_copy, workshop.QUESTIONS_ES, "secciones a los puntos). En el ¶55 los autores",
                      "secciones a los puntos). En el ¶56 los autores", load_es)
    assert "D05" in str(err) and "¶56" in str(err)


def test_a_paragraph_the_english_names_cannot_be_dropped(reading_copy):
    # D01 names ¶9 three times since the tenth close reading (P3: the "wedge" is the other reading): drop all three
    rewrite(reading_copy, workshop.QUESTIONS_ES, "describen en el ¶9: la falta", "describen antes: la falta")
    err = error_after(reading_copy, workshop.QUESTIONS_ES, "(¶9) que el ¶9 menciona antes", "que menciona antes", load_es)
    assert "D01" in str(err) and "does not name ¶9" in str(err)


def spanish_quotations(essay):
    """(where, quotation, the text it stands in) for every double-quoted passage of the Spanish a reader gets:
    the questions, the content note and the agreements (the setup page quotes screens, not the essay)."""
    handout = workshop.load_handout(essay)
    texts = [(qid, text) for qid, text in load_es(essay).items()]
    texts += [("content note", handout["content_note"]["es"]), ("spoken note", handout["content_note_spoken"]["es"])]
    texts += [(f"agreement {i}", a["es"]) for i, a in enumerate(handout["agreements"], start=1)]
    return [(where, " ".join(q.split()), text) for where, text in texts for q in QUOTE.findall(text)]


def test_every_english_quotation_in_a_spanish_text_is_verbatim_in_the_essay(essay):
    whole = " ".join(" ".join(essay.paragraphs.text).split())
    found = spanish_quotations(essay)
    assert len(found) > 40          # the questions quote the essay often; an empty scan would prove nothing
    for where, quote, _ in found:
        assert quote in whole, (where, quote)


def test_every_quotation_comes_with_its_paragraph_and_a_rendering(essay):
    questions = helpers.load_questions(essay).set_index("id")
    paragraphs = essay.paragraphs.set_index("paragraph").text
    for qid, text in load_es(essay).items():
        named = {int(n) for n in PILCROW.findall(text)}
        for m in QUOTE.finditer(text):
            quote = " ".join(m.group(1).split())
            holding = {n for n in questions.paragraphs[qid] if quote in " ".join(paragraphs[n].split())}
            assert holding & named, (qid, quote)
            if len(quote.split()) >= 3:
                assert re.match(r"\s*\[[^\]]+\]", text[m.end():]), (qid, quote)
        english = {" ".join(q.split()) for q in QUOTE.findall(questions.question[qid])}
        assert english == {" ".join(q.split()) for q in QUOTE.findall(text)}, qid


def test_a_quotation_changed_in_the_spanish_is_refused(reading_copy):
    err = error_after(reading_copy, workshop.QUESTIONS_ES, '"skyrocketed ever since the 2009 coup',
                      '"soared ever since the 2009 coup', load_es)
    assert "D14" in str(err) and "not word for word" in str(err) and "soared" in str(err)


def test_a_quotation_without_its_paragraph_or_rendering_is_refused(reading_copy):
    original = (reading_copy / workshop.QUESTIONS_ES).read_text(encoding="utf-8")
    err = error_after(reading_copy, workshop.QUESTIONS_ES, "se refuerzan mutuamente] (¶18)", "se refuerzan mutuamente]",
                      load_es)
    assert "D04" in str(err) and "without naming its paragraph" in str(err) and "(¶18)" in str(err)
    (reading_copy / workshop.QUESTIONS_ES).write_text(original, encoding="utf-8")
    err = error_after(reading_copy, workshop.QUESTIONS_ES, '"play into and reinforce each\n      other" [se hacen el '
                      'juego y se refuerzan mutuamente]', '"play into and reinforce each\n      other"', load_es)
    assert "D04" in str(err) and "no Spanish rendering" in str(err)


def test_a_quotation_the_english_does_not_make_is_refused(reading_copy):
    rewrite(reading_copy, workshop.QUESTIONS_ES, "solo se enumeran, no se describen.",
            'solo se enumeran, no se describen ("and others" [y otras], ¶46).')
    with pytest.raises(helpers.AnnotationError, match=r"(?s)D17.*'and others'.*does not quote"):
        load_es(helpers.load_essay(reading_copy))


# Words of the English content note and agreements that name harm, and the Spanish that keeps their force.
# "killing" may not become "muerte" (a death, by no one's hand): the review of issue #20 found exactly that.
KEEP_FORCE = {
    "killing": ("matanza", "mataron", "mataran", "matar", "asesinato de manifestantes"),   # not Berta Cáceres's
    "assassination": ("asesinato",),
    "coup": ("golpe de Estado",),
    "threats": ("amenazas",),
    "separation of families": ("separación de familias",),
    "immigration status": ("situación migratoria",),
}


def softened(pair: dict) -> list[str]:
    """The English words of harm in a text whose Spanish keeps none of the renderings that hold their force."""
    return [word for word, keep in KEEP_FORCE.items()
            if word in pair["en"].lower() and not any(k.lower() in pair["es"].lower() for k in keep)]


def test_the_content_note_and_agreements_do_not_soften_the_english(essay):
    handout = workshop.load_handout(essay)
    pairs = [handout["content_note"], handout["content_note_spoken"], *handout["agreements"]]
    assert all(pair["es"].strip() for pair in pairs)
    assert not [(pair["en"][:40], softened(pair)) for pair in pairs if softened(pair)]
    note = handout["content_note"]
    # the refugee's "they want to kill me" (¶15) is rendered [me quieren matar]: set it aside, so that only the
    # protesters' killing can keep the word's force
    es = note["es"].replace("[me quieren matar]", "[…]")
    assert softened({"en": note["en"], "es": es.replace("manifestantes a quienes mataron", "la muerte de manifestantes")}) == ["killing"]


def test_the_spanish_content_note_keeps_the_english_paragraphs_and_quotations(essay):
    note = workshop.load_handout(essay)["content_note"]
    assert set(PILCROW.findall(note["en"])) == set(PILCROW.findall(note["es"]))
    assert set(QUOTE.findall(note["en"])) == set(QUOTE.findall(note["es"]))


# Wordings the native review of issue #20 (item 5) found wrong, with what replaced them: none may come back.
REVIEWED_OUT = {
    "matanza": "massacre, for 'killing': 'manifestantes a quienes mataron'",
    "minuto de silencio": "a tribute to the dead: 'un minuto sin hablar'",
    # the second native review (issue #20)
    "servicio público": "a government service, in Central America: 'un sitio web externo (mybinder.org) que este grupo no controla'",
    "vea de otra manera": "reads as 'differently from the essay': 'quienes discrepen entre sí'",
    "una pausa: una pausa": "says pause twice: 'una pausa: un minuto sin hablar'",
    "nombre legal": "a calque; its replacement 'nombre real (el de sus documentos)' was reviewed out too",
    "paquete": "the packet, the kit and the package at once: 'cuadernillo', 'este material de estudio'",
    "organización dentro": "an organization, for organizing: 'trabajo organizativo'",
    "organización opositora": "an organization, for organizing: 'labor organizativa de oposición'",
    "necesidad estratégica": "'imperativo estratégico', as in the summary",
    "llamamientos de la derecha": "'la forma en que la derecha apela a'",
    "EE. UU.": "'Estados Unidos' throughout",
    "queda en la sala": "'no sale de aquí'",
    "presumió": "'se jactó'",
    # the third native review (issue #20, review of the s4 kit)
    "la lectura de este material": "reads as the reading assignment: 'la interpretación de este material de estudio'",
    "identificado por su nombre": "awkward: 'un mitin con nombre propio'",
    "algunas personas aquí hayan vivido": "sets people apart, where 'Some of us' includes the speaker: "
                                          "'algunos y algunas de nosotros hayamos vivido'",
    "grabaciones ni publicaciones de personas": "read as print: 'publicaciones en redes sociales'",
    # the fourth native review (issue #20, review of the s5 kit)
    "murieron a balazos": "drops who did the killing: 'a más de 30 personas las mataron a balazos'",
    "aceptamos los acuerdos": "agreements handed down: 'Leemos juntos los acuerdos del grupo y los hacemos nuestros'",
    "el de sus documentos": "'documentos' means immigration papers: 'para la cuenta pueden usar un apodo'",
    # the fifth native review (issue #20, review of the s8 kit)
    "dentro del propio país": "reverses ¶45's 'domestic organizing' for a Honduran reader: 'dentro de Estados Unidos'",
    "quien apoye a distintos partidos": "one person backing several parties: 'personas que apoyen a partidos distintos'",
    "nombre completo": "suggests a first name is enough, where the point is no real identity: 'nombre real'",
    "lo dice en una oración": "makes no sense in Spanish: 'aparece un aviso corto y claro en lugar de un error largo'",
    "disputa por las mentes": "drops the authors' own term: 'la guerra de posiciones'",
    "algunos y algunas de nosotros": "a doublet with a masculine 'nosotros': 'algunos de nosotros'",
    "decimos qué párrafo": "a reading roll-call: 'citamos el párrafo (¶)'",
    "edición para leer": "one name for the reader's edition: 'edición de lectura'",
    "pueblo o grupo": "calls an oligarch family a 'pueblo': 'pueblo' for peoples, 'familia' for a family",
    "que esta sea su respuesta": "hard to follow aloud: 'el ensayo no dice que esto responda a la objeción'",
    # the sixth native review (review10: the Spanish readers' version of the 90-minute session)
    "con nombre propio": "means 'distinctive', not 'named': 'un acto que el ensayo identifica por su nombre y año'",
    "dentro del país que interviene": "put 'Estados Unidos' inside the authors' words: '[… en el propio país] (es "
                                      "decir, en Estados Unidos)'",
    "labor organizativa": "breaks the file's own rule: 'trabajo organizativo'",
    "han sido contados": "reads as 'have been counted': 'han sido escasos y esporádicos'",
    "lidiar con": "weaker than 'grapple with': 'hacer frente a'",
    # the seventh native review (session 10, second round)
    "no del valor de las personas": "'valor' can read as courage: 'aquí no se discute la dignidad de nadie'",
    "que respondan a los propios planes": "can read as strategies that serve capital's plans: 'que se correspondan con'",
    "formando estrategias": "a gerund calque whose subject drifts: 'y formular estrategias globales que respondan'",
    "nombrar esos pasajes": "'nombrar' reads as appoint or give names to: 'Vamos a avisar antes de leer juntos esos pasajes'",
    "cómo salir de la sala": "reads as directions to the exit: 'explica que cualquiera puede salir cuando lo necesite'",
    "contadas 1, 2, 3": "a calque of 'counted off': 'numeramos las parejas 1, 2, 3'",
    "cada pareja toma ese punto": "'ese punto' had no antecedent: 'cada pareja toma el punto de su número'",
    "contamos las parejas": "a calque of 'count off': 'numeramos las parejas'",
    "una por persona": "'material' is masculine: 'un ejemplar por persona'",
    "lo que es cada término viene": "a calque: 'La definición de cada término viene … de la fuente pública que se cita'",
    "parte delicada": "unusual: 'Tema sensible'",
    "partes delicadas": "unusual: 'Temas sensibles de hoy'",
    "más fáciles de ganar": "one name for one thing: 'más viables', as D02 renders 'far more feasible'",
    "derechos de los inmigrantes": "one name for one thing: 'las personas inmigrantes', as the activities say",
    # the tenth close reading (P1), of the English it translates: the thesis lost ¶10's "possible"
    "movimientos sociales debe incorporar": "the thesis as necessity alone: 'es a la vez necesario y posible'",
    # the eighth native review (review11, point 3)
    "en primer lugar": "a list ordinal, for 'in the first place': 'la contradicción principal que da origen a la "
                       "inmigración', as in D02",
    "según dicen": "hearsay: 'según los autores'",
    "organización de oposición": "an organization, for organizing: 'trabajo organizativo de oposición', as in D02",
    "sin duda cierto": "one name for one thing: 'indudablemente cierto', as in D02",
    "bajo los dos partidos": "amnesties come under governments: 'con gobiernos de los dos partidos'",
    "van a conquistar": "reads as a prediction: 'si los movimientos quieren conquistar'",
    "bajo este punto": "a calque of 'under it': 'Dentro de este punto, una concesión (¶45)'",
    "bajo cada punto": "a calque of 'under': 'agrupa en cada punto'",
    "quedan bajo un punto": "a calque of 'under': 'se agrupan en cada punto'",
    # (an earlier entry refused "encuadre" as jargon; native review 23 asked for it where the essay says "framing",
    # "marco" being "framework": ¶9's and ¶46's stay "marco", tests/test_spanish_23.py)
    "el marco de la derecha": "review 23: 'framing' (¶18) is 'el encuadre de la derecha'",
    "desarrollado en ¶": "needs its article: 'desarrollado en los ¶14–¶53'",
    "algunos de nosotros": "the generic masculine in the one sentence addressed to survivors: 'Es posible que en "
                           "este grupo haya personas que vivieron estos hechos'",
    # the third native review (review12)
    "aquí presentes nos": "mixes persons, and 'aquí presentes' makes no sense in the message sent days before: 'Es "
                          "posible que en este grupo haya personas que vivieron estos hechos'",
    "a nosotras mismas": "feminine only in a mixed group: 'o cuyas familias los vivieron'",
    "que les llamemos": "leísmo, the Spain norm: 'solo el nombre que prefieran usar aquí'",
    "borra el protagonismo": "one Spanish for 'agency', as D18 has it: 'borra la capacidad de acción'",
    "del año pasado]": "settles the dating D11 asks for: \"last October\" is '[el pasado octubre]'",
    "en modo alguno secundario": "reads as 'in no way secondary', the opposite of ¶48's 'in any way secondary'",
    "guerra de maniobras": "not the term of Spanish editions of Gramsci: 'guerra de movimiento (o de maniobra)'",

    "aquí hay un pasaje": "singular, filled with several ¶: 'Esta parte incluye pasajes que pueden dividir al grupo'",
    "escucho dos lecturas": "a calque of 'I hear two readings': 'Veo que hay dos lecturas'",
    "acompañarle": "leísmo, the Spain norm, foreign in Mexico and Central America: 'puede ir con usted'",
    "citamos el párrafo": "'citar' is to quote: 'señalamos el párrafo (¶) que estamos leyendo'",
    "tema delicado": "one word for 'sensitive': 'tema sensible', as the deck says",
    "de antonio gramsci, él": "a redundant 'él', an English calque: 'En sus cuadernos de la cárcel, Antonio Gramsci "
                              "describe'",
    "dirigente del partido comunista (1891": "the dates attach to the Party: 'Pensador marxista italiano "
                                             "(1891–1937) y dirigente del Partido Comunista de Italia'",
    "] [traducción]": "dangled after the title: '(traducción del título)'",
    "primera vez en ¶": "'aparece por primera vez en el ¶10'",
    "es lectura nuestra": "'que el ¶48 responda o no a la objeción es una lectura nuestra'",
    "quedan para la casa": "'quedan para hacer en casa'",
    "un ¶ y una frase": "one word for 'sentence': 'un ¶ y una oración', as the key points say",
    "evidencia:": "one name for one thing, as D02 says 'pruebas': 'Una prueba (evidencia):'",
    "primer nombre": "the first of one's given names, and a real one: 'solo el nombre que prefieran usar aquí, "
                     "sin apellidos'",
    # the fourth native review (session 11), on D18–D20
    # (it refused "especialmente propicia"; native review 23 found "oportunidad … convincente" a poor collocation)
    "oportunidad especialmente convincente": "review 23: 'una oportunidad especialmente propicia' (¶52)",
    "el consiguiente aumento": "claims a cause the English does not ('corresponding'): 'el aumento correspondiente'",
    "cuentan la resistencia": "sounds like counting: 'relatan la resistencia'",
    "le sirve a esa parte": "sounds sceptical: '¿apoya esa parte del argumento…?'",
    "gracias al apoyo": "sounds grateful: 'por el apoyo'",
    "valdría igual el caso": "unclear: '¿funcionaría igual de bien ese argumento…?'",
    "un testigo de un juicio que el ensayo nombra": "ambiguous: 'en un juicio que el ensayo identifica, un testigo que'",
    # the fifth native review (session 16)
    "si acaso": "'si acaso' reads as 'maybe, at most' and softens ¶51's 'If anything': 'Más bien,'",
    "lectura nuestra": "'nuestra' puts the package's reading in the room's mouth: 'según la interpretación de este "
                       "material de estudio'",
    "en esa lectura, limita": "nothing for 'esa' to point to: 'Así leída (según esa interpretación), limita'",
    "sobre todo por la resistencia armada": "'por … más que al' does not agree: 'debidos sobre todo a la resistencia "
                                            "armada … más que al trabajo organizativo'",
    # session 17 (issue #20): the agency's initials as Spanish writes them, and 'policy aims' as public policy
    "la D.E.A.": "Spanish writes the agency's initials without full stops: 'la DEA' (the essay's English quotation "
                 "keeps its 'D.E.A.')",
    "metas de política]": "'política' alone reads as politics: '[algunas de las metas de política pública]'",
    # the sixth native review (review17, issue #20 item 5)
    "de cualquier forma": "'in any way curtailing' read as 'by whatever means', next to armed resistance: 'frenar "
                          "en lo más mínimo'",
    "en cualquier medida": "a calque of 'in any way': 'frenar en lo más mínimo'; 'de algún modo secundario a esas "
                           "luchas'",
    "en cualquier forma": "a calque of 'in any way secondary': 'de algún modo secundario a esas luchas'",
    "sino un imperativo estratégico": "one Spanish for ¶10's phrase, D01's: '[no es solo una cuestión de principio "
                                      "ético, sino de imperativo estratégico]'",
    "nadie cuenta su historia": "sounds like a ban on speaking: 'no se le pide a nadie que cuente su historia'",
    "se enfrentan unas con otras": "loses ¶52's 'pitted' (someone sets them against each other): 'a las fuerzas "
                                   "dirigentes a las que a menudo se enfrenta entre sí'",
    "como tomar la última frase": "opaque: 'leerlo como respuesta es una interpretación de este material, igual que "
                                  "leer la última frase del ¶48 como la razón de la frase anterior'",
    "así leída, limita": "blurs whose reading it is: 'Según la interpretación de este material de estudio, esta "
                         "concesión limita'",
    "[lo quieren matar]": "the refugee speaks in the first person (¶15): '[me quieren matar]'",
    "[supremacistas blancos]": "names people where the essay has an adjective: '[supremacista blanco]'",
    # the seventh native review (review18, issue #20 item 5)
    "se enfrenta entre sí": "still loses ¶52's agent ('face each other'): 'a las fuerzas dirigentes, que a menudo "
                            "son enfrentadas unas con otras'",
    "secundario a ellas": "'secundario a' reads as a medical 'caused by': 'de algún modo secundario frente a ellas'",
    "en corto": "Mexican slang for 'in private': 'la pregunta 2 (versión breve)'",
    "sitio web externo (mybinder.org)": "drops 'public' (the agreement's point): 'un sitio web público y externo "
                                        "(mybinder.org)'",
    "Más bien, esos llamados": "¶51's 'If anything': 'En todo caso, esos llamados'",
    "particularmente convincente": "one Spanish for ¶52's 'particularly compelling', as in D20: 'especialmente "
                                   "convincente'",
    "algunos objetivos de las luchas": "one Spanish for ¶45's 'policy aims': 'metas de política pública'",
    "algunas metas de la lucha": "one Spanish for ¶45's 'policy aims': 'metas de política pública'",
    "no ha dejado de crecer": "drops ¶39's 'steadily': 'ha seguido creciendo de forma constante'",
    "de ¶45 y ¶48": "needs the article: 'de los ¶45 y ¶48'",
}


def spanish_texts(essay, folder=None) -> dict[str, str]:
    """Every Spanish text a participant reads that comes from the data: questions, summary, handout."""
    from helpers.summary import load_summary
    texts = {f"question {k}": v for k, v in workshop.load_questions_es(essay).items()}
    texts |= {f"summary {k}": v for k, v in load_summary(essay).es.items()}

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "es" and isinstance(v, str):
                    texts[where] = v
                else:
                    walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")
    walk(workshop.load_handout(essay), "handout")
    plans = workshop.load_plans(essay)
    texts |= {f"segment {r.plan} {r.meeting}.{r.segment}": r.activity_es for r in plans.itertuples()}

    def every_string(node, where):
        if isinstance(node, str):
            texts[where] = node
        elif isinstance(node, dict):
            for k, v in node.items():
                every_string(v, f"{where}.{k}")
        elif isinstance(node, (list, tuple)):
            for i, v in enumerate(node):
                every_string(v, f"{where}[{i}]")
    # the Spanish sheet (its paragraphs and glossary), the Spanish readers' meetings, the exercise sheet's Spanish
    every_string(workshop.load_spanish_sheet(essay), "sheet")
    for r in plans.drop_duplicates(["plan", "meeting"]).itertuples():
        every_string(r.spanish_variant.get("activities", {}), f"spanish variant {r.plan} {r.meeting}")
    notes = read_yaml(essay.folder / workshop.NOTES)
    walk(notes.get("exercise_sheets", []), "exercise sheets")
    return texts


def reviewed_out(texts: dict[str, str]) -> list[tuple[str, str]]:
    return [(where, bad) for where, text in texts.items() for bad in REVIEWED_OUT if bad.lower() in text.lower()]


def test_no_wording_the_native_review_replaced_comes_back(essay):
    texts = spanish_texts(essay)
    assert len(texts) > 40 and any(w.startswith("handout.setup") for w in texts)
    assert not reviewed_out(texts)
    es = workshop.load_questions_es(essay)
    assert "liberal en el sentido estadounidense; no el Partido Liberal de Honduras" in es["D04"]     # "liberal", not the Partido Liberal
    assert "no el Partido Liberal de Honduras" in es["D04"]
    assert "al pie de la letra" not in es["D09"]                                   # the gloss gives no answer away
    assert "imperativo estratégico" in es["D01"]
    from helpers.summary import load_summary
    thesis = load_summary(essay).es["T"]
    for term in ("antiimperialismo", "internacionalismo", "guerra de posiciones", "within the Empire"):
        assert term in thesis, term


def test_a_replaced_wording_put_back_is_caught(reading_copy):
    rewrite(reading_copy, workshop.NOTES, "un minuto sin hablar", "un minuto de silencio")
    found = reviewed_out(spanish_texts(helpers.load_essay(reading_copy)))
    assert found == [("handout.agreements[5]", "minuto de silencio")]


def test_the_who_said_it_cards_give_their_instructions_in_spanish_too():
    from tools import editions
    page = editions.cards_html(answers=False)
    assert "¿Quién lo dijo?" in page and "Corten por las líneas punteadas" in page and "Tarjeta 1" in page
    assert "Las citas están en inglés, tal como aparecen en el ensayo" in page


# ---- the sixth native review (review10): what the Spanish readers' version of the 90-minute session works on ----

def tool_texts() -> dict[str, str]:
    """The Spanish the tools write around the data: the glossary's intro, the agendas, the release notes, the
    Spanish readers' deck and the reading message (their text, tags left out)."""
    from tools import decks, packet, release
    strip = lambda page: re.sub(r"<[^>]+>", " ", page)
    texts = {"glossary": strip(packet.glossary_html()), "agendas": strip(" ".join(packet.agenda_parts())),
             "release notes": " ".join(es for *_, es in release.ASSETS),
             "reading message": strip(kit_once.reading_messages()["reading-message.html"]),
             "exercise 2 sheet": strip(packet.exercise_sheets()["exercise-01-2.html"]),
             "summary": strip(packet.summary_html()),
             "90-minute packet": strip(kit_once.plan_packets()["packet-single-90-spanish.html"])}
    deck = kit_once.session_decks()["single-90-1-spanish.slides.html"]
    texts |= {f"spanish deck, cell {i}": strip(c.source) for i, c in enumerate(deck.cells)}
    return texts


def test_no_wording_the_review_replaced_comes_back_in_what_the_tools_write():
    """The review's wordings that stood in code, not data (the glossary's intro, the agendas' "Hora", the release
    notes, the deck's boxes and title slide) are checked where they are printed."""
    texts = tool_texts()
    assert not reviewed_out(texts)
    agendas = " ".join(texts["agendas"].split())
    # elapsed time, not the clock; review17: "Tiempo", not "Minuto"; review18: "Horario" (never "Hora" alone)
    assert "Time · Horario" in agendas and not re.search(r"\bHora\b", agendas) and "Minuto" not in agendas
    # the last "and" is "y" in Spanish (session 27: the war-of-position segments list ¶53 too)
    assert "¶10, ¶49–¶50 and ¶53 · ¶10, ¶49–¶50 y ¶53" in agendas


def test_the_spanish_sheet_gives_the_room_its_material_in_spanish(essay):
    """The review's first finding: the Spanish version put Spanish prompts around English-only material. The plan's
    packet now ends with a Spanish sheet: ¶49 in English beside the package's own Spanish (marked as its
    translation, not a published edition), the three glossary entries the segment glosses, and the key points."""
    from tools import packet
    sheet = workshop.load_spanish_sheet(essay)["single-90-1"]
    page = kit_once.plan_packets()["packet-single-90-spanish.html"]
    text = " ".join(html_text(page).split())
    assert "Hoja en español" in text and "[traducción]" in text and "no una edición publicada" in text
    assert " ".join(essay.paragraphs.loc[49].text.split()) in text           # the English stays, with its ¶
    assert "trinchera" in sheet["paragraphs"][49]
    assert sheet["paragraphs"][49] in text
    for term in ("war of position", "civil society", "Antonio Gramsci"):
        assert sheet["terms"][term]["definition"] in text, term
    assert workshop.essay_title_es(essay) in text
    # review 18: the sheet is the version's, so it prints the key points of the segments the version keeps
    plans = workshop.load_plans(essay)
    kept = workshop.kept_key_points(sheet["key_points"], workshop.spanish_version(plans[plans.plan == "single-90"]))
    assert len(kept) >= 3 and all(k["es"] in text for k in kept)
    assert not any(k["es"] in text for k in sheet["key_points"] if k not in kept)
    assert "Aliases only join" not in " ".join(k["en"] for k in sheet["key_points"])
    assert "Hoja en español" not in kit_once.plan_packets()["packet-series-3x120.html"]


def html_text(page: str) -> str:
    import html as _html
    return _html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_exercise_2_sheet_gives_its_instructions_and_the_five_kinds_in_spanish():
    from tools import packet
    text = " ".join(html_text(packet.exercise_sheets()["exercise-01-2.html"]).split())
    for words in ("Una premisa", "Una prueba (evidencia)", "Una conclusión", "Una recomendación", "Una concesión",
                  "¿A qué objeción responde", "Las palabras que usa"):
        assert words in text, words
    assert '"Even less successful have been appeals to peoples’ moral conscience." [Aún menos' in text


@pytest.mark.parametrize("old, new, named", [
    ('from_en: "eb937284e521"', 'from_en: "0123456789ab"', "¶49"),
    ('from_en: "696b2ea79d32"', 'from_en: "0123456789ab"', "civil society"),
    ('"not a question merely of ethical principle, but of strategic imperative" [no es solo',
     '"not merely a question of ethical principle" [no es solo', "not word for word"),
])
def test_the_spanish_sheet_is_checked_against_the_english_it_renders(reading_copy, old, new, named):
    rewrite(reading_copy, workshop.PLANS, old, new)
    with pytest.raises(helpers.AnnotationError) as info:
        workshop.load_spanish_sheet(helpers.load_essay(reading_copy))
    assert named in str(info.value), str(info.value)


@pytest.mark.parametrize("old, new, problem, row", [
    ("        civil society:\n          from_en", "        civil societies:\n          from_en",
     "renders the glossary entry 'civil societies', which the glossary does not have.", "civil societies"),
    ('          from_en: "6cea236eaabf"\n          beside_english: false\n          es: >-',
     '          from_en: "6cea236eaabf"\n          beside_english: no way\n          es: >-',
     "'beside_english' should be", "¶45"),
])
def test_the_spanish_sheet_is_declared_in_schema_yml(reading_copy, old, new, problem, row):
    """The sheet's paragraphs, terms and key points are declared (schema.yml, "sessions.yml paragraphs", "terms",
    "key_points"): a term the glossary lacks is refused by the declared reference, a field of the wrong type by its
    declared type, and the error names the entry (the meeting and the ¶ or the term), not the meeting alone."""
    rewrite(reading_copy, workshop.PLANS, old, new)
    with pytest.raises(helpers.AnnotationError) as info:
        workshop.load_spanish_sheet(helpers.load_essay(reading_copy))
    assert problem in info.value.problem and str(info.value.row) == f"spanish: sheet: single-90-1, {row}", info.value


def test_the_spanish_deck_labels_its_slides_in_spanish_and_puts_the_question_in_spanish_first(essay):
    """The review's tenth finding: English labels where Spanish existed (slide titles and time lines, "Today we
    worked on", the title slide's list), the essay's title never in Spanish, and D02 in Spanish after the English."""
    from tools import decks
    cells = kit_once.session_decks()["single-90-1-spanish.slides.html"].cells
    slides = [html_text(c.source) for c in cells if c.metadata["slideshow"]["slide_type"] == "slide"]
    assert f"[{workshop.essay_title_es(essay)}, traducción del título]" in slides[0]
    # the day's sensitive parts on the title slide, or on the next when it would pass the words a slide may hold
    listed = slides[0] + (slides[1] if slides[1].startswith("## Today · Hoy") else "")
    assert "Temas sensibles de hoy" in listed and "Guerra de posiciones" in listed
    assert "guiándonos por los números de párrafo (¶)" in slides[0]          # "Leemos … por los números" was a calque
    assert slides[0].count(essay.meta["title"]) == 1, "the English title once: the Spanish line translates it"
    heads = [s.split("\n", 1)[0] for s in slides if re.match(r"## \d:\d\d–", s)]
    assert heads and all(" · " in h.split("–", 1)[1].split(" · ", 1)[1] for h in heads), heads
    # the meta line in both languages, once (review14 A3), with this version's minutes (review14 B1)
    flat = [re.sub(r"\s+", "", s) for s in slides]
    war = int(workshop.spanish_version(workshop.load_plans(essay).query("plan == 'single-90'")).set_index("topic")
              .minutes["war of position"])           # 19 since session 17 (interpreted: half as long again)
    assert any(f"{war}minutes·minutos" in s and "theessay·elensayo:¶10,¶49–¶50" in s for s in flat)
    closing = next(s for s in slides if "Hoy trabajamos" in s)
    assert "La tesis" in closing and "Guerra de posiciones" in closing
    order = [s[:14] for s in slides if s.startswith(("## Pregunta 2 ", "## Question 2 "))]
    # its lead-in, its questions, then the English the same way (review14: the English in short too), each over as
    # many slides as 80 words a slide need (review 21)
    runs = [h for k, h in enumerate(order) if k == 0 or order[k - 1] != h]
    assert runs == ["## Pregunta 2 ", "## Question 2 "] and order.count("## Pregunta 2 ") >= 2 <= order.count("## Question 2 ")
    notes = " ".join(c.source for c in cells if c.metadata["slideshow"]["slide_type"] == "notes")
    assert "Aliases only join" not in notes and "*Español:* La guerra de posiciones (¶49)" in notes
    standard = kit_once.session_decks()["single-90-1.slides.html"].cells
    order = [html_text(c.source)[:14] for c in standard if c.source.startswith(("## Pregunta 2 ", "## Question 2 "))]
    assert [h for k, h in enumerate(order) if k == 0 or order[k - 1] != h] == ["## Question 2 ", "## Pregunta 2 "]


def test_the_spanish_version_budgets_interpretation(essay):
    """The review's third finding: the welcome reads the content note and agreements in two languages, and "two
    minutes" of re-reading ¶45 and ¶48 is a first-language pace."""
    plans = workshop.load_plans(essay)
    version = workshop.spanish_version(plans[plans.plan == "single-90"]).set_index("topic")
    # the welcome's 14 minutes, interpreted: half as long again (session 17; tests/test_workshop.py holds the rule)
    assert int(version.minutes.sum()) == 90 and version.minutes["welcome"] == 21
    assert "four minutes" in version.activity["feasibility objection"]
    assert "cuatro minutos" in version.activity_es["feasibility objection"]
    # the English line the slide projects beside the Spanish gives the same time (review17 problem 4)
    assert "four minutes" in version.room["feasibility objection"]
    standard = plans[plans.plan == "single-90"].set_index("topic")
    assert "three minutes" in standard.activity["feasibility objection"]      # its own (s27: 393 words at 150)


def test_the_spanish_run_sheet_gives_the_hard_moments_in_both_languages():
    """The review's fifth finding: the facilitator's lines for a heated moment or a disclosure existed only in English,
    and nothing said what the interpreter does or that the agreements bind the interpreter too."""
    from tools import decks
    sheets = kit_once.run_sheets()
    spanish = html_text(sheets["run-sheet-single-90-1-spanish.html"])
    assert "Hablamos del texto; aquí no se discute la dignidad de nadie" in spanish and "Gracias por contarnos" in spanish
    # in Spanish since native review 23 (the facilitator's side of the Spanish sheets in Spanish)
    assert "los acuerdos valen también para quien interpreta y para las personas de apoyo" in spanish
    assert "Gracias por contarnos" not in html_text(sheets["run-sheet-single-90-1.html"])
    notes = " ".join(c.source for c in kit_once.session_decks()["single-90-1-spanish.slides.html"].cells)
    assert "Quien interpreta lo interpreta todo con fidelidad" in notes     # review21: interprets, not "traduce"
    printed = html_text(kit_once.notes_pages()["notes-single-90-1-spanish.html"])     # both languages, on paper too
    assert "We discuss the text, not people's worth" in printed and "Gracias por contarnos" in printed


def test_the_reading_message_warns_against_group_chats_in_both_languages():
    from tools import decks
    page = html_text(kit_once.reading_messages()["reading-message.html"])
    assert "never send it to a group" in page and "nunca lo envíe a un grupo" in page
    assert "lista de difusión" in page and "broadcast list" in page
    assert re.search(r"Lean por lo menos [^)]*o unos \d+ si leen en inglés como segunda lengua", page)


# ---- the eighth native review (review11, point 3) ----

def test_the_round_of_names_asks_for_the_name_people_want_to_be_called(essay):
    """'primer nombre' is the first of one's given names (José in José Luis), and a real one: the round asks for any
    name people want to be called by, without surnames, in every plan's welcome and its sign-in sheet."""
    welcomes = [r.activity_es for r in workshop.load_plans(essay).itertuples() if r.topic == "welcome"]
    assert welcomes
    for text in welcomes:
        assert "el nombre que prefieran usar aquí, sin apellidos" in text, text[:80]
        assert "solo con ese nombre" in text and "primer nombre" not in text


def test_the_exercise_2_sheet_gives_its_objections_table_in_spanish_upright_and_not_small():
    """Question 3 in Spanish sends readers to the table of objections, which was English only: its headers, each
    objection's name and a rendering of the essay's words are in Spanish too; the title has its Spanish; and the
    Spanish is upright (no gloss) and no smaller than 9.2 pt (it was 7.9 pt grey italics). The package's reply,
    which answered question 3 (review14 A5), is no longer on the participants' sheet, in either language."""
    from tools import packet
    page = packet.exercise_sheets()["exercise-01-2.html"]
    text = " ".join(html_text(page).split())
    assert "Ejercicio 2: clasificar un pasaje" in text
    for words in ("nombre", "objeción", "La narrativa liberal de las víctimas y la caridad",
                  "La afirmación de que la inmigración hace bajar los salarios o quita empleos",
                  "[la inmigración en realidad hace bajar los salarios o quita empleos]"):
        assert words in text, words
    assert "cómo responden los autores" not in text and "borra la capacidad de acción" not in text
    assert "font-style: italic" not in page
    size = float(re.search(r"\.es, \.recap \.es[^{]*\{ font-size: ([\d.]+)pt; font-style: normal", page).group(1))
    assert size >= 9.2


def test_an_objection_the_table_names_without_its_spanish_is_refused(reading_copy):
    from tools import packet
    rewrite(reading_copy, workshop.NOTES, "        K4:\n          name:", "        K9:\n          name:")
    with pytest.raises(helpers.HelperError, match=r"(?s)objections.*K9.*K4"):
        packet.exercise_sheets(str(reading_copy))


def test_the_spanish_deck_projects_d02s_spoken_form_large_and_sends_readers_to_the_packet(essay):
    """D02 in Spanish was one slide of about 260 words at 19 px, then its closing questions (review 14), which still
    could not be read aloud (facilitator review 22): the Spanish readers' deck now projects its spoken form
    (discussion_es.yml, aloud), in large type, after the lead-in's slide, and says where the whole is; the notes keep
    the whole Spanish."""
    from tools import decks
    cells = kit_once.session_decks()["single-90-1-spanish.slides.html"].cells
    at = [i for i, c in enumerate(cells) if c.source.startswith("## Pregunta 2 ") and "es aloud" in c.source]
    assert len(at) == 1, len(at)          # a spoken form fits one slide
    i = at[0]
    slide, notes = cells[i].source, cells[i + 1].source
    before = [c.source for c in cells[:i] if c.source.startswith("## Pregunta 2 ")]   # the lead-in's own slide
    es = " ".join(workshop.load_questions_es(essay)["D02"].split())
    aloud = " ".join(workshop.load_aloud_es(essay)["D02"].split())
    assert 'class="question es aloud"' in slide and before and decks.SHORT_ON_PAPER in slide
    text = " ".join(html_text(slide).split())
    assert aloud in text and "¿El ¶48 discute viabilidad o causas?" in text
    assert '"The argument could be made"' not in text and len(text) < len(es) / 4
    assert es in " ".join(html_text(notes).split())
    # the standard deck projects its spoken forms too, the whole Spanish in its notes
    standard = kit_once.session_decks()["single-90-1.slides.html"].cells
    assert any(es in " ".join(html_text(c.source).split()) for c in standard
               if c.metadata["slideshow"]["slide_type"] == "notes")


def test_the_spanish_summary_page_has_its_own_title_footer_and_larger_type(essay):
    """The Spanish page of the summary: the essay's title in Spanish too, its footer in Spanish, the points'
    labels without the calque 'bajo este punto', and type no smaller than 9.5 pt, notes included."""
    from tools import packet
    page = packet.summary_html()
    text = " ".join(html_text(page).split())
    assert f"[{workshop.essay_title_es(essay)}] (traducción del título)" in text
    assert "Dentro de este punto, una concesión (¶45)" in text and "desarrollado en los ¶14–¶53" in text
    assert '"Página " counter(page) " de " counter(pages)' in page and "page: es;" in page
    size = float(re.search(r"\.summary-page\[lang=es\] \{ font-size: ([\d.]+)pt", page).group(1))
    notes = float(re.search(r"\.summary-page\[lang=es\] :is\(\.note, \.where\) \{\s*font-size: ([\d.]+)em", page).group(1))
    assert size >= 9.5 and size * notes >= 9.5


def test_the_reading_message_explains_the_paragraph_sign_and_gives_the_title_in_spanish(essay):
    """The first Spanish text participants receive: '¶' (calderón) is rarely known outside publishing, and the
    essay's title was in English only."""
    from tools import decks
    page = kit_once.reading_messages()["reading-message.html"]
    text = " ".join(html_text(page).split())
    assert "el signo ¶ marca el número de párrafo" in text
    assert f"[{workshop.essay_title_es(essay)}] (en inglés)" in text


def test_the_spanish_deck_says_today_we_worked_on_and_puts_the_spanish_before_the_paragraph():
    from tools import decks
    cells = kit_once.session_decks()["single-90-1-spanish.slides.html"].cells
    slides = [" ".join(html_text(c.source).split()) for c in cells]
    assert any("Hoy trabajamos en :" in s for s in slides)
    assert any("(flashpoint · punto de tensión: ¶" in s for s in slides)
    assert not any("¶50 · punto de tensión" in s for s in slides)


def test_a_spanish_sheet_that_is_not_a_mapping_is_named(reading_copy):
    """Each meeting's Spanish sheet is declared in schema.yml ("sessions.yml sheet"): one written as a list is refused
    naming sessions.yml and the sheet (it raised a bare AttributeError before)."""
    rewrite(reading_copy, workshop.PLANS, "    single-90-1:\n      paragraphs:\n",
            "    single-90-1: [paragraphs]\n    unused:\n      paragraphs:\n")
    with pytest.raises(helpers.AnnotationError) as info:
        workshop.load_spanish_sheet(helpers.load_essay(reading_copy))
    assert info.value.file.endswith(workshop.PLANS) and str(info.value.row) == "spanish: sheet: single-90-1"
    assert "should be a mapping" in info.value.problem, info.value


# ---- review 14: the room with Spanish readers (B1, B3) -----------------------------------------------------------

def test_the_exercise_2_sheet_gives_51_and_52_in_spanish_under_their_english(essay):
    """Review 14, B1: the Exercise 2 sheet printed ¶51–¶52 in English only (only the target sentence had a Spanish
    rendering), for Spanish readers asked to classify a sentence of them. Each paragraph now has the package's
    Spanish under its English, marked "[traducción]", checked against the fingerprint of the paragraph it renders."""
    from tools import packet
    page = " ".join(html_text(packet.exercise_sheets()["exercise-01-2.html"]).split())
    for n, opening in ((51, "¿Dónde encuentran, en esta situación"), (52, "La única opción para volver contra")):
        english = " ".join(essay.paragraphs.loc[n].text.split())
        assert english[:80] in page and f"[traducción] {opening}" in page, n
        assert page.index(english[:80]) < page.index(f"[traducción] {opening}"), n
    assert "Aún menos éxito han tenido las apelaciones a la conciencia moral de la gente." in page


def test_a_spanish_paragraph_of_the_exercise_sheet_whose_english_changed_is_refused(reading_copy):
    from tools import packet
    rewrite(reading_copy, workshop.NOTES, 'from_en: "3ae5ee858d32"', 'from_en: "0123456789ab"')
    with pytest.raises(helpers.AnnotationError) as info:
        packet.exercise_sheets(str(reading_copy))
    assert "¶51" in str(info.value)


def test_the_spanish_sheet_marks_45s_note_as_the_packages_reading(essay):
    """Review 14, item 6: ¶45's "[nota: Estados Unidos]" on the packet's Spanish sheet read as the essay's; like
    every other place, it now says it is this material's reading."""
    es = workshop.load_spanish_sheet(essay)["single-90-1"]["paragraphs"][45]
    assert "[nota: en Estados Unidos, según la interpretación de este material]" in es
    assert "[nota: Estados Unidos]" not in es
