"""Figures for the notebooks, drawn with matplotlib in one consistent, projector-friendly style.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms of colour
blindness; text is large enough to read on a projected screen.
"""
from __future__ import annotations

import math
import re
import textwrap

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

# Okabe & Ito (2008), "Color Universal Design": eight colours safe for colour-blind readers.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]

STYLE = {
    "figure.dpi": 100,
    "font.size": 13,
    "axes.titlesize": 16,
    "axes.titleweight": "bold",
    "axes.labelsize": 14,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "we-are-losing",     # deterministic ids if a figure is saved as SVG
}


# A figure for a projected screen: 1280 × 720 px at the style's 100 dpi, the notebook's 0.1 inch margin included.
# JupyterLab at 1280 × 720 shows it in an 848 px output area, at two thirds of its size (tools/figure_legibility.py),
# so the notebooks' figures are drawn NARROW instead (SLIDE is kept for figures of your own).
SLIDE = (12.6, 7.0)
# A figure drawn for that output area: 840 px wide with the margin, shown at its own size (11-point text: 15 px).
NARROW = (8.2, 6.8)
# The width of 02–04's figures (voices, timeline, mentions): cropped to what they draw, with the 0.1 inch margin,
# 847 px, the whole of JupyterLab's 848 px output area, like the argument maps (session 26: drawn NARROW, they came
# out 831 px wide), and their smallest text: 11 points, 15.3 px there (it was 10.5 points, 14.6 px;
# tests/test_figures_legible.py holds 02–04 to ROOM_FLOOR_PX and to at least ROOM_MIN_WIDTH px wide)
ROOM_WIDTH = 8.36
ROOM_SMALL = 11


def use_style() -> None:
    """Set matplotlib to the package's figure style: large text for a projector, no top or right border.

    Every plotting helper calls it; call it yourself before drawing your own figure to match them.

    Returns:
        Nothing; it changes matplotlib's settings (``plt.rcParams``) for the figures drawn after it.

    Example:
        >>> use_style()
        >>> plt.rcParams["font.size"]
        13.0
    """
    plt.rcParams.update(STYLE)


def words_per_section(essay, ax=None):
    """A bar chart of how many words each section of the essay has, in reading order, with its ¶ range.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        ax: optional; a matplotlib Axes to draw in. Leave it out to draw a new figure.

    Returns:
        The matplotlib Axes drawn in (its figure is ``ax.figure``). ``describe_words_per_section`` gives the
        same chart in words.

    Example:
        >>> from helpers import load_essay
        >>> ax = words_per_section(load_essay())
        >>> ax.get_title(loc="left")
        'Words per section of the essay'
        >>> plt.close(ax.figure)
    """
    use_style()
    s = essay.sections
    # long headings are wrapped onto a second line, never cut: every label shows the whole heading
    labels = [f"{textwrap.fill(name, 32)}  (¶{a}{'' if a == b else f'–¶{b}'})"
              for name, a, b in zip(s.section, s.first_paragraph, s.last_paragraph)]
    if ax is None:    # drawn for JupyterLab's 848 px output area: 11-point labels are 15 px there
        _, ax = plt.subplots(figsize=NARROW)
    bars = ax.barh(labels, s.words, color=OKABE_ITO[4])
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=11)
    ax.tick_params(axis="x", labelsize=11)
    ax.bar_label(bars, labels=[f"{w:,}" for w in s.words], padding=4, fontsize=11)
    ax.set_xlabel("words (headings not counted)", fontsize=12)
    ax.set_title("Words per section of the essay", loc="left", fontsize=14)
    ax.set_xlim(0, s.words.max() * 1.15)
    ax.figure.tight_layout()
    return ax


# --------------------------------------------------------------------------------------------
# The argument map
# --------------------------------------------------------------------------------------------
# Drawn for a projector: 16:9 figures, 14 pt text, every box in full (no "…"). A claim and the claims
# directly under it make one figure; a long list of claims is split over several figures, and each
# figure comes with a text description (``fig.alt_text``) computed from the same data.

# which way every arrow of an argument map points, said in its legend (the learner review, round 12: "supports"
# arrows pointed in to the claim, "explains" arrows out from it, and nothing said why)
def _arrow_direction(words) -> str:
    """The legend's line on which way the arrows of a map point, naming the relations drawn in it."""
    words = list(words)
    said = " or ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " or " + words[-1]
    return f"Each arrow points from a claim to the claim it {said}"

# Each claim type has one Okabe–Ito colour; boxes are filled lightly so black text stays readable. Points
# are yellow and filled more strongly, so they never look like the pale blue of a premise.
FILL = {"point": "80"}
TYPE_COLOURS = {
    "thesis": "#000000", "point": OKABE_ITO[3], "conclusion": OKABE_ITO[2], "premise": OKABE_ITO[1],
    "evidence": OKABE_ITO[0], "recommendation": OKABE_ITO[6], "concession": OKABE_ITO[5],
}
# Each relation has its own line style as well as its own word on the arrow, so colour is never the only cue.
RELATION_STYLES = {
    "supports": dict(color="#333333", linestyle="-"),
    "explains": dict(color=OKABE_ITO[4], linestyle="--"),
    "explained by": dict(color=OKABE_ITO[4], linestyle="--"),
    "illustrates": dict(color=OKABE_ITO[2], linestyle=":"),
    "qualifies": dict(color=OKABE_ITO[5], linestyle="-."),
    "recommends": dict(color=OKABE_ITO[6], linestyle="-"),
    "extends": dict(color=OKABE_ITO[1], linestyle=(0, (6, 2, 1, 2, 1, 2))),
}
# Drawn for the width JupyterLab gives a figure on a 1280 × 720 screen (an output area of 848 px with the side panel
# open, tools/figure_legibility.py): a PNG of 848 px is shown at its own size, so 11-point text is 15 px there (and on
# a projector), never scaled down. (Round 14's maps were 1,353 px wide, shown at 63 %: 14-point text came out 12 px.)
MAP_SIZE = (8.28, 4.66)   # inches: with the notebook's 0.1 inch margin all round, 848 × 486 px, about 16:9
_ROOM = 4.05              # inches of height for the claims on the right
MAP_FONT = 11             # box text: 15.3 px
MAP_SMALL = 10.5          # legend and the words on the arrows: 14.6 px
_LINE = MAP_FONT / 72 * 1.22   # inches per line of box text
POINT_WORDS = 16          # a point's box: its first 16 words (point 3, 14 words, whole; the table gives 1 and 2 whole)
BOX_WORDS = 10            # a box on the right gives the claim's first words; the table under the figure gives it in full
ROOT_LINES = 7            # the box on the left: at most this many lines of the claim (the thesis: its first sentences)
_CHILD_WIDTH, _ROOT_WIDTH = 40, 34   # characters per line of box text


def _children(argument, id_):
    c = argument.claims
    return c[c.to == id_].sort_values("start")


def _header(row) -> str:
    """A box's first line: what the claim is and where it stands ("Conclusion · ¶48"); the claim's first words follow
    on the next lines. No code: 01 never asks a learner for one (learner review 21, 5: "Evidence · ¶25 (C24)" in a
    notebook that called the codes a reference "you will not need")."""
    kind = {"thesis": "Thesis", "point": f"Point {str(row.id)[1:]}"}.get(row.type, str(row.type).capitalize())
    return f"{kind} · {row['at']}"


def claim_in_words(nodes, id_: str) -> str:
    """A claim named in a sentence by what it is and where it stands, as its box's first line names it: "the thesis",
    "point 2", "the conclusion of ¶48"; where one ¶ has two claims of one type, their first words tell them apart
    ("the premise of ¶55 [Many of the movements' opponents…]").

    Parameters:
        nodes: ``argument.nodes()`` (or ``argument.rows()``, the same as plain records); id_: the claim's id.
    Returns:
        the name, as text.

    Example:
        >>> from helpers import load_essay, load_argument
        >>> nodes = load_argument(load_essay()).nodes()
        >>> claim_in_words(nodes, "C28"), claim_in_words(nodes, "C31")
        ('the conclusion of ¶33', 'the evidence of ¶33 [Democrats and Republicans both worked…]')
    """
    nodes = _as_rows(nodes)
    row = nodes[id_]
    if row.type == "thesis":
        return "the thesis"
    if row.type == "point":
        return f"point {str(id_)[1:]}"
    name = f"the {row.type} of ¶{row.paragraph}"
    twins = sum(other.type == row.type and other.paragraph == row.paragraph for other in nodes.values())
    return name if twins == 1 else f"{name} {_first_words(row, words=5)}"


def _as_rows(nodes) -> dict:
    """The boxes of a map as plain records by id (``Argument.rows``), from ``argument.nodes()`` or as they are if
    they are those records already: the maps look boxes up hundreds of times, and a pandas row costs a thousand
    times a dict's look-up."""
    if hasattr(nodes, "to_dict"):
        from .argument import _NodeRow
        return {i: _NodeRow(r) for i, r in zip(nodes.index, nodes.to_dict("records"))}
    return nodes


def _a(typ: str) -> str:
    """"a conclusion", "an recommendation" made right, "a piece of evidence"."""
    return "a piece of evidence" if typ == "evidence" else ("an " if typ[0] in "aeiou" else "a ") + typ


def _first_words(row, held_back=(), words: int = 10) -> str:
    """The first words of a claim, to name it in a sentence: the package's paraphrase, or the essay's words for a
    claim an exercise asks about (whose reading is held back)."""
    text = str(row.span if row.name in held_back else row.paraphrase)
    cut = text.split()
    short = " ".join(cut[:words]).rstrip(",;:")
    more = "…" if len(cut) > words else ""
    if row.name in held_back or " ".join(text.split()) in " ".join(str(row.span).split()):
        return f"“{short.replace(chr(34), chr(39))}{more}”"         # the essay's words: in quotation marks
    # the package's paraphrase, never in quotation marks (review15 close B1: a reader took it for the essay's words)
    return f"[{short}{more}]"


# A box that cannot give a claim whole ends where a phrase ends (learner review 19: 114 of 121 boxes on 01's maps
# ended mid-phrase, "…causes in order to…"): after a comma, colon, semicolon or closing bracket, or before a word that
# opens a new phrase. The "…" still says the claim goes on; the table under the figure gives it in full.
CLAUSE_OPENERS = frozenset("""which that who whom whose where when while because and but or although though if so
    whether nor yet once unless""".split())
PREPOSITIONS = frozenset("""in for by from with on into against under over after before since through until during
    about among between without across toward towards beside despite""".split())
# a phrase never ends on one of these: it needs the words after it
NEEDS_MORE = frozenset("""a an the of to in for by from with on into at as and or but that which who whose their its his
    her our your my this these those is are was were be been has have had will would can could should must not
    no very more most than""".split()) | PREPOSITIONS | CLAUSE_OPENERS
_PHRASE_END = re.compile(r"[,;:)\]”]$")


def _plain(word: str) -> str:
    return re.sub(r"^\W+|\W+$", "", word).lower()


def _ends_a_phrase(words: list[str], k: int) -> int:
    """How surely the first ``k`` of ``words`` end a phrase: 3 at a comma, colon, semicolon, closing bracket or full
    stop; 2 before a word that opens a clause (``CLAUSE_OPENERS``); 1 before a preposition or a bracket; 0 otherwise, and always 0
    when the last word needs the next (``NEEDS_MORE``: "the", "of", "to", "their" …) or a bracket or quotation is
    left open."""
    last, shown = words[k - 1], " ".join(words[:k])
    if _plain(last) in NEEDS_MORE:
        return 0
    if shown.count("(") > shown.count(")") or shown.count("“") > shown.count("”") or shown.count('"') % 2:
        return 0    # inside brackets or a quotation
    if _PHRASE_END.search(last) or (last.endswith(".") and last.count(".") == 1):
        return 3
    following = _plain(words[k]) if k < len(words) else ""
    opens = words[k][:1] == "(" if k < len(words) else False
    return 2 if following in CLAUSE_OPENERS else 1 if following in PREPOSITIONS or opens else 0


PHRASE_OVER = 4   # words a box may give beyond its share to reach the end of a phrase


def phrase_cut(words: list[str], most: int) -> int:
    """How many of ``words`` a box gives when it has room for about ``most``: of the cuts from half of ``most`` to
    ``PHRASE_OVER`` words more that end a phrase (``_ends_a_phrase``), the longest within ``most``, else the shortest
    beyond it; failing those, the longest shorter cut that ends one; ``most`` if none does.

    Parameters: ``words`` a claim's words, in order; ``most`` how many the box has room for.
    Returns: how many of the words the box gives (all of them when they fit).

    Example:
    >>> phrase_cut("to its root causes in order to more effectively counter".split(), 7)
    4
    """
    if len(words) <= most:
        return len(words)
    cuts = [(_ends_a_phrase(words, k) > 0, k <= most, k if k <= most else -k)
            for k in range(max(2, most // 2), min(len(words), most + PHRASE_OVER) + 1)]
    best = max(cuts)
    if not best[0]:   # no phrase ends near the box's share: the longest shorter one that does
        best = max([(_ends_a_phrase(words, k), k, k) for k in range(2, max(2, most // 2))] or [(0, 0, most)])
    return abs(best[2]) if best[0] else most


def _short(text: str, words: int) -> str:
    """The first ``words`` words of a text, or fewer, to end where a phrase ends (``phrase_cut``); "…" marking that
    it goes on (the table under the map gives it in full)."""
    cut = str(text).split()
    k = phrase_cut(cut, words)
    return " ".join(cut[:k]).rstrip(",;:.") + ("…" if len(cut) > k else "")


def _within(text: str, width: int, lines: int) -> list[str]:
    """A text wrapped at ``width``, kept to ``lines`` lines: cut where a phrase ends and marked "…" if it is longer."""
    wrapped = textwrap.wrap(str(text), width)
    if len(wrapped) <= lines:
        return wrapped
    kept = textwrap.wrap(" ".join(wrapped[:lines]), width - 1)[:lines]
    cut = str(text).split()
    k = phrase_cut(cut, len(" ".join(kept).split()))
    return textwrap.wrap(" ".join(cut[:k]).rstrip(",;:.") + "…", width - 1)


def _root_words(argument, row) -> str:
    """What the box on the left says: for the thesis, the sentences of ¶10 that state it, in the essay's words (as
    many whole sentences as fit in ``ROOT_LINES``: the package's paraphrase is long and hedged, and is in the table
    under the figure); for any other claim, its paraphrase (cut at ``ROOT_LINES`` lines)."""
    if row.type != "thesis":
        return str(row.paraphrase)
    said = ""
    for span in argument.thesis[argument.thesis.role == "thesis"].span:
        longer = f"{said[:-1]} {span}”" if said else f"“{span}”"
        if said and len(textwrap.wrap(longer, _ROOT_WIDTH)) > ROOT_LINES:
            break
        said = longer
    return said


def _box_text(row, width: int, below: int = 0, words: int | None = BOX_WORDS, text: str | None = None) -> str:
    said = str(row.paraphrase) if text is None else text
    body = textwrap.wrap(_short(said, words), width) if words else _within(said, width, ROOT_LINES)
    lines = [_header(row)] + body
    if below:
        lines.append(f"[{below} more claim{'s' if below != 1 else ''} below it]")
    return "\n".join(lines)


def _relation_phrase(relation: str) -> str:
    return {"explained by": "is explained by"}.get(relation, relation)


HELD_BACK = ("(the essay's words only: the package's reading of this claim is held back until the exercise that "
             "asks about it)")


def _child_text(argument, nodes, id_, held_back=(), words: int = BOX_WORDS, below=None) -> str:
    """A box on the right; ``below``: how many claims stand under each claim, if counted already (``_below``)."""
    row = nodes[id_]
    # an exercise asks about this claim: its box gives the essay's words (in quotation marks), not the package's reading
    text = f"“{_short(row.span, words)}”" if id_ in held_back else None
    # a point is the essay's own sentence: its box gives more of it, so a projected map shows what each point says
    # (review15 learner, 5: point 3, 14 words, read "…learn from more advanced…")
    under = below[id_] if below is not None and id_ in below else argument.below_counts().get(id_, 0)
    return _box_text(row, _CHILD_WIDTH, below=under if row.type != "point" else 0,
                     words=None if text else (max(POINT_WORDS, words) if row.type == "point" else words), text=text)


MORE_WORDS = 26        # a figure with room to spare gives each box up to this many words (review17 learner: "…")
BOX_LINES = 4          # but never more lines than this in a box on the right (round 14: boxes of 5 to 23 lines)
_ARROW_ROOM = 0.25     # inches kept free between boxes for each arrow and the word on it


def _below(argument, ids) -> dict[str, int]:
    """How many claims stand under each of these claims, however deep: counted once for a map, not once for every
    wording of its box that is tried (``_words_that_fit`` tries seven)."""
    counts = argument.below_counts()
    return {i: counts.get(i, 0) for i in dict.fromkeys(ids)}


def _words_that_fit(argument, nodes, ids, held_back=(), below=None) -> int:
    """How many words each box on the right of one figure can give: ``BOX_WORDS``, or more (up to ``MORE_WORDS``)
    while every box stays within ``BOX_LINES`` lines and the boxes, with room for their arrows, still fit the
    figure's height; so a map of two or three claims is less cut than one of four."""
    words = BOX_WORDS
    # every share up to MORE_WORDS is tried, not only until one fails: a box ends where a phrase ends (phrase_cut),
    # so a share that runs a box one line too long may be followed by one that ends a phrase sooner
    for more_words in range(BOX_WORDS + 2, MORE_WORDS + 1, 2):
        more = [_child_text(argument, nodes, i, held_back, more_words, below) for i in ids]
        taller = sum((t.count("\n") + 1) * _LINE + 0.18 + 0.1 + _ARROW_ROOM for t in more)
        if taller <= _ROOM and all(t.count("\n") + 1 <= BOX_LINES for t in more):
            words = more_words
    return words


_BARE_ID = re.compile(r"\b([CPK]\d{1,3})\b")


def _ids_in_words(text: str, nodes) -> str:
    """A paraphrase as a reader meets it in the table: a claim it names by its id ("Like C31, …", "(C28)") is named
    by what it is and where it stands ("Like the premise of ¶33, …", "(the conclusion of ¶33)", ``claim_in_words``),
    as the boxes name it (review15: the table under each map showed the data's ids; learner review 21, 5: the boxes
    no longer carry a code, so a code in the table would point at nothing)."""
    def named(m):
        return claim_in_words(nodes, m.group(1)) if m.group(1) in nodes else m.group(1)
    return _BARE_ID.sub(named, text)


def box_wording(argument, root: str, ids, held_back=(), nodes=None, with_root: bool = True):
    """The wording of each box of a map in full, as the table under the figure gives it: the boxes show a claim's
    first words, so a reader (and a projected room) can read them; the table has the rest.

    Parameters:
        argument: the argument, from ``helpers.load_argument(essay)``.
        root: the claim on the left; ids: the claims on the right.
        held_back: optional; claims whose box gives the essay's words only (the table too).
        nodes: optional; ``argument.nodes()``, if the caller has it. with_root: False leaves the left box out.
    Returns:
        A table (pandas DataFrame): ``box`` (each box's first line) and ``in full`` (the claim's full wording:
        the package's paraphrase, or the essay's words for a claim an exercise asks about).

    Example:
        >>> from helpers import load_essay, load_argument
        >>> box_wording(load_argument(load_essay()), "T", ["P1"]).box.tolist()
        ['Thesis · ¶6, ¶9–¶10', 'Point 1 · ¶11']
    """
    import pandas as pd
    nodes = argument.rows() if nodes is None else _as_rows(nodes)
    rows = []
    for id_ in ([root] if with_root else []) + list(ids):
        row = nodes[id_]
        full = f"“{row.span}” {HELD_BACK}" if id_ in held_back else _ids_in_words(str(row.paraphrase), nodes)
        rows.append({"box": _header(row), "in full": full})
    return pd.DataFrame(rows, columns=["box", "in full"])


def _box_height(argument, nodes, id_, held_back=(), words: int = BOX_WORDS, below=None) -> float:
    return (_child_text(argument, nodes, id_, held_back, words, below).count("\n") + 1) * _LINE + 0.18


PLURAL = {"evidence": "pieces of evidence", "premise": "premises", "conclusion": "conclusions",
          "recommendation": "recommendations", "concession": "concessions", "point": "points"}


def describe_argument_map(argument, root: str, ids, part: tuple[int, int] = (1, 1), held_back=(), nodes=None) -> str:
    """One or two sentences saying what an argument-map figure means, for readers who cannot see it.

    It names the box on the left and groups the boxes on the right by what they do to it (support,
    explain, illustrate, qualify, recommend, extend), so a listener hears the shape of the argument.
    ``argument_map`` stores this text on each figure as ``fig.alt_text``.

    Parameters:
        argument: the argument, from ``helpers.load_argument(essay)``.
        root: the id of the claim on the left: ``"T"`` for the thesis, ``"P1"`` for point 1, or a claim id.
        ids: the ids of the claims drawn on the right, e.g. ``["P1", "P2", "P3"]``.
        part: for a map split over several figures, (this figure's number, how many there are);
            the default (1, 1) is a map in one figure.
        held_back: optional; ids of claims whose box gives the essay's words only (an exercise asks about them).
        nodes: optional; ``argument.nodes()``, if the caller has it already (a map of several figures builds it once).

    Returns:
        The description, as a string.

    Example:
        >>> from helpers import load_essay, load_argument
        >>> print(describe_argument_map(load_argument(load_essay()), "T", ["P1", "P2", "P3"]))
        Argument map: the thesis (¶6, ¶9–¶10) on the left; on the right, linked to it by arrows, 3 points,
        “Anti-imperialism allows us to re-focus the debate about immigration to…” (¶11), “Anti-imperialism allows our
        movements to grapple with the transnational nature…” (¶12) and “Anti-imperialism provides our movements
        opportunities to learn from more advanced…” (¶13), each supports it. Quotation marks: the essay's words (the
        thesis box: ¶10's opening sentence); square brackets: the package's paraphrase. The table under the figure
        gives each box in full.
    """
    nodes = argument.rows() if nodes is None else _as_rows(nodes)
    r = nodes[root]
    name = {"thesis": f"the thesis ({r['at']})",
            "point": f"point {root[1:]}, {_first_words(r)} (¶{r.paragraph})"}.get(
        r.type, f"{_a(r.type)} in ¶{r.paragraph}, {_first_words(r, held_back)}")
    page = f" (part {part[0]} of {part[1]})" if part[1] > 1 else ""
    groups: dict[tuple[str, str], list[str]] = {}
    for id_ in ids:
        row = nodes[id_]
        ours = "; the package's reading" if row.get("link") == "the package's reading" else ""
        groups.setdefault((row.relation or "supports", row.type), []).append(
            f"{_first_words(row, held_back)} (¶{row.paragraph}{ours})")
    parts = []
    for (rel, typ), members in groups.items():
        what = _a(typ) if len(members) == 1 else f"{len(members)} {PLURAL.get(typ, typ)}"
        listed = ", ".join(members[:-1]) + " and " + members[-1] if len(members) > 1 else members[0]
        if rel == "explained by":
            parts.append(f"it explains {what}, {listed}")
        else:
            each = ", each" if len(members) > 1 else ""
            parts.append(f"{what}, {listed}{each} {rel} it" if len(members) > 1 else f"{what}, {listed}, {rel} it")
    held = [i for i in ids if i in held_back]
    full = (SHORT_NOTE if "T" in [root, *ids] else SHORT_NOTE_NO_THESIS) + (" The box of the claim an exercise asks about gives the essay's words only ("
                         + ", ".join(claim_in_words(nodes, i) for i in held) + ")." if held else "")
    return (f"Argument map{page}: {name} on the left; on the right, linked to it by arrows, "
            + "; ".join(parts) + "." + full)


SHORT_NOTE = (" Quotation marks: the essay's words (the thesis box: ¶10's opening sentence); square brackets: the "
              "package's paraphrase. The table under the figure gives each box in full.")
SHORT_NOTE_NO_THESIS = (" Quotation marks: the essay's words; square brackets: the package's paraphrase. The table "
                        "under the figure gives each box in full.")


def _draw_map(argument, nodes, root, ids, title, part, held_back=(), below=None):
    """One figure of a map: the claim on the left, at the top, with the key under it; the claims under it on the
    right, one under another; an arrow from each to it, with the relation's word on the arrow."""
    use_style()
    W, H = MAP_SIZE
    fig = plt.figure(figsize=MAP_SIZE)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, W)
    ax.set_ylim(0, H)
    ax.axis("off")
    ax.text(0.12, H - 0.1, title, ha="left", va="top", fontsize=13, fontweight="bold")
    top, bottom = H - 0.5, H - 0.5 - _ROOM

    def box(x, y, text, colour, id_, va="top", ha="left"):
        fill = colour + ("80" if colour == TYPE_COLOURS["point"] else "26")
        # the claim's id is kept as the text's gid, for the tests: the box itself draws no code (review 21)
        return ax.text(x, y, text, ha=ha, va=va, fontsize=MAP_FONT, linespacing=1.15, wrap=False, gid=id_,
                       bbox=dict(boxstyle="round,pad=0.3", facecolor=fill, edgecolor=colour, linewidth=1.8))

    # the root on the left, at the top (the key goes under it)
    r = nodes[root]
    rt = box(0.17, top - 0.08, _box_text(r, _ROOT_WIDTH, words=None, text=_root_words(argument, r)),
             TYPE_COLOURS[r.type], root)
    # the claims under it on the right, one under another, spread over the height
    below = _below(argument, ids) if below is None else below
    words = _words_that_fit(argument, nodes, ids, held_back, below)
    texts = [_child_text(argument, nodes, i, held_back, words, below) for i in ids]
    heights = [_box_height(argument, nodes, i, held_back, words, below) for i in ids]
    gap = max(0.1, ((top - bottom) - sum(heights)) / max(len(ids), 1))
    y = top - gap / 2
    x_child = 4.3
    drawn = {}
    for id_, text, h in zip(ids, texts, heights):
        row = nodes[id_]
        drawn[id_] = (box(x_child, y, text, TYPE_COLOURS[row.type], id_), y - h / 2 + 0.15)
        y -= h + gap
    # place the boxes round their texts as drawing would, without drawing the whole figure (a third of its cost)
    renderer = fig.canvas.get_renderer()
    for t in [rt, *(t for t, _ in drawn.values())]:
        t.update_bbox_position_size(renderer)
    inv = ax.transData.inverted()
    rb = inv.transform(rt.get_bbox_patch().get_window_extent())
    rx, ry = rb[1][0], (rb[0][1] + rb[1][1]) / 2
    boxes = [rt.get_bbox_patch().get_window_extent()] + [t.get_bbox_patch().get_window_extent()
                                                          for t, _ in drawn.values()]
    arrows = {}
    # each arrow meets the box on the left at its own height, spread down its right edge in the order of the boxes on
    # the right, so the arrows fan out less and each label has room beside its own arrow
    low, high = rb[0][1] + 0.15, rb[1][1] - 0.15
    count = len(drawn)
    for k, (id_, (t, _)) in enumerate(drawn.items()):
        cb = inv.transform(t.get_bbox_patch().get_window_extent())
        cx, cy = cb[0][0], (cb[0][1] + cb[1][1]) / 2
        ry = (high - (high - low) * k / (count - 1)) if count > 1 and high > low else (rb[0][1] + rb[1][1]) / 2
        rel = nodes[id_].relation or "supports"
        style = RELATION_STYLES[rel]
        start, end = ((rx + 0.04, ry), (cx - 0.04, cy)) if rel == "explained by" else ((cx - 0.04, cy), (rx + 0.04, ry))
        ax.annotate("", xy=end, xytext=start,
                    arrowprops=dict(arrowstyle="-|>", mutation_scale=14, linewidth=1.5, shrinkA=0, shrinkB=0,
                                    **style))
        arrows[id_] = (cx, cy, ry, start, end, rel, style)
    # the arrows' heads, as small boxes a label must not cover
    heads = [ax.transData.transform([(e[0] - 0.13, e[1] - 0.07), (e[0] + 0.13, e[1] + 0.07)])
             for *_, e, _, _ in arrows.values()]
    boxes += [Bbox(h) for h in heads]
    for id_, (cx, cy, ry, start, end, rel, style) in arrows.items():
        word = "explains" if rel == "explained by" else rel
        if nodes[id_].get("link") == "the package's reading":
            word += "\n(package's\nreading)"
        label = ax.text(0, 0, word, ha="center", va="center", fontsize=MAP_SMALL, color=style["color"],
                        fontstyle="italic", linespacing=1.0,
                        bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none"))
        others = [(s_, e_) for i, (*_, s_, e_, _, _) in arrows.items() if i != id_]

        def clashes(where) -> int:
            """How many boxes, labels, arrow heads and other arrows the label would cover (review17 learner: in
            the last map of 01 the labels lay across the arrows beside theirs)."""
            box_in = inv.transform(where.padded(2))
            crossed = sum(any(box_in[0][0] <= a[0] + (b[0] - a[0]) * k / 40 <= box_in[1][0]
                              and box_in[0][1] <= a[1] + (b[1] - a[1]) * k / 40 <= box_in[1][1] for k in range(41))
                          for a, b in others)
            return sum(where.overlaps(b) for b in boxes) * 10 + crossed
        # along the arrow, the place where the label is clear of every box, label, arrow head and other arrow; where
        # none is clear, the place that covers least
        best = None
        for shift in (0, 0.1, -0.1):     # on the arrow; failing that, just above or below it
            for at in (0.62, 0.7, 0.55, 0.77, 0.48, 0.84, 0.41, 0.34, 0.9, 0.27):
                label.set_position((rx + (cx - rx) * at, ry + (cy - ry) * at + shift))
                score = clashes(label.get_window_extent(renderer))
                if best is None or score < best[0]:
                    best = (score, at, shift)
                if score == 0:
                    break
            if best[0] == 0:
                break
        _, at, shift = best
        label.set_position((rx + (cx - rx) * at, ry + (cy - ry) * at + shift))
        boxes.append(label.get_window_extent(renderer))
    shown = [t for t in TYPE_COLOURS if t in {r.type, *[nodes[i].type for i in ids]}]
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=TYPE_COLOURS[t] + FILL.get(t, "26"), edgecolor=TYPE_COLOURS[t],
                             linewidth=1.8) for t in shown]
    # every line style drawn in this figure is in the legend too, with its word
    rels = []
    for i in ids:
        rel = nodes[i].relation or "supports"
        word = "explains" if rel == "explained by" else rel
        if word not in rels:
            rels.append(word)
    handles += [plt.Line2D([0], [0], linewidth=1.5, **RELATION_STYLES[w]) for w in rels]
    ours = any(nodes[i].get("link") == "the package's reading" for i in ids)
    key = textwrap.fill("Box colour: type of claim. Line style and the word on an arrow: relation. "
                        + _arrow_direction(rels) + "."
                        + (" “Package's reading”: a link the essay leaves unstated." if ours else ""), 38)
    ax.legend(handles, shown + rels, loc="lower left", bbox_to_anchor=(0.005, 0.0), ncol=2, frameon=False,
              fontsize=MAP_SMALL, handlelength=1.4, columnspacing=0.8, labelspacing=0.25, borderaxespad=0.2,
              title=key, title_fontsize=MAP_SMALL, alignment="left")
    fig.alt_text = describe_argument_map(argument, root, ids, part, held_back, nodes=nodes)
    fig.box_texts = [rt.get_text(), *texts]    # what each box says, for the test that none is cut mid-phrase
    fig.full_wording = True    # a box's "…" is not a cut: the table under the figure gives each claim in full
    fig.fills_canvas = True    # every text stays inside the figure (test_every_figure_fits_a_16_by_9_slide)
    return fig


def _opening(text) -> str:
    """A text's words as a claim's first words are compared: quotation marks dropped, spaces single, lower case."""
    return " ".join(re.sub(r"[“”\"‘’']", "", str(text)).split()).lower()


def _known_id(argument, name) -> str:
    """The claim a learner names, by its reference ("C39", or "c39") or in words: "thesis", "point 1", or the first
    words of its box, that is of the package's paraphrase (``"The history the essay has told"``) or of the essay's
    own words (``"All of this"``), as long as they name one claim only (learner review 20b: the codes in 01's
    visible code). A name that fits no claim, or more than one, is a UsageError that says what to type."""
    from .errors import UsageError
    known = {"T", *argument.points.id, *argument.claims.id}
    wanted = str(name).strip().upper()
    if wanted in known:
        return wanted
    words = _opening(name)
    point = re.fullmatch(r"point ([1-9])", words)
    if words == "thesis" or (point and f"P{point.group(1)}" in known):
        return "T" if words == "thesis" else f"P{point.group(1)}"
    nodes = argument.rows()
    found = sorted(i for i, row in nodes.items() if len(words.split()) >= 2 and (
        _opening(row.paraphrase).startswith(words) or _opening(row.span).startswith(words)))
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(f"{len(found)} claims begin with the words {name!r}: " + ", ".join(
            f"{_header(nodes[i])}" for i in found[:6]) + ". Add a few more of the box's words.")
    raise UsageError(f"the argument has no claim {name!r}. Name a claim by the first words of its box (at least two, "
                     "for example plots.show_argument_map(argument, \"The history the essay has told\")), or as "
                     "\"thesis\" or \"point 1\".")


def argument_map(argument, root: str = "T", per_figure: int = 4, ids=None, held_back=(), points: bool = True) -> list:
    """Draw the argument map: one claim on the left and, on the right, the claims directly under it.

    The thesis's own figure (the spine) shows the three points; ``argument_map(argument, "T", ids=[...])``
    draws the other claims that stand directly under the thesis. Up to ``per_figure`` claims go in one
    16:9 figure; more are split over several. Every figure has ``fig.alt_text``, a text description.
    In a notebook, ``show_argument_map`` shows the figures with their descriptions.

    Parameters:
        argument: the argument, from ``helpers.load_argument(essay)``.
        root: the claim on the left: ``"thesis"`` (or ``"T"``, the default), ``"point 1"`` (or ``"P1"``), or any claim
            by the first words of its box (``"The history the essay has told"``) or its id (``"C39"``).
        per_figure: at most this many claims on the right of one figure (default 4).
        ids: optional; the ids of the claims to draw on the right. Leave it out for all the claims directly
            under ``root`` (for the thesis: its three points).
        held_back: optional; ids of claims on the right whose box gives only the essay's words (their span), not
            the package's paraphrase, because an exercise further on asks what the package's reading would say.
            One may be given as it is, by its first words or its id (``held_back="All of this"``).
        points: for the thesis only: ``False`` draws the claims directly under the thesis other than its three
            points (the opening diagnosis, the conclusion…) instead of the points.

    Returns:
        A list of matplotlib figures, each with its text description in ``fig.alt_text``.

    Example:
        >>> from helpers import load_essay, load_argument
        >>> figs = argument_map(load_argument(load_essay()), "P1")
        >>> len(figs)
        2
        >>> print(figs[0].alt_text)  # doctest: +ELLIPSIS
        Argument map (part 1 of 2): point 1, “Anti-imperialism allows us to re-focus the debate about immigration to…” (¶11) on the left; ... The table under the figure gives each box in full.
        >>> for fig in figs:
        ...     plt.close(fig)
    """
    return list(_map_figures(argument, root, per_figure, ids, held_back, points))


def _chunks(heights, per_figure: int, room: float) -> list[list[int]]:
    """Split boxes of these heights into as few figures as fit (at most ``per_figure`` boxes and ``room`` inches of
    height each), then share them out as evenly as still fits, so no figure is drawn for one box while the one
    before holds four (review17 learner: part 2 of a map was a whole figure for one box)."""
    def fits(sizes):
        k, out = 0, []
        for n in sizes:
            part = list(range(k, k + n))
            if n > per_figure or sum(heights[i] for i in part) > room and n > 1:
                return None
            out.append(part)
            k += n
        return out
    greedy, height = [[]], 0.0
    for i, h in enumerate(heights):
        if greedy[-1] and (len(greedy[-1]) >= per_figure or height + h > room):
            greedy.append([])
            height = 0.0
        greedy[-1].append(i)
        height += h
    count = len(greedy)
    base, extra = divmod(len(heights), count)
    even = fits([base + 1] * extra + [base] * (count - extra))
    return even or greedy


def _map_figures(argument, root: str, per_figure: int, ids, held_back=(), points: bool = True):
    """The figures of ``argument_map``, drawn one at a time as they are asked for (``show_argument_map`` shows
    and closes each before the next is drawn, so the kernel never holds all of them at once)."""
    root = _known_id(argument, root)
    ids = None if ids is None else [_known_id(argument, i) for i in ids]
    if ids is None:
        ids = (list(argument.points.id) if points else list(argument.under("T").id)) if root == "T" \
            else list(_children(argument, root).id)
    ids = list(ids)
    held_back = {_known_id(argument, i) for i in ([held_back] if isinstance(held_back, str) else held_back)}
    nodes = argument.rows()     # plain records: the boxes are looked up hundreds of times per map
    # as few figures as hold the claims (at most per_figure each, and as many as fit its height), shared out evenly
    below = _below(argument, ids)
    heights = [_box_height(argument, nodes, id_, held_back, below=below) + 0.1 for id_ in ids]
    chunks = [[ids[i] for i in part] for part in _chunks(heights, per_figure, _ROOM)]
    r = nodes[root]
    base = {"thesis": "The thesis and its three points" if ids == list(argument.points.id)
            else "The thesis and the other claims directly under it",
            "point": f"Point {root[1:]} and what stands directly under it"}.get(
        r.type, f"{_a(r.type).capitalize()} of ¶{r.paragraph} and what stands directly under it")   # no code: review 21
    for k, chunk in enumerate(chunks, start=1):
        title = base + (f" ({k} of {len(chunks)})" if len(chunks) > 1 else "")
        fig = _draw_map(argument, nodes, root, chunk, title, (k, len(chunks)), held_back, below)
        # the box on the left in full under the first figure only; the thesis's only under the spine (the thesis and
        # its three points), so a notebook that draws both does not print its long paraphrase twice
        spine = r.type != "thesis" or ids == list(argument.points.id)
        fig.wording = box_wording(argument, root, chunk, held_back, nodes=nodes, with_root=k == 1 and spine)
        fig.wording_ids = ([root] if k == 1 and spine else []) + list(chunk)    # the claim of each row, in order
        if not spine:      # the sentence under the figure says where the box left out of its table is (review 18)
            fig.alt_text = fig.alt_text.replace(IN_FULL, IN_FULL_BUT_THESIS)
        elif k > 1:
            fig.alt_text = fig.alt_text.replace(IN_FULL, IN_FULL_BUT_LEFT)
        yield fig


IN_FULL = "The table under the figure gives each box in full."
IN_FULL_BUT_THESIS = ("The table under the figure gives each box on the right in full; the thesis is in full under the "
                      "map of the thesis and its three points.")
IN_FULL_BUT_LEFT = "The table under the figure gives each box on the right in full; the box on the left is in full under part 1."


# --------------------------------------------------------------------------------------------
# Voices along the essay
# --------------------------------------------------------------------------------------------

#: the voices chart's two kinds of mark (learner review 19: size, colour, hatching and shape were four encodings in one
#: chart): a dot for a quotation in a voice's own words, a grey block for each piece of reported speech
QUOTED_COLOUR = OKABE_ITO[4]
REPORTED_COLOUR = "#555555"
QUOTED_KEY = "quoted: the voice's own words, in quotation marks (beside it, how many words)"
REPORTED_KEY = "reported: what was said, in the authors' words (a bar as tall as the pieces in its ¶)"


SECTION_GAP_PX = 6       # at least this much space between two section numbers (tests/test_learner_19_23: 4 px)


def _section_guides(essay, ax, label_y: float = 1.0) -> None:
    """Light vertical lines where sections start, numbered along the top (1 = Introduction …)."""
    renderer = ax.figure.canvas.get_renderer()
    before = None
    for s in essay.sections.itertuples():
        ax.axvline(s.first_paragraph - 0.5, color="#cccccc", linewidth=1, zorder=0)
        label = ax.annotate(f"§{s.section_no}", (s.first_paragraph - 0.3, label_y), xycoords=ax.get_xaxis_transform(),
                            xytext=(0, 0), textcoords="offset points", fontsize=ROOM_SMALL, color="#444444",
                            va="bottom", annotation_clip=False)
        # every number on one line (learner review 23: "§9" stood a line above the others): a number closer than
        # SECTION_GAP_PX to the one before it, as matplotlib measures their extents, moves right by the difference
        if before is not None:
            short = before.get_window_extent(renderer).x1 + SECTION_GAP_PX - label.get_window_extent(renderer).x0
            if short > 0:
                label.xyann = (short * 72 / ax.figure.dpi, 0)
        before = label


def _voice_rows(quotations):
    """The rows the voices chart draws: quotations in a voice's own words, and the reported speech."""
    from .quotations import QUOTED
    q = quotations[quotations.form.isin(QUOTED + ("reported speech",))].copy()
    q["voice"] = q.speaker.where(q.speaker != "", "not named")
    q.loc[q.form == "reported speech", "voice"] = "reported speech (any speaker)"
    return q


#: the voices chart's last row, and the height of one piece of reported speech in its bars (a row is 1)
REPORTED_ROW = "reported speech (any speaker): pieces per ¶"
REPORTED_STEP = 0.2


#: a quotation's dot in the voices chart (points squared): 11 pt across, 15 px in JupyterLab, which a projector shows
#: (the learner review 17: at 30, 9 px, the smallest dots vanished); every dot is one size, the words are written
DOT_AREA = 120


def _words(n: int) -> str:
    return f"{n} word{'s' if n != 1 else ''}"


def voices_along_the_essay(essay, quotations, ax=None):
    """A chart of who is quoted where in the essay: one row per voice, a dot each time it is quoted in its own words.

    Each dot sits at its paragraph, the number of words quoted written beside it. Reported speech (in the authors'
    words) is counted on one row of its own: a bar at each paragraph, as tall as the pieces it reports. Two kinds of
    mark, no more (learner review 19: size, colour, hatching and shape were too many to read); the source and the
    language of each quotation are in the tables and Exercise 3. Scare quotes and names in quotation marks are not
    drawn (no other voice speaks in them).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        quotations: the quotations, from ``helpers.load_quotations(essay)``.
        ax: optional; a matplotlib Axes to draw in. Leave it out to draw a new figure.

    Returns:
        The matplotlib Axes drawn in (its figure is ``ax.figure``; ``ax.figure.drawn`` says in words what each
        mark shows). ``describe_voices`` gives the same chart in words.

    Example:
        >>> from helpers import load_essay, load_quotations
        >>> essay = load_essay()
        >>> ax = voices_along_the_essay(essay, load_quotations(essay))
        >>> ax.get_title(loc="left")
        'Who is quoted where, by paragraph'
        >>> plt.close(ax.figure)
    """
    use_style()
    q = _voice_rows(quotations)
    reported = q.form == "reported speech"
    own = q[~reported]
    order = list(dict.fromkeys(own.sort_values("paragraph").voice)) + [REPORTED_ROW]
    y = {v: i for i, v in enumerate(order)}
    if ax is None:
        # drawn for JupyterLab's 848 px output area, so every text is 15.3 px or more there (ROOM_SMALL)
        fig, ax = plt.subplots(figsize=(ROOM_WIDTH, 6.9), layout="constrained")
    # reported speech, 50 pieces in the authors' words, is counted, not dotted: one bar at each paragraph, as tall as
    # the pieces it reports (learner review 18: fifty dots on one row were a crowded band); fig.drawn keeps each one
    per = q[reported].groupby("paragraph").size()
    ax.bar(per.index, -per.values * REPORTED_STEP, bottom=y[order[-1]] + 0.5, width=0.8, color=REPORTED_COLOUR,
           edgecolor="black", linewidth=0.6, zorder=3)
    ax.scatter(own.paragraph, own.voice.map(y), s=DOT_AREA, c=QUOTED_COLOUR, marker="o", edgecolors="black",
               linewidths=0.8, zorder=3)
    for r in own.itertuples():
        ax.annotate(_words(r.words), (r.paragraph, y[r.voice]), xytext=(9, 0), textcoords="offset points",
                    va="center", fontsize=ROOM_SMALL, color="#333333", zorder=4)
    # what the chart shows of each row, and no more: a quotation's source and language are Exercise 3's to find
    ax.figure.drawn = [f"{r.voice}  ¶{r.paragraph}  " + ("reported" if r.form == "reported speech" else
                                                          f"quoted, {_words(r.words)}")
                       for r in q.sort_values("paragraph").itertuples()]
    ax.set_yticks(range(len(order)), ["\n".join(textwrap.wrap(v, 26)) for v in order], fontsize=ROOM_SMALL)
    ax.set_ylim(y[order[-1]] + 0.65, -0.6)
    ax.set_xlim(0, len(essay.paragraphs) + 1)
    ax.tick_params(axis="x", labelsize=ROOM_SMALL)
    ax.set_xlabel("paragraph (¶)", fontsize=11)
    _section_guides(essay, ax)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    handles = [Line2D([], [], marker="o", linestyle="none", markersize=DOT_AREA ** 0.5, markerfacecolor=QUOTED_COLOUR,
                      markeredgecolor="black", label=QUOTED_KEY),
               Patch(facecolor=REPORTED_COLOUR, edgecolor="black", label=REPORTED_KEY)]
    ax.figure.legend(handles=handles, loc="outside lower left", frameon=False, fontsize=ROOM_SMALL, alignment="left",
                     labelspacing=0.4, handlelength=1.5)
    ax.set_title("Who is quoted where, by paragraph", loc="left", pad=32, fontsize=13)
    return ax


def describe_voices(essay, quotations) -> str:
    """What the voices chart shows, in words, computed from the same rows (its text alternative).

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        quotations: the quotations, from ``helpers.load_quotations(essay)``.

    Returns:
        A few sentences as a string, printed under the chart and used as its alt text.

    Example:
        >>> from helpers import load_essay, load_quotations
        >>> essay = load_essay()
        >>> describe_voices(essay, load_quotations(essay)).startswith("The essay quotes")
        True
    """
    q = _voice_rows(quotations)
    own = q[q.form != "reported speech"].sort_values("paragraph", kind="stable")
    reported = q[q.form == "reported speech"]
    sections_quoting = set(essay.paragraphs.loc[q.paragraph, "section"])
    silent = [s.section for s in essay.sections.itertuples() if s.section not in sections_quoting]
    named = own[own.voice != "not named"]     # words with no speaker named are no voice (README), counted apart
    top = named.groupby("voice").words.sum().sort_values(ascending=False, kind="stable")
    first = named.drop_duplicates("voice").head(2)
    busiest = essay.paragraphs.loc[reported.paragraph, "section"].value_counts()
    unnamed = len(own) - len(named)
    text = (f"The essay quotes {named.voice.nunique()} named voices in their own words, {len(named)} times: "
            f"{' and '.join(f'{r.voice} (¶{r.paragraph})' for r in first.itertuples())} open it, and the most words "
            f"go to {top.index[0]} ({top.iloc[0]}) and {top.index[1]} ({top.iloc[1]}). ")
    if unnamed:
        text += (f"{'Once' if unnamed == 1 else f'{unnamed} times'} it quotes words whose speaker it does not name "
                 f"(the row not named). ")
    text += ("It also reports speech in its own "
            f"words: the bars of the bottom row count the pieces of reported speech in each paragraph, {len(reported)} "
            f"in all, the most in {busiest.index[0]} ({busiest.iloc[0]}). ")
    text += ("Sections with no quotation and no reported speech: " + "; ".join(silent) + ".") if silent else \
        "Every section has some quotation or reported speech."
    return text


# --------------------------------------------------------------------------------------------
# The timeline
# --------------------------------------------------------------------------------------------

THEME_COLOURS = {"Honduran politics": OKABE_ITO[5], "U.S. policy": OKABE_ITO[4],
                 "migration and caravans": OKABE_ITO[0], "movements and solidarity": OKABE_ITO[2],
                 "theory and history": OKABE_ITO[6], "publication": "#000000"}


def _year(d) -> float:
    """A date as a decimal year (2009-07-01 -> 2009.49)."""
    start = type(d)(d.year, 1, 1)
    days = (type(d)(d.year + 1, 1, 1) - start).days
    return d.year + (d - start).days / days


def _draw_event(ax, row, y, height=0.6, stop=None):
    """One event at its precision: a day as a diamond, a month, a year or a period as a bar over all of it, and a
    derived date (one the essay places only between two others) as a thin whisker with an end bar at each side: a
    date somewhere in that range, not something that lasted (round 14: hatched ranges were read as durations). A row
    with no end given goes on in a hollow arrow to the figure's right edge; one that runs to the time of writing, in
    a filled arrow that stops at ``stop``, the line of the essay's publication (no later than it was written), or
    at the right edge when the figure ends before it (``_arrow``).

    Five kinds of mark, each in the key (learner review 19: eight were too many; round 21: Exercise 2 needs the two
    arrows told apart): who dates the row is in its label, not in its mark (a " *" after it for the package's
    inference, italics and "(context)" for context). Each mark carries the row's id (``get_gid``).
    """
    colour = THEME_COLOURS[row.theme]
    derived = row.precision == "relative"
    x0 = _year(row.from_date)
    x1 = _year(row.to_date) + 1 / 365
    if getattr(row, "to_writing", False):
        # its end is the time of writing, which an exercise asks for: drawn from its start with an arrow, no end
        # the row's mark (its gid) as thin as the arrow's line and under it (learner review 21: a thick stub turning
        # into a thin line read as a span of months, a mark in no key): the key's end bar and filled arrow, no more
        if getattr(row, "once", "") == "yes":
            # a single event (a press conference, a visit, a vote) known only to fall between its start and the time
            # of writing (learner review 27: drawn with the arrow, it read as something that went on for years): the
            # key's whisker "within these limits", its right end bar at the publication line; where the chart ends
            # before that line, the whisker runs off its edge with no end bar (its limit lies beyond the chart)
            x1 = stop if stop is not None else ax.get_xlim()[1]
            ax.barh(y, x1 - x0, left=x0, height=0.14, color=colour, alpha=0.9, edgecolor=colour, linewidth=1.2,
                    zorder=2, gid=row.id, clip_on=stop is None)
            for x in (x0, x1) if stop is not None else (x0,):
                ax.plot([x, x], [y - 0.28, y + 0.28], color=colour, linewidth=2.2, solid_capstyle="butt", zorder=2,
                        gid=f"{row.id}-once")
            return
        ax.barh(y, 0.25, left=x0, height=TO_WRITING_STUB, color=colour, alpha=0.9, linewidth=0, zorder=2, gid=row.id)
        if derived:     # a derived start: the whisker's end bar, as in the key
            ax.plot([x0, x0], [y - 0.28, y + 0.28], color=colour, linewidth=2.2, solid_capstyle="butt", zorder=2)
        _arrow(ax, row, y, x0, colour, stop)
        return
    if row.from_date == row.to_date and not row.open_end:
        ax.plot([x0], [y], marker="D", markersize=9, color=colour, markerfacecolor=colour, markeredgecolor=colour,
                markeredgewidth=1.5, linestyle="none", zorder=3, gid=row.id)
    elif derived:
        # a whisker: a thin bar between two end bars
        ax.barh(y, x1 - x0, left=x0, height=0.14, color=colour, alpha=0.9, edgecolor=colour, linewidth=1.2, zorder=2,
                gid=row.id)
        for x in (x0, x1):
            ax.plot([x, x], [y - 0.28, y + 0.28], color=colour, linewidth=2.2, solid_capstyle="butt", zorder=2)
    else:
        ax.barh(y, x1 - x0, left=x0, height=height, color=colour, alpha=0.9, edgecolor=colour, linewidth=1.2,
                zorder=2, gid=row.id)
    if row.open_end:
        _arrow(ax, row, y, x0, colour, None)


TO_WRITING_STUB = 0.04   # rows: the mark under an arrow to the time of writing, no thicker than its line
ARROW_HEAD = 16     # the arrowheads' size (matplotlib's mutation_scale): a filled and a hollow head told apart


def _arrow(ax, row, y, x0, colour, stop) -> None:
    """The arrow of a row that goes on, from its start: to the time of writing (``row.to_writing``), filled, ending at
    ``stop`` (the publication line) when given, else at the right edge; with no end given, hollow, to the right edge
    (learner review, round 12: a one-year stub read as an end date). Its gid is the row's id and "-to-writing" or
    "-goes-on"."""
    writing = bool(getattr(row, "to_writing", False))
    end = dict(xy=(stop, y), xycoords="data") if writing and stop is not None else \
        dict(xy=(1.0, y), xycoords=ax.get_yaxis_transform())
    ax.annotate("", **end, xytext=(x0, y), textcoords="data", annotation_clip=False, zorder=3,
                gid=f"{row.id}-{'to-writing' if writing else 'goes-on'}",
                arrowprops=dict(arrowstyle="-|>", mutation_scale=ARROW_HEAD, linewidth=2, edgecolor=colour,
                                facecolor=colour if writing else "white", shrinkA=0, shrinkB=0))


def publication(timeline, writing=None):
    """When the essay was published, as the timeline gives it. Arrows that run to the time of writing stop there.

    Parameters:
        timeline: the timeline, from ``helpers.load_timeline(essay)``.
        writing: the id of the row for the time of writing, as the figures take it; None when a figure asks
            nothing of the time of writing.
    Returns:
        the first day of the publication row (theme ``publication``, not the row ``writing``), a date;
        None when ``writing`` is None or the timeline has no such row.
    Example:
        >>> from helpers import load_essay, load_timeline
        >>> publication(load_timeline(load_essay()), writing="E38")
        datetime.date(2020, 3, 1)
    """
    if writing is None:
        return None
    rows = timeline[(timeline.theme == "publication") & (timeline.id != writing)]
    return min(rows.from_date) if len(rows) else None


PUBLICATION_LABEL = "essay published"     # the line's label (matplotlib's), by which a test finds it


def _publication_line(ax, published) -> float | None:
    """A thin black line from top to bottom at the day the essay was published, where the figure's years reach it;
    returns its decimal year (None when not drawn)."""
    if published is None:
        return None
    x = _year(published)
    lo, hi = ax.get_xlim()
    if not lo <= x <= hi:
        return None
    ax.axvline(x, color="#000000", linewidth=1.4, zorder=1.5, label=PUBLICATION_LABEL)
    return x


#: the key's words for what dates a row, said by the row's label (a test holds every figure's key to them)
DATED_BY_KEY = {"the essay's words": "A plain label: dated by the essay's words",
                "the package's inference": "* after a label: a date the package infers",
                "context": "in italics, (context): from a named reference"}
#: the title of the timeline's key: colour stands for the theme, which each row names on the right, and the label says
#: who dates the row; the marks (its entries) say only when
THEME_KEY_TITLE = "Colour: the event's theme, named at the right of its row."
INFERRED_MARK = " *"      # after the label of a row whose date the package infers (the key says so once)
TIMELINE_KEY_FONT = ROOM_SMALL  # 15.3 px: the figures are drawn for JupyterLab's 848 px output area


def _timeline_legend(where, loc="outside lower left", ncol=2, to_writing=False, published=None):
    """The key to how an event is drawn: five kinds of mark (learner review 19: eight were too many; the two arrows
    apart again for Exercise 2, round 21), and the publication line when the figure draws it (``published``, its
    date). Its title says what colour stands for, the theme (learner review 18: the key did not say so), and what
    the label says of who dates the row; the themes are named in words beside each row, so they need no swatches."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    plain, inferred, context = DATED_BY_KEY.values()
    title = f"{THEME_KEY_TITLE}\n{plain}; {inferred};\n{context}. The marks:"
    grey = "#777777"
    handles = [Line2D([], [], marker="D", color=grey, linestyle="none", markersize=8, label="a day"),
               Patch(facecolor=grey, label="a month, year or period"),
               Line2D([], [], color=grey, marker="|", markersize=11, markeredgewidth=2.2, linewidth=2,
                      label="within these limits; closer dates unknown"),
               Line2D([], [], color=grey, marker=">", markersize=9, markerfacecolor="white", markeredgewidth=1.8,
                      linewidth=2, label="goes on: no end date given")]
    if to_writing:
        handles.append(Line2D([], [], color=grey, marker=">", markersize=9, markerfacecolor=grey, linewidth=2,
                              label="up to the time of writing (Exercise 2)"))
    if published is not None:
        handles.append(Line2D([], [], color="#000000", marker="|", markersize=14, markeredgewidth=1.4,
                              linestyle="none", label=f"the essay published ({published:%B %Y})"))
    return where.legend(handles=handles, loc=loc, frameon=False, fontsize=TIMELINE_KEY_FONT, ncol=ncol,
                        columnspacing=1.0, handlelength=1.8, labelspacing=0.3, title=title,
                        title_fontsize=TIMELINE_KEY_FONT, alignment="left")


def _held_back(timeline, leave_out=(), writing=None):
    """The rows a timeline figure draws before the exercises that ask about some of them, and a sentence saying
    what is held back (empty if nothing is).

    ``leave_out``: ids of rows an exercise asks about, left out as the tables leave them out
    (``timeline.with_account(leave_out=)``). ``writing``: the id of the row for the time of writing, whose date an
    exercise asks for: rows dated only by it are left out too, and a row that runs to it is drawn from its start
    with an arrow (``to_writing``), its end unsaid. Every row kept has ``when``, its date in words, unsaid
    where it ends at the time of writing.
    """
    from .timeline import dates_in_words
    shown = dates_in_words(timeline, writing=writing)       # with_account's "when" alone (a tenth of its cost)
    t = timeline.assign(when=timeline.id.map(shown))
    asked = t.id.isin(list(leave_out))
    if writing is None:
        return t[~asked].assign(to_writing=False), ""
    only_writing = (t.when == "the time of writing") & ~asked
    t = t[~asked & ~only_writing]
    t = t.assign(to_writing=t.when.str.endswith("and the time of writing"))
    # learner review 26 (finding 4): "Left out until the exercises' solutions: 6 rows the exercises ask about and 5
    # dated only by the time of writing" made no sense to a newcomer; said as what is not drawn yet, and why
    parts = [f"{asked.sum()} event{'s' if asked.sum() != 1 else ''} an exercise asks about"] if asked.any() else []
    if only_writing.any():
        parts.append(f"{only_writing.sum()} whose only date is when the essay was written, Exercise 2's question")
    return t, (f" Not drawn here, so as not to give answers away: {' and '.join(parts)}; the worked solutions show "
               "them. A row that runs to the time of "
               "writing ends in a filled arrow, stopped at the line of the essay's publication where a chart reaches "
               "it; a single event known only to come before the time of writing is a whisker that ends at that line; "
               "a row with no end date ends in an open arrow.")


def drawn_rows(rows) -> list[str]:
    """What each timeline row drawn says, in words: its id, its label and its date (kept with the figure, so a
    test can check that a figure shown before an exercise does not give its answer).

    Parameters:
        rows: the rows a timeline figure draws, with ``when`` (as ``_held_back`` gives them).
    Returns:
        one line per row.

    Example:
        >>> from helpers import load_essay, load_timeline
        >>> rows, _ = _held_back(load_timeline(load_essay()))
        >>> drawn_rows(rows[rows.id == "E09"])[0].startswith("E09  ")
        True
    """
    return [f"{r.id}  {_event_label(r)}  {r.when}" for r in rows.itertuples()]


def _event_label(row) -> str:
    """An event's label in a figure. The essay's account dated by its words is the default, so its marker is left
    off (the key says so); an inferred date adds " *" (the key says once what it means: round 14's labels ended
    "(date inferred)" on most rows); a context row keeps "(context)" and is set in italics."""
    from .timeline import shown_label
    label = shown_label(row, marker=False)
    for said, short in ((" (date inferred)", INFERRED_MARK), ("; date inferred)", ")" + INFERRED_MARK)):
        if label.endswith(said):
            return label[: -len(said)] + short
    return label


def _two_lines(label: str) -> str:
    """A zoom label on lines of at most ZOOM_WRAP characters, its " *" kept on the last word's line."""
    star = label.endswith(INFERRED_MARK)
    text = textwrap.fill(label[: -len(INFERRED_MARK)] if star else label, ZOOM_WRAP)
    return text + (INFERRED_MARK if star else "")


def _theme_words(ax, rows, wrap: int | None = None):
    """Each row's theme in words on the right, so colour is never the only cue (on lines of ``wrap`` characters at
    most, if given). Returns the axes that hold them (a twin of ``ax``)."""
    themes = ax.twinx()
    themes.set_ylim(ax.get_ylim())
    themes.set_yticks(range(len(rows)), [textwrap.fill(r.theme, wrap) if wrap else r.theme for r in rows.itertuples()],
                      fontsize=TIMELINE_KEY_FONT, color="#333333", linespacing=1.0)
    themes.tick_params(axis="y", length=0)
    themes.spines["right"].set_visible(False)
    return themes


THEME_GAP_PX = 4         # at least this much white between two rows' theme names, at the figure's own size


def _theme_wrap(ax, rows) -> int | None:
    """THEME_WRAP, if the themes on two lines leave THEME_GAP_PX between rows; else None, one line each (learner
    reviews 22 and 23: two-line names touched the next row's, "Honduran politics / movements and solidarity"
    read as one). Measured from matplotlib's extents of a two-line name, drawn and removed."""
    probe = ax.text(0, 0, textwrap.fill(max(rows.theme, key=len), THEME_WRAP), fontsize=TIMELINE_KEY_FONT,
                    linespacing=1.0)
    tall = probe.get_window_extent(ax.figure.canvas.get_renderer()).height
    probe.remove()
    pitch = ax.bbox.height / max(len(rows), 1)
    return THEME_WRAP if tall + THEME_GAP_PX <= pitch else None


def timeline_long_view(timeline, zoom=(2009, 2020), ax=None, leave_out=(), writing=None):
    """The timeline's long view: the events before the crowded years, one row each, each label beside its mark.

    The crowded years are shaded here; ``timeline_zoom_panels`` draws them one row per event.

    Parameters:
        timeline: the timeline, from ``helpers.load_timeline(essay)``.
        zoom: the first and last year to shade, as a pair (default 2009 to 2020).
        ax: optional; a matplotlib Axes to draw in. Leave it out to draw a new figure.
        leave_out: optional; ids of rows an exercise asks about, left out as the tables leave them out.
        writing: optional; the id of the row for the time of writing, when an exercise asks for it: rows dated
            only by it are left out, and a row that runs to it ends in an arrow.

    Returns:
        The matplotlib Axes drawn in (its figure is ``ax.figure``; ``ax.figure.drawn`` lists each row it draws in
        words). ``describe_timeline`` gives the same figure in words.

    Example:
        >>> from helpers import load_essay, load_timeline
        >>> ax = timeline_long_view(load_timeline(load_essay()))
        >>> ax.get_title(loc="left")
        'The long view (shaded: 2009–2020, 90 events, drawn in the zoom)'
        >>> plt.close(ax.figure)
    """
    use_style()
    published = publication(timeline, writing)
    timeline, _ = _held_back(timeline, leave_out, writing)
    inside = timeline[(timeline.from_date.map(lambda d: d.year) >= zoom[0])]
    early = timeline[timeline.from_date.map(lambda d: d.year) < zoom[0]].sort_values(["from_date", "to_date"],
                                                                                     kind="stable")
    if ax is None:    # drawn for JupyterLab's 848 px output area, as the zoom's panels are
        fig, ax = plt.subplots(figsize=ZOOM_SIZE, layout="constrained")
    ax.axvspan(zoom[0], zoom[1] + 1, color="#eeeeee", zorder=0)
    first = min(r.year for r in timeline.from_date)
    ax.set_xlim(first - 5, zoom[1] + 2)
    ax.set_ylim(len(early) - 0.4, -0.6)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    labels = []
    # a row that runs to the time of writing: its arrow crosses the shaded years of the zoom, where the writing falls
    # (when is Exercise 2's question), and stops at the publication line
    line = _publication_line(ax, published) if early.to_writing.any() else None
    for i, row in enumerate(early.itertuples()):
        _draw_event(ax, row, i, stop=line)
        end = _year(row.to_date) + 1 / 365 if not (row.open_end or row.to_writing) else (line or ax.get_xlim()[1])
        # the label just after its mark; moved before it below if it would run past the right-hand edge
        text = ax.annotate(_event_label(row), xy=(end, i), xytext=(7, 0), textcoords="offset points", ha="left",
                           va="center", fontsize=ZOOM_FONT,
                           fontstyle="italic" if row.source == "context" else "normal",
                           annotation_clip=False)
        labels.append((text, _year(row.from_date)))
    _theme_words(ax, early)
    ax.figure.drawn = drawn_rows(early)
    ax.set_xlabel("year", fontsize=ZOOM_FONT)
    ax.tick_params(axis="x", labelsize=ZOOM_FONT)
    ax.set_title(f"The long view (shaded: {zoom[0]}–{zoom[1]}, {len(inside)} events, drawn in the zoom)", loc="left",
                 fontsize=12)
    _timeline_legend(ax.figure if ax.figure.get_layout_engine() is not None else ax,
                     loc="outside lower left" if ax.figure.get_layout_engine() is not None else "upper left",
                     to_writing=bool(early.to_writing.any()), published=published if line else None)
    _lay_out(ax.figure)      # where the layout puts the axes and each label: measured, not drawn
    right = ax.get_window_extent().x1
    for text, start in labels:
        if text.get_window_extent().x1 > right:
            text.xy = (start, text.xy[1])
            text.set_position((-7, 0))
            text.set_horizontalalignment("right")
    return ax


ZOOM_ROWS = 17     # rows in one panel of the zoom: 16 or 17 rows of 11-point labels fill a panel
ZOOM_SIZE = (ROOM_WIDTH, 6.9)   # inches: a panel 848 px wide (JupyterLab's 848 px output area shows it at its own size)
ZOOM_FONT = 11           # the rows' labels: 15.3 px
ZOOM_WRAP = 26           # a zoom label longer than this many characters goes on two lines
THEME_WRAP = 13          # and so does a theme name ("migration and / caravans")


def _zoom_rows(timeline, years):
    t = timeline[timeline.from_date.map(lambda d: d.year) >= years[0]]
    return t.sort_values(["from_date", "to_date"], kind="stable")


def zoom_parts(timeline, years=(2009, 2020), per_panel: int = ZOOM_ROWS, leave_out=(),
               writing=None) -> list[tuple[int, int]]:
    """How the zoom is split into panels: (first row, row after the last) of each, as even as they can be.

    Parameters:
        timeline: the timeline, from ``helpers.load_timeline(essay)``.
        years: the first and last year of the zoom, as a pair (default 2009 to 2020).
        per_panel: at most this many rows in one panel.
        leave_out, writing: optional; rows held back until an exercise, as in ``timeline_zoom``.

    Returns:
        A list of (start, stop) pairs, one per panel, counting the zoom's rows in date order from 0.

    Example:
        >>> from helpers import load_essay, load_timeline
        >>> zoom_parts(load_timeline(load_essay()))
        [(0, 15), (15, 30), (30, 45), (45, 60), (60, 75), (75, 90)]
    """
    n = len(_zoom_rows(_held_back(timeline, leave_out, writing)[0], years))
    return _even_parts(n, max(1, -(-n // per_panel)))


def _even_parts(n: int, count: int) -> list[tuple[int, int]]:
    """n rows split into count runs as even as they can be, as (start, stop) pairs."""
    bounds = [round(k * n / count) for k in range(count + 1)]
    return list(zip(bounds, bounds[1:]))


def timeline_zoom(timeline, years=(2009, 2020), ax=None, part=None, leave_out=(), writing=None):
    """The timeline's zoom: the crowded years, one row per event in date order.

    Each event is drawn as precisely as the essay dates it: a day as a diamond, a month, a year or a range
    as a bar over the whole period. All the rows make a figure too tall for one screen, so the notebooks show it
    in panels (``show_timeline_zoom``); ``part`` draws one of them.

    Parameters:
        timeline: the timeline, from ``helpers.load_timeline(essay)``.
        years: the first and last year to show, as a pair (default 2009 to 2020).
        ax: optional; a matplotlib Axes to draw in. Leave it out to draw a new figure.
        part: optional; (k, n) draws the k-th of n panels (``zoom_parts``). Leave it out for every row.
        leave_out: optional; ids of rows an exercise asks about, left out as the tables leave them out.
        writing: optional; the id of the row for the time of writing, when an exercise asks for it: rows dated
            only by it are left out, and a row that runs to it ends in an arrow.

    Returns:
        The matplotlib Axes drawn in (its figure is ``ax.figure``; ``ax.figure.drawn`` lists each row it draws in
        words). ``describe_timeline(timeline, zoomed=True)`` gives the same figure in words.

    Example:
        >>> from helpers import load_essay, load_timeline
        >>> ax = timeline_zoom(load_timeline(load_essay()), part=(1, 5))
        >>> ax.get_title(loc="left")
        'The zoom, part 1 of 5: events 1 to 18 of 90'
        >>> plt.close(ax.figure)
    """
    use_style()
    t = _zoom_rows(_held_back(timeline, leave_out, writing)[0], years)
    total = len(t)
    if part is not None:
        start, stop = _even_parts(total, part[1])[part[0] - 1]
        t = t.iloc[start:stop]
    else:
        start, stop = 0, total
    if ax is None:
        fig, ax = plt.subplots(figsize=ZOOM_SIZE if part else (ZOOM_SIZE[0], 0.3 * len(t) + 1.6),
                               layout="constrained")
    # the label alone (round 14: an id before every label; the long view has none), the id kept in ``fig.drawn``
    # long labels on two lines, and the themes too, so the plot between them gets half the width, not a third (the
    # learner review 17)
    ax.set_yticks(range(len(t)), [_two_lines(_event_label(r)) for r in t.itertuples()],
                  fontsize=ZOOM_FONT, linespacing=1.0)
    for tick, row in zip(ax.get_yticklabels(), t.itertuples()):
        if row.source == "context":
            tick.set_fontstyle("italic")
    ax.set_ylim(len(t) - 0.5, -0.5)
    themes = _theme_words(ax, t, wrap=_theme_wrap(ax, t))
    ax.figure.drawn = drawn_rows(t)
    # a panel spans only the years its own rows need (the learner review: the last panel's 17 rows were squeezed
    # into the last quarter of a 2009-2021 axis), so the zoom zooms where the story is densest
    lo, hi = _panel_span(t, years, part is not None)
    ax.set_xlim(lo, hi)
    published = publication(timeline, writing)
    # the key once, under the first panel, for every panel (learner review 26: five panels each repeated a key of
    # about four lines); the later panels say where it is
    every = _zoom_rows(_held_back(timeline, leave_out, writing)[0], years)
    if part is None or part[0] == 1:
        shows_writing = bool((every if part else t).to_writing.any())
        # the publication line is in the key where the panel draws it (a whole zoom spans every year, so whether it
        # does is known before the right edge moves), and under part 1 wherever a row runs to the time of writing
        drawn_line = published is not None and t.to_writing.any() and lo <= _year(published) <= hi
        _timeline_legend(ax.figure if ax.figure.get_layout_engine() is not None else ax,
                         loc="outside lower left" if ax.figure.get_layout_engine() is not None else "upper left",
                         to_writing=shows_writing,
                         published=published if (drawn_line or (part and shows_writing)) else None)
    ax.set_title((f"The zoom, part {part[0]} of {part[1]}: events {start + 1} to {stop} of {total}" if part[0] == 1
                  else f"Part {part[0]} of {part[1]}: events {start + 1} to {stop} of {total}{ZOOM_KEY_ONCE}") if part else
                 f"The zoom: the {total} events from {years[0]} to {years[1]}", loc="left", fontsize=12)
    _zoom_years(ax, lo, hi)
    # laid out once, here, with every text that sets the margins in place (the rows' labels, the themes, the title,
    # the key, the years and the axis's label): the bars and marks drawn below stay inside the plot, and moving the
    # right edge changes the years' labels, not the margins. The run-on marks are placed on this layout and the
    # picture is drawn from it (session 28: a panel was laid out up to four times, each pass measuring every label)
    _lay_out(ax.figure)
    # room at the right for the "→ Nov 2017" of a bar that runs on, clear of where the bar starts (round 20: four
    # bars starting at the edge of part 2 were hidden under theirs)
    moved = _room_to_run_on(ax, t, lo, hi, years)
    if moved != hi:
        hi = moved
        ax.set_xlim(lo, hi)
        _zoom_years(ax, lo, hi)
    pub_x = _publication_line(ax, published) if t.to_writing.any() else None
    for i, row in enumerate(t.itertuples()):
        _draw_event(ax, row, i, stop=pub_x)
    runs_on = _runs_on(ax, t, hi, themes)
    ax.figure.drawn = [line + runs_on.get(line.split()[0], "") for line in ax.figure.drawn]
    ax.figure.laid_out = ax.figure.get_layout_engine() is not None    # figure_png draws it as it is laid out
    return ax


def _zoom_years(ax, lo: float, hi: float) -> None:
    """A zoom panel's x axis from ``lo`` to ``hi``: the whole year at each 1 January (the learner review 17: "’18 ’19"
    read as nothing), a light line at each quarter when the panel spans a few years, its label saying so."""
    first, last = math.ceil(lo), math.floor(hi)
    ax.set_xticks(range(first, last + 1), [str(y) for y in range(first, last + 1)])
    if hi - lo <= 4:      # a few years across the screen: a light line at each quarter too
        quarters = [q / 4 for q in range(math.ceil(lo * 4), math.floor(hi * 4) + 1) if q % 4]
        # "Jul" at each mid-year when the panel spans two years or so (at every quarter the names touch the years)
        # a "Jul" before the panel's first year line carries its year (learner review 27: parts 4 and 5 began "Jul")
        ax.set_xticks(quarters, [("Jul" if q > first else f"Jul {math.floor(q)}")
                                 if hi - lo <= 2.5 and round(q * 4) % 4 == 2 else "" for q in quarters],
                      minor=True)
        ax.tick_params(axis="x", which="minor", labelsize=ZOOM_FONT, colors="#555555")
        ax.grid(axis="x", which="minor", color="#eeeeee", zorder=0)
    else:
        ax.set_xticks([], minor=True)
        ax.grid(axis="x", which="minor", visible=False)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.tick_params(axis="x", labelsize=ZOOM_FONT)
    ax.set_xlabel(f"year (a line at each 1 January{'; lighter lines at each quarter' if hi - lo <= 4 else ''})",
                  fontsize=ZOOM_FONT)


#: the title of every zoom panel after the first: the key is drawn once, under part 1
ZOOM_KEY_ONCE = " (key under part 1)"
RUN_ON_CLEAR_PX = 24     # a bar that runs on shows at least this much of itself left of its "→ Nov 2017"


def _lay_out(fig) -> None:
    """Run the figure's layout engine (constrained layout) as drawing would, without drawing: what a draw placed
    (the axes, and so every text's extent) is placed the same, for a fraction of a draw's cost."""
    engine = fig.get_layout_engine()
    if engine is not None and fig.axes:      # as Figure.draw runs it
        try:
            engine.execute(fig)
        except ValueError:
            pass


def _room_to_run_on(ax, rows, lo: float, hi: float, years) -> float:
    """The panel's right edge, moved right (by whole quarters, up to the zoom's last year) until every bar that runs
    on past it shows RUN_ON_CLEAR_PX of itself left of the "→ Nov 2017" box ``_runs_on`` puts at the edge, measured
    from matplotlib's own extents of a box drawn and removed, on the plot's width as the panel is laid out (once, by
    ``timeline_zoom``: the margins do not move with the right edge)."""
    for _ in range(4):
        ax.set_xlim(lo, hi)
        running = _running_on(rows, hi)
        if not running:
            return hi
        width = ax.get_window_extent().width
        renderer = ax.figure.canvas.get_renderer()
        boxes = []
        for y, row in running:
            box = ax.annotate(f"→ {row.to_date:%b %Y}", xy=(hi, y), ha="right", va="center", fontsize=ZOOM_FONT,
                              fontweight="bold", bbox=dict(boxstyle="round,pad=0.15"))
            box.update_bbox_position_size(renderer)     # the box round its text, placed as drawing would place it
            boxes.append(box)
        need = max(b.get_bbox_patch().get_window_extent().width for b in boxes) + RUN_ON_CLEAR_PX
        for b in boxes:
            b.remove()
        start = max(_year(row.from_date) for _, row in running)
        if (start - lo) / (hi - lo) * width + need <= width:
            return hi
        wanted = lo + (start - lo) * width / max(width - need, 1)
        new = min(float(years[1] + 1), math.ceil(wanted * 4) / 4)
        if new <= hi:
            return hi
        hi = new
    return hi


def _panel_span(t, years, part: bool) -> tuple[float, float]:
    """The years a zoom panel spans, as decimal years (left edge, right edge)."""
    lo, hi = float(years[0]), float(years[1] + 1)
    if part and len(t):
        # from the quarter before the panel's first start to the year after its last end
        # to the quarter after its last start: a long period or range runs on past the edge (round 14: panel 1's
        # 14 events, all starting in 2009-2010, were squeezed into 50 px of a 2009-2020 axis by their long ranges)
        lo = max(lo, math.floor(min(_year(r) for r in t.from_date) * 4) / 4 - 0.25)
        hi = min(hi, math.ceil(max(_year(r) for r in t.from_date) * 4) / 4 + 0.5)
        hi = max(hi, lo + 1.5)
    return lo, hi


def _running_on(rows, hi: float):
    """The rows whose bar runs on past a panel's right edge ``hi`` (not those that run to the time of writing or
    have no end: they end in an arrow of their own)."""
    return [(y, row) for y, row in enumerate(rows.itertuples())
            if not (getattr(row, "to_writing", False) or row.open_end) and _year(row.to_date) + 1 / 365 > hi]


RUN_ON_GAP_PT = 4       # between a "runs to Nov 2017" and the start of its bar
RUN_ON_BEFORE = "runs to {}"    # before the bar: not "→ Nov 2017", which there would read as when the bar starts


def _runs_on(ax, rows, hi: float, themes=None) -> dict[str, str]:
    """Mark each bar that runs on past a panel's right edge with where it ends ("runs to Nov 2013"), and say so in words,
    for the row's line in ``fig.drawn`` (learner review 19: "LIBRE newly formed", a range to November 2013, stopped at
    the edge of a panel ending in 2010 and was read as formed by mid-2010). The mark sits in the row just before the
    bar starts, in the white the bar leaves, not over the bar (learner review 26: "→ Nov 2017" at the edge sat on top
    of the bars); only where that white is too narrow does it go at the edge, over the bar, as before. A row that
    runs to the time of writing or has no end keeps its arrow instead. Returns the words to add, by row id.
    (``themes`` is unused; kept so callers need not change.) The marks are placed on the panel as it is laid out
    (``timeline_zoom`` lays it out once, before)."""
    said = {}
    running = _running_on(rows, hi)
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    for y, row in running:
        end = row.to_date
        short = f"{end:%b %Y}"
        style = dict(fontsize=ZOOM_FONT, fontweight="bold", color="black", zorder=5, gid=f"{row.id}-runs-on",
                     bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85))
        before = RUN_ON_BEFORE.format(short)
        probe = ax.text(0, 0, before, fontsize=ZOOM_FONT, fontweight="bold")
        wide = probe.get_window_extent(renderer).width + 0.3 * ZOOM_FONT * ax.figure.dpi / 72   # the box's padding
        probe.remove()
        start = ax.transData.transform((_year(row.from_date), y))[0]
        if start - wide - RUN_ON_GAP_PT * ax.figure.dpi / 72 >= frame.x0 + 2:      # room before the bar
            text = before
            ax.annotate(text, xy=(_year(row.from_date), y), xycoords="data", xytext=(-RUN_ON_GAP_PT, 0),
                        textcoords="offset points", ha="right", va="center", **style)
        else:
            text = f"→ {short}"
            ax.annotate(text, xy=(hi, y), xycoords="data", ha="right", va="center", **style)
        words = f"{end:%B %Y}"
        said[row.id] = f"  (runs on past the panel's right edge, to {words}: “{text}”)"
    return said


def timeline_zoom_panels(timeline, years=(2009, 2020), per_panel: int = ZOOM_ROWS, leave_out=(),
                         writing=None) -> list:
    """The zoom in panels that each fit one 16:9 screen, each with its description in ``fig.alt_text``.

    Parameters:
        timeline: the timeline, from ``helpers.load_timeline(essay)``.
        years: the first and last year to show, as a pair (default 2009 to 2020).
        per_panel: at most this many rows in one panel.
        leave_out, writing: optional; rows held back until an exercise, as in ``timeline_zoom``.

    Returns:
        A list of matplotlib figures, in date order.

    Example:
        >>> from helpers import load_essay, load_timeline
        >>> figs = timeline_zoom_panels(load_timeline(load_essay()))
        >>> len(figs), figs[0].alt_text.startswith("Part 1 of the zoom shows what happened")
        (6, True)
        >>> for fig in figs:
        ...     plt.close(fig)
    """
    return list(_zoom_figures(timeline, years, per_panel, leave_out, writing))


def _zoom_figures(timeline, years, per_panel, leave_out, writing):
    """The panels of ``timeline_zoom_panels``, drawn one at a time as they are asked for (``show_timeline_zoom``
    shows and closes each before the next is drawn)."""
    parts = zoom_parts(timeline, years, per_panel, leave_out, writing)
    for k in range(1, len(parts) + 1):
        fig = timeline_zoom(timeline, years, part=(k, len(parts)), leave_out=leave_out, writing=writing).figure
        fig.alt_text = describe_timeline(timeline, years, zoomed=True, part=(k, len(parts)), leave_out=leave_out,
                                         writing=writing)
        yield fig


def show_timeline_zoom(timeline, years=(2009, 2020), leave_out=(), writing=None) -> None:
    """Show the zoom in a notebook: each panel of ``timeline_zoom_panels``, followed by its description.

    Each panel is drawn, shown and closed before the next is drawn, so the kernel holds one panel at a time.

    Parameters:
        timeline: the timeline, from ``helpers.load_timeline(essay)``.
        years: the first and last year to show, as a pair (default 2009 to 2020).
        leave_out, writing: optional; rows held back until an exercise, as in ``timeline_zoom``.

    Returns:
        Nothing; it shows the panels and prints their descriptions. (Outside a notebook a figure shows only as
        its size in pixels, as in the example.)

    Example:
        >>> from helpers import load_essay, load_timeline
        >>> show_timeline_zoom(load_timeline(load_essay()))  # doctest: +ELLIPSIS
        Figure(836x690)
        Part 1 of the zoom shows what happened from ...
    """
    for fig in _zoom_figures(timeline, years, ZOOM_ROWS, leave_out, writing):
        show_described(fig, fig.alt_text)


# --------------------------------------------------------------------------------------------
# Who and what is named where
# --------------------------------------------------------------------------------------------

NO_MENTION = "#e6e6e6"   # the heat map's cell for a name not mentioned in a section


def mentions_by_section(essay, mentions, top: int = 15, ax=None):
    """A grid of the most-mentioned terms (rows) by section (columns), each cell the number of mentions.

    The colour scale is cividis, designed to read the same for colour-blind readers; counts are printed in
    every cell so nothing depends on colour alone.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        mentions: every mention, from ``helpers.terms.mentions(essay, terms)``.
        top: how many of the most-mentioned names to show (default 15).
        ax: optional; a matplotlib Axes to draw in. Leave it out to draw a new figure.

    Returns:
        The matplotlib Axes drawn in (its figure is ``ax.figure``). ``describe_mentions_by_section`` gives
        the same grid in words.

    Example:
        >>> from helpers import load_essay, load_terms
        >>> from helpers.terms import mentions
        >>> essay = load_essay()
        >>> ax = mentions_by_section(essay, mentions(essay, load_terms(essay)), top=5)
        >>> ax.get_title(loc="left")
        'Where the 5 most-mentioned names and terms appear'
        >>> plt.close(ax.figure)
    """
    use_style()
    totals = mentions.groupby("term").size().sort_values(ascending=False, kind="stable")
    first = mentions.groupby("term").paragraph.min()
    order = sorted(totals.index, key=lambda t: (-totals[t], first[t]))[:top]
    grid = (mentions[mentions.term.isin(order)].groupby(["term", "section_no"]).size()
            .unstack(fill_value=0).reindex(index=order, columns=list(essay.sections.section_no), fill_value=0))
    if ax is None:
        # drawn for JupyterLab's 848 px output area, so every text is 15.3 px or more there (ROOM_SMALL)
        _, (ax, key) = plt.subplots(1, 2, figsize=(ROOM_WIDTH, 6.6), width_ratios=[1.3, 1], layout="constrained")
    else:
        key = None      # drawn into a given Axes: the section names go under the grid instead
    # no mention is a pale cell, not the scale's darkest colour: on cividis alone 0 and 1 were nearly the same navy
    # (learner review 26); the scale starts at one mention
    counts = __import__("numpy").ma.masked_equal(grid.to_numpy(), 0)
    image = ax.imshow(counts, cmap=plt.get_cmap("cividis").with_extremes(bad=NO_MENTION), aspect="auto",
                      vmin=1, vmax=max(int(grid.to_numpy().max()), 2))
    peak = max(int(grid.to_numpy().max()), 1)
    for (i, j), n in __import__("numpy").ndenumerate(grid.to_numpy()):
        if n:
            ax.text(j, i, str(n), ha="center", va="center", fontsize=ROOM_SMALL,
                    color="black" if n > peak * 0.55 else "white")
    ax.set_yticks(range(len(order)), order, fontsize=11)
    names = dict(zip(essay.sections.section_no, essay.sections.section))
    # the columns are numbered; the key beside the grid gives each section's whole heading, never shortened
    ax.set_xticks(range(len(grid.columns)), [f"§{n}" for n in grid.columns], fontsize=ROOM_SMALL)
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
    ax.set_title(f"Where the {len(order)} most-mentioned names and terms appear", loc="left", fontsize=13, pad=24)
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8, location="bottom", aspect=25, pad=0.02)
    bar.set_label("mentions (a pale grey cell: none)", fontsize=11)
    # counts are whole numbers: so are the bar's ticks (learner review 23: ticks at 2.5 and 7.5)
    bar.ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    bar.ax.tick_params(labelsize=ROOM_SMALL)
    entries = [f"§{n}  " + textwrap.fill(names[n], 30, subsequent_indent="      ") for n in grid.columns]
    if key is not None:
        key.axis("off")
        key.text(0, 1, "The sections of the essay", transform=key.transAxes, va="top", ha="left", fontsize=11,
                 fontweight="bold")
        key.text(0, 0.95, "\n".join(entries), transform=key.transAxes, va="top", ha="left", fontsize=ROOM_SMALL,
                 linespacing=1.2)
    else:
        ax.set_xlabel("\n".join(entries), fontsize=ROOM_SMALL, loc="left")
    ax.spines[:].set_visible(False)
    return ax


# --------------------------------------------------------------------------------------------
# Argument map (notebook 01): show each figure with its text description
# --------------------------------------------------------------------------------------------

def show_argument_map(argument, root: str = "T", per_figure: int = 4, ids=None, held_back=(), fold: bool = True,
                      points: bool = True, in_full_below: str | None = None) -> None:
    """Show the argument map in a notebook: each figure of ``argument_map``, followed by its description.

    The description is printed under the figure and stored as the image's alt text in the notebook (the output's
    ``image/png`` metadata), so the HTML editions can use it; a table under it gives each box's claim in full
    (``box_wording``: the boxes give a claim's first words). Each figure is drawn, shown and
    closed before the next is drawn, so a map of five figures needs the memory of one. The table is folded under a
    one-line summary until the reader opens it (the print editions open it on paper).

    Parameters:
        argument: the argument, from ``helpers.load_argument(essay)``.
        root: the claim on the left, named as in ``argument_map``: ``"thesis"`` (the default), ``"point 1"``, or
            the first words of a claim's box.
        per_figure: at most this many claims on the right of one figure (default 4), as in ``argument_map``.
        ids: optional; the ids of the claims to draw on the right, as in ``argument_map``.
        held_back: optional; ids of claims whose box gives the essay's words only, as in ``argument_map``.
        fold: fold each table of boxes in full under its summary line (the default); ``False`` inside a worked
            solution, which is folded already (a second click would hide it again).
        points: for the thesis only, as in ``argument_map``: ``False`` draws the other claims directly under it.
        in_full_below: optional; the id of a claim on the right whose box the table leaves out, because the next
            map of the notebook gives it in full (a long paraphrase is printed once); the sentence under the
            figure says so.

    Returns:
        Nothing; it shows the figures and prints their descriptions. (Outside a notebook a figure shows
        only as its size in pixels, as in the example.)

    Example:
        >>> from helpers import load_essay, load_argument
        >>> show_argument_map(load_argument(load_essay()))  # doctest: +ELLIPSIS
        Figure(828x466)
        Argument map: the thesis (¶6, ¶9–¶10) on the left; ... The table under the figure gives each box in full.
        box ...
        Thesis · ¶6, ¶9–¶10  The essay states its aim in ¶6: ...
    """
    from IPython.display import display
    from .display import folded, table
    later_id = None if in_full_below is None else _known_id(argument, in_full_below)
    later = None if later_id is None else claim_in_words(argument.rows(), later_id)
    for fig in _map_figures(argument, root, per_figure, ids, held_back, points):
        # by the claim, not by the box's first line: two claims of one type in one ¶ share a first line
        shown = fig.wording[[i != later_id for i in fig.wording_ids]]
        if len(shown) < len(fig.wording):
            fig.alt_text = fig.alt_text.replace(IN_FULL, f"The table under the figure gives each box in full but one, "
                                                         f"{later}: the next map gives it in full.").replace(
                IN_FULL_BUT_LEFT, f"The table under the figure gives each box on the right in full but one, {later}, "
                                  "which the next map gives in full; the box on the left is in full under part 1.")
        show_described(fig, fig.alt_text)
        # folded on screen (01's first sitting printed about 5,800 words, most of them these tables); opened on paper
        wording = table(shown, rows="all")
        display(folded(wording, "Each box of this map in full, as a table: click to open", css_class="in-full")
                if fold else wording)


# --- start here (00) ---

def describe_words_per_section(essay) -> str:
    """The words-per-section figure in words (its text alternative), read from the same table it draws.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.

    Returns:
        A few sentences as a string: how many sections and words, the two longest sections and the shortest.

    Example:
        >>> from helpers import load_essay
        >>> describe_words_per_section(load_essay()).startswith("Bars for the 10 sections")
        True
    """
    s = essay.sections
    order = s.sort_values("words", ascending=False, kind="stable")
    top, second, low = order.iloc[0], order.iloc[1], order.iloc[-1]

    def name(row) -> str:
        span = f"¶{row.first_paragraph}" + ("" if row.first_paragraph == row.last_paragraph else f"–¶{row.last_paragraph}")
        return f"{row.section} ({span}, {row.words:,} words)"

    return (f"Bars for the {len(s)} sections of the essay, in reading order, {s.words.sum():,} words in all "
            f"(headings not counted). The longest are {name(top)}, and {name(second)}; "
            f"the shortest is {name(low)}.")


def show_described(fig, description: str) -> None:
    """Show a figure in a notebook with its description printed under it and kept as its alt text.

    The HTML editions use the alt text. The figure is closed afterwards, so JupyterLab does not draw it a
    second time at the end of the cell.

    Parameters:
        fig: a matplotlib figure, e.g. ``words_per_section(essay).figure``.
        description: the figure in words, e.g. ``describe_words_per_section(essay)``.

    Returns:
        Nothing; it shows the figure and the description under it (typeset in a notebook, printed elsewhere). (Outside a notebook a figure shows only as
        its size in pixels, as in the example.)

    Example:
        >>> from helpers import load_essay
        >>> essay = load_essay()
        >>> show_described(words_per_section(essay).figure, describe_words_per_section(essay))  # doctest: +ELLIPSIS
        Figure(820x680)
        Bars for the 10 sections of the essay, ...
    """
    from IPython import get_ipython
    from IPython.display import display
    from matplotlib.figure import Figure
    from .display import say
    shell = get_ipython()
    if shell is not None:   # in a notebook: the figure's picture as figure_png draws it (once, quickly)
        shell.display_formatter.formatters["image/png"].for_type(Figure, _shown_png)
        # drawn first, so what it draws is read off that one draw, not laid out again (a timeline panel's cost).
        # A figure with an image is laid out twice before it, as when drawn_text laid it out and then print_figure
        # did: constrained layout starts from where the last left the axes, and a second pass moves them by a
        # fraction of a pixel, which an image (04's grid), resampled onto the pixels, shows; lines and text do not
        if any(ax.get_images() for ax in fig.axes):
            _lay_out(fig)
        fig._png = figure_png(fig)
        drawn = drawn_text(fig, laid_out=True)
    else:
        drawn = drawn_text(fig)
    display(fig, metadata={"image/png": {"alt": description, "drawn": drawn}})
    fig.__dict__.pop("_png", None)
    plt.close(fig)
    if not plt.fignum_exists(getattr(fig, "number", -1)):   # really closed (a measuring harness may keep it open)
        _release(fig)
    say(description, width=None)   # typeset under the figure: a narrow window never breaks a word


def figure_png(fig) -> str:
    """The picture of a figure that a notebook shows, as base64 PNG: what IPython's inline backend makes, faster.

    Like the inline backend, the picture is the figure's tight bounding box with a margin of
    ``savefig.pad_inches`` (0.1 inch) all round. A figure that says it fills its canvas (``fig.fills_canvas``:
    the argument maps, whose texts stay inside the figure) is drawn once with that box given, instead of being
    laid out a second time to find it; the PNG is compressed at zlib level 1, which for these flat-coloured
    pictures is about as small as the default level and takes a fraction of its time.

    Parameters:
        fig: a matplotlib figure.
    Returns:
        the PNG, base64-encoded (what a notebook stores).
    Example:
        >>> from helpers import load_essay
        >>> fig = words_per_section(load_essay()).figure
        >>> import base64; base64.b64decode(figure_png(fig))[:4]
        b'\x89PNG'
        >>> plt.close(fig)
    """
    import base64
    import io
    from matplotlib.transforms import Bbox
    pad = plt.rcParams["savefig.pad_inches"]
    w, h = fig.get_size_inches()
    engine = fig.get_layout_engine()
    if getattr(fig, "fills_canvas", False):
        box = Bbox.from_extents(-pad, -pad, w + pad, h + pad)
    else:
        # the tight box as print_figure finds it, from the layout alone: print_figure would draw the whole figure
        # once (without painting) only to run the layout and measure it, then draw it again. A figure laid out
        # already as it stands (``fig.laid_out``: a zoom panel) is not laid out again
        if not getattr(fig, "laid_out", False):
            _lay_out(fig)
        box = fig.get_tightbbox(fig.canvas.get_renderer()).padded(pad)
    _draw_on_the_measuring_renderer(fig, box)
    out = io.BytesIO()
    fig.set_layout_engine(None)         # laid out above; print_figure lays out (and draws) again only if it has one
    try:
        fig.canvas.print_figure(out, format="png", dpi=fig.dpi, facecolor=fig.get_facecolor(),
                                edgecolor=fig.get_edgecolor(), bbox_inches=box, pad_inches=pad,
                                pil_kwargs={"compress_level": 1})
    finally:
        if engine is not None or fig.get_layout_engine() is not None:
            fig.set_layout_engine(engine)
    return base64.b64encode(out.getvalue()).decode("ascii")


def _draw_on_the_measuring_renderer(fig, box) -> None:
    """Let print_figure draw the picture of ``box`` on the renderer that measured the figure's texts (to place a
    map's boxes, to lay a panel out, to find its tight box), made the picture's size: matplotlib keeps the sizes of
    the texts it measures by renderer, and the picture's canvas, larger than the figure by its margin, made a
    renderer of its own, on which every text was measured again (session 27: 20 texts a map; a zoom panel's many
    tick labels). A text's size depends on the dpi only, and the renderer's pixels are cleared before it draws."""
    from matplotlib.transforms import Affine2D, TransformedBbox
    canvas = fig.canvas
    renderer = getattr(canvas, "renderer", None)
    if not hasattr(canvas, "_lastKey") or renderer is None or getattr(renderer, "dpi", None) != fig.dpi:
        return
    # the canvas's size as print_figure makes it for that box (matplotlib's _tight_bbox.adjust_bbox) and as an Agg
    # canvas compares it (get_renderer): of that size, the renderer it has is the one it draws on
    w, h = TransformedBbox(Bbox.from_bounds(0, 0, *box.size), Affine2D().scale(fig.dpi)).size
    renderer.__init__(w, h, fig.dpi)    # the same object, a buffer of the new size (as matplotlib's __setstate__)
    canvas._lastKey = (w, h, fig.dpi)


def _shown_png(fig) -> str:
    """The picture a notebook shows for a figure: the one ``show_described`` has just drawn, if it has, else
    ``figure_png``'s."""
    png = fig.__dict__.pop("_png", None)
    return png if png is not None else figure_png(fig)


def _release(fig) -> None:
    """Let go of a shown and closed figure's artists and pixel buffer now. A closed figure is freed only when
    Python's cycle collector next runs (which, with a map's thousands of objects, takes longer than drawing it),
    and until then each holds its renderer's buffer and its texts' layouts: 01's twenty maps held about 80 MB."""
    canvas = fig.canvas
    if hasattr(canvas, "_lastKey"):        # an Agg canvas: a later draw would make a new renderer
        canvas._lastKey = None
        canvas.renderer = None
    # what each Axes drew is let go of, then the Axes itself, without clearing it: Figure.clear clears every Axes,
    # which makes its axes' ticks anew only to drop them (session 27: a quarter of what making a map's Axes costs)
    for ax in list(fig.axes):
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        for artist in [*ax.texts, *ax.patches, *ax.lines, *ax.collections, *ax.images, *ax.artists, *ax.tables]:
            artist.remove()
        fig.delaxes(ax)
    fig.clear()
    _trim()


def _trim() -> None:
    """Hand the memory freed by drawing back to the system (glibc keeps a freed pixel buffer for reuse, so each
    map drawn raised the kernel's resident memory by a few MB, for good). Elsewhere than glibc: nothing."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        try:
            import ctypes
            _MALLOC_TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _MALLOC_TRIM = False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM = None


def drawn_text(fig, laid_out: bool = False) -> list[str]:
    """Everything a figure says, as lines of text: each piece of text drawn (titles, labels, ticks, keys) and,
    where a mark's colour, shape or place says something (``fig.drawn``), that in words.

    ``show_described`` keeps these lines with the figure in the notebook (the output's ``image/png`` metadata,
    ``drawn``), so a test can check that no figure above an exercise shows its answer.

    Parameters:
        fig: a matplotlib figure drawn by this module.
        laid_out: ``True`` if the figure has just been drawn as it stands (``figure_png``), so its tick labels are
            made already and it need not be laid out again to read them.
    Returns:
        a list of strings, each piece of text once, then ``fig.drawn``.

    Example:
        >>> from helpers import load_essay
        >>> fig = words_per_section(load_essay()).figure
        >>> "Words per section of the essay" in drawn_text(fig)
        True
        >>> plt.close(fig)
    """
    from matplotlib.axis import Axis
    from matplotlib.text import Text
    if not laid_out and any(ax.axison for ax in fig.axes):   # tick labels exist only once laid out; maps draw no axis
        fig.draw_without_rendering()         # lays out every text (ticks included) without painting pixels

    def found(artist):                       # as fig.findobj(Text), without walking into an axis that is off
        for child in artist.get_children():  # (asking one for its children makes its ticks: a third of a map's cost)
            if not (isinstance(child, Axis) and not child.axes.axison):
                yield from found(child)
        if isinstance(artist, Text):
            yield artist
    texts = [t.get_text() for t in found(fig) if t.get_visible() and t.get_text().strip()]
    return list(dict.fromkeys(texts)) + list(getattr(fig, "drawn", []))


# --------------------------------------------------------------------------------------------
# Voices and timeline: text descriptions of the figures (printed under each, used as alt text)
# --------------------------------------------------------------------------------------------

def describe_timeline(timeline, zoom=(2009, 2020), zoomed: bool = False, part=None, leave_out=(),
                      writing=None) -> str:
    """What a timeline figure shows, in words, computed from the same rows (its text alternative).

    Parameters:
        timeline: the timeline, from ``helpers.load_timeline(essay)``.
        zoom: the first and last year of the zoom, as a pair (default 2009 to 2020).
        zoomed: True to describe the zoom (``timeline_zoom``), False (the default) the long view
            (``timeline_long_view``).
        part: optional, with ``zoomed``; (k, n) describes the k-th of the zoom's n panels.
        leave_out, writing: optional; rows held back until an exercise, as in ``timeline_zoom``; the
            description says how many.

    Returns:
        A few sentences as a string, printed under the figure and used as its alt text.

    Example:
        >>> from helpers import load_essay, load_timeline
        >>> describe_timeline(load_timeline(load_essay())).startswith("The long view runs from Marx's letter on Ireland")
        True
    """
    def start_year(rows):
        return rows.from_date.map(lambda d: d.year)

    def named(r):
        return _event_label(r).removesuffix(INFERRED_MARK)

    def theme(rows):
        counts = rows.theme.value_counts(sort=True)
        return f"{counts.iloc[0]} of them about {counts.index[0]}"

    # what happened first, and last, and the theme most rows share; then who dates them (learner review 19: the
    # sentences counted kinds of mark instead of saying what happened)
    timeline, held = _held_back(timeline, leave_out, writing)
    inside = _zoom_rows(timeline, zoom)
    busiest = start_year(inside).value_counts().sort_index(kind="stable")
    top = [int(y) for y, n in busiest.items() if n == busiest.max()]
    most = (f"more of them start in {top[0]} than in any other year ({busiest.max()})" if len(top) == 1 else
            f"most of them start in " + " and ".join(map(str, top)) + f" ({busiest.max()} each)")
    if zoomed and part is not None:
        start, stop = _even_parts(len(inside), part[1])[part[0] - 1]
        t = inside.iloc[start:stop]
        head, tail = t.iloc[0], t.iloc[-1]
        runs = [f"{named(r)} (to {r.to_date:%B %Y})" for _, r in _running_on(t, _panel_span(t, zoom, True)[1])]
        text = (f"Part {part[0]} of the zoom shows what happened from {named(head)} ({head.when}) to "
                f"{named(tail)} ({tail.when}). "
                + (f"{'A bar runs' if len(runs) == 1 else 'Bars run'} on past the panel's right edge, an arrow "
                   f"at the edge saying where {'it ends' if len(runs) == 1 else 'each ends'}: "
                   + "; ".join(runs) + ". " if runs else "")
                + f"The panel draws events {start + 1} to {stop} of the {len(inside)} from {zoom[0]} on, {theme(t)}.")
    elif zoomed:
        t = inside
        text = (f"The zoom draws the {len(inside)} events from {zoom[0]} on, one row each in date order, from "
                f"{named(t.iloc[0])} ({t.iloc[0].when}) to {named(t.iloc[-1])} ({t.iloc[-1].when}); {most}.")
    else:
        t = timeline[start_year(timeline) < zoom[0]].sort_values(["from_date", "to_date"], kind="stable")
        text = (f"The long view runs from {named(t.iloc[0])} ({t.iloc[0].when}) to {named(t.iloc[-1])} "
                f"({t.iloc[-1].when}): the {len(t)} events before {zoom[0]}, {theme(t)}. The {len(inside)} events "
                f"from {zoom[0]} on fall in the shaded years and are drawn in the zoom; {most}.")
    if zoomed and part is not None:     # a panel says what happened; the long view says once who dates the rows
        return text + (" As in the long view, the rows the exercises ask about are held back." if held and part[0] == 1
                       else "")
    words, inferred = (t.dated_by == "the essay's words").sum(), (t.dated_by == "the package's inference").sum()
    context_rows = (t.dated_by == "context").sum()
    text += (f" Of its rows, {words} {'is' if words == 1 else 'are'} dated by the essay's words, {inferred} with a date "
             f"the package infers (a * after the label) and {context_rows} "
             + ("is context from a named reference" if context_rows == 1 else "are context from named references")
             + " (in italics).")
    if zoomed:
        return text + (" As in the long view, the rows the exercises ask about are held back." if held else "")
    return text + held


# ---- people, places and terms (notebook 04) --------------------------------------------------------------

def describe_mentions_by_section(essay, mentions, top: int = 15) -> str:
    """The text alternative of ``mentions_by_section``, computed from the same counts, naming the sections.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
        mentions: every mention, from ``helpers.terms.mentions(essay, terms)``.
        top: how many of the most-mentioned names the grid shows.

    Returns:
        One short paragraph: the most-mentioned name and the section(s) where it comes most (every section
        tied for most is named), the name that runs through the most sections, and the names found in one
        section only, each section given by its number and its heading.

    Example:
        >>> from helpers import load_essay, load_terms
        >>> from helpers.terms import mentions
        >>> essay = load_essay()
        >>> print(describe_mentions_by_section(essay, mentions(essay, load_terms(essay))))  # doctest: +ELLIPSIS
        A grid of the 15 most-mentioned names and terms (rows) by the essay's 10 sections (columns)...
    """
    names = dict(zip(essay.sections.section_no, essay.sections.section))
    def named(n):
        return f"§{n} ({names[n]})"
    totals = mentions.groupby("term").size()
    first = mentions.groupby("term").paragraph.min()
    order = sorted(totals.index, key=lambda t: (-totals[t], first[t]))[:top]
    by_section = mentions[mentions.term.isin(order)].groupby(["term", "section_no"]).size()
    lead = order[0]
    peak = by_section[lead].max()
    lead_sections = [int(n) for n, c in by_section[lead].items() if c == peak]
    where = (f"most often in {named(lead_sections[0])}" if len(lead_sections) == 1 else
             f"most often, tied at {peak} each, in " + " and ".join(named(n) for n in lead_sections))
    spread = sorted(order, key=lambda t: (-by_section[t].size, t))
    single = [t for t in order if by_section[t].size == 1]
    text = (f"A grid of the {len(order)} most-mentioned names and terms (rows) by the essay's "
            f"{len(essay.sections)} sections (columns). {lead} is mentioned most ({totals[lead]} times), {where}; "
            f"{spread[0]} runs through the most sections ({by_section[spread[0]].size}).")
    if single:
        text += (f" {len(single)} appear in one section only: "
                 + "; ".join(f"{t} in {named(int(by_section[t].index[0]))}" for t in single) + ".")
    return text


def _apply_style_if_asked() -> None:
    from .display import _STYLE_WANTED
    if _STYLE_WANTED:
        use_style()


_apply_style_if_asked()
