"""Session 19 (issue #20): what the facilitator's and the Spanish reviews of round 18 left. Every one-page print
keeps about 10 mm of paper around its ink on US Letter and on A4."""
from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image


# ---- 2. print margins on Letter and on A4 ---------------------------------------------------------------------------

MM = 72 / 25.4
LETTER, A4 = (215.9, 279.4), (210.0, 297.0)
MARGIN = 9.5       # about 10 mm: a pixel of rendering either way


def ink_boxes(pdf: Path, dpi: int = 96) -> list[tuple[float, float, float, float, float, float]]:
    """Each page's size and the box around everything printed on it, in mm from its top left: (width, height, left,
    top, right, bottom), read from the page as poppler's pdftocairo renders it."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftocairo", "-png", "-r", str(dpi), str(pdf), f"{tmp}/p"], check=True)
        for png in sorted(Path(tmp).glob("p*.png"), key=lambda p: int(re.search(r"(\d+)\.png$", p.name).group(1))):
            grey = np.asarray(Image.open(png).convert("L"))
            ys, xs = np.nonzero(grey < 250)
            mm = 25.4 / dpi
            out.append((grey.shape[1] * mm, grey.shape[0] * mm, xs.min() * mm, ys.min() * mm,
                        (xs.max() + 1) * mm, (ys.max() + 1) * mm))
    return out


def paper_margins(box, paper, centred: bool) -> dict[str, float]:
    """The paper left around the ink when a page is printed at 100% on ``paper``, at its top left or centred."""
    width, height, left, top, right, bottom = box
    dx, dy = ((paper[0] - width) / 2, (paper[1] - height) / 2) if centred else (0, 0)
    return {"left": left + dx, "top": top + dy, "right": paper[0] - right - dx, "bottom": paper[1] - bottom - dy}


def test_the_margin_sum_can_fail():
    # the run sheets as they printed before (Letter, ink to 585 pt across): 3.5 mm from an A4 sheet's edge
    box = (215.9, 279.4, 8.8, 8.1, 585 / MM, 279.4 - 18)
    assert round(paper_margins(box, A4, centred=False)["right"], 1) == 3.6
    assert paper_margins(box, LETTER, centred=False)["left"] < MARGIN


ONE_PAGE_PRINTS = ("facilitator/run-sheet-*.pdf", "facilitator/checklist-*.pdf", "participant/cards.pdf",
                   "facilitator/cards-answers.pdf", "participant/summary.pdf", "participant/exercise-*.pdf",
                   "facilitator/glossary-*.pdf")


def test_every_one_page_print_keeps_10_mm_on_letter_and_on_a4(editions_built):
    """Facilitator review 18 (4): the run sheets' and checklists' ink ran to 585 pt of a 612 pt Letter page, 3.5 mm
    from the edge of A4 paper printed at 100%. Every one-page print (run sheets, checklists, cards, the argument on
    one page, exercise sheets, glossary excerpts) now keeps about 10 mm of paper around its ink, page numbers
    included, on Letter and on A4, printed at the paper's top left or centred."""
    pdfs = sorted(p for pattern in ONE_PAGE_PRINTS for p in editions_built.glob(pattern))
    assert len(pdfs) >= 12, pdfs
    short = {}
    for pdf in pdfs:
        for n, box in enumerate(ink_boxes(pdf), start=1):
            for paper, name in ((LETTER, "Letter"), (A4, "A4")):
                for centred in (False, True):
                    for side, mm in paper_margins(box, paper, centred).items():
                        if mm < MARGIN:
                            short[f"{pdf.name} p{n} {name}{' centred' if centred else ''} {side}"] = round(mm, 1)
    assert not short, short
