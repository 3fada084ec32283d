"""Facilitator review 21, printed and projected pages (issue #20): question 2 as slides and a packet a room can read,
the Spanish run sheets in one language pattern, the hard-moment lines on the English single session's sheet, the
Spanish agendas with no computers, and tables kept whole on the notes pages."""
import html
import re

import helpers
from helpers import workshop
from tools import decks, handout

import kit_once

TAGS = re.compile(r"<[^>]+>")
BOUND = 80      # words a discussion question's slide may hold, heading and all (review 21: 119-231)


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


def _question_slides():
    for name, nb in kit_once.session_decks().items():
        for cell in nb.cells:
            if cell.metadata.get("slideshow", {}).get("slide_type") == "slide" and \
                    re.match(r"## (Question|Pregunta) \d", cell.source):
                yield name, cell.source


def test_every_question_slide_holds_at_most_the_bound():
    """Review 21: the question 2 slides were 119-120 words of small type (the series' questions up to 231). Every
    slide of a discussion question, in every session deck, now holds at most QUESTION_SLIDE_WORDS (80) words."""
    assert decks.QUESTION_SLIDE_WORDS <= BOUND
    slides = list(_question_slides())
    assert len(slides) >= 20
    over = [(name, decks.words(s), s[:40]) for name, s in slides if decks.words(s) > BOUND]
    assert not over, over


def test_question_2_is_read_out_after_what_it_leans_on():
    """Question 2's spoken form (facilitator review 22: its closing questions could not be read aloud), on a slide
    after the concession's; nothing the room reads lost (the lead-in whole, then the question as said)."""
    essay = helpers.load_essay()
    q = helpers.load_questions(essay).set_index("id").loc["D02"]
    for name, nb in kit_once.session_decks().items():
        shown = [s for n, s in _question_slides() if n == name and s.startswith("## Question 2 ")]
        if not shown:
            continue
        assert len(shown) >= 2, name
        text = " ".join(_plain(s.split("\n\n", 1)[1]) for s in shown)
        assert _plain(" ".join(q.slide.split())) in text, name
        said = html.escape(" ".join(q.aloud.split()), quote=False)
        assert f'class="question aloud">{said}</p>' in shown[-1] and 'class="lead"' in shown[0], name


def test_the_packet_lists_what_question_2_asks():
    """Review 21: in the packet, question 2 was one paragraph of 200 words (350 in Spanish); what it asks is now a
    short list under what it leans on, in each language."""
    page = handout.handout_html()
    pair = page[page.index("<strong>Question 2</strong>"):]
    pair = pair[:pair.index('<div class="pair">')]
    lists = re.findall(r'<ul class="asks">(.*?)</ul>', pair)
    assert len(lists) == 2, len(lists)
    assert all(x.count("<li>") == 3 for x in lists), lists
    assert "¿Qué pruebas lo resolverían?" in _plain(lists[1]) and "What evidence would settle it?" in _plain(lists[0])


def test_the_spanish_run_sheets_ask_each_question_in_the_language_of_its_prompts():
    """Review 21: the Spanish run sheet printed question 2 in English and its prompts and close only in Spanish. On a
    version for Spanish readers every question now asks in Spanish, like its prompts and its close ("Pregunte",
    as read aloud since review 22, where the English is said); the English sheets keep their English."""
    essay = helpers.load_essay()
    spoken_es = workshop.load_aloud_es(essay)
    questions = helpers.load_questions(essay).set_index("id")
    sheets = {name: _plain(page) for name, page in kit_once.run_sheets().items()}
    versions = {name: text for name, text in sheets.items() if name.endswith("-spanish.html")}
    assert len(versions) == 4
    for name, text in versions.items():
        assert "Ask (" not in text, name
        asked_here = re.findall(r"Pregunte \(pregunta (\d+)", text)
        assert asked_here, name
        for n in asked_here:
            qid = f"D{int(n):02d}"
            assert _plain(" ".join(spoken_es[qid].split())) in text, (name, qid)
            assert _plain(" ".join(questions.aloud[qid].split())) not in text, (name, qid)
            assert _plain(" ".join(questions.question[qid].split())) not in text, (name, qid)
    single = versions["run-sheet-single-90-1-spanish.html"]
    assert single.index("Pregunte (pregunta 2") < single.index("Primero pregunte:") < single.index("Cierre (pregunta 2)")
    assert "¿El ¶48 discute viabilidad o causas?" in single and "does it answer on feasibility" not in single
    assert "Ask (question 2, on ¶45, ¶48):" in sheets["run-sheet-single-90-1.html"]


def test_the_english_single_session_sheet_has_the_hard_moment_lines():
    """Review 21 (safety): the Spanish readers' sheet printed the lines for the hardest moments, the English
    single-session sheet did not (only its notes had them). It now prints each line in English, once."""
    essay = helpers.load_essay()
    moments = workshop.load_handout(essay)["hard_moments"]
    assert len(moments) >= 5
    text = _plain(kit_once.run_sheets()["run-sheet-single-90-1.html"])
    for m in moments:
        assert text.count(f"“{m['en']}”") == 1, m["en"]
        assert f"{m['when']}:" in text, m["when"]


def test_an_agenda_with_no_computers_names_the_printed_packet_not_notebooks():
    """Review 21: the Spanish readers' agenda of the single session named notebooks 04 and 01, in a version that
    uses no computers. Its segments on paper now name the packet the room holds; the English agenda keeps its
    notebooks."""
    from tools import packet
    essay = helpers.load_essay()
    plans = decks.kit_plans(essay)
    version = workshop.spanish_version(plans[plans.plan == "single-90"])
    assert not workshop.uses_computers(version)
    spanish = _plain(" ".join(packet.agenda_parts(plan_id="single-90", version="spanish")))
    assert "notebook" not in spanish and "cuaderno 0" not in spanish, spanish
    assert spanish.count("on paper: the participant packet · en papel: el cuadernillo") >= 2
    english = _plain(" ".join(packet.agenda_parts(plan_id="single-90", version="")))
    # its screen segment keeps its notebook; a segment on paper names none (review 26: "notebook 04 · on paper")
    assert "notebook 01" in english and "notebook 04" not in english


# ---- on the printed pages (the built editions) --------------------------------------------------------------------

def _page_words(pdf) -> list[list[tuple[float, str]]]:
    """Each page's words with how far down the page each ends (0 top, 1 bottom), the page number left out."""
    import subprocess
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        found = [(float(y) / height, html.unescape(w)) for y, w in re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page)]
        pages.append([(y, w) for y, w in found if y < 0.94])       # the footer: "Page 1 of 2"
    return pages


def exercise_sheet_balance(built) -> tuple[float, float]:
    """The Exercise 2 sheet: the share of its words on page 2, and how far down page 2 its text runs."""
    pages = _page_words(built / "participant" / "exercise-01-2.pdf")
    assert len(pages) == 2
    total = sum(len(p) for p in pages)
    return len(pages[1]) / total, max(y for y, _ in pages[1])


def test_the_exercise_sheet_fills_its_two_pages_alike(editions_built):
    """Review 21: the Exercise 2 sheet's page 1 was cramped (a line height of 1.2) while page 2 was half empty (its
    text ran 63% of the way down, with 23% of the words). With more air on page 1, the passage runs on to page 2:
    page 2 now holds at least a third of the words and its text runs at least three quarters of the way down."""
    share, reach = exercise_sheet_balance(editions_built)
    assert share >= 1 / 3 and reach >= 0.75, (share, reach)


def tables_split(built) -> list[tuple[str, str]]:
    """Every table of a facilitator's notes page whose first and last rows print on different pages: (page, row)."""
    split = []
    for page in sorted((built / "facilitator").glob("notes-*.html")):
        text = page.read_text(encoding="utf-8")
        printed = ["".join(w for _, w in p) for p in _page_words(page.with_suffix(".pdf"))]
        for table in re.findall(r"<table.*?</table>", text, flags=re.S):
            rows = [r for r in re.findall(r"<tr.*?</tr>", table, flags=re.S) if "<td" in r]
            marks = []
            for row in (rows[0], rows[-1]):     # the first and last rows, each by the first words of its longest cell
                cells = [_plain(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
                marks.append("".join(max(cells, key=len).split()[:3]))
            if not any(all(m in p for m in marks) for p in printed):
                split.append((page.name, marks[1]))
    return split


def test_no_table_of_the_notes_is_split_across_pages(editions_built):
    """Review 21: the single session's notes split a worked solution's table across pages 5 and 6. A table of the
    notes now keeps together on one page (break-inside: avoid), and a solution's heading stays with it."""
    assert "table, tr { break-inside: avoid;" in decks.NOTES_STYLE
    assert not tables_split(editions_built), tables_split(editions_built)


def test_a_table_of_the_notes_at_the_foot_of_a_page_moves_whole_to_the_next(tmp_path):
    """The same on a page made to break inside a table: a spacer leaves about a third of a page, a table of twenty
    rows (about half a page) follows; printed with the notes' style sheet, its rows all print on one page."""
    from tools import editions
    from tools.pages import _page
    rows = "".join(f"<tr><td>row{i:02d}mark</td><td>a cell of a worked solution</td></tr>" for i in range(20))
    page = tmp_path / "notes-table.html"
    page.write_text(_page("Notes", '<div style="height: 17cm"></div><h3>The worked solution</h3>'
                          f"<table>{rows}</table>", decks.NOTES_STYLE), encoding="utf-8")
    printed = ["".join(w for _, w in p) for p in _page_words(editions.print_pdf(page))]
    on = {next(k for k, p in enumerate(printed) if f"row{i:02d}mark" in p) for i in range(20)}
    assert len(on) == 1, on
