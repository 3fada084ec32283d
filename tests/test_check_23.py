"""Facilitator review 22, items 9 and 10 and section 4 (issue #20, session 23): the day-of checklist was one table for a
plan's six meeting versions, filtered on the day; its print line ("printed participant editions of notebooks 00 and
01") was written by hand beside the print list; and the notes and the guide printed notebook leftovers (a raw
"**1.**", a code call, a Python cell)."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from helpers import workshop
import kit_once
from tools import decks

# a notebook's page: 00_start_here, … and the guide, 05; and a meeting's paper edition, cut from the participant
# lessons (s23-print: paper-series-3x120-1), whose prose is the lesson's
LESSON = re.compile(r"^(\d\d_[a-z_]+|paper-[a-z0-9-]+)$")
GUIDE = "05_facilitator_guide"
# what a notebook leaves behind on a page that is not a lesson: Markdown the page did not render, a call of the
# package's code ("essay.show(40)"), and in the guide's pages a Python cell
MARKDOWN_LEFT = re.compile(r"\*\*|`|\]\(|^#{2,6} ", re.M)
CODE_CALL = re.compile(r"\b[a-z_]+\.[a-z_]+\([^()\n]*\)")
PYTHON_CELL = re.compile(r'class="[^"]*\bjp-CodeMirrorEditor\b')


def visible(page: str) -> str:
    """A page's text as a reader sees it: no style sheet or script, no tags, entities read."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _stems():
    return [decks.name_of(plan, meeting, rows) for plan, meeting, rows, _ in decks.meetings(versions=True)]


# ---- 1: one checklist per meeting version ----------------------------------------------------------------------

def test_there_is_one_checklist_per_meeting_version_each_with_only_its_own_times():
    """Review 22, #9: one table for six meeting versions ("Session 1 at 0:10 (setup); Session 1 for Spanish readers at
    0:15 (setup); …"), which the facilitator had to filter on the day. Now each meeting version (the run sheet's)
    has its own checklist, which names no other meeting or version."""
    pages = kit_once.checklists()
    stems = _stems()
    assert set(pages) == {f"checklist-{stem}.html" for stem in stems}
    for stem in stems:
        text = visible(pages[f"checklist-{stem}.html"])
        assert "for Spanish readers at" not in text and not re.search(r"Session \d at", text), stem
        assert ("lang=\"es\"" in pages[f"checklist-{stem}.html"]) == stem.endswith("-spanish"), stem


def test_the_spanish_versions_checklist_speaks_spanish_where_the_other_spanish_pages_do():
    """The checklist of a version for Spanish readers is bilingual like its run sheet: its title, its lead and its
    headings in Spanish too (the things to bring are named as the plans name them, in English)."""
    versions = [(name, page) for name, page in kit_once.checklists().items() if name.endswith("-spanish.html")]
    assert len(versions) == 4
    for name, page in versions:
        spanish = " ".join(visible(m) for m in re.findall(r'<[^>]+lang="es"[^>]*>.*?</(?:p|span|th|h1)>', page, flags=re.S))
        for words in ("Lista del día", "Impreso", "En la sala"):
            assert words in spanish, (name, words, spanish[:300])


def test_the_run_sheets_and_the_start_page_name_each_meetings_own_checklist():
    """Each run sheet sends the facilitator to its own meeting's checklist, and the preparation route of a plan reads
    the checklists of its meetings (the start page links the first's, like the run sheet's)."""
    for name, page in kit_once.run_sheets().items():
        # a version's sheet says it in Spanish, the facilitator's side of the Spanish sheets (s23-es)
        own = "la lista del día de esta reunión" if name.endswith("-spanish.html") else "this meeting's day-of checklist"
        assert own in visible(page), name
    from tools import bundle
    assert bundle._route_link({"reads": "checklist"}, "single-90", "-spanish") == "facilitator/checklist-single-90-1-spanish.html"
    route = kit_once.preparation_routes()["series-3x120"]
    step = next(s for s in route if s["reads"] == "checklist")
    assert step["where"] == "3 pages", step


# ---- 2: the print lines come from the print list -------------------------------------------------------------

def _print_rows(page: str) -> list[str]:
    part = page.split(' printed"', 1)[1].split(' room"', 1)[0]
    return [" ".join(visible(c).split()) for c in re.findall(r"<tr><td>☐</td>(.*?)</tr>", part, flags=re.S)]


def test_every_print_line_is_the_plans_print_list_for_that_meeting(essay):
    """Review 22, #3 and item 2 of the brief: the checklist's "printed participant editions of notebooks 00 and 01"
    was written by hand, and disagreed with the print list (lesson 00 was not on it). Every print line of a meeting's
    checklist is now a line of the plan's print list (the start page's source), with its copies: the lines for that
    meeting, and for its version the version's own list."""
    lists = workshop.load_print_lists(essay)
    pages = kit_once.checklists()
    checked = 0
    for plan, meeting, rows, _ in decks.meetings(versions=True):
        page = pages[f"checklist-{decks.name_of(plan, meeting, rows)}.html"]
        version = bool(rows.iloc[0].version)
        mine = workshop.version_print_list(lists, plan) if version else lists[
            (lists.plan == plan) & (lists.only != "version for Spanish readers")]
        mine = mine[mine["at"].isin([str(meeting), "every meeting"])]
        # review 25: a meeting version the kit builds no paper edition for does not list one
        from tools import paper
        stem = f"{plan}-{meeting}" + ("-spanish" if version else "")
        mine = mine[(mine.printout != "paper editions") | (stem in set(paper.paper_parts()))]
        shown = _print_rows(page)
        assert len(shown) == len(mine), (plan, meeting, version, shown)
        for r, line in zip(mine.itertuples(), shown):
            assert r.copies in line, (r.printout, line)
            checked += 1
        assert "printed participant editions" not in visible(page)
    assert checked > 20


def test_the_print_lines_follow_whatever_the_print_list_holds(monkeypatch):
    """The checklist calls the print list and copies none of it: a print list of one made-up printout is what every
    checklist prints."""
    real = workshop.load_print_lists

    def one_line(essay):
        lists = real(essay)
        first = lists.groupby("plan", sort=False).head(1).copy()
        first["name"], first["copies"], first["at"] = "A printout made up for this test", "each pair", "every meeting"
        first["file"], first["version"], first["only"] = "print/made-up.pdf", "", "every version"
        return first
    monkeypatch.setattr(workshop, "load_print_lists", one_line)
    pages = decks.checklists()
    assert pages
    for name, page in pages.items():
        assert _print_rows(page) == ["A printout made up for this test each pair"], name


def test_a_print_line_at_a_meeting_the_plan_does_not_have_is_refused(reading_copy):
    import helpers
    path = reading_copy / workshop.PLANS
    text = path.read_text(encoding="utf-8")
    line = "{printout: cards, copies: each pair, at: 2, only: as planned}"
    assert line in text
    path.write_text(text.replace(line, line.replace("at: 2", "at: 7"), 1),
                    encoding="utf-8")
    with pytest.raises(helpers.HelperError, match="meeting 7"):
        workshop.load_print_lists(helpers.load_essay(reading_copy))


# ---- 3: no notebook leftovers on any built page ---------------------------------------------------------------

def test_no_built_page_prints_a_notebook_leftover(editions_built, printed_pages):
    """Review 22, section 4: notes-single-90-1 (pages 5–6) and notes-series-3x120-2 printed a raw "**1.**" and
    "Sentence 8 of 11 (essay.show(40)…)", and the guide's safety section, where the preparation route points, showed
    a Python cell. Every page the kit builds, printed or on screen: no Markdown left unrendered; no call of the
    package's code outside a lesson (whose code is what it teaches); no Python cell in the guide's pages."""
    found = []
    for path in sorted(editions_built.rglob("*")):
        if path.suffix not in (".html", ".pdf") or "reveal.js" in path.parts:
            continue
        stem = path.stem.removesuffix(".slides")
        if path.suffix == ".pdf":
            # read once a test run (conftest's printed_pages, shared with test_print)
            text = "\n".join(text for _, _, text, _ in printed_pages[path.relative_to(editions_built).as_posix()])
        else:
            page = path.read_text(encoding="utf-8")
            if stem == GUIDE and PYTHON_CELL.search(page):
                found.append((path.name, "a Python cell"))
            # a lesson's code cells are the lesson; what it prints around them is checked
            page = re.sub(r'<div class="highlight hl-ipython3">\s*<pre>.*?</pre>', " ", page, flags=re.S)
            text = visible(page)
        hit = MARKDOWN_LEFT.search(text)
        if hit:
            found.append((path.name, text[max(hit.start() - 40, 0):hit.end() + 40]))
        call = CODE_CALL.search(text) if not LESSON.match(stem) or stem == GUIDE else None
        if call:
            found.append((path.name, text[max(call.start() - 40, 0):call.end() + 20]))
    assert not found, found[:8]


def test_the_leftover_scan_finds_what_the_review_found():
    """The scan's patterns catch the review's three leftovers."""
    assert MARKDOWN_LEFT.search("**1.** The phrase occurs twice, in ¶36 and ¶40.")
    assert CODE_CALL.search("Sentence 8 of 11 (essay.show(40) shows the whole paragraph):")
    assert PYTHON_CELL.search('<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">')
    assert not CODE_CALL.search("4. python -m helpers.kernel_hints (then, if someone runs a cell")


def test_a_worked_solution_after_a_printed_passage_is_rendered():
    """The passage's HTML and the Markdown after it are apart, so the Markdown is rendered (the "**1.**" was read as
    part of the passage's HTML block)."""
    text = decks.worked_solution("00_start_here", "two numbers for one event")
    assert re.search(r"</div>\n\n\*\*1\.\*\*", text), text[:800]
    assert not CODE_CALL.search(text), CODE_CALL.search(text)
