"""The sentence ledger: every sentence of the essay accounted for (seeds/<reading>/ledger.yml).

Each sentence (and each section heading) either carries an entry of the argument map (argument.yml: a claim,
the thesis, a point, an objection or reply, a framing, a parallel) or has a row in ``ledger.yml`` saying why
it carries none: a heading that names its section, a quotation the voices file holds, narration the timeline
holds, a signpost to what follows. What else is anchored in each sentence (voices, events, numbers, dating
clues) is found here automatically from the other files' spans, never kept by hand.

Layers: this module sits above the loaders (like ``helpers.annotations.load_all``) and imports them when it is
called.
"""
from __future__ import annotations

import pandas as pd

from .anchoring import check_span, read_yaml
from .essay import Essay
from .rules import load_entries, said

FILE = "ledger.yml"
SENTENCES = f"{FILE} sentences"
ARGUMENT = "argument.yml"
# What a ledger kind may require to stand in the sentence: the name used in ledger.yml's `needs`, and the
# column of ``ledger()`` that holds those rows.
NEEDS = {"voices": "voices", "timeline": "events", "figures": "numbers", "dating": "dating clues",
         "claim": "claim"}   # "claim": the row names (`claim:`) a claim anchored in the same paragraph
LAYERS = ("claims", "voices", "events", "numbers", "dating clues")


def units(essay: Essay) -> pd.DataFrame:
    """The units the ledger accounts for: every sentence of the essay's text, and every section heading.

    Parameters: ``essay`` the loaded essay.
    Returns: a table (paragraph, sentence, text, start, end, heading) in reading order; a heading is one unit.

    Example:
    >>> import helpers
    >>> u = units(helpers.load_essay())
    >>> int(u.heading.sum()), int(u.iloc[0].paragraph)
    (8, 1)
    """
    s = essay.sentences.assign(heading=False)
    p = essay.paragraphs
    h = p[p.kind == "heading"]
    heads = pd.DataFrame({"paragraph": h.paragraph, "sentence": 1, "text": h.text, "start": h.start,
                          "end": h.end, "heading": True})
    out = pd.concat([s, heads], ignore_index=True).sort_values("start", kind="stable").reset_index(drop=True)
    return out[["paragraph", "sentence", "text", "start", "end", "heading"]]


def _argument_spans(essay: Essay) -> list[tuple[str, int, int]]:
    """(id, start, end) of every span in argument.yml (claims, thesis, points, objections, framings, parallels)."""
    path = essay.folder / ARGUMENT
    data = read_yaml(path)
    found: list[tuple[str, int, int]] = []

    def walk(node, owner: str, where: str) -> None:
        if isinstance(node, dict):
            owner = str(node.get("id", owner))
            if isinstance(node.get("span"), str) and "paragraph" in node:
                start, end = check_span(essay, node["span"], node["paragraph"], path, where)
                found.append((owner, start, end))
            for key, value in node.items():
                walk(value, owner, f"{where}.{key}" if owner == where else owner)
        elif isinstance(node, list):
            for value in node:
                walk(value, owner, where)

    for section, value in data.items():
        walk(value, section, section)
    return found


def _layer_spans(essay: Essay) -> dict[str, list[tuple[str, int, int]]]:
    """(id, start, end) of every anchored row of the voices, timeline, figures and dating files."""
    from . import figures, quotations, timeline
    tables = {"voices": (quotations.FILE, quotations.load_quotations),
              "events": (timeline.FILE, timeline.load_timeline),
              "numbers": (figures.FILE, figures.load_figures),
              "dating clues": (timeline.DATING, timeline.load_dating)}
    out: dict[str, list[tuple[str, int, int]]] = {}
    for layer, (name, load) in tables.items():
        if not (essay.folder / name).is_file():
            out[layer] = []
            continue
        t = load(essay)
        t = t[pd.to_numeric(t["start"], errors="coerce").notna()]
        out[layer] = [(str(r.id), int(r.start), int(r.end)) for r in t.itertuples()]
    return out


def _figure_words(essay: Essay) -> dict[str, str]:
    """id -> the ``figure`` of each row of the figures file, lower case: what a mark with ``in_figure`` must be
    part of (a row whose span only surrounds the word, counting something else, does not hold it)."""
    from . import figures
    if not (essay.folder / figures.FILE).is_file():
        return {}
    return {str(r.id): str(r.figure).lower() for r in figures.load_figures(essay).itertuples()}


def load_ledger(essay: Essay) -> tuple[dict, pd.DataFrame]:
    """ledger.yml read and checked: its kinds, and its rows (paragraph, opens, kind, reason).

    A row names a sentence by its paragraph and its opening words (``opens``, exact); a row with no ``opens``
    speaks for every sentence of its paragraph that carries no argument entry.

    Parameters: ``essay`` the loaded essay.
    Returns: (kinds, rows): kinds maps each kind to its meaning and what it needs; rows is a table.
    Example:
    >>> import helpers
    >>> kinds, rows = load_ledger(helpers.load_essay())
    >>> "heading" in kinds and set(rows.kind) <= set(kinds)
    True
    """
    kinds = {k.name: {"means": k.means, "needs": [NEEDS[n] for n in k.needs]}
             for k in load_entries(essay, f"{FILE} kinds").itertuples()}
    u = units(essay)
    table = load_entries(essay, f"{FILE} sentences")
    table[["opens", "claim"]] = table[["opens", "claim"]].where(table[["opens", "claim"]] != "", None)
    sentences = []
    for para, opens, kind, claim, row in table[["paragraph", "opens", "kind", "claim", "row"]].itertuples(index=False):
        in_para = u[u.paragraph == para]
        match = in_para[[t.startswith(str(opens)) for t in in_para.text]]
        if opens is not None and len(match) != 1:
            raise said(essay.folder, SENTENCES, "no such opening" if match.empty else "openings", row, n=len(match),
                       paragraph=para, opens=opens, first="; ".join(f"“{t[:40]}…”" for t in in_para.text))
        sentences.append(None if opens is None else int(match.sentence.iloc[0]))
        if ("claim" in kinds[kind]["needs"]) != (claim is not None):
            raise said(essay.folder, SENTENCES, "needs a claim" if claim is None else "takes no claim", row, kind=kind)
    table.insert(2, "sentence", sentences)
    dup = table[table.duplicated(["paragraph", "sentence"], keep=False) & table.sentence.notna()]
    if len(dup):
        raise said(essay.folder, SENTENCES, "twice", dup.row.iloc[1], paragraph=int(dup.paragraph.iloc[0]))
    return kinds, table


def ledger(essay: Essay) -> pd.DataFrame:
    """Every sentence and heading with what is anchored in it, and for those with no argument entry, the reason.

    Parameters: ``essay`` the loaded essay.
    Returns: a table, one row per unit: paragraph, sentence, text, heading, claims (ids of argument entries),
    voices, events, numbers, dating clues (ids anchored in it), kind ("argues" when it carries an argument
    entry, else the ledger's kind, or "" when unaccounted) and reason. An entry counts for a sentence when its
    span overlaps it.
    Example:
    >>> import helpers
    >>> book = ledger(helpers.load_essay())
    >>> bool((book.kind != "").all())
    True
    """
    u = units(essay)
    spans = {"claims": _argument_spans(essay), **_layer_spans(essay)}
    for layer in LAYERS:
        u[layer] = [sorted({i for i, s, e in spans[layer] if s < end and e > start}, key=_id_order)
                    for start, end in zip(u.start, u.end)]
    _, rows = load_ledger(essay) if (essay.folder / FILE).is_file() else ({}, pd.DataFrame(
        columns=["row", "paragraph", "sentence", "opens", "kind", "reason", "claim"]))
    by_sentence = {(r.paragraph, r.sentence): r for r in rows.itertuples() if pd.notna(r.sentence)}
    by_paragraph = {r.paragraph: r for r in rows.itertuples() if pd.isna(r.sentence)}
    kinds, reasons = [], []
    for t in u.itertuples():
        entry = by_sentence.get((t.paragraph, t.sentence)) or by_paragraph.get(t.paragraph)
        if t.claims:
            kinds.append("argues")
            reasons.append("")
        elif entry is not None:
            kinds.append(entry.kind)
            reasons.append(entry.reason)
        else:
            kinds.append("")
            reasons.append("")
    u["kind"], u["reason"] = kinds, reasons
    return u.drop(columns=["start", "end"])


def _id_order(i: str):
    head = i.rstrip("0123456789")
    tail = i[len(head):]
    return (head, int(tail) if tail else -1, i)


def check_ledger(essay: Essay) -> pd.DataFrame:
    """The ledger checked whole: every unit accounted for, no row left over, each kind's needs met.

    Parameters: ``essay`` the loaded essay.
    Returns: the ledger (``ledger(essay)``); raises AnnotationError naming ledger.yml, the row and the fix when
    a sentence carries neither an argument entry nor a ledger row, when a ledger row names a sentence that now
    carries a claim, or when a row's kind needs a voice, an event or a number that is not anchored there.
    Example:
    >>> import helpers
    >>> len(check_ledger(helpers.load_essay())) > 200
    True
    """
    kinds, rows = load_ledger(essay)
    book = ledger(essay)
    for r in rows.itertuples():
        mine = book[(book.paragraph == r.paragraph) & ((book.sentence == r.sentence) if pd.notna(r.sentence)
                                                       else True)]
        if pd.notna(r.sentence) and mine.claims.iloc[0]:
            raise said(essay.folder, SENTENCES, "now claimed", r.row, **r._asdict(), claims=", ".join(mine.claims.iloc[0]))
        covered = mine[[not c for c in mine.claims]]
        if pd.isna(r.sentence) and covered.empty:
            raise said(essay.folder, SENTENCES, "all claimed", r.row, paragraph=r.paragraph)
        here = set().union(*book[book.paragraph == r.paragraph].claims)
        if r.claim is not None and r.claim not in here:
            raise said(essay.folder, SENTENCES, "claim elsewhere", r.row, **r._asdict(),
                       here=", ".join(sorted(here, key=_id_order)) or "none")
        for need in (n for n in kinds[r.kind]["needs"] if n != "claim"):
            lacking = covered[[not v for v in covered[need]]]
            if len(lacking):
                raise said(essay.folder, SENTENCES, "lacking", r.row, **{**r._asdict(), "need": need, "sentence": int(
                    lacking.sentence.iloc[0]), "text": lacking.text.iloc[0][:60]})
    missing = book[book.kind == ""]
    if len(missing):
        raise said(essay.folder, SENTENCES, "no reason", None, n=len(missing), **{**missing.iloc[0], "text": (
            missing.iloc[0].text[:80])})
    check_marks(essay)
    return book


def summary(book: pd.DataFrame) -> pd.DataFrame:
    """How many sentences argue, narrate (an event of the timeline is anchored in them), do both, or neither.

    Parameters: ``book`` the ledger (``ledger(essay)``).
    Returns: a small table (what the sentences do, how many), headings counted apart.
    Example:
    >>> import helpers
    >>> s = summary(ledger(helpers.load_essay()))
    >>> int(s.iloc[-1, 1]) == len(ledger(helpers.load_essay()))
    True
    """
    argues = book.kind == "argues"
    narrates = book.events.map(bool)
    head = book.heading
    lines = [("argue and narrate (a claim of the map and an event of the timeline)", int((argues & narrates).sum())),
             ("argue only (a claim of the map)", int((argues & ~narrates).sum())),
             ("narrate only (an event of the timeline, no claim)", int((~argues & narrates & ~head).sum()))]
    rest = book[~argues & ~(narrates & ~head)]
    for kind, n in rest.kind.value_counts().sort_index().items():
        lines.append((f"neither: {kind}", int(n)))
    lines.append(("every sentence and heading", len(book)))
    return pd.DataFrame(lines, columns=["what the sentences do", "how many"])


def reasons(book: pd.DataFrame) -> pd.DataFrame:
    """The sentences that carry no argument entry, with what they do instead and why.

    Parameters: ``book`` the ledger (``ledger(essay)``).
    Returns: a table (¶, sentence opening, kind, reason).
    Example:
    >>> import helpers
    >>> "reason" in reasons(ledger(helpers.load_essay())).columns
    True
    """
    r = book[book.kind != "argues"]
    return pd.DataFrame({"¶": r.paragraph, "sentence": [t if len(t) <= 70 else t[:67] + "…" for t in r.text],
                         "kind": r.kind, "reason": r.reason}).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Marks: every number or amount, and every word of saying or reporting, held by a row or given a reason
# --------------------------------------------------------------------------------------------

def load_marks(essay: Essay) -> tuple[dict, pd.DataFrame]:
    """The ``marks`` of ledger.yml (what to find, and which files must hold it) and its ``unlisted`` reasons.

    Parameters: ``essay`` the loaded essay.
    Returns: (marks, unlisted): marks maps a mark's name to its meaning, its compiled pattern and the layers
    that hold it; unlisted is a table (row, paragraph, words, mark, reason).
    Example:
    >>> import helpers
    >>> marks, unlisted = load_marks(helpers.load_essay())
    >>> sorted(marks)
    ['amounts', 'numbers', 'saying']
    """
    import re
    marks: dict[str, dict] = {}
    for spec in load_entries(essay, f"{FILE} marks").itertuples():
        words = sorted(spec.words, key=len, reverse=True)
        parts = [r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"] if words else []
        marks[spec.name] = {"means": spec.means, "in_figure": spec.in_figure, "held_by": [NEEDS[h] for h in spec.held_by],
                            "pattern": re.compile("|".join(parts + [r"\b\d[\d,./]*%?"] * spec.digits), re.IGNORECASE)}
    rows = load_entries(essay, f"{FILE} unlisted")
    return marks, rows[["row", "paragraph", "words", "mark", "reason"]]


def marks(essay: Essay) -> pd.DataFrame:
    """Every mark found in the essay's text, with the rows that hold it or the reason none does.

    Parameters: ``essay`` the loaded essay.
    Returns: a table (mark, paragraph, found, held_by (ids), reason, unlisted_row): one row per occurrence.
    Example:
    >>> import helpers
    >>> m = marks(helpers.load_essay())
    >>> bool(((m.held_by.map(bool)) | (m.reason != "")).all())
    True
    """
    spec, unlisted = load_marks(essay)
    spans = _layer_spans(essay)
    figure_words = _figure_words(essay)
    out = []
    for p in essay.paragraphs.itertuples():
        if p.kind == "heading":
            continue
        for name, m in spec.items():
            for hit in m["pattern"].finditer(p.text):
                s, e = p.start + hit.start(), p.start + hit.end()
                held = sorted({i for layer in m["held_by"] for i, a, b in spans[layer] if a < e and b > s
                               and (not m["in_figure"] or hit.group(0).lower() in figure_words.get(i, ""))},
                              key=_id_order)
                reason, which = "", ""
                if not held:
                    for u in unlisted[(unlisted.paragraph == p.paragraph) & (unlisted.mark == name)].itertuples():
                        at = p.text.find(u.words)
                        while at >= 0 and not (at <= hit.start() and hit.end() <= at + len(u.words)):
                            at = p.text.find(u.words, at + 1)
                        if at >= 0:
                            reason, which = u.reason, u.row
                            break
                out.append({"mark": name, "paragraph": p.paragraph, "found": hit.group(0), "held_by": held,
                            "reason": reason, "unlisted_row": which,
                            "context": p.text[max(0, hit.start() - 30):hit.end() + 30].replace("\n", " ")})
    return pd.DataFrame(out, columns=["mark", "paragraph", "found", "held_by", "reason", "unlisted_row", "context"])


def check_marks(essay: Essay) -> pd.DataFrame:
    """Every number and word of saying is held by a row (figures, timeline, dating; voices) or has a reason.

    Parameters: ``essay`` the loaded essay.
    Returns: the table of ``marks(essay)``; raises AnnotationError naming ledger.yml when a mark has neither, or
    when an ``unlisted`` row no longer speaks for any mark (its words are now held by a row, or hold no mark).
    Example:
    >>> import helpers
    >>> len(check_marks(helpers.load_essay())) > 100
    True
    """
    spec, unlisted = load_marks(essay)
    found = marks(essay)
    bare = found[(~found.held_by.map(bool)) & (found.reason == "")]
    if len(bare):
        first = bare.iloc[0]
        held = " or ".join(spec[first.mark]["held_by"])
        raise said(essay.folder, f"{FILE} unlisted", "bare mark", None, **first, n=len(bare), held=held)
    used = set(found.unlisted_row)
    for u in unlisted.itertuples():
        if u.row not in used:
            raise said(essay.folder, f"{FILE} unlisted", "stale", u.row, **u._asdict())
    return found
