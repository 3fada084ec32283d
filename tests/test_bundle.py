"""make bundle: a participant bundle and a facilitator bundle, each unzipping into one folder with a start-here page
at its top. Both are built from the editions the print tests build, unzipped into temporary folders and checked:
what each holds and must not hold, every link of the start pages, and the participant's local route run from the
unzipped folder (its helpers, its notebooks, the setup page's check)."""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

import helpers
from helpers import workshop
from helpers.errors import HelperError
from tools import bundle
from tools.pages import heading_id

MAINTAINERS = ("tests/", "tools/", ".ci/", ".github/", "build/", ".venv/", "requirements-dev.txt", "launch.yml",
               ".ipynb_checkpoints/", "__pycache__/")


@pytest.fixture(scope="module")
def kits(bundles_built):
    """{"participant": (zip, unzipped folder), "facilitator": (…)}, from the shared build (conftest's bundles_built,
    written once per test run)."""
    return bundles_built


def inside(kit) -> set[str]:
    path, _ = kit
    names = zipfile.ZipFile(path).namelist()
    return {n.split("/", 1)[1] for n in names}


def test_each_bundle_unzips_into_one_folder_with_a_start_page_that_opens_what_it_names(kits):
    for who, (path, dest) in kits.items():
        assert [p.name for p in dest.iterdir()] == [path.stem], who           # one folder, named like the zip
        folder = dest / path.stem
        start = folder / bundle.START
        page = start.read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+)"', page)
        assert len(links) >= 15, who
        broken = [link for link in links if not (folder / (html.unescape(link).split("#")[0] or bundle.START)).is_file()]
        assert not broken, (who, broken)
        shown = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))
        # the facilitator's page opens on its minimum routes (session 22), the participants' on what to open first
        assert ("The minimum route to prepare" if who == "facilitator" else "Open first") in shown, who
        assert "Start here" in shown, who
        # plain words: no file names on the page (the links carry them)
        assert not re.search(r"\b[\w-]+\.(ipynb|html|pdf|zip|yml|txt)\b|\b0\d_[a-z_]+", shown), (who, shown[:200])


def test_the_participant_bundle_has_what_a_participant_needs_and_nothing_for_maintainers(kits, editions_built):
    names = inside(kits["participant"])
    for needed in ("requirements.txt", "environment.yml", "pyproject.toml", "Makefile", "README.md",
                   "helpers/__init__.py", "seeds/we-are-losing/essay.txt", "seeds/we-are-losing/summary_es.yml",
                   "notebooks/00_start_here.ipynb", "notebooks/04_people_places_terms.ipynb",
                   "print/reader-edition.html", "print/reader-edition.pdf"):
        assert needed in names, needed
    for page in ("packet", "handout", "setup", "summary", "glossary"):
        assert {f"print/{page}.html", f"print/{page}.pdf"} <= names, page
    for lesson in editions_built.joinpath("participant").glob("0*.html"):
        assert f"print/{lesson.name}" in names and f"print/{lesson.stem}.pdf" in names, lesson.name
    for absent in (*MAINTAINERS, "hub/", "facilitator/", "slides/"):
        assert not any(n.startswith(absent) for n in names), absent
    for word in ("05_facilitator_guide", "cards-answers", "run-sheet", "checklist"):
        assert not any(word in n for n in names), word
    # the notebooks are the participant editions: no worked solution, no facilitator note
    folder = kits["participant"][1] / bundle.NAME
    for nb_path in sorted((folder / "notebooks").glob("*.ipynb")):
        tags = {t for c in nbformat.read(nb_path, as_version=4).cells for t in c.metadata.get("tags", [])}
        assert not tags & {"solution", "facilitator"}, nb_path.name


def test_the_facilitator_bundle_adds_the_guide_run_sheets_checklists_decks_and_answers(kits, essay):
    names, participant = inside(kits["facilitator"]), inside(kits["participant"])
    assert {n for n in participant if not n.startswith("notebooks/")} <= names
    plans = workshop.load_plans(essay)
    meetings = plans[["plan", "meeting"]].drop_duplicates()
    for plan, meeting in meetings.itertuples(index=False):
        assert {f"facilitator/run-sheet-{plan}-{meeting}.pdf", f"slides/{plan}-{meeting}.slides.html"} <= names
    for plan, meeting in meetings.itertuples(index=False):      # one per meeting since review 22
        assert f"facilitator/checklist-{plan}-{meeting}.pdf" in names
    for needed in ("facilitator/05_facilitator_guide.html", "facilitator/05_facilitator_guide.pdf",
                   "facilitator/cards-answers.pdf", "slides/agreements.slides.html", "slides/reveal.js/dist/reveal.js",
                   "notebooks/05_facilitator_guide.ipynb", "hub/measured.yml"):
        assert needed in names, needed
    for absent in MAINTAINERS:
        assert not any(n.startswith(absent) for n in names), absent
    folder = kits["facilitator"][1] / bundle.FACILITATOR
    guide = nbformat.read(folder / "notebooks" / "01_argument_structure.ipynb", as_version=4)
    assert any("solution" in c.metadata.get("tags", []) for c in guide.cells)


LOCAL_ROUTE = r"""
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
import helpers
folder = Path(sys.argv[1]).resolve()
assert Path(helpers.__file__).resolve().is_relative_to(folder), helpers.__file__
opened = [nbformat.read(p, as_version=4) for p in sorted((folder / "notebooks").glob("*.ipynb"))]
# the setup page's check: open notebook 00, run its first cell (Shift + Enter)
nb = nbformat.read(folder / "notebooks" / "00_start_here.ipynb", as_version=4)
nb.cells = [next(c for c in nb.cells if c.cell_type == "code")]
NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(folder / "notebooks")}}).execute()
out = "".join(o.get("text", "") for o in nb.cells[0].outputs)
print(json.dumps({"notebooks": len(opened), "first_cell": out, "errors": [o for o in nb.cells[0].outputs if o.output_type == "error"]}))
"""


def test_the_participant_bundle_runs_by_its_setup_page_from_the_unzipped_folder(kits, essay, tmp_path):
    """As far as this machine allows without a network: the project's Python (the environment route B installs)
    imports the bundle's own helpers, opens every notebook, and runs notebook 00's first cell with the line the
    setup page's check says to look for."""
    check = workshop.load_handout(essay)["setup"]["check"]["en"]
    expected = re.search(r'"([^"]+)"', check).group(1)          # "The essay is loaded: 62 numbered paragraphs"
    folder = kits["participant"][1] / bundle.NAME
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(folder),
                                                                          "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", LOCAL_ROUTE, str(folder)], cwd=folder / "notebooks", env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["notebooks"] == 5 and not report["errors"]
    assert report["first_cell"].startswith(expected), report["first_cell"]


def test_a_missing_build_names_the_fix(tmp_path):
    (tmp_path / "participant").mkdir()
    with pytest.raises(HelperError) as info:
        bundle.participant_files(tmp_path)
    assert "make handouts" in info.value.fix or "make bundle" in info.value.fix


def test_outside_a_git_clone_the_bundle_takes_the_same_files_from_disk(tmp_path):
    """A facilitator who downloaded the project as a zip (no .git) can still run make bundle: the project files
    are read from disk, the same files with the same bytes as from a clone, and what .gitignore leaves out (a
    local environment, caches, checkpoints) stays out."""
    copy = tmp_path / "copy"
    copy.mkdir()
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=bundle.PROJECT, capture_output=True,
                             check=True).stdout
    import io
    import tarfile
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(copy, filter="data")
    for junk in ("helpers/__pycache__/essay.cpython-311.pyc", "seeds/.ipynb_checkpoints/x.txt", ".venv/bin/python",
                 "helpers/my-reader.html"):
        (copy / junk).parent.mkdir(parents=True, exist_ok=True)
        (copy / junk).write_bytes(b"local")
    assert not (copy / ".git").exists()
    assert bundle.committed(bundle.PROJECT_FILES, project=copy) == bundle.committed(bundle.PROJECT_FILES)
    assert bundle.committed(bundle.FACILITATOR_FILES, project=copy) == bundle.committed(bundle.FACILITATOR_FILES)


def test_a_copy_missing_a_project_file_names_the_fix(tmp_path):
    with pytest.raises(SystemExit) as info:
        bundle.committed(bundle.PROJECT_FILES, project=tmp_path)
    assert "missing" in str(info.value) and "make bundle" in str(info.value)


def test_the_project_files_are_the_committed_ones(tmp_path):
    files = bundle.committed(bundle.PROJECT_FILES)
    assert "seeds/we-are-losing/essay.txt" in files and "helpers/summary.py" in files
    reader = "notebooks/we-are-losing-reader.html"       # the one committed page beside the notebooks, linked from them
    assert reader in files and not any(n.startswith(("tests/", "tools/", "notebooks/")) for n in files if n != reader)
    assert files["requirements.txt"] == subprocess.run(["git", "show", "HEAD:requirements.txt"], cwd=bundle.PROJECT,
                                                       capture_output=True, check=True).stdout


def test_the_start_pages_pass_the_accessibility_check(kits):
    import shutil
    from tools import a11y
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("the accessibility check must run here (REQUIRE_BROWSER=1) but no chromium was found")
        pytest.skip("no chromium on PATH: install Debian's chromium (apt-get install chromium)")
    pages = [dest / path.stem / bundle.START for path, dest in kits.values()]
    results = a11y.check(pages, chromium)
    assert set(results) == set(pages)
    bad = [(p.parent.name, v["id"], v["impact"]) for p, found in results.items() for v in found
           if v["impact"] in ("critical", "serious", "moderate")]
    assert bad == [], bad


def test_the_start_pages_speak_spanish_where_participants_read(kits, essay):
    """The native review (#20 item 5): link labels were English only, and the facilitator was not told which pages
    are bilingual."""
    def shown(who):
        path, dest = kits[who]
        page = (dest / path.stem / bundle.START).read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))
        return page, " ".join(text.split())
    page, text = shown("participant")
    labels = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", label)).split()) for label in re.findall(r"<a [^>]+>(.*?)</a>", page)]
    english_only = [label for label in labels if " · " not in label and label != "PDF"]
    assert not english_only, english_only
    assert "Abrir el cuadernillo para participantes" in text and "Cuaderno 01, El argumento" in text
    assert "Para usar los cuadernos en una computadora, sigan primero la página de instalación" in text
    assert "paquete" not in text.lower() and "La hoja" not in text
    _, text = shown("facilitator")
    assert "Which pages are in Spanish · Qué páginas están en español" in text
    assert "definitions only in English" in text and "las definiciones solo en inglés" in text


class _Links(HTMLParser):
    """The ids (and names) a page defines and the links it makes."""
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.ids |= {attrs[k] for k in ("id", "name") if attrs.get(k)}
        if tag in ("a", "area") and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def broken_links(folder: Path) -> list[tuple[str, str, str]]:
    """Every relative link of every page (and notebook) in ``folder`` that does not open inside it: (page, link,
    why). A link with an #anchor must find that id on the page it opens."""
    parsed: dict[Path, _Links] = {}

    def page(path: Path) -> _Links:
        if path not in parsed:
            parsed[path] = _Links()
            parsed[path].feed(path.read_text(encoding="utf-8"))
        return parsed[path]

    def notebook_ids(path: Path) -> set[str]:
        cells = nbformat.read(path, as_version=4).cells
        return {heading_id(h) for c in cells if c.cell_type == "markdown"
                for h in re.findall(r"(?m)^#{1,6}\s+(.+?)\s*$", c.source)}

    found = []
    pages = [(p, page(p).hrefs) for p in sorted(folder.rglob("*.html")) if "reveal.js" not in p.parts]
    pages += [(p, [m for c in nbformat.read(p, as_version=4).cells if c.cell_type == "markdown"
                   for m in re.findall(r"\]\(([^)\s]+)\)", c.source)]) for p in sorted(folder.rglob("*.ipynb"))]
    for source, hrefs in pages:
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = (source.parent / unquote(parts.path)).resolve() if parts.path else source
            where = source.relative_to(folder).as_posix()
            if not target.is_relative_to(folder.resolve()) or not target.is_file():
                found.append((where, href, "no such file in the bundle"))
            elif parts.fragment:
                ids = page(target).ids if target.suffix == ".html" else \
                    notebook_ids(target) if target.suffix == ".ipynb" else set()
                if unquote(parts.fragment) not in ids:
                    found.append((where, href, "no such place on that page"))
    return found


def test_every_link_of_every_page_opens_inside_its_bundle(kits):
    """#20: the series map's #The-series had no heading to land on, 00 linked to a reader's edition saved beside
    the notebook (the bundle's is in print/), and the participant pages linked to the facilitator guide."""
    for who, (path, dest) in kits.items():
        folder = dest / path.stem
        assert len(list(folder.rglob("*.html"))) > 10, who
        assert broken_links(folder) == [], who


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<h2 id="here">x</h2><a href="b.html">b</a> <a href="a.html#there">t</a> '
                                     '<a href="#here">h</a> <a href="https://example.org/x">web</a>', encoding="utf-8")
    assert broken_links(tmp_path) == [("a.html", "b.html", "no such file in the bundle"),
                                      ("a.html", "a.html#there", "no such place on that page")]


def test_the_facilitator_kit_says_what_to_print_with_the_pages_of_each_pdf(kits, essay):
    """#20: a per-plan print list, its page counts those of the PDFs in the kit."""
    from pypdf import PdfReader
    folder = kits["facilitator"][1] / bundle.FACILITATOR
    page = (folder / bundle.START).read_text(encoding="utf-8")
    section = page[page.index('<h2 id="print">'):page.index('<h2 id="leading">')]
    # a version's own print list (review 18) is tested in test_version_18
    section = re.sub(r"<h4>For a room with Spanish readers.*?</table><p>[^<]*</p>", "", section, flags=re.S)
    lists = workshop.load_print_lists(essay)
    # what only a version prints (the Spanish cards, review 25) is in the version's own list, taken out above
    lists = lists[lists.only != "version for Spanish readers"]
    tables = re.findall(r"<h3>(.*?)</h3><table.*?</table><p>Each participant's own copies come to (\d+) pages", section, re.S)
    assert [html.unescape(t) for t, _ in tables] == list(dict.fromkeys(lists.plan_title))
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(\d+)</td></tr>", section, re.S)
    assert len(rows) == len(lists)
    counted = {}
    for (cell, copies, shown), entry in zip(rows, lists.itertuples()):
        links = re.findall(r'href="([^"]+)"[^>]*>(.*?)</a>', cell)
        pdfs = [p for p, _ in links]
        assert pdfs and all(p.endswith(".pdf") for p in pdfs), cell
        # a meeting's version for Spanish readers is printed instead of its meeting's page: not counted again
        pages = sum(len(PdfReader(folder / html.unescape(p)).pages) for p, label in links if "instead" not in label)
        assert int(shown) == pages > 0, (entry.name, shown, pages)
        assert html.unescape(copies) == entry.copies
        counted[(entry.plan, entry.printout)] = pages
    for plan, total in zip(dict.fromkeys(lists.plan), (int(n) for _, n in tables)):
        mine = lists[(lists.plan == plan) & (lists.copies == "each participant")]
        assert total == sum(counted[(plan, p)] for p in mine.printout)
    # the series' three run sheets, one page each
    assert counted[("series-3x120", "run sheets")] == 3


def test_the_facilitator_kit_says_the_guides_commands_are_done_and_names_printouts_by_what_they_are(kits, essay):
    """#20: a facilitator with only the kit read "run make handouts" and "build/participant/cards.pdf"."""
    folder = kits["facilitator"][1] / bundle.FACILITATOR
    page = (folder / bundle.START).read_text(encoding="utf-8")
    built = page[page.index('<h2 id="built">'):page.index('<h2 id="print">')]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", built)).split())
    assert "make handouts" in text and "make bundle" in text and "already in this folder" in text
    assert {"#participants", "#leading", "#print"} <= set(re.findall(r'href="([^"]+)"', built))
    notes = workshop.load_notes(essay)
    said = [t for note in notes.values() for v in note.values() for t in ([v] if isinstance(v, str) else v)]
    assert not [t for t in said if re.search(r"build/|\.pdf\b|\.html\b", t)]
    cards = [t for t in said if "cards" in t]
    assert cards and all("“Who said it?” cards" in t and "start page" in t for t in cards), cards


def test_the_kit_gives_one_preparation_figure_for_the_single_session(kits):
    """The facilitator review found 89 minutes (start page), 597 (the guide's week-before table) and 60 (the guide's
    Time line) for the same preparation. Every preparation figure the kit prints for the 90-minute session is the
    route's, computed once; the guide prints none of its own."""
    from tools import decks
    phrase = decks.preparation_phrase(decks.preparation_routes()["single-90"])
    folder = kits["facilitator"][1] / bundle.FACILITATOR
    start = " ".join(html.unescape(re.sub(r"<[^>]+>", "", (folder / bundle.START).read_text(encoding="utf-8"))).split())
    sheet = " ".join(html.unescape(re.sub(r"<[^>]+>", "", (folder / "facilitator" / "run-sheet-single-90-1.html")
                                          .read_text(encoding="utf-8"))).split())
    figures = re.findall(r"Prepare(?: this session)?: (about .+? of arranging)", start)
    assert figures and set(figures) == {phrase}, figures
    # the run sheet gives the start page's minimum route first, then this full route (facilitator review 22)
    least = decks.preparation_routes(minimum=True)["single-90"]
    said = decks.sheet_preparation_phrase(least, decks.preparation_routes()["single-90"])
    assert re.findall(r"Prepare: (about .+? of arranging)", sheet) == [said], sheet[:400]
    full = phrase.split(" of ")[0].removeprefix("about ")
    assert f"{full} in full" in said and said.endswith(phrase.split(", and about ")[-1]), (said, phrase)
    guide = " ".join(html.unescape(re.sub(r"<[^>]+>", "", (folder / "facilitator" / "05_facilitator_guide.html")
                                          .read_text(encoding="utf-8"))).split())
    assert not re.search(r"single session[^.]{0,40}\d+ minutes", guide, flags=re.I)
    assert "Series: about" in guide and "its own, shorter route" in guide


def test_each_run_sheet_gives_the_start_pages_minimum_route_first(kits):
    """Facilitator review 22: each run sheet printed "Prepare: about 2 h 50" (the full route) while the start page
    led with the minimum route (about 1 h 55 for the 90-minute session). Each plan's first run sheet, and its
    version for Spanish readers', now gives first the very total the start page's minimum route box heads with."""
    folder = kits["facilitator"][1] / bundle.FACILITATOR
    page = (folder / bundle.START).read_text(encoding="utf-8")

    def text(part):
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())
    checked = 0
    for sheet in sorted((folder / "facilitator").glob("run-sheet-*.html")):
        first = re.fullmatch(r"run-sheet-(.+)-1(-spanish)?", sheet.stem)      # a plan's first meeting
        if not first:
            continue
        plan, version = first[1], first[2] or ""
        box = page.index(f'id="{bundle._anchor(plan, version)}"')
        head = text(page[box:page.index("</h2>", box)])
        # both paces, computed (session 23: "about 1 h 30 at 200 words a minute, about 1 h 55 at 150")
        hours = r"(\d+ h(?: \d\d)?|\d+ min)"
        start = re.search(rf": reading and rehearsal about {hours} at 200 words a minute, about {hours} at 150"
                          rf"(?:, plus about {hours} of arranging)?$", head)
        said = re.search(rf"Prepare(?: this version)?: about {hours} at 200 words a minute, {hours} at 150 \(minimum",
                         text(sheet.read_text(encoding="utf-8")))
        assert start and said and said.groups() == start.groups()[:2], (sheet.name, head, said and said[0])
        # the arranging in the heading as on the sheet (facilitator review 26b: the heading gave the reading alone)
        arranging = re.search(rf"; {hours} of arranging", text(sheet.read_text(encoding="utf-8")))
        assert (arranging and arranging[1]) == start[3], (sheet.name, head, arranging)
        checked += 1
    assert checked == 4, checked


# the words a facilitator reads on the start page before the first step of the single session's route (session 22)
LEAD_BOUND = 150


def _body(page: str) -> str:
    return page[page.index("<h1"):]


def test_the_facilitator_start_page_leads_with_the_minimum_route_and_counts_itself(kits):
    """Facilitator review 21: the start page was 4,989 words (about 25 minutes) that no route counted, with the
    routes below a long box. Now the first thing it says is the single session's minimum route: under LEAD_BOUND
    words before its first step, the rest (bundle contents, print lists, the full routes) below a heading that says
    it can be skipped; the route's start page step counts the page down to the end of that box."""
    from tools import decks
    page = _body((kits["facilitator"][1] / bundle.FACILITATOR / bundle.START).read_text(encoding="utf-8"))
    box = page.index('id="route-single-90"')
    assert decks.words(page[:page.index("<li>", box)]) < LEAD_BOUND
    assert "<h2" not in page[:box] and "<table" not in page[:box]
    assert box < page.index('id="route-single-90-spanish"') < page.index('id="reference"') < page.index('id="print"')
    assert "skip it" in html.unescape(page[page.index('id="reference"'):page.index("</h2>", page.index('id="reference"'))])
    step = next(s for s in decks.preparation_routes(minimum=True)["single-90"] if s["reads"] == "start page")
    end = page.index("</div>", box)
    assert step["words"] == decks.words(page[:end]), (step["words"], decks.words(page[:end]))
    # every step of the route links to what it opens, in this kit
    assert len(re.findall(r"<li><a href=", page[box:end])) == len(
        [s for s in decks.preparation_routes(minimum=True)["single-90"] if s["reads"] != "arrange" and not s.get("left")])


def test_the_facilitator_kit_holds_the_participants_kit_to_hand_out(kits, tmp_path):
    """Facilitator review 21: the facilitator's zip lacked the participants' kit, and its own notebooks carry the
    solutions. The participants' zip is inside it, in its own folder, and the start page's lead says to hand it
    out, not this folder."""
    folder = kits["facilitator"][1] / bundle.FACILITATOR
    inner = folder / bundle.PARTICIPANT_KIT / f"{bundle.NAME}.zip"
    assert inner.read_bytes() == kits["participant"][0].read_bytes()
    with zipfile.ZipFile(inner) as z:
        z.extractall(tmp_path)
    kit = tmp_path / bundle.NAME
    assert (kit / bundle.START).is_file() and not (kit / "facilitator").exists() and not (kit / "slides").exists()
    for nb_path in sorted((kit / "notebooks").glob("*.ipynb")):
        tags = {t for c in nbformat.read(nb_path, as_version=4).cells for t in c.metadata.get("tags", [])}
        assert not tags & {"solution", "facilitator"}, nb_path.name
    page = _body((folder / bundle.START).read_text(encoding="utf-8"))
    lead = page[:page.index('id="route-single-90"')]
    assert f'href="{bundle.PARTICIPANT_KIT}/{bundle.NAME}.zip"' in lead
    assert "never this folder" in html.unescape(lead)


def test_the_print_list_names_a_meetings_spanish_version_as_a_replacement():
    """The review: the print table listed the 90-minute session's two run sheets as "meeting 1" and "meeting 2",
    for a plan of one meeting. A version is now named as what it is, and its pages are not counted again."""
    labels = bundle.meeting_labels(["facilitator/run-sheet-single-90-1.pdf",
                                    "facilitator/run-sheet-single-90-1-spanish.pdf",
                                    "facilitator/run-sheet-series-3x120-2.pdf"])
    assert labels == ["meeting 1", "meeting 1, for a room with Spanish readers (print it instead, for that room)",
                      "meeting 2"]


def test_the_facilitator_start_page_says_computers_are_optional_and_which_python(kits, essay):
    """Review12 (finding 3): single-90 asked everyone to install Python for one 15-minute segment, and Python 3.15,
    the default download, does not work. The start page now says how many minutes use the computers, that the
    whole session runs on paper, and which Pythons to choose, read from pyproject.toml's range (which
    tests/test_python_range.py holds to the pins)."""
    import tomllib
    from tools import decks
    spec = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    a, b, c, d = map(int, re.findall(r"\d+", spec["project"]["requires-python"]))
    page = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", (kits["facilitator"][1] / bundle.FACILITATOR / bundle.START)
                                          .read_text(encoding="utf-8"))).split())
    plans = decks.kit_plans(essay)
    single = plans[plans.plan == "single-90"]
    screen = single[(single.notebook != "") & ~single.paper.astype(bool) & (single.topic != "setup")]
    assert f"uses the computers for {screen.minutes.sum()} of its 90 minutes" in page
    assert "The whole session can run on paper" in page
    assert f"they choose Python {a}.{b} to {c}.{d - 1}: the newest, {c}.{d}, does not work" in page
