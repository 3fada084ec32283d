"""Build the workshop editions from the committed notebooks: ``python -m tools.editions [--out build]``.

- participant/   notebooks and printable HTML without solution and facilitator cells (exercises kept);
- facilitator/   notebooks and printable HTML with everything;
- slides/        reveal.js slides, one deck per notebook, with reveal.js copied beside them (no CDN);
- reader/        the essay as printable HTML, with ¶ numbers in the margin and section headings.

Everything goes to the build folder, which git ignores: nothing is written over anyone's work. The HTML
and the slides reference no remote URL, so they work at a venue with no network.
"""
from __future__ import annotations

import argparse
import copy
import html
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import nbformat

from helpers.errors import HelperError
from helpers.essay import DEFAULT_READING, HEADING, PROJECT, load_essay
from tools.launch import BADGE_RE, notebooks, settings

BUILD = PROJECT / "build"
TEMPLATES = Path(__file__).resolve().parent / "templates"
DROP_FOR_PARTICIPANTS = {"solution", "facilitator"}
# reveal.js files the slides need, copied from the reveal.js distribution that sphinx-revealjs ships
REVEAL_FILES = ["LICENSE", "dist/reveal.js", "dist/reveal.css", "dist/reset.css", "dist/theme/white.css",
                "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js"]


def tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def edition(nb: nbformat.NotebookNode, participant: bool, note: bool = True) -> nbformat.NotebookNode:
    """A copy of the notebook for one audience; Binder badges become plain links (no remote image).

    The participant edition drops solution and facilitator cells; ``note`` adds a line saying which edition it is.
    """
    nb = copy.deepcopy(nb)
    if participant:
        nb.cells = [c for c in nb.cells if not tags(c) & DROP_FOR_PARTICIPANTS]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = BADGE_RE.sub(lambda m: f"[Open on Binder]({m.group().rsplit('](', 1)[1][:-1]})", cell.source)
    first = nb.cells[0]
    label = ("Participant edition: worked solutions and facilitator notes are left out."
             if participant else "Facilitator edition: includes worked solutions and facilitator notes.")
    if note and re.search(r"(?m)^# ", first.source):
        first.source = re.sub(r"(?m)^# ", f"<div class=\"edition-note\">{label}</div>\n\n# ", first.source, count=1)
    return nb


def _html(nb, template: str, **config) -> str:
    from nbconvert import HTMLExporter, SlidesExporter
    exporter_class = SlidesExporter if template == "offline_reveal" else HTMLExporter
    exporter = exporter_class(template_name=template, extra_template_basedirs=[str(TEMPLATES)], **config)
    body, _ = exporter.from_notebook_node(nb)
    return body


def reveal_source() -> Path:
    spec = importlib.util.find_spec("sphinx_revealjs")
    if spec is None or not spec.submodule_search_locations:
        raise HelperError("sphinx-revealjs", "is not installed, so reveal.js is missing for the slides.",
                          "run `make handouts` (it installs what is missing) or `pip install -r requirements.txt`.")
    return Path(list(spec.submodule_search_locations)[0]) / "_static" / "revealjs"


def copy_reveal(dest: Path) -> None:
    src = reveal_source()
    for rel in REVEAL_FILES:
        s, d = src / rel, dest / "reveal.js" / rel
        d.parent.mkdir(parents=True, exist_ok=True)
        if s.is_dir():
            shutil.copytree(s, d, dirs_exist_ok=True)
        else:
            shutil.copy2(s, d)


def reader_html(reading: str = DEFAULT_READING) -> str:
    """The essay for printing: title block, section headings, and each paragraph with its ¶ number in the margin."""
    essay = load_essay(reading)
    meta = essay.meta
    parts = [f"<h1>{html.escape(meta['title'])}</h1>",
             f"<p class=\"source\">{html.escape(meta.get('series', ''))}, {html.escape(meta.get('issue', ''))}. "
             "Paragraph numbers (¶) as used throughout the notebooks; the text is exactly as received. "
             "Names in [brackets] are the package's, for parts the essay leaves untitled.</p>"]
    current = None
    for p in essay.paragraphs.itertuples():
        if p.section != current and p.kind != HEADING:
            # a part the essay leaves untitled: its name is the package's, so it is bracketed and greyed
            parts.append(f"<h2 class=\"untitled\">[{html.escape(p.section)}]</h2>")
            current = p.section
        if p.kind == HEADING:
            current = p.section
            parts.append(f"<h2 id=\"p{p.paragraph}\"><span class=\"num\">¶{p.paragraph}</span>{html.escape(p.text)}</h2>")
            continue
        kind = p.kind.replace(" ", "-")
        marker = f"<span class=\"marker\">{html.escape(p.marker)}</span> " if p.marker else ""
        text = html.escape(p.text).replace("\n", "<br>")
        parts.append(f"<p id=\"p{p.paragraph}\" class=\"{kind}\"><span class=\"num\">¶{p.paragraph}</span>{marker}{text}</p>")
    style = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 40rem; margin: 2rem auto; padding: 0 4.5rem;
       line-height: 1.5; font-size: 12pt; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.8em; position: relative; }
.source { font-style: italic; color: #444; }
h2.untitled { color: #777; font-style: italic; font-weight: normal; }
p { position: relative; margin: 0 0 0.9em 0; }
.num { position: absolute; left: -4.2rem; width: 3.6rem; text-align: right; color: #666; font-size: 0.8em;
       font-family: Arial, sans-serif; top: 0.2em; }
.epigraph, .block-quotation { margin-left: 2rem; margin-right: 2rem; font-style: italic; }
.attribution { margin-left: 2rem; text-align: right; }
.list-item { margin-left: 1.5rem; }
@media print { body { margin: 0 auto; } h2 { break-after: avoid; } p { orphans: 3; widows: 3; } }
"""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(meta['title'])} (reader's edition)</title><style>{style}</style></head>"
            f"<body>\n" + "\n".join(parts) + "\n</body></html>\n")


def build(out: Path = BUILD) -> list[Path]:
    """Build every edition into ``out``; return the files written."""
    written = []
    slides_dir = out / "slides"
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        for audience in ("participant", "facilitator"):
            folder = out / audience
            folder.mkdir(parents=True, exist_ok=True)
            ed = edition(nb, participant=audience == "participant")
            nb_path = folder / path.name
            nbformat.write(ed, nb_path)
            html_path = nb_path.with_suffix(".html")
            html_path.write_text(_html(ed, "offline_lab"), encoding="utf-8")
            written += [nb_path, html_path]
        slides_dir.mkdir(parents=True, exist_ok=True)
        deck = slides_dir / f"{path.stem}.slides.html"
        # slides: solutions are "skip" and facilitator notes are speaker "notes" in the slide metadata
        deck.write_text(_html(edition(nb, participant=False, note=False), "offline_reveal", exclude_input=True,
                              reveal_url_prefix="reveal.js"), encoding="utf-8")
        written.append(deck)
    copy_reveal(slides_dir)
    reader = out / "reader" / "essay.html"
    reader.parent.mkdir(parents=True, exist_ok=True)
    reader.write_text(reader_html(), encoding="utf-8")
    written.append(reader)
    return written


REMOTE = re.compile(r"""(?:<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//"""
                    r"""|url\(\s*["']?(?:https?:)?//)""", re.IGNORECASE)


def remote_references(text: str) -> list[str]:
    """Places where a page would fetch something from the network when opened (links to click are fine)."""
    return [text[max(m.start() - 20, 0):m.end() + 60] for m in REMOTE.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.editions", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(BUILD), help="where to write (default: build/)")
    args = parser.parse_args(argv)
    try:
        files = build(Path(args.out))
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    root = Path(args.out)
    if settings()["repository"] is None:
        print("Launch links are off: launch.yml names no repository, so the editions and slides carry no Binder or "
              "JupyterHub link. Run `make links` (or `make links REPO=owner/name`) to turn them on, then rebuild.")
    for f in files:
        print(f.relative_to(root) if f.is_relative_to(root) else f)
    print(f"{len(files)} files in {root}/ (open reader/essay.html or any .html in a browser; print from there)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
