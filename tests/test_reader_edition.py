"""The reader's edition a learner makes in notebook 00 (``helpers.reader_edition()``): the whole essay, every
paragraph once with its ¶ number and anchor, Spanish marked, nothing fetched from the network, made with only the
learner's packages (requirements.txt), and a folder it cannot write to answered in one plain sentence.
"""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from helpers.lessons import opening_text

import helpers
from helpers.edition import QUOTED

PROJECT = Path(__file__).resolve().parent.parent


class Numbered(HTMLParser):
    """Every element with an id ``pN`` on a page: its tag, the ¶ number it shows, and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.open: list[str] = []          # tags inside the current numbered element
        self.into = None                   # "num", "marker" or "text": where the characters go

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"p\d+", attrs.get("id") or ""):
            self.found.append({"n": int(attrs["id"][1:]), "tag": tag, "num": "", "marker": "", "text": ""})
            self.open = [tag]
            self.into = "text"
        elif self.open:
            if tag == "br":
                self.found[-1]["text"] += "\n"
                return
            self.open.append(tag)
            self.into = {"num": "num", "marker": "marker"}.get(attrs.get("class"), self.into)

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()
            self.into = "text" if self.open else None

    def handle_data(self, data):
        if self.open:
            self.found[-1][self.into] += data


def numbered(page: str) -> list[dict]:
    parser = Numbered()
    parser.feed(page)
    return parser.found


def problems(page: str, essay) -> list[str]:
    """What is wrong with a reader's edition: a paragraph missing, twice, out of order, with another number or
    other words than the essay's, or in the wrong kind of element."""
    found = numbered(page)
    wrong = []
    numbers = [f["n"] for f in found]
    if numbers != list(essay.paragraphs.paragraph):
        wrong.append(f"the page numbers {numbers[:5]}…, not ¶1 to ¶{len(essay.paragraphs)} once each in order")
    for f in found:
        if f["n"] not in essay.paragraphs.index:
            continue
        p = essay.paragraphs.loc[f["n"]]
        want_tag = "h2" if p.kind == "heading" else "blockquote" if p.kind in QUOTED else "p"
        if f["num"] != f"¶{p.paragraph}":
            wrong.append(f"¶{p.paragraph} shows the number {f['num']!r}")
        if f["text"].strip() != p.text or f["marker"] != (p.marker or ""):
            wrong.append(f"¶{p.paragraph} reads {f['text'][:40]!r}, not the essay's {p.text[:40]!r}")
        if f["tag"] != want_tag:
            wrong.append(f"¶{p.paragraph} ({p.kind}) is a <{f['tag']}>, not a <{want_tag}>")
    return wrong


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    edition = helpers.reader_edition(tmp_path_factory.mktemp("reader"))
    return edition, Path(edition).read_text(encoding="utf-8")


def test_every_paragraph_once_with_its_number_anchor_and_the_essays_words(essay, written):
    edition, page = written
    assert edition.path.name == "we-are-losing-reader.html"
    assert problems(page, essay) == []
    assert page.count('class="num">¶') == len(essay.paragraphs), "each ¶ number shown once"
    meta = essay.meta
    assert f"<h1>{html.escape(meta['title'])}</h1>" in page
    assert f"<title>{html.escape(meta['title'])} (reader's edition)</title>" in page
    assert meta["series"] in page and meta["issue"] in page and meta["rights"] in html.unescape(page)


def test_the_check_finds_a_paragraph_lost_changed_or_misfiled(essay, written):
    _, page = written
    lost = re.sub(r'<p id="p14" .*?</p>\n|<h2 id="p14">.*?</h2>\n', "", page)
    assert any("once each in order" in w for w in problems(lost, essay))
    changed = page.replace("We are losing.</p>", "We are lost.</p>", 1)
    assert any("¶3 reads" in w for w in problems(changed, essay))
    misfiled = page.replace('<blockquote id="p1" class="epigraph">', '<p id="p1" class="epigraph">', 1)
    assert any("¶1 (epigraph) is a <p>" in w for w in problems(misfiled, essay))


def test_every_spanish_span_is_marked_spanish_and_none_is_left_bare(essay, written):
    _, page = written
    body = page.split("<body>", 1)[1]
    spans = essay.other_languages["es"]
    assert "Fuera JOH" in spans
    for span in spans:
        times = sum(p.count(span) for p in essay.paragraphs.text)
        marked = body.count(f'<span lang="es">{html.escape(span, quote=False)}</span>')
        assert times and marked == times, (span, times, marked)
    bare = re.sub(r'<span lang="es">.*?</span>', "", body)
    assert not [s for s in spans if s in bare]


def test_the_page_fetches_nothing_and_needs_no_script(written):
    _, page = written
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:[a-z]+:)?//""", page, re.I), "a resource from the network"
    assert not re.search(r"<(?:script|link|img|iframe)\b|@import|url\(", page, re.I)
    targets = re.findall(r'href="([^"]*)"', page)
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert targets and all(t.startswith("#") and t[1:] in ids for t in targets), "links only within the page"
    assert re.search(r"@media print", page) and re.search(r"font-size: 12pt", page), "a print style at 12 pt"


# What only the tests and the handouts install (requirements-dev.txt beyond requirements.txt), as import names.
def _requirements(name: str) -> set[str]:
    lines = (PROJECT / name).read_text(encoding="utf-8").splitlines()
    return {re.split(r"[=<>\[ ;]", line.strip())[0].lower().replace("_", "-") for line in lines
            if line.strip() and not line.startswith(("#", "-"))}


def dev_modules() -> set[str]:
    dev = _requirements("requirements-dev.txt") - _requirements("requirements.txt")
    by_dist = metadata.packages_distributions()
    return {module for module, dists in by_dist.items()
            if any(d.lower().replace("_", "-") in dev for d in dists)} | {"tools"}


BLOCKED = """
import sys
class NoDevPackages:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError(f"{{name}} is not among the learner's packages")
sys.meta_path.insert(0, NoDevPackages())
{code}
"""


def learner_python(code: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python that cannot import anything only the tests and handouts install."""
    return subprocess.run([sys.executable, "-c", BLOCKED.format(blocked=sorted(dev_modules()), code=code)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd)


def test_made_with_only_the_learners_packages(tmp_path):
    blocked = dev_modules()
    assert {"pytest", "pypdf", "playwright", "tools", "sphinx_revealjs"} <= blocked
    assert not blocked & {"pandas", "nbformat", "matplotlib", "yaml", "helpers"}
    done = learner_python("import helpers\nprint(repr(helpers.reader_edition()))\n"
                          f"print(sorted(set(sys.modules) & {blocked!r}), 'matplotlib' in sys.modules)", tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    sentence, loaded = done.stdout.strip().splitlines()
    assert "saved in this folder as we-are-losing-reader.html" in sentence
    assert loaded == "[] False", "a dev package (or matplotlib) was imported"
    assert (tmp_path / "we-are-losing-reader.html").stat().st_size > 40_000
    control = learner_python("import pypdf", tmp_path)
    assert control.returncode != 0 and "not among the learner's packages" in control.stderr, "the block works"


def run_in_a_notebook(sources: list[str], folder: Path) -> list:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=120,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return [c.outputs for c in nb.cells]


def test_in_a_notebook_a_link_the_same_on_every_computer_and_mistakes_in_one_sentence(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder", encoding="utf-8")
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o500)
    try:
        outs = run_in_a_notebook(["import helpers\nhelpers.reader_edition()",
                                  "helpers.reader_edition('notes.txt/reader.html')",
                                  "helpers.reader_edition('readonly')",
                                  "helpers.reader_edition('../../' + 'x' * 300 + '.html')"], tmp_path)
    finally:
        readonly.chmod(0o700)
    shown = outs[0][0].data
    assert str(tmp_path) not in str(shown), "no path of this computer in the output"
    assert '<a href="we-are-losing-reader.html">' in shown["text/html"]
    assert shown["text/plain"].startswith("The reader's edition (the essay with every ¶ number) is saved in this folder")
    assert (tmp_path / "we-are-losing-reader.html").is_file()
    cases = [1, 3] + ([2] if os.name == "posix" and os.geteuid() != 0 else [])    # root may write anywhere
    for cell in cases:
        assert [o.output_type for o in outs[cell]] == ["stream"], outs[cell]
        text = outs[cell][0].text
        assert text.startswith("Not quite: ") and "Traceback" not in text and len(text.splitlines()) == 1, text
        assert 'helpers.reader_edition("~/we-are-losing-reader.html")' in text
    assert "there is no folder notes.txt" in outs[1][0].text
    assert str(tmp_path) not in outs[1][0].text


def test_a_folder_that_cannot_be_written_is_one_sentence_with_the_fix(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Path, "write_text", refuse)
    with pytest.raises(helpers.UsageError) as info:
        helpers.reader_edition()
    message = str(info.value)
    assert "could not be saved as we-are-losing-reader.html" in message and "give a folder you can write to" in message
    assert "\n" not in message and str(tmp_path) not in message and info.value.__suppress_context__


def test_never_written_among_the_essays_files():
    with pytest.raises(helpers.UsageError, match="not saved among the essay's own files"):
        helpers.reader_edition(helpers.SEEDS / helpers.DEFAULT_READING)
    assert not (helpers.SEEDS / helpers.DEFAULT_READING / "we-are-losing-reader.html").exists()


def test_the_handouts_print_the_learners_page_on_letter(written):
    """One renderer: `make handouts` builds the learner's page, with only the paper size fixed."""
    from tools import editions
    _, page = written
    handout = editions.reader_html()
    assert handout != page and handout.replace("@page { size: letter; }", "", 1) == page


def test_notebook_00_makes_it_where_it_speaks_of_reading_by_number():
    nb = nbformat.read(PROJECT / "notebooks" / "00_start_here.ipynb", as_version=4)
    calls = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() == "helpers.reader_edition()"]
    assert len(calls) == 1
    before = nb.cells[calls[0] - 1]
    assert before.cell_type == "markdown" and "¶ number" in before.source and "reader's edition" in before.source
    assert "[reader's edition](we-are-losing-reader.html)" in opening_text(nb), "the opening links to it"


def test_the_reader_edition_the_notebooks_link_to_is_committed_and_current(tmp_path):
    """The learner review: the link to the reader's edition did nothing until a cell had made the page. The page
    is committed beside the notebooks (tools.cells writes it), each first cell links to it, and it is the page
    ``helpers.reader_edition()`` makes now; a stale page is rewritten by tools.cells."""
    import json
    import subprocess
    from helpers.edition import reader_html
    from tools import cells
    project = Path(__file__).resolve().parent.parent
    page = project / "notebooks" / "we-are-losing-reader.html"
    assert page.read_text(encoding="utf-8") == reader_html(), "run `make notebooks` (tools.cells rewrites it)"
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", str(page)], cwd=project, capture_output=True)
    assert tracked.returncode == 0, "the page is committed, not ignored"
    for path in sorted((project / "notebooks").glob("0[0-4]_*.ipynb")):
        first = opening_text(json.loads(path.read_text(encoding="utf-8")))
        assert "[reader's edition](we-are-losing-reader.html)" in first, path.name
    (tmp_path / "we-are-losing-reader.html").write_text("old", encoding="utf-8")
    assert cells.reader_page(tmp_path) == tmp_path / "we-are-losing-reader.html"
    assert cells.reader_page(tmp_path) is None, "an unchanged page is not rewritten"
    from tools import bundle
    assert "notebooks/we-are-losing-reader.html" in bundle.PROJECT_FILES, "the kits carry it beside the notebooks"
