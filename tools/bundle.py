"""``make bundle``: two zips to carry on a USB stick or a shared drive, each unzipping into one folder with a
start-here page at its top.

- build/we-are-losing-study.zip (the participant bundle; the name the setup page gives participants): the
  notebooks as participant editions (no worked solutions, no facilitator notes), everything to run them on a
  computer (helpers/, the essay and its annotations, requirements.txt, environment.yml, pyproject.toml, the
  Makefile, the README), and, in print/, the reader's edition, the participant packet, the handout, the argument
  on one page, the glossary, the setup page, the "Who said it?" cards and each lesson's printable page, as HTML
  and PDF. Nothing for maintainers: no tests, tools, CI, facilitator guide or answers.
- build/we-are-losing-facilitator.zip (the facilitator bundle): the same, with the facilitator editions as its
  notebooks, and facilitator/ (the facilitator guide, the run sheets, the day-of checklists, the answers to the
  cards and each lesson with its solutions, as HTML and PDF) and slides/ (one deck per meeting of each plan and
  the group agreements, offline).

The project files come from the committed files (``git archive``), so nothing local (.venv, checkpoints,
uncommitted edits) goes in; in a folder that is not a git clone (a GitHub zip download), from the files on disk,
without what .gitignore leaves out; the editions are built by ``make handouts`` (tools/editions.py, with their PDFs).
This is the route that needs no public repository: publishing the project (public GitHub, Binder) redistributes
the essay, whose rights stay with its authors. Participants unzip their bundle and follow the setup page.

    python -m tools.bundle [--out build] [--built build] [--ref HEAD]
"""
from __future__ import annotations

import argparse
import fnmatch
import html
import io
import posixpath
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

from helpers.errors import HelperError
from helpers.essay import DEFAULT_READING, PROJECT, load_essay

NAME = "we-are-losing-study"                 # the participant bundle: the zip the setup page names
FACILITATOR = "we-are-losing-facilitator"
# the committed files a participant needs to run the notebooks by the setup page's local routes (make lab;
# python -m venv and pip install -r requirements.txt, which installs helpers/ from pyproject.toml; conda)
PROJECT_FILES = ["README.md", "LICENSE", "CITATION.cff", "requirements.txt", "environment.yml", "pyproject.toml",
                 "Makefile", "helpers", "seeds", "notebooks/we-are-losing-reader.html"]
# the facilitator guide (notebook 05) reads the measured hub run and the hub's configuration for its sizing table
FACILITATOR_FILES = ["hub/measured.yml", "hub/z2jh-config.yaml"]
# built pages for participants: build/participant/<name> -> print/<name> (html and pdf)
PARTICIPANT_PAGES = ["packet", "handout", "summary", "glossary", "setup", "cards", "cards-es"]
START = "start-here.html"


def committed(paths: list[str], ref: str = "HEAD", project: Path = PROJECT) -> dict[str, bytes]:
    """The committed files under ``paths`` at ``ref``, as {path: bytes} (``git archive``: nothing local).

    Outside a git clone (a copy made by ``git archive``, or the zip GitHub offers for download), the same files
    are read from disk, leaving out what the project's .gitignore leaves out (a local environment, caches,
    checkpoints, builds): ``on_disk``."""
    if not (project / ".git").exists():
        return on_disk(paths, project)
    try:
        result = subprocess.run(["git", "archive", "--format=tar", ref, "--", *paths], cwd=project, check=True,
                                capture_output=True)
    except FileNotFoundError:
        return on_disk(paths, project)      # a clone, but no git on this computer: the files as they are on disk
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"git archive failed in {project}: {exc.stderr.decode(errors='replace').strip()}\n"
                         "Run it inside a git clone of the project, with at least one commit.") from None
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


# what .gitignore leaves out when the project has none (a copy that lost it)
IGNORED = [".venv", "__pycache__/", "*.pyc", ".pytest_cache/", ".ipynb_checkpoints/", "build/", ".hypothesis/",
           "*.egg-info/", "hub/node_modules/"]


def ignored(path: str, patterns: list[str]) -> bool:
    """``path`` (relative, with /) is left out by the .gitignore ``patterns`` (the forms the project's file uses:
    a name or glob, a trailing / for a folder, a leading ! to keep a path a pattern before left out)."""
    parts = path.split("/")
    out = False
    for pattern in patterns:
        keep = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        if "/" in pattern:
            hit = any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts) + 1))
        else:
            hit = any(fnmatch.fnmatch(part, pattern) for part in parts)
        if hit:
            out = not keep
    return out


def on_disk(paths: list[str], project: Path = PROJECT) -> dict[str, bytes]:
    """The files under ``paths`` as they are on disk in ``project``, as {path: bytes}, without what .gitignore
    leaves out: what ``committed`` gives in a project folder that is not a git clone."""
    gitignore = project / ".gitignore"
    patterns = IGNORED
    if gitignore.is_file():
        lines = gitignore.read_text(encoding="utf-8").splitlines()
        patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    files: dict[str, bytes] = {}
    for name in paths:
        where = project / name
        if not where.exists():
            raise SystemExit(f"{where} is missing, so the bundle cannot hold it. Download or copy the whole "
                             "project again (or clone it with git), then run make bundle.")
        found = [where] if where.is_file() else sorted(p for p in where.rglob("*") if p.is_file())
        for path in found:
            rel = path.relative_to(project).as_posix()
            if not ignored(rel, patterns):
                files[rel] = path.read_bytes()
    return files


def _need(path: Path) -> Path:
    if not path.is_file():
        raise HelperError(path, "was not built, so the bundle cannot hold it.",
                          "run `make handouts` (with Chromium for the PDFs) and then `make bundle`, or run "
                          "`make bundle` alone, which builds them.")
    return path


def _pages(folder: Path, names: list[str], where: str) -> dict[str, Path]:
    """{path in the bundle: built file} for the .html and .pdf of each name in ``folder``."""
    return {f"{where}/{n}.{ext}": _need(folder / f"{n}.{ext}") for n in names for ext in ("html", "pdf")}


def _lessons(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("[0-9][0-9]_*.ipynb"))


def _spanish_pages(built: Path) -> list[str]:
    """The built pages of the Spanish a version for Spanish readers reads together (tools.packet.spanish_attachments),
    which its reading message attaches: in print/ with the message's other attachments, in both kits."""
    return sorted(p.stem for p in (built / "participant").glob("spanish-*.html"))


def _spanish_items(built: Path, reading: str = DEFAULT_READING) -> str:
    """One line of a start page's list for each page of the Spanish a version for Spanish readers reads together."""
    from helpers import workshop
    from tools.decks import _listed
    sheets = workshop.load_spanish_sheet(load_essay(reading))
    items = []
    for stem in _spanish_pages(built):
        numbers = sorted(sheets[stem.removeprefix("spanish-")]["paragraphs"])
        items.append(_item(f"print/{stem}", f"The Spanish of {_listed(numbers)}", "for a session's version for "
                           "Spanish readers: the paragraphs it reads together, in this kit's own Spanish; its reading "
                           "message attaches it.", "Para la versión de una sesión para quienes leen mejor en español: "
                           "los párrafos que se leen juntos, en la traducción de este material; va adjunto al mensaje "
                           "con la lectura.", f"Los {_listed(numbers, 'es')} en español"))
    return "".join(items)


def participant_files(built: Path) -> dict[str, Path]:
    """What the participant bundle holds besides the committed project files: {path in the bundle: built file}."""
    part = built / "participant"
    files = {f"notebooks/{n}.ipynb": _need(part / f"{n}.ipynb") for n in _lessons(part)}
    sheets = sorted(p.stem for p in part.glob("exercise-*.html"))        # tools.packet.exercise_sheets
    spanish = _spanish_pages(built)         # what the reading message of a version for Spanish readers attaches
    files |= _pages(part, PARTICIPANT_PAGES + sheets + spanish + _lessons(part), "print")
    files |= {"print/reader-edition.html": _need(built / "reader" / "essay.html"),
              "print/reader-edition.pdf": _need(built / "reader" / "essay.pdf")}
    return files


def facilitator_files(built: Path) -> dict[str, Path]:
    """The facilitator bundle's built files: the participant's, with the facilitator editions as the notebooks,
    the facilitator's pages and the session decks."""
    fac = built / "facilitator"
    files = {k: v for k, v in participant_files(built).items() if not k.startswith("notebooks/")}
    files |= {f"notebooks/{n}.ipynb": _need(fac / f"{n}.ipynb") for n in _lessons(fac)}
    pages = sorted({p.stem for p in fac.glob("*.html")})
    files |= _pages(fac, pages, "facilitator")
    slides = built / "slides"
    decks = sorted(p.name for p in slides.glob("*.slides.html") if not p.name[:2].isdigit())
    files |= {f"slides/{d}": slides / d for d in decks}
    files |= {f"slides/{p.relative_to(slides)}": p for p in sorted((slides / "reveal.js").rglob("*")) if p.is_file()}
    return files


# ---- the start-here pages ------------------------------------------------------------------------------------

STYLE = """
ul.files { padding-left: 1.2em; } ul.files li { margin: 0.35em 0; }
.first { border: 2px solid #333; padding: 0.5em 0.9em; margin: 0.8em 0; } .first h2 { margin-top: 0.2em; }
"""


def _link(href: str, label: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(label)}</a>'


def _item(stem: str, label: str, en: str, es: str = "", label_es: str = "") -> str:
    """One line of the list: the page to open in a browser and the PDF to print, in plain words; with ``label_es``,
    the link labels in English and Spanish."""
    spanish = f' <span lang="es"><i>{html.escape(es)}</i></span>' if es else ""
    what = f": {html.escape(en)}" if en else ""
    if label_es:
        label, pdf = f"{label} · {label_es}", "PDF to print · PDF para imprimir"
    else:
        pdf = "PDF to print"
    return f"<li>{_link(stem + '.html', label)} ({_link(stem + '.pdf', pdf)}){what}{spanish}</li>"


def _lesson_items(folder: str, lessons: list[str], titles: dict[str, str], titles_es: dict[str, str] | None = None) -> str:
    """One line per lesson page; with ``titles_es``, its label in Spanish too."""
    def label(n: str) -> str:
        en = f"Notebook {n[:2]}, {titles.get(n[:2], n[3:])}"
        return f"{en} · Cuaderno {n[:2]}, {titles_es[n[:2]]}" if titles_es and n[:2] in titles_es else en
    return "".join(f"<li>{_link(f'{folder}/{n}.html', label(n))} "
                   f"({_link(f'{folder}/{n}.pdf', 'PDF')})</li>" for n in lessons)


def start_here_participant(built: Path, reading: str = DEFAULT_READING) -> str:
    """The participant bundle's start-here page: what is in it and what to open first, English and Spanish."""
    from helpers import workshop
    from tools.decks import _short_titles
    from tools.handout import _pair
    from tools.pages import _page
    essay = load_essay(reading)
    title = essay.meta["title"]
    lessons = _lessons(built / "participant")
    items = [
        _item("print/packet", "The participant packet", "the agenda of each meeting, the group agreements, what to "
              "read before each meeting, setting up, the discussion questions and the essay's argument on one page.",
              "Programa de cada reunión, acuerdos, lecturas, instalación, preguntas y el argumento en una página, "
              "en inglés y español.", "Cuadernillo para participantes"),
        _item("print/reader-edition", "The essay, reader's edition", "the whole essay with its paragraph numbers "
              "(¶), which everything else points to.", "El ensayo completo, en inglés, con sus números de párrafo (¶).",
              "El ensayo, edición de lectura"),
        _item("print/handout", "The handout", "the same content note, agreements, reading, setup and questions "
              "without the agendas.", "Lo mismo que el cuadernillo, sin los programas.", "Material para participantes"),
        _item("print/summary", "The argument on one page", "where the argument starts, the thesis and the three points, "
              "and where it ends: a page in English, then the same page in Spanish.",
              "Dónde empieza el argumento, la tesis y los tres puntos, y dónde termina: una página en inglés y la misma "
              "en español.", "El argumento en una página"),
        _item("print/glossary", "The glossary", "the people, places, organisations, events and ideas the essay "
              "names, A to Z.", "Personas, lugares, organizaciones, hechos e ideas que nombra el ensayo, de la A a la "
              "Z; con su nombre en español, y las definiciones en inglés.", "El glosario"),
        _item("print/setup", "The setup page", "how to run the notebooks on your computer.",
              "Cómo usar los cuadernos en su computadora, en inglés y español.", "La página de instalación"),
        _item("print/cards", "The \"Who said it?\" cards", "to print and cut for the pairs' exercise.",
              "Para imprimir y recortar para el ejercicio en parejas; instrucciones en inglés y español, citas en "
              "inglés.", "Las tarjetas '¿Quién lo dijo?'"),
        _item("print/cards-es", "The \"Who said it?\" cards with their Spanish", "for a version for Spanish readers: "
              "each quotation in English, and under it this kit's Spanish translation.", "Para la versión para "
              "quienes leen mejor en español: cada cita en inglés y, debajo, la traducción de este material.",
              "Las tarjetas '¿Quién lo dijo?' con su traducción"),
        _spanish_items(built),
    ]
    body = ("<h1>Start here · Empiecen aquí</h1>"
            f"<p>A study kit for the essay <em>{html.escape(title)}</em>, for the participants of a study group.</p>"
            + _pair({"en": "Everything here works on paper or in a web browser; nothing needs installing to read or "
                           "print it. The notebooks, to run on a computer, need the setup page first.",
                     "es": "Todo aquí funciona en papel o en un navegador web; no hay que instalar nada para leerlo o "
                           "imprimirlo. Para usar los cuadernos en una computadora, sigan primero la página de "
                           "instalación."}, cls="pair lead")
            + '<div class="first"><h2>Open first · Abran primero</h2>'
            + _pair({"en": "The participant packet: print it, or open it in a web browser. Then read the essay in "
                           "the reader's edition, as far as the agenda of your first meeting says.",
                     "es": "El cuadernillo para participantes: imprímanlo o ábranlo en un navegador web. Luego lean el "
                           "ensayo en la edición de lectura, hasta donde diga el programa de su primera reunión."})
            + f"<p>{_link('print/packet.html', 'Open the participant packet · Abrir el cuadernillo para participantes')}"
              f" · {_link('print/packet.pdf', 'the packet as a PDF to print · el cuadernillo en PDF para imprimir')}</p></div>"
            + '<h2>To read and print · Para leer e imprimir</h2><ul class="files">' + "".join(items) + "</ul>"
            + "<h3>Each lesson on paper · Cada lección en papel</h3>"
            + _pair({"en": "The notebooks as they print, with their results, to read without a computer.",
                     "es": "Los cuadernos tal como se imprimen, con sus resultados, para leerlos sin computadora "
                           "(en inglés)."})
            + f'<ul class="files">{_lesson_items("print", lessons, _short_titles(), workshop.notebook_titles_es(essay))}</ul>'
            + "<h2>To run on a computer · Para usar en una computadora</h2>"
            + _pair({"en": "Follow the setup page: this folder is the project folder it speaks of. It holds the "
                           "notebooks (in the folder named notebooks), the essay and what the notebooks need. "
                           "Start with notebook 00.",
                     "es": "Sigan la página de instalación: esta carpeta es la carpeta del proyecto de la que habla. "
                           "Contiene los cuadernos (en la carpeta notebooks), el ensayo y lo que los cuadernos "
                           "necesitan. Empiecen por el cuaderno 00."})
            + _pair({"en": "The worked solutions and the facilitator's notes are not in this kit: the facilitator "
                           "has them.",
                     "es": "Las soluciones y las notas para quien facilita no están en esta carpeta: las tiene quien "
                           "facilita."}))
    return _page("Start here: the study kit", body, STYLE)


def pdf_pages(path: Path) -> int:
    """The number of pages of a PDF."""
    from pypdf import PdfReader
    return len(PdfReader(path).pages)


def meeting_labels(found: list[str], plan: str | None = None) -> list[str]:
    """How the print list names each file of a printout that has one per meeting: "meeting 1", and a meeting's
    version for a room with Spanish readers as what it is, a replacement for that meeting's page, not another one;
    with ``plan``, a file with no meeting number after the plan's id (a plan's packet) is "as planned" or its version.

    >>> meeting_labels(["facilitator/run-sheet-single-90-1.pdf", "facilitator/run-sheet-single-90-1-spanish.pdf"])
    ['meeting 1', 'meeting 1, for a room with Spanish readers (print it instead, for that room)']
    >>> meeting_labels(["facilitator/packet-single-90.pdf", "facilitator/packet-single-90-spanish.pdf"], "single-90")
    ['as planned', 'for a room with Spanish readers (print it instead, for that room)']
    """
    from tools.decks import VERSION_TITLES
    labels = []
    for n, name in enumerate(found, start=1):
        version = next((v for v in VERSION_TITLES if re.search(rf"-{v}\.\w+$", name)), "")
        instead = f"{VERSION_TITLES[version]} (print it instead, for that room)" if version else ""
        m = re.search(rf"-{re.escape(plan)}-(\d+)" if plan else r"-(\d+)(?:-[a-z]+)?\.\w+$", name)
        if m:
            labels.append(f"meeting {m.group(1)}" + (f", {instead}" if instead else ""))
        else:
            labels.append(instead or ("as planned" if plan else f"part {n}"))
    return labels


def _as_printed(found: list[str]) -> list[str]:
    """The files of a printout in print-list order: each version right after what it replaces."""
    plain = {k: re.sub(r"-[a-z]+(?=\.\w+$)", "", k) for k in found}
    return sorted(found, key=lambda k: (plain[k], plain[k] != k, k))


def print_lists(built: Path, reading: str = DEFAULT_READING) -> str:
    """The facilitator's "What to print": a table per plan (sessions.yml, print) of each printout, its copies and
    its pages, counted from the PDF the facilitator's kit holds."""
    from helpers import workshop
    essay = load_essay(reading)
    files = facilitator_files(built)
    parts = ['<h2 id="print">What to print</h2><p>For each plan: every printout once, how many copies, and the '
             "pages of one copy. The pages are US Letter; on A4 paper they print at 100% (actual size) with nothing "
             "cut off.</p>"]
    for plan, rows in workshop.load_print_lists(essay).groupby("plan", sort=False):
        trs, each = [], 0
        for r in rows.itertuples():
            if r.only == "version for Spanish readers":     # its own list below names it (the Spanish cards)
                continue
            found = _as_printed([k for k in files if fnmatch.fnmatchcase(k, r.file)])
            if not found:
                raise HelperError(essay.folder / workshop.PLANS, f"the printout {r.printout!r} of plan {plan} is "
                                  f"{r.file}, which the facilitator's kit does not hold.",
                                  "give its file under printouts as a path in the kit (like print/packet.pdf), or "
                                  "run `make bundle` again if the handouts were not all built.")
            labels = meeting_labels(found, plan) if len(found) > 1 else [r.name]
            if len(found) > 1:      # each meeting's own pages (a paper edition of 13 pages, another of 2)
                labels = [f"{label} ({_pages_said(pdf_pages(files[k]))})" for k, label in zip(found, labels)]
            # a version for a room with Spanish readers replaces its meeting's page: not counted again
            pages = sum(pdf_pages(files[k]) for k, label in zip(found, labels) if "instead" not in label)
            each += pages if r.copies == "each participant" else 0
            links = _link(found[0], r.name) if len(found) == 1 else html.escape(r.name) + " (" + ", ".join(
                _link(k, label) for k, label in zip(found, labels)) + ")"
            trs.append(f"<tr><td>{links}</td><td>{html.escape(r.copies)}</td><td>{pages}</td></tr>")
        parts.append(f"<h3>{html.escape(rows.plan_title.iloc[0])}</h3>"
                     '<table class="print-list"><tr><th>print</th><th>copies</th><th>pages of one copy</th></tr>'
                     + "".join(trs) + f"</table><p>Each participant's own copies come to {each} pages.</p>")
        if any(k.endswith("-spanish.pdf") for r in rows.itertuples() for k in files if fnmatch.fnmatchcase(k, r.file)):
            parts.append(_version_print_list(files, workshop.version_print_list(rows, plan)))
    return "".join(parts)


def _version_print_list(files: dict, rows) -> str:
    """The print list of a plan's version for a room with Spanish readers: its own copy of each printout that has
    one (sessions.yml printouts, ``version``), the plan's of the rest, without what only the plan as planned prints
    (``only: as planned``); pages counted from the PDFs."""
    trs, each = [], 0
    for r in rows.itertuples():
        found = [k for k in _as_printed([k for k in files if fnmatch.fnmatchcase(k, r.file)])
                 if k.endswith("-spanish.pdf") == bool(r.version)]
        if not found:        # a printout with one file per meeting, none of them for this version's meetings
            continue
        pages = sum(pdf_pages(files[k]) for k in found)
        each += pages if r.copies == "each participant" else 0
        name = f"{r.name.split(' (')[0]}: its own {r.version}" if r.version else r.name
        links = (_link(found[0], name) if len(found) == 1 else
                 html.escape(name) + " (" + ", ".join(_link(k, f"{_part_label(k, n)} ({_pages_said(pdf_pages(files[k]))})")
                                                      for n, k in enumerate(found, 1)) + ")")
        trs.append(f"<tr><td>{links}</td><td>{html.escape(r.copies)}</td><td>{pages}</td></tr>")
    return ("<h4>For a room with Spanish readers: this version's print list, instead of the one above</h4>"
            '<table class="print-list"><tr><th>print</th><th>copies</th><th>pages of one copy</th></tr>'
            + "".join(trs) + f"</table><p>Each participant's own copies come to {each} pages.</p>")


def _pages_said(n: int) -> str:
    return f"{n} page" + ("" if n == 1 else "s")


def _part_label(name: str, n: int) -> str:
    """How a version's print list names one of a printout's files: "meeting 2" for a meeting's own, else "part n"."""
    m = re.search(r"-(\d+)-[a-z]+\.\w+$", name)
    return f"meeting {m.group(1)}" if m else f"part {n}"


def exercise_pages(pdf: Path, notebook: Path) -> dict[int, tuple[int, int]]:
    """Where each exercise of a lesson is in its printed edition: {exercise number: (page of its heading, page of
    its worked solution)}, read from the built PDF's text (pypdf), not typed (issue 20: "01 Exercise 2:
    p. 37, solution p. 38"). An exercise is found by its heading's text in the notebook ("Exercise 2: classify a
    passage"), on the page where a worked solution follows it before the next exercise; its solution is the first
    page after it that says "Worked solution".

    Parameters:
        pdf: the lesson's built PDF (the facilitator edition, which prints the solutions).
        notebook: the lesson's notebook, whose "## Exercise n: …" headings are looked for.

    Returns:
        {n: (page, solution page)}, pages counted from 1 as a PDF viewer shows them; an exercise whose heading, or
        whose solution after it, is not found is left out.

    Example:
        >>> exercise_pages(Path("build/facilitator/01_argument_structure.pdf"),
        ...                Path("notebooks/01_argument_structure.ipynb"))[2]    # doctest: +SKIP
        (37, 38)
    """
    import nbformat
    from pypdf import PdfReader
    headings = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        m = re.search(r"(?m)^#+\s*(Exercise (\d+):[^\n]*)$", cell.source) if cell.cell_type == "markdown" else None
        if m:
            headings[int(m.group(2))] = " ".join(re.sub(r"[*_`]", "", m.group(1)).split())
    # NFKC: the PDF's text has the printed ligatures ("ﬁnd" for "find")
    texts = [" ".join(unicodedata.normalize("NFKC", page.extract_text() or "").split())
             for page in PdfReader(pdf).pages]
    solutions = [i for i, t in enumerate(texts) if "Worked solution" in t]
    found = {}
    for n, heading in sorted(headings.items()):
        candidates = []
        for i in (i for i, t in enumerate(texts) if heading in t):
            solution = next((j for j in solutions if j >= i), None)
            following = next((j for j, t in enumerate(texts) if j >= i and n + 1 in headings
                              and headings[n + 1] in t), None)
            # a contents list names the next exercise on the same page: the heading itself has its solution first
            if solution is not None and (following is None or following >= solution):
                candidates.append((solution - i, i, solution))
        if candidates:       # a page that names the exercise earlier (a route through the lesson) is further off
            _, i, solution = min(candidates)
            found[n] = (i + 1, solution + 1)
    return found


def _with_pages(steps: list[dict], built: Path | None) -> list[dict]:
    """The route's steps, each exercise's ``where`` giving its pages in the facilitator's printed lesson, read from
    the built PDF (``exercise_pages``); the steps unchanged without ``built``. For the full routes only: the minimum
    route's box counts its own words as its start page step (tools.decks.preparation_routes), without the pages."""
    if built is None:
        return steps
    out = []
    for step in steps:
        step = dict(step)
        if step["reads"] == "exercise":
            stem = step["notebook"]
            pages = exercise_pages(built / "facilitator" / f"{stem}.pdf", built / "facilitator" / f"{stem}.ipynb")
            at = pages.get(int(step["exercise"]))
            if at:
                said = f"{stem[:2]} Exercise {step['exercise']}: p. {at[0]}, solution p. {at[1]}, in its PDF"
                step["where"] = "; ".join(w for w in (step.get("where", ""), said) if w)
        out.append(step)
    return out


def _route_link(step: dict, plan: str, version: str = "") -> str:
    """Where in the facilitator's kit a step of the preparation route is read (``version``: "-spanish" for the
    route of a meeting's version for Spanish readers, whose run sheet and deck are its own)."""
    return {"start page": f"#{_anchor(plan, version)}", "run sheet": f"facilitator/run-sheet-{plan}-1{version}.html",
            "safety notes": "facilitator/05_facilitator_guide.html#Content-note-and-group-agreements",
            "setup page": "print/setup.html", "essay": "print/reader-edition.html",
            # the plan's glossary excerpt when its segments name entries (tools.packet.glossary_excerpts)
            "glossary": f"facilitator/glossary-{plan}.html" if plan in _excerpt_plans() else "print/glossary.html",
            "exercise": f"facilitator/{step.get('notebook', '')}.html",
            "notebook": f"facilitator/{step.get('notebook', '')}.html", "deck": f"slides/{plan}-1{version}.slides.html",
            "checklist": f"facilitator/checklist-{plan}-1{version}.html",
            "reading message": "facilitator/reading-message.html",
            "notes": f"facilitator/notes-{plan}-1{version}.html", "install": "print/setup.html",
            "short notes": f"facilitator/short-notes-{plan}-1{version}.html",
            "rehearse": f"facilitator/short-notes-{plan}-1{version}.html", "arrange": ""}[step["reads"]]


def _anchor(plan: str, version: str = "", full: bool = False) -> str:
    """The start page's anchor of a plan's route box (``full``: its full route, under the reference part)."""
    return f"{'full' if full else 'route'}-{plan}{version}"


PARTICIPANT_KIT = "for-participants"        # the folder of the facilitator's kit that holds the participants' zip


def minimum_routes(plans) -> str:
    """The start page's lead: each plan's minimum preparation route, then its version for Spanish readers' (review
    21: the route was 2 h 45 of reading below 4,989 words of page, none of it counted)."""
    from tools import decks
    parts = list(decks._sheet_parts(versions=True))
    out = []
    for spanish in (False, True):
        mine = [p for p in parts if bool(p[2].iloc[0].version) == spanish]
        for plan, steps in decks.preparation_routes(parts=mine, minimum=True).items():
            version = "-spanish" if spanish else ""
            out.append((plan, spanish, decks.minimum_route_html(
                steps, links=[_route_link(step, plan, version) for step in steps],
                title=plans[plans.plan == plan].plan_title.iloc[0], version=spanish, anchor=_anchor(plan, version),
                arranging_link=f"#{_anchor(plan, version, full=True)}")))
    # each plan's box, then its version's
    order = list(dict.fromkeys(p for p, *_ in out))
    return "".join(box for plan in order for p, spanish, box in sorted(out, key=lambda o: o[1]) if p == plan)


def _excerpt_plans() -> set[str]:
    from tools import packet
    return set(packet.glossary_excerpts())


def _routes(plans, built: Path | None = None) -> str:
    """The preparation route of each plan that has one (sessions.yml, prepare), for the start page's first box."""
    from tools import decks
    from helpers import load_essay, workshop
    sheets = workshop.load_spanish_sheet(load_essay())

    def sheets_of(plan: str) -> bool:
        """Whether a meeting of the plan has a Spanish sheet (its version's packet ends with it)."""
        return any(key.startswith(f"{plan}-") for key in sheets)
    out = []
    parts = list(decks._sheet_parts(versions=True))
    versions = decks.preparation_routes(parts=[p for p in parts if p[2].iloc[0].version])
    for plan, steps in decks.preparation_routes().items():
        title = plans[plans.plan == plan].plan_title.iloc[0]
        out.append(f'<h3 id="{_anchor(plan, full=True)}">The full route for '
                   f"{html.escape(title[:1].lower() + title[1:])}</h3>"
                   "<p>Everything the session uses, instead of the whole guide; its run sheet gives the same totals.</p>"
                   + decks.route_html(_with_pages(steps, built), links=[_route_link(step, plan) for step in steps],
                                      label="this series" if plans[plans.plan == plan].meeting.nunique() > 1
                                      else "this session"))
        version = versions.get(plan)
        spanish = [stem for stem in _spanish_pages(built) if stem.startswith(f"spanish-{plan}-")] if built else []
        if version:
            # only a version with a Spanish sheet has those last pages (the series' versions have none: session 20)
            out.append(f'<h3 id="{_anchor(plan, "-spanish", full=True)}">For a room with Spanish readers: this '
                       "version's own full route</h3><p>Its run sheet, its deck "
                       "and only the paragraphs it uses" + (" (its own packet's last pages, the Spanish sheet, are worth "
                       "reading too: ¶49, three glossary entries and the key points in Spanish)." if sheets_of(plan) else ".")
                       + (" Its reading message attaches the Spanish of the paragraphs it reads together, a page of "
                          f"its own ({', '.join(_link(f'print/{stem}.pdf', 'PDF') for stem in spanish)})."
                          if spanish else "") + "</p>"
                       + decks.route_html(_with_pages(version, built),
                                          links=[_route_link(step, plan, "-spanish") for step in version],
                                          version=True))
    if out:
        from helpers import workshop
        tasks = workshop.load_handout(load_essay())["over_the_week"]
        out.append("<h3>Over the week, task by task</h3><p>The route above counts the reading, the rehearsal and "
                   "the arranging; here is each task of the week in full (the minutes of the arranging vary with your "
                   f"place and group). The {_link('facilitator/reading-message.html', 'reading message')} is ready to "
                   "send, in English and Spanish.</p><ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in tasks)
                   + "</ul>")
    return "".join(out)


def python_range() -> tuple[str, str, str]:
    """(lowest, newest, first that does not work) of the Pythons the pins install on, read from pyproject.toml's
    requires-python (tests/test_python_range.py holds it to the pins)."""
    import tomllib
    spec = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    low, high = re.fullmatch(r">=(\d+\.\d+),<(\d+\.\d+)", spec.replace(" ", "")).groups()
    major, minor = high.split(".")
    return low, f"{major}.{int(minor) - 1}", high


def computers_optional(plans) -> str:
    """Review12: single-90 asked everyone to install Python for one screen segment. Say, per plan with one meeting,
    how many minutes use the computers, that the whole session runs on paper, and which Python to choose."""
    low, newest, broken = python_range()
    said = []
    for pid, rows in plans.groupby("plan", sort=False):
        if rows.meeting.nunique() != 1:
            continue
        screen = rows[(rows.notebook != "") & ~rows.paper.astype(bool) & (rows.topic != "setup")]
        said.append(f"{html.escape(rows.plan_title.iloc[0])} uses the computers for {int(screen.minutes.sum())} of its "
                    f"{int(rows.length.iloc[0])} minutes ({html.escape(', '.join(screen.topic))})")
    return ("<p><b>Computers are optional.</b> " + ("; ".join(said) + ". " if said else "")
            + "The whole session can run on paper: every segment has a paper route (the plan's packet, the reader's "
            "edition and the printed exercise sheets), and a figure a screen segment shows is on its slide. If "
            f"participants do install, they choose Python {low} to {newest}: the newest, {broken}, does not work with "
            f"this kit yet (on python.org's Downloads page, pick a {newest} release; the setup page says so too).</p>")


def sharing_html(kit_bytes: int | None) -> str:
    """The facilitator start page's "Getting the kit to people without a link" (issue 20): e-mail in BCC, a shared
    folder or a USB stick, with the participants' zip's size as measured when it was written (``kit_bytes``; None:
    the size is not said). It gives no time of its own for sending: it defers to the reading message's page, which
    says when each message goes (tools.decks._when_sent).

    Parameters:
        kit_bytes: the size in bytes of the participants' zip, read from the file just written (``bundles``).

    Returns:
        The section's HTML: a heading (h3), a line and a list, one item a way.

    Example:
        >>> "9.4 MB" in sharing_html(9_400_000)
        True
    """
    from tools.decks import CHAT_PRIVACY
    from tools.release import size
    # no file name on the page (tests/test_bundle.py): the zip is named by where it is
    said = (f"The participants' kit, the zip file in the folder named {PARTICIPANT_KIT}, is {size(kit_bytes)}."
            if kit_bytes else f"The participants' kit is the zip file in the folder named {PARTICIPANT_KIT}.")
    ways = [
        ("By e-mail", f"attach the zip to the reading message, when its page says to send it. "
                      f"{CHAT_PRIVACY['en']} If your e-mail service refuses an attachment of that size, or a zip "
                      "file, use a shared folder instead."),
        ("A shared folder", "put the zip in a folder on a shared drive your group already uses, and write where "
                            "it is in the reading message's blank for where to get the project."),
        ("A USB stick", "copy the zip (not the unzipped folder) onto one or more USB sticks and pass them round, "
                        "so people copy it onto their own computer before they unzip it; bring a stick on the day "
                        "for anyone who could not get it."),
    ]
    items = "".join(f"<li><b>{html.escape(way)}:</b> {html.escape(text)}</li>" for way, text in ways)
    return ('<h3 id="sharing">Getting the kit to people without a link</h3>'
            f"<p>{html.escape(said)} Send or hand it out with the "
            f"{_link('facilitator/reading-message.html', 'reading message')}, at the time that page gives for each "
            "message; people install it at home by the setup page before the meeting.</p>"
            f'<ul class="files">{items}</ul>')


def start_here_facilitator(built: Path, reading: str = DEFAULT_READING, kit_bytes: int | None = None) -> str:
    """The facilitator bundle's start-here page: what is in it, what to open first, what to give participants; with
    ``kit_bytes``, the participants' zip's measured size, in how to get it to people (``sharing_html``)."""
    from helpers import workshop
    from tools import decks
    from tools.handout import _pair
    from tools.pages import _page
    essay = load_essay(reading)
    plans = decks.kit_plans(essay)
    titles = decks._short_titles()
    sheets, slides, notes, short, checklists = [], [], [], [], []
    for plan, meeting, rows, _ in decks.meetings(reading, versions=True):
        name, stem = decks._title(rows, plans), decks.name_of(plan, meeting, rows)
        sheets.append(_item(f"facilitator/run-sheet-{stem}", name, ""))
        checklists.append(_item(f"facilitator/checklist-{stem}", name, ""))
        notes.append(_item(f"facilitator/notes-{stem}", name, ""))
        short.append(_item(f"facilitator/short-notes-{stem}", name, ""))
        slides.append(f"<li>{_link(f'slides/{stem}.slides.html', name)}</li>")
    excerpts = [_item(f"facilitator/glossary-{pid}", plans[plans.plan == pid].plan_title.iloc[0], "")
                for pid in dict.fromkeys(plans.plan) if pid in _excerpt_plans()]
    guide = _lessons(built / "facilitator")
    kit = f"{PARTICIPANT_KIT}/{NAME}.zip"
    lead = html.escape(decks.START_LEAD).replace(
        "the participants&#x27; kit", _link(kit, "the participants' kit"), 1)
    body = (f"<h1>{html.escape(decks.START_TITLE)}</h1>"
            f"<p>{lead}</p>"
            + minimum_routes(plans)
            + "<h2 id=\"reference\">Reference: the rest of the kit (skip it on a first reading)</h2>"
            f"<p>The essay is <em>{html.escape(essay.meta['title'])}</em>. This kit holds the participants' kit "
            f"({_link(kit, 'the zip file to hand out')}) and what is for the person leading only. For a plan of your "
            f"own: {_link('facilitator/05_facilitator_guide.html', 'the facilitator guide')} "
            f"({_link('facilitator/05_facilitator_guide.pdf', 'PDF to print')}).</p>"
            + computers_optional(plans)
            + "<h3>The full preparation routes</h3>" + _routes(plans, built)
            + "<h2 id=\"built\">Already built</h2>"
            "<p>Where the guide says to run <code>make handouts</code> or <code>make bundle</code> in a terminal, you "
            "can skip it: everything those commands make is already in this folder, and where the guide names a "
            "place in the build folder, the same thing is here. The handouts, the reader's edition and the cards are "
            f"listed {_link('#participants', 'for the participants')}; the run sheets, checklists, slides, answers "
            f"and lessons with solutions {_link('#leading', 'for the person leading')}; what to print for your plan, "
            f"with its pages, {_link('#print', 'under What to print')}. The participants' own kit is the zip file in "
            f"the folder named {PARTICIPANT_KIT}.</p>"
            + print_lists(built, reading)
            + "<h2 id=\"leading\">For the person leading</h2><h3>Run sheets, one page per meeting</h3><p>Times from 0:00 with a column to "
            "write the clock in, what to say or do, each question (a long one in short, with its slide), the "
            "sensitive parts flagged, for your clipboard; what to bring is on the day-of checklist.</p>"
            '<ul class="files">'
            + "".join(sheets) + "</ul><h3>Day-of checklists, one page per meeting</h3><p>Each beside its run sheet: what to print "
            'for the meeting and everything to bring, each thing once, with when it is used.</p><ul class="files">' + "".join(checklists) + "</ul>"
            + ("<h3>Glossary excerpts, one page per plan</h3><p>Only the glossary entries the plan's segments use, "
               "in English and Spanish: a plan that glosses a few terms hands out this page instead of the whole "
               f'glossary.</p><ul class="files">{"".join(excerpts)}</ul>' if excerpts else "")
            + "<h3>Facilitator's notes on paper, one per meeting</h3><p>The slides' speaker notes in order, with "
            "the worked solution of each exercise beside its segment: print them when the projector mirrors your "
            f'laptop, so the notes stay off the wall.</p><ul class="files">{"".join(notes)}</ul>'
            "<h3>The notes in short, one per meeting</h3><p>For preparing: each segment's essentials (what to say, "
            "what it asks, two likely answers, the flare-up line), from the same data as the notes.</p>"
            f'<ul class="files">{"".join(short)}</ul>'
            "<h3>Slides, one deck per meeting</h3><p>Open a deck in a web browser (it works with no connection); "
            "press F for full screen and S for the speaker notes, which carry the facilitator notes.</p>"
            f'<ul class="files">{"".join(slides)}'
            f"<li>{_link('slides/agreements.slides.html', 'The content note and the group agreements')}</li></ul>"
            f'<h3>Answers</h3><ul class="files">'
            + _item("facilitator/cards-answers", "\"Who said it?\" answers", "keep these until the pairs have guessed.")
            + "</ul><h3>Each lesson with its solutions and facilitator notes</h3>"
            f'<ul class="files">{_lesson_items("facilitator", [n for n in guide if not n.startswith("05")], titles)}</ul>'
            "<h2 id=\"participants\">For the participants</h2>"
            f"<p>Give participants the participant kit ({_link(kit, 'the zip file in the folder named ' + PARTICIPANT_KIT)}"
            "; never this folder, whose notebooks carry the solutions), or print for them "
            "the packet and the reader's edition below. Their kit is this one without the facilitator's pages, "
            "the slides and the solutions.</p>"
            '<ul class="files">'
            + _item("print/packet", "The participant packet", "agendas with blanks for date, place and your contact; "
                    "agreements; reading; setup; questions; the argument on one page.")
            + _item("print/reader-edition", "The essay, reader's edition", "with its paragraph numbers (¶).")
            + _item("print/glossary", "The glossary", "its own printout.")
            + _item("print/cards", "The \"Who said it?\" cards", "to print and cut.")
            + _item("print/cards-es", "The \"Who said it?\" cards with their Spanish", "for a version for Spanish "
                    "readers: each quotation in English with this kit's Spanish translation under it.")
            + _item("print/setup", "The setup page", "to send before the day.")
            + _spanish_items(built)
            + "</ul>" + sharing_html(kit_bytes)
            + "<h3>Each lesson on paper</h3><p>The lessons as participants print them, without the solutions, "
              "for anyone working without a computer.</p>"
            f'<ul class="files">{_lesson_items("print", _lessons(built / "participant"), titles)}</ul>'
            + "<h3>Which pages are in Spanish · Qué páginas están en español</h3>"
            + _pair({"en": "In English and Spanish, side by side: the participant packet (the agendas, the handout and "
                           "the argument on one page), the handout, the setup page, the argument on one page (a page "
                           "in English, then the same page in Spanish), a plan's glossary excerpt (its entries in "
                           "full in both languages), the participants' start page, the slides of the content note and the group agreements, and on each "
                           "session's slides every prompt, question, sensitive part and save reminder. "
                           "The glossary gives each term's Spanish name and its headings in both languages, but its "
                           "definitions only in English. The \"Who said it?\" cards give their instructions in both "
                           "languages and the quotations in English, as the essay prints them; the cards for "
                           "Spanish readers add this kit's Spanish under each quotation. "
                           # which sheets are in which language (facilitator review 25)
                           "For a room with Spanish readers, each version's run sheet is in Spanish, its lines for "
                           "hard moments in Spanish and then in English, for a facilitator who does not read Spanish; "
                           "its day-of checklist has its headings in both languages and names the things to bring in "
                           "English; its facilitator's notes say what to do in Spanish, then in English. A "
                           "facilitator who does not read Spanish leads that version from its notes, not from its run "
                           "sheet, whose rows are in Spanish only. In English "
                           "only: the essay, the notebooks and their printed lessons, the facilitator guide, the run "
                           "sheets and checklists of the meetings as planned, the notebooks' own slides and the "
                           "notebooks' solutions.",
                     "es": "En inglés y español, lado a lado: el cuadernillo para participantes (los programas, el "
                           "material para participantes y el argumento en una página), el material para "
                           "participantes, la página de instalación, el argumento en una página (una página en "
                           "inglés y la misma en español), el extracto del glosario de un plan (sus entradas completas "
                           "en los dos idiomas), la página de inicio "
                           "de participantes, las diapositivas del aviso sobre el contenido y los acuerdos del grupo y, en las "
                           "diapositivas de cada sesión, cada consigna, pregunta, tema sensible y recordatorio de guardar. "
                           "El glosario da el nombre en español de cada término y sus encabezados en los dos idiomas, "
                           "pero las definiciones solo en inglés. Las tarjetas '¿Quién lo dijo?' dan las "
                           "instrucciones en los dos idiomas y las citas en inglés, tal como aparecen en el ensayo; "
                           "las tarjetas para quienes leen en español agregan debajo de cada cita la traducción de "
                           "este material. "
                           "Para una sala con personas que leen mejor en español, la hoja de ruta de cada versión está "
                           "en español, con las frases para los momentos difíciles en español y luego en inglés, para "
                           "quien facilita y no lee español; su lista del día tiene los encabezados en los dos idiomas "
                           "y nombra en inglés lo que hay que llevar; sus notas dicen qué hacer en español y luego en "
                           "inglés. Quien facilita y no lee español dirige esa versión con sus notas, no con su hoja "
                           "de ruta, cuyas filas están solo en español. "
                           "Solo en inglés: el ensayo, los cuadernos y sus lecciones impresas, la guía para "
                           "quien facilita, las hojas de ruta y las listas de las reuniones tal como se planearon, las "
                           "diapositivas de los cuadernos y las soluciones de los cuadernos."})
            + "<h2>To run the notebooks</h2>"
            "<p>This folder is the project folder the setup page speaks of; its notebooks (in the folder named "
            "notebooks) are the facilitator editions, with the solutions.</p>")
    return _page("Start here: the facilitator's kit", body, STYLE)


# ---- writing the zips -------------------------------------------------------------------------------------

HREF_RE = re.compile(r'(href=")([^"#:]+)((?:#[^"]*)?")')


def relink(page: str, source: Path, where: str, placed: dict[str, str]) -> str:
    """A built page as it goes into the bundle at ``where``: a link to another built file follows that file to
    its place in the bundle (``placed``: {built file: path in the bundle}; the build's reader/essay.html is the
    bundle's print/reader-edition.html)."""
    def move(m: re.Match) -> str:
        target = placed.get(str((source.parent / html.unescape(m.group(2))).resolve()))
        if target is None:
            return m.group(0)
        return m.group(1) + html.escape(posixpath.relpath(target, posixpath.dirname(where) or ".")) + m.group(3)
    return HREF_RE.sub(move, page)


def _write(out: Path, name: str, project: dict[str, bytes], files: dict[str, Path], start: str) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    placed = {str(source.resolve()): path for path, source in files.items()}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{name}/{START}", start)
        for path, data in sorted(project.items()):
            if path.startswith("notebooks/") and not path.endswith("-reader.html"):
                continue                      # the bundle's notebooks are the editions (the reader's edition stays)
            z.writestr(f"{name}/{path}", data)
        for path, source in sorted(files.items()):
            if source.suffix == ".html":
                z.writestr(f"{name}/{path}", relink(source.read_text(encoding="utf-8"), source, path, placed))
            else:
                z.write(source, f"{name}/{path}")
    return out


def bundles(out: Path = PROJECT / "build", built: Path | None = None, ref: str = "HEAD",
            project: Path = PROJECT) -> dict[str, Path]:
    """Write the participant and the facilitator bundle into ``out``, from editions built in ``built`` (built now,
    with their PDFs, into ``out`` when not given). Returns {"participant": zip, "facilitator": zip}."""
    if built is None:
        from tools import editions
        editions.build(out, pdf=True)
        built = out
    base = committed(PROJECT_FILES, ref, project)
    participant = _write(out / f"{NAME}.zip", NAME, base, participant_files(built), start_here_participant(built))
    # the participants' kit inside the facilitator's, to hand out (review 21: the facilitator's zip lacked it)
    return {"participant": participant,
            "facilitator": _write(out / f"{FACILITATOR}.zip", FACILITATOR,
                                  base | committed(FACILITATOR_FILES, ref, project),
                                  facilitator_files(built) | {f"{PARTICIPANT_KIT}/{NAME}.zip": participant},
                                  # the size of the zip just written, measured (review: about 9 MB; never typed)
                                  start_here_facilitator(built, kit_bytes=participant.stat().st_size))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bundle", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=PROJECT / "build", help="where to write the zips (default: build/)")
    parser.add_argument("--built", type=Path, default=None,
                        help="take the editions already built there by `make handouts` (default: build them now)")
    parser.add_argument("--ref", default="HEAD", help="the commit whose project files go in (default: HEAD)")
    args = parser.parse_args(argv)
    try:
        written = bundles(args.out, args.built, args.ref)
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for who, path in written.items():
        shown = path.resolve().relative_to(PROJECT) if path.resolve().is_relative_to(PROJECT) else path
        print(f"wrote {shown} ({path.stat().st_size // 1024} KB): the {who} bundle; it unzips into one folder, "
              f"{path.stem}, with {START} at its top.")
    print("Copy the participant bundle to a USB stick or a shared drive; participants unzip it and open its start "
          "page, then follow the setup page. Keep the facilitator bundle for the person leading.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
