"""Session 19, second round (issue #20): print fit after the merges and facilitator review 19. The pages that grew
(D02, the Spanish summary, the Spanish glossary) fit their pages again with a few lines to spare; the Spanish of ¶45,
¶48 and ¶49 prints on one page and never splits a paragraph; the reader's edition keeps 10 mm of paper on Letter
and A4."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from helpers import workshop
from test_kit_19 import short_margins
import kit_once

MM = 72 / 25.4


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lines(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words as (top, bottom, word) in mm from the page's top (poppler's pdftotext -bbox)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a) / MM, float(b) / MM, w) for a, b, w in
             re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page)]
            for page in xml.split("<page ")[1:]]


def _text_bottom(words, height_mm: float) -> float:
    """Where a page's text ends, in mm from its top, its page number (in the last 15 mm) left out."""
    return max(b for a, b, _ in words if a < height_mm - 15)


def test_the_grown_pages_fit_with_lines_to_spare(editions_built):
    """After s19-facil's 10 mm margins met s19-close's longer texts (D02, the Spanish summary, the Spanish glossary),
    the Spanish summary ran one line onto a third page and the 90-minute glossary excerpt onto a second. Their print
    styles (tools/packet.py) now leave at least two lines free under the text: a text that grows a line or two more
    still fits."""
    for pdf, pages, bottom_margin, line in (("participant/summary.pdf", 2, 14, 9.6 * 1.14 / MM),
                                            ("facilitator/glossary-single-90.pdf", 1, 15, 10 * 1.2 / MM)):
        doc = _lines(editions_built / pdf)
        assert len(doc) == pages, (pdf, len(doc))
        free = 279.4 - bottom_margin - _text_bottom(doc[-1], 279.4)
        assert free >= 2 * line, (pdf, round(free, 1))


def test_the_run_sheets_print_at_9_pt_with_room(editions_built):
    """The run sheets of Session 3 and of the 90-minute session dropped to 8.75 pt; their style (tools/decks.py
    SHEET_STYLE: paragraphs, headings and cells closer) prints every English run sheet at 9 pt or more again."""
    from test_print import body_size
    sizes = {p.stem: body_size(p) for p in sorted((editions_built / "facilitator").glob("run-sheet-*.pdf"))
             if not p.stem.endswith("-spanish")}
    assert len(sizes) == 4 and all(size >= 9 for size in sizes.values()), sizes


def test_the_spanish_page_is_one_page_and_splits_no_paragraph(editions_built, essay):
    """Facilitator review 19: "the page of its own" printed on two pages, ¶49 broken in the middle of the Gramsci
    quotation and the second page four-fifths blank. It is one page, and a paragraph is never split (break-inside:
    avoid), so a longer translation moves a whole paragraph over."""
    sheets = workshop.load_spanish_sheet(essay)
    pdfs = sorted((editions_built / "participant").glob("spanish-*.pdf"))
    assert pdfs and len(pdfs) == len(sheets)
    for pdf in pdfs:
        doc = _lines(pdf)
        assert len(doc) == 1, (pdf.name, len(doc))
        texts = [squash("".join(w for _, _, w in page)) for page in doc]
        for n, es in sheets[pdf.stem[len("spanish-"):]]["paragraphs"].items():
            words = es.split()
            head, tail = squash(" ".join(words[:6])), squash(" ".join(words[-6:]))
            assert any(head in t and tail in t for t in texts), (pdf.name, n)


def test_the_readers_edition_keeps_10_mm_on_letter_and_on_a4(editions_built):
    """Facilitator review 19: the reader's edition, one copy per participant, printed its page numbers 7.3 mm from
    the foot of Letter and ran 8.9 mm from the right edge of A4; the margin test checked only one-page prints."""
    short = short_margins(editions_built / "reader" / "essay.pdf")
    assert not short, short


def test_each_closing_line_names_the_reading_the_next_message_sends(essay):
    """Facilitator review 19: Session 1's closing line gave the reading for next time as ¶19–¶42, while Session 2's
    message sends ¶19–¶42 and ¶48–¶49. A closing line now says {next_reading} in sessions.yml, filled in on loading
    from the next meeting's pre_reading, in English and in Spanish."""
    plans = workshop.load_plans(essay)
    checked = 0
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"]):
        following = plans[(plans.plan == plan) & (plans.meeting == meeting + 1)]
        closing = rows[rows.activity.str.contains("reading for next time")]
        if following.empty or closing.empty:
            continue
        for text in (closing.activity.iloc[0], closing.activity_es.iloc[0]):
            assert f"({following.pre_reading.iloc[0]})" in text, (plan, meeting, text[-80:])
        checked += 1
    assert checked == 2
    assert "{next_reading}" not in " ".join(plans.activity) + " ".join(plans.activity_es)


def test_the_series_messages_attach_the_spanish_page_its_readers_need():
    """Facilitator review 19: the Spanish of ¶45, ¶48 and ¶49 served only the 90-minute session; the series' messages
    did not attach it, though Session 2 pre-reads ¶48–¶49 and Session 3 reads ¶49 aloud and discusses ¶45 and ¶48.
    facilitation.yml (reading_message_spanish_page) names the meetings whose messages attach it; Session 1's does not."""
    import html as h
    page = kit_once.reading_messages()["reading-message.html"]
    sections = {h.unescape(part.split("</h2>")[0]): part for part in page.split("<h2>")[1:]}
    series = {title.split("Session ")[1][:1]: part for title, part in sections.items() if "Session " in title}
    assert set(series) == {"1", "2", "3"}
    for n, part in series.items():
        linked = "../participant/spanish-single-90-1.pdf" in part
        assert linked == (n != "1"), n
        if n != "1":
            assert "the Spanish of ¶45, ¶48 and ¶49" in h.unescape(part)
            assert "el español de los ¶45, ¶48 y ¶49" in h.unescape(part)
