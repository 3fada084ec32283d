"""The fourteenth close reading (fidelity), the thesis group: the thesis's plain sentence (P1), where the thesis is
anchored (P2), notebook 01's "the lack" (P3), key point 1 (K1), the single-90 thesis lead (L1), two glossary contexts,
and D02's sentences of ¶48 (Q1; review13, close-b.md): each test pins one fix, and fails on the data the review found."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import nbformat

import helpers
from helpers import workshop
from helpers.anchoring import read_yaml

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text)).split())


def _yaml(essay, name: str):
    return read_yaml(essay.folder / name)


def _cited(text: str) -> set[int]:
    """Every ¶ a free text cites, ranges spelled out."""
    out = set()
    for a, b in re.findall(r"¶(\d+)(?:–¶(\d+))?", text):
        out |= set(range(int(a), int(b or a) + 1))
    return out


def _key_point_1(essay) -> dict:
    return _yaml(essay, "sessions.yml")["spanish"]["sheet"]["single-90-1"]["key_points"][0]


def _cell(notebook: str, starts: str) -> str:
    nb = nbformat.read(next(NOTEBOOKS.glob(f"{notebook}_*.ipynb")), as_version=4)
    return next(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown"
                and " ".join(c.source.split()).startswith(starts))


# ---- P1: the plain sentence -------------------------------------------------------------------------------------

def test_the_plain_thesis_keeps_internationalism_apart_from_the_war_of_position(essay):
    """P1: "embedding anti-imperialism … is both necessary and possible, and internationalism imperative, to win the
    war of position" put internationalism under ¶10's purpose, which ¶10 gives embedding anti-imperialism alone (¶55
    keeps the two apart), made internationalism itself the imperative where ¶10 makes it bringing both into framing
    and strategy, and dropped "what Gramsci calls". English and Spanish."""
    argument = helpers.load_argument(essay)
    plain = _squash(argument.thesis_plain)
    purpose = plain.index("what Gramsci calls the war of position")
    assert "internationalism" not in plain[plain.index(":"):purpose], "the purpose governs anti-imperialism only"
    imperative = plain.index("it is imperative to bring anti-imperialism and internationalism into")
    assert imperative > purpose and "organizations' framing and strategy" in plain[imperative:]
    from helpers.summary import load_summary
    es = _squash(load_summary(essay).es["T"])
    purpose = es.index("lo que Gramsci llama la guerra de posiciones")
    assert "internacionalismo" not in es[es.index(":"):purpose]
    imperative = es.index("es imperativo llevar antiimperialismo e internacionalismo")
    # review14 close F20: the organizations are the movements', not the authors' ("de las organizaciones de los movimientos")
    assert imperative > purpose and "la estrategia de las organizaciones" in es[imperative:]


# ---- P2: one anchor for the thesis, from the data -----------------------------------------------------------------

def test_every_anchor_of_the_thesis_is_the_data_and_holds_what_it_is_cited_for(essay):
    """P2: the thesis was anchored three ways: "(¶6, ¶9–¶10)" after the plain sentence in 00 (which takes nothing
    from ¶6), "stated in ¶10" in 01 and key point 1, "states its aim in ¶6" in the paraphrase. Each span of the thesis
    now says what it is (aim, contradiction, thesis); each anchor cites the ¶ of the spans it speaks of."""
    argument = helpers.load_argument(essay)
    roles = dict(zip(argument.thesis.paragraph, argument.thesis.role))
    assert roles == {6: "aim", 9: "contradiction", 10: "thesis"}, roles
    stated, plain_at, aim = argument.thesis_at("thesis"), argument.thesis_at(), argument.thesis_at("aim")
    # 00's in-brief and the packet's summary: the plain sentence, then the ¶ of every span but the aim
    from helpers.summary import in_brief, summary_english
    assert f"{argument.thesis_plain.rstrip('.')} ({plain_at})." in " ".join(in_brief(essay).split())
    assert summary_english(essay).loc["T", "stated"] == plain_at == "¶9–¶10"
    # each ¶ the plain sentence cites holds what it takes from it
    paragraphs = essay.paragraphs.set_index("paragraph").text
    assert "grassroots base among most U.S.-based" in paragraphs[9] and "what Gramsci calls" in paragraphs[10]
    # 01: "stated in", and its key point; key point 1 of the single-90 plan (en, es); the paraphrase's aim
    assert _cell("01", "The thesis is stated in").startswith(f"The thesis is stated in {stated},")
    points = _cell("01", "## Key points")
    assert f"- The thesis ({plain_at}): overcoming" in points
    point = _key_point_1(essay)
    assert _squash(point["en"]).startswith(f"The thesis ({stated}):") and _squash(point["es"]).startswith(f"La tesis ({stated}):")
    assert argument.thesis_paraphrase.startswith(f"The essay states its aim in {aim}:")


# ---- P3: notebook 01's cell on the contradiction --------------------------------------------------------------------

def test_01_names_both_lacks_and_does_not_say_the_thesis_answers_them():
    """P3: "the lack set out in the last sentence of ¶9" was singular (¶9's last sentence names two lacks), and
    "It answers "this contradiction"" (the thesis says overcoming it is imperative)."""
    cell = _cell("01", "The thesis is stated in")
    assert "the two lacks named in the last sentence of ¶9" in cell and "the lack set out" not in cell
    assert "It answers" not in cell and 'overcoming "this contradiction" is a strategic imperative' in cell


# ---- K1: key point 1 ---------------------------------------------------------------------------------------------

def test_key_point_1_keeps_both_lacks_of_9_with_most_and_the_formations(essay):
    """K1: key point 1 (also the closing slide's speaker notes) said "the gap ¶9 describes between popular forces and
    anti-imperialism", losing the second lack, "most" and the formations' side; D01 keeps both."""
    point = _key_point_1(essay)
    en, es = _squash(point["en"]), _squash(point["es"])
    assert "no anti-imperialist framework among popular forces" in en
    assert "no grassroots base among most U.S.-based anti-imperialist formations" in en and "gap" not in en
    assert "la falta de un marco antiimperialista entre las fuerzas populares" in es and "brecha" not in es   # review 21: "la falta de", as ¶9's "lack"
    assert "la falta de una base popular organizada en la mayoría de las organizaciones antiimperialistas de Estados Unidos" in es
    from tools import decks
    sheet = workshop.load_spanish_sheet(essay)["single-90-1"]
    notes = _squash(decks.key_points_notes(None, None, sheet, spanish=True))
    assert "most U.S.-based anti-imperialist formations" in notes and "la mayoría de las organizaciones" in notes


# ---- L1: the single-90 thesis lead -------------------------------------------------------------------------------

def test_the_thesis_lead_cites_every_paragraph_the_map_hangs_point_1s_claim_on(essay):
    """L1: the lead said point 1's claim (it counters the Right "more effectively") "is argued in ¶51–¶52"; the map
    also hangs claims of ¶17–¶18, ¶50 and ¶53 on point 1. The lead's sentence on the claim cites every ¶ of a claim
    under point 1 outside its premise (¶4's flight and the history of ¶19–¶48, which the lead's premise covers); and
    ¶51's unsourced assertion is something ¶51 "says", not "reports"."""
    argument = helpers.load_argument(essay)
    to = dict(zip(argument.claims.id, argument.claims.to))
    at = dict(zip(argument.claims.id, argument.claims.paragraph))
    # the claims straight under point 1 and those under them, but for the premise the lead names (C02, ¶4's flight;
    # C88, ¶48's reply, resting on "The above history") and for the history of ¶19–¶48
    direct = [c for c, t in to.items() if t == "P1" and c not in ("C02", "C88")]
    near = direct + [c for c, t in to.items() if t in direct]
    claim_side = {int(at[c]) for c in near if not 19 <= at[c] <= 48}
    assert claim_side == {17, 18, 50, 51, 52, 53}, sorted(claim_side)
    plan = next(p for p in _yaml(essay, "sessions.yml")["plans"] if p["id"] == "single-90")
    lead = _squash(next(s for m in plan["meetings"] for s in m["segments"] if s["topic"] == "thesis")["lead"])
    sentence = lead[lead.index("its claim, that this counters"):]
    sentence = sentence[:sentence.index("Point 2")]
    assert claim_side <= _cited(sentence), sorted(claim_side - _cited(sentence))
    assert "¶51 reports" not in lead and "¶51 says" in lead


# ---- the glossary's context entries ------------------------------------------------------------------------------

def test_two_glossary_contexts_say_only_what_their_references_support(essay):
    """The context of "21st century socialism" said "popularized by Hugo Chávez" (its reference, Wikipedia's
    article, says the term was first advocated by Heinz Dieterich and taken up by a number of Latin American
    leaders); "primary contradiction" gave Mao's "principal contradiction" as the essay's term's meaning, in the
    package's voice ("the principal one"), though the essay names neither Mao nor his essay."""
    terms = helpers.load_terms(essay).set_index("term")
    socialism = terms.loc["21st century socialism"]
    assert "popularized" not in socialism.definition and "Chávez" not in socialism.definition
    assert "Heinz Dieterich" in socialism.definition and "a number of Latin American leaders" in socialism.definition
    primary = terms.loc["primary contradiction"]
    assert "the principal one" not in primary.definition
    assert "does not say where its term comes from" in primary.definition
    assert "its English translation calls the “principal contradiction”" in primary.definition
    assert "Mao Zedong, “On Contradiction” (1937)" in primary.reference
    assert "Mao" not in " ".join(essay.paragraphs.text) and "On Contradiction" not in " ".join(essay.paragraphs.text)


# ---- Q1: D02's sentences of ¶48 ----------------------------------------------------------------------------------

def test_d02_names_the_sentences_of_48_the_map_links(essay):
    """Q1 (fixed on main in f4934da, held here): D02 said the package reads "its second sentence as the reason for
    its first", sentences of ¶48 that are the LeftRoots identification and "fights … are essential"; the map's link
    is the last sentence ("The above history", C39) as the reason for the one before ("a grave mistake", C88). The
    full and the short forms, English and Spanish, say "its last sentence … the one before" (the reviewer's wording, s14-concession)."""
    from tools import decks
    argument = helpers.load_argument(essay)
    claims = argument.claims.set_index("id")
    assert claims.loc["C39", "to"] == "C88" and claims.loc["C39", "paragraph"] == claims.loc["C88", "paragraph"] == 48
    sentences = essay.sentences[essay.sentences.paragraph == 48].text.tolist() if hasattr(essay, "sentences") else []
    if sentences:
        first = next(i for i, s in enumerate(sentences) if claims.loc["C88", "span"][:40] in s)
        assert claims.loc["C39", "span"][:40] in sentences[first + 1]          # "the one before"
        assert first + 1 == len(sentences) - 1                                  # "its last sentence"
    en = _squash(helpers.load_questions(essay).set_index("id").question["D02"])
    es = _squash(workshop.load_questions_es(essay)["D02"])
    forms = {"en": en, "en short": decks.sheet_question(en), "es": es, "es short": decks.closing_questions(es)}
    wrong = re.compile(r"second sentence|its first\b|segunda frase|de la primera\b", re.I)
    for name, text in forms.items():
        assert not wrong.search(text), (name, wrong.search(text).group(0))
    assert "taking its last sentence as the reason for the one before" in en
    assert "leer la última frase del ¶48 como la razón de la anterior" in es
    for name in ("en short", "es short"):
        if "package's reading" in forms[name] or "lectura nuestra" in forms[name]:
            assert "its last sentence" in forms[name] or "la última frase del ¶48" in forms[name], name
