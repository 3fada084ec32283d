"""Session 18 (issue #20): what the facilitator's and the Spanish reviews of round 17 left. The content note read
aloud in a short spoken form (no ¶ numbers) on every welcome's slides and the agreements deck, in type a room can
read; every English run sheet at 9 pt or more; a version's preparation route counts only the exercises it does;
"no computers" said once; sensitive boxes hold no logistics; the reading message's attachments from one list;
one quotation-mark rule in the Spanish texts; "Tiempo"; a version's projected map titled in Spanish too."""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path


from helpers import workshop
from helpers.anchoring import read_yaml
from tools import decks, editions, packet
import kit_once

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "we-are-losing"
TAGS = re.compile(r"<[^>]+>")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", html.unescape(text)))


def _slides(nb) -> list[str]:
    return [c.source for c in nb.cells if c.metadata["slideshow"]["slide_type"] == "slide"]


def _note_slides(slides: list[str]) -> dict[str, str]:
    """The content note's slides, by language: their text without headings or tags."""
    out = {}
    for lang, heading in (("en", "## Content note"), ("es", "## Aviso sobre el contenido")):
        out[lang] = " ".join(TAGS.sub(" ", s.split("\n", 1)[1]) for s in slides if s.startswith(heading))
    return out


# ---- 1. the content note, spoken ----------------------------------------------------------------------------------

def test_the_welcome_reads_the_spoken_content_note_and_the_packet_keeps_its_paragraph_list(essay):
    """Review17 (facilitator, 6): the welcome slides (3-8) held the whole note, about 290 words and 60 ¶ numbers in
    each language. They now hold its spoken form, short and without ¶ numbers, in both languages; the full note,
    with its ¶ list, stays on paper (handout, packet)."""
    h = workshop.load_handout(essay)
    spoken, full = h["content_note_spoken"], h["content_note"]
    for lang in ("en", "es"):
        assert "¶" not in spoken[lang]
        assert decks.words(spoken[lang]) <= 0.7 * decks.words(full[lang]), lang
        # what is described, where roughly, that people may step out, and where the full list is
    assert all(w in spoken["en"] for w in ("Honduras", "middle sections", "step out", "packet"))
    assert all(w in spoken["es"] for w in ("Honduras", "secciones centrales", "salir de la sala", "cuadernillo"))
    # nothing softened: the Spanish keeps every quotation of the English, and the same named things
    assert re.findall(r'"([^"]+)"', spoken["en"]) == re.findall(r'"([^"]+)"', spoken["es"])
    for en, es in (("killed", "mataron"), ("tear-gassed", "gas lacrimógeno"), ("beaten", "golpearon"),
                   ("assassinations", "asesinatos"), ("Berta Cáceres", "Berta Cáceres"), ("fake medicine",
                   "medicamentos falsos"), ("armed resistance", "resistencia armada"), ("deportations",
                   "deportaciones"), ("separation of families", "separación de familias"), ("electoral fraud",
                   "fraude electoral"), ("Palestine", "Palestina"), ("Venezuela", "Venezuela")):
        assert en in spoken["en"] and es in spoken["es"], (en, es)
    decks_ = kit_once.session_decks()
    for name, nb in decks_.items():
        shown = _note_slides(_slides(nb))
        for lang in ("en", "es"):
            assert squash(shown[lang]) == squash(html.escape(spoken[lang], quote=False)), (name, lang)
            assert "¶" not in shown[lang], name
    handout = html.unescape(re.sub(r"\s+", " ", TAGS.sub(" ", kit_once.packet_page(plan="single-90"))))
    assert " ".join(full["en"].split()) in handout and " ".join(full["es"].split()) in handout


def test_the_agreements_deck_gives_the_spoken_note_a_slide_per_language():
    nb = editions.agreements_notebook()
    slides = [c.source for c in nb.cells]
    h = workshop.load_handout(editions.load_essay())
    shown = _note_slides(slides)
    for lang in ("en", "es"):
        assert squash(shown[lang]) == squash(html.escape(h["content_note_spoken"][lang], quote=False)), lang
    assert all(decks.words(s) <= decks.SLIDE_WORDS for s in slides if "## Content note" in s or "## Aviso" in s)


NOTE_SIZES = """() => Reveal.getSlides().filter(s => /^(Content note|Aviso sobre el contenido)/i.test(
    (s.querySelector('h2') || {}).textContent || '')).map(s => {
  const all = [...s.querySelectorAll('*')].filter(x => !x.closest('aside.notes') && x.tagName !== 'H2'
      && [...x.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  Reveal.slide(...Object.values(Reveal.getIndices(s)).slice(0, 2));
  return {size: Math.min(...all.map(x => parseFloat(getComputedStyle(x).fontSize))), h: s.scrollHeight};
})"""


def test_the_agreements_deck_projects_the_content_note_in_the_session_decks_type(tmp_path):
    """Review17 (facilitator, 9): agreements.slides.html put the whole note on one slide in about 16 px italic. Its
    note slides are now set as the session decks' (22 px or more, tests/test_slides.py) and fit 1280×720."""
    from test_slides import measure
    deck = tmp_path / "agreements.slides.html"
    deck.write_text(editions.agreements_deck(), encoding="utf-8")
    editions.copy_reveal(tmp_path)
    found = measure([deck], NOTE_SIZES)[deck.name]
    assert len(found) >= 2
    assert all(n["size"] >= 22 and n["h"] <= 720 for n in found), found


# ---- 3. the run sheets' type -----------------------------------------------------------------------------------------

def test_every_english_run_sheet_prints_at_9_pt_or_more(editions_built):
    """Review17 (facilitator, 2): the series' third run sheet printed at 8.7 pt. Every run sheet but the Spanish
    readers' version now prints at 9 pt or more (words cut, not content); the version keeps test_print's floor.
    Read from the run's one build of the handouts (conftest.py, editions_built), which prints each sheet as `make
    handouts` does (decks.print_one_page), instead of printing the four sheets a second time."""
    from test_print import body_size
    sheets = sorted((editions_built / "facilitator").glob("run-sheet-*.pdf"))
    sizes = {pdf.name: body_size(pdf) for pdf in sheets if not pdf.stem.endswith("-spanish")}
    assert {f"{name[:-5]}.pdf" for name in _sheets() if not name.endswith("-spanish.html")} == set(sizes), sizes
    assert len(sizes) == 4 and all(size >= 9 for size in sizes.values()), sizes


@lru_cache(maxsize=None)
def _sheets() -> dict[str, str]:
    """decks.run_sheets(), built once for the test process (tests/kit_once.py; the tests only read it)."""
    return kit_once.run_sheets()


def test_a_run_sheet_labels_its_debrief_once():
    """Review17 (facilitator, 10: text on the day sheet): "After. After the session: ..."; the debrief now shares the
    bring line's paragraph where nothing comes between (a line saved on the series' third sheet)."""
    for name, page in _sheets().items():
        text = " ".join(TAGS.sub(" ", page).split())
        # a version for Spanish readers says it in Spanish (native review 23)
        said = "Después de la sesión:" if "-spanish" in name else "After the session:"
        assert "After. After" not in text and text.count(said) == 1, name


# ---- 4. the version's preparation route, and "no computers" once -----------------------------------------------------

@lru_cache(maxsize=None)
def _routes():
    """The preparation routes, English and the versions', built once per test process (tests/kit_once.py)."""
    return kit_once.version_routes()


def test_the_versions_route_reads_only_the_exercises_the_version_does():
    """Review17 (Spanish, 4): the Spanish readers' route still counted Exercise 2 of lesson 01, which the version
    cuts (for home). A route's exercise step is kept only where one of its meetings' segments does that exercise;
    the totals follow, computed."""
    english, version = _routes()
    for plan, steps in version.items():
        rows = [p[2] for p in kit_once.sheet_parts() if p[0] == plan and p[2].iloc[0].version]
        done = decks.exercises_done(rows[0])
        assert all((s["notebook"], int(s["exercise"])) in done for s in steps if s["reads"] == "exercise"), plan
    assert any(s["reads"] == "exercise" for s in english["single-90"])
    assert not any(s["reads"] == "exercise" for s in version["single-90"])
    # the totals are computed from the steps: the version's reading and rehearsal no longer include the exercise's
    assert decks.preparation_totals(version["single-90"])[0] < decks.preparation_totals(english["single-90"])[0]


def test_the_versions_run_sheet_says_no_computers_once():
    """Review17 (Spanish, 4): the version's line said "so no computers", then the computed "No computers: every
    segment of this version is on paper"."""
    sheet = _sheets()["run-sheet-single-90-1-spanish.html"]
    assert len(re.findall(r"no computers", TAGS.sub(" ", sheet), flags=re.I)) == 1


# ---- 5. logistics out of the sensitive boxes; the reading message's attachments -------------------------------------

LOGISTICS = re.compile(r"\bhand(?:s|ed)?\s+(?:\w+\s+){0,3}out\b|\bkeep\s+(?:\w+\s+){0,3}back\b|\bprint(?:s|ed)?\b|"
                       r"\bcopies\b|\bgoes\s+round\b|\b(?:excerpt|sheet|packet|cards?|glossary)\s+only\b|"
                       r"\bone\s+per\s+(?:pair|person)\b", re.I)


def test_sensitive_lines_hold_no_logistics(essay):
    """Review17 (facilitator, 10): a "Sensitive" box said "The glossary excerpt only (no Since column)" (the
    series': "Keep the glossary back"), logistics that weakened the flag. What to hand out, print or keep back
    goes in the activity; a sensitive line says what is sensitive and how to hold it."""
    plans = decks.kit_plans(essay)
    lines = plans[plans.sensitive != ""]
    assert len(lines) >= 5
    found = [(s.plan, s.topic, m.group(0)) for s in lines.itertuples() for m in [LOGISTICS.search(s.sensitive)] if m]
    assert not found, found


def test_the_logistics_check_can_fail():
    assert LOGISTICS.search("The glossary excerpt only (no Since column).")
    assert LOGISTICS.search("Keep the glossary back: its Since column reports later events.")
    assert not LOGISTICS.search("Later events (the glossary's Since column) may come up: keep to the essay.")


def test_the_reading_message_attachments_are_one_list(essay):
    """Review17 (facilitator, 4): the preparation route sent the reading message with one file, the guide's step 3
    with three. Both, and the message's page, now read one list (facilitation.yml, reading_message_attach); the
    Spanish readers' message attaches its Spanish sheet, in its route too."""
    h = workshop.load_handout(essay)
    items = h["reading_message_attach"]
    assert len(items) >= 3
    english, version = _routes()
    page = html.unescape(TAGS.sub(" ", kit_once.reading_messages()["reading-message.html"]))
    for routes, spanish in ((english, False), (version, True)):
        step = next(s["what"] for s in routes["single-90"] if "reading message, filled in" in s["what"])
        # the version uses no computer, so it attaches no setup page (review 18; test below)
        assert all(item in step for item in items if not spanish or item not in h["reading_message_attach_computers"]), step
        assert ("Spanish of ¶" in step) == spanish, step
    # review 19: the series' Sessions 2 and 3 attach the Spanish of ¶45, ¶48 and ¶49 too (test_kit_19b)
    assert page.count(f"Attach {decks.attachments(h)}.") >= 2
    # session 20: a later meeting sends no setup page again, so Sessions 2 and 3 attach as the paper version does
    # review 20b: and the series' versions for Spanish readers of Sessions 2 and 3 have messages of their own
    # native review 23 (s23-es): Session 3's version for Spanish readers attaches the Exercise 2 sheet as well
    assert page.count(f"Attach {decks.attachments(h, [45, 48, 49], computers=False)}.") == 4
    listed = [what for what, _ in decks.attachment_pages(h, [45, 48, 49], computers=False, pages=False)]
    assert page.count(f"Attach {decks._and_en(listed + ['the Exercise 2 sheet (English and Spanish)'])}.") == 1
    guide = (SEEDS.parent.parent / "notebooks" / "05_facilitator_guide.ipynb").read_text(encoding="utf-8")
    assert "three files attached" not in guide and "what its page says to attach" in guide


# ---- 6. Spanish -------------------------------------------------------------------------------------------------------

def _spanish_strings(node, path=(), spanish=False):
    """Every Spanish text of a YAML tree (under an ``es`` key, a key ending ``_es`` or ``spanish``), except the
    package's translations of whole paragraphs (``paragraphs``), where «…» stands for the essay's own quotation marks."""
    if isinstance(node, dict):
        for k, v in node.items():
            if str(k) != "paragraphs":
                yield from _spanish_strings(v, path + (str(k),),
                                            spanish or k == "es" or str(k).endswith("_es") or k == "spanish")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _spanish_strings(v, path + (str(i),), spanish)
    elif isinstance(node, str) and spanish:
        yield "/".join(path), node


def test_the_spanish_texts_keep_one_quotation_mark_rule():
    """Review17 (Spanish, 8): four systems of quotation marks. The rule discussion_es.yml states: the essay's words
    in straight double quotes with a [rendering]; the package's own words in single quotes; no “…” or «…»
    (except inside a whole paragraph's translation, where «…» stands for the essay's quotation marks)."""
    texts = []
    for name in ("facilitation.yml", "sessions.yml", "summary_es.yml", "discussion_es.yml"):
        data = read_yaml(SEEDS / name)
        texts += [(f"{name}: {w}", t) for w, t in _spanish_strings(data, spanish=name.endswith("_es.yml"))]
    texts += [("packet summary", t) for t in packet.SUMMARY_WORDS["es"].values()]
    texts += [("packet note mark", packet.NOTE_MARK["es"]), ("packet sheet note", packet.SHEET_NOTE["es"])]
    assert len(texts) > 200
    wrong = [(w, re.findall(r".{0,20}[“”«»].{0,20}", t)[0]) for w, t in texts if re.search(r"[“”«»]", t)]
    assert not wrong, wrong


def test_the_agendas_time_column_is_tiempo():
    """Review17 (Spanish): "Time · Minuto" read oddly; the column was "Tiempo" (elapsed time, not "Hora"), and since
    review 18 "Horario" (test_kit_19)."""
    agendas = " ".join(TAGS.sub(" ", "".join(packet.agenda_parts())).split())
    assert "Time · Horario" in agendas and "Minuto" not in agendas and not re.search(r"\bHora\b", agendas)


def test_a_versions_projected_figure_is_titled_in_spanish_too(essay):
    """Review17 (Spanish): the projected argument map's slide was titled in English only. On a version's deck a
    projected figure's heading has its Spanish ("· Mapa del argumento"), as every other heading there."""
    plan, meeting, rows, ctx = next(m for m in decks.meetings(versions=True) if m[0] == "single-90")
    assert "argument map" in set(rows.topic)
    spanish_rows = rows.assign(version="spanish")
    slides = _slides(decks.deck_notebook(plan, meeting, spanish_rows, ctx))
    mapped = [s for s in slides if 'class="projected"' in s]
    assert mapped and all("Mapa del argumento" in s.split("\n", 1)[0] for s in mapped), [s[:80] for s in mapped]
    english = [s for s in _slides(decks.deck_notebook(plan, meeting, rows, ctx)) if 'class="projected"' in s]
    assert english and not any("Mapa" in s for s in english)



def test_a_route_whose_meetings_use_no_computer_installs_nothing():
    """Facilitator review 18 (#2): the Spanish readers' version uses no computer, yet its preparation route kept
    'Install the kit yourself' (30 minutes) and reading the setup page. A route keeps those steps only where one of
    its meetings' segments is on the computers (helpers.workshop.uses_computers)."""
    english, version = _routes()
    assert version, "the single session has a version for Spanish readers"
    # session 20: the series' versions keep their screen segments, so their route installs
    assert not {s["reads"] for s in version["single-90"]} & {"install", "setup page"}
    assert {"install", "setup page"} <= {s["reads"] for s in version["series-3x120"]}
    assert "setup page" in {s["reads"] for s in english["single-90"]}
    # review 26: the 90-minute session's install is arranging, with the laptop test it needs (tests/test_kit_26.py)
    assert any(s["reads"] == "arrange" and s["what"].startswith("Install the kit") for s in english["single-90"])
    assert not any(s["what"].startswith("Install the kit") for s in version["single-90"])


def test_a_meeting_on_paper_attaches_no_setup_page(essay):
    """Facilitator review 18 (#2): the version for Spanish readers uses no computer, yet its reading message and its
    route's step said to attach the setup page. What only a meeting on the computers attaches is declared
    (facilitation.yml, reading_message_attach_computers) and left out of a paper meeting's list."""
    h = workshop.load_handout(essay)
    assert "the setup page" in decks.attachments(h) and "the setup page" not in decks.attachments(h, computers=False)
    page = kit_once.reading_messages()["reading-message.html"]
    attach = re.findall(r"<p>Attach (.*?)\.</p>", html.unescape(page))
    assert any("the setup page" in a for a in attach) and any("the setup page" not in a for a in attach), attach
    english, version = _routes()
    for steps in (version["single-90"],):        # the version on paper (the series' versions use computers)
        sends = [s["what"] for s in steps if s["what"].startswith("Send the reading message")]
        assert sends and not any("the setup page" in w for w in sends), sends


def test_an_empty_activity_in_a_version_is_named_not_a_type_error(essay):
    """Found by test_properties in CI (issue #24's 'kind to bad input'): an activities entry of a spanish_variant left
    empty ('feasibility objection:' with nothing under it) ended in "TypeError: 'NoneType' object is not iterable";
    it is now an AnnotationError naming the file, the place and the fix."""
    from helpers.errors import AnnotationError
    meeting = {"spanish_variant": {"minutes": {}, "activities": {"welcome": None}}}
    segments = [{"topic": "welcome", "minutes": 90}]
    try:
        workshop._spanish_variant(meeting, segments, 90, [], "sessions.yml", "plan p, meeting 1, spanish_variant", essay)
    except AnnotationError as err:
        text = str(err)
        assert "sessions.yml" in text and "welcome" in text and "activities" in text, text
    else:
        raise AssertionError("an empty activity was accepted")
