"""``make release``: what a facilitator downloads from a release page, built into build/release/.

The handouts and their PDFs (``make handouts``), the printable pages on their own, each edition as one zip, and
the participant and facilitator bundles (``make bundle``), with build/release-notes.md saying in plain words what each file is for. On a tag
``v…``, the release job of .github/workflows/test.yml runs this and attaches build/release/* to the release,
so a facilitator without a terminal gets everything from the repository's Releases page.

    python -m tools.release [--out build]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

from helpers.errors import HelperError
from tools import bundle, editions

PREFIX = "we-are-losing"
# (file in the release, what it is made from under build/, what it is for: English, Spanish)
ASSETS = [
    ("handout.pdf", "participant/handout.pdf",
     "The participant handout, in English and Spanish: content note, group agreements, reading before each meeting, setup, discussion questions (to print, one per person).",
     "El material para participantes, en inglés y español: aviso sobre el contenido, acuerdos del grupo, lectura antes de cada reunión, instalación, preguntas de discusión (para imprimir, un ejemplar por persona)."),
    ("reader-edition.pdf", "reader/essay.pdf",
     "The essay with its paragraph numbers (¶), to print and read on paper.",
     "El ensayo con sus números de párrafo (¶), para imprimir y leer en papel."),
    ("run-sheets.pdf", "facilitator/run-sheet-*.pdf",
     "The one-page run sheets, one per meeting of each plan: times, steps and questions (for the person leading).",
     "Las hojas de ruta de una página, una por reunión de cada plan: tiempos, pasos y preguntas (para quien facilita)."),
    ("checklists.pdf", "facilitator/checklist-*.pdf",
     "The day-of checklists, one page per meeting: what to print for it and everything to bring, each thing once, with when it is used.",
     "Las listas para el día, una página por plan: todo lo que hay que llevar, cada cosa una vez, con el momento en que se usa."),
    ("cards.pdf", "participant/cards.pdf",
     "The \"Who said it?\" cards, to print and cut.",
     "Las tarjetas '¿Quién lo dijo?', para imprimir y recortar."),
    ("facilitator-guide.pdf", "facilitator/05_facilitator_guide.pdf",
     "The facilitator guide: session plans, timings, notes and answers (for the person leading; not for participants).",
     "La guía para quien facilita: planes de sesión, tiempos, notas y respuestas (no es para participantes)."),
    ("participant-edition.zip", "participant",
     "Every lesson without its solutions, as pages to open in a browser and as PDFs, with the handout and cards.",
     "Todas las lecciones sin sus soluciones, como páginas para abrir en un navegador y como PDF, con el material para participantes y las tarjetas."),
    ("facilitator-edition.zip", "facilitator",
     "Every lesson with its solutions and facilitator notes, as pages and PDFs, with the cards' answers.",
     "Todas las lecciones con sus soluciones y notas para quien facilita, como páginas y PDF, con las respuestas de las tarjetas."),
    ("slides.zip", "slides",
     "One slide deck per meeting of each plan (prompts, questions, speaker notes), one per lesson, and the group agreements; unzip and open a deck in a browser (works offline).",
     "Una presentación por reunión de cada plan (consignas, preguntas, notas para quien facilita), una por lección y los acuerdos del grupo; descompriman y abran una en un navegador (funciona sin conexión)."),
    ("packet.pdf", "participant/packet.pdf",
     "The participant packet: an agenda per meeting (blanks for date, place and contact), the handout, and the essay's argument on one page in English and Spanish (to print, one per person).",
     "El cuadernillo para participantes: un programa por reunión (con espacios para fecha, lugar y contacto), el material para participantes y el argumento del ensayo en una página en inglés y español (para imprimir, uno por persona)."),
    ("glossary.pdf", "participant/glossary.pdf",
     "The glossary on its own: the people, places, organisations, events and ideas the essay names.",
     "El glosario aparte: las personas, lugares, organizaciones, hechos e ideas que nombra el ensayo."),
    ("study.zip", "bundle:participant",
     "The participant bundle, to copy to a USB stick or a shared drive: unzip it and open its start page; it holds the notebooks without solutions, the reader's edition, the packet and the setup page (running the notebooks needs a terminal).",
     "El archivo zip para participantes, para copiar a una memoria USB o una carpeta compartida: se descomprime y se abre su página de inicio; trae los cuadernos sin soluciones, la edición de lectura, el cuadernillo y la página de instalación (usar los cuadernos requiere una terminal)."),
    ("facilitator.zip", "bundle:facilitator",
     "The facilitator bundle: the participant bundle with the facilitator guide, run sheets, checklists, slide decks, answers and the lessons with solutions (for the person leading; not for participants).",
     "El archivo zip para quien facilita: el de participantes con la guía, las hojas de ruta, las listas, las presentaciones, las respuestas y las lecciones con soluciones (no es para participantes)."),
]


def zip_folder(folder: Path, out: Path) -> Path:
    """``folder`` as a zip that unzips into one folder named like the zip."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, Path(out.stem) / path.relative_to(folder))
    return out


def join_pdfs(pages: list[Path], out: Path, wanted: Path) -> Path:
    """The PDFs ``pages`` as one file, in order (the run sheets, so they print in one go)."""
    if not pages:
        raise HelperError(wanted, "was not built.", "run `make handouts` and read what it reports.")
    from pypdf import PdfWriter
    writer = PdfWriter()
    for page in pages:
        writer.append(str(page))
    with out.open("wb") as f:
        writer.write(f)
    return out


def size(n: int) -> str:
    """A file's size as people read it: kilobytes under a megabyte (a 40 KB page is not "1 MB").

    >>> size(40_000), size(470_000), size(2_500_000), size(100)
    ('40 KB', '470 KB', '2.5 MB', '1 KB')
    """
    if n < 1_000_000:
        return f"{max(round(n / 1000), 1)} KB"
    return f"{n / 1_000_000:.1f} MB"


def release(out: Path) -> list[Path]:
    """Build the editions (with PDFs) and the two bundles into ``out``; gather the release files in ``out``/release."""
    editions.build(out, pdf=True)
    kits = bundle.bundles(out, built=out)        # {"participant": zip, "facilitator": zip}, as make bundle writes
    folder = out / "release"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    written = []
    for name, source, _, _ in ASSETS:
        target = folder / f"{PREFIX}-{name}"
        if source.startswith("bundle:"):
            written.append(Path(shutil.copyfile(kits[source.removeprefix("bundle:")], target)))
        elif "*" in source:
            written.append(join_pdfs(sorted(out.glob(source)), target, out / source))
        elif (out / source).is_dir():
            written.append(zip_folder(out / source, target))
        else:
            if not (out / source).is_file():
                raise HelperError(out / source, "was not built.", "run `make handouts` and read what it reports.")
            written.append(Path(shutil.copyfile(out / source, target)))
    notes = ["Files for a study session on *We are losing, but we can win*. Download what you need; printing "
             "them or opening them in a browser needs no terminal (installing the study zip does).", "",
             "Archivos para una sesión de estudio sobre *We are losing, but we can win*. Descarguen lo que "
             "necesiten; imprimirlos o abrirlos en un navegador no requiere una terminal (instalar el archivo "
             "zip de estudio sí).", "",
             "| file | what it is for | para qué sirve | size |", "| --- | --- | --- | --- |"]
    for (name, _, en, es), path in zip(ASSETS, written):
        notes.append(f"| {path.name} | {en} | {es} | {size(path.stat().st_size)} |")
    (out / "release-notes.md").write_text("\n".join(notes) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.release", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=editions.BUILD, help="where to build (default: build/)")
    args = parser.parse_args(argv)
    try:
        files = release(args.out)
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for path in files:
        print(f"{path.name}  ({path.stat().st_size // 1024} KB)")
    print(f"{len(files)} files in {args.out / 'release'}; what each is for: {args.out / 'release-notes.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
