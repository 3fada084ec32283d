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
