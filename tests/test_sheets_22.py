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


def test_question_2_asks_one_question_a_paragraph_after_what_it_leans_on():
    """Question 2's closing questions, each its own paragraph, on slides after the concession; nothing of the
    question lost (the closing questions, the lead-in, all there in order)."""
    essay = helpers.load_essay()
    q = helpers.load_questions(essay).set_index("id").loc["D02"]
    asks = decks.sheet_question(" ".join(q.question.split()))
    for name, nb in kit_once.session_decks().items():
        shown = [s for n, s in _question_slides() if n == name and s.startswith("## Question 2 ")]
        if not shown:
            continue
        assert len(shown) >= 3, name
        text = " ".join(_plain(s.split("\n\n", 1)[1]) for s in shown)
        assert _plain(" ".join(q.slide.split())) in text, name
        for one in decks.asked(asks):
            assert any(f'closing">{html.escape(one, quote=False)}</p>' in s for s in shown), (name, one)


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
