"""The page shell shared by the handouts (tools/editions.py) and the session decks (tools/decks.py): the print
style, a plain HTML page, and a notebook rendered with one of the templates. Its own module so that the two
builders import it and not each other."""
from __future__ import annotations

import functools
import html
import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"

# US Letter, with room for A4 at 100%: 16 mm on the right (A4 is 5.9 mm narrower) and the page number at the top of
# the bottom margin, about 14 mm from the edge (review 18: 7 mm), so that no ink comes within 10 mm of either paper's
# edge (tests/test_kit_19.py)
PRINT_CSS = """
@page { size: letter; margin: 16mm 16mm 18mm 15mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #555;
                         vertical-align: top; } }
@media print {
  details.more-rows > summary { display: none; }
  html, body { margin: 0 !important; padding: 0 !important; max-width: none !important; width: auto !important; }
  table { table-layout: auto; width: auto; max-width: 100% !important; border-collapse: collapse; }
  table.reader-table { width: 100% !important; table-layout: auto !important; }
  table.print-sized { table-layout: fixed !important; }
  .jp-OutputArea-output, .jp-OutputArea-child { width: 100% !important; max-width: 100% !important; }
  th, td { white-space: normal !important; overflow-wrap: break-word; word-break: normal !important; hyphens: manual; }
  table.print-sized { font-size: 9pt !important; }
  table.print-sized.wide { font-size: 8.5pt !important; }
  table.print-sized th, table.print-sized td { padding: 0.25em 0.35em !important; }
  /* a short table (a run sheet) is never split; a long one never leaves a single row alone */
  table.keep { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:first-child, tbody tr:last-child { break-before: avoid; page-break-before: avoid; }
  /* a header row written without <thead> stays with the first row under it (facilitator review 20: the packets'
     reading table printed its header alone at the foot of a page) */
  tr:has(> th) + tr { break-before: avoid; page-break-before: avoid; }
  /* a heading or a line printed just before a table stays with it */
  .jp-OutputArea-child:has(+ .jp-OutputArea-child table.print-sized) { break-after: avoid; page-break-after: avoid; }
  .jp-OutputArea-child:has(+ .jp-OutputArea-child table.print-sized) + .jp-OutputArea-child { break-before: avoid; }
  .jp-OutputArea-child:has(h2, h3, h4) { break-after: avoid; page-break-after: avoid; }
  /* printed text: words break only where a line has no other place to break (JupyterLab breaks anywhere) */
  pre { white-space: pre-wrap !important; word-break: normal !important; overflow-wrap: anywhere !important;
        hyphens: manual; }
  tr, img, figure, .card, .pair, li { break-inside: avoid; page-break-inside: avoid; }
  .pair.long { font-size: 0.88em; }   /* a long question: a size smaller, to fit one page with its heading */
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  /* a heading with the short part it opens, printed on one page (facilitator review 20b: Chromium left the clues'
     heading at a page's foot, break-after: avoid notwithstanding) */
  .keep-together { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  /* a web address is printed after its link text, since paper cannot be clicked (links within the kit are not:
     the text already names the notebook) */
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; color: #333; overflow-wrap: anywhere; }
  .jp-OutputArea-prompt, .jp-InputPrompt, .jp-OutputPrompt { display: none !important; }
  .newpage { break-before: page; page-break-before: always; }
  /* "run the cells with Shift + Enter" means nothing on paper: the printed page says how to read it instead */
  .screen-only { display: none !important; }
  .print-only { display: block !important; }
}
.print-only { display: none; }
"""


def _keep_relaxed_validators() -> None:
    """nbformat (5.10) compiles a new schema validator each time a notebook is validated with
    ``relax_add_props=True``, which nbconvert does after every preprocessor of every page: about a third of a
    build's time. The relaxed validator of a notebook version is the same every time, so it is kept, once."""
    import nbformat.validator as validator
    if getattr(validator.get_validator, "keeps_relaxed", False):
        return
    original, kept = validator.get_validator, {}

    def get_validator(version=None, version_minor=None, relax_add_props=False, name=None):
        if not relax_add_props:
            return original(version, version_minor, relax_add_props, name)
        key = (version, version_minor, name, validator.get_current_validator().name)
        if key not in kept:
            kept[key] = original(version, version_minor, True, name)
        return kept[key]
    get_validator.keeps_relaxed = True
    validator.get_validator = get_validator


@functools.lru_cache(maxsize=None)
def _exporter(template: str, config: tuple):
    """One nbconvert exporter per template and settings, made once (each new one compiles its templates again)."""
    from nbconvert import HTMLExporter, SlidesExporter
    exporter_class = SlidesExporter if template == "offline_reveal" else HTMLExporter
    # no "¶" anchor after each heading: here ¶ means a paragraph of the essay, and a screen reader reads it out
    return exporter_class(template_name=template, extra_template_basedirs=[str(TEMPLATES)],
                          exclude_anchor_links=True, **dict(config))


def _html(nb, template: str, **config) -> str:
    if template == "offline_reveal":       # the theme the decks ship (REVEAL_FILES), not nbconvert's default "simple"
        config.setdefault("reveal_theme", "white")
    _keep_relaxed_validators()
    exporter = _exporter(template, tuple(sorted(config.items())))
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": page_title(nb)}})
    return heading_ids(body)


HEADING_RE = re.compile(r"<(h[1-6])((?:(?!\bid=)[^>])*)>(.*?)</\1>", re.S)


def heading_id(text: str) -> str:
    """The anchor JupyterLab and nbconvert give a heading: its text with spaces as hyphens ("The series" ->
    "The-series"), so ``[Series map](#The-series)`` lands on it in both (helpers.lessons.heading_anchor is the same
    rule for a heading's Markdown)."""
    return re.sub(r"\s+", "-", html.unescape(re.sub(r"<[^>]+>", "", text)).strip())


def heading_ids(page: str) -> str:
    """Give every heading without an id the anchor of ``heading_id`` (nbconvert adds ids only together with the
    "¶" link we leave out); a repeated heading gets -2, -3 … so no id is used twice."""
    used = set(re.findall(r'\bid="([^"]*)"', page))

    def add(m: re.Match) -> str:
        anchor = heading_id(m.group(3))
        if not anchor:
            return m.group(0)
        unique, n = anchor, 1
        while unique in used:
            n += 1
            unique = f"{anchor}-{n}"
        used.add(unique)
        return f'<{m.group(1)} id="{html.escape(unique)}"{m.group(2)}>{m.group(3)}</{m.group(1)}>'
    return HEADING_RE.sub(add, page)


def page_title(nb) -> str:
    """The page's title, as a browser tab and a screen reader name it: the notebook's first heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = re.search(r"(?m)^#{1,2}\s+(.+?)\s*$", cell.source)
            if heading:
                return re.sub(r"[*_`]|<[^>]+>", "", heading.group(1))
    return "We are losing, but we can win: a study notebook"


def _page(title: str, body: str, style: str = "", page_style: str = "") -> str:
    """A printable page: the base style, then ``style``, then the print style sheet, then ``page_style`` (which can
    therefore change what the print style sets, such as the @page margins of a one-page sheet)."""
    base = """
body { font-family: Arial, Helvetica, sans-serif; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem;
       font-size: 11pt; line-height: 1.4; }
h1 { font-size: 1.45em; } h2 { font-size: 1.15em; margin-top: 1.4em; border-bottom: 1px solid #aaa; }
h3 { font-size: 1em; margin: 0.8em 0 0.3em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; margin: 0.45em 0; }
.pair > div[lang=es] { color: #222; }
.pair > div > p { margin: 0; }
.pair ul.asks { margin: 0; padding-left: 0; list-style-position: inside; } .pair ul.asks li { margin: 0; }   /* what a long question asks, a short list */
.pair.stack { grid-template-columns: 1fr; gap: 0.25em; }   /* a long command: the English above the Spanish */
.address { border: 1.5px solid #555; padding: 0.4em 0.8em; margin: 0.8em 0; overflow-wrap: anywhere; }
.address .write-line { border-bottom: 1px solid #333; height: 1.6em; margin: 0.2em 0 0.3em; }
.address .small { font-size: 0.85em; color: #444; margin: 0; }
code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 0.9em; white-space: nowrap; }  /* a command is never split across lines */
.lead { border: 1px solid #888; padding: 0.5em 0.8em; }
table { border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left;
       vertical-align: top; }
"""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{base}{style}{PRINT_CSS}{page_style}</style></head>"
            f"<body><main>\n{body}\n</main></body></html>\n")
