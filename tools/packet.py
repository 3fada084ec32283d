"""The participant packet, built by ``make handouts`` beside the other handouts (tools/editions.py):

- participant/packet.html    the agenda of every meeting of each plan (blanks for date, place, start and the
                             facilitator's contact), the handout (content note, group agreements, reading before
                             each meeting, the setup page, the discussion questions) and the essay's argument on
                             one page, in English, then the same page in Spanish;
- participant/summary.html   the essay's argument on one page on its own (helpers.summary: the argument map's
                             thesis and three points, and the claims of the map summary_es.yml translates: the
                             diagnosis, the cause and the concession under point 1, the conclusion), English on one
                             page and Spanish on the next: side by side the two no longer fit one page in type of
                             at least 9.5 pt;
- participant/glossary.html  the glossary as its own printout (helpers.terms.glossary);
- facilitator/glossary-{plan}.html  a plan's glossary excerpt: only the entries its segments name (sessions.yml, a
                             segment's ``glossary``), in English and Spanish, on one page;
- participant/setup.html     the setup page on its own, to send before the day.

Everything comes from the data (sessions.yml, facilitation.yml, argument.yml, summary_es.yml, terms.csv): nothing
here is a second copy. The pages speak to a participant: no file names, no ids without a label.
"""
from __future__ import annotations

import html
import math
import re
from pathlib import Path

from helpers.errors import HelperError
from helpers.essay import DEFAULT_READING, load_essay
from helpers.lessons import without_time_lines
from tools.handout import SETUP_HELP     # the blank beside the facilitator's contact
from tools.decks import VERSION_TITLES_ES   # how a meeting version's agenda is headed in Spanish

PAGES = ("packet.html", "summary.html", "glossary.html", "setup.html")     # written into participant/
NUMBERS = {"en": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
           "es": ["ninguna", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"]}
SUMMARY_STYLE = """
.summary { font-size: 9.5pt; line-height: 1.25; } .summary h1 { font-size: 1.3em; margin: 0 0 0.2em; }
.summary h2, .summary h3, .summary h4 { margin: 0.6em 0 0.2em; } .summary h4 { font-size: 1em; } .summary > h2:first-child { margin-top: 0; font-size: 1.3em; } .summary .pair { margin: 0.25em 0; gap: 1rem; }
.summary p { margin: 0.2em 0; } .summary .note, .summary .where { font-size: 0.9em; color: #333; }
.summary .claim { margin-left: 1em; } .summary-page > :is(h1, h2):first-child { margin-top: 0; font-size: 1.3em; }
/* the Spanish page: every quotation doubled, so the densest page of the packet, and read by second-language readers
   of English: larger type, notes no smaller than 9.5 pt, and its own footer (review11) */
.summary .summary-page[lang=es] { font-size: 9.6pt; page: es; } .summary .summary-page[lang=es] :is(.note, .where) {
  font-size: 1em; color: #222; }
.summary .summary-page[lang=es] :is(h2, h3, h4) { margin: 0.3em 0 0.05em; } .summary .summary-page[lang=es] {
  line-height: 1.14; } .summary .summary-page[lang=es] p { margin: 0.15em 0; }
/* and a little more of the sheet (review12: both halves of the thesis, ¶48's "essential" and the marks of the
   package's reading added): the footer still has its own margin; line height 1.18, not 1.2, since the thesis gives
   ¶10's "it is imperative" its own clause (review14 P1: at 1.2 the closing note ran to a third page) */
@page es { margin: 10mm 16mm 14mm 13mm; @bottom-center { content: "Página " counter(page) " de " counter(pages); } }
/* what the essay asks movements to do added (close reading 21: ¶53's immigrant-rights strategy, ¶62's "We have to
   expose"): both pages a little tighter, every size and margin kept, two lines still free under the Spanish */
.summary .summary-page[lang=en] { line-height: 1.15; page: en; } .summary .summary-page[lang=en] p { margin: 0.12em 0; }
.summary .summary-page[lang=en] :is(h2, h3, h4) { margin: 0.35em 0 0.1em; }
.summary .summary-page[lang=es] { line-height: 1.06; } .summary .summary-page[lang=es] p { margin: 0.03em 0; }
.summary .summary-page[lang=es] :is(h2, h3, h4) { margin: 0.1em 0 0; }
@page en { margin: 11mm 16mm 14mm 13mm; }
"""
AGENDA_STYLE = """
.agenda { width: 100%; break-inside: avoid; page-break-inside: avoid; }
.agenda td.t { white-space: nowrap !important; } .blanks { line-height: 1.5; }   /* four write-in lines in the room three had at 2 (issue 20: who to ask if setup fails) */
.blanks .line { display: inline-block; width: 11em; border-bottom: 1px solid #000; }
.blanks .line.short { width: 5em; } .blanks .line.contact { width: 18em; } .blanks .line.long { width: 24em; }
.meeting { break-inside: avoid; page-break-inside: avoid; }
"""
# an exercise sheet with Spanish: the English and the Spanish, every part of it (the paragraphs, the table, the recap)
# in the same legible type, over two pages (review13: on one page it was 7.9 pt, one answer line touching the next
# question)
EXERCISE_EN_PT, EXERCISE_ES_PT = 10, 10    # facilitator review 22: 9.5 pt read as cramped
EXERCISE_LINE = 1.3           # the line height of a sheet with Spanish under every line (review 21: 1.2 was cramped)
EXERCISE_WRITE_EM = 4.5      # the room to write under each question: three handwritten lines (review 22: ¶52 with its questions)
GLOSSARY_STYLE = """
body { max-width: none; font-size: 9.5pt; }
table.glossary { width: 100%; table-layout: fixed; font-size: 9pt; }
table.glossary td { overflow-wrap: break-word; }
table.glossary .es { color: #222; display: block; }
table.glossary small.kind { display: block; }
.flashpoint { border-left: 3px solid #8a1c00; padding-left: 0.5em; }
"""


def _e(text) -> str:
    return html.escape(str(text), quote=False)


def _count(n: int, lang: str, one: str, many: str) -> str:
    word = NUMBERS[lang][n] if n < len(NUMBERS[lang]) else str(n)
    return f"{word} {one if n == 1 else many}"


# ---- the essay's argument on one page ----------------------------------------------------------------------

SUMMARY_WORDS = {
    "en": {"title": "The essay's argument on one page", "thesis": "The thesis", "points": "Three points",
           "point": "Point", "before": "Where the argument starts", "after": "Where the essay ends",
           "conclusion": "A conclusion under it", "concession": "A concession under it", "premise": "A premise under it",
           "evidence": "Evidence under it", "recommendation": "A recommendation under it",
           "argue": "The authors argue:", "below": "{what}", "recommendations": "{n} recommendations under it",
           "note": "This page sums up the argument as the package's argument map reads it. ¶ numbers point to the "
                   "paragraphs of the reader's edition. Words in quotation marks are the authors' own. Which sections "
                   "develop which point, and which claims stand under a point, is the package's reading, apart from "
                   "¶57's “Finally”, ¶55's “equally important” and the section headings that repeat the points' "
                   "words (notebook 01's map hangs claims of {moved} on the diagnosis and the thesis). The same page in "
                   "Spanish follows.",
           "end": "This is a summary, not the essay: read the essay itself to weigh the argument, and see each claim "
                  "and where it stands in notebook 01."},
    "es": {"title": "El argumento del ensayo en una página", "thesis": "La tesis", "points": "Tres puntos",
           "point": "Punto", "before": "Dónde empieza el argumento", "after": "Dónde termina el ensayo",
           "conclusion": "Dentro de este punto, una conclusión", "concession": "Dentro de este punto, una concesión",
           "premise": "Dentro de este punto, una premisa", "evidence": "Dentro de este punto, una prueba",
           "recommendation": "Dentro de este punto, una recomendación", "argue": "Los autores sostienen:",
           "below": "Debajo de la anterior, {what}", "recommendations": "Dentro de este punto, {n} recomendaciones",
           "note": "La página anterior, en español: los ¶ remiten a la edición de lectura, y las palabras de los "
                   "autores quedan en inglés, entre comillas, con su traducción. Qué secciones desarrollan cada punto "
                   "y qué afirmaciones van en él es la interpretación de este material de estudio, salvo el "
                   "\"Finally\" [por último] (¶57), el \"equally important\" [igualmente importante] (¶55) y los títulos que repiten las palabras de los puntos (el mapa del cuaderno 01 "
                   "asigna afirmaciones de los {moved} al diagnóstico y a la tesis).",
           "end": "Esto es un resumen, no el ensayo: lean el ensayo para sopesar el argumento (cada afirmación, en el "
                  "cuaderno 01)."},
}


def summary_parts(reading: str = DEFAULT_READING, level: int = 1) -> list[str]:
    """The one-page summary as HTML parts, its title a heading of ``level`` (1 on its own page, 2 in the packet):
    the English on one page, then the same page in Spanish on the next (each language whole on its own page, in
    type as large as the rest of the packet; side by side the two no longer fit one page)."""
    from helpers.summary import load_summary, moved_from_points
    from tools.handout import _md_inline
    essay = load_essay(reading)
    s = load_summary(essay)
    moved = moved_from_points(essay)
    h, sub, subsub = f"h{level}", f"h{level + 1}", f"h{level + 2}"
    title = essay.meta["title"]
    from helpers.workshop import essay_title_es
    title_es = essay_title_es(essay)
    parts = []
    for lang, col in (("en", "text"), ("es", "es")):
        w = SUMMARY_WORDS[lang]

        def says(row, lead: bool = False) -> str:
            text = row[col]
            if lead:
                text = f'{w["argue"]} "{text}"' if lang == "en" else f"{w['argue']} {text}"
            return f"<p>{_md_inline(text)}</p>"

        def claims(place: str) -> list[str]:
            """The map's claims the summary places before or after the thesis and points (each under a heading
            of its own, or, when it stands under the claim just shown, led by what it is), or under a point (each
            led by what it is; the recommendations of one paragraph together, under one lead)."""
            out, shown, asks = [], set(), {}
            rows = s[(s.place == place) & ~s.type.isin(["thesis", "point"])]
            for cid, row in rows.iterrows():
                if place in ("before", "after") and row.get("to") in shown:     # under a claim shown just above
                    what = w["below"].format(what=w[row.type].split(", ", 1)[-1])
                    out.append(f'<p class="claim"><strong>{_e(what)} ({_e(row.stated)}).</strong> '
                               f"{_md_inline(row[col])}</p>")
                elif place in ("before", "after"):
                    out += [f"<{sub}>{_e(w[place])} ({_e(row.stated)})</{sub}>", f"<p>{_md_inline(row[col])}</p>"]
                elif row.type == "recommendation":
                    if row.stated not in asks:
                        asks[row.stated] = len(out)
                        out.append([])
                    out[asks[row.stated]].append(_md_inline(row[col]))
                else:
                    out.append(f'<p class="claim"><strong>{_e(w[row.type])} ({_e(row.stated)}).</strong> '
                               f"{_md_inline(row[col])}</p>")
                shown.add(cid)
            for stated, at in asks.items():
                texts = out[at]
                lead = (w["recommendation"] if len(texts) == 1 else
                        w["recommendations"].format(n=NUMBERS[lang][len(texts)]).capitalize())
                out[at] = f'<p class="claim"><strong>{_e(lead)} ({_e(stated)}).</strong> ' + " ".join(texts) + "</p>"
            return out

        page = [f'<div class="summary-page" lang="{lang}">',
                f'<{h} class="newpage">{_e(w["title"])}</{h}>',
                f"<p><em>{_e(title)}</em> ({_e(essay.meta['publication'])})"
                + (f" [{_e(title_es)}] (traducción del título)" if lang == "es" and title_es else "") + "</p>",
                f'<p class="note">{_e(w["note"].format(moved=moved))}</p>', *claims("before"),
                f"<{sub}>{_e(w['thesis'])} ({_e(s.loc['T', 'stated'])})</{sub}>", says(s.loc["T"]),
                f"<{sub}>{_e(w['points'])}</{sub}>"]
        for n, (pid, row) in enumerate(s[s.type == "point"].iterrows(), start=1):
            page.append(f"<{subsub}>{w['point']} {n}</{subsub}>")
            where = (f"Stated in {_e(row.stated)}; in the package's reading, developed in {_e(row.developed)} "
                     f"({_count(row.sections, 'en', 'section', 'sections')})." if lang == "en" else
                     f"Enunciado en el {_e(row.stated)}; según la interpretación de este material de estudio, "
                     f"desarrollado en {'los' if '–' in row.developed or ',' in row.developed else 'el'} "
                     f"{_e(row.developed)} ({_count(row.sections, 'es', 'sección', 'secciones')}).")
            page += [f'<p class="where">{where}</p>', says(row, lead=True), *claims(pid)]
        page += claims("after")
        page += [f'<p class="note">{_e(w["end"])}</p>', "</div>"]
        parts += page
    return parts


def summary_html(reading: str = DEFAULT_READING) -> str:
    from tools.pages import _page
    body = "\n".join(summary_parts(reading)).replace(' class="newpage"', "", 1)     # the first page needs no break
    return _page("The essay's argument on one page", f'<div class="summary">{body}</div>', SUMMARY_STYLE)


# ---- the agendas -------------------------------------------------------------------------------------------



def agenda_parts(reading: str = DEFAULT_READING, plan_id: str | None = None, version: str | None = None) -> list[str]:
    """One agenda per meeting of every plan (or of the plan ``plan_id`` only), each plan from a new page: title,
    blanks for date, place, start time and the facilitator's contact, what to read before, and each segment's time,
    topic and paragraphs. With ``version`` ("" for the meetings as planned, "spanish" for their Spanish readers'
    version), only that version's agendas."""
    from helpers import workshop
    from tools import decks
    from tools.handout import _pair
    essay = load_essay(reading)
    plans = decks.kit_plans(essay)
    pre = workshop.pre_reading(essay, plans).set_index(["plan", "meeting"])
    titles = decks._short_titles()
    parts, last_plan = [], None
    # each meeting, then its version for a room with Spanish readers (sessions.yml, spanish_variant), which a
    # facilitator may run instead: the packet's reader needs its agenda as much as the meeting's
    wanted = version
    for plan, meeting, rows, _ in decks.meetings(reading, versions=True):
        if plan_id is not None and plan != plan_id or wanted is not None and rows.iloc[0].version != wanted:
            continue
        first = rows.iloc[0]
        opening = ""        # a plan's heading and note go inside its first meeting's block, which they stay with
        if plan != last_plan:   # (review12: alone, they left the packet's page 2 near blank)
            opening = (f'<h2>Agenda: {_e(first.plan_title)} · '
                       f'<span lang="es">Programa: {_e(first.plan_title_es)}</span></h2>')
            # a packet built for one plan does not ask which plan (facilitator review 26, smaller points)
            opening += (_pair({"en": "The facilitator says which plan your group follows; the times count from the "
                                      "start of the meeting.",
                                "es": "Quien facilita les dice qué plan sigue su grupo; los tiempos cuentan desde el "
                                      "comienzo de la reunión."} if plan_id is None else
                              {"en": "The times count from the start of the meeting.",
                               "es": "Los tiempos cuentan desde el comienzo de la reunión."}, cls="pair note"))
            last_plan = plan
        r = pre.loc[(plan, meeting)]
        slower = r.minutes_l2       # the kit's one second-language rule (workshop.second_language_minutes)
        read = (f"{_e(r['read before'])} (about {r.minutes} minutes · unos {r.minutes} minutos, o unos {slower} si "
                "leen en inglés como segunda lengua)")
        least = first.pre_reading_minimum       # a version's own minimum (sessions.yml, spanish_variant) or the meeting's
        if least != r["read before"]:
            read += f"; short of time, at least {_e(least)} · si les falta tiempo, al menos {_e(least)}"
        trs = []
        # a version with no segment on the computers: its segments on paper name the packet the room holds, not the
        # notebooks (facilitator review 21: the Spanish readers' agenda named notebooks 04 and 01)
        no_computers = not workshop.uses_computers(rows)
        for seg in rows.itertuples():
            what = [f'{_e(seg.topic[:1].upper() + seg.topic[1:])} · <span lang="es">{_e(seg.topic_es)}</span>']
            if no_computers and seg.paper:
                what.append('on paper: the participant packet · <span lang="es">en papel: el cuadernillo</span>')
            else:
                what += decks.where_it_happens(seg, titles, spanish=True)
            qs = [q for q in seg.discussion.split(", ") if q]
            if qs:
                en, es = ("discussion questions", "preguntas de discusión") if len(qs) > 1 else \
                    ("discussion question", "pregunta de discusión")
                numbers = [str(int(q[1:])) for q in qs]          # "question 2", as the room says it, not its id
                what.append(f"{en} {' and '.join(numbers)} · {es} {' y '.join(numbers)}")
            if seg.sensitive:
                what.append("<strong>sensitive: see the content note · tema sensible: vean el aviso sobre el "
                            "contenido</strong>")
            trs.append(f'<tr><td class="t">{decks.clock(seg.start)}–{decks.clock(seg.start + seg.minutes)}</td>'
                       f"<td>{' · '.join(what[:1])}{'<br>' + '; '.join(what[1:]) if what[1:] else ''}</td>"
                       f"<td>{_e(decks.paragraphs_in_words(seg.paragraphs))}"
                       + (f' · <span lang="es">{_e(decks.paragraphs_in_words(seg.paragraphs, True))}</span>'
                          if " and " in decks.paragraphs_in_words(seg.paragraphs) else "") + "</td></tr>")
        version = first.version
        heading = (f'{_e(first.meeting_title)} · <span lang="es">{_e(first.meeting_title_es)}</span> '
                   f"({first.length} minutes · minutos)"
                   + (f'<br><em>{_e(decks.VERSION_TITLES[version])} · <span lang="es">'
                      f"{_e(VERSION_TITLES_ES[version])}</span></em>" if version else ""))
        parts.append(f'<div class="meeting{" newpage" if opening else ""}">{opening}<h3>{heading}</h3>'
                     # write-in lines (a bottom border), not runs of underscores: a kit user fills them by hand
                     '<p class="blanks">Date · Fecha: <span class="line"></span> Starts at · Empieza a las: '
                     '<span class="line short"></span><br>Place · Lugar: <span class="line long"></span><br>'
                     "Facilitator's contact · Contacto de quien facilita: <span class=\"line contact\"></span><br>"
                     f"{SETUP_HELP} <span class=\"line contact\"></span></p>"
                     f"<p><strong>Read before · Leer antes:</strong> {read}, in the reader's edition · en la edición "
                     "de lectura.</p>"
                     '<table class="agenda"><tr><th scope="col">Time · Horario</th><th scope="col">What · Qué</th>'
                     f'<th scope="col">In the essay · En el ensayo</th></tr>{"".join(trs)}</table>'
                     f"{homework_line(first.homework, bool(version))}</div>")
    return parts


def homework_line(homework: dict, spanish: bool) -> str:
    """What a meeting sends home for the next one, as the packet's agenda prints it under the meeting's table: the
    same computed words as its closing row and the next reading message (``helpers.workshop.homework_said``: the
    needed part, then the optional one, each with its minutes and their second-language minutes), in English for the
    meeting as planned and in Spanish for its version for Spanish readers (facilitator review 22: the agendas gave
    only "Read before"); "" for a meeting that sets none."""
    if not homework:
        return ""
    # both languages under the two-language heading, the packet's own language first (facilitator review 23, item 2:
    # the English packet's "At home · En casa" line was English only)
    if spanish:
        return (f'<p class="homework" lang="es"><strong>En casa, para la próxima reunión · <span lang="en">At home, '
                f"for the next meeting</span>:</strong> {_e(homework['es'])}. "
                f'<span lang="en">{_e(homework["en"])}.</span></p>')
    return (f'<p class="homework"><strong>At home, for the next meeting · <span lang="es">En casa, para la próxima '
            f"reunión</span>:</strong> {_e(homework['en'])}. <span lang=\"es\">{_e(homework['es'])}.</span></p>")


# ---- the Spanish sheet --------------------------------------------------------------------------------------

# the sheet's one convention for the package's own words inside a translated paragraph (close reading 13, 9)
NOTE_MARK = {"en": "In square brackets, “nota:” marks this study kit's own note, not the essay's words.",
             "es": "Entre corchetes, 'nota:' marca una nota de este material de estudio, no palabras del ensayo."}
SHEET_NOTE = {"en": "For a room where some read Spanish more easily. The Spanish on this page is this study kit's own "
                    "translation, not a published edition; the essay's English, with its ¶, is what the essay says. "
                    + NOTE_MARK["en"],
              "es": "Para un grupo que lee mejor en español. El español de esta página es traducción de este material "
                    "de estudio, no una edición publicada; lo que dice el ensayo es su inglés, con su ¶. "
                    + NOTE_MARK["es"]}


def spanish_sheet_parts(reading: str = DEFAULT_READING, plan_id: str | None = None) -> list[str]:
    """The Spanish sheet of each meeting that has one (sessions.yml, ``spanish: sheet``), as packet pages (one or
    two, in type no smaller than SPANISH_SHEET_MIN_PT): the
    paragraphs its Spanish readers' version centres on, English beside the package's Spanish; the glossary entries
    it glosses, in Spanish; and its key points, in Spanish with the English under them."""
    from helpers import workshop
    from tools.handout import _pair
    essay = load_essay(reading)
    title_es = workshop.essay_title_es(essay)
    parts = []
    # another plan's sheet whose Spanish a plan's meetings read (facilitation.yml, reading_message_spanish_page: the
    # series' Sessions 2 and 3 read the 90-minute version's ¶45, ¶48 and ¶49): the plan's packet prints it too,
    # without that meeting's key points (facilitator review 20b: the series' Spanish packet had no Spanish sheet)
    pages = (workshop.load_handout(essay).get("reading_message_spanish_page") or {}).get("meetings") or {}
    borrowed = {page for m, page in pages.items() if plan_id is not None and m.startswith(f"{plan_id}-")}
    for meeting, sheet in workshop.load_spanish_sheet(essay).items():
        own = plan_id is None or meeting.startswith(f"{plan_id}-")
        if not own and meeting not in borrowed:
            continue
        out = [f'<div class="spanish-sheet newpage"><h2><span lang="es">Hoja en español</span> · Spanish sheet</h2>',
               f"<p><em>{_e(essay.meta['title'])}</em>"
               + (f' <span lang="es">[{_e(title_es)}] (traducción del título)</span>' if title_es else "") + "</p>",
               _pair(SHEET_NOTE, cls="pair note")]
        alone = [n for n in sheet["paragraphs"] if n in sheet["spanish_only"]]
        for n, es in sheet["paragraphs"].items():
            if n not in alone:
                out.append(_pair({"en": f"**¶{n}** {essay.paragraphs.loc[n].text}",
                                  "es": f"**¶{n}** [traducción] {es}"}, cls="pair para"))
        out.append('<h3><span lang="es">Tres términos del glosario</span> · Three glossary entries</h3>'
                   # a thead: a table that runs on to the next page prints its header again (review12)
                   '<table class="terms"><thead><tr><th scope="col">Término · Term</th><th scope="col" lang="es">Qué es</th>'
                   '<th scope="col" lang="es">En el ensayo</th></tr></thead><tbody>')
        for term, t in sheet["terms"].items():
            name = f"{_e(t['spanish'])}<br><small>{_e(term)}</small>" if t["spanish"] != term else _e(term)
            source = "" if t["source"] == "the essay" else f" <small>(Fuente: {_e(t['source'])})</small>"
            out.append(f'<tr><td><strong lang="es">{name}</strong></td><td lang="es">{_e(t["definition"])}{source}</td>'
                       f'<td lang="es">{_e(t["in_the_essay"])}</td></tr>')
        out.append("</tbody></table>")
        # the sheet is the version's: only the key points of the segments it keeps (sessions.yml, key_points topic)
        plans = workshop.load_plans(essay)
        rows = plans[(plans.plan + "-" + plans.meeting.astype(str)) == meeting]
        version = workshop.spanish_version(rows) if len(rows) else None
        points = workshop.kept_key_points(sheet["key_points"], version if version is not None else rows) if own else []
        if points:
            out.append('<h3><span lang="es">Puntos clave</span> · Key points</h3><ul class="points">'
                       + "".join(f'<li><span lang="es">{_e(k["es"])}</span><br><small lang="en">{_e(k["en"])}</small></li>'
                                 for k in points) + "</ul>")
        out.append("</div>")
        if alone:
            # paragraphs in Spanish alone (beside_english: false), on a page of their own, for a re-reading
            en, es = " and ".join(f"¶{n}" for n in alone), " y ".join(f"¶{n}" for n in alone)
            out.append(f'<div class="spanish-sheet newpage"><h2><span lang="es">Relectura en español: {es}</span> · '
                       f"Re-reading in Spanish: {en}</h2>"
                       + _pair({"en": "The Spanish on this page is this study kit's own translation, not a published "
                                      f"edition; the essay's English ({en}) is in the reader's edition. " + NOTE_MARK["en"],
                                "es": "El español de esta página es traducción de este material de estudio, no una "
                                      f"edición publicada; el inglés del ensayo ({es}) está en la edición de "
                                      "lectura. " + NOTE_MARK["es"]}, cls="pair note")
                       + "".join(f'<div class="para" lang="es"><p><strong>¶{n}</strong> [traducción] '
                                 f"{_e(sheet['paragraphs'][n])}</p></div>" for n in alone) + "</div>")
        parts.append("".join(out))
    return parts


def spanish_attachments(reading: str = DEFAULT_READING) -> dict[str, str]:
    """The Spanish of the paragraphs each meeting's version for Spanish readers reads together (sessions.yml,
    ``spanish: sheet``), as a page of its own to attach to the reading message: ``{"spanish-single-90-1.html": page}``,
    written into participant/ beside the other pages the message attaches. Each paragraph keeps its "[traducción]"
    label, and the page says what "[nota: …]" marks (facilitator review 18: the message said this Spanish was attached,
    but it was only a page inside the message's own page, and pasted it lost both)."""
    from helpers import workshop
    from tools.decks import _listed
    from tools.handout import _pair
    from tools.pages import _page
    essay = load_essay(reading)
    title_es = workshop.essay_title_es(essay)
    pages = {}
    for meeting, sheet in workshop.load_spanish_sheet(essay).items():
        numbers = sorted(sheet["paragraphs"])
        en, es = _listed(numbers), _listed(numbers, "es")
        body = (f'<h1><span lang="es">Los {es} en español</span> · The Spanish of {en}</h1>'
                f"<p><em>{_e(essay.meta['title'])}</em>"
                + (f' <span lang="es">[{_e(title_es)}] (traducción del título)</span>' if title_es else "") + "</p>"
                + _pair({"en": "For a room where some read Spanish more easily. The Spanish on this page is this study "
                               "kit's own translation, not a published edition; what the essay says is its English "
                               f"({en}), in the reader's edition. " + NOTE_MARK["en"],
                         "es": "Para un grupo que lee mejor en español. El español de esta página es traducción de este "
                               "material de estudio, no una edición publicada; lo que dice el ensayo es su inglés "
                               f"(los {es}), en la edición de lectura. " + NOTE_MARK["es"]}, cls="pair note")
                + "".join(f'<div class="para" lang="es"><p><strong>¶{n}</strong> [traducción] '
                          f"{_e(sheet['paragraphs'][n])}</p></div>" for n in numbers))
        pages[f"spanish-{meeting}.html"] = _page(f"The Spanish of {en}", body, SPANISH_ATTACHMENT_STYLE)
    return pages


# one page, and a paragraph never split between pages (facilitator review 19: at 11 pt it ran to a second page, ¶49
# broken in the middle of the Gramsci quotation and the page after it four-fifths blank)
SPANISH_ATTACHMENT_STYLE = """
body { font-size: 10pt; line-height: 1.25; } .para p { margin: 0.45em 0; } .note { font-size: 0.95em; }
.para { break-inside: avoid; page-break-inside: avoid; }
"""


SPANISH_SHEET_STYLE = """
.spanish-sheet { font-size: 10pt; line-height: 1.2; } .spanish-sheet h2 { margin: 0 0 0.2em; }
.spanish-sheet h3 { margin: 0.6em 0 0.2em; font-size: 1.05em; }
.spanish-sheet table.terms { width: 100%; } .spanish-sheet ul.points { margin: 0.2em 0; }
.spanish-sheet ul.points li { margin: 0.2em 0; } .spanish-sheet .pair { margin: 0.25em 0; }
.spanish-sheet small { font-size: 0.9em; color: #333; }
"""
# The sheet's type: 10 pt, 9 pt for the English under each key point and a glossary entry's English name; in the
# packet's own 11 pt the ¶ beside its Spanish runs long, and the sheet may take a second page (it did, squeezed
# onto one, print at about 6 pt: the Spanish review). tests/test_packet.py checks the printed sizes.
SPANISH_SHEET_MIN_PT = 8.5


def _glossary_row(term: str, t, first: str, definition: str, in_the_essay: str, since: bool) -> str:
    """One glossary entry as a table row (the whole glossary and a plan's excerpt): the term with its Spanish name
    and kind, the definition (HTML) with its source, what the essay says (HTML) with where it first comes, and,
    with ``since``, what has happened since."""
    from helpers.terms import KINDS_ES
    name = f'<span class="es" lang="es">{_e(t.spanish)}</span>' if t.spanish else ""
    source = "" if t.source == "the essay" else f" <small>(Source · Fuente: {_e(t.source)})</small>"
    return (f"<tr><td><strong>{_e(term)}</strong>{name}"
            f'<small class="kind">{_e(t.kind)} · <span lang="es">{_e(KINDS_ES[t.kind])}</span></small></td>'
            f"<td>{definition}{source}</td>"
            f'<td>{in_the_essay} <small>(first in {_e(first)} · <span lang="es">aparece por primera vez en el '
            f"{_e(first)}</span>)</small></td>"
            + (f"<td>{_e(t.since or '')}</td>" if since else "") + "</tr>")


# ---- the glossary and the setup page ------------------------------------------------------------------------

def glossary_html(reading: str = DEFAULT_READING) -> str:
    """The glossary as its own printout: every term A to Z, with its Spanish name, what it is and where that comes
    from, what the essay says of it, where it first appears and what has changed since."""
    import helpers
    from helpers import workshop
    from helpers.terms import glossary
    from tools.handout import _pair
    from tools.pages import _page
    essay = load_essay(reading)
    g = glossary(helpers.load_terms(essay))
    rows = []
    for t in g.itertuples():
        rows.append(_glossary_row(t.term, t, t.first, _e(t.definition), _e(t.in_the_essay or ""), since=True))
    body = ("<h1>Glossary · Glosario</h1>"
            f"<p><em>{_e(essay.meta['title'])}</em>: {len(g)} people, places, organisations, events and ideas the "
            "essay names, A to Z · personas, lugares, organizaciones, hechos e ideas que nombra el ensayo, de la A a "
            "la Z.</p>"
            + _pair({"en": "What each term is comes from the essay, or from the public reference named after it. "
                           "\"Since\" says what has changed since the essay was written, as checked on the day it names; "
                           "later events are not covered. The Spanish name is under each term, where Spanish "
                           "names it differently.",
                     "es": "La definición de cada término viene del ensayo o de la fuente pública que se cita después. "
                           "La última columna (desde entonces) dice qué ha cambiado desde que se escribió el "
                           "ensayo, según se comprobó el día que indica; no cubre hechos posteriores. El nombre en "
                           "español está bajo cada término cuando en español se dice de otro modo. Las definiciones "
                           "y lo que dice el ensayo están solo en inglés: pidan a quien facilita que les explique "
                           "cualquier término."}, cls="pair note")
            + _pair(workshop.load_handout(essay)["sensitive_for_group"]["glossary"], cls="pair note flashpoint")
            + '<table class="glossary"><colgroup><col style="width:19%"><col style="width:33%"><col style="width:28%">'
              '<col style="width:20%"></colgroup><tr><th scope="col">Term · Término</th><th scope="col">What it is · Qué es</th>'
              '<th scope="col">In the essay · En el ensayo</th><th scope="col">Since · Desde entonces</th></tr>' + "".join(rows) + "</table>")
    return _page("Glossary", body, GLOSSARY_STYLE)


EXCERPT_STYLE = """
body { font-size: 10.5pt; line-height: 1.2; } table.glossary { width: 100%; table-layout: fixed; font-size: 10pt; }
table.glossary small { font-size: 0.9em; }
table.glossary td { overflow-wrap: break-word; } table.glossary .es { display: block; color: #222; margin-top: 0.3em; }
table.glossary small.kind { display: block; }
"""


def glossary_excerpts(reading: str = DEFAULT_READING) -> dict[str, list[str]]:
    """The glossary entries each plan's segments name (sessions.yml, a segment's ``glossary``), in the order they
    first come: {plan: [term, …]}, for the plans that name any."""
    from helpers import workshop
    plans = workshop.load_plans(load_essay(reading))
    out: dict[str, list[str]] = {}
    for seg in plans.itertuples():
        for term in seg.glossary:
            out.setdefault(seg.plan, [])
            if term not in out[seg.plan]:
                out[seg.plan].append(term)
    return out


def glossary_excerpt_html(reading: str = DEFAULT_READING, plan: str = "single-90") -> str:
    """A plan's glossary excerpt, one page: only the entries its segments use, each with its Spanish name, what it
    is and what the essay says of it in English and, where the plan's Spanish sheet renders them, in Spanish (the
    whole glossary, with its Since column on later events, stays a printout of its own)."""
    import helpers
    from helpers import workshop
    from helpers.terms import glossary
    from tools.handout import _pair
    from tools.pages import _page
    essay = load_essay(reading)
    terms = glossary_excerpts(reading).get(plan)
    if not terms:
        raise HelperError("sessions.yml", f"no segment of the plan {plan!r} names glossary entries.",
                          "add glossary: [the terms] to the segments that use them.")
    g = glossary(helpers.load_terms(essay)).set_index("term")
    spanish = {}
    for meeting, sheet in workshop.load_spanish_sheet(essay).items():
        if meeting.startswith(f"{plan}-"):
            spanish.update(sheet["terms"])
    title = workshop.load_plans(essay).set_index("plan").plan_title.loc[plan]
    title = title.iloc[0] if hasattr(title, "iloc") else title
    rows = []
    for term in terms:
        t, es = g.loc[term], spanish.get(term, {})

        def both(en: str, key: str) -> str:
            return _e(en) + (f'<span class="es" lang="es">{_e(es[key])}</span>' if es.get(key) else "")
        rows.append(_glossary_row(term, t, t["first"], both(t.definition, "definition"),
                                  both(t.in_the_essay or "", "in_the_essay"), since=any(g.loc[x].since for x in terms)))
    since = any(g.loc[x].since for x in terms)
    n = len(terms)
    body = ("<h1>Glossary excerpt · Extracto del glosario</h1>"
            f"<p><em>{_e(essay.meta['title'])}</em>: {_e(title)}</p>"
            + _pair({"en": f"The {_count(n, 'en', 'entry', 'entries')} of the glossary this session uses, in English "
                           "and Spanish. What each term is comes from the essay, or from the public reference named "
                           "after it. The whole glossary, A to Z, is a printout of its own.",
                     "es": f"Las {_count(n, 'es', 'entrada', 'entradas')} del glosario que usa esta sesión, en inglés "
                           "y en español (el español es traducción de este material de estudio). La definición de "
                           "cada término viene del ensayo o de la fuente pública que se cita después. El glosario "
                           "completo, de la A a la Z, se imprime aparte."}, cls="pair note")
            + (_pair(workshop.load_handout(essay)["sensitive_for_group"]["glossary"], cls="pair note flashpoint")
               if since else "")
            + '<table class="glossary">'
            + ('<colgroup><col style="width:16%"><col style="width:30%"><col style="width:30%"><col style="width:24%">'
               # what the essay says runs longer than what a term is (review12's uses of the war of position)
               if since else '<colgroup><col style="width:14%"><col style="width:40%"><col style="width:46%">')
            + '</colgroup><tr><th scope="col">Term · Término</th><th scope="col">What it is · Qué es</th>'
              '<th scope="col">In the essay · En el ensayo</th>'
            + ('<th scope="col">Since · Desde entonces</th>' if since else "") + "</tr>" + "".join(rows) + "</table>")
    # a little more of the sheet for what the essay says of the war of position (review12): still one page
    return _page("Glossary excerpt", body, GLOSSARY_STYLE + EXCERPT_STYLE,
                 page_style="@page { margin: 11mm 16mm 15mm 13mm; }")


def setup_html(reading: str = DEFAULT_READING) -> str:
    """The setup page on its own, English beside Spanish, to send to participants before the day."""
    from helpers import workshop
    from tools.handout import setup_parts
    from tools.pages import _page
    h = workshop.load_handout(load_essay(reading))
    parts = [re.sub(r"<(/?)h3>", r"<\1h2>", p) for p in setup_parts(h["setup"])]     # one level up: the page's own
    parts[0] = parts[0].replace('<h2 class="newpage">', "<h1>").replace("</h2>", "</h1>")
    return _page("Setup, before the day", "\n".join(parts))


# ---- the packet --------------------------------------------------------------------------------------------

def _main_of(page: str) -> str:
    """The body of a built page (what stands inside its <main>), its first heading and title line left out."""
    body = re.search(r"<main>\n?(.*)\n?</main>", page, re.S).group(1)
    body = re.sub(r"^\s*<h1>.*?</h1>\s*(<p><em>[^<]*</em></p>)?", "", body, count=1, flags=re.S)
    return body


SETUP_SENT = {"en": "Setting up a computer: follow the setup page you were sent before the day (the facilitator has "
                    "copies).",
              "es": "Para preparar una computadora: sigan la página de instalación que recibieron antes de la sesión "
                    "(quien facilita tiene copias)."}


def packet_html(reading: str = DEFAULT_READING, plan: str | None = None, version: str | None = None) -> str:
    """The participant packet: contents, the agendas, the handout, the argument on one page; with ``plan`` (a plan's
    id), the packet for that plan alone: its agendas, its reading and its questions (fewer pages to print); with
    ``version`` too ("" or "spanish", as in ``agenda_parts``), for that version of the plan alone: one agenda, the
    Spanish sheet only in the Spanish readers' version, and no setup pages when the plan sets up before the day (the
    setup page is sent on its own before then: sessions.yml, the plan's ``setup``)."""
    from helpers import workshop
    from tools.handout import _pair, handout_html
    from tools.pages import _page
    essay = load_essay(reading)
    plans = workshop.load_plans(essay)
    setup_sent = version is not None and not plans[plans.plan == plan].setup.isin(workshop.IN_SESSION).any()
    setup_words = {"en": "" if setup_sent else "setting up a computer before the day; ",
                   "es": "" if setup_sent else "cómo preparar una computadora antes de la sesión; "}
    one = version is not None
    contents = _pair({"en": f"In this packet: the agenda{'' if one else ' of each meeting'}; the content note and the "
                            f"group agreements; what to read before{'' if one else ' each meeting'}; "
                            f"{setup_words['en']}the discussion questions; and the essay's argument on one page. The "
                            "glossary is printed on its own.",
                      "es": f"En este cuadernillo: el programa{'' if one else ' de cada reunión'}; el aviso sobre el "
                            f"contenido y los acuerdos del grupo; qué leer antes{'' if one else ' de cada reunión'}; "
                            f"{setup_words['es']}las preguntas de discusión; y el argumento del ensayo en una página. El "
                            "glosario se imprime aparte."}, cls="pair lead")
    # a version with no segment on the computers (the one for Spanish readers) asks nobody to set one up (review 18)
    versions = ([workshop.spanish_version(rows) for _, rows in plans[plans.plan == plan].groupby("meeting")]
                if version else [])
    paper_only = bool(versions) and all(v is not None and not workshop.uses_computers(v) for v in versions)
    if setup_sent and not paper_only:
        contents += _pair(SETUP_SENT, cls="pair lead")
    sheets = spanish_sheet_parts(reading, plan) if version in (None, "spanish") else []
    if sheets:
        points = any("Puntos clave" in s for s in sheets)
        contents += _pair({"en": "Last, for a room where some read Spanish more easily: the Spanish sheet (¶49 in "
                                 "English and Spanish, ¶45 and ¶48 in Spanish, three glossary entries"
                                 + (" and the key points in Spanish)." if points else " in Spanish)."),
                           "es": "Al final, para un grupo que lee mejor en español: la hoja en español (el ¶49 en "
                                 "inglés y en español, los ¶45 y ¶48 en español, tres términos del glosario"
                                 + (" y los puntos clave en español)." if points else " en español).")},
                          cls="pair lead")
    parts = ["<h1>Participant packet · Cuadernillo para participantes</h1>",
             f"<p><em>{_e(essay.meta['title'])}</em> ({_e(essay.meta['publication'])})</p>", contents]
    agendas = agenda_parts(reading, plan, version)
    if not agendas:
        raise HelperError("sessions.yml", f"there is no plan {plan!r} to make a packet for.",
                          "give the id of one of the plans in sessions.yml.")
    parts += agendas
    parts += clue_parts(reading, plan, version)
    parts.append('<h2 class="newpage">Handout · Material para participantes</h2>')
    handout = _main_of(handout_html(reading, plan, setup=not setup_sent))
    handout = re.sub(r"<(/?)h3([ >])", r"<\1h4\2", handout)          # one level down: the packet is the h1
    parts.append(re.sub(r"<(/?)h2([ >])", r"<\1h3\2", handout))
    summary = summary_parts(reading, level=2)
    parts += ['<div class="summary newpage">', summary[0].replace(' class="newpage"', ""), *summary[1:], "</div>"]
    parts += sheets        # the Spanish readers' version's own page, last
    return _page("Participant packet", "\n".join(parts), SUMMARY_STYLE + AGENDA_STYLE + SPANISH_SHEET_STYLE)


def clue_parts(reading: str = DEFAULT_READING, plan_id: str | None = None, version: str | None = None) -> list[str]:
    """For each segment that works a few dating clues in the room (sessions.yml, ``clues``), the paper the room
    holds: the clues with their ¶ and the context rows of timeline.csv they need, with their references (the
    same as the segment's slides), in English and Spanish. With ``version`` "spanish", only for a segment that
    version keeps (facilitator review 22: the Spanish series packet printed the clue pages of a segment it cuts)."""
    from helpers import workshop
    from tools import decks
    from tools.handout import _pair
    essay = load_essay(reading)
    plans = workshop.load_plans(essay)
    kept = None
    if version:
        kept = set()
        for (plan, meeting), rows in plans.groupby(["plan", "meeting"], sort=False):
            mine = workshop.spanish_version(rows)
            kept |= {(plan, meeting, t) for t in (mine if mine is not None else rows).topic}
    parts = []
    for seg in plans.itertuples():
        if not seg.clues or (plan_id is not None and seg.plan != plan_id):
            continue
        if kept is not None and (seg.plan, seg.meeting, seg.topic) not in kept:
            continue
        listed, context = decks.room_clues_html(essay, seg.clues, intro=False)
        when = f"{seg.meeting_title}, {decks.clock(seg.start)}"
        r = decks.ROOM_CLUES
        # the heading, its intro and the clues on one page (facilitator review 20b: the heading printed alone at a
        # page's foot; tools.pages, .keep-together)
        parts += [f'<div class="clues-page"><div class="keep-together"><h2>{_e(r["title"])} · <span lang="es">'
                  f'{_e(r["title_es"])}</span></h2>',
                  f"<p><em>{_e(when)}</em></p>", _pair({"en": r["intro"], "es": r["intro_es"]}, cls="pair"),
                  listed, "</div>"]
        if context:
            parts += [f'<h3>{_e(r["context_title"])} · <span lang="es">{_e(r["context_title_es"])}</span></h3>',
                      _pair({"en": r["context_intro"], "es": r["context_intro_es"]}, cls="pair"), context]
        parts.append("</div>")
    return parts


def exercise_sheets(reading: str = DEFAULT_READING) -> dict[str, str]:
    """Each exercise sheet of facilitation.yml (``exercise_sheets``) as a printout of one or two pages: the exercise as the
    participant edition gives it, the paragraphs it asks about, the objections it names and a recap of its words,
    with room to write. {"exercise-01-2.html": HTML}."""
    import nbformat
    from helpers import load_argument
    from helpers.anchoring import read_yaml
    from helpers.lessons import NOTEBOOKS
    from helpers.errors import HelperError
    from helpers.text import paragraph_numbers
    from tools.pages import _page
    essay = load_essay(reading)
    sheets = read_yaml(essay.folder / "facilitation.yml").get("exercise_sheets") or []
    counter = load_argument(essay).counterarguments.set_index("id")
    out = {}
    for sheet in sheets:
        nb = nbformat.read(NOTEBOOKS / f"{sheet['notebook']}.ipynb", as_version=4)
        heading = f"## Exercise {sheet['exercise']}:"
        cell = next((c for c in nb.cells if c.cell_type == "markdown" and c.source.lstrip().startswith(heading)), None)
        missing = [k for k in sheet["objections"] if k not in counter.index]
        if cell is None or missing:
            raise HelperError("facilitation.yml", f"the exercise sheet names exercise {sheet['exercise']} of "
                              f"{sheet['notebook']}" + (f" and the objection {missing[0]}" if missing else "")
                              + ", which the lesson does not have.", "name an exercise and objections the lesson has.")
        source = without_time_lines(cell.source)     # the self-study time line: not the room's, not translated
        title, body = source.lstrip()[3:].split("\n", 1)
        body = re.sub(r"\s*\((?:the|see the) cell below[^)]*\)", "", body)
        questions = re.findall(r"^\d+\. .*$", body, flags=re.M)
        intro = body.split(questions[0])[0] if questions else body
        es = _sheet_spanish(sheet, source, questions, counter)
        es_paras = _sheet_paragraphs_es(sheet, essay)
        # each paragraph in English, the essay's words, and under it the package's Spanish when the sheet has it
        # (review14 B1: Spanish readers classified ¶51–¶52 in English only)
        numbers = paragraph_numbers(sheet["paragraphs"])
        # with Spanish, two pages: the last paragraph starts the second, whole, with the questions about it
        # (facilitator review 22: page 1 cramped, ¶52 running on to page 2 away from its questions)
        # with Spanish, on two pages: the first ends with the table of objections, and the last paragraph starts the
        # second, whole, with the questions about it (facilitator review 22: page 1 cramped, ¶52 running on to page 2)
        split = bool(es["intro"]) and len(numbers) > 1
        paras = [f'<p class="para{" with-questions" if split and n == numbers[-1] else ""}">'
                 f'<b>¶{n}</b> {html.escape(essay.paragraphs.loc[n].text)}'
                 + (f'<br><span lang="es" class="es">[traducción] {html.escape(es_paras[n], quote=False)}</span>'
                    if n in es_paras else "") + "</p>"
                 for n in numbers]

        def also(text: str) -> str:      # a line's Spanish under it, when the sheet has Spanish
            return f'<br><span lang="es" class="es">{html.escape(text, quote=False)}</span>' if text else ""
        # the objections without the authors' replies, which answered question 3 (review14 A5: K2's reply "by
        # appealing to conscience" gave it away); the worked solution in the facilitator's notes has them
        rows = "".join(f"<tr><td>{k}</td><td>{html.escape(counter.loc[k]['name'])}{also(es['objections'][k]['name'])}</td>"
                       # the objection's ¶ after its words (¶18 is not printed on the sheet); its Spanish is right under it
                       f"<td>{html.escape(counter.loc[k].objection)} (¶{counter.loc[k].objection_paragraph})"
                       f"{also(es['objections'][k]['objection'])}</td></tr>"
                       for k in sheet["objections"])
        head = "".join(f"<th>{en}" + (f' · <span lang="es">{sp}</span>' if es["intro"] and sp else "") + "</th>"
                       for en, sp in (("id", ""), ("name", "nombre"), ("objection", "objeción")))
        # the sheet prints the objections after the questions (the lesson, before them): a pointer "above" turns
        # round (review15 facilitator, 8)
        asks = "".join(f'<li>{_inline(q.split(". ", 1)[1].replace("table of objections above", "table of objections below"))}'
                       f'{also(es["questions"][i])}<div class="write"></div></li>'
                       for i, q in enumerate(questions))
        page = (f"<h1>{_inline(title)}" + (f' · <span lang="es">{html.escape(es["title"])}</span>' if es["title"] else "")
                + "</h1>"
                f'<p class="small">From lesson {sheet["notebook"][:2]}, for every pair, on paper or beside a screen.'
                + (' <span lang="es">Instrucciones también en español (traducción de este material de estudio); '
                   "el ensayo, en inglés.</span>" if es["intro"] else "") + "</p>"
                f'<div class="recap"><b>The words it uses</b>' + (' · <b lang="es">Las palabras que usa</b>' if es["intro"] else "")
                + ("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in sheet["recap"]) + "</ul>"
                   if not es["intro"] else     # with Spanish: English and Spanish side by side, line for line
                   '<div class="recap-pairs">' + "".join(f'<div>{html.escape(line)}</div><div lang="es" class="es">'
                                                         f'{html.escape(es["recap"][i], quote=False)}</div>'
                                                         for i, line in enumerate(sheet["recap"])) + "</div>")
                + "</div>"
                f"<p>{_inline(intro.strip())}{also(es['intro'])}</p>")
        table = ("<p><b>The objections question 3 names</b> (in the essay's words)"
                 + (' · <span lang="es"><b>Las objeciones que nombra la pregunta 3</b> (con las palabras del ensayo)'
                    "</span>" if es["intro"] else "") + "</p>"
                 f'<table class="keep objections"><colgroup><col class="id"><col class="name"><col class="objection">'
                 f'</colgroup><tr>{head}</tr>{rows}</table>')
        page += f"{''.join(paras)}<ol>{asks}</ol>{table}"
        style = (f".write {{ border-bottom: 1px solid #555; height: {EXERCISE_WRITE_EM}em; margin-bottom: 0.6em; }} "
                 ".recap { border: 1px solid #888; "
                 "padding: 0.1em 0.5em; } .recap ul { margin: 0.1em 0; } .para { "
                 "margin: 0.3em 0; } body { font-size: 9.5pt; line-height: 1.3; } .small { color: #444; margin: 0; } "
                 "h1 { margin: 0 0 0.2em; } ol { margin: 0.3em 0; } ol li { break-inside: avoid; } .es { color: #222; }"
                 # with the Spanish under every line: one legible size for both languages (review13: 7.9 pt on one
                 # page), a real space to write under each question, and a second page when it needs one; the
                 # Spanish, which is no gloss, upright (review11: 7.9 pt grey italics)
                 # ... and the two pages filled alike (facilitator review 21: page 1 cramped at a line height of
                 # 1.2, page 2 half empty): more air between lines and paragraphs, the passage running on to page 2
                 + (f" body {{ font-size: {EXERCISE_EN_PT}pt; line-height: {EXERCISE_LINE}; }} .para {{ margin: 0.6em 0; }} "
                    " .para.with-questions { break-before: page; margin-top: 0; } "
                    f".es, .recap .es, .para .es, table .es {{ font-size: {EXERCISE_ES_PT}pt; font-style: normal; }}"
                    " table.objections { width: 100% !important; table-layout: fixed !important; } "
                    " .recap-pairs { display: grid; grid-template-columns: 5fr 6fr; gap: 0.3em 1em; margin: 0.2em 0; }"
                    " .recap-pairs > div { break-inside: avoid; } col.id { width: 2.4em; } col.name { width: 40%; } col.objection { width: 55%; }"
                    if es["intro"] else ""))
        # two pages, numbered like every other printout (review13: one page meant 7.9 pt and no room to write)
        out[f"exercise-{sheet['notebook'][:2]}-{sheet['exercise']}.html"] = _page(title, page, style)
    return out


def _sheet_paragraphs_es(sheet: dict, essay) -> dict[int, str]:
    """The package's Spanish of the paragraphs an exercise sheet prints (facilitation.yml, the sheet's ``spanish:
    paragraphs``, by ¶ number), each checked against the fingerprint of the paragraph it renders: {¶: Spanish}."""
    from helpers import workshop
    from helpers.text import paragraph_numbers
    given = ((sheet.get("spanish") or {}).get("paragraphs")) or {}
    where = f"exercise_sheets, {sheet['notebook']} exercise {sheet['exercise']}"
    out = {}
    for n, entry in given.items():
        n = int(n)
        if n not in paragraph_numbers(sheet["paragraphs"]):
            raise HelperError("facilitation.yml", f"the Spanish of {where} renders ¶{n}, which the sheet does not print.",
                              f"render only its paragraphs ({sheet['paragraphs']}).")
        workshop.check_fingerprint("facilitation.yml", f"{where}, ¶{n}", entry, essay.paragraphs.loc[n].text,
                                   "essay.txt", "the paragraph, sentence for sentence")
        out[n] = " ".join(str(entry.get("es") or "").split())
    return out


def _sheet_spanish(sheet: dict, source: str, questions: list[str], counter) -> dict:
    """An exercise sheet's Spanish (facilitation.yml, the sheet's ``spanish``), checked against the English it was
    translated from (the lesson's exercise, the recap, and the name, words and reply of each objection the table
    names, from ``counter``, argument.yml's counterarguments by id): {"title": str, "intro": str, "recap": [str],
    "questions": [str], "objections": {id: {"name", "objection", "how"}}}, every line "" when the sheet has none."""
    from helpers import workshop
    es = sheet.get("spanish") or {}
    n_recap, n_questions = len(sheet["recap"]), len(questions)
    parts = ("name", "objection", "how")
    if not es:
        return {"title": "", "intro": "", "recap": [""] * n_recap, "questions": [""] * n_questions,
                "objections": {k: dict.fromkeys(parts, "") for k in sheet["objections"]}}
    where = f"exercise_sheets, {sheet['notebook']} exercise {sheet['exercise']}"
    english = " ".join([source, *sheet["recap"], *(str(counter.loc[k][p]) for k in sheet["objections"] for p in parts)])
    workshop.check_fingerprint("facilitation.yml", where, es, english, f"the lesson {sheet['notebook']}, the "
                               "sheet's recap and argument.yml's objections", "the same instructions, line for line")
    objections = es.get("objections") or {}
    if set(objections) != set(sheet["objections"]) or any(not str(objections[k].get(p) or "").strip()
                                                           for k in objections for p in parts):
        raise HelperError("facilitation.yml", f"the Spanish of {where} gives the objections "
                          f"{sorted(objections) or 'none'}; the table names {sheet['objections']}.",
                          "give each objection the table names its Spanish name, objection and how.")
    if len(es.get("recap") or []) != n_recap or len(es.get("questions") or []) != n_questions:
        raise HelperError("facilitation.yml", f"the Spanish of {where} has {len(es.get('recap') or [])} recap lines "
                          f"and {len(es.get('questions') or [])} questions; the English has {n_recap} and "
                          f"{n_questions}.", "give one Spanish line for each English line, in the same order.")
    return {"title": str(es.get("title") or ""), "intro": " ".join(str(es.get("intro") or "").split()),
            "recap": [str(x) for x in es["recap"]], "questions": [str(x) for x in es["questions"]],
            "objections": {k: {p: str(objections[k][p]) for p in parts} for k in sheet["objections"]}}


def _inline(text: str) -> str:
    """Markdown's **bold** and *italic* in one line of an exercise, as HTML (the rest escaped)."""
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)\*(?!\w)", r"<i>\1</i>", text)


def build(out: Path, reading: str = DEFAULT_READING) -> list[Path]:
    """Write the packet, the summary, the glossary, the setup page, the exercise sheets and the Spanish the reading
    message of a version for Spanish readers attaches into out/participant,
    and each plan's packet and glossary excerpt into out/facilitator; return the files."""
    from helpers.edition import mark_languages
    folder = out / "participant"
    folder.mkdir(parents=True, exist_ok=True)
    pages = dict(zip(PAGES, (packet_html(reading), summary_html(reading), glossary_html(reading),
                              setup_html(reading)))) | exercise_sheets(reading) | spanish_attachments(reading)
    written = []
    for name, text in pages.items():
        path = folder / name
        path.write_text(mark_languages(text), encoding="utf-8")
        written.append(path)
    (out / "facilitator").mkdir(parents=True, exist_ok=True)
    excerpts = {f"glossary-{plan}.html": glossary_excerpt_html(reading, plan) for plan in glossary_excerpts(reading)}
    for name, text in (plan_packets(reading) | excerpts).items():
        path = out / "facilitator" / name
        path.write_text(mark_languages(text), encoding="utf-8")
        written.append(path)
    return written


def plan_packets(reading: str = DEFAULT_READING) -> dict[str, str]:
    """Each plan's own packet, for the facilitator to print (sessions.yml, printouts: packet): only its meetings, as
    planned (packet-{plan}.html), and for a plan with a version for Spanish readers, that version's packet
    (packet-{plan}-spanish.html; the print list's packet file matches both), by file name, written into facilitator/. One agenda a
    meeting in each: a room runs one version (facilitator review 16: the 90-minute packet printed both, 16 pages)."""
    from tools import decks
    versions = dict.fromkeys((plan, rows.iloc[0].version) for plan, _, rows, _ in decks.meetings(reading, versions=True))
    return {f"packet-{plan}{'-' + version if version else ''}.html": packet_html(reading, plan, version)
            for plan, version in versions}
