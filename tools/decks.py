"""A facilitator's kit for each meeting of every plan in sessions.yml, built by ``make handouts``:

- slides/<plan>-<n>.slides.html   one reveal.js deck per meeting (offline, 1280×720): title, content note,
                                  group agreements, each segment's prompt with its ¶ range, the discussion
                                  questions as read aloud (in full in the notes), and the key points with the
                                  reading for next time; the facilitator notes of each segment are its speaker
                                  notes (press S);
- facilitator/run-sheet-<plan>-<n>.html   one printed page per meeting: times from 0:00 and a column for the
                                  clock, what to say or do, where in the essay, each question as read aloud;
- facilitator/checklist-<plan>-<n>.html    one printed page per meeting (and per version for Spanish readers,
                                  like the run sheet): what to print for it, from the plan's print list, and
                                  everything to bring, each thing once, with when it is used.

Everything is generated from sessions.yml, discussion.yml and facilitation.yml: nothing here is a second
copy. What the pages say is for a facilitator, not a programmer: notebooks by number and title, no file names.
"""
from __future__ import annotations

import html
import json
import math
import re

import nbformat
import pandas as pd

from helpers.errors import HelperError
from helpers.essay import DEFAULT_READING, load_essay
from helpers.readable import question_name, questions_in_words
from helpers.text import paragraph_list, paragraph_numbers

DEFAULT_START = None             # a run sheet counts from 0:00, with a column to write the clock in, unless given a start
RECAP_SKIP = {"welcome", "recap", "break", "back from break", "key points", "setup", "closing round"}


# ---- plain words for a facilitator: notebooks by number and title, no file names -------------------------

def _short_titles() -> dict[str, str]:
    """"00" -> "Start here": each notebook's title up to its colon (from the lesson metadata)."""
    from helpers import workshop
    from helpers.lessons import NOTEBOOKS
    return {p.stem[:2]: re.split(r"[:,]", workshop.lesson_parts(p.stem)["title"])[0]
            for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))}


def plain(text: str, titles: dict[str, str]) -> str:
    """A text from the data as a facilitator reads it: a file path is dropped (its words around it say what it
    is), a notebook is named by number and title ("notebook 02, Voices"), never by its file name.

    >>> plain("Print the cards (build/participant/cards.pdf: one box per card)", {})
    'Print the cards (one box per card)'
    >>> plain("opens 00_start_here and runs it; the glossary (participant edition of 04)", {"00": "Start here", "04": "Terms"})
    'opens notebook 00 (Start here) and runs it; the glossary (participant edition of notebook 04, Terms)'
    """
    text = re.sub(r"\s*\(\s*build/[\w./-]+\s*\)", "", text)                 # "(build/x.pdf)": only a path
    text = re.sub(r"build/[\w./-]+\.\w+(?::\s*|\s*)", "", text)               # "(build/x.pdf: one box …)"
    text = re.sub(r"\b(\d\d)_[a-z_]+\b(?!\.)",
                  lambda m: f"notebook {m[1]}" + (f" ({titles[m[1]]})" if m[1] in titles else ""), text)
    text = re.sub(r"\b(notebook |of )(0\d)\b(?! \()",
                  lambda m: ("of notebook " if m[1] == "of " else "notebook ") + m[2]
                  + (f", {titles[m[2]]}" if m[2] in titles else ""), text)
    return text


def clock(minute: int, start: str | None = None) -> str:
    """A minute of the meeting as a time: elapsed ("1:05"), or on the clock from a start ("19:05").

    >>> clock(65), clock(65, "18:00"), clock(130, "23:00")
    ('1:05', '19:05', '1:10')
    """
    if start:
        h, m = (int(x) for x in start.split(":"))
        minute += 60 * h + m
        return f"{minute // 60 % 24}:{minute % 60:02d}"
    return f"{minute // 60}:{minute % 60:02d}"


def paragraphs_in_words(paragraphs: str, spanish: bool = False) -> str:
    """"¶10, ¶49–¶50" -> "¶10 and ¶49–¶50" (with ``spanish``, "¶10 y ¶49–¶50"), for a sentence; empty stays empty."""
    parts = [p.strip() for p in (paragraphs or "").split(",") if p.strip()]
    joined = " y " if spanish else " and "
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + joined + parts[-1] if parts else ""


def materials(text: str) -> list[str]:
    """The separate things a segment's materials name ("a; b; c" -> [a, b, c]), empty ones left out; a ";" inside
    brackets does not separate (facilitator review 25: "the argument map of 01 (projected; on paper, …)" was two
    checklist items, each with half the brackets).

    >>> materials("the map (projected; on paper, the packet); reader's edition")
    ["the map (projected; on paper, the packet)", "reader's edition"]
    """
    items, depth, start = [], 0, 0
    text = text or ""
    for i, ch in enumerate(text):
        depth += (ch in "([") - (ch in ")]")
        if ch == ";" and depth <= 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return [m.strip() for m in items if m.strip()]


# what only a meeting on the computers uses: a meeting (or version) all on paper leaves it off its checklist
COMPUTER_ONLY = re.compile(r"\bbundle\b|\bzip\b|\bBinder\b|\bsetup page\b", re.I)


def _key(item: str) -> str:
    return re.sub(r"\W+", " ", item.lower()).strip()


def _remembered(loader, essay):
    """``loader(essay)`` through the package's memo (helpers/memo.py): a deck, a run sheet, a checklist and the
    preparation route each ask for the same tables (a kit build asked about 30 times, 5 s of processor time a
    build), and the memo runs the loader again only when a file it read has changed. A loader replaced by a
    function of its own (a test's stand-in, its name not unique) is called directly."""
    from helpers.memo import remembered
    return loader(essay) if "<locals>" in loader.__qualname__ else remembered(loader, essay)


def links_on() -> bool:
    """Whether launch links are on (launch.yml names a repository): the kit then keeps the plans' ``[online: …]``
    words (relaunching, downloading before a stretch on paper) and the save-and-relaunch boxes."""
    from tools.launch import settings
    return settings()["repository"] is not None


def kit_plans(essay):
    """The session plans as this kit prints them: with launch links off, every ``[online: …]`` part left out."""
    from helpers import workshop
    plans = _remembered(workshop.load_plans, essay)
    plans = plans if links_on() else workshop.offline(plans)
    # discussion questions named as the room says them ("question 8"), not by their ids
    return plans.assign(activity=plans.activity.map(questions_in_words),
                        activity_es=plans.activity_es.map(lambda t: questions_in_words(t, spanish=True)))


def meetings(reading: str = DEFAULT_READING, versions: bool = False):
    """Everything a meeting's deck and run sheet need, once: (plan, meeting, its segments, context); with
    ``versions``, a meeting's Spanish readers' version (sessions.yml, ``spanish_variant``) follows it, its segments
    marked ``version`` "spanish"."""
    from helpers import load_questions, workshop
    from helpers.discussion import load_facilitation
    essay = load_essay(reading)
    plans = kit_plans(essay)
    questions = _remembered(load_questions, essay).set_index("id")
    context = {"essay": essay, "plans": plans, "links": links_on(),
               "facilitation": _remembered(load_facilitation, essay),
               "paces": workshop.reading_paces(essay),
               "questions": questions, "titles": _short_titles(),
               "handout": _remembered(workshop.load_handout, essay),
               "notes": _remembered(workshop.load_notes, essay),
               "pre": workshop.pre_reading(essay, plans), "questions_es": workshop.load_questions_es(essay, plans),
               "leads_es": _remembered(workshop.load_slide_leads_es, essay),
               "aloud_es": _remembered(workshop.load_aloud_es, essay),
               "leading_es": _remembered(workshop.load_leading_es, essay),
               "sheet": _remembered(workshop.load_spanish_sheet, essay)}
    from tools import paper
    for (plan, meeting), rows in plans.groupby(["plan", "meeting"], sort=False):
        # "this session's paper edition" with its pages, once the build has printed it (tools.paper)
        yield plan, meeting, paper.with_pages(rows.assign(version=""), f"{plan}-{meeting}"), context
        spanish = workshop.spanish_version(rows) if versions else None
        if spanish is not None:
            yield plan, meeting, paper.with_pages(spanish.assign(version="spanish"), f"{plan}-{meeting}-spanish"), context


VERSION_TITLES = {"spanish": "for a room with Spanish readers"}
# the same, as a Spanish reader sees it (the version's title slide, the packet's agendas)
VERSION_TITLES_ES = {"spanish": "para un grupo que lee mejor en español"}


def name_of(plan: str, meeting: int, rows) -> str:
    """The file name stem of a meeting's deck or run sheet: "single-90-1", or "single-90-1-spanish" for its version."""
    version = rows.iloc[0].version
    return f"{plan}-{meeting}" + (f"-{version}" if version else "")


def running_late(rows, ctx, spanish: bool = False) -> str:
    """What to drop first when time runs short (sessions.yml, ``if_short``), and whether the meeting has a break;
    plain text for a run sheet and the title slide's notes; empty when the meeting names nothing to drop. With
    ``spanish``, in Spanish, for the run sheet of a version for Spanish readers (native Spanish review 23)."""
    name = rows.iloc[0].if_short
    if not name:
        return ""
    seg = rows[rows.topic == name].iloc[0]
    if spanish:
        home = (f"; su trabajo, para casa: cuaderno {seg.notebook[:2]}, {seg.notebook_es}"
                if seg.notebook else "")
        # the part by its time, which the sheet prints, and in words; its name in quotes matched no text on the
        # sheet, whose row opens with its activity (native Spanish review 27, 13)
        text = (f"¿Retraso (pausa, momento tenso, comienzo lento)? Quite primero la parte de las {clock(seg.start)} "
                f"({seg.topic_es[:1].lower()}{seg.topic_es[1:]}, {seg.minutes} min{home}); el tiempo de una pausa se "
                "toma de esa parte, no de las otras.")
        if "break" not in set(rows.topic):
            step_out = next((n for n, a in enumerate(ctx["handout"]["agreements"], start=1) if "step out" in a["en"]),
                            None)
            text += (" Esta sesión no tiene descanso: cualquiera puede salir en cualquier momento"
                     + (f" (acuerdo {step_out})." if step_out else "."))
        return text
    home = (f"; its work stays in notebook {seg.notebook[:2]} ({ctx['titles'].get(seg.notebook[:2], '')}) for home"
            if seg.notebook else "")
    text = (f"Running late (a pause, a heated moment, a slow start)? Drop the {seg.topic} segment first ({seg.minutes} minutes "
            f"at {clock(seg.start)}){home}; a pause comes out of it, not out of the other segments.")
    if "break" not in set(rows.topic):
        step_out = next((n for n, a in enumerate(ctx["handout"]["agreements"], start=1) if "step out" in a["en"]), None)
        text += (" There is no break in this meeting: anyone may step out at any time"
                 + (f" (agreement {step_out})." if step_out else "."))
    return text


def _title(rows, plans) -> str:
    first = rows.iloc[0]
    title = (f"{first.plan_title}. {first.meeting_title}" if plans[plans.plan == first.plan].meeting.nunique() > 1
             else str(first.plan_title))
    version = getattr(first, "version", "")
    return f"{title}, {VERSION_TITLES[version]}" if version else title


def _title_es(rows, plans) -> str:
    """The title of a meeting's version in Spanish, for the Spanish readers it is made for ("" for a meeting that
    is not a version)."""
    first = rows.iloc[0]
    version = getattr(first, "version", "")
    if not version:
        return ""
    title = (f"{first.plan_title_es}. {first.meeting_title_es}" if plans[plans.plan == first.plan].meeting.nunique() > 1
             else str(first.plan_title_es))
    return f"{title}, {VERSION_TITLES_ES[version]}"


def _next_reading(pre, plan: str, meeting: int):
    """The next meeting's pre-reading row, or None after the last meeting of a plan."""
    later = pre[(pre.plan == plan) & (pre.meeting == meeting + 1)]
    return None if later.empty else later.iloc[0]


def question_paragraphs(q) -> str:
    return paragraph_list(sorted(set(q.paragraphs)))


# ---- the decks ------------------------------------------------------------------------------------------------

LONG_QUESTION = 1200      # characters: a question longer than this is set a size smaller to fit its slide
# Under a long question's closing questions, on the Spanish readers' deck: where the rest of it is
QUOTATIONS_ON_PAPER = ("La pregunta completa, con las palabras del ensayo y sus párrafos (¶), está en el cuadernillo "
                       "para participantes (Preguntas de discusión).")
SHORT_ON_PAPER = "La pregunta completa está en el cuadernillo."     # under a lead-in, where words are few
FULL_ON_PAPER = "The full question, with the essay's words and their ¶, is in the participant packet."


# The words by which a question marks a reading as the package's own, in English and Spanish: a question printed
# or projected in short keeps every one of them (close reading 13: D02 in short dropped "the package's reading")
HEDGE = re.compile(r"package's reading|our reading|interpretación de este material|lectura nuestra|así lo leemos",
                   re.I)


def keep_hedges(text: str, rest: str, sentence_end: str) -> str:
    r"""``rest``, the end of ``text`` printed in short, begun earlier when ``text`` marks a reading as the package's
    (HEDGE) where ``rest`` does not: from the sentence that holds its first such mark, so that the short form keeps
    every one.

    >>> keep_hedges("One. Two (the package's reading). Why? How?", "Why? How?", r"[.?!]\)? (?=[A-Z])")
    "Two (the package's reading). Why? How?"
    >>> keep_hedges("One. Why? How?", "Why? How?", r"[.?!]\)? (?=[A-Z])")
    'Why? How?'
    """
    marks = [m.start() for m in HEDGE.finditer(text)]
    if not rest or len(HEDGE.findall(rest)) >= len(marks):
        return rest
    starts = [m.end() for m in re.finditer(sentence_end, text) if m.end() <= marks[0]]
    return text[starts[-1] if starts else 0:]


def closing_questions(text: str) -> str:
    """A long Spanish question's closing questions: the sentences after the one with its last quotation of the
    essay, when they ask at least two questions ("" otherwise, and the slide keeps the whole question: a single
    question at the end often leans on what came before, "ese vínculo"). A long question is mostly the essay's words
    and their renderings; the packet lists what it asks under what it leans on (tools.handout; the slides project
    the spoken form, discussion_es.yml ``aloud``, since facilitator review 22)."""
    text = " ".join(text.split())
    last = text.rfind('"')
    end = r"[.?!]\)? (?=[¿A-ZÁÉÍÓÚÑ])"
    ends = [m.end() for m in re.finditer(end, text) if m.start() > last] if last >= 0 else []
    rest = text[ends[0]:] if ends else ""
    # one question alone often leans on what came before ("eso"); a reading marked as ours stays marked
    return keep_hedges(text, rest, end) if rest.count("¿") >= 2 else ""


DENSE = 700               # characters of a segment's prompt in both languages (a sensitive box: its lines, >= 400): smaller type
DENSER = 1450             # ... and past this (a long prompt with both a sensitive and a flashpoint box): smaller again
DENSEST = 1900            # ... and past this (the Spanish readers' version of such a slide): the smallest type


def _denser(weight: int, denser: int, densest: int) -> str:
    """The classes that set a dense slide's type smaller again, by its weight in characters."""
    return " denser densest" if weight > densest else " denser" if weight > denser else ""


SLIDE_WORDS = 120         # words a projected slide may hold, heading and all (review14 A3: 200-380-word slides were
                          # unreadable from the back of the room); the single 90-minute plan's decks keep to it (tested)


def in_parts(text: str, limit: int) -> list[str]:
    """``text`` cut at sentence ends (and, inside a sentence too long, after a closing bracket and its comma) into
    parts of at most ``limit`` words where it can, each part as many whole sentences as fit.

    >>> in_parts("One two. Three four five. Six.", 3)
    ['One two.', 'Three four five.', 'Six.']
    >>> in_parts("One two. Three.", 5)
    ['One two. Three.']
    """
    pieces = []
    for sentence in re.split(r"(?<=[.?!])\s+(?=[A-ZÁÉÍÓÚÑ¿])", " ".join(text.split())):
        if words(sentence) <= limit:
            pieces.append(sentence)
            continue
        pieces += [x for x in re.split(r"(?<=\)[,;]) ", sentence) if x]
    parts: list[str] = []
    for piece in pieces:
        if parts and words(parts[-1]) + words(piece) <= limit:
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return parts


QUESTION_SLIDE_WORDS = 80   # words a discussion question's slide may hold, heading and all (facilitator review 21: the
                            # question 2 slides held 119-120 words of small type; the series' questions up to 231)


def asked(text: str) -> list[str]:
    """A question's closing questions one by one, each a sentence ending in "?" (the Spanish may open with "¿" or
    with "Si ...").

    >>> asked("If so, does it hold? Why? ¿Y qué más?")
    ['If so, does it hold?', 'Why?', '¿Y qué más?']
    """
    return [x for x in re.split(r"(?<=\?)\s+", " ".join(text.split())) if x]


CUTS = (r"(?<=[.?!])\s+(?=[A-ZÁÉÍÓÚÑ¿])",      # where a question's text may be cut, first to last resort: sentence
        r'(?<=[)"\]][,;]) ',                  # ends, after a closing bracket or quotation mark and its comma, after any
        r"(?<=[,;:]) ", r" ")                 # comma, semicolon or colon, between words


def cut(text: str, limit: int, level: int = 0) -> list[str]:
    """``text`` in parts of at most ``limit`` words, each as many whole pieces as fit: cut at sentence ends, and a
    piece still too long at the next of CUTS.

    >>> cut("One two three. Four, five six seven.", 3)
    ['One two three.', 'Four,', 'five six seven.']
    """
    parts: list[str] = []
    for piece in re.split(CUTS[level], " ".join(text.split())):
        for x in ([piece] if words(piece) <= limit or level + 1 == len(CUTS) else cut(piece, limit, level + 1)):
            if parts and words(parts[-1]) + words(x) <= limit:
                parts[-1] += " " + x
            else:
                parts.append(x)
    return parts


def _question_pieces(body: str, limit: int) -> list[tuple[str, str, int]]:
    """The paragraphs of a question's slide body (after its heading) as pieces of at most ``limit`` words: a
    closing-questions paragraph a question a piece, any other paragraph ``cut``; each piece (its paragraph's tag,
    its text, which paragraph)."""
    pieces = []
    for n, (tag, text) in enumerate(re.findall(r"(<p\b[^>]*>)(.*?)</p>", body, flags=re.S)):
        if "closing" in tag:
            pieces += [(tag, x, -1) for x in asked(text)]
        else:
            pieces += [(tag, x, n) for x in cut(text, limit)]
    return pieces


def question_slides(heading: str, body: str, notes: str, bound: int = QUESTION_SLIDE_WORDS) -> list[tuple[str, str]]:
    """A question's slide as slides of at most ``bound`` words each, heading and all: the slide itself when it fits,
    else its paragraphs cut (``_question_pieces``) and packed in order, each slide under the same heading (a
    paragraph cut across slides goes on in the same paragraph on each); the facilitator's notes stay with the first,
    the others say they go on."""
    if words(heading + body) <= bound:
        return [(heading + body, notes)]
    slides: list[list[tuple[str, str, int]]] = []
    for tag, text, n in _question_pieces(body, bound - words(heading)):
        if slides and words(heading + " ".join(x[1] for x in slides[-1]) + " " + text) <= bound:
            last = slides[-1][-1]
            if n >= 0 and last[2] == n:            # the same paragraph goes on
                slides[-1][-1] = (tag, f"{last[1]} {text}", n)
            else:
                slides[-1].append((tag, text, n))
        else:
            slides.append([(tag, text, n)])
    more = "**For the facilitator**\n\nThe same question, continued (a slide holds at most " \
           f"{bound} words, so the back of the room can read it)."
    # a slide of at most ``bound`` words needs no smaller type (the class ``long``, for a question whole on one slide)
    return [(heading + "".join(f"{tag.replace(' long', '')}{text}</p>" for tag, text, _ in slide),
             notes if i == 0 else more)
            for i, slide in enumerate(slides)]


def _box_slides(cells: list, head: str, boxes: list[str]) -> None:
    """A segment's boxes (sensitive, flashpoint) on slides of their own, under the segment's heading: together when
    they fit SLIDE_WORDS, else a box per slide, and a box too long for one slide in two, English then Spanish (the
    Spanish half marked ``continued``, the same box)."""
    if words(head + "".join(boxes)) <= SLIDE_WORDS:
        _slide(cells, f"{head}\n\n" + "".join(boxes))
        return
    for box in boxes:
        if words(head + box) <= SLIDE_WORDS:
            _slide(cells, f"{head}\n\n{box}")
            continue
        english, _, rest = box.partition('<br><span lang="es" class="es">')
        opening = re.match(r'<div class="(\w+)"><strong>(.*?)</strong>', box)
        _slide(cells, f"{head}\n\n{english}</div>")
        _slide(cells, f'{head}\n\n<div class="{opening[1]} continued"><strong>{opening[2]}</strong> '
                      f'<span lang="es" class="es">{rest}')


def _slide(cells: list, body: str, notes: str = "") -> None:
    cell = nbformat.v4.new_markdown_cell(body)
    cell.metadata["slideshow"] = {"slide_type": "slide"}
    cells.append(cell)
    if notes:
        note = nbformat.v4.new_markdown_cell(notes)
        note.metadata["slideshow"] = {"slide_type": "notes"}
        cells.append(note)


def said_aloud(handout: dict, lang: str) -> str:
    """The speaker notes of a content-note slide: the words to say at the welcome (facilitation.yml,
    ``content_note_aloud``), so an English facilitator has them on screen (S) and in the facilitator's notes on paper
    (facilitator review 26: the English run sheet said "read it from its slides", whose notes were empty).

    Parameters:
        handout: ``helpers.workshop.load_handout(essay)``.
        lang: ``"en"`` or ``"es"``, the slide's language.

    Returns:
        Markdown for the slide's notes: a bold label, then the note in quotation marks.

    Example:
        >>> from helpers import load_essay, workshop
        >>> said_aloud(workshop.load_handout(load_essay()), "en").startswith("**Say at the welcome")
        True
    """
    label = {"en": "Say at the welcome (the content note in short; the slide is for the room to read)",
             "es": "En voz alta, al dar la bienvenida (el aviso en breve; la diapositiva es para que la lea el grupo)"}
    return f"**{label[lang]}:** “{handout['content_note_aloud'][lang]}”"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def sensitive_topic(seg) -> str:
    """The topic whose line for the room (facilitation.yml, sensitive_for_group) a sensitive segment shows: its own, or
    the one a version's segment says it does (sessions.yml, a spanish_variant's activities, ``sensitive_as``: the
    Spanish Session 3 recap does the two death tolls, facilitator review 22)."""
    as_ = getattr(seg, "sensitive_as", None)
    return as_ if isinstance(as_, str) and as_ else seg.topic


def _flag(seg, handout: dict) -> str:
    """The box on a sensitive segment's slide: the line for the room (facilitation.yml, sensitive_for_group),
    in English and Spanish; the facilitator's own line (sessions.yml) stays in the notes and on the run sheet."""
    line = handout["sensitive_for_group"].get(sensitive_topic(seg))
    if line is None:
        raise HelperError("facilitation.yml", f"the segment {seg.topic!r} is marked sensitive in sessions.yml, but "
                          "there is no line for the room to read on its slide.",
                          f"add under sensitive_for_group a '{seg.topic}:' with en: and es: (what the part is about, "
                          "that nobody is asked for their story, and that anyone may step out).")
    return (f'<div class="sensitive"><strong>Sensitive part · Tema sensible.</strong> {_e(line["en"])} '
            f'<br><span lang="es" class="es">{_e(line["es"])}</span></div>')


def flashpoints_of(seg, ctx) -> list[int]:
    """The flashpoints (facilitation.yml) a segment reads, points pairs to or discusses: its paragraphs, its
    points_to and its questions'."""
    touched = set(paragraph_numbers(seg.paragraphs or "")) | set(paragraph_numbers(getattr(seg, "points_to", "") or ""))
    touched |= {n for q in seg.discussion.split(", ") if q for n in ctx["questions"].paragraphs[q]}
    return sorted(touched & set(ctx["handout"]["flashpoints"]))


def _beside_sensitive(line: str) -> str:
    """A flashpoint line under a sensitive box, which says already how the room discusses the part: its first
    sentence (the passages) and the last clause of the rest (the pause), without the ground rule between them.

    >>> _beside_sensitive("Passages: ¶45. We discuss the text, not each other; anyone may ask for a pause.")
    'Passages: ¶45. Anyone may ask for a pause.'
    """
    first, _, rest = line.partition(". ")
    pause = rest.rpartition("; ")[2]
    return f"{first}. {pause[:1].upper()}{pause[1:]}" if rest else line


def _flashpoint_box(hit: list[int], handout: dict, beside_sensitive: bool = False) -> str:
    """The box on the slide of a segment that touches a flashpoint: the room's line, in English and Spanish (under
    a sensitive box, without the ground rule that box gives: review13b made the ¶45 slides too long for 1280×720)."""
    line = {k: v.replace("{paragraphs}", paragraph_list(hit)) for k, v in handout["flashpoint_for_group"].items()}
    if beside_sensitive:
        line = {k: _beside_sensitive(v) for k, v in line.items()}
    return (f'<div class="flashpoint"><strong>Flashpoint · Punto de tensión.</strong> {_e(line["en"])} '
            f'<br><span lang="es" class="es">{_e(line["es"])}</span></div>')


def leading(qid: str, ctx, short: bool = False, minutes: int = 15, spanish: bool = False, of: int = 0) -> str:
    """How to lead a discussion question (discussion.yml, ``facilitation``): the prompts, the likely answers with
    the ¶ each rests on, and how to close; ``short`` gives the run sheet's line (the close only). Empty without.
    With ``spanish`` (a version for Spanish readers), the labels, prompts and close in Spanish (discussion_es.yml,
    ``leading``); the likely answers stay in the essay's English, said so. ``of``: the minutes of a segment that holds
    more than one question, ``minutes`` this question's share (native Spanish review 23: "question 2 in 45 minutes",
    the whole segment's, where it has about 22)."""
    f = ctx["facilitation"].get(qid)
    if not f:
        return ""
    n = f.get("in_short", len(f["prompts"]))
    es = ctx.get("leading_es", {}).get(qid) if spanish else None
    if es:
        return _leading_es(qid, f, es, n, short, minutes, of)
    if short:      # a slot of 15 minutes: the first prompts' questions (discussion.yml, in_short), then the close
        first = (f"First ask: {' '.join(first_sentence(p) for p in f['prompts'][:n])} "
                 if n < len(f["prompts"]) else "")
        return f"{first}Close ({question_name(qid)}): {f['close']}"
    # the notes keep every prompt; those a 15-minute slot can use come first, the rest for a longer discussion
    asks = ([f"*Leading {question_name(qid)}: ask, in order:*"] + [f"- {p}" for p in f["prompts"]]
            if n >= len(f["prompts"]) else
            [f"*Leading {question_name(qid)} "
             + (f"(about {minutes} of this segment's {of} minutes)" if of else f"in {minutes} minutes")
             + ": ask these, in order:*"] + [f"- {p}" for p in f["prompts"][:n]]
            + ["", "*With more time, then:*"] + [f"- {p}" for p in f["prompts"][n:]])
    return "\n".join(asks
                     + ["", "*Answers the room may give (each rests on the essay):*"]
                     + [f"- {a['answer']} (¶{a['paragraph']})" for a in f["likely"]]
                     + ["", f"*To close:* {f['close']}"])


def _leading_es(qid: str, f: dict, es: dict, n: int, short: bool, minutes: int, of: int = 0) -> str:
    """``leading`` in Spanish: the same parts, with the Spanish prompts and close (native Spanish review 21)."""
    name = question_name(qid, spanish=True)
    if short:
        first = (f"Primero pregunte: {' '.join(first_sentence(p) for p in es['prompts'][:n])} "
                 if n < len(es["prompts"]) else "")
        return f"{first}Cierre ({name}): {es['close']}"
    asks = ([f"*Cómo conducir la {name}: pregunte, en este orden:*"] + [f"- {p}" for p in es["prompts"]]
            if n >= len(es["prompts"]) else
            [f"*Cómo conducir la {name} "
             + (f"(unos {minutes} de los {of} minutos de esta parte)" if of else f"en {minutes} minutos")
             + ": pregunte esto, en este orden:*"]
            + [f"- {p}" for p in es["prompts"][:n]] + ["", "*Con más tiempo, después:*"]
            + [f"- {p}" for p in es["prompts"][n:]])
    return "\n".join(asks
                     + ["", "*Respuestas que puede dar el grupo (cada una se apoya en el ensayo; en inglés, con las "
                            "palabras del ensayo):*"]
                     + [f"- {a['answer']} (¶{a['paragraph']})" for a in f["likely"]]
                     + ["", f"*Para cerrar:* {es['close']}"])


def first_sentence(text: str) -> str:
    """A prompt's first sentence, its question: up to the first "?" or "." followed by a space and a capital (or the
    end); what follows it (a parenthesis, a second step) is the notes'.

    >>> first_sentence("Who raises the objection in ¶45? (The authors themselves.) Read aloud what they grant.")
    'Who raises the objection in ¶45?'
    """
    found = re.search(r"[?.](?=\s+[(A-Z“]|$)", text)
    return text[:found.end()] if found else text


# what to do when a flashpoint divides the room: in the speaker notes and on the run sheet, once, in a box the cues point to
IF_IT_FLARES = "If it flares: pause, restate both views neutrally, ask each side for its ¶, move on if it does not settle."
FLARES_SEE_BOX = "If it flares: the box above."
# the same on the run sheet of a version for Spanish readers, whose facilitator's side is in Spanish (native Spanish
# review 23: "Usable on the day? Only if the facilitator reads English"), with agreement 5's verb, "se acalora" (native
# Spanish review 26b, 7: "Si se enciende" had no subject and a second verb for it)
IF_IT_FLARES_ES = ("Si la discusión se acalora: pausa; repita las dos lecturas con neutralidad, pida a cada lado "
                   "su ¶ y siga adelante si no se resuelve.")
FLARES_SEE_BOX_ES = "Si se acalora: el recuadro de arriba."
SHORT_AT = 80      # words: a discussion question longer than this prints on the run sheet as what it asks


def sheet_question(text: str) -> str:
    """A long question's closing questions, as the packet lists them under what they lean on (the run sheet and the
    slides give the question's spoken form, discussion.yml ``aloud``, since facilitator review 22): the sentences after the one with its last quotation of the essay, when they ask at least two
    questions, begun earlier if need be to keep every mark of the package's reading (``keep_hedges``); "" for a question of at most SHORT_AT words, or one whose end leans on what came before.

    >>> sheet_question('A short one: "x"? Why?')
    ''
    >>> sheet_question(" ".join(["word"] * 90) + ' "quoted" (a gloss). Does it hold? Why?')
    'Does it hold? Why?'
    """
    text = " ".join(text.split())
    if len(text.split()) <= SHORT_AT:
        return ""
    last = text.rfind('"')
    end = r"[.?!]\)? (?=[A-Z])"
    ends = [m.end() for m in re.finditer(end, text) if m.start() > last] if last >= 0 else []
    rest = text[ends[0]:] if ends else ""
    return keep_hedges(text, rest, end) if rest.count("?") >= 2 else ""     # a reading marked as ours stays marked


# the segments that open a meeting: their slide comes first, then the content note and the group agreements
OPENINGS = ("welcome", "recap")


# printouts for the facilitator alone, which a participant on paper does not work from
FACILITATOR_PRINTOUTS = {"run sheets", "checklist", "notes"}


def version_printouts(plan: str, ctx) -> str:
    """What a plan's version for Spanish readers prints instead of the plan's own (sessions.yml, printouts,
    ``version``), in one phrase: for the run sheet's header, the checklist's legend and the guide."""
    lists = ctx.get("print")
    if lists is None:
        from helpers import workshop
        lists = ctx["print"] = workshop.load_print_lists(ctx["essay"])
    from helpers import workshop
    return workshop.version_own(lists, plan)


def paper_route(plan: str, ctx, version: bool = False) -> str:
    """What a participant without a computer works from in this plan: its print list (sessions.yml, ``print``),
    without the facilitator's own sheets, in plain words; with ``version``, what the version for Spanish readers
    prints (its own cards, not the English; facilitator review 25), else what the plan as planned prints."""
    lists = ctx.get("print")
    if lists is None:
        from helpers import workshop
        lists = ctx["print"] = workshop.load_print_lists(ctx["essay"])
    from helpers import workshop
    mine = (workshop.version_print_list(lists, plan) if version else
            lists[(lists.plan == plan) & (lists.only != "version for Spanish readers")])
    short = [re.split(r" \(|: ", r.name)[0] for r in mine.itertuples() if r.printout not in FACILITATOR_PRINTOUTS]
    names = [n[:1].lower() + n[1:] for n in short]
    return ("work from what this plan prints (the kit's start page lists it): " + "; ".join(names) + ". The "
            "figure a segment projects is on the slide after it.")


def _segment_notes(seg, ctx, first_use: bool = True, computers: bool = True) -> str:
    """The speaker notes of one segment: the flag, the materials, how to lead its discussion questions, the
    notebook's facilitator notes (at the meeting's first segment with that notebook only), and at the opening of
    a meeting the safety notes."""
    titles = ctx["titles"]
    lines = ["**For the facilitator**", ""]
    spanish = bool(getattr(seg, "version", ""))      # a version for Spanish readers: its guidance in Spanish
    if getattr(seg, "room", ""):      # the slide shows the room's words; what to do is the run sheet's, and here
        # in a version, the room's Spanish, then the run sheet's fuller English directions (one line: the route
        # does not count it again)
        lines += [f"*Qué hacer:* {plain(seg.activity_es, titles)} (En inglés, con más detalle: "
                  f"{plain(seg.activity, titles)})" if spanish and seg.activity_es
                  else f"*What to do:* {plain(seg.activity, titles)}", ""]
    if seg.sensitive:
        lines += [f"**Sensitive.** {plain(seg.sensitive, titles)}", ""]
    hit = flashpoints_of(seg, ctx)
    if hit:
        lines += [f"**Flashpoint: name {paragraph_list(hit)} before the group reads or discusses it** (the content "
                  f"note names it). {IF_IT_FLARES}", ""]
    if seg.materials:
        lines += [f"*Materials:* {plain(seg.materials, titles)}", ""]
    if getattr(seg, "lead", ""):        # sessions.yml, lead: likely answers for a segment with no question
        lines += [(f"**Cómo conducirlo** (respuestas probables, en inglés, con las palabras del ensayo). "
                   if spanish else "**Leading it.** ") + plain(seg.lead, titles), ""]
    asked = [q for q in seg.discussion.split(", ") if q]
    for qid in asked:      # a segment with two questions gives each its share of the minutes
        if leading(qid, ctx):
            lines += [leading(qid, ctx, minutes=seg.minutes // len(asked), spanish=spanish,
                              of=seg.minutes if len(asked) > 1 else 0), ""]
    # a version with no computers (no screen segment left) has no notebook to get stuck in, and nothing to do without
    note = ctx["notes"].get(seg.notebook) if first_use and computers else None
    if note:
        # where people get stuck in the notebook and what to do without computers; not the notebook's list of
        # activities, which belongs to other plans and would read as this meeting's to-do list
        lines += [f"*Notes for notebook {seg.notebook[:2]} ({titles.get(seg.notebook[:2], '')}), where people get "
                  "stuck:*"] + [f"- {plain(s, titles)}" for s in note["stumbling_points"]]
        # on paper, the plan's own printouts, never the notebook's general advice (which may name a facilitator
        # edition, with its solutions, or a printout this plan does not make)
        lines += ["", f"*Without computers:* {paper_route(seg.plan, ctx, spanish)}"]
    if seg.topic in ("welcome", "recap"):
        lines += ["", "*Safety notes:*"] + [f"- {plain(s, titles)}" for s in ctx["handout"]["facilitator_safety"]]
        if getattr(seg, "version", "") and ctx["handout"].get("hard_moments"):   # the version for Spanish readers
            said = ctx["handout"]["interpreter"]
            lines += ["", f"*Say at the welcome (the interpreter's role):* {said['en']}", f"  *Español:* {said['es']}",
                      "", "*Hard moments, your lines in both languages:*"]
            lines += [f"- {m['when']}: “{m['en']}” · *“{m['es']}”*" for m in ctx["handout"]["hard_moments"]]
        elif ctx["handout"].get("hard_moments"):       # an English room has ready lines too (review13)
            lines += ["", "*Hard moments, your lines:*"]
            lines += [f"- {m['when']}: “{m['en']}”" for m in ctx["handout"]["hard_moments"]]
    return "\n".join(lines).strip() if len(lines) > 2 else ""


SAVE_REMINDER = {"en": "Back to the screens. Notebook stopped? Relaunch it from the link (Binder or hub) and drag the "
                       "notebook you saved into the file browser; not running in two minutes: carry on on paper.",
                 "es": "De vuelta a las pantallas. ¿Se detuvo el cuaderno? Ábranlo otra vez desde el enlace (Binder o "
                       "hub) y arrastren el cuaderno que guardaron al explorador de archivos; si en dos minutos no "
                       "funciona, sigan en papel."}


def _after_paper(rows, seg) -> bool:
    """Whether a segment comes right after a stretch on paper (``paper: true``) and brings the room back to the
    screens (the closing key points only download what was saved before the stretch)."""
    before = rows[rows.segment == seg.segment - 1]
    return (not seg.paper and seg.topic != "key points" and not before.empty and bool(before.paper.iloc[0]))


def _back_from_paper() -> str:
    """The box on the first slide after a paper stretch: relaunch and upload, in English and Spanish."""
    return (f'<div class="reminder"><strong>Save and relaunch · Guardar y volver a abrir.</strong> '
            f'{_e(SAVE_REMINDER["en"])}<br><span lang="es" class="es">{_e(SAVE_REMINDER["es"])}</span></div>')


def where_it_happens(seg, titles: dict, spanish: bool = False) -> list[str]:
    """A segment's notebook (number and short title) or, for a segment on paper, that it is on paper, as short HTML
    phrases for a slide or, with ``spanish``, for the participant packet (English · Spanish). A segment on paper
    names no notebook (facilitator review 26: "notebook 04 · on paper" sent a room without screens to a notebook)."""
    out = []
    if seg.notebook and not seg.paper:
        n = seg.notebook[:2]
        out.append(f"notebook {n}, {_e(titles.get(n, ''))}"
                   + (f' · <span lang="es">cuaderno {n}, {_e(seg.notebook_es)}</span>' if spanish else ""))
    if seg.paper:
        out.append("on paper" + (" · en papel" if spanish else ""))
    return out


def claims_to_project(seg, ctx) -> str:
    """The slide with the claims an exercise's question 2 asks about (facilitation.yml, exercise_sheets,
    ``projected_claims``), for a segment that projects a figure and does that exercise ("Exercise 2" in its activity,
    of its notebook): each claim in the essay's words with its ¶, no relation; "" for any other segment."""
    if not (seg.projects and seg.notebook):
        return ""
    from helpers import load_argument
    from helpers.anchoring import read_yaml
    named = {int(n) for n in EXERCISE_NAMED.findall(seg.activity)}
    sheets = [s for s in read_yaml(ctx["essay"].folder / "facilitation.yml").get("exercise_sheets") or []
              if s["notebook"] == seg.notebook and s["exercise"] in named and s.get("projected_claims")]
    if not sheets:
        return ""
    argument = _remembered(load_argument, ctx["essay"])
    spans = {**{p.id: (p.span, p.paragraph) for p in argument.points.itertuples()},
             **{c.id: (c.span, c.paragraph) for c in argument.claims.itertuples()}}
    items = []
    for cid in sheets[0]["projected_claims"]:
        if cid not in spans:
            raise HelperError("facilitation.yml", f"projected_claims names {cid!r}, which argument.yml does not have.",
                              "name a point (P1…) or a claim (C…) of argument.yml.")
        span, n = spans[cid]
        items.append((int(n), f'<li>“{_e(" ".join(str(span).split()))}” (¶{int(n)})</li>'))
    number = sheets[0]["exercise"]
    return (f"## Exercise {number}, question 2: which claim? · "
            f'<span lang="es">Ejercicio {number}, pregunta 2: ¿qué afirmación?</span>\n\n'
            f"<ul>{''.join(li for _, li in sorted(items))}</ul>"
            f'<p lang="es" class="es">Las afirmaciones, con las palabras del ensayo; en español, ¶51–¶52 están en la '
            f"hoja del Ejercicio {number}.</p>")


def workshop_essay_title_es(essay) -> str:
    from helpers.workshop import essay_title_es
    return essay_title_es(essay)


def deck_notebook(plan: str, meeting: int, rows, ctx) -> nbformat.NotebookNode:
    """One meeting as slides (markdown cells with slide metadata, rendered by the offline reveal template)."""
    from helpers.workshop import uses_computers
    essay, plans, questions, titles, h = ctx["essay"], ctx["plans"], ctx["questions"], ctx["titles"], ctx["handout"]
    first = rows.iloc[0]
    cells: list = []
    title_es = _title_es(rows, plans)
    flags = "".join(f"<li>{clock(s.start)}: {_e(s.topic)}"
                    + (f' · <span lang="es" class="es">{_e(s.topic_es)}</span>' if title_es else "")
                    + (" (flashpoint" + (" · punto de tensión" if title_es else "")    # the Spanish before the ¶
                       + f": {paragraph_list(flashpoints_of(s, ctx))})" if flashpoints_of(s, ctx) else "")
                    + "</li>" for s in rows.itertuples() if s.sensitive or flashpoints_of(s, ctx))
    essay_es = workshop_essay_title_es(essay) if title_es else ""
    listed = (f'<div class="sensitive"><strong>Sensitive parts today · <span lang="es" class="es">Temas sensibles '
              f'de hoy</span>:</strong><ul>{flags}</ul></div>' if flags else "")
    title_body = (f"# {_e(_title(rows, plans))}\n\n"
                  + ('<div class="dense">' if title_es else "")     # two languages on one title slide: smaller type
                  + (f'<p lang="es" class="es"><strong>{_e(title_es)}</strong></p>' if title_es else "")
                  + f"<p>{first.length} minutes. We read <em>{_e(essay.meta['title'])}</em> "
                  f"({_e(essay.meta['publication'])}), by its ¶ numbers in the reader's edition.</p>"
                  # the English title once, on the line above: the Spanish line gives its translation, not the title again
                  + (f'<p lang="es" class="es">{first.length} minutos. Leemos este ensayo'
                     + (f" [{_e(essay_es)}, traducción del título]" if essay_es else "")
                     + ' guiándonos por los números de párrafo (¶) de la edición de lectura.</p>' if title_es else "")
                  + "{listed}" + ("</div>" if title_es else ""))
    # the day's sensitive parts on a slide of their own when the title slide would pass SLIDE_WORDS (review14 A3)
    apart = bool(listed) and words(title_body.replace("{listed}", listed)) > SLIDE_WORDS
    _slide(cells, title_body.replace("{listed}", "" if apart else listed),
           notes=f"**For the facilitator**\n\nRead before: {first.pre_reading}. {plain(first.pre_reading_note, titles)}"
                 + (f"\n\n{running_late(rows, ctx)}" if running_late(rows, ctx) else "")
                 + (f"\n\n{plain(first.spanish_readers, titles)}" if first.spanish_readers else "")
                 + (" This deck is that version." if first.version else ""))
    if apart:
        _slide(cells, f"## Today · Hoy\n\n{listed}")

    def safety_slides():
        # the content note a slide per language, in type the room can read (review13: both on one slide, about 260
        # words each, were 16.6 px); the agreements deck does the same
        # and each language over as many slides as its words need (review14 A3: 222 and 265 words on one slide);
        # the note as it is read aloud, with no ¶ numbers (review17: about 290 words and 60 ¶ numbers a language could
        # not be read at a welcome); its ¶ list stays on paper, in the packet
        cn = h["content_note_spoken"]
        for lang, heading in (("en", "Content note"), ("es", "Aviso sobre el contenido")):
            parts = in_parts(cn[lang], SLIDE_WORDS - 8)
            for n, part in enumerate(parts, start=1):
                count = f" ({n}/{len(parts)})" if len(parts) > 1 else ""
                attrs = '<p lang="en">' if lang == "en" else '<p lang="es" class="es">'
                _slide(cells, f'## {heading}{count}\n\n<div class="note-slide"' + (' lang="es"' if lang == "es" else "")
                              + f'>{attrs}{_e(part)}</p></div>', notes=said_aloud(h, lang) if n == 1 else "")
        agreements = h["agreements"]
        item = [f'<li value="{n}"><span lang="en">{_e(a["en"])}</span><br><span lang="es" class="es">{_e(a["es"])}'
                "</span></li>" for n, a in enumerate(agreements, start=1)]
        heading, groups = "## Group agreements · Acuerdos del grupo\n\n", []
        for li in item:      # two a slide, or one when two would pass SLIDE_WORDS (review14 A3)
            if groups and len(groups[-1]) < 2 and words(heading + "".join(groups[-1]) + li) <= SLIDE_WORDS:
                groups[-1].append(li)
            else:
                groups.append([li])
        for group in groups:
            _slide(cells, f"{heading}<ol>{''.join(group)}</ol>")

    if rows.iloc[0].topic not in OPENINGS:    # no opening segment: the content note and agreements come first
        safety_slides()
    used, seen_notebooks = [], set()
    for seg in rows.itertuples():
        end = clock(seg.start + seg.minutes)
        spanish = bool(first.version)          # the version for Spanish readers labels its slides in both languages
        head = (f"## {clock(seg.start)}–{end} · {_e(seg.topic[:1].upper() + seg.topic[1:])}"
                + (f' · <span lang="es">{_e(seg.topic_es)}</span>' if spanish else ""))
        meta = [f"{seg.minutes} minutes" + (' · <span lang="es">minutos</span>' if spanish else "")]
        if seg.paragraphs:      # in both languages, once (review14 A3: the words a slide may hold)
            meta.append((f'the essay · <span lang="es">el ensayo</span>: {seg.paragraphs}' if spanish
                         else f"the essay: {paragraphs_in_words(seg.paragraphs)}"))
        meta += where_it_happens(seg, titles, spanish=spanish)
        qs = [q for q in seg.discussion.split(", ") if q]
        if qs:
            meta.append("question" + ("s " if len(qs) > 1 else " ") + " and ".join(str(int(q[1:])) for q in qs)
                        + (" (next slides, in Spanish then English · en las diapositivas siguientes, en español y luego "
                           "en inglés)" if spanish else " (next slides, in English then Spanish)"))
        hit = flashpoints_of(seg, ctx)
        room = h["sensitive_for_group"].get(sensitive_topic(seg)) or {} if seg.sensitive else {}
        shown, activity_es = room_texts(seg, first.homework, titles)
        said = first.homework if seg.topic == "key points" else {}
        weight = (len(shown) + len(activity_es) + (300 if hit else 0)
                  + (max(400, len(room.get("en", "")) + len(room.get("es", ""))) if seg.sensitive else 0)
                  + (500 if seg.topic == "key points" else 0)            # the closing slide lists the topics too
                  + (200 if spanish else 0)           # a version's heading and meta line are in both languages
                  + (200 if seg.sensitive and hit else 0))    # two boxes, each with its heading and two languages
        dense = weight > DENSE
        boxes = [b for b in ((_flag(seg, h) if seg.sensitive else ""),
                             (_flashpoint_box(hit, h, beside_sensitive=bool(seg.sensitive)) if hit else "")) if b]
        reminder = _back_from_paper() if ctx["links"] and _after_paper(rows, seg) else ""
        prompt = (reminder + f"<p>{_e(shown)}</p>" + f'<p lang="es" class="es">{_e(activity_es)}</p>'
                  + f'<p class="meta">{("; " if spanish else " · ").join(meta)}</p>')
        if boxes and words(head + "".join(boxes) + prompt) > SLIDE_WORDS:
            # too much for one slide the back of the room can read (review14 A3): the boxes first, on a slide of
            # their own (a box per slide, a language per slide, if need be), then the prompt, in larger type
            _box_slides(cells, head, boxes)
            boxes, weight = [], len(shown) + len(activity_es)
            dense = weight > DENSE
        body = (f"{head}\n\n" + (f'<div class="dense{_denser(weight, DENSER, DENSEST)}">' if dense else "")
                + "".join(boxes) + reminder
                + f"<p>{_e(shown)}</p>"
                + f'<p lang="es" class="es">{_e(activity_es)}</p>'
                + f'<p class="meta">{("; " if spanish else " · ").join(meta)}</p>' + ("</div>" if dense else ""))
        notes = _segment_notes(seg, ctx, first_use=seg.notebook not in seen_notebooks,
                               computers=uses_computers(rows))
        seen_notebooks.add(seg.notebook)
        if seg.topic == "key points":         # the closing slide: what we worked on; then the reading for next time
            recap, nxt = closing(plan, meeting, rows, ctx)
            body += recap
            sheet = ctx.get("sheet", {}).get(f"{plan}-{meeting}") or (borrowed_key_points(rows, ctx) if spanish else None)
            from helpers.workshop import load_one
            said_es = (load_one(ctx["essay"], "sessions.yml spanish").get("key_points_es") or {}) if spanish else {}
            notes = "\n\n".join(x for x in (notes, key_points_notes(rows, titles, sheet, spanish, said_es)) if x)
        _slide(cells, body, notes=notes)
        if seg.Index == rows.index[0] and seg.topic in OPENINGS:   # the welcome says what comes: then the note
            safety_slides()
        if seg.projects:            # the figure the segment projects, from the committed notebook, on a slide of its own
            from helpers.workshop import notebook_figures
            png = notebook_figures(seg.notebook)[seg.projects - 1]
            what = f"figure {seg.projects} of notebook {seg.notebook[:2]}, {titles.get(seg.notebook[:2], '')}"
            _slide(cells, f"## {_e(seg.topic[:1].upper() + seg.topic[1:])}"     # a version's title in both (review17)
                          + (f' · <span lang="es">{_e(seg.topic_es)}</span>' if spanish else "") + "\n"
                          f'<img class="projected" src="data:image/png;base64,{png}" alt="{_e(what)}">',
                   notes=f"**For the facilitator**\n\nThis is {what}: the notebook explains it in words under "
                         "the figure.")
        claims = claims_to_project(seg, ctx)
        if claims:                  # what the exercise's "to which claim?" needs, after the map (review14 A5)
            _slide(cells, claims, notes="**For the facilitator**\n\nThe claims the exercise's question 2 may point to, "
                                        "in the essay's words, in the order of the essay; which one the sentence acts "
                                        "on, and how, is the pairs' to say (the worked solution is in the notes).")
        if getattr(seg, "projects_table", ""):     # the table the segment projects (review13: "the table of voices is
            from helpers.workshop import notebook_section    # projected", and the deck had no table)
            found = notebook_section(seg.notebook, seg.projects_table)
            _slide(cells, f"## {_e(found['title'])}\n\n"
                          f'<div class="projected-table">{found["table"]}</div>',
                   notes=f"**For the facilitator**\n\nThis is the table under “{found['title']}” in notebook "
                         f"{seg.notebook[:2]}, {titles.get(seg.notebook[:2], '')}, as the participant edition shows it "
                         "(the voices an exercise asks about are left for the exercise).")
        if getattr(seg, "clues", ()):       # a few of the exercise's clues, for the room (review14 E3: the whole
            listed, context = room_clues_html(essay, seg.clues)     # exercise, 17 clues, in 15 minutes, and a
            _slide(cells, f"## {ROOM_CLUES['title']}\n\n{listed}",  # "context table above" the room never saw)
                   notes="**For the facilitator**\n\nThe room's clues, with their ¶; the slide after gives the "
                         "context dates they need. The solution for these clues is in the printed facilitator's "
                         "notes, beside this segment; show it only after the pairs have written their range.")
            if context:
                _slide(cells, f"## {ROOM_CLUES['context_title']}\n\n{context}",
                       notes="**For the facilitator**\n\nThe dates from outside the essay that the clues on the "
                             "slide before need, each with its reference (the package's timeline, context rows).")
        elif getattr(seg, "exercise", 0):     # the exercise the segment does, for the room to read (review13: session
            from helpers.workshop import notebook_section    # 3's dating exercise was not in its deck)
            found = notebook_section(seg.notebook, f"Exercise {seg.exercise}:")
            _slide(cells, f"## {_e(found['title'])}\n\n"
                          + "".join("<p>" + re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", _e(p)) + "</p>"
                                    for p in found["text"].split("\n\n"))
                          + f'<p class="meta">notebook {seg.notebook[:2]}, {_e(titles.get(seg.notebook[:2], ""))}: '
                          "the exercise, with the cells to search the essay; on paper, the reader's edition</p>",
                   notes="**For the facilitator**\n\nThe worked solution is in the printed facilitator's notes, beside "
                         "this segment; show it only after the pairs have written their range.")
        if seg.topic == "key points":
            _slide(cells, nxt)
            if said:
                _slide(cells, homework_slide(plan, said, ctx, spanish, _next_reading(ctx["pre"], plan, meeting)),
                       notes="**For the facilitator**\n\nThe homework in brief; the closing row of the run sheet, the "
                             "packet's agenda and the next reading message say it in full, with what to leave out.")
        for qid in qs:
            q = questions.loc[qid]
            used.append(qid)
            full = " ".join(q.question.split())
            heading_en = f"## {question_name(qid).capitalize()} · {question_paragraphs(q)}\n\n"
            lead_en = " ".join(str(getattr(q, "slide", "") or "").split())    # discussion.yml, slide
            # the room hears and reads the question's spoken form (discussion.yml, aloud: facilitator review 22,
            # question 2 "in short" was 110 words of nested conditions); the whole is in the notes and the packet
            aloud_en = " ".join(q.aloud.split())
            elsewhere = ("The slides before give it in Spanish." if spanish else "The next slides give it in Spanish.")
            english = ([(heading_en + f'<p class="lead">{_e(lead_en)}</p><p>{FULL_ON_PAPER}</p>',
                         "**For the facilitator**\n\nWhat the question on the next slide answers to, the essay's "
                         "words for the room to read; then read out the question.")] if lead_en else []) + [
                (heading_en + f'<p class="question aloud">{_e(aloud_en)}</p>'
                 + ("" if lead_en else f"<p>{FULL_ON_PAPER}</p>"),
                 f"**For the facilitator**\n\nRead the question out as the slide gives it. It draws on "
                 f"{question_paragraphs(q)}; participants answer with ¶ numbers. The full question, with the essay's "
                 f"words and their ¶, is in the participant packet; read it out if the room asks:\n\n{_e(full)}\n\n"
                 + elsewhere)]
            es = ctx["questions_es"][qid]
            aloud_es = " ".join(ctx["aloud_es"][qid].split())       # discussion_es.yml, aloud
            heading_es = f"## {question_name(qid, spanish=True).capitalize()} · {question_paragraphs(q)}\n\n"
            lead = ctx["leads_es"].get(qid, "")     # what the question leans on (discussion_es.yml, slide)
            # the lead-in on a slide of its own, before the question
            in_spanish = ([(heading_es + f'<p lang="es" class="es lead">{_e(lead)}</p>',
                            "**For the facilitator**\n\nWhat the question on the next slide answers to, the essay's "
                            "words for the room to read; then read out the question.")] if lead else []) + [
                (heading_es + f'<p lang="es" class="question es aloud">{_e(aloud_es)}</p>'
                 + f'<p lang="es" class="es">{SHORT_ON_PAPER}</p>',
                 "**For the facilitator**\n\nRead the question out as the slide gives it, in Spanish; the whole "
                 "Spanish, with the essay's words and their ¶, is in the participant packet. Read it out if the room "
                 f'asks:\n\n<span lang="es">{_e(es)}</span>\n\n'
                 + ("In this version the Spanish comes first; the English follows." if spanish
                    else "The English came first."))]
            # a room of Spanish readers reads the question in Spanish first
            for body_, notes_ in (in_spanish + english if spanish else english + in_spanish):
                head, _, rest = body_.partition("\n\n")
                for part, said in question_slides(head + "\n\n", rest, notes_):
                    _slide(cells, part, notes=said)
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"slide-{i}"
    return nb


# the room's part of a dating exercise (sessions.yml, a segment's clues): on the slide and in the plan's packet
ROOM_CLUES = {
    "title": "When was the essay written? Our clues",
    "intro": "Each pair takes a clue and reads its ¶: from when does it count, what does it imply, does it set a "
             "limit or only pull? Together: a range. The outside date a clue needs follows the clues: say so when "
             "you use it.",
    "intro_es": "Cada pareja toma una pista y lee su ¶: ¿desde cuándo cuenta, qué implica, pone un límite o solo "
                "inclina la fecha? Entre todos: un rango. La fecha de fuera del ensayo que necesita una pista viene "
                "después de las pistas: díganlo cuando la usen.",
    "title_es": "¿Cuándo se escribió el ensayo? Nuestras pistas",
    "context_title": "Dates from outside the essay that our clues need",
    "context_title_es": "Fechas de fuera del ensayo que necesitan nuestras pistas",
    "context_intro": "Context, not the essay's evidence: checked dates, each with its reference.",
    "context_intro_es": "Contexto, no evidencia del ensayo: fechas comprobadas, cada una con su fuente. Las pistas y "
                        "las fechas van en inglés, como en el cuaderno 03.",
    "rest": "The other clues: notebook 03, Exercise 2, at home.",
}


def room_clues_html(essay, ids, intro: bool = True) -> tuple[str, str]:
    """The room's clues (dating.csv, by id, as a list with each clue's ¶) and the context rows of timeline.csv
    they need (a table: the date in words, the event, its named reference, the clue that needs it), as HTML;
    the context part is "" when the clues need none. Without ``intro``, the list and the table alone."""
    from helpers.timeline import room_clues
    clues, context = room_clues(essay, ids)
    listed = ((f"<p>{_e(ROOM_CLUES['intro'])}</p>" if intro else "")
              + "<ul class=\"clues\">" + "".join(f"<li><b>{_e(c.id.capitalize())}</b> ({_e(c.where)}): {_e(c.clue)}</li>"
                                             for c in clues.itertuples()) + "</ul>"
              + f'<p class="meta">{_e(ROOM_CLUES["rest"])}</p>')
    if context.empty:
        return listed, ""
    names = {i: f"clue {int(i[1:])}" for i in ids}
    table = ('<table class="context"><tr><th>when</th><th>what</th><th>reference</th><th>for</th></tr>'
             + "".join(f"<tr><td>{_e(r.when)}</td><td>{_e(r.event)}</td><td>{_e(r.reference)}</td>"
                       f"<td>{_e(', '.join(names[c] for c in r.clues.split(', ')))}</td></tr>"
                       for r in context.itertuples()) + "</table>")
    return listed, (f"<p>{_e(ROOM_CLUES['context_intro'])}</p>" if intro else "") + table


def room_solution(essay, ids) -> str:
    """The worked solution of the room's clues, as markdown, for the printed notes: each clue's reasoning
    (dating.csv), and the range the clues that set a limit allow together."""
    from helpers.timeline import load_dating, room_clues, written_between
    clues, _ = room_clues(essay, ids)
    chosen = load_dating(essay).set_index("id", drop=False).loc[list(ids)]
    lines = [f"- **{c.id.capitalize()}** ({c.where}, {c.pulls}): {c.reasoning}" for c in clues.itertuples()]
    bounding = chosen[chosen.pulls.str.startswith("bounds")]
    if bounding.from_date.notna().any() and bounding.to_date.notna().any():
        start, end = written_between(chosen)
        together = f"the clues that set a limit allow {start:%B %Y} to {end:%B %Y}"
        essays = chosen[chosen.source == "essay"]
        if len(essays) < len(chosen) and essays.pulls.str.startswith("bounds").any():
            # review15 close C2: say what rests on context, so the room does not take the whole range as the essay's
            e_start, e_end = written_between(essays)
            if (e_start, e_end) != (start, end):
                together = (f"on the essay's words alone, {e_start:%B %Y} to {e_end:%B %Y}; with the checked outside "
                            f"date, {start:%B %Y} to {end:%B %Y}")
        home = load_dating(essay)
        home = home[~home.id.isin(list(ids))]
        pulls = {w: int((home.pulls == f"pulls {w}").sum()) for w in ("earlier", "later")}
        room_pulls = sorted({p.split()[1] for p in chosen.pulls if p.startswith("pulls ")})
        lines.append(f"\n**Together:** {together}. "
                     + (f"In the room, the clues that only pull pull {' and '.join(room_pulls)}; of the clues left for "
                        f"home, {pulls['earlier']} pull earlier and {pulls['later']} later: the pulls disagree, the "
                        "limits do not. " if room_pulls else "")
                     + "The rest of the clues, and the full worked solution, are in notebook 03 (Exercise 2), for home.")
    return "\n".join(lines)


# what the closing slide says in place of the homework, which the slide after the reading gives in brief
HOMEWORK_POINTER = {"en": "the work on the At home slide", "es": "el trabajo de la diapositiva En casa"}


def room_texts(seg, homework: dict, titles: dict[str, str]) -> tuple[str, str]:
    """What a segment's slide shows the room, in English and Spanish: its ``room`` words (or its activity; the
    facilitator's words go to the notes) and its ``activity_es``; the closing segment of a meeting that sets homework
    names the At home slide in place of the homework, which that slide gives in brief (facilitator review 22: the
    Spanish closing slide said it in 336 words)."""
    shown, activity_es = plain(seg.room or seg.activity, titles), seg.activity_es
    if seg.topic == "key points" and homework:
        shown = shown.replace(plain(homework["en"], titles), HOMEWORK_POINTER["en"])
        activity_es = activity_es.replace(homework["es"], HOMEWORK_POINTER["es"])
    return shown, activity_es


HOME_SLIDE_WORDS = 76     # an "At home" slide's words, its heading aside: a question slide's 80 at most


def homework_slide(plan: str, said: dict, ctx, spanish: bool = False, reading=None) -> str:
    """The homework a meeting sets, on a slide of its own, in brief (``helpers.workshop.homework_brief``): what, how
    long (and in a second language), and where to find it: the kit's notebooks, and the printed lesson or the
    meeting's paper edition when the plan prints it (sessions.yml, ``print``). In English and Spanish; the version
    for Spanish readers puts the Spanish first."""
    from helpers.workshop import homework_brief, load_print_lists
    brief = homework_brief(said)
    lists = load_print_lists(ctx["essay"])
    mine = lists[(lists.plan == plan) & (lists.only != ("as planned" if spanish else "version for Spanish readers"))]
    printed = [no for no in said["notebooks"] if f"lesson {no}" in set(mine.printout)]
    # a plan that prints each meeting's paper edition (tools.paper) has the homework's needed part in it (s23-print)
    edition = "paper editions" in set(mine.printout)
    where = ("Where · Dónde: notebooks or the paper edition · los cuadernos o la edición en papel"
             if edition and not printed else
             "Where · Dónde: the notebooks · los cuadernos"
             + ("; on paper · en papel: lesson " + ", ".join(printed) if printed else ""))
    en = f"<p>{_e(brief['en'][:1].upper() + brief['en'][1:])}.</p>"
    said_es = brief["es"][:1].upper() + brief["es"][1:]
    # the version for Spanish readers: the needed part and the next reading in total, before the optional part, which
    # it does not count (native Spanish review 25: each part had its minutes, the evening none)
    if spanish and reading is not None and said.get("minutes"):
        needed, _, optional = said_es.partition("; opcional: ")
        said_es = (f"{needed}. Total, lectura incluida: {int(reading.minutes) + int(said['minutes'])} min "
                   f"({int(reading.minutes_l2) + int(said['minutes_l2'])} en segunda lengua)"
                   + (f". Opcional: {optional}" if optional else ""))
    es = f'<p lang="es" class="es">{_e(said_es)}.</p>'
    place = f'<p class="meta">{_e(where)}.</p>'
    if spanish and words(es + en + place) > HOME_SLIDE_WORDS:
        # the version for Spanish readers says it in Spanish; the English, when both will not fit one slide, is in
        # the packet's agenda (s23: the skipped parts of notebook 00 made the bilingual slide 106 words)
        en = '<p class="meta">In English: the packet\'s agenda.</p>'
    return (("## En casa · At home\n\n" + es + en) if spanish else ("## At home · En casa\n\n" + en + es)) + place


def closing(plan: str, meeting: int, rows, ctx) -> tuple[str, str]:
    """What the meeting worked on (its topics with their ¶ ranges), and a slide with the reading for next time."""
    titles = ctx["titles"]
    spanish = bool(rows.iloc[0].version)
    recap = [f"<li>{_e(s.topic[:1].upper() + s.topic[1:])}"
             + (f' · <span lang="es" class="es">{_e(s.topic_es)}</span>' if spanish else "")
             + (f" ({_e(s.paragraphs)})" if s.paragraphs else "")
             + "</li>" for s in rows.itertuples() if s.topic not in RECAP_SKIP]
    later = _next_reading(ctx["pre"], plan, meeting)
    if later is not None:
        twice = later.minutes_l2    # the kit's one second-language rule (workshop.second_language_minutes)
        nxt = (f"## Before next time · Para la próxima vez\n\n<p><strong>{_e(later.meeting_title)}</strong> · "
               f'<span lang="es" class="es">{_e(later.meeting_title_es)}</span></p>'
               f"<p>Read {_e(later['read before'])} in the reader's edition: about {later.minutes} minutes.</p>"
               f'<p lang="es" class="es">Lean {_e(later["read before"])} en la edición de lectura: unos {later.minutes} '
               f"minutos, o unos {twice} si leen en inglés como segunda lengua.</p>"
               f"<p>{_e(plain(later.note, titles))}</p>"
               # its Spanish too (facilitator review 20: the third line was English only)
               + (f'<p lang="es" class="es">{_e(plain(later.note_es, titles))}</p>' if later.note_es else ""))
    else:
        nxt = ("## After today · Después de hoy\n\n<p>The notebooks and the reader's edition stay yours. Every notebook "
               "ends with its own key points, and the exercises we did not do are there for home.</p>"
               '<p lang="es" class="es">Los cuadernos y la edición de lectura son suyos. Cada cuaderno termina con sus '
               "propios puntos clave, y los ejercicios que no hicimos quedan para hacer en casa.</p>")
    return (f'<p><strong>Today we worked on · <span lang="es" class="es">Hoy trabajamos en</span>:</strong></p>'
            f"<ul>{''.join(recap)}</ul>", nxt)


# a key point a room can hear: no code, no notebook file, nothing about running cells or Binder
_NOT_FOR_THE_ROOM = re.compile(r"`|Shift \+ Enter|Binder|\b\d\d_[a-z_]+")


def borrowed_key_points(rows, ctx) -> dict | None:
    """For a version for Spanish readers whose meeting has no Spanish sheet of its own: the Spanish key points of the
    other meetings' sheets on one of its topics or on a discussion question it asks too, as a sheet (None if none).
    Native Spanish review 21, item 6: Session 3's Spanish deck closed on notebook 04's "Aliases only join names…", in
    English and off its topic, though the single-90's sheet says its war of position and question 2 in Spanish."""
    plans, topics = ctx["plans"], set(rows.topic)
    asked = {q for cell in rows.discussion for q in cell.split(", ") if q}
    points = []
    for key, sheet in ctx.get("sheet", {}).items():
        plan, _, meeting = key.rpartition("-")
        theirs = plans[(plans.plan == plan) & (plans.meeting == int(meeting))]
        for k in sheet.get("key_points", []):
            segments = theirs[theirs.topic == k.get("topic")]
            shared = {q for cell in segments.discussion for q in cell.split(", ") if q} & asked
            if (k.get("topic") in topics or shared) and {**k, "topic": ""} not in points:
                points.append({**k, "topic": ""})      # kept whatever this meeting's topics are called
    return {"key_points": points} if points else None


def key_points_notes(rows, titles, sheet: dict | None = None, spanish: bool = False, said_es: dict | None = None) -> str:
    """For the speaker notes of the closing slide: the meeting's own key points when its Spanish sheet gives them
    (sessions.yml, ``spanish: sheet``; in Spanish too in the version for Spanish readers); otherwise one key point of
    each notebook the meeting used, the first of its "Key points" that a room can hear (no code, no file names,
    nothing about running cells), to say aloud; in a version for Spanish readers, in Spanish first where ``said_es``
    (sessions.yml, ``spanish: key_points_es``, by notebook) has it (native Spanish review 23)."""
    from helpers.workshop import kept_key_points
    points = kept_key_points(sheet["key_points"], rows) if sheet else []
    if points:       # only those of segments this meeting (or version) holds; a version says them once, in Spanish
        return ("*The key points of this meeting, to say aloud"
                + (" once, in Spanish (the interpreter reads them; the English is under each on the packet's Spanish "
                   "sheet, and here for you)" if spanish else "") + ":*\n\n"
                + "\n".join((f"- *Español:* {k['es']}\n  - {k['en']}" if spanish else f"- {k['en']}")
                            for k in points))
    used = list(dict.fromkeys(s.notebook for s in rows.itertuples() if s.notebook))
    said = []
    for n in used:
        points = [p.strip()[2:] for p in key_points(n).split("\n") if p.strip().startswith("- ")]
        point = next((p for p in points if not _NOT_FOR_THE_ROOM.search(p)), None)
        es = (said_es or {}).get(n[:2]) if spanish else None
        if point and es:
            said.append(f"- *Español:* {' '.join(str(es).split())}\n  - Notebook {n[:2]} ({titles.get(n[:2], '')}): {point}")
        elif point:
            said.append(f"- Notebook {n[:2]} ({titles.get(n[:2], '')}): {point}")
    return ("*One key point from each notebook we used, to say aloud (each notebook ends with the rest):*\n\n"
            + "\n".join(said)) if said else ""


def key_points(notebook: str) -> str:
    """A notebook's "Key points" section as it stands in the notebook (Markdown), or empty."""
    from helpers.lessons import NOTEBOOKS
    nb = nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## Key points"):
            return cell.source.split("\n", 1)[1].strip()
    return ""


def session_decks(reading: str = DEFAULT_READING) -> dict[str, nbformat.NotebookNode]:
    """File name -> the deck of one meeting, for every meeting of every plan."""
    return {f"{name_of(plan, meeting, rows)}.slides.html": deck_notebook(plan, meeting, rows, ctx)
            for plan, meeting, rows, ctx in meetings(reading, versions=True)}



# ---- the speaker notes on paper -------------------------------------------------------------------------------

EXERCISE_NAMED = re.compile(r"\bExercise (\d+)\b")


def worked_solution(notebook: str, number: int | str) -> str:
    """The worked solution of a notebook's Exercise ``number`` as markdown: the cells under its "### Worked
    solution" heading, without the note on how to unfold it (which is for the screen)."""
    text = _exercise_text(notebook, number)
    at = text.find("### Worked solution")
    if at < 0:
        return ""
    lines = text[at:].split("\n", 1)[1] if "\n" in text[at:] else ""
    lines = re.sub(r'<div class="screen-only">.*?</div>', "", lines, flags=re.S)      # how to unfold it on screen
    return "\n".join(p for p in lines.split("\n") if not p.startswith("*Folded.*")).strip()


def _heading(body: str) -> str:
    """A slide's heading as text (its first markdown heading, else its first words)."""
    found = re.search(r"^#+ (.+)$", body, re.MULTILINE)
    text = found.group(1) if found else TAG.sub(" ", body)
    return html.unescape(" ".join(TAG.sub(" ", text).split()))[:90]


def notes_pages(reading: str = DEFAULT_READING) -> dict[str, str]:
    """Each meeting's speaker notes on paper, in slide order, with the worked solution of every exercise a segment
    names (``Exercise N`` of its notebook) beside that segment's notes: for a facilitator whose projector mirrors
    the laptop, so the notes cannot be read on screen without projecting them. File name -> HTML."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune as render
    from tools.pages import _page
    pages = {}
    for plan, meeting, rows, ctx in meetings(reading, versions=True):
        nb = deck_notebook(plan, meeting, rows, ctx)
        answers = {}
        for seg in rows.itertuples():
            numbers = list(EXERCISE_NAMED.findall(seg.activity)) + ([str(seg.exercise)] if seg.exercise else [])
            named = [(seg.notebook, int(n)) for n in dict.fromkeys(numbers)] if seg.notebook else []
            if seg.worked:      # sessions.yml, worked: an exercise of another notebook the segment runs on paper
                book, title = (x.strip() for x in seg.worked.split(":", 1))
                named.append((book, title))
            for book, n in named:
                solution = (room_solution(ctx["essay"], seg.clues) if getattr(seg, "clues", ()) and n == seg.exercise
                            else worked_solution(book, n))
                if not solution and isinstance(n, str):
                    raise HelperError("sessions.yml", f"the segment {seg.topic!r} names the worked solution of "
                                      f"'{n}' in notebook {book[:2]}, which has none.",
                                      "write worked: as '00_start_here: the exercise's title after \"Exercise:\"'.")
                if solution:
                    key = f"{clock(seg.start)}–{clock(seg.start + seg.minutes)}"
                    name = ((f"the room's clues of Exercise {n}" if getattr(seg, "clues", ()) and n == seg.exercise
                             else f"Exercise {n}") if isinstance(n, int) else f"the exercise '{n}'")
                    answers.setdefault(key, []).append((f"{name} of notebook {book[:2]} "
                                                        f"({ctx['titles'].get(book[:2], '')})", solution))
        title, parts, number, heading = _title(rows, ctx["plans"]), [], 0, ""
        solved = bool(answers)      # a meeting (or version) that runs no exercise has no worked solution to carry
        for cell in nb.cells:
            kind = cell.metadata.get("slideshow", {}).get("slide_type")
            if kind == "slide":
                number, heading = number + 1, _heading(cell.source)
                for key in [k for k in answers if heading.startswith(k)]:   # once: a segment may have 2 slides
                    found = answers.pop(key)
                    if found:
                        parts.append(f"<h2>Slide {number}: {html.escape(heading)}</h2>"
                                     + "".join(f'<div class="answer"><h3>The worked solution: {html.escape(name)}</h3>'
                                               f"{render(text)}</div>" for name, text in found))
                        heading = ""
            elif kind == "notes":
                notes = cell.source.replace("**For the facilitator**", "", 1).strip()
                if notes:
                    parts.append((f"<h2>Slide {number}: {html.escape(heading)}</h2>" if heading else "")
                                 + render(notes))
                    heading = ""
        body = (f"<h1>Facilitator's notes. {html.escape(title)}</h1>"
                "<p>The speaker notes of this meeting's slides, in order"
                + (", with the worked solution of each exercise beside its segment" if solved else
                   " (it runs no exercise, so no worked solution)")
                + ": for a projector that mirrors the laptop, where the notes cannot be read on "
                "screen. Not for the participants.</p>" + "".join(parts))
        pages[f"notes-{name_of(plan, meeting, rows)}.html"] = _page(f"Facilitator's notes: {title}", body, NOTES_STYLE)
    return pages


# a table (a worked solution's) never split across a page, nor a solution's heading left at the foot of a page (facilitator
# review 21: notes pages 5-6 split a solution table)
NOTES_STYLE = """body { font-size: 10.5pt; line-height: 1.3; } h1 { font-size: 1.3em; } h2 { font-size: 1.05em;
margin: 0.9em 0 0.2em; border-top: 1px solid #999; padding-top: 0.3em; break-after: avoid; } h3 { font-size: 1em; }
.answer { border-left: 3px solid #000; padding-left: 0.5em; } li, p { break-inside: avoid; }
table, tr { break-inside: avoid; page-break-inside: avoid; } h3 { break-after: avoid; page-break-after: avoid; }
img.figure { max-width: 100%; max-height: 9cm; display: block; break-inside: avoid; }"""

# ---- the run sheets and the day-of checklist ----------------------------------------------------------------

SHEET_SIZES = ("10pt", "9.5pt", "9pt", "8.75pt", "8.5pt")   # a sheet that runs over one page is printed again smaller, never under 8.5 pt (review12: 7.1)
# a one-page sheet needs no page number, and narrower margins leave its type larger (after the print style sheet);
# but at least 10 mm of paper on US Letter and on A4 printed at 100% (review 18: the ink ran to 3.5 mm from an A4
# sheet's edge): 16 mm on the right, since A4 is 5.9 mm narrower, 13 mm on the left for an A4 printer that centres
# the page; the type kept by a line height of 1.1 and paragraphs 0.4 em apart (tests/test_kit_19.py)
SHEET_PAGE = "@page { margin: 10mm 16mm 10mm 13mm; @bottom-center { content: none; } }"
# a line height of 1.04 (1.07 until review 21, when the single session's English sheet took the hard-moment lines and
# the Spanish readers' sheets their questions in Spanish, at 9 pt)
SHEET_STYLE = """body { font-size: 10pt; max-width: none; margin: 0; line-height: 1.04; } p { margin: 0.25em 0; }
h1 { font-size: 1.25em; margin: 0 0 0.25em; } h2 { font-size: 1.05em; margin: 0.35em 0 0.1em; }
.sheet { width: 100%; } .sheet td, .sheet th { padding: 0.04em 0.25em; } .t { white-space: nowrap !important; }
.q { margin-top: 0.2em; } .blanks { margin: 0.2em 0; }
.line { display: inline-block; width: 13em; border-bottom: 1px solid #000; } .line.short { width: 5em; }
.sheet td.clock { width: 3.2em; } .where { font-size: 0.9em; }
.flag { font-weight: bold; } .cue { font-style: italic; } .flag { border-left: 3px solid #000; padding-left: 0.3em; display: block; margin: 0.05em 0; }
p.bring { margin: 0.4em 0 0; } p.bring span { white-space: nowrap; margin-right: 0.5em; }
.small { font-size: 0.9em; color: #333; }
.prep { border: 1px solid #000; padding: 0.1em 0.3em; margin: 0.15em 0; }"""


def setup_check_line(handout: dict) -> str:
    """What a setup check looks for, as a run sheet's setup row says it: the setup page's own test (facilitation.yml,
    ``setup.check``), its last sentence, for a row that does not send the facilitator to the setup page (facilitator
    review 24: the 90-minute session's minimum route left the setup page out, and its setup row did not say what to
    check).

    Parameters
    ----------
    handout : dict
        The kit's handout data (``helpers.workshop.load_handout``), whose ``setup`` holds the setup page.

    Returns
    -------
    str
        One sentence: "What to check (the kit's setup page): …".

    Example
    -------
    >>> setup_check_line({"setup": {"check": {"en": "Run the cell. One line appears under it, with no error."}}})
    "What to check (the kit's setup page): one line appears under the first cell, with no error."
    """
    check = " ".join(handout["setup"]["check"]["en"].split())
    last = re.split(r"(?<=\.)\s+(?=[A-Z])", check)[-1]
    if " under it" not in last:
        raise HelperError("facilitation.yml", f"the setup page's check ends {last!r}, which does not say what appears "
                          "under the first cell.", "end setup.check with the sentence that says what appears under it.")
    return "What to check (the kit's setup page): " + last[:1].lower() + last[1:].replace(" under it", " under the first cell", 1)


def _sheet_parts(reading: str = DEFAULT_READING, start: str = DEFAULT_START, versions: bool = False):
    """Each meeting's run sheet without its preparation route: (plan, meeting, rows, ctx, title, head, table); with
    ``versions``, the Spanish readers' versions too."""
    from helpers import workshop
    for plan, meeting, rows, ctx in meetings(reading, versions):
        aloud, titles = ctx["questions"].aloud, ctx["titles"]
        flashpoints = set(ctx["handout"]["flashpoints"])

        def cue(hit, when: str = "before reading") -> str:
            """The content note's reminder, where a step reads a passage that can divide the room (in Spanish on a
            version for Spanish readers)."""
            if not hit:
                return ""
            if first.version:
                return (f' <span class="cue" lang="es"><b>Punto de tensión:</b> nombre '
                        f'{paragraphs_in_words(paragraph_list(hit), spanish=True)} antes de leer. {FLARES_SEE_BOX_ES}</span>')
            flares = f" {FLARES_SEE_BOX}" if when == "before reading" else ""
            return f' <span class="cue"><b>Flashpoint:</b> name {paragraph_list(hit)} {when}.{flares}</span>'

        def ask(q: str) -> str:
            """A question as the run sheet prints it: its spoken form (discussion.yml, ``aloud``: facilitator review
            22, question 2 "in short" could not be read aloud), with where its full text is; on a version for
            Spanish readers, in Spanish (discussion_es.yml, ``aloud``), like its prompts and close (facilitator
            review 21: question 2 in English, its prompts only in Spanish)."""
            on = question_paragraphs(ctx["questions"].loc[q])
            if first.version and q in ctx["aloud_es"]:
                # where the whole is, and the English, the sheet says once (``version`` below): a line a question saved
                return (f'<span lang="es"><b>Pregunte ({question_name(q, spanish=True)}, sobre {on}):</b> '
                        f'<i>{html.escape(" ".join(ctx["aloud_es"][q].split()))}</i></span>')
            # named by the slides' heading, not a number: the rendered deck adds slides (content note, boxes) that
            # the notebook deck does not count (review15 facilitator, 10: "deck slide 30" was the wrong slide)
            return (f"<b>Ask ({question_name(q)}, on {on}):</b> <i>{html.escape(' '.join(aloud[q].split()))}</i> "
                    '<span class="small">(in full: the notes in short and the packet)</span>')
        first = rows.iloc[0]
        body_rows, said_aloud = [], ""
        for seg in rows.itertuples():
            asks = "".join(f'<div class="q">{ask(q)}'
                           + ((f' <span lang="es">{html.escape(leading(q, ctx, short=True, spanish=True))}</span>'
                               if first.version and q in ctx["leading_es"] else
                               f" {html.escape(leading(q, ctx, short=True))} (two likely answers: the notes in short)")
                              if leading(q, ctx) else "") + "</div>"
                           for q in seg.discussion.split(", ") if q)
            # a segment on paper names no notebook, only that it is on paper (facilitator review 26: a paper segment,
            # and every segment of a version with no computers, named "notebook 04")
            # a version for Spanish readers: the facilitator's side in Spanish, its flag and what to do (the room's
            # Spanish, activity_es; native Spanish review 23), the English in the notes
            # (except the segments whose Spanish does not fit the page: spanish_variant, sheet_in_english)
            in_spanish = first.version and seg.topic not in (first.spanish_variant or {}).get("sheet_in_english", [])
            # its place in the row's language too (native Spanish review 26b, 9: "on paper" beside a Spanish row)
            book = "cuaderno" if in_spanish else "notebook"
            where = ", ".join(x for x in (seg.paragraphs, ("en papel" if in_spanish else "on paper") if seg.paper else
                                          seg.notebook and f"{book} {seg.notebook[:2]}") if x)
            flag = ("" if not seg.sensitive else
                    f'<span class="flag" lang="es">Tema delicado: {html.escape(seg.sensitive_es)}</span>' if first.version
                    else f'<span class="flag">Sensitive: {html.escape(seg.sensitive)}</span>')
            does = (f'<span lang="es">{html.escape(plain(seg.activity_es, titles))}</span>' if in_spanish
                    else html.escape(plain(seg.activity, titles)))
            if in_spanish and seg.start == 0 and CONTENT_NOTE.search(seg.activity):
                # the words to say, in a line of the page's width just above the table, on the version for Spanish
                # readers' sheet. Not yet on the English sheets: two of them (single-90, series Session 3) sit at
                # their 9 pt floor, and even above the table the line took them to 8.7 pt (review 26, left open).
                # A label with a verb, short enough that the note keeps its three lines (native Spanish review 26b,
                # 2: "para leer en voz alta (0:00)" ran it to a fourth and the Session 1 sheet to 8.75 pt). Its
                # English after it, like the hard-moment lines, took three of the four Spanish sheets to 8.75 pt:
                # left open, the Spanish alone
                said_aloud = ('<p class="aloud"><b>Lea el aviso en voz alta (0:00):</b>'
                              f' <i lang="es">“{html.escape(ctx["handout"]["content_note_aloud"]["es"])}”</i></p>')
                if re.search(r"(?i)\bagain\b", seg.activity):
                    # read again in a later meeting: the words are Session 1's, on its sheet; here one line, so
                    # Session 3's sheet keeps its 9 pt (the note in full took it to 8.75 pt, session 26's merge)
                    said_aloud = ('<p class="aloud"><b>Lea otra vez el aviso en voz alta (0:00):</b>'
                                  ' <span lang="es">el mismo de la sesión 1 (en las notas de la diapositiva del aviso).</span></p>')
            if seg.topic == "setup" and not in_spanish and "setup page" not in seg.activity:
                does += " " + html.escape(setup_check_line(ctx["handout"]))     # what to check, the kit's own words
            body_rows.append(
                f'<tr><td><b class="t">{clock(seg.start)}–{clock(seg.start + seg.minutes)}</b><br>'
                f'<span class="small">{seg.minutes} min</span>'
                + (f'<br><span class="where">{html.escape(where)}</span>' if where else "") + "</td>"
                + (f'<td class="t">{clock(seg.start, start)}</td>' if start else '<td class="clock"></td>') +
                f"<td>{flag}{does}{cue(flashpoints_of(seg, ctx))}{asks}</td></tr>")
        title = _title(rows, ctx["plans"])
        pre = ctx["pre"]
        pre_row = pre[(pre.plan == plan) & (pre.meeting == meeting)].iloc[0]
        slower = pre_row.minutes_l2
        head = (f"<h1>Run sheet. {html.escape(title)}</h1>"
                f'<p class="blanks">Date: <span class="line"></span> Place: <span class="line"></span> '
                f'Starts at: <span class="line short"></span> ({first.length} minutes'    # one line (review13: two)
                + (f"; the clock column assumes a start at {start})</p>" if start else
                   "; fill in the clock column)</p>"))
        version = (f"<p><b>This version.</b> {html.escape(plain(first.spanish_readers, titles) if once_only(plan, ctx) else session_cuts(rows, ctx))}</p>"
                   if first.version else
                   ("<p><b>Some read Spanish more easily?</b> Use the version for Spanish readers: print "
                    f"{html.escape(version_printouts(plan, ctx))}, and project its deck.</p>"
                    if once_only(plan, ctx) else      # a series: one line, each sheet its session's (session 20)
                    "<p><b>Some read Spanish more easily?</b> Use this session's version: its run sheet, notes and "
                    "deck.</p>")
                   if workshop.spanish_version(rows) is not None else "")
        # the reading's flashpoints are named in the reading message (the day's page points to it, review12)
        sent = ("" if not flashpoints & set(paragraph_numbers(first.pre_reading)) else
                ' <span class="cue" lang="es"><b>Puntos de tensión:</b> los nombra el mensaje con el que se envía la '
                "lectura (este material lo trae listo).</span>" if first.version else
                ' <span class="cue"><b>Flashpoints:</b> named in the message that sends the reading (the kit has it '
                "ready).</span>")
        once = ctx["plans"][ctx["plans"].plan == plan].meeting.nunique() == 1
        if first.version and any(seg.discussion for seg in rows.itertuples()):
            # review 21: each question asked in Spanish, like its prompts and close; where the rest is, said once
            version = version[:-4] + (' <span lang="es"><b>Preguntas</b> en español, como se leen en voz alta '
                                      "(completas y en inglés: cuadernillo y notas; cómo conducirlas: notas)."
                                      "</span></p>")
        said = workshop.computers_optional(rows) if once else ""   # the start page says it; the plan too (review13)
        if said:       # in the paragraph above, not one of its own: the sheet keeps its type size
            version = (version[:-4] + f" {html.escape(said)}</p>") if version else f"<p>{html.escape(said)}</p>"
        flared = any(flashpoints_of(seg, ctx) for seg in rows.itertuples())
        lines = (hard_moments_html(ctx["handout"]) if first.version else
                 hard_moments_html(ctx["handout"], english=True))   # every English sheet (facilitator review 23)
        table = version + (f"<p><b>Participants read before:</b> {html.escape(first.pre_reading)} in the reader's "
                 f"edition: about {pre_row.minutes} minutes; about {slower} for anyone reading English as a second "
                 f"language.{sent}" + (f" {html.escape(first.if_not_read)}" if first.if_not_read else "") + "</p>"
                 # the lines for the hardest moments in the box the cues point to, for a version and for the single
                 # session (review 21: the English single session's sheet had none)
                 + (f'<div class="prep" lang="es"><b>Filas con punto de tensión.</b> {IF_IT_FLARES_ES}'
                    if flared and first.version else
                    f'<div class="prep"><b>Flashpoint rows.</b> {IF_IT_FLARES}' if flared else
                    '<div class="prep">' if lines else "")
                 + ((" " if flared else "") + lines + "</div>" if lines else "</div>" if flared else "")
                 + said_aloud + "<table class=\"sheet\"><tr><th>time</th><th>clock</th><th>what to say or do</th></tr>"
                 f"{''.join(body_rows)}</table>"
                 + ("" if not running_late(rows, ctx) else
                    f'<p lang="es"><b>Si falta tiempo.</b> {html.escape(running_late(rows, ctx, spanish=True))}</p>'
                    if first.version else f"<p><b>If short of time.</b> {html.escape(running_late(rows, ctx))}</p>")
                 # what to bring is the day-of checklist's, each thing with when it is used (review12: the sheet
                 # printed the same list again, and its type shrank to fit)
                 + ('<p class="bring" lang="es"><b>Lleve</b> lo que pide la lista del día de esta reunión.'
                    if first.version else
                    '<p class="bring"><b>Bring</b> what this meeting\'s day-of checklist lists, with when each is used.')
                 # the debrief in the same paragraph where nothing comes between (review17: a line saved on the
                 # series' third sheet), labelled once ("After. After the session:" said it twice)
                 + ("</p>" + interpreter_html(ctx["handout"]) + "<p>"
                    if first.version and (rows.topic == "welcome").any() else " ")
                 + f"{_after(ctx['handout']['debrief_es'] if first.version else ctx['handout']['debrief'])}</p>")
        yield plan, meeting, rows, ctx, title, head, table


def session_cuts(rows, ctx) -> str:
    """A series session's version for Spanish readers in two sentences, from the data: interpreted, kept segments take
    longer, and what this session cuts, with its English minutes (facilitator review 20b: each session's run sheet
    printed the plan's paragraph on every session's cuts, and Session 3's went down to 8.7 pt)."""
    first = rows.iloc[0]
    planned = ctx["plans"][(ctx["plans"].plan == first.plan) & (ctx["plans"].meeting == first.meeting)]
    # a cut segment that a later meeting's version does in the room (its worked exercise: the Spanish Session 3 recap
    # does the two death tolls, sensitive, which must not go home: facilitator review 22) says where
    from helpers import workshop
    later = {}
    for m in sorted(set(ctx["plans"][ctx["plans"].plan == first.plan].meeting)):
        if m <= first.meeting:
            continue
        version = workshop.spanish_version(ctx["plans"][(ctx["plans"].plan == first.plan) & (ctx["plans"].meeting == m)])
        for s in ([] if version is None else version.itertuples()):
            if s.worked and s.worked not in later:
                later[s.worked] = ("the next session's" if m == first.meeting + 1 else f"Session {m}'s") + f" {s.topic}"
    # a cut segment whose name opens a kept one's directions (the key points' "Closing round, …") is held there, shorter
    held = {s.topic: k.topic for s in planned.itertuples() for k in rows.itertuples()
            if s.topic not in set(rows.topic) and str(k.activity).lower().startswith(s.topic.lower())}
    cut = [f"{s.topic} ({s.minutes} min" + (f"; done together in {later[s.worked]})" if s.worked in later else
                                            f"; shorter, in the {held[s.topic]})" if s.topic in held else ")")
           for s in planned.itertuples() if s.topic not in set(rows.topic)]
    pace = ctx["paces"]["interpreted"]
    longer = "half as long again" if pace == 1.5 else f"{pace:g} times as long"
    return (f"Everything said is interpreted, so each kept segment takes {longer} (the guide's rule; setup and the "
            f"break keep their minutes). Cut, for home or for the notebooks: {_and_en(cut)}.")


def _and_en(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def once_only(plan: str, ctx) -> bool:
    """Whether the plan meets once (its run sheet has room to name every printout of its version)."""
    return ctx["plans"][ctx["plans"].plan == plan].meeting.nunique() == 1


def _after(debrief: str) -> str:
    """The run sheet's debrief line, its opening words ("After the session:") as its label.

    >>> _after("After the session: rest."), _after("Rest.")
    ('<b>After the session:</b> rest.', '<b>After.</b> Rest.')
    """
    m = re.match(r"((?:After|Después)[^:]{0,30}:)\s*(.*)", debrief, flags=re.S)
    return f"<b>{html.escape(m[1])}</b> {html.escape(m[2])}" if m else f"<b>After.</b> {html.escape(debrief)}"


def hard_moments_html(handout: dict, english: bool = False) -> str:
    """For the run sheet of a version for Spanish readers: the facilitator's lines for the hardest moments in Spanish
    (facilitation.yml), to say without waiting for the interpreter, each with its English after it, for a
    facilitator who does not read Spanish (facilitator review 25). With ``english``, the single session's English sheet: the lines in English
    (review 21: only its notes had them). The sheet prints them in the box the flashpoint cues point to ("the box
    above"); the interpreter's role, at its foot (``interpreter_html``)."""
    if not handout.get("hard_moments"):
        return ""
    if english:
        return ("<b>Hard moments, your lines:</b> "
                + " ".join(f'<b>{html.escape(m["when"])}:</b> <i>“{html.escape(m["en"])}”</i>'
                           for m in handout["hard_moments"]))
    # in Spanish, then in English for a facilitator who does not read Spanish (facilitator review 25)
    return ('<span lang="es"><b>Momentos difíciles, sus frases</b> <span lang="en">(hard moments, your lines)</span>: '
            + " ".join(f'<b>{html.escape(m["when_es"])}:</b> <i>“{html.escape(m["es"])}”</i> '
                       f'<span lang="en" class="small">“{html.escape(m["en"])}”</span>'
                       for m in handout["hard_moments"]) + "</span>")


def interpreter_html(handout: dict) -> str:
    """The interpreter's role, said at the welcome, for the sheet of a version's meeting that has the welcome (review
    21: a series' Session 3 sheet printed it again, and its type was 8.75 pt)."""
    if not handout.get("hard_moments"):
        return ""
    return ('<div class="prep" lang="es"><b>Quien interpreta</b> (dígalo en la bienvenida, en los dos idiomas: las '
            "notas de la diapositiva de bienvenida): interpreta con fidelidad, en los dos sentidos, sin agregar nada; "
            "calmar un momento tenso le toca a usted; los acuerdos valen también para quien interpreta y para las "
            "personas de apoyo.</div>")


# how to send the reading message without showing anyone's address or number to the others: e-mail in BCC, and in a
# chat app never a group (participants may be undocumented; a group chat shows every member's phone number)
CHAT_PRIVACY = {"en": "By e-mail, put every address in BCC (blind copy). In WhatsApp or another chat app, never send it "
                      "to a group: a group chat shows every member's phone number to everyone. Use a broadcast list "
                      "or individual messages.",
                "es": "Por correo electrónico, ponga todas las direcciones en CCO (copia oculta). En WhatsApp u otra "
                      "aplicación de mensajes, nunca lo envíe a un grupo: un chat de grupo muestra el número de "
                      "teléfono de cada miembro a todos los demás. Use una lista de difusión o mensajes individuales."}


def _listed(numbers, lang: str = "en") -> str:
    """Paragraph numbers as a sentence names them, each apart: "¶45, ¶48 and ¶49" ("¶45, ¶48 y ¶49" in Spanish).

    >>> _listed([49, 45, 48]), _listed([49], "es")
    ('¶45, ¶48 and ¶49', '¶49')
    """
    named = [f"¶{n}" for n in sorted(numbers)]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} {'y' if lang == 'es' else 'and'} {named[-1]}"


def attachments(handout: dict, sheet=(), computers: bool = True) -> str:
    """What goes with the reading message, as a sentence lists it: facilitation.yml's ``reading_message_attach``,
    and, for a version for Spanish readers with a Spanish sheet, the Spanish of its paragraphs (``sheet``, their
    numbers). One list for the message's page and the preparation route (review17: one file there, three here).
    A meeting with no segment on the computers (``computers`` False) leaves out ``reading_message_attach_computers``.

    >>> attachments({"reading_message_attach": ["a", "b"]}), attachments({"reading_message_attach": ["a"]}, [49])
    ('a and b', 'a and the Spanish of ¶49 (a page of its own)')
    """
    items = [what for what, _ in attachment_pages(handout, sheet, computers, pages=False)]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# the built page (in the build folder, without .html or .pdf) of each thing the reading message attaches, found by
# what facilitation.yml's reading_message_attach calls it; the Spanish of a version's paragraphs is tools.packet's
# spanish-<meeting> page. In the kits every one of them is in the folder named print (tools.bundle).
ATTACHED_PAGES = {"reader's edition": "reader/essay", "setup page": "participant/setup",
                  "argument on one page": "participant/summary"}


def attachment_pages(handout: dict, sheet=(), computers: bool = True, meeting: str = "",
                     pages: bool = True) -> list[tuple[str, str]]:
    """(what, built page) for each thing the reading message attaches, in the order ``attachments`` names them: the
    page's path in the build folder, without its .html or .pdf (``meeting``, like "single-90-1", names the page of
    the Spanish of its version's paragraphs, ``sheet``). With ``pages`` False, the page is not looked up ("").

    >>> attachment_pages({"reading_message_attach": ["the setup page"]}, [49], meeting="single-90-1")
    [('the setup page', 'participant/setup'), ('the Spanish of ¶49 (a page of its own)', 'participant/spanish-single-90-1')]
    """
    out = []
    for item in handout["reading_message_attach"]:
        if not computers and item in handout.get("reading_message_attach_computers", []):
            continue
        page = [v for k, v in ATTACHED_PAGES.items() if k in item]
        if pages and len(page) != 1:
            raise HelperError("facilitation.yml", f"reading_message_attach names {item!r}, which is none of the pages "
                              "the kit builds.", f"name one of: {', '.join(ATTACHED_PAGES)} (the words the kit "
                              "looks for), or add the page to tools/decks.py's ATTACHED_PAGES.")
        out.append((item, page[0] if pages else ""))
    if sheet:
        out.append((f"the Spanish of {_listed(sheet)} (a page of its own)",
                    f"participant/spanish-{meeting}" if pages else ""))
    return out


def reading_messages(reading: str = DEFAULT_READING) -> dict[str, str]:
    """The message that sends each meeting's reading (facilitation.yml, ``reading_message``), filled in, English then
    Spanish, on one page to copy from: {"reading-message.html": HTML}."""
    from helpers import workshop
    from tools.pages import _page
    parts = []
    sheets = None
    # a meeting's version for Spanish readers gets a message of its own whenever its message differs from the
    # meeting's: its minimum reading, its homework, no computers (facilitator review 20b: the series' versions had none)
    planned: dict[tuple, tuple] = {}
    for plan, meeting, rows, ctx in meetings(reading, versions=True):
        sheets = sheets if sheets is not None else workshop.load_spanish_sheet(ctx["essay"])
        pre = ctx["pre"]
        row = pre[(pre.plan == plan) & (pre.meeting == meeting)].iloc[0]
        first = rows.iloc[0]
        least = workshop.reading_time(ctx["essay"], first.pre_reading_minimum)[1]
        values = {"title": ctx["essay"].meta["title"], "title_es": workshop.essay_title_es(ctx["essay"]),
                  "pre_reading": first.pre_reading, "minutes": row.minutes,
                  "minutes_l2": row.minutes_l2,
                  "minimum": first.pre_reading_minimum, "minimum_minutes": least,
                  "minimum_minutes_l2": workshop.second_language_reading(ctx["essay"], first.pre_reading_minimum)}
        # the version for Spanish readers: the package's Spanish of the paragraphs read together goes with it
        # (review: the ¶45, ¶48 and ¶49 pages were in the packet, handed out on the day, after the reading)
        sheet = (sheets.get(f"{plan}-{meeting}", {}).get("paragraphs", {})
                 if first.version and ctx["handout"]["reading_message_sheet"] else {})
        page, sentence = f"{plan}-{meeting}", ctx["handout"]["reading_message_sheet"]
        # another version's Spanish page, attached for this meeting's Spanish readers (facilitator review 19)
        other = ctx["handout"]["reading_message_spanish_page"]
        if not sheet and f"{plan}-{meeting}" in (other.get("meetings") or {}):
            page, sentence = other["meetings"][f"{plan}-{meeting}"], other
            sheet = sheets[page]["paragraphs"]
        # a version's homework with an exercise sheet: the sheet goes with the message, said (native Spanish review 23)
        from helpers.anchoring import read_yaml
        due_ = first.homework_due if isinstance(first.homework_due, dict) else {}
        sent_sheets = [s for s in (read_yaml(ctx["essay"].folder / "facilitation.yml").get("exercise_sheets") or [])
                       if first.version and s["notebook"] == due_.get("notebook") and s["exercise"] in due_.get("exercises", [])]
        said_sheet = ctx["handout"].get("reading_message_exercise_sheet") or {}
        exercise_said = [{lang: said_sheet[lang].replace("{exercise}", str(s["exercise"])) for lang in ("en", "es")}
                         for s in sent_sheets if said_sheet]
        texts = {}
        for lang in ("en", "es"):
            text = ctx["handout"]["reading_message"][lang]
            said = sentence[lang].replace("{sheet}", _listed(sheet, lang)) if sheet else ""
            text = text.replace("{spanish_sheet}", f" {said}" if said else "")
            # a meeting with no segment on the computers (the version for Spanish readers) asks nobody to install
            # a later meeting sends no setup page again: it went with the first (facilitator review 19)
            which = ("paper" if not workshop.uses_computers(rows) else "computers" if meeting == 1 else "again")
            least_said = (ctx["handout"]["reading_message_minimum"][lang]
                          if first.pre_reading_minimum != first.pre_reading else "")
            due = first.homework_due.get(lang, "") if isinstance(first.homework_due, dict) else ""
            # on paper, but with notebook work before it: the project before the meeting (facilitator review 22)
            if which == "paper" and due and "paper_homework" in ctx["handout"]["reading_message_computers"]:
                which = "paper_homework"
                # a later meeting: the project went with the first meeting's message; nobody installs again
                # (native Spanish review 25)
                if meeting > 1 and "paper_homework_again" in ctx["handout"]["reading_message_computers"]:
                    which = "paper_homework_again"
            text = text.replace("{short_of_time}", f" {least_said}" if least_said else "")
            text = text.replace("{homework}", " " + ctx["handout"]["reading_message_homework"][lang].replace(
                "{homework}", due) + "".join(" " + s[lang] for s in exercise_said)
                + home_total(ctx["handout"], row.minutes, row.minutes_l2, first.homework_due, lang) if due else "")
            text = text.replace("{computers}", ctx["handout"]["reading_message_computers"][which][lang])
            text = text.replace("{content_note}", ctx["handout"]["content_note"][lang])
            # a meeting after the first: bring the packet handed out at the first (facilitator review 20)
            bring = (ctx["handout"].get("reading_message_bring") or {}).get(lang, "") if meeting > 1 else ""
            text = text.replace("{bring}", bring)
            for key, value in values.items():
                text = text.replace("{" + key + "}", str(value))
            left = re.findall(r"\{\w+\}", text)
            if left:
                raise HelperError("facilitation.yml", f"the reading message ({lang}) has {left[0]}, which the kit "
                                  "does not fill in.", "use only {title}, {title_es}, {pre_reading}, {minutes}, {minutes_l2}, "
                                  "{short_of_time}, {homework}, {spanish_sheet}, {computers}, {bring} and {content_note} (and "
                                  "{minimum}, {minimum_minutes}, {minimum_minutes_l2} in reading_message_minimum).")
            texts[lang] = text
        # each thing to attach as a file of its own, linked (review 18: the Spanish was only printed under the
        # message, and pasted it lost its [traducción] labels and the key to [nota: …])
        setup_sent = workshop.uses_computers(rows) and meeting == 1
        files = attachment_pages(ctx["handout"], sheet, setup_sent, page) + [
            (f"the Exercise {s['exercise']} sheet (English and Spanish)", f"participant/exercise-{s['notebook'][:2]}-{s['exercise']}")
            for s in sent_sheets]
        if first.version and planned.get((plan, meeting)) == (texts, files):
            continue
        planned[(plan, meeting)] = (texts, files)
        attach = ('<p class="files">The files to attach, each a PDF (in the kits, all in the folder named print): '
                  + ", ".join(f'<a href="../{page}.pdf">{html.escape(what)}</a>' for what, page in files) + ".</p>")
        parts.append(f"<h2>{html.escape(_title(rows, ctx['plans']))}</h2>"
                     + _when_sent(meeting, True if first.version else None)
                     + f"<p>Attach {html.escape(_and_en([what for what, _ in files]))}.</p>"
                     + attach
                     + "".join(f'<h3>{"In English" if lang == "en" else "En español"}</h3>'
                               f'<div class="message" lang="{lang}">'
                               + "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in t.split("\n\n"))
                               + "</div>" for lang, t in texts.items()))
    body = ("<h1>The reading message, ready to send</h1><p>One per meeting, in English and Spanish (a version for "
            "Spanish readers has its own when it sends something else; otherwise it shares the meeting's): copy it into an "
            "e-mail or a chat, fill in the blanks, and attach what it says above it. When to send it: "
            f"{workshop.reading_message_when(None)}, since a later one gives that session's homework. "
            f'<span lang="es">Cuándo enviarlo: {workshop.reading_message_when(None, "es")}.</span></p>'
            f'<div class="privacy"><p><b>Privacy.</b> {html.escape(CHAT_PRIVACY["en"])}</p>'
            f'<p lang="es"><b>Privacidad.</b> {html.escape(CHAT_PRIVACY["es"])}</p></div>' + "".join(parts))
    style = (".message, .attach { border: 1px solid #888; padding: 0.3em 0.8em; margin: 0.3em 0 0.8em; } "
             ".privacy { border-left: 3px solid #000; padding-left: 0.5em; }")
    return {"reading-message.html": _page("The reading message, ready to send", body, style)}


# the reading message's total for the reading and the homework due (native Spanish review 25: the Spanish messages gave
# each part its minutes and no total); `aside` when the homework has an optional part, which is not counted
HOME_TOTAL = {"all": {"en": "In all, the reading and the work at home: about {minutes} minutes, or about {minutes_l2} "
                            "in a second language{aside}.",
                      "es": "En total, la lectura y el trabajo en casa: unos {minutes} minutos, o unos {minutes_l2} si "
                            "leen en inglés como segunda lengua{aside}."},
              "aside": {"en": " (the optional part not counted)", "es": " (sin contar lo opcional)"}}


def home_total(handout: dict, minutes: int, minutes_l2: int, due: dict, lang: str) -> str:
    """The time the reading and the homework due take together, as a sentence starting with a space (HOME_TOTAL,
    unless ``handout`` has its own ``reading_message_total``), or "" when no homework is due (native Spanish review
    25: the messages and the At home slide gave each part its minutes, never the sum).

    Parameters:
        handout: facilitation.yml as loaded; minutes, minutes_l2: the reading's minutes (and in a second language);
        due: the homework as ``helpers.workshop.homework_said`` says it; lang: "en" or "es".

    Returns:
        " In all, … about N minutes, or about M in a second language." (its optional part named as not counted).

    Example:
        >>> said = {"all": {"en": "In all: {minutes}, {minutes_l2}{aside}.", "es": ""}, "aside": {"en": " (x)", "es": ""}}
        >>> home_total({"reading_message_total": said}, 15, 30, {"minutes": 38, "minutes_l2": 42, "optional": {}}, "en")
        ' In all: 53, 72.'
    """
    said = handout.get("reading_message_total") or HOME_TOTAL
    if not isinstance(due, dict) or not due.get("minutes"):
        return ""
    aside = said["aside"][lang] if due.get("optional") else ""
    return " " + (said["all"][lang].replace("{minutes}", str(int(minutes) + int(due["minutes"])))
                  .replace("{minutes_l2}", str(int(minutes_l2) + int(due["minutes_l2"]))).replace("{aside}", aside))


def _when_sent(meeting: int, version: bool | None = None) -> str:
    """When a meeting's reading message goes, in English and Spanish, by the kit's one rule
    (helpers.workshop.reading_message_when; ``version`` True for a version for Spanish readers' own message).

    >>> "the end of Session 1" in _when_sent(2), "a week before" in _when_sent(1)
    (True, True)
    """
    from helpers import workshop
    why = ("" if meeting == 1 else ": it gives that session's homework", "" if meeting == 1 else
           ": da la tarea de esa sesión")
    return (f"<p><b>When.</b> Send it {workshop.reading_message_when(meeting, version=version)}{why[0]}. "
            f'<span lang="es">Envíelo {workshop.reading_message_when(meeting, "es", version)}{why[1]}.</span></p>')


# a meeting's first segment that reads out the content note (facilitator review 26: its run sheet gives the words)
CONTENT_NOTE = re.compile(r"(?i)\bcontent note\b")


def aloud_note(handout: dict, spanish: bool = False, both: bool = False) -> str:
    """The content note as a run sheet says it aloud (facilitation.yml, ``content_note_aloud``: at most 40 words in
    English, 48 in Spanish), as HTML to follow the welcome's activity: in English, with its Spanish after it when
    ``both`` (a room where some read Spanish more easily); in Spanish alone on a version for Spanish readers.

    Parameters:
        handout: ``helpers.workshop.load_handout(essay)``.
        spanish: the run sheet of a version for Spanish readers.
        both: give the Spanish too, for the bilingual helper or the interpreter.

    Returns:
        HTML: a space, then the words to say, each language in its own span.

    Example:
        >>> from helpers import load_essay, workshop
        >>> aloud_note(workshop.load_handout(load_essay())).startswith(' <span class="aloud"><b>Say:</b>')
        True
    """
    said = handout["content_note_aloud"]
    if spanish:
        return f' <span class="aloud" lang="es"><b>Diga:</b> “{html.escape(said["es"])}”</span>'
    return (f' <span class="aloud"><b>Say:</b> “{html.escape(said["en"])}”</span>'
            + (f' <span class="aloud" lang="es"><b>En español:</b> “{html.escape(said["es"])}”</span>' if both else ""))


def run_sheets(reading: str = DEFAULT_READING, start: str = DEFAULT_START) -> dict[str, str]:
    """One page per meeting of every plan, for the facilitator's clipboard: the preparation route (for a plan that
    has one), times from 0:00 with a clock column (filled in from ``start``, else left to write in), what to say or
    do, where in the essay, each discussion question (a long one in short, with its slide), the sensitive parts
    flagged, and the flare-up script once. File name -> HTML."""
    from tools.pages import _page
    parts = list(_sheet_parts(reading, start, versions=True))
    planned = [p for p in parts if not p[2].iloc[0].version]
    spanish = [p for p in parts if p[2].iloc[0].version]
    routes, versions = preparation_routes(reading, planned), preparation_routes(reading, spanish)
    # the start page's minimum routes, whose total the sheet gives first (facilitator review 22)
    least = {False: preparation_routes(reading, planned, minimum=True),
             True: preparation_routes(reading, spanish, minimum=True)}
    sheets = {}
    for plan, meeting, rows, ctx, title, head, table in parts:
        version = bool(rows.iloc[0].version)
        mine = versions if version else routes
        route = (route_html(mine[plan], sheet=True, version=version, minimum=least[version].get(plan))
                 if plan in mine and meeting == 1 else "")
        sheets[f"run-sheet-{name_of(plan, meeting, rows)}.html"] = _page(f"Run sheet: {title}", head + route + table,
                                                                         SHEET_STYLE, SHEET_PAGE)
    return sheets


# ---- the preparation route: what the facilitator reads, in order, with minutes counted from the words ---------

# a style sheet is not read, nor a page's title (the browser's tab: the page's heading says it)
TAG = re.compile(r"<style\b.*?</style>|<title\b.*?</title>|<[^>]+>|data:image/[^\"')\s]+", re.S)


def words(text: str) -> int:
    """The words of a text a person reads (HTML tags, style sheets, a page's title and embedded images left out):
    runs holding a letter or digit.

    >>> words('<title>Tab</title><style>p { color: red; }</style><p>Read ¶49 aloud.</p><img src="data:image/png;base64,AAAA">')
    3
    """
    return sum(1 for w in TAG.sub(" ", text).split() if re.search(r"\w", w))


def _figure_alt(cell) -> str:
    """A figure's text alternative on paper: the sentence the solution prints under it, else a plain label."""
    for o in cell.get("outputs", []):
        text = o.get("text", "") if o.get("output_type") == "stream" else o.get("data", {}).get("text/markdown", "")
        if text.strip():
            return " ".join(TAG.sub(" ", text).split())[:300]
    return "A figure of the worked solution."


def _exercise_text(notebook: str, number: int | str) -> str:
    """An exercise of a notebook with its worked solution, as the facilitator edition prints it: the cells from
    its "## Exercise N" heading (or, for ``number`` a title, "## Exercise: title") to the next "## " heading, with
    their text outputs."""
    from helpers.lessons import NOTEBOOKS, without_time_lines
    nb = nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    out, inside = [], False
    for cell in nb.cells:
        src = cell.source.lstrip()
        if cell.cell_type == "markdown" and src.startswith("## "):
            inside = (src.startswith(f"## Exercise: {number}") if isinstance(number, str)
                      else src.startswith(f"## Exercise {number}:") or src.startswith(f"## Exercise {number} "))
        if not inside:
            continue
        if cell.cell_type == "markdown":
            out.append(without_time_lines(cell.source))   # the room has its own minutes
        for o in cell.get("outputs", []):       # a table as its HTML: its plain text, set as Markdown, was mangled
            data = o.get("data", {})              # (review13: a search result ran on for half a page of the notes)
            if "image/png" in data:   # a figure as the picture, not its Python name (facilitator review 20)
                out.append(f'\n<img class="figure" src="data:image/png;base64,{"".join(data["image/png"]).strip()}" '
                           f'alt="{html.escape(_figure_alt(cell), quote=True)}">\n')
                continue
            text = (o.get("text", "") if o.get("output_type") == "stream"
                    else data.get("text/markdown", "") or data.get("text/html", "") or data.get("text/plain", ""))
            out.append(f"\n```text\n{text.rstrip()}\n```\n" if text.strip() and (
                o.get("output_type") == "stream" or not (data.get("text/markdown") or data.get("text/html"))) else text)
            out[-1] = on_paper(out[-1])
    if not out:
        raise HelperError("sessions.yml", f"the preparation route names exercise {number} of notebook "
                          f"{notebook[:2]}, which has no heading '## Exercise {number}: …'.",
                          "give the number of one of the notebook's exercises.")
    # each part a block of its own: an output's HTML (a passage) runs on to the next blank line, and Markdown right
    # under it was printed raw (facilitator review 22: "**1.**" after the passage of ¶40)
    return "\n\n".join(out)


def on_paper(text: str) -> str:
    """A cell's output as the printed notes give it: the helper's pointer to a call that shows a paragraph whole
    (``helpers.essay.WHOLE_PARAGRAPH``, for the screen) says where the paragraph is on paper instead (facilitator
    review 22: "Sentence 8 of 11 (essay.show(40) shows the whole paragraph)").

    >>> on_paper("Sentence 8 of 11 (essay.show(40) shows the whole paragraph):")
    "Sentence 8 of 11 (the reader's edition has ¶40 whole):"
    """
    from helpers.essay import WHOLE_PARAGRAPH, WHOLE_PARAGRAPH_ON_PAPER
    said = re.escape(WHOLE_PARAGRAPH).replace(re.escape("{n}"), r"(?P<n>\d+)")
    return re.sub(said, lambda m: WHOLE_PARAGRAPH_ON_PAPER.format(n=m["n"]), text)


def _applies(step: dict, rows, spanish: bool, done: set, on_computers: bool) -> bool:
    """Whether a step of a plan's ``prepare`` list belongs to the route of these meetings (``rows``; ``spanish``: its
    version for Spanish readers)."""
    if step.get("only", "every version") == "version for Spanish readers" and not spanish:
        return False
    if step.get("only", "every version") == "as planned" and spanish:
        return False            # a step for the meetings as planned alone (review 20b: a laptop test, no computers)
    if step["reads"] == "notebook" and not ((rows.notebook == step["notebook"]) & (rows.topic != "setup")).any():
        return False            # a notebook no kept segment beyond the setup check uses (review 20b: the cut tour)
    if step["reads"] == "exercise" and (step["notebook"], int(step["exercise"])) not in done:
        return False            # an exercise the route's meetings cut (review17: the Spanish readers' version, for home)
    if step["reads"] in ("install", "setup page") and not on_computers:
        return False            # a route whose meetings use no computer installs nothing (review18, #2)
    return True


def on_minimum(step: dict) -> bool:
    """Whether a step is on its plan's minimum route (sessions.yml ``minimum``): the arranging always is."""
    return bool(step.get("minimum")) or step["reads"] == "arrange"


# the start page's words before the first route (tools.bundle.start_here_facilitator prints them; the route's
# start page step counts them with the route's own box: review 21, the 4,989-word page no route counted)
START_TITLE = "Start here: the facilitator's kit"
START_LEAD = ("Find your plan just below and follow its route, in order: each step links to the page to open and "
              "gives its minutes, this page included. Hand participants the participants' kit, the zip file in the "
              "folder named for-participants, never this folder: its notebooks carry the worked solutions. "
              "Everything after the routes is reference, headed so you can skip it.")


def preparation_routes(reading: str = DEFAULT_READING, parts=None, minimum: bool = False) -> dict[str, list[dict]]:
    """Each plan's preparation route (sessions.yml, ``prepare``), every step with its ``words`` and ``minutes``,
    counted from what the step reads at the essay's reading speed (slower by reading_pace for a close reading).
    With ``minimum``, the plan's minimum route: the steps marked ``minimum`` and the arranging; its start page
    step counts the start page's lead and the minimum route's box (``minimum_route_html``), the full route's the
    lead and the full route's box.

    Every step counts the words it asks to read, all of them (a page of the kit as built: review 22, the notes step
    left out the lines the run sheet had given, and said 24 minutes for 28 minutes of words). An essay step that
    slows down for the session's paragraphs (``closely: session``) counts those at the close pace (``close_words``).

    Returns a dictionary from plan id to its steps: ``what``, ``reads``, ``where`` (the ¶ or part, in words),
    ``words``, ``close_words`` (those of them read closely), ``minutes`` (rounded up), ``wpm``.
    """
    from helpers import workshop, load_terms
    parts = parts if parts is not None else list(_sheet_parts(reading))
    if not parts:
        return {}
    ctx = parts[0][3]
    essay, plans, h = ctx["essay"], ctx["plans"], ctx["handout"]
    speed, paces = essay.reading_speed, workshop.reading_paces(essay)
    anchors = ctx["questions"].paragraphs
    routes, built = {}, {}      # the notes pages and the checklists, each built once a call (a build makes every plan's)
    from tools import short_notes
    once = lambda build: built[build] if build in built else built.setdefault(build, build(reading))  # noqa: E731
    for plan, steps in workshop.load_preparation(essay).items():
        mine = [p for p in parts if p[0] == plan]
        if not mine:
            continue
        rows = pd.concat([p[2] for p in mine])      # the plan's meetings as these parts run them (or a version)
        out = []
        spanish = "version" in rows and bool(rows["version"].iloc[0])       # the version for Spanish readers' route
        done = exercises_done(rows)
        on_computers = workshop.uses_computers(rows)
        if minimum:
            missing = [s for s in steps if not on_minimum(s) and not s.get("left_out")
                       and _applies(s, rows, spanish, done, on_computers)]
            if missing:
                raise HelperError("sessions.yml", f"the preparation route of plan {plan} leaves the step "
                                  f"{missing[0]['what']!r} off its minimum route without saying when it matters.",
                                  "add left_out: (when the step matters) to the step, or minimum: true.")
        for step in steps:
            if not _applies(step, rows, spanish, done, on_computers):
                continue
            if step["reads"] == "short notes" and not minimum and any(s["reads"] == "notes" for s in steps):
                continue        # the full route reads the whole notes, which hold the notes in short
            if step["reads"] == "start page":     # counted below, from the box that holds the route itself
                out.append({**step, "where": "its first part", "words": 0, "minutes": 0, "wpm": speed})
                continue
            if "{attachments}" in step["what"]:      # the reading message's attachments, from their one list
                sheet = [n for p_, m, r, *_ in mine for n in workshop.load_spanish_sheet(essay).get(f"{p_}-{m}", {})
                         .get("paragraphs", {})] if spanish and h["reading_message_sheet"] else []
                said = attachments(h, sheet, on_computers)
                if on_computers and len(mine) > 1:      # the setup page goes with the first message only (review 20b)
                    said = (attachments({**h, "reading_message_attach": [i for i in h["reading_message_attach"] if i not in
                                         h.get("reading_message_attach_computers", [])]}, sheet)
                            + " (and, with Session 1's, " + _and_en(h.get("reading_message_attach_computers", [])) + ")")
                step = {**step, "what": step["what"].replace("{attachments}", said)}
            where, closely = "", 0
            if step["reads"] == "run sheet":       # every line but the Prepare line (the start page's totals, read)
                text = " ".join(head + table for *_, head, table in mine)
                where = f"{len(mine)} page" + ("s" if len(mine) > 1 else "")
            elif step["reads"] == "safety notes":
                text = " ".join([h["content_note"]["en"]] + [a["en"] for a in h["agreements"]] + h["facilitator_safety"])
            elif step["reads"] == "setup page":
                su = h["setup"]
                text = " ".join([su["intro"]["en"], su["check"]["en"], su["if_not"]["en"]] + [x["en"] for x in su["problems"]]
                                + [r["title"]["en"] + " " + " ".join(x["en"] for x in r["steps"]) for r in su["routes"]])
            elif step["reads"] == "notebook":      # worked through as a participant does: the notebook's own time
                from helpers.lessons import NOTEBOOKS, lesson_row
                name = f"{step['notebook']}.ipynb"
                row = lesson_row(json.loads((NOTEBOOKS / name).read_text(encoding="utf-8")), name, essay)
                out.append({**step, "where": f"notebook {step['notebook'][:2]}", "words": 0,
                            "minutes": int(row["total_min"]), "wpm": speed})
                continue
            elif step["reads"] in workshop.DONE:     # done, not read: its minutes are stated in sessions.yml
                out.append({**step, "where": "", "words": 0, "minutes": step["minutes"], "wpm": speed})
                continue
            elif step["reads"] in ("notes", "short notes"):   # the printed facilitator's notes of the plan's meetings
                # (review14: 4,563 words, where the deck step counted 18 minutes), or the notes in short: every page
                pages = once(notes_pages if step["reads"] == "notes" else short_notes.pages)
                prefix = "notes" if step["reads"] == "notes" else "short-notes"
                text = " ".join(pages[f"{prefix}-{name_of(p_, m, r)}.html"] for p_, m, r, *_ in mine)
                where = f"{len(mine)} meeting" + ("s" if len(mine) > 1 else "")
            elif step["reads"] == "essay":
                if step["paragraphs"] in ("session", "answers"):
                    numbers = session_paragraphs(rows, anchors)
                    if step["paragraphs"] == "answers":
                        numbers = answer_paragraphs(rows, ctx) - numbers
                    where = paragraph_list(numbers)
                else:
                    where = step["paragraphs"]
                n = workshop.reading_time(essay, where)[0]
                text = None
                if step.get("closely"):      # the session's paragraphs read closely in their place (session 23)
                    if step["closely"] != "session":
                        raise HelperError("sessions.yml", f"the preparation route of plan {plan} reads closely "
                                          f"{step['closely']!r}.", "write closely: session (the paragraphs the plan's "
                                          "segments and questions use), or leave closely out.")
                    inside = sorted(session_paragraphs(rows, anchors) & set(paragraph_numbers(where)))
                    closely = workshop.reading_time(essay, paragraph_list(inside))[0] if inside else 0
                    where = f"{where}; closely: {paragraph_list(inside)}"
            elif step["reads"] == "exercise":
                text = _exercise_text(step["notebook"], step["exercise"])
            elif step["reads"] == "glossary":
                terms = load_terms(essay).set_index("term")
                missing = [t for t in step["terms"] if t not in terms.index]
                if missing:
                    raise HelperError("sessions.yml", f"the preparation route of plan {plan} names the term "
                                      f"{missing[0]!r}, which the glossary does not have.",
                                      "write the term as the glossary's term column spells it.")
                text = " ".join(f"{t} {terms.loc[t].definition} {terms.loc[t].in_the_essay} {terms.loc[t].since}"
                                for t in step["terms"])
                where = ", ".join(step["terms"])
            elif step["reads"] == "checklist":      # each meeting version's own page (s23-check: one page per meeting, not per plan)
                text = " ".join(once(checklists)[f"checklist-{name_of(p_, m, r)}.html"] for p_, m, r, *_ in mine)
                where = f"{len(mine)} page" + ("s" if len(mine) > 1 else "")
            elif step["reads"] == "reading message":     # once per meeting, in English (the Spanish is the same)
                message = h["reading_message"]["en"].replace("{content_note}", h["content_note"]["en"])
                text = " ".join([message] * len(mine))
                where = f"{len(mine)} message" + ("s" if len(mine) > 1 else "")
            else:   # deck: its speaker notes and the slides not read in an earlier step (review12: read twice)
                decks = [deck_notebook(plan, m, r, c) for p_, m, r, c, *_ in mine]
                text = " ".join(re.sub(r"^\*(?:What to do|Qué hacer):\*.*$", "", cell.source, flags=re.M)    # the run sheet's line
                                for nb in decks for cell in nb.cells if not READ_BEFORE.match(cell.source))
                where = ", ".join(f"{sum(1 for c in nb.cells if c.metadata['slideshow']['slide_type'] == 'slide')} "
                                  "slides" for nb in decks)
            n = words(text) if text is not None else n
            closely = n if step["pace"] == "close" else closely
            out.append({**step, "where": where, "words": n, "close_words": closely, "close": paces["close"],
                        "minutes": math.ceil((n + (paces["close"] - 1) * closely) / speed), "wpm": speed})
        for step in out:        # a step done, the start page and a notebook: nothing read closely
            step.setdefault("close_words", 0)
            step.setdefault("close", paces["close"])
        if minimum:             # the steps left off, after the route, marked (preparation_totals skips them)
            out = ([s for s in out if on_minimum(s)] + [{**s, "left": True} for s in out if not on_minimum(s)])
        for _ in range(2):      # the box prints the totals, which the start page's minutes change: count twice
            for step in out:
                if step["reads"] == "start page":
                    box = (minimum_route_html(out, title=plans[plans.plan == plan].plan_title.iloc[0],
                                              version=spanish, arranging_link="#")
                           if minimum else route_html(out, version=spanish))
                    step["words"] = words(f"{START_TITLE} {START_LEAD} {box}")
                    step["minutes"] = math.ceil(step["words"] / speed)
        routes[plan] = out
    return routes


def exercises_done(rows) -> set[tuple[str, int]]:
    """The exercises the meetings' segments (``rows``) do, as (notebook, number): a segment's ``exercise``, or an
    exercise its activity names ("Exercise 2") in the segment's own notebook."""
    done = set()
    for seg in rows.itertuples():
        if seg.notebook:
            numbers = list(EXERCISE_NAMED.findall(seg.activity)) + ([str(seg.exercise)] if seg.exercise else [])
            done |= {(seg.notebook, int(n)) for n in numbers}
    return done


def session_paragraphs(rows, anchors) -> set[int]:
    """Every paragraph a plan's segments read or name and its discussion questions rest on."""
    numbers = set()
    for seg in rows.itertuples():
        numbers |= set(paragraph_numbers(seg.paragraphs))
        numbers |= {n for q in seg.discussion.split(", ") if q for n in anchors[q]}
    return numbers


CITED = re.compile(r"¶(\d+)(?:\s*[–-]\s*¶?(\d+))?")


def answer_paragraphs(rows, ctx) -> set[int]:
    """Every paragraph the likely answers and leading notes of a plan's segments (sessions.yml ``lead``) and of its
    discussion questions (discussion.yml ``facilitation``) cite: where the room may be sent, which the facilitator
    should have read (review14: the route left out ¶17–¶18, ¶19–¶42, ¶52–¶53, ¶55, ¶57–¶61)."""
    texts = [seg.lead for seg in rows.itertuples() if getattr(seg, "lead", "")]
    texts += [leading(q, ctx) for seg in rows.itertuples() for q in seg.discussion.split(", ") if q]
    numbers = set()
    for found in CITED.finditer(" ".join(texts)):
        first = int(found[1])
        numbers |= set(range(first, int(found[2] or first) + 1))
    return numbers


# the slides a facilitator has read by the deck's step of the route: a segment's slide is its run sheet row (and its
# Spanish), the content note and the agreements are the safety step's, a question's Spanish slide its English one's
READ_BEFORE = re.compile(r"## (?:\d+:\d\d–\d+:\d\d · |Content note|Aviso sobre el contenido|Group agreements|Pregunta )")

# a careful reader's pace, beside the brisk one the route is counted at (the facilitator review: 93 minutes at a
# brisk pace was about two hours at a careful one)
CAREFUL_WPM = 150


def step_minutes(step: dict, wpm: float | None = None) -> int:
    """A step's minutes at ``wpm`` words a minute (None: the route's own pace, its ``minutes``): its words, those
    read closely (``close_words``) counted at the close pace; a step done, not read, has its stated minutes.

    >>> step_minutes({"words": 1500, "close_words": 300, "close": 2, "minutes": 9}, 150)
    12
    """
    if wpm is None or not step.get("words"):
        return step["minutes"]
    return math.ceil((step["words"] + (step.get("close", 1) - 1) * step.get("close_words", 0)) / wpm)


def preparation_totals(steps: list[dict], wpm: float | None = None) -> tuple[int, int]:
    """A preparation route's two totals in minutes, each rounded up to five: (reading and rehearsal: every step
    but the arranging, the installing included; arranging: the ``arrange`` steps). With ``wpm``, the reading counted
    at that pace (``CAREFUL_WPM``: a careful reader's), the steps done unchanged."""
    steps = [s for s in steps if not s.get("left")]          # a minimum route's steps left off it
    arranging = sum(s["minutes"] for s in steps if s["reads"] == "arrange")
    reading = sum(step_minutes(s, wpm) for s in steps if s["reads"] != "arrange")
    return -(-reading // 5) * 5, -(-arranging // 5) * 5


def in_hours(minutes: int) -> str:
    """Minutes as a facilitator reads a duration: ``165`` -> ``2 h 45``, ``120`` -> ``2 h``, ``40`` -> ``40 min``."""
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h" + (f" {minutes % 60:02d}" if minutes % 60 else "")


def preparation_phrase(steps: list[dict]) -> str:
    """The route's totals as the kit prints them: "about 2 h 45 of reading and rehearsal, and about 2 h 10 of
    arranging"."""
    reading, arranging = preparation_totals(steps)
    return (f"about {in_hours(reading)} of reading and rehearsal"
            + (f", and about {in_hours(arranging)} of arranging" if arranging else ""))


def paces_phrase(steps: list[dict], short: bool = False) -> str:
    """A route's reading and rehearsal at both paces, as the start page's box says it: "about 1 h 30 at 200 words a
    minute, about 1 h 55 at 150" (facilitator review 22: 1 h 55 at 200 was about 2 h 25 at 150); ``short``, as the
    run sheet's one line says it: "about 1 h 30 at 200 words a minute, 1 h 55 at 150"."""
    brisk, _ = preparation_totals(steps)
    careful, _ = preparation_totals(steps, CAREFUL_WPM)
    wpm = next((s["wpm"] for s in steps if s.get("wpm")), 200)
    return (f"about {in_hours(brisk)} at {wpm:g} words a minute, {'' if short else 'about '}{in_hours(careful)} at "
            f"{CAREFUL_WPM:g}")


def sheet_preparation_phrase(minimum: list[dict], steps: list[dict]) -> str:
    """A run sheet's preparation figures, in one short line: the start page's minimum route first, at both paces,
    then the full route, then the arranging (facilitator review 22: the sheet printed the full route's 2 h 50
    alone, the start page led with the minimum's 1 h 55): "about 1 h 30 at 200 words a minute, 1 h 55 at 150
    (minimum route); 2 h 50 in full; 2 h 25 of arranging" (one line at 9 pt, so the sheet keeps its type size)."""
    least, _ = preparation_totals(minimum)
    reading, arranging = preparation_totals(steps)
    figures = (f"{paces_phrase(minimum, short=True)} (minimum route); {in_hours(reading)} in full"
               if least < reading else        # a route with nothing to leave out
               f"about {in_hours(reading)} (the start page's minimum route is the full one)")
    return figures + (f"; {in_hours(arranging)} of arranging" if arranging else "")


def route_html(steps: list[dict], sheet: bool = False, links: list[str] | None = None, version: bool = False,
               label: str = "this session", minimum: list[dict] | None = None) -> str:
    """A plan's preparation route as a short ordered list: each step, where it is, and its minutes; both totals
    (reading and rehearsal; arranging, listed apart). On a run sheet (``sheet``) it is one compact paragraph with
    the totals. With ``version``, the route of a meeting's version for Spanish readers (its own run sheet, deck
    and paragraphs). On a run sheet, ``minimum`` is the plan's minimum route (``preparation_routes(minimum=True)``),
    whose total comes first (``sheet_preparation_phrase``)."""
    phrase = preparation_phrase(steps)
    if sheet:       # the day's page: the figures and where the route is, not the route again
        if minimum:
            return (f'<p class="prep"><b>Prepare{" this version" if version else ""}: '
                    f"{sheet_preparation_phrase(minimum, steps)}</b>.</p>")
        if version:
            return (f'<p class="prep"><b>Prepare this version: {phrase}</b> (its own route: the kit\'s start '
                    "page).</p>")
        return f'<p class="prep"><b>Prepare: {phrase}</b> (the route, step by step: the kit\'s start page).</p>'

    links = links or [""] * len(steps)

    def item(s, href):
        return ("<li>" + (f'<a href="{html.escape(href)}">{html.escape(s["what"])}</a>' if href
                          else html.escape(s["what"]))
                + (f" ({html.escape(s['where'])})" if s["where"] else "") + f": <b>{s['minutes']} min</b></li>")
    doing = "".join(item(s, h) for s, h in zip(steps, links) if s["reads"] != "arrange")
    arranging = "".join(item(s, h) for s, h in zip(steps, links) if s["reads"] == "arrange")
    wpm = steps[0].get("wpm", 200)
    careful, _ = preparation_totals(steps, CAREFUL_WPM)
    intro = (f"<b>Prepare {'this version' if version else label}: {phrase}</b>, in this order, from this "
             "kit alone. What you read is counted from its words at "
             f"{wpm:g} words a minute, a brisk pace (a close reading at half that pace); at a careful {CAREFUL_WPM:g} "
             f"words a minute, the reading and rehearsal take about {in_hours(careful)}. What you do "
             "(installing, rehearsing aloud, arranging) has the minutes it takes a first-time facilitator. Not "
             "counted: on the day, setting up the room and filling in the blanks of the packet (the day-of checklist).")
    return (f'<div class="prep"><p>{intro}</p><ol>{doing}</ol>'
            + (f"<p><b>Arranging, over the week: about {in_hours(preparation_totals(steps)[1])}</b></p><ol>{arranging}</ol>"
               if arranging else "") + "</div>")


def minimum_route_html(steps: list[dict], links: list[str] | None = None, title: str = "",
                       version: bool = False, anchor: str = "", arranging_link: str = "") -> str:
    """A plan's minimum preparation route (``preparation_routes(minimum=True)``) as the start page's box: what to
    open, in order, with links and minutes; the totals; the arranging in one line; and the steps it leaves out
    (marked ``left``), with their minutes and when each matters (``left_out``)."""
    _, arranging = preparation_totals(steps)
    links = links or [""] * len(steps)
    left = [s for s in steps if s.get("left")]
    links = [h for s, h in zip(steps, links) if not s.get("left")]
    steps = [s for s in steps if not s.get("left")]
    name = title[:1].lower() + title[1:]
    # arranging in the heading too, the figure shown first (facilitator review 26b: "1 h 35" alone read as the whole
    # preparation, which with the arranging is about 4 h 25)
    head = (f"{'Its version for Spanish readers' if version else title}: reading and rehearsal "
            f"{paces_phrase(steps)}" + (f", plus about {in_hours(arranging)} of arranging" if arranging else ""))

    def item(s, href):
        what = html.escape(s["what"])
        return ("<li>" + (f'<a href="{html.escape(href)}">{what}</a>' if href else what)
                + (f" ({html.escape(s['where'])})" if s["where"] else "") + f": <b>{s['minutes']} min</b></li>")
    doing = "".join(item(s, h) for s, h in zip(steps, links) if s["reads"] != "arrange")
    more = f' ({_a(arranging_link, "each task below")})' if arranging_link else ""
    # setting up the computers, done over the week, named on the route with its minutes (facilitator review 26: the
    # 90-minute minimum route never said where installing the kit was counted)
    install = next((s for s in steps if s["reads"] == "arrange" and s["what"].startswith("Install the kit")), None)
    among = (f", among it installing the kit on your laptop and testing it with the projector ({install['minutes']} min)"
             if install else "")
    at = f' id="{anchor}"' if anchor else ""
    return (f'<div class="first"{at}><h2>{html.escape(head)}</h2>'
            f"<p>The minimum route to prepare {html.escape(name) if not version else 'this version'}, in order; "
            f"each step's minutes counted from the words it asks you to read, at a brisk {steps[0].get('wpm', 200):g} "
            "a minute.</p>"
            f"<ol>{doing}</ol>"
            + (f"<p><b>Over the week, arranging: about {in_hours(arranging)}</b>, apart from the reading{among}{more}.</p>"
               if arranging else "")
            + ("<p><b>Left out, and when it matters:</b></p><ul>"
               + "".join(f"<li>{html.escape(s['what'])} ({s['minutes']} min): {html.escape(s['left_out'])}.</li>"
                         for s in left)
               + "</ul>" if left else "") + "</div>")


def _a(href: str, label: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(label)}</a>'


def pdf_pages(data: bytes) -> int:
    """Pages counted from the PDF bytes: /Type /Page objects (not /Pages, the tree above them)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def print_one_page(page, print_pdf):
    """Print a run sheet or checklist (``page``, an .html file) with ``print_pdf``; when it runs over one page,
    print it again in the next smaller type of SHEET_SIZES. Returns the PDF; raises ValueError, naming the
    sheet and the fix, when even the smallest type needs more than one page."""
    text = page.read_text(encoding="utf-8")
    body = f"body {{ font-size: {SHEET_SIZES[0]};"
    for size in SHEET_SIZES:
        page.write_text(text.replace(body, f"body {{ font-size: {size};", 1), encoding="utf-8")
        pdf = print_pdf(page)
        if pdf_pages(pdf.read_bytes()) <= 1:
            return pdf
    raise ValueError(f"The run sheet or checklist {page.stem} needs more than one page even in {SHEET_SIZES[-1]} type. "
                     "Fix: shorten its discussion questions or activities in sessions.yml / discussion.yml, "
                     "or split the meeting.")


# the checklist of a version for Spanish readers says its own words in Spanish too, like the version's run sheet
# (the things to bring are named as the plans name them, in English)
CHECKLIST_WORDS = {"title": ("Day-of checklist", "Lista del día"), "done": ("done", "hecho"),
                   "bring": ("bring", "traer"), "used": ("used", "se usa"),
                   "printed": ("Printed, from the plan's print list (the kit's start page gives its pages)",
                               "Impreso, según la lista de impresión del plan"),
                   "room": ("In the room: what any meeting needs, then what this meeting's segments name",
                            "En la sala: lo que necesita toda reunión y lo que nombran las partes de esta reunión"),
                   "every": ("every meeting", "cada reunión"), "copies": ("copies", "copias")}


def _said(key: str, spanish: bool, tag: str = "span") -> str:
    """One of the checklist's own words (``CHECKLIST_WORDS``), with its Spanish after it on a version's checklist."""
    en, es = CHECKLIST_WORDS[key]
    return html.escape(en) + (f' · <{tag} lang="es">{html.escape(es)}</{tag}>' if spanish else "")


def print_lines(lists, plan: str, meeting: int, version: bool, papers: set[str] | None = None,
                rows_only: bool = False) -> list[tuple[str, str]]:
    """What a meeting's day-of checklist says to print, as (what, copies): the lines of the plan's print list
    (``workshop.load_print_lists``, the start page's source) listed ``at`` this meeting or at every meeting; for a
    version for Spanish readers its own list (``workshop.version_print_list``), a printout it replaces named as its
    own, as the start page names it. Facilitator review 22: the series checklist's "printed participant editions of
    notebooks 00 and 01" was written by hand and disagreed with the print list. ``papers``: the meeting versions
    that have a paper edition (``tools.paper.paper_parts``); a meeting version without one does not list it
    (facilitator review 25: Session 3's version listed "its own paper edition", which the kit does not build).
    ``rows_only``: the print list's rows it lists, not the lines (to check each against the kit's files)."""
    from helpers import workshop
    rows = (workshop.version_print_list(lists, plan) if version else
            lists[(lists.plan == plan) & (lists.only != "version for Spanish readers")])
    rows = rows[rows["at"].isin([str(meeting), "every meeting"])]
    if papers is not None:
        rows = rows[(rows.printout != "paper editions") | (f"{plan}-{meeting}" + ("-spanish" if version else "") in papers)]
    if rows_only:
        return rows
    lines = []
    for r in rows.itertuples():
        short = re.split(r" \(|, ", r.name)[0]
        if r.at == "every meeting" and "*" in r.file:       # a page per meeting (its run sheet): this meeting's
            what = f"{short}: this meeting's" + (f" (the version's own {r.version})" if version and r.version else "")
        else:
            what = f"{r.name.split(' (')[0]}: its own {r.version}" if version and r.version else r.name
        lines.append((what, r.copies))
    return lines


def checklists(reading: str = DEFAULT_READING) -> dict[str, str]:
    """One page per meeting and per version for Spanish readers, named as its run sheet (facilitator review 22: one
    table for a series' six meeting versions, filtered on the day): what to print for it (``print_lines``), what any
    meeting needs in the room (facilitation.yml, ``day_of``), then each thing its segments name, once, with when it is
    used, and the debrief."""
    from helpers import workshop
    from tools.pages import _page
    from tools.paper import paper_parts
    pages, lists, papers = {}, None, set(paper_parts(reading))
    for plan, meeting, rows, ctx in meetings(reading, versions=True):
        lists = lists if lists is not None else workshop.load_print_lists(ctx["essay"])
        first = rows.iloc[0]
        spanish = bool(first.version)
        items: dict[str, dict] = {}
        on_computers = workshop.uses_computers(rows) or "setup" in set(rows.topic)
        for seg in rows.itertuples():
            for item in materials(plain(seg.materials, ctx["titles"])):
                if not on_computers and COMPUTER_ONLY.search(item):     # all on paper: no zip, no Binder
                    continue
                items.setdefault(_key(item), {"item": item, "when": []})["when"].append(
                    f"at {clock(seg.start)} ({seg.topic})")
        title = _title(rows, ctx["plans"])
        every = _said("every", spanish)
        printed = "".join(f"<tr><td>☐</td><td>{html.escape(what)}</td><td>{html.escape(copies)}</td></tr>"
                          for what, copies in print_lines(lists, plan, meeting, spanish, papers))
        room = ("".join(f"<tr><td>☐</td><td>{html.escape(item)}</td><td>{every}</td></tr>"
                        for item in ctx["handout"]["day_of"])
                + "".join(f"<tr><td>☐</td><td>{html.escape(slot['item'])}</td><td>{html.escape('; '.join(slot['when']))}</td></tr>"
                          for slot in items.values()))
        lead = ("Everything this meeting needs, each thing once: what to print for it, then what any meeting needs in "
                "the room and what its segments name, with when each is used.")
        if spanish:
            lead += (" This is the version for a room with Spanish readers, decided before its first reading message "
                     f"went ({workshop.reading_message_when(1, version=True)} the first meeting): it prints "
                     f"{html.escape(version_printouts(plan, ctx))} instead of the plan's, and projects its own deck.")
        elif workshop.spanish_version(ctx["plans"][(ctx["plans"].plan == plan) & (ctx["plans"].meeting == meeting)]) is not None:
            lead += (" With a room with Spanish readers (decided before the first reading message goes), use the checklist of this meeting's "
                     "version for Spanish readers instead (its own page).")
        lead_es = ('<p lang="es">Todo lo que necesita esta reunión, una vez cada cosa: qué imprimir y qué llevar a la '
                   "sala, con cuándo se usa. Las cosas se nombran como en los planes, en inglés.</p>" if spanish else "")
        heading = (f'<h1>{_said("title", spanish)}. {html.escape(title)}</h1>'
                   + (f'<p lang="es"><b>{html.escape(_title_es(rows, ctx["plans"]))}</b></p>' if spanish else ""))
        body = (heading + f"<p>{lead}</p>{lead_es}"
                + f'<table class="sheet printed"><tr><th>{_said("done", spanish, "div")}</th><th>{_said("printed", spanish)}'
                  f"</th><th>{_said('copies', spanish)}</th></tr>{printed}</table>"
                + f'<table class="sheet room"><tr><th>{_said("done", spanish, "div")}</th><th>{_said("room", spanish)}</th>'
                  f'<th>{_said("used", spanish)}</th></tr>{room}</table>'
                + f"<p>☐ {html.escape(ctx['handout']['debrief'])}</p>")
        pages[f"checklist-{name_of(plan, meeting, rows)}.html"] = _page(f"Day-of checklist: {title}", body,
                                                                         SHEET_STYLE, SHEET_PAGE)
    return pages


# a session deck has less on a slide than a notebook's: larger type, for the back of the room. A projected figure
# fills the slide's picture area (its width, 600 px tall), scaled up from the notebook's PNG: shown at its own size,
# in a slide reveal.js scales by 0.96, the argument map's smallest text was 14.0 px at 1280 × 720 (facilitator
# review; session 26 measured 13.997), now about 17 px (tests/test_narrow_26.py)
DECK_CSS = ("<style>.reveal .jp-RenderedHTMLCommon { font-size: 26px; }\n"
            ".reveal img.projected { display: block; margin: 0 auto; max-width: 1180px; max-height: 600px; }\n"
            ".reveal section img.projected { width: 100% !important; height: 600px !important; object-fit: contain; "
            "object-position: center top; }</style>\n")


# ---- building -----------------------------------------------------------------------------------------------

def build(out, pdf: bool = True, start: str = DEFAULT_START) -> list:
    """Write the decks into out/slides and the run sheets, checklists, notes and notes in short into out/facilitator;
    return the files
    (the PDFs are printed by ``tools.editions.build`` with every other page)."""
    from helpers.edition import mark_languages
    from tools.pages import _html
    written = []
    slides = out / "slides"
    slides.mkdir(parents=True, exist_ok=True)
    for name, nb in session_decks().items():
        path = slides / name
        page = _html(nb, "offline_reveal", exclude_input=True, exclude_input_prompt=True,
                     exclude_output_prompt=True, reveal_url_prefix="reveal.js")
        path.write_text(mark_languages(page.replace("</head>", DECK_CSS + "</head>", 1)), encoding="utf-8")
        written.append(path)
    folder = out / "facilitator"
    folder.mkdir(parents=True, exist_ok=True)
    from tools import short_notes
    for name, page in {**run_sheets(start=start), **checklists(), **reading_messages(), **notes_pages(),
                       **short_notes.pages()}.items():
        path = folder / name
        path.write_text(mark_languages(page), encoding="utf-8")
        written.append(path)
    return written
