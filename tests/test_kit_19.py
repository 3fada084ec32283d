"""Session 19 (issue #20): what the facilitator's and the Spanish reviews of round 18 left. The Spanish of ¶45, ¶48
and ¶49 a page of its own, which the reading message attaches, with every attachment a file the build writes and
both kits hold; every one-page print keeps about 10 mm of paper around its ink on US Letter and on A4; and the
Spanish points: "proyectada en versión breve", ¶52's restrictive clause, the Binder agreement the same in both
languages, "Horario"."""
from __future__ import annotations

import html
import re
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from helpers import workshop
from helpers.anchoring import read_yaml
from tools import bundle, decks, packet

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "we-are-losing"
TAGS = re.compile(r"<[^>]+>")


def flat(text: str) -> str:
    return " ".join(html.unescape(TAGS.sub(" ", text)).split())


# ---- 1. the Spanish the version reads together, a file to attach ----------------------------------------------------

def _attach_lists(page: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each meeting's "Attach …" sentence on the reading message's page and the links of the line under it."""
    found = re.findall(r'<p>Attach (.*?)\.</p><p class="files">(.*?)</p>', page, flags=re.S)
    return [(html.unescape(said), re.findall(r'<a href="([^"]+)">(.*?)</a>', files)) for said, files in found]


def test_the_reading_message_attaches_only_files_the_build_writes_and_both_kits_hold(editions_built, bundles_built,
                                                                                      essay):
    """Facilitator review 18 (3, 10): the message of the version for Spanish readers said the Spanish of ¶45, ¶48 and
    ¶49 was "attached too", but it was only a page inside the message's own page, and pasted it lost its
    "[traducción]" labels and the key to "[nota: …]". It is now a page of its own (HTML and PDF, beside the setup
    page and the summary), and every meeting's list of attachments links each thing it names to a PDF the build
    writes, which both kits hold in their print folder."""
    page = (editions_built / "facilitator" / "reading-message.html").read_text(encoding="utf-8")
    lists = _attach_lists(page)
    assert len(lists) == 7, lists     # review 20b: the series' versions of Sessions 2 and 3 have messages of their own
    sheet = workshop.load_spanish_sheet(essay)["single-90-1"]["paragraphs"]
    placed = {str(source.resolve()): where for files in (bundle.participant_files(editions_built),
                                                          bundle.facilitator_files(editions_built))
              for where, source in files.items()}
    for said, links in lists:
        # the sentence and the links name the same things, in the same order
        assert said == decks.attachments({"reading_message_attach": [html.unescape(t) for _, t in links]}), said
        for href, _ in links:
            target = (editions_built / "facilitator" / href).resolve()
            assert target.is_file() and target.suffix == ".pdf", href
            assert placed.get(str(target), "").startswith("print/"), href
    version = [links for said, links in lists if "Spanish of ¶45, ¶48 and ¶49" in said]
    # the version for Spanish readers, with no setup page, and (review 19, test_kit_19b) the series' Sessions 2 and 3
    # session 20: a later meeting sends the setup page no more, so none of the three attaches it
    # review 20b: and the series' versions of Sessions 2 and 3, with messages of their own
    assert len(version) == 5 and sum(not any("setup" in href for href, _ in links) for links in version) == 5
    # the page itself: each paragraph labelled as the kit's translation, and the key to its notes
    spanish = (editions_built / "participant" / "spanish-single-90-1.html").read_text(encoding="utf-8")
    text = flat(spanish)
    for n, es in sheet.items():
        assert f"¶{n} [traducción] {' '.join(es.split())}" in text, n
    assert packet.NOTE_MARK["es"] in text and packet.NOTE_MARK["en"] in text and "[nota:" in text
    assert (editions_built / "participant" / "spanish-single-90-1.pdf").is_file()
    # the page is no longer printed under the message (one copy, the attachable one)
    assert 'class="attach"' not in page and "to attach or paste" not in page
    # both kits' start pages list it
    # (as the bundles hold them: conftest's bundles_built, written once per test run)
    for start in ((folder / path.stem / bundle.START).read_text(encoding="utf-8")
                  for path, folder in bundles_built.values()):
        assert 'href="print/spanish-single-90-1.pdf"' in start


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
    short = {f"{pdf.name} {where}": mm for pdf in pdfs for where, mm in short_margins(pdf).items()}
    assert not short, short


def short_margins(pdf: Path) -> dict[str, float]:
    """Each page side of ``pdf`` whose paper margin is under MARGIN, on Letter and A4, printed top-left or centred:
    {"p1 A4 centred left": 8.9, …}."""
    short = {}
    for n, box in enumerate(ink_boxes(pdf), start=1):
        for paper, name in ((LETTER, "Letter"), (A4, "A4")):
            for centred in (False, True):
                for side, mm in paper_margins(box, paper, centred).items():
                    if mm < MARGIN:
                        short[f"p{n} {name}{' centred' if centred else ''} {side}"] = round(mm, 1)
    return short


# ---- 3. the Spanish points -------------------------------------------------------------------------------------------

def test_the_spanish_review_18_points(essay):
    """Spanish review 18 and a close reader: the version's "question 2, projected in short" said "versión breve"
    without "projected"; ¶52's Spanish put a comma before "que a menudo son enfrentadas", which makes the English's
    restrictive "leading forces that are often pitted against each other" say all leading forces are; the Binder
    agreement's Spanish said "que este grupo no controla" and the English did not (the English now says it too:
    it is why nothing personal goes there); the agendas' elapsed-time column is "Horario"."""
    plans = read_yaml(SEEDS / "sessions.yml")
    meeting = plans["plans"][0]["meetings"][0]
    version = meeting["spanish_variant"]["activities"]["feasibility objection"]
    assert "projected in short" in version["activity"]
    assert "la pregunta 2 (diapositiva en versión breve, en español y luego en inglés" in version["activity_es"]
    facilitation = read_yaml(SEEDS / "facilitation.yml")
    p52 = next(s for s in facilitation["exercise_sheets"] if s["exercise"] == 2)["spanish"]["paragraphs"][52]["es"]
    assert "particularly leading forces that are often pitted" in essay.paragraphs.loc[52].text
    assert "en particular a las fuerzas dirigentes que a menudo son enfrentadas unas con otras," in " ".join(p52.split())
    binder = [a for a in workshop.load_handout(essay)["agreements"] if "Binder" in a["en"]]
    assert len(binder) == 1
    assert "(mybinder.org) that this group does not control" in binder[0]["en"]
    assert "(mybinder.org) que este grupo no controla" in binder[0]["es"]
    agendas = flat("".join(packet.agenda_parts()))
    assert "Time · Horario" in agendas and "Tiempo" not in agendas and "Minuto" not in agendas
