"""The participant handout (content note, group agreements, pre-reading, setup page, discussion questions),
English beside Spanish, and the pieces of it that other pages reuse (the setup page, the bilingual pair). Its own
module so that the handouts builder (tools/editions.py) and the packet (tools/packet.py) import it, and not each
other."""
from __future__ import annotations

import html
import re

from helpers.essay import DEFAULT_READING, load_essay
from helpers.readable import question_name
from tools.launch import binder_url, settings
from tools.pages import _page


def _md_inline(text: str) -> str:
    """Escape, then render the bits of Markdown the handout texts use: `code`, **bold**, and lines (a text with
    numbered steps, one a line, keeps its line breaks, so each command stands on a line of its own)."""
    out = html.escape(text.strip())
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)
    return re.sub(r"\s*\n\s*", "<br>", out)


def _pair(text: dict, tag: str = "p", cls: str = "pair") -> str:
    return (f'<div class="{cls}"><div lang="en"><{tag}>{_md_inline(text["en"])}</{tag}></div>'
            f'<div lang="es"><{tag}>{_md_inline(text["es"])}</{tag}></div></div>')


def handout_html(reading: str = DEFAULT_READING, plan: str | None = None, setup: bool = True) -> str:
    """The participant handout, English beside Spanish: language note, content note, group agreements,
    pre-reading for each plan, the setup page, and the discussion questions the plans use; with ``plan`` (a plan's
    id), only that plan's meetings and questions, for a lighter printout; without ``setup``, no setup page (a plan's
    packet when the setup page went out on its own before the day)."""
    from helpers import workshop
    from helpers.discussion import load_questions
    essay = load_essay(reading)
    h = workshop.load_handout(essay)
    plans = workshop.load_plans(essay)
    es = workshop.load_questions_es(essay, plans)
    if plan is not None:
        plans = plans[plans.plan == plan]
    questions = load_questions(essay).set_index("id")
    title = essay.meta["title"]
    parts = [f"<h1>Participant handout · Material para participantes</h1>",
             f"<p><em>{html.escape(title)}</em></p>",
             _pair(h["language_note"], cls="pair lead"),
             # the content note a size smaller: long (review13), it left the page above it near blank
             "<h2>Content note · Aviso sobre el contenido</h2>", _pair(h["content_note"], cls="pair long"),
             "<h2>Group agreements · Acuerdos del grupo</h2>"]
    parts += [_pair(a) for a in h["agreements"]]
    parts.append("<h2>Reading before each meeting · Lectura antes de cada reunión</h2>"
                 f"<p>In the reader's edition, by ¶ number; about {essay.reading_speed:.0f} words a minute. · En la "
                 f"edición de lectura, por número de párrafo (¶); unas {essay.reading_speed:.0f} palabras por minuto.</p>")
    pre = workshop.pre_reading(essay, plans)
    rows = "".join(f"<tr><td>{html.escape(r['meeting_title'])} · "
                   f"<span lang=\"es\">{html.escape(r['meeting_title_es'])}</span></td><td>{html.escape(r['read before'])}</td>"
                   f"<td>{r['words']:,} words, about {r['minutes']} min · <span lang=\"es\">{r['words']:,} palabras, "
                   f"unos {r['minutes']} min; en inglés como segunda lengua, unos {r['minutes_l2']} min"
                   "</span></td></tr>"
                   for _, r in pre.iterrows())
    parts.append("<table><tr><th>Meeting · Reunión</th><th>Read · Leer</th><th>Length · Extensión</th></tr>"
                 f"{rows}</table>")
    # the setup follows the reading table on its page (review12: from a page of its own, it left the table's last
    # rows alone on a near-blank page); the setup page printed alone (setup.html) still opens a page
    if setup:
        parts += [p.replace('<h2 class="newpage">', "<h2>", 1) if i == 0 else p
                  for i, p in enumerate(setup_parts(h["setup"]))]
    used = list(dict.fromkeys(q for cell in plans.discussion for q in cell.split(", ") if q))
    parts.append("<h2 class=\"newpage\">Discussion questions · Preguntas de discusión</h2>"
                 "<p>Words in quotation marks are the essay's own, so they stay in English. · Las palabras entre "
                 "comillas son del propio ensayo y por eso quedan en inglés; van seguidas de su traducción entre "
                 "corchetes [ ] y del párrafo (¶) donde están.</p>")
    for qid in sorted(used):
        q = questions.loc[qid]
        read = ", ".join(f"¶{n}" for n in sorted(set(q.paragraphs)))
        # a long question a size smaller (review12: a page tall, it left its heading alone on a near-blank page)
        en_ = f"**{question_name(qid).capitalize()}** ({read}) {' '.join(q.question.split())}"
        es_ = f"**{question_name(qid, spanish=True).capitalize()}** ({read}) {es[qid]}"
        pair = _pair({"en": en_, "es": es_}, cls="pair long" if len(es[qid]) > LONG_PAIR else "pair")
        parts.append(_asks_listed(pair, en_, es_))
    return _page("Participant handout", "\n".join(parts))


def _asks_listed(pair: str, en: str, es: str) -> str:
    """A long question's pair with what it asks as a short list under what it leans on, in each language
    (facilitator review 21: question 2, 200 words in English and 350 in Spanish, was a wall of small type): the
    closing questions (tools.decks.sheet_question, closing_questions), one an item; the pair unchanged when a language
    has fewer than two. The run sheets and the slides give the question's spoken form instead (discussion.yml, aloud)."""
    from tools import decks
    for text, asks in ((en, decks.sheet_question(en)), (es, decks.closing_questions(es))):
        items = decks.asked(asks) if asks and text.endswith(asks) else []
        if len(items) < 2:
            continue
        shown = _md_inline(text)
        lead = _md_inline(text[:-len(asks)])
        listed = "".join(f"<li>{_md_inline(x)}</li>" for x in items)
        pair = pair.replace(f"<p>{shown}</p>", f'<p>{lead}</p><ul class="asks">{listed}</ul>', 1)
    return pair


LONG_PAIR = 1200      # characters of a question's Spanish: longer, and its pair is set a size smaller


def setup_parts(setup: dict) -> list[str]:
    """The setup page (from ``workshop.load_handout(essay)["setup"]``), English beside Spanish, on a page of its
    own: intro, where to get the project, each route's steps, how to check, what to do if it did not work."""
    parts = ["<h2 class=\"newpage\">Setup, before the day · Instalación, antes de la sesión</h2>", _pair(setup["intro"]),
             address_block()]
    for route in setup["routes"]:
        parts.append(_pair(route["title"], tag="h3"))
        parts += [_step(step) for step in route["steps"]]
    return parts + ["<h3>Check · Comprobar</h3>", _step(setup["check"]),
                    "<h3>If it did not work · Si no funcionó</h3>", _step(setup["if_not"])] \
        + [_step(problem) for problem in setup["problems"]]


def _step(text: dict) -> str:
    """A setup line, English beside Spanish, or English above Spanish when it holds a long command."""
    return _pair(text, cls="pair stack" if _long_command(text) else "pair")


LONG_COMMAND = 30     # characters: a command this long, never split, does not fit half the printed page's width


def _long_command(step: dict) -> bool:
    """Whether a setup step holds a command too long for a column beside its Spanish: such a step prints its
    English above its Spanish, at full width (a command is never split, and a line wider than the page makes
    Chromium shrink every page of the printout, to about 6 pt in the packet)."""
    return any(len(code) >= LONG_COMMAND for text in step.values() for code in re.findall(r"`([^`]+)`", str(text)))


# the blank beside every address or contact blank of the packet and the handout (issue 20): someone to ask when the
# setup page's steps fail, who need not be the facilitator (a helper, a friend who knows computers)
SETUP_HELP = "Who to ask if setup fails · A quién preguntar si la instalación falla:"


def setup_help_line() -> str:
    """The "who to ask if setup fails" line written under an address: a label and a line to write on."""
    return f'<p class="small"><strong>{SETUP_HELP}</strong></p><p class="write-line">&nbsp;</p>'


def address_block(launch: dict | None = None) -> str:
    """Where participants find the notebooks: with launch links on (launch.yml names a repository), the
    Binder link and the repository's address; with them off, a line to write the address on."""
    launch = launch or settings()
    if launch["repository"] is None:
        return ('<div class="address"><p><strong>Where to get the project · Dónde conseguir el proyecto:</strong></p>'
                '<p class="write-line">&nbsp;</p><p class="small">The facilitator writes it here, or sends it before '
                'the day: where the zip file we-are-losing-study.zip is (USB stick, shared drive), or a Binder link '
                'or address if the project is published. · Quien facilita lo escribe aquí o lo envía antes de la sesión: '
                'dónde está el archivo we-are-losing-study.zip (memoria USB, carpeta compartida), o un enlace de '
                'Binder o una dirección si el proyecto está publicado.</p>' + setup_help_line() + '</div>')
    repo, branch = launch["repository"], launch["branch"]
    binder = binder_url("00_start_here.ipynb", repo, branch)
    return ('<div class="address"><p><strong>Binder link · Enlace de Binder:</strong> '
            f'<a href="{html.escape(binder)}">{html.escape(binder)}</a></p>'
            '<p><strong>The project on GitHub (route B: Code → Download ZIP) · El proyecto en GitHub (vía B):</strong> '
            f'<a href="https://github.com/{html.escape(repo)}">https://github.com/{html.escape(repo)}</a></p>'
            + setup_help_line() + '</div>')
