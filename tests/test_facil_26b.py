"""The independent facilitator's review of the 26th kit (the 90-minute session, English): what a facilitator holding
only the kit met. The English run sheet gave no words for the content note (its slides had no speaker notes, the
40-word spoken form was printed on the Spanish sheets alone, and rehearsal skipped it); the guide's packet path lost
its ``<plan>``; the setup page promised on paper but not on the print list; the preparation headline gave reading
and rehearsal alone."""
from __future__ import annotations

import html
import re

from helpers import load_essay, workshop
from tests import kit_once
from tools import decks


def shown(page: str) -> str:
    """A page's words as a reader sees them, on one line."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


# ---- finding 1: the content note, in words an English facilitator can say ----------------------------------------

def test_the_content_note_slides_speaker_notes_give_the_words_to_say_and_the_english_sheet_points_there():
    aloud = workshop.load_handout(load_essay())["content_note_aloud"]
    checked = 0
    for plan, meeting, rows, ctx in decks.meetings():
        nb = decks.deck_notebook(plan, meeting, rows, ctx)
        cells = nb.cells
        for i, cell in enumerate(cells):
            kind = cell.metadata.get("slideshow", {}).get("slide_type")
            if kind != "slide" or not cell.source.startswith("## Content note"):
                continue
            checked += 1
            after = cells[i + 1] if i + 1 < len(cells) else None
            notes = after.source if after is not None and \
                after.metadata.get("slideshow", {}).get("slide_type") == "notes" else ""
            if "(1/" in cell.source.split("\n")[0] or "(" not in cell.source.split("\n")[0]:
                assert aloud["en"] in notes, (plan, meeting, notes)
    assert checked >= 2, checked
    notes = shown(kit_once.notes_pages()["notes-single-90-1.html"])
    assert aloud["en"] in notes
    sheet = shown(kit_once.run_sheets()["run-sheet-single-90-1.html"])
    assert "content note, in the words of its slide's speaker notes" in sheet


def test_the_minimum_route_rehearses_the_content_note():
    """Rehearsal covered the hard-moment lines, the flare-up line and question 2, not the first thing said."""
    for plan, steps in kit_once.version_routes()[0].items():
        said = [s["what"] for s in steps if s.get("reads") == "rehearse"]
        assert said and all("the content note" in w for w in said), (plan, said)


# ---- finding 5: the guide's packet path --------------------------------------------------------------------------

def test_the_guide_s_kit_paths_render_whole_with_no_tag_swallowed_nor_stray_asterisk():
    """``*facilitator/packet-<plan>.pdf*`` rendered as "facilitator/packet-.pdf": ``<plan>`` read as an HTML tag."""
    import json
    from pathlib import Path

    from nbconvert.filters.markdown_mistune import markdown2html_mistune as render
    guide = Path(__file__).resolve().parents[1] / "notebooks" / "05_facilitator_guide.ipynb"
    cells = [("".join(c["source"])) for c in json.loads(guide.read_text(encoding="utf-8"))["cells"]
             if c["cell_type"] == "markdown"]
    seen = 0
    for source in cells:
        page = render(source)
        for m in re.finditer(r"in the kit (?:its folder )?(\S+)", shown(page)):
            seen += 1
            assert "*" not in m[1] and "-." not in m[1], m[0]
        assert "packet-.pdf" not in shown(page)
        assert not re.search(r"<(?!/?(?:p|em|strong|code|a|ul|ol|li|h\d|br|hr|table|thead|tbody|tr|th|td|span|div|"
                             r"img|blockquote|pre|sup|sub|b|i|del|input|details|summary)\b)[a-z]", page), \
            re.findall(r"<[a-z]+", page)
    assert seen >= 7, seen


# ---- finding 4: the setup page promised on paper -----------------------------------------------------------------

def test_a_plan_whose_packet_says_the_facilitator_has_setup_page_copies_prints_them():
    """The packet said "the facilitator has copies" of the setup page, and the checklist used it at 0:14, but the
    90-minute plan's print list (the start page's, the checklist's) had no setup page."""
    lists = workshop.load_print_lists(load_essay())
    mine = lists[(lists.plan == "single-90") & (lists.only != "version for Spanish readers")]
    assert "setup page" in set(mine.printout), sorted(set(mine.printout))
    assert "print/setup.pdf" in set(mine.file)
    assert "the facilitator has copies" in shown(kit_once.plan_packets()["packet-single-90.html"])
    checklist = shown(kit_once.checklists()["checklist-single-90-1.html"])
    assert "setup page, for anyone who could not set up before the day" in checklist, checklist[:300]


# ---- finding 2: keeping one's own copy, where participants first write -------------------------------------------

def test_the_90_minute_session_says_keep_your_own_copy_where_participants_first_write_and_why_they_save():
    """The session never said Save Notebook As… (the notebooks' way to keep one's own copy), so everyone wrote into
    the kit's own notebook 01 at 0:45; and the English slide at 0:19 left out "the next 26 minutes are on paper",
    which its Spanish line gives."""
    plans = workshop.load_plans(load_essay())
    rows = plans[(plans.plan == "single-90") & (plans.meeting == 1)]
    first_write = rows[rows.topic == "argument map"].iloc[0]
    for text in (first_write.activity, first_write.room):
        assert "keep" in text and "own copy" in text and "File → Save Notebook As…" in text, text
    for seg in rows.itertuples():
        if seg.activity.startswith("Save first"):
            minutes = re.search(r"the next (\d+) minutes are on paper", seg.activity)
            assert minutes and f"the next {minutes[1]} minutes are on paper" in seg.room, seg.room


# ---- finding 3: preparation counted plainly; setup's minutes said to participants --------------------------------

def test_the_start_page_heading_gives_the_arranging_and_the_setup_page_step_spares_the_named_helper():
    """The heading gave "about 1 h 35 … 2 h at 150", reading and rehearsal alone, while 2 h 50 of arranging came
    later; and the step left out of the minimum route sent the named helper, whom the guide keeps free, to the
    setup page."""
    least = kit_once.minimum_routes()[0]["single-90"]    # the planned meetings' minimum routes, built once
    box = shown(decks.minimum_route_html(least, title="One 90-minute study session"))
    _, arranging = decks.preparation_totals(least)
    assert f"at 150, plus about {decks.in_hours(arranging)} of arranging" in box, box[:300]
    left = [s for s in least if s.get("left") and s["reads"] == "setup page"]
    assert left and "named helper to" not in left[0]["left_out"], left


def test_the_reading_message_says_how_long_setup_takes_as_the_setup_page_does():
    intro = workshop.load_handout(load_essay())["setup"]["intro"]["en"]
    minutes = re.search(r"It takes (\d+ to \d+ minutes)", intro)
    assert minutes, intro
    message = shown(kit_once.reading_messages()["reading-message.html"])
    assert f"follow the setup page (attached) before the day: it takes {minutes[1]}" in message
