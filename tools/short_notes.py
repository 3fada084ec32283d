"""The notes in short: each meeting's essentials for preparing it, one section a segment (facilitator review 22: the
full notes were 5,516 words, and the 90-minute session's minimum route took about 2 h 25 at a careful 150 words a
minute). Built from the same data as the full notes (tools.decks.notes_pages): what to say, the question, two
likely answers and the flare-up line; the full notes keep every prompt, every likely answer, where people get stuck
and the worked solutions, for the day.
"""
from __future__ import annotations

import html
import re

from helpers.errors import HelperError
from helpers.essay import DEFAULT_READING
from helpers.text import paragraph_list
from tools import decks

LIKELY = 2          # likely answers a segment's section gives (the full notes give them all)


def _discussion(seg) -> list[str]:
    return [q for q in seg.discussion.split(", ") if q]


def segment_questions(seg, ctx) -> list[str]:
    """What a segment asks the room, as the short notes print it: each discussion question in full (the run sheet
    asks it in short and sends here for the whole: facilitator review 24), else the questions of what the room is
    told (its ``room`` words, else its activity), or, in a segment with likely answers of its own (``likely``) and
    no question mark, the task its last sentence sets; [] for a segment that asks nothing."""
    asked = [" ".join(ctx["questions"].question[q].split()) for q in _discussion(seg)]
    if asked:
        return asked
    said = re.split(r"(?<=[.?!])\s+(?=[A-Z“(])", decks.plain(getattr(seg, "room", "") or seg.activity, ctx["titles"]))
    questions = " ".join(s for s in said if s.endswith("?"))
    return [questions] if questions else [said[-1]] if list(getattr(seg, "likely", None) or []) else []


def _exercises_of(seg) -> list[str]:
    """The numbers of the exercises a segment does: those its activity names ("Exercise 2") and its ``exercise``."""
    numbers = list(decks.EXERCISE_NAMED.findall(seg.activity)) + ([str(seg.exercise)] if seg.exercise else [])
    return list(dict.fromkeys(numbers)) if seg.notebook else []


def _answer_first(seg) -> str:
    """The first paragraph of the worked solution of the exercise the segment does, when it gives the answer first."""
    for n in _exercises_of(seg):
        if seg.notebook:
            first = decks.worked_solution(seg.notebook, int(n)).split("\n\n", 1)[0]
            if first.startswith("**The answer first.**"):
                return first.replace("**The answer first.**", "", 1).replace("**", "").strip()
    return ""


def likely_answers(seg, ctx) -> list[str]:
    """Two likely answers to what a segment asks: its own (sessions.yml, ``likely``), else its discussion
    question's first (discussion.yml, ``facilitation``), else the answer its exercise's worked solution gives
    first; [] for a segment that asks nothing. A segment whose leading notes (``lead``) have no ``likely`` fails,
    naming the fix."""
    own = list(getattr(seg, "likely", None) or [])
    if own:
        return own[:LIKELY]
    found = [f"{a['answer']} (¶{a['paragraph']})" for q in _discussion(seg)
             for a in (ctx["facilitation"].get(q) or {}).get("likely", [])]
    if found:
        return found[:LIKELY]
    if getattr(seg, "lead", ""):
        raise HelperError("sessions.yml", f"the segment {seg.topic!r} has leading notes (lead) but no likely: the "
                          "notes in short give two likely answers of each segment that asks something.",
                          "add likely: [\"…\", \"…\"] to the segment, two answers from its lead, each with its ¶.")
    first = _answer_first(seg)
    return [first] if first else []


def _section(seg, ctx, spanish: bool) -> str:
    titles = ctx["titles"]
    e = html.escape
    said = decks.plain(getattr(seg, "room", "") or seg.activity, titles)
    topic = seg.topic[:1].upper() + seg.topic[1:]
    out = [f'<section class="segment"><h2>{decks.clock(seg.start)}–{decks.clock(seg.start + seg.minutes)} · '
           f"{e(topic)} ({seg.minutes} min)</h2>", f"<p><b>Say:</b> {e(said)}</p>"]
    if spanish and getattr(seg, "activity_es", ""):
        out.append(f'<p lang="es"><b>En español:</b> {e(decks.plain(seg.activity_es, titles))}</p>')
    if seg.sensitive:
        out.append(f"<p><b>Sensitive.</b> {e(decks.plain(seg.sensitive, titles))}</p>")
    for q in _discussion(seg):
        # in full: the run sheet asks it in short and sends here for the whole (facilitator review 24: the packet's
        # page for question 2 was the only full text, and the minimum route did not read it)
        full = " ".join(ctx["questions"].question[q].split())
        out.append(f"<p><b>Ask ({e(decks.question_name(q))}, in full):</b> <i>{e(full)}</i></p>")
        es = " ".join(ctx.get("questions_es", {}).get(q, "").split()) if spanish else ""
        if es:      # a version asks it in Spanish, as its run sheet does (in short when long)
            short = decks.sheet_question(full)
            whole = es
            es = (decks.closing_questions(es) if decks.words(es) > decks.SHORT_AT or short else "") or es
            # said when it is only the closing questions (Spanish review 25: the English above is "in full")
            label = ("En español:" if es == whole else
                     "En español, solo sus preguntas finales (la pregunta completa está en el cuadernillo):")
            out.append(f'<p lang="es"><b>{label}</b> <i>{e(es)}</i></p>')
    likely = likely_answers(seg, ctx)
    if likely:
        # an exercise's: its worked solution's answer first, which answers each of its questions (facilitator review
        # 24: the checklist sent to the full notes for the solution, which the minimum route left out)
        named = ", ".join(f"Exercise {n}" for n in _exercises_of(seg))
        out.append("<p><b>Two likely answers:</b></p>" if len(likely) > 1 else
                   f"<p><b>{named}'s worked solution, in brief</b> (its answer first; the reasoning: the facilitator's "
                   "notes):</p>")
        out.append("<ul>" + "".join(f'<li class="likely">{e(a)}</li>' for a in likely) + "</ul>")
    for q in _discussion(seg):
        f = ctx["facilitation"].get(q)
        if f:
            out.append(f"<p><b>To close:</b> {e(f['close'])}</p>")
    hit = decks.flashpoints_of(seg, ctx)
    if hit:
        out.append(f'<p class="flare"><b>Flashpoint: name {paragraph_list(hit)} before reading.</b> '
                   f"{e(decks.IF_IT_FLARES)}</p>")
    return "".join(out) + "</section>"


def pages(reading: str = DEFAULT_READING) -> dict[str, str]:
    """Each meeting's notes in short (and each version's): file name (``short-notes-<meeting>.html``) -> HTML."""
    from tools.pages import _page
    out = {}
    for plan, meeting, rows, ctx in decks.meetings(reading, versions=True):
        spanish = bool(rows.iloc[0].version)
        title = decks._title(rows, ctx["plans"])
        moments = ctx["handout"].get("hard_moments", [])
        body = (f"<h1>The notes in short. {html.escape(title)}</h1>"
                "<p>For preparing: each segment's essentials (what to say, what it asks in full, two likely answers "
                "or an exercise's solution in brief, the flare-up line), from the data of the full facilitator's "
                "notes, which you print for the day.</p>"
                # an English room's run sheet prints these lines in its box (s23-series), read just before: the notes
                # in short say where they are (review 24: a minute of the minimum route read twice); a version's
                # sheet has the Spanish alone, so its notes give both
                + ("<p><b>Hard moments, your lines:</b> the box at the top of the run sheet.</p>"
                   if moments and not spanish else
                   "<p><b>Hard moments, your lines:</b></p><ul>"
                   + "".join(f"<li>{html.escape(m['when'])}: “{html.escape(m['en'])}”"
                             + (f' · <span lang="es">“{html.escape(m["es"])}”</span>' if spanish and m.get("es") else "")
                             + "</li>" for m in moments)
                   + "</ul>" if moments else "")
                + "".join(_section(seg, ctx, spanish) for seg in rows.itertuples() if seg.minutes))
        out[f"short-notes-{decks.name_of(plan, meeting, rows)}.html"] = _page(
            f"The notes in short: {title}", body, decks.NOTES_STYLE)
    return out
