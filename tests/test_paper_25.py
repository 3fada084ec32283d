"""Paper editions that speak to paper (issue #20, facilitator review 25): the text a participant on paper reads has
no code, no keys and nothing to run or click, and lines to write on; every pointer ("the table of objections above",
"Where the data lives, above") finds what it points to on the same paper; a meeting that works a few of an exercise's
clues prints those clues (and the outside date one of them needs), not the whole exercise. Read from the HTML pages
the build prints (tools.paper.paper_editions), as a printer shows them: without what is for the screen only."""
from __future__ import annotations

import html
import re

import pytest

from tools import paper


def printed(page: str) -> str:
    """A page's text as printed: no style or script, no screen-only block, tags out, entities read, one space."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r'<div class="screen-only">.*?</div>', " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(page).split())


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return paper.paper_editions(tmp_path_factory.mktemp("paper"))


# what a page cannot be asked to do, and the code it cannot run
SCREEN_WORDS = re.compile(r"\b(?:run|runs|running|click|double-click|cells?|toolbar|kernel|JupyterLab)\b|Shift \+ Enter|"
                          r"Ctrl \+|Cmd \+|✎|Write here|\bpress \w*\s*Enter|\b(?:essay|helpers|tl|argument)\.\w+\(|"
                          r"\.ipynb\b|\b\d\d_[a-z]+_[a-z_]+\b", re.I)


def test_a_paper_edition_prints_no_code_no_keys_and_nothing_to_run(pages):
    assert pages
    for name, page in pages.items():
        text = printed(page)
        found = [text[max(0, m.start() - 60):m.end() + 40] for m in SCREEN_WORDS.finditer(text)]
        assert not found, (name, found[:4])
        # no code is printed: a code cell's editor (its code) is not on the page
        assert not re.search(r"<div class=\"(?:highlight|jp-CodeMirrorEditor)\b", page), name
        # each exercise gives lines to write on
        assert page.count('class="write-here"') >= text.count("Your answer"), name


def _headings(page: str) -> list[tuple[int, str]]:
    """The headings of a page: (where in the printed text, the heading's words)."""
    text_so_far, out = "", []
    for m in re.finditer(r"<h([1-4])\b[^>]*>(.*?)</h\1>", page, flags=re.S):
        out.append((len(printed(page[:m.start()])), printed(m.group(2)).rstrip("¶ ").strip()))
    return out


# a pointer names what it points to: "the table of objections above", "(How to cite a paragraph, below)", "in the
# section Context rows: …"; a cell is a pointer to nothing on paper
NAMED = re.compile(r"\bthe (?:table|figure|map|timeline|list|chart) of (\w+)[\w ]*? (above|below)\b")
SECTION = re.compile(r"(?:^|[(;,] ?)(?:the full route's )?([A-Z][\w’' ,“”?-]{3,60}?), (above|below)\b")
IN_SECTION = re.compile(r"\bin the section ([A-Z][\w’' :-]{3,80}?)(?:,|\.| just)")


def test_every_pointer_finds_what_it_points_to_on_the_paper(pages):
    for name, page in pages.items():
        text, heads = printed(page), _headings(page)
        assert not re.search(r"\bcells? (?:above|below)\b", text, re.I), name

        def has(words: str, where: str | None, at: int) -> bool:
            return any(words.lower() in h.lower() and (where is None or (pos < at if where == "above" else pos > at))
                       for pos, h in heads)

        for m in NAMED.finditer(text):
            assert has(m.group(1), m.group(2), m.start()), (name, m.group(0))
        for m in SECTION.finditer(text):
            assert has(m.group(1), m.group(2), m.start()), (name, m.group(0))
        for m in re.finditer(r"\b(?:find|found|see|asks?) in (Exercise \d+)\b", text):   # an exercise it sends you to
            assert has(m.group(1) + ":", None, m.start()), (name, m.group(0))
        for m in IN_SECTION.finditer(text):
            assert has(m.group(1).split(":")[0], None, m.start()), (name, m.group(0))


def test_session_3_prints_its_five_clues_and_no_other(pages):
    from helpers import load_essay
    from helpers.timeline import load_dating, room_clues
    essay = load_essay()
    text = printed(pages["paper-series-3x120-3.html"])
    mine = ["D01", "D02", "D04", "D09", "D12"]
    clues, context = room_clues(essay, mine)
    for c in clues.itertuples():
        assert " ".join(html.unescape(c.clue).split()) in text, c.id
    assert not context.empty and all(str(r.event) in text for r in context.itertuples())   # the outside date
    others = load_dating(essay)
    others = others[~others.id.isin(mine)]
    said = [r.id for r in others.itertuples() if " ".join(html.unescape(str(r.clue)).split()) in text]
    assert not said, said
    assert re.findall(r"\bClue (\d+) \(", text) == ["1", "2", "4", "9", "12"], re.findall(r"\bClue (\d+) \(", text)
    # the whole exercise is not printed: not its eight clues, nor its search
    assert "Find eight expressions" not in text and "last October" not in text.split("Clue 2")[0]
