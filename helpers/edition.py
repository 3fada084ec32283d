"""The reader's edition: the essay as one web page to read or print, every paragraph with its ¶ number.

    import helpers
    helpers.reader_edition()      # writes we-are-losing-reader.html in this folder and links to it

The page is self-contained (its style is inside it; it fetches nothing and runs no script), so it opens
from a USB stick or with no network. ``make handouts`` builds the same page (tools/editions.py calls
``reader_html``), so a learner on their own and a study group read the same edition.
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import UsageError
from .essay import DEFAULT_READING, HEADING, SEEDS, load_essay

# Quotations set apart from the prose: a screen reader announces them as quotations (<blockquote>).
QUOTED = ("epigraph", "block quotation")

# On screen, a column of text with the ¶ numbers in a margin column to its left; on paper the same, on the
# printer's own paper (A4 or US Letter), 12 pt, with the page number at the foot of each page.
READER_CSS = """
:root { --gutter: 4.2rem; --indent: 2rem; }
body { font-family: Georgia, 'Times New Roman', serif; max-width: 40rem; margin: 2rem auto;
       padding: 0 1rem 0 var(--gutter); line-height: 1.5; font-size: 12pt; color: #111; background: #fff; }
h1 { font-size: 1.5em; line-height: 1.25; }
h2 { font-size: 1.15em; margin-top: 1.8em; }
.source, .rights, .how { color: #444; }
.source { font-style: italic; }
.rights, .how { font-size: 0.9em; }
nav ul { padding-left: 1.2rem; margin-top: 0.3em; }
h2.untitled { color: #595959; font-style: italic; font-weight: normal; }
p, blockquote, h2 { position: relative; }
p, blockquote { margin: 0 0 0.9em 0; }
.num { position: absolute; left: calc(-1 * var(--gutter)); width: calc(var(--gutter) - 0.6rem); text-align: right;
       color: #595959; font-size: 0.8em; font-family: Arial, Helvetica, sans-serif; font-style: normal;
       font-weight: normal; top: 0.2em; }
blockquote.epigraph, blockquote.block-quotation { margin-left: var(--indent); margin-right: var(--indent);
       font-style: italic; }
blockquote .num, p.attribution .num { left: calc(-1 * var(--gutter) - var(--indent)); }
p.attribution { margin-left: var(--indent); text-align: right; }
p.list-item { margin-left: 1.5rem; }
p.list-item .num { left: calc(-1 * var(--gutter) - 1.5rem); }
/* at least 10 mm of paper around the ink on US Letter and on A4 at 100%: 17 mm on the right (A4 is 5.9 mm narrower),
   the page number at the top of the bottom margin (facilitator review 19: 7.3 mm from the foot, 8.9 mm from A4's
   right edge; tests/test_kit_19b.py) */
@page { margin: 16mm 17mm 18mm 15mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #555;
                         vertical-align: top; } }
@media print {
  :root { --gutter: 3.2rem; }
  html, body { margin: 0; max-width: none; width: auto; }
  body { padding: 0 0 0 var(--gutter); font-size: 12pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  p, blockquote { orphans: 3; widows: 3; }
  blockquote.epigraph, p.attribution { break-inside: avoid; page-break-inside: avoid; }
}
"""


# a tag or a comment; the elements whose text is not text of the page
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW = ("script", "style", "textarea", "title")


def mark_languages(page_html: str, reading: str | Path = DEFAULT_READING) -> str:
    """Mark the essay's words in another language (reading.yml's ``other_languages``) as that language.

    Wherever they stand in the text of the page they are wrapped in ``<span lang="…">``, so a screen reader
    speaks them with that language's rules. Text already marked, text inside tags, and the page's title,
    scripts and styles are left alone, so marking a page twice changes nothing.

    Parameters:
        page_html: a whole HTML page or a piece of one; reading: whose ``other_languages`` to mark (default:
        the default reading).
    Returns:
        the page with each such word marked.
    Example:
        >>> mark_languages("<p>they chanted Fuera JOH</p>")
        '<p>they chanted <span lang="es">Fuera JOH</span></p>'
    """
    others = load_essay(reading).other_languages
    if not any(others.values()):
        return page_html
    code_of = {html.escape(s, quote=False): code for code, spans in others.items() for s in spans}
    pattern = re.compile("|".join(re.escape(s) for s in sorted(code_of, key=len, reverse=True)))
    parts = _TAG.split(page_html)
    raw = None
    for i, part in enumerate(parts):
        if i % 2:                                  # a tag
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in _RAW:
                raw = None if part.startswith("</") else name.group(1).lower()
            continue
        if raw or not part:
            continue
        before = parts[i - 1] if i else ""
        parts[i] = pattern.sub(lambda m: m.group(0) if f'lang="{code_of[m.group(0)]}"' in before
                               else f'<span lang="{code_of[m.group(0)]}">{m.group(0)}</span>', part)
    return "".join(parts)


def reader_html(reading: str | Path = DEFAULT_READING, extra_css: str = "") -> str:
    """The reader's edition as one HTML page: title, publication and rights lines, a list of sections, then
    every paragraph with its ¶ number in the margin and an anchor (``#p14`` is ¶14).

    Headings are headings, epigraphs and block quotations are quotations (<blockquote>), and the essay's words
    in another language are marked as that language. Parts the essay leaves untitled get the package's name
    for them, in [brackets].

    Parameters:
        reading: the reading's folder name or path (default: the default reading); extra_css: style added
        after the page's own (``make handouts`` fixes the paper size to US Letter with it).
    Returns:
        the page, as a string of HTML.
    Example:
        >>> page = reader_html()
        >>> '<blockquote id="p1" class="epigraph"><span class="num">¶1</span>' in page
        True
    """
    essay = load_essay(reading)
    meta = essay.meta
    parts, sections = [], []
    current = None
    for p in essay.paragraphs.itertuples():
        if p.section != current and p.kind != HEADING:
            # a part the essay leaves untitled: its name is the package's, so it is bracketed and greyed
            anchor = f"part{p.section_no}"
            parts.append(f"<h2 id=\"{anchor}\" class=\"untitled\">[{html.escape(p.section)}]</h2>")
            sections.append((anchor, f"[{p.section}]"))
            current = p.section
        if p.kind == HEADING:
            current = p.section
            parts.append(f"<h2 id=\"p{p.paragraph}\"><span class=\"num\">¶{p.paragraph}</span>{html.escape(p.text)}</h2>")
            sections.append((f"p{p.paragraph}", p.text))
            continue
        kind = p.kind.replace(" ", "-")
        marker = f"<span class=\"marker\">{html.escape(p.marker)}</span> " if p.marker else ""
        text = html.escape(p.text).replace("\n", "<br>")
        tag = "blockquote" if p.kind in QUOTED else "p"
        parts.append(f"<{tag} id=\"p{p.paragraph}\" class=\"{kind}\"><span class=\"num\">¶{p.paragraph}</span>"
                     f"{marker}{text}</{tag}>")
    last = len(essay.paragraphs)
    series, issue = meta.get("series", ""), meta.get("issue", "")
    published = (f"Published in <cite>{html.escape(series)}</cite>, {html.escape(issue)}." if series and issue
                 else html.escape(meta.get("publication", "")))
    by = f" By {html.escape(meta['authors_as_given'])}." if meta.get("authors_as_given") else ""
    head = [f"<h1>{html.escape(meta['title'])}</h1>",
            f"<p class=\"source\">{published}{by}</p>",
            f"<p class=\"rights\">{html.escape(meta.get('rights', ''), quote=False)}</p>" if meta.get("rights") else "",
            f"<p class=\"how\">The paragraphs are numbered ¶1 to ¶{last} in reading order, as throughout the "
            "notebooks; the text is exactly as received. Names in [brackets] are the package's, for parts the "
            "essay leaves untitled.</p>",
            "<nav aria-label=\"Sections\"><h2>Sections</h2><ul>"
            + "".join(f"<li><a href=\"#{a}\">{html.escape(name)}</a></li>" for a, name in sections)
            + "</ul></nav>"]
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(meta['title'])} (reader's edition)</title>"
            f"<style>{READER_CSS}{extra_css}</style></head>"
            "<body><main>\n" + "\n".join(h for h in head if h) + "\n" + "\n".join(parts) + "\n</main></body></html>\n")
    return mark_languages(page, reading)


@dataclass(frozen=True)
class ReaderEdition:
    """What ``reader_edition()`` wrote: the page's ``path``, and the ``name`` a notebook shows for it (relative
    to the folder the notebook runs in, so the output is the same on every computer).

    In a notebook it shows as a sentence with a link to open the page; ``open(edition)`` and
    ``os.fspath(edition)`` use its path.

    Example:
        >>> print(ReaderEdition(Path("x.html"), "x.html"))
        The reader's edition (the essay with every ¶ number) is saved in this folder as x.html: open it ...
    """
    path: Path
    name: str

    def __fspath__(self) -> str:
        return str(self.path)

    def _saved(self) -> str:
        return f"saved in this folder as {self.name}" if "/" not in self.name else f"saved as {self.name}"

    def _linkable(self) -> bool:
        return not self.name.startswith(("/", "~", "..")) and ":" not in self.name

    def __repr__(self) -> str:
        return (f"The reader's edition (the essay with every ¶ number) is {self._saved()}: "
                "open it from the file browser on the left. To print it, right-click it there, choose Open in "
                "New Browser Tab, and print from the browser.")

    __str__ = __repr__

    def _repr_html_(self) -> str:
        name = html.escape(self.name)
        saved = html.escape(self._saved()).replace(name, f'<a href="{name}">{name}</a>') if self._linkable() \
            else html.escape(self._saved())
        opens = "click the name to open it here. " if self._linkable() else ""
        return (f"<p>The reader's edition (the essay with every ¶ number) is {saved}: {opens}To print it, right-click "
                "it in the file browser on the left, choose <b>Open in New Browser Tab</b>, and print from the browser.</p>")


def reader_edition(path: str | Path | None = None, reading: str | Path = DEFAULT_READING) -> ReaderEdition:
    """Write the reader's edition (the essay with every ¶ number, one page to read or print) and link to it.

    Needs nothing beyond the notebooks' own packages: no network, no test or handout tools.

    Parameters:
        path: where to write the page: a file name, or a folder to put it in (default: this folder, as
        ``we-are-losing-reader.html`` for the default reading); reading: which reading (default: the
        default reading).
    Returns:
        what was written: in a notebook, a sentence with a link to open the page; its ``path`` is the file.
    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     edition = reader_edition(folder)
        ...     edition.path.name, edition.path.stat().st_size > 40_000
        ('we-are-losing-reader.html', True)
    """
    essay = load_essay(reading)
    default = f"{essay.reading}-reader.html"
    given = PurePosixPath(str(path).replace("\\", "/")) if path is not None else PurePosixPath(default)
    call = f'helpers.reader_edition("~/{default}")'
    try:
        target = Path(os.path.expanduser(str(given)))
        if target.is_dir():
            target, given = target / default, given / default
        shown = _shown(target, given)
        among_the_essays_files = _inside(target, SEEDS) or _inside(target, essay.folder)
        folder_exists = target.parent.is_dir()
    except (OSError, ValueError):       # a name this computer refuses (too long, a character it does not allow)
        raise UsageError(f"this computer does not accept {str(given)!r} as a place to save the reader's edition; "
                         f"give another, for example {call}") from None
    if among_the_essays_files:
        raise UsageError(f"the reader's edition is not saved among the essay's own files ({shown}); "
                         f"give it another place, for example {call}")
    page = reader_html(reading)
    if not folder_exists:
        raise UsageError(f"there is no folder {_shown(target.parent, given.parent)} to save the reader's edition "
                         f"in; create it first, or give a folder that exists, for example {call}")
    try:
        target.write_text(page, encoding="utf-8")
    except OSError:
        raise UsageError(f"the reader's edition could not be saved as {shown}, as that folder cannot be written "
                         f"to here; give a folder you can write to, for example {call}") from None
    return ReaderEdition(target.resolve(), shown)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _shown(path: Path, given: PurePosixPath) -> str:
    """The path as a notebook shows it: relative to the working folder when it is inside it, with / between
    folders; otherwise as the learner gave it (never the absolute path of the working folder, which differs from
    one computer to the next)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(given)
