"""Issue 20, getting the kit to people (session 25): the facilitator's start page says how to get the participants'
kit to people without a link, with the zip's size measured when it is written and no time for sending of its own;
a "who to ask if setup fails" blank beside every address and contact blank of the packet and the handout; the setup
page says to install at home, with the download and installed sizes kept in one place."""
from __future__ import annotations

import html
import re
import zipfile

import yaml

from helpers import workshop
from helpers.essay import SEEDS, DEFAULT_READING
from tools import bundle, handout, packet
from tools.release import size


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


# ---- 1. the start page: e-mail in BCC, a shared folder, a USB stick, with the zip's measured size -------------

def test_the_sharing_section_names_three_ways_and_the_size_it_is_given():
    for n in (9_400_000, 12_345_678):
        said = _text(bundle.sharing_html(n))
        assert f"is {size(n)}." in said, said
        assert not re.search(r"\b[\w-]+\.zip\b", said)          # no file names on the page (test_bundle.py)
        assert "BCC" in said and "shared folder" in said.lower() and "USB stick" in said
    page = bundle.sharing_html(9_400_000)
    assert page.startswith("<h3") and 'href="facilitator/reading-message.html"' in page
    # an <ul> holds only <li> (the accessibility check): one item a way
    items = re.search(r'<ul class="files">(.*)</ul>', page, re.S).group(1)
    assert re.fullmatch(r"(<li>.*?</li>)+", items, re.S) and items.count("<li>") == 3


def test_the_sharing_section_gives_no_time_of_its_own_for_sending():
    """The reading message's page says when each message goes (a week before, two for Spanish readers; a later
    one after the session before it): the section defers to it rather than saying a time that could disagree."""
    said = _text(bundle.sharing_html(9_400_000))
    assert not re.search(r"\b(a|one|two|three|\d+) (weeks?|days?)\b", said, re.I), said
    assert "at the time that page gives" in said


def test_the_bundle_states_the_participant_zips_size_as_written(bundles_built):
    """Slow: the facilitator start page says the size of the participants' zip it holds, read from the file."""
    zips = {who: path for who, (path, _) in bundles_built.items()}
    with zipfile.ZipFile(zips["facilitator"]) as z:
        start = z.read(f"{bundle.FACILITATOR}/{bundle.START}").decode("utf-8")
        inner = z.getinfo(f"{bundle.FACILITATOR}/{bundle.PARTICIPANT_KIT}/{bundle.NAME}.zip").file_size
    assert inner == zips["participant"].stat().st_size
    assert f"The participants' kit, the zip file in the folder named {bundle.PARTICIPANT_KIT}, is {size(inner)}." \
        in _text(start)


# ---- 2. who to ask if setup fails, beside every address and contact blank -------------------------------------

def test_every_contact_blank_of_the_packet_has_a_who_to_ask_blank_beside_it():
    page = packet.packet_html()
    blanks = re.findall(r'<p class="blanks">(.*?)</p>', page, re.S)
    contact = [b for b in blanks if "contact" in b.lower()]
    assert contact, "the packet has no contact blank"
    for b in contact:
        assert "Who to ask if setup fails" in b and "A quién preguntar si la instalación falla" in b, b
        assert b.count('<span class="line') >= 5, b          # date, start, place, contact and who to ask


def test_every_address_blank_has_a_who_to_ask_blank_beside_it():
    from tools.launch import settings
    off = {**settings(), "repository": None}
    on = {**settings(), "repository": "example-org/we-are-losing"}
    for launch in (off, on):
        block = handout.address_block(launch)
        assert "Who to ask if setup fails" in block and "A quién preguntar si la instalación falla" in block
        assert block.count('class="write-line"') == (2 if launch is off else 1)
    for page in (handout.handout_html(), packet.packet_html(), packet.setup_html()):
        blocks = re.findall(r'<div class="address">.*?</div>', page, re.S)
        assert blocks and all("Who to ask if setup fails" in b for b in blocks)


# ---- 3. the setup page: install at home, with the measured sizes from one place -------------------------------

def test_the_setup_page_says_install_at_home_with_the_sizes_kept_in_one_place():
    sizes = workshop.SETUP_SIZES_MB
    assert set(sizes) == {"download_mb", "installed_mb"} and 50 <= sizes["download_mb"] < sizes["installed_mb"]
    page = _text(packet.setup_html())
    assert "Install at home, before the first meeting" in page and "Instalen en casa" in page
    assert f"downloads about {sizes['download_mb']} MB" in page
    assert f"takes about {sizes['installed_mb']} MB of disk space once installed" in page
    assert f"descargan unos {sizes['download_mb']} MB" in page and f"ocupan unos {sizes['installed_mb']} MB" in page
    # the data says them only by name: no size typed in facilitation.yml's setup intro
    raw = yaml.safe_load((SEEDS / DEFAULT_READING / "facilitation.yml").read_text(encoding="utf-8"))
    intro = raw["handout"]["setup"]["intro"]
    for text in intro.values():
        assert "{download_mb}" in text and "{installed_mb}" in text and not re.search(r"\d+\s*MB", text)


def test_an_intro_without_the_sizes_names_the_file_and_the_fix():
    import pytest
    from helpers.errors import HelperError
    with pytest.raises(HelperError, match="(?s)facilitation.yml.*SETUP_SIZES_MB"):
        workshop._sizes_said({"en": "downloads about 100 MB", "es": "{download_mb} {installed_mb}"})


def test_no_notebook_types_the_setup_sizes_itself():
    """The facilitator guide said "about 100 MB and about 500 MB" in its own prose; it now points to the setup page,
    which reads them from SETUP_SIZES_MB."""
    import nbformat
    from helpers.lessons import NOTEBOOKS
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                assert not re.search(r"download\w* about \d+ MB|\d+ MB of disk", cell.source), path.name


# ---- 4. each exercise a route names, with its pages in the lesson's PDF ----------------------------------------

def test_each_exercise_a_route_names_gives_its_pages_read_from_the_pdf(editions_built, bundles_built, printed_pages):
    """Slow: "01 Exercise 2: p. 37, solution p. 38", the pages read from the built facilitator PDF: the page said
    holds the exercise's heading, the solution's page says "Worked solution", and the full routes on the start page
    say them for every exercise a route names."""
    from tools import decks
    named = {(s["notebook"], int(s["exercise"])) for steps in decks.preparation_routes().values()
             for s in steps if s["reads"] == "exercise"}
    assert named
    with zipfile.ZipFile(bundles_built["facilitator"][0]) as z:
        start = _text(z.read(f"{bundle.FACILITATOR}/{bundle.START}").decode("utf-8"))
    pages, texts_of = {}, {}      # each lesson's PDF read once here, and its text as conftest's printed_pages read it
    for stem in sorted({stem for stem, _ in named}):
        pdf = editions_built / "facilitator" / f"{stem}.pdf"
        pages[stem] = bundle.exercise_pages(pdf, editions_built / "facilitator" / f"{stem}.ipynb")
        texts_of[stem] = [" ".join((text or "").split()) for _, _, text, _ in printed_pages[f"facilitator/{stem}.pdf"]]
    for stem, n in sorted(named):
        page, solution = pages[stem][n]
        texts = texts_of[stem]
        assert f"Exercise {n}:" in texts[page - 1] and "Worked solution" in texts[solution - 1] and page <= solution
        assert f"{stem[:2]} Exercise {n}: p. {page}, solution p. {solution}, in its PDF" in start, (stem, n)
