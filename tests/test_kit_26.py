"""Issue #20, facilitator review 26: what the last reader of the facilitator's kit (the 90-minute session and its
version for Spanish readers, from the zip alone) left. A segment on paper that named "notebook 04"; the save key
said two ways ("Ctrl/Cmd + S" in the notebooks, "Ctrl+S, Cmd+S on a Mac" in the kit); the guide's `build/` paths,
which a facilitator holding only the kit does not have; a content note too long to read aloud; installing the kit
left off the 90-minute minimum route; "con quien tengan al lado" attached three ways in the Spanish."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from helpers import AnnotationError, load_essay, workshop
from tests import kit_once
from tools import decks

PROJECT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((PROJECT / "notebooks").glob("0[0-5]_*.ipynb"))


def shown(page: str) -> str:
    """A page's words as a reader sees them, on one line."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def markdown(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


# ---- 1. small inconsistencies --------------------------------------------------------------------------------------

def test_a_segment_on_paper_names_no_notebook_on_the_run_sheet_the_slides_or_the_packet():
    """The 90-minute run sheet's war of position (on paper) said "¶10, ¶49–¶50, notebook 04", and the version for
    Spanish readers, with no computers at all, named notebooks 04 and 01 beside its segments."""
    seen = 0
    for plan, meeting, rows, ctx in decks.meetings(versions=True):
        titles = ctx["titles"]
        for seg in rows.itertuples():
            said = " ".join(decks.where_it_happens(seg, titles)) + " ".join(
                decks.where_it_happens(seg, titles, spanish=True))
            if seg.paper:
                seen += 1
                assert "notebook" not in said and "cuaderno" not in said, (plan, meeting, seg.topic, said)
                assert "on paper" in said, (plan, meeting, seg.topic, said)
    assert seen >= 8
    for name, page in kit_once.run_sheets().items():
        where = re.findall(r'<span class="where">([^<]*)</span>', page)
        assert where, name
        if name == "run-sheet-single-90-1.html":
            assert "¶10, ¶49–¶50, ¶53, on paper" in where, where
        if name == "run-sheet-single-90-1-spanish.html":       # no computers: no notebook named beside a segment
            assert not [w for w in where if "notebook" in w], where


def test_the_save_key_is_said_the_kit_s_way_in_every_notebook():
    """JupyterLab 4 (its File menu and shortcuts, as installed): Save Notebook is Ctrl+S (Cmd+S on a Mac), Save
    Notebook As… writes a copy under a new name. The notebooks said "Ctrl/Cmd + S", the kit "Ctrl+S, Cmd+S on a
    Mac"; both now say the kit's words, and keeping your own copy is Save Notebook As… in every first cell."""
    for path in NOTEBOOKS:
        text = markdown(path)
        assert "Ctrl/Cmd" not in text, path.name
        for m in re.finditer(r"Ctrl\+S", text):
            assert text[m.start():m.start() + 22] == "Ctrl+S, Cmd+S on a Mac", (path.name, text[m.start() - 40:m.end() + 40])
        if path.name != "05_facilitator_guide.ipynb":
            first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
            assert "**File → Save Notebook As…**" in first and "save (Ctrl+S, Cmd+S on a Mac)" in first, path.name


def test_the_guide_says_where_in_the_kit_each_built_file_is():
    """The guide named `build/…` files a facilitator holding only the kit does not have. Each file it names there
    now has its place in the kit beside it, by the kit's folder names (facilitator, print, slides,
    for-participants), and the guide says how the folders match."""
    guide = markdown(PROJECT / "notebooks" / "05_facilitator_guide.ipynb")
    named = list(re.finditer(r"`build/[^`]*\.(?:pdf|html|zip)`", guide))
    assert len(named) >= 7
    for m in named:
        after = guide[m.end():m.end() + 70]
        assert re.match(r"(?:,| \()\s*(?:in the kit|the kit itself)", after), (m[0], after)
    assert "is its folder *print*" in guide and "*for-participants*" in guide


# ---- 2. the content note, said aloud ------------------------------------------------------------------------------

def test_the_content_note_has_a_short_spoken_form_which_every_welcome_row_gives():
    """The note read aloud at the welcome (the spoken note, about 140 words a language) was long to read out: it has
    a form of at most 40 words in English and 48 in Spanish, which the run sheet of a version for Spanish readers
    gives above its table where its first row reads the note out; the full note stays in the packet."""
    h = workshop.load_handout(load_essay())
    aloud = h["content_note_aloud"]
    assert decks.words(aloud["en"]) <= 40 and decks.words(aloud["es"]) <= 48, aloud
    assert "¶" not in aloud["en"] + aloud["es"]
    for en, es in (("Honduras", "Honduras"), ("coup", "golpe de Estado"), ("killings of protesters",
                   "manifestantes a quienes mataron"), ("assassinations", "asesinatos"), ("border", "frontera"),
                   ("families", "familias"), ("step out", "salir")):
        assert en in aloud["en"] and es in aloud["es"], (en, es)
    checked = 0
    for name, page in kit_once.run_sheets().items():
        if not name.endswith("-spanish.html"):
            continue        # the English sheets sit at their 9 pt floor: left open (see tools.decks.run_sheets)
        first_row = page.split("<tr>")[2]          # the header row, then the first segment
        if "aviso sobre el contenido" not in first_row.lower():
            continue
        checked += 1
        above = shown(page.split('<table class="sheet">')[0])
        if "otra vez" in first_row.lower():
            # read again in a later meeting: one line pointing to Session 1's words (Session 3's sheet keeps 9 pt)
            assert "Lea otra vez el aviso en voz alta (0:00): el mismo de la sesión 1 (en las notas de la diapositiva del aviso)." in above, name
            continue
        assert f"“{aloud['es']}”" in above, name
    assert checked >= 2, checked
    packet = shown(kit_once.plan_packets()["packet-single-90.html"])
    assert " ".join(h["content_note"]["en"].split()) in packet


def test_a_content_note_too_long_to_say_aloud_is_refused_naming_file_row_and_fix(reading_copy):
    path = reading_copy / "facilitation.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index('    en: "The essay describes political violence in Honduras (a coup, killings')
    end = text.index("\n", start)
    path.write_text(text[:start] + '    en: "' + " ".join(["word"] * 41) + '"' + text[end:], encoding="utf-8")
    with pytest.raises(AnnotationError) as err:
        workshop.load_handout(load_essay(reading_copy))
    said = str(err.value)
    assert "facilitation.yml" in said and "content_note_aloud" in said and "41 words" in said, said
    assert "How to fix it:" in said and "at most 40 words" in said, said


# ---- 3. installing the kit on the 90-minute minimum route ---------------------------------------------------------

def test_installing_the_kit_is_on_the_90_minute_minimum_route_named_with_its_minutes():
    """Installing the kit (30 minutes) was left off the 90-minute minimum route, which then never set up a
    computer for the setup check and the argument map. It is now arranging, with the laptop test it needs, on the
    minimum route (the arranging always is), named with its minutes; the reading and rehearsal still fit two
    hours at 150 words a minute."""
    route = kit_once.minimum_routes()[0]["single-90"]   # decks.preparation_routes(minimum=True), built once
    kept = [s for s in route if not s.get("left")]
    install = [s for s in kept if s["what"].startswith("Install the kit")]
    assert install and install[0]["reads"] == "arrange" and install[0]["minutes"] >= 30, install
    assert "projector" in install[0]["what"]
    careful, arranging = decks.preparation_totals(route, decks.CAREFUL_WPM)
    assert careful <= 120 and arranging >= install[0]["minutes"], (careful, arranging)
    box = shown(decks.minimum_route_html(route, title="One 90-minute study session"))
    assert "among it installing the kit on your laptop and testing it with the projector (45 min)" in box, box
    assert not any(s["what"].startswith("Install the kit") for s in route if s.get("left"))


# ---- 4. the Spanish: one way to say how pairs form ----------------------------------------------------------------

def test_con_quien_tengan_al_lado_is_attached_one_way():
    """"con quien tengan al lado" stood three ways: "en parejas con quien…", "En parejas, con quien…" and
    "(con quien tengan al lado)". It was then always "en parejas con quien tengan al lado", which a native reader
    heard as an agreement error (review 26b, 3): it is now "parejas con la persona de al lado", begun "Formen"
    where it opens a sentence."""
    seen = 0
    for path in sorted((PROJECT / "seeds" / "we-are-losing").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert "quien tengan" not in text, path.name
        for m in re.finditer(r"con la persona de al lado", text):
            seen += 1
            before = text[max(0, m.start() - 16):m.start()]
            assert before.endswith(("Formen parejas ", "en parejas ")), (path.name, text[m.start() - 60:m.end() + 10])
    assert seen >= 10, seen
