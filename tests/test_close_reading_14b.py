"""The fourteenth close reading (fidelity), its concession group (review13b, close-b.md: F1–F3, K4, S1, Q2): the lines
on ¶45's concession (the room's slides, key point 4 of the single-90 plan), what the Spanish means by "en el propio
país", the places the strategy segment meets Palestine, the activity line and D02's short form on the run sheets.
Each test pins one fix and fails on the data the review found. (R1 and R2, the notebooks' reading lists, extend
tests/test_notebooks.py's test of what each exercise needs.)"""
from __future__ import annotations

import re
import unicodedata


from helpers import workshop
from helpers.text import paragraph_list
from helpers.anchoring import read_yaml
from test_close_reading_14 import _cited


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text)).split())


def _yaml(essay, name: str):
    return read_yaml(essay.folder / name)


def _plan(essay, plan: str) -> dict:
    return next(p for p in _yaml(essay, "sessions.yml")["plans"] if p["id"] == plan)


def _segment(essay, plan: str, topic: str) -> dict:
    for m in _plan(essay, plan)["meetings"]:
        for s in m["segments"]:
            if s["topic"] == topic:
                return s
    raise KeyError((plan, topic))




def _room(essay) -> dict:
    return _yaml(essay, "facilitation.yml")["sensitive_for_group"]


def _key_point_4(essay) -> dict:
    return {k: _squash(v) for k, v in workshop.load_spanish_sheet(essay)["single-90-1"]["key_points"][3].items()
            if k in ("en", "es")}                       # a point also names the segment it sums up (its topic)


def _quoted(text: str) -> list[str]:
    """The English words a text quotes ("…" or “…”)."""
    return re.findall(r'"([^"]+)"|“([^”]+)”', text)


# ---- F1 and K4: the sentence ¶45 grants is a comparison, kept whole -----------------------------------------------

# ¶45's granted sentence, piece by piece (English, then the Spanish of the sheet's ¶45 and D02 es): the room's lines
# quote it; key point 4, printed on the Spanish sheet beside its Spanish, keeps every part in fewer words
GRANTED = {
    "en": ("undoubtedly true", "periods of amnesty under", "both", "around the world", "few and far between",
           "for hundreds of years", "mostly due to armed resistance", "rather than domestic organizing in opposition"),
    "es": ("indudablemente cierto", "periodos de amnistía", "de los dos partidos", "en el mundo", "escasos y esporádicos",
           "durante cientos de años", "sobre todo", "resistencia armada",
           "más que al trabajo organizativo de oposición en el propio país"),
}
ROOM = ("periods of amnesty under administrations of both U.S. parties", "in the countries of those interventions")


def test_the_granted_comparison_of_45_reaches_the_room_and_key_point_4_whole(essay):
    """F1, K4: the room's lines (feasibility objection, strategy) and key point 4 kept only the armed-resistance half of
    the sentence ¶45 grants as "undoubtedly true", without the periods of amnesty under both parties, "around the
    world" and "for hundreds of years"; key point 4 never said what the objection is ("some of the policy aims" …
    "far more feasible" than cutting off military aid … or in any way curtailing U.S. imperialism), credited as the
    authors' "argument could be made". Every English word the lines quote is ¶45's."""
    p45 = " ".join(essay.paragraphs.set_index("paragraph").text[45].split())
    room = _room(essay)
    texts = {f"room {t}": {k: _squash(room[t][k]) for k in ("en", "es")} for t in ("feasibility objection", "strategy")}
    texts["key point 4"] = _key_point_4(essay)
    for where, text in texts.items():
        for lang in ("en", "es"):
            missing = [w for w in GRANTED[lang] if w not in text[lang]]
            assert not missing, (where, lang, missing)
        for a, b in _quoted(text["en"]):
            assert (a or b).rstrip(".,") in p45, (where, a or b)
        if where.startswith("room"):
            assert all(w in text["en"] for w in ROOM), where
    en, es = texts["key point 4"]["en"], texts["key point 4"]["es"]
    assert '"The argument could be made"' in en and '"some of the policy aims"' in en and '"far more feasible"' in en
    assert "than cutting off military aid to the dictator or in any way curbing U.S. imperialism" in en
    assert "[se podría argumentar]" in es and "[algunas de las metas de política pública]" in es
    assert "que cortar la ayuda militar al dictador o frenar en lo más mínimo el imperialismo" in es


# ---- F2: "en el propio país" says which country ------------------------------------------------------------------

# review14 close F2: the gloss is the package's reading, and says so (was "(es decir, en Estados Unidos)")
US = "[nota: en Estados Unidos, según la interpretación de este material]"


def test_own_country_in_spanish_always_says_it_is_the_united_states(essay):
    """F2: the room's Spanish lines said "en el propio país" and key point 4 "dentro del país", which a Honduran
    participant can hear as Honduras, turning the contrast upside down. Each Spanish text of the concession group
    that says "el propio país" (or "del país") adds D02's "(es decir, en Estados Unidos)" right after it."""
    room = _room(essay)
    texts = {f"room {t}": _squash(room[t]["es"]) for t in ("feasibility objection", "strategy")}
    texts["key point 4"] = _key_point_4(essay)["es"]
    texts["D02"] = _squash(workshop.load_questions_es(essay)["D02"])
    for where, text in texts.items():
        assert "dentro del país" not in text, where
        found = list(re.finditer(r"en el propio país", text))
        assert found, where
        if where == "D02":      # review14 close F2: marked once, where the closing questions (the slide's part) use it
            found = found[-1:]
        for m in found:
            after = text[m.end():m.end() + 100]
            assert re.match(r"\]?(?: \(¶45\))? " + re.escape(US), after), (where, after)


# ---- F3: where the strategy segment meets Palestine --------------------------------------------------------------

def test_the_strategy_line_names_every_paragraph_of_its_segment_on_palestine(essay):
    """F3: the strategy line said the segment touches on Palestine and Israel at ¶58–¶59; of the segment's paragraphs
    (¶43–¶48, ¶51–¶62), ¶46 (the U.S. Palestinian Community Network), ¶55 (Palestinian activists, the West Bank), ¶60
    (the eventual liberation of Palestine) and ¶61 (BDS, the Palestinian call of ¶58) touch it too. The line's ¶ are
    exactly those of the segment that name Palestine, Israel or BDS."""
    paragraphs = essay.paragraphs.set_index("paragraph").text
    segment = _cited(_segment(essay, "series-3x120", "strategy")["paragraphs"])
    touching = {n for n in segment if re.search(r"Palestin|Israel|\bBDS\b|West Bank", paragraphs[n])}
    assert {46, 55, 58, 59, 60, 61} <= touching
    room = _room(essay)["strategy"]
    for lang, word in (("en", "Palestine"), ("es", "Palestina")):
        sentence = next(s for s in re.split(r"(?<=[.;])\s+", _squash(room[lang])) if word in s)
        assert _cited(sentence) == touching, (lang, paragraph_list(sorted(_cited(sentence))))


# ---- S1 and Q2: the activity line and D02 in short name the objection, with "some" -------------------------------

def test_the_objection_keeps_some_on_the_activity_lines(essay):
    """S1: the feasibility objection's activity line (English, Spanish, and the Spanish readers' version) said "the
    objection that immigrant-rights aims are more winnable", dropping ¶45's "some of the policy aims"."""
    segment = _segment(essay, "single-90", "feasibility objection")
    variant = _plan(essay, "single-90")["meetings"][0]["spanish_variant"]["activities"]["feasibility objection"]
    # review15: both activity lines now name only question 2 (the room reads it in short, 120 words a slide at most);
    # the short form the room reads names the objection, with "some", in both languages
    from tools import decks
    import helpers
    short = decks.sheet_question(" ".join(helpers.load_questions(essay).set_index("id").question["D02"].split()))
    short_es = decks.closing_questions(" ".join(workshop.load_questions_es(essay)["D02"].split()))
    # review 19 (item 3): the struggles are ¶45's, named, not narrowed to immigrant-rights aims
    assert "the objection that some policy aims of the struggles ¶45 names" in short, short[:120]
    assert "la objeción de que algunas metas de política pública" in short_es, short_es[:120]
    for row in (segment, variant):
        if "objection" in row["activity"] or "objeción" in row["activity_es"]:
            # review14 close F3: with ¶45's "far" and what the aims are compared against
            assert "the objection that some immigrant-rights aims are “far more feasible” than" in _squash(row["activity"])
            assert "la objeción de que algunas de las metas" in _squash(row["activity_es"])
        assert "winnable" not in row["activity"]


def test_d02_in_short_says_what_the_objection_is(essay):
    """Q2: D02 in short (the run sheets) began "If ¶48 is their reply", so "their", "the objection" and "as the
    authors grant" pointed at nothing on the sheet. The short form names the objection, with "some", and keeps the
    mark of the package's reading; so does the Spanish readers' slide's closing part."""
    import helpers
    from tools import decks
    short = decks.sheet_question(" ".join(helpers.load_questions(essay).set_index("id").question["D02"].split()))
    assert short.startswith("If ¶48 is their reply to the objection that some policy aims of the struggles ¶45 names")
    assert decks.HEDGE.search(short) and "its last sentence" in short
    es = decks.closing_questions(" ".join(workshop.load_questions_es(essay)["D02"].split()))
    assert es.startswith("Si el ¶48 responde a la objeción de que algunas metas de política pública") and decks.HEDGE.search(es)
