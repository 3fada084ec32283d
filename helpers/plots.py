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
