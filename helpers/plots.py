"""Figures for the notebooks, drawn with matplotlib in one consistent, projector-friendly style.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms of colour
blindness; text is large enough to read on a projected screen.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt

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


def use_style() -> None:
    """Apply the package's figure style (called by every plotting helper)."""
    plt.rcParams.update(STYLE)


def words_per_section(essay, ax=None):
    """Horizontal bars: how many words each section has, in reading order, with its ¶ range."""
    use_style()
    s = essay.sections
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 0.55 * len(s) + 1.5))
    labels = [f"{textwrap.shorten(name, 56, placeholder='…')}  (¶{a}{'' if a == b else f'–¶{b}'})"
              for name, a, b in zip(s.section, s.first_paragraph, s.last_paragraph)]
    bars = ax.barh(labels, s.words, color=OKABE_ITO[4])
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[f"{w:,}" for w in s.words], padding=4, fontsize=12)
    ax.set_xlabel("words (headings not counted)")
    ax.set_title("Words per section of the essay", loc="left")
    ax.set_xlim(0, s.words.max() * 1.15)
    ax.figure.tight_layout()
    return ax


# --------------------------------------------------------------------------------------------
# The argument map
# --------------------------------------------------------------------------------------------

# Each claim type has one Okabe–Ito colour; boxes are filled lightly so black text stays readable.
TYPE_COLOURS = {
    "thesis": "#000000", "point": OKABE_ITO[4], "conclusion": OKABE_ITO[2], "premise": OKABE_ITO[1],
    "evidence": OKABE_ITO[0], "recommendation": OKABE_ITO[6], "concession": OKABE_ITO[5],
}


def _tree(nodes, root, keep):
    """Children of each kept node (in essay order), as a dict id -> [child ids]."""
    kids = {}
    order = nodes.sort_values(["paragraph"], kind="stable")
    for id_ in order.id:
        parent = nodes.loc[id_, "supports"]
        if id_ != root and keep(id_) and parent is not None:
            kids.setdefault(parent, []).append(id_)
    return kids


def argument_map(argument, root: str = "T", types=None, max_depth: int | None = None,
                 wrap_at: int = 34, max_lines: int = 3, ax=None):
    """Draw the claims under ``root`` as a left-to-right tree: boxes for claims, arrows for support.

    ``types`` limits the claim types drawn (the thesis and points are always drawn), ``max_depth`` the
    number of levels. Each box shows the claim's id, its paragraph and the paraphrase from argument.yml.
    """
    use_style()
    nodes = argument.nodes()
    allowed = set(types) if types else None

    def keep(id_):
        t = nodes.loc[id_, "type"]
        return t in ("thesis", "point") or allowed is None or t in allowed

    kids = _tree(nodes, root, keep)
    pos, leaves = {}, [0]

    def place(id_, depth):
        children = kids.get(id_, []) if max_depth is None or depth < max_depth else []
        ys = [place(c, depth + 1) for c in children]
        y = sum(ys) / len(ys) if ys else leaves[0]
        if not ys:
            leaves[0] += 1
        pos[id_] = (depth, y)
        return y

    place(root, 0)
    depth = max(d for d, _ in pos.values()) + 1
    col_w, row_h = 3.9, 0.95
    if ax is None:
        _, ax = plt.subplots(figsize=(col_w * depth + 0.6, row_h * max(leaves[0], 2) + 1.2))
    ax.set_xlim(-0.15, depth * col_w + 0.3)
    ax.set_ylim(-(leaves[0] - 0.4), 0.6)
    ax.axis("off")
    texts = {}
    for id_, (d, y) in pos.items():
        row = nodes.loc[id_]
        lines = textwrap.wrap(str(row.paraphrase), wrap_at)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = textwrap.shorten(lines[-1] + " …", wrap_at, placeholder=" …")
        label = f"{id_} · ¶{row.paragraph}\n" + "\n".join(lines)
        colour = TYPE_COLOURS[row.type]
        texts[id_] = ax.text(d * col_w, -y, label, ha="left", va="center", fontsize=11, linespacing=1.15,
                             bbox=dict(boxstyle="round,pad=0.35", facecolor=colour + "30", edgecolor=colour,
                                       linewidth=2))
    # Arrows run from the left edge of a claim's box to the right edge of the box it supports.
    ax.figure.canvas.draw()
    to_data = ax.transData.inverted()
    right = {id_: to_data.transform(t.get_bbox_patch().get_window_extent().get_points())[1][0]
             for id_, t in texts.items()}
    for id_, (d, y) in pos.items():
        row = nodes.loc[id_]
        if id_ != root and row.supports in pos:
            _, py = pos[row.supports]
            ax.annotate("", xy=(right[row.supports] + 0.03, -py), xytext=(d * col_w - 0.12, -y),
                        arrowprops=dict(arrowstyle="-|>", color="#555555", linewidth=1.2, shrinkA=0, shrinkB=0,
                                        linestyle="--" if row.type == "concession" else "-"))
    shown = [t for t in TYPE_COLOURS if t in set(nodes.loc[list(pos), "type"])]
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=TYPE_COLOURS[t] + "30", edgecolor=TYPE_COLOURS[t],
                             linewidth=2) for t in shown]
    ax.legend(handles, shown, loc="upper left", bbox_to_anchor=(0, 0.0), ncol=len(shown), frameon=False,
              fontsize=12, handlelength=1.2)
    title = ("The argument's spine" if root == "T"
             else f"{root}: {textwrap.shorten(str(nodes.loc[root, 'paraphrase']), 70, placeholder=' …')}")
    ax.set_title(title, loc="left")
    return ax


# --------------------------------------------------------------------------------------------
# Voices along the essay
# --------------------------------------------------------------------------------------------

HAND_COLOURS = {"first-hand": OKABE_ITO[4], "memoir": OKABE_ITO[6], "interpreter": OKABE_ITO[5],
                "media": OKABE_ITO[3], "not stated": OKABE_ITO[0], "authors": "#777777"}
HAND_MARKERS = {"first-hand": "o", "memoir": "s", "interpreter": "D", "media": "^", "not stated": "v",
                "authors": "x"}


def section_guides(essay, ax, label_y: float = 1.0) -> None:
    """Light vertical lines where sections start, numbered along the top (1 = Introduction …)."""
    for s in essay.sections.itertuples():
        ax.axvline(s.first_paragraph - 0.5, color="#cccccc", linewidth=1, zorder=0)
        ax.text(s.first_paragraph - 0.3, label_y, f"§{s.section_no}", transform=ax.get_xaxis_transform(),
                fontsize=11, color="#555555", va="bottom")


def voices_along_the_essay(essay, quotations, ax=None):
    """Where each voice is quoted, by paragraph: one row per speaker, size for words, colour for how it reached us."""
    use_style()
    q = quotations[~quotations.kind.isin(["name"])].copy()
    q["voice"] = q.speaker.where(q.speaker != "", "the authors' scare quotes")
    order = list(dict.fromkeys(q.sort_values("paragraph").voice))
    y = {v: i for i, v in enumerate(order)}
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 0.42 * len(order) + 1.8))
    for hand, rows in q.groupby("hand", sort=False):
        ax.scatter(rows.paragraph, rows.voice.map(y), s=30 + 3 * rows.words.clip(upper=300),
                   c=HAND_COLOURS[hand], marker=HAND_MARKERS[hand], alpha=0.85, label=hand,
                   edgecolors="black" if hand != "authors" else None, linewidths=0.6)
    ax.set_yticks(range(len(order)), [textwrap.shorten(v, 40, placeholder="…") for v in order])
    ax.invert_yaxis()
    ax.set_xlim(0, len(essay.paragraphs) + 1)
    ax.set_xlabel("paragraph (¶)")
    section_guides(essay, ax)
    legend = ax.legend(title="how it reaches us", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
                       fontsize=12, title_fontsize=12)
    for handle in legend.legend_handles:
        handle.set_sizes([80])
    ax.set_title("Who speaks where: quotations by paragraph (size = words quoted)", loc="left", pad=24)
    ax.figure.tight_layout()
    return ax


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


def _draw_event(ax, row, y, height=0.6):
    """One event at its precision: a day as a diamond, anything longer as a bar over the whole period."""
    colour = THEME_COLOURS[row.theme]
    derived = row.precision == "relative"
    x0 = _year(row.from_date)
    x1 = _year(row.to_date) + 1 / 365
    if row.from_date == row.to_date and not row.open_end:
        ax.plot([x0], [y], marker="D", markersize=9, color=colour,
                markeredgecolor="black" if row.source == "context" else colour,
                markeredgewidth=1.5, linestyle="none", zorder=3)
    else:
        ax.barh(y, x1 - x0, left=x0, height=height, color=colour, alpha=0.45 if derived else 0.9,
                hatch="//" if derived else None, edgecolor="black" if row.source == "context" else colour,
                linewidth=1.2, zorder=2)
    if row.open_end:
        ax.annotate("", xy=(x0 + 1.2, y), xytext=(x0, y),
                    arrowprops=dict(arrowstyle="->", color=colour, linewidth=2), zorder=3)


def _timeline_legend(ax, themes, loc="upper left", anchor=(0, -0.09), ncol=3):
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    handles = [Patch(facecolor=THEME_COLOURS[t], label=t) for t in themes]
    handles += [Line2D([], [], marker="D", color="#777777", linestyle="none", markersize=8, label="a day"),
                Patch(facecolor="#777777", label="a month, year, decade or range: the whole period"),
                Patch(facecolor="#777777", alpha=0.45, hatch="//", label="derived from a relative expression"),
                Patch(facecolor="white", edgecolor="black", label="context (not in the essay)"),
                Line2D([], [], color="#777777", marker=">", label="no end date given")]
    ax.legend(handles=handles, loc=loc, bbox_to_anchor=anchor, frameon=False, fontsize=11, ncol=ncol)


def timeline_long_view(timeline, zoom=(2009, 2020), ax=None):
    """All events from the earliest on, one lane per theme; the crowded years are shaded (see the zoom)."""
    use_style()
    themes = [t for t in THEME_COLOURS if t in set(timeline.theme)]
    lane = {t: i for i, t in enumerate(themes)}
    if ax is None:
        _, ax = plt.subplots(figsize=(14, 1.15 * len(themes) + 3.4))
    ax.axvspan(zoom[0], zoom[1] + 1, color="#eeeeee", zorder=0)
    inside = timeline[(timeline.from_date.map(lambda d: d.year) >= zoom[0])]
    ax.set_yticks(range(len(themes)), themes)
    ax.set_ylim(-0.5, len(themes) - 0.05)
    first = min(r.year for r in timeline.from_date)
    ax.set_xlim(first - 5, zoom[1] + 2)
    for row in timeline.itertuples():
        _draw_event(ax, row, lane[row.theme], height=0.42)
    # Labels for the events before the zoom, stacked in levels above their bar so none overlap.
    ax.figure.canvas.draw()
    to_data = ax.transData.inverted()
    taken: dict[tuple[str, int], float] = {}
    for row in timeline[timeline.from_date.map(lambda d: d.year) < zoom[0]].itertuples():
        x = _year(row.from_date)
        level = next(k for k in range(6) if taken.get((row.theme, k), -1e9) < x or k == 5)
        text = ax.text(x, lane[row.theme] + 0.24 + 0.22 * level, row.label, fontsize=11, ha="left", va="bottom")
        right = to_data.transform(text.get_window_extent().get_points())[1][0]
        taken[(row.theme, level)] = right + 1
    ax.set_xlabel("year")
    ax.set_title(f"The long view (shaded: {zoom[0]}–{zoom[1]}, {len(inside)} events, drawn in the zoom)", loc="left")
    _timeline_legend(ax, themes, anchor=(0, -0.16))
    ax.figure.tight_layout()
    return ax


def timeline_zoom(timeline, years=(2009, 2020), ax=None):
    """The crowded years, one row per event in date order, each drawn at the precision the essay gives."""
    use_style()
    t = timeline[timeline.from_date.map(lambda d: d.year) >= years[0]]
    t = t.sort_values(["from_date", "to_date"])
    if ax is None:
        _, ax = plt.subplots(figsize=(15, 0.36 * len(t) + 3.0))
    for i, row in enumerate(t.itertuples()):
        _draw_event(ax, row, i)
    ax.set_yticks(range(len(t)), [f"{r.id}  {textwrap.shorten(r.label, 42, placeholder='…')}" for r in t.itertuples()],
                  fontsize=11)
    ax.invert_yaxis()
    ax.set_xlim(years[0], years[1] + 1)
    ax.set_xticks(range(years[0], years[1] + 2), [f"’{y % 100:02d}" for y in range(years[0], years[1] + 2)])
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_xlabel("year (gridlines at 1 January; ’09 = 2009)")
    ax.set_title(f"The zoom: {years[0]}–{years[1]}", loc="left")
    _timeline_legend(ax, [th for th in THEME_COLOURS if th in set(t.theme)], anchor=(-0.3, -0.05), ncol=3)
    ax.figure.tight_layout()
    return ax


# --------------------------------------------------------------------------------------------
# Who and what is named where
# --------------------------------------------------------------------------------------------

def mentions_by_section(essay, mentions, top: int = 15, ax=None):
    """A grid of the most-mentioned terms (rows) by section (columns), each cell the number of mentions.

    The colour scale is cividis, designed to read the same for colour-blind readers; counts are printed in
    every cell so nothing depends on colour alone.
    """
    use_style()
    totals = mentions.groupby("term").size().sort_values(ascending=False, kind="stable")
    first = mentions.groupby("term").paragraph.min()
    order = sorted(totals.index, key=lambda t: (-totals[t], first[t]))[:top]
    grid = (mentions[mentions.term.isin(order)].groupby(["term", "section_no"]).size()
            .unstack(fill_value=0).reindex(index=order, columns=list(essay.sections.section_no), fill_value=0))
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 0.48 * len(order) + 2.2))
    image = ax.imshow(grid.to_numpy(), cmap="cividis", aspect="auto")
    peak = max(int(grid.to_numpy().max()), 1)
    for (i, j), n in __import__("numpy").ndenumerate(grid.to_numpy()):
        if n:
            ax.text(j, i, str(n), ha="center", va="center", fontsize=11,
                    color="black" if n > peak * 0.55 else "white")
    ax.set_yticks(range(len(order)), order)
    ax.set_xticks(range(len(grid.columns)), [f"§{n}" for n in grid.columns])
    ax.set_xlabel("section (§1 = Introduction … see essay.sections)")
    ax.set_title(f"Where the {len(order)} most-mentioned names and terms appear", loc="left")
    ax.figure.colorbar(image, ax=ax, label="mentions", shrink=0.8)
    ax.spines[:].set_visible(False)
    ax.figure.tight_layout()
    return ax


# ---- people, places and terms (notebook 04) --------------------------------------------------------------

def describe_mentions_by_section(essay, mentions, top: int = 15) -> str:
    """The text alternative of ``mentions_by_section``, computed from the same counts."""
    totals = mentions.groupby("term").size()
    first = mentions.groupby("term").paragraph.min()
    order = sorted(totals.index, key=lambda t: (-totals[t], first[t]))[:top]
    by_section = mentions[mentions.term.isin(order)].groupby(["term", "section_no"]).size()
    lead = order[0]
    lead_section = int(by_section[lead].idxmax())
    spread = sorted(order, key=lambda t: (-by_section[t].size, t))
    single = [t for t in order if by_section[t].size == 1]
    text = (f"A grid of the {len(order)} most-mentioned names and terms (rows) by the essay's "
            f"{len(essay.sections)} sections (columns). {lead} is mentioned most ({totals[lead]} times), most "
            f"often in §{lead_section}; {spread[0]} runs through the most sections ({by_section[spread[0]].size}).")
    if single:
        text += f" {len(single)} appear in one section only: {', '.join(single)}."
    return text
