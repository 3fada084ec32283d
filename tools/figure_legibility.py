"""How legible the notebooks' figures are on a projected screen: ``python -m tools.figure_legibility``.

What a figure looks like in the notebook is the PNG that JupyterLab's inline backend embeds: the figure drawn at
its own dpi (``figure.dpi``, 100 in the package style) and cropped to what it draws (``bbox_inches="tight"``,
0.1 inch of margin). JupyterLab shows a PNG at its own size, and scales one wider than the output area down to
fit; it never enlarges one. "At 1280 px wide" means what a learner sees on a screen 1280 px wide: JupyterLab 4
in a 1280 × 720 window, as it opens (the file browser open on the left), gives a notebook's output area
**848 px** (``DISPLAY_WIDTH``; 1,100 px with the side panel closed), measured in Chromium by
tests/test_browser.py (``test_the_measure_scales_figures_as_jupyterlab_shows_them``). So the scale is
``min(1, 848 / PNG width)``. (Until round 15 the measure took the whole 1,280 px, and a 1,353 px map it said was
shown at 95 % was shown at 63 %.)

For every text the figure draws (titles, tick labels, annotations, legend text, axis labels, table text) the
measure is its **font size** in screen pixels: its size in points at the figure's dpi, times that scale. That is
what "14 px text" means in a browser (CSS ``font-size: 14px``, the size of JupyterLab's own prose beside the
figure), so a figure passes when none of its text is smaller than the notebook's text around it. (Until round 15
the measure took the line height of "lp", about 1.09 times the font size, which let a font of 13 px pass; a
reader measuring capital letters on a screenshot sees about 0.73 of the font size.) The line height is kept
beside it (``TextSize.px``): one line of text inks that many rows.

A figure **fits one 16:9 screen** when, shown as above, it is at most 720 px tall: a 1280 × 720 screen shows it
whole without scrolling (a figure shown 848 px wide may be up to 720 px tall). A figure split into panels is
several figures, each measured on its own.

A scatter mark is **too small** when it is narrower than 12 px on that screen (``MIN_MARK_PX``): the learner review
17 found the voices chart's five-word dots, 9 px, gone on a projector.

Two texts **overlap** when their extents cross by more than 2 px each way. A label **sits by its mark** when
the text of an annotation is at most 20 px from the point it annotates. A **mark is hidden** when a bar or a
diamond lies wholly inside another bar of the same colour in the same axes, or when a **box** drawn over it (the
background of a text, like the zoom's "→ Nov 2017") leaves less than ``MIN_SHOWN_PX`` of it showing inside the axes;
a text whose box covers another text hides that label.

A text is **cut** when its extent reaches past the edge of the figure's canvas (the slide it was drawn for), or
when it ends in "…" (shortened to fit), unless the figure gives every text in full under it (``fig.full_wording``:
the argument maps, whose boxes give a claim's first words and whose table under the figure gives it in full).

The figures measured are the ones the notebooks draw, with the notebooks' own data and arguments:
``notebook_figures`` runs each notebook's code cells in order (in this process, without a kernel), keeping
every figure a cell shows instead of displaying it. ``FIGURE_CALLS`` lists every drawing call the notebooks
make; tests/test_figures_legible.py fails when a notebook makes a call this list does not have.
"""
from __future__ import annotations

import contextlib
import io
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

SCREEN = (1280, 720)      # the screen: 16:9, 1280 px wide
DISPLAY_WIDTH = 848       # JupyterLab's output area on that screen, side panel open (measured in Chromium)
MIN_TEXT_PX = 14          # no text smaller than this, as a font size on that screen (CSS px)
NEAR_PX = 20              # a label sits by its mark: at most this far from the point it labels, on that screen
MIN_MARK_PX = 12          # no scatter mark narrower than this on that screen (learner review 17: 9 px dots vanished)

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

# Every call in the notebooks' code that draws a figure, by notebook, as the notebook writes it (one line of a
# code cell). A call added to a notebook and missing here fails tests/test_figures_legible.py, so every figure
# the notebooks draw is measured.
FIGURE_CALLS = {
    "00_start_here.ipynb": [
        "plots.words_per_section(essay)",
    ],
    "01_argument_structure.ipynb": [
        'plots.show_argument_map(argument, "thesis")',
        'plots.show_argument_map(argument, "thesis", points=False)   # the other claims under the thesis; points=True: its three points',
        'plots.show_argument_map(argument, "point 1")',
        'plots.show_argument_map(argument, "The history the essay has told", held_back="All of this")   # ¶33\'s "All of this": Exercise 3 asks what it covers',
        'plots.show_argument_map(argument, "After the 2017 election")',
        'plots.show_argument_map(argument, "Backdrop of the Caravans", fold=False, in_full_below="The U.S., under the personal")',
        'plots.show_argument_map(argument, "The U.S., under the personal leadership")',
        'plots.show_argument_map(argument, "All of this", fold=False)',
    ],
    "02_source_quotations.ipynb": [
        "plots.voices_along_the_essay(essay, quotes)",
    ],
    "03_timeline.ipynb": [
        "plots.timeline_long_view(timeline, leave_out=asked, writing=\"E38\")",
        "plots.show_timeline_zoom(timeline, leave_out=asked, writing=\"E38\")",
    ],
    "04_people_places_terms.ipynb": [
        "plots.mentions_by_section(essay, mentions)",
    ],
}
# the helpers that only show or describe a figure another call drew
NOT_DRAWING = re.compile(r"^(describe_\w*|show_described|use_style)$")
CALL = re.compile(r"\bplots\.(\w+)\(")


def drawing_calls(source: str) -> list[str]:
    """The lines of a code cell that call a drawing helper of ``helpers.plots``, stripped.

    >>> drawing_calls('ax = plots.words_per_section(essay)\\nplots.show_described(ax.figure, "x")')
    ['ax = plots.words_per_section(essay)']
    """
    return [line.strip() for line in source.splitlines()
            if any(not NOT_DRAWING.match(name) for name in CALL.findall(line.split("#")[0]))]


def calls_in_notebooks(notebooks=None) -> dict[str, list[str]]:
    """Every drawing call in each notebook's code cells, in order (``ax = `` and the like dropped)."""
    import nbformat
    found = {}
    for path in sorted(notebooks or NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        calls = [re.sub(r"^\w+\s*=\s*", "", line) for c in nb.cells if c.cell_type == "code"
                 for line in drawing_calls(c.source)]
        if calls:
            found[path.name] = calls
    return found


@dataclass
class TextSize:
    """One text the figure draws, as shown at 1280 px wide."""
    text: str
    px: float              # line height in px on the screen (one line inks this many rows)
    font_px: float         # font size (em) in px on the screen: what the 14 px rule holds
    cut: str = ""          # why it is cut, if it is


@dataclass
class Measure:
    """A figure as JupyterLab shows it on a 1280 × 720 screen."""
    name: str
    png: tuple[int, int]                   # the PNG the notebook embeds, in px
    scale: float                           # screen px per PNG px
    texts: list[TextSize] = field(default_factory=list)
    overlaps: list[tuple[str, str]] = field(default_factory=list)
    far: list[tuple[str, float]] = field(default_factory=list)      # labels away from their mark, px
    hidden: list[str] = field(default_factory=list)                 # marks inside a bar of their colour
    tiny: list[float] = field(default_factory=list)                 # widths of scatter marks under MIN_MARK_PX, px

    @property
    def shown(self) -> tuple[float, float]:
        return self.png[0] * self.scale, self.png[1] * self.scale

    @property
    def smallest(self) -> TextSize:
        return min(self.texts, key=lambda t: t.font_px)

    @property
    def small(self) -> list[TextSize]:
        return [t for t in self.texts if t.font_px < MIN_TEXT_PX - 1e-6]

    @property
    def cut(self) -> list[TextSize]:
        return [t for t in self.texts if t.cut]

    @property
    def fits(self) -> bool:
        return self.shown[1] <= SCREEN[1] + 0.5

    def problems(self) -> list[str]:
        out = []
        small = self.small
        if small:
            out.append(f"{len(small)} texts under {MIN_TEXT_PX} px, smallest {self.smallest.font_px:.1f} px: "
                       + "; ".join(sorted({repr(t.text[:40]) for t in small})[:6]))
        if not self.fits:
            out.append(f"{self.shown[1]:.0f} px tall on a {SCREEN[0]} × {SCREEN[1]} screen (at most {SCREEN[1]})")
        if self.cut:
            out.append("cut: " + "; ".join(f"{t.text[:40]!r} ({t.cut})" for t in self.cut[:6]))
        if self.overlaps:
            out.append(f"{len(self.overlaps)} pairs of texts overlap: "
                       + "; ".join(f"{a[:30]!r} and {b[:30]!r}" for a, b in self.overlaps[:4]))
        if self.far:
            out.append(f"{len(self.far)} labels away from their mark: "
                       + "; ".join(f"{t[:30]!r} {d:.0f} px" for t, d in self.far[:4]))
        if self.hidden:
            out.append(f"{len(self.hidden)} marks hidden (inside a bar of their colour, or under a box): " + "; ".join(self.hidden[:4]))
        if self.tiny:
            out.append(f"{len(self.tiny)} marks under {MIN_MARK_PX} px wide, smallest {min(self.tiny):.1f} px")
        return out


def _png_size(fig) -> tuple[int, int]:
    """The size of the PNG JupyterLab's inline backend embeds for ``fig`` (IPython's ``print_figure``)."""
    buffer = io.BytesIO()
    fig.canvas.print_figure(buffer, format="png", dpi=fig.dpi, bbox_inches="tight",
                            facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor())
    data = buffer.getvalue()
    return struct.unpack(">II", data[16:24])


def _drawn_texts(fig):
    """Every text artist that draws something when ``fig`` is drawn, with its extent and renderer."""
    from matplotlib.text import Text
    seen: dict[int, tuple] = {}
    original = Text.draw

    def recording(self, renderer):
        result = original(self, renderer)
        if self.get_visible() and self.get_text().strip() and id(self) not in seen:
            seen[id(self)] = (self, Text.get_window_extent(self, renderer), renderer)   # the text alone, no arrow
        return result

    Text.draw = recording
    try:
        fig.canvas.draw()
    finally:
        Text.draw = original
    return list(seen.values())


def measure(fig, name: str = "") -> Measure:
    """Measure one matplotlib figure as JupyterLab on a 1280 px wide screen shows it (see the module's docstring)."""
    png = _png_size(fig)
    scale = min(1.0, DISPLAY_WIDTH / png[0])
    result = Measure(name or fig.get_label() or "figure", png, scale)
    edge = fig.bbox
    texts = _drawn_texts(fig)          # one draw for the sizes, the overlaps and the boxes below
    for text, extent, renderer in texts:
        _, lp_height, _ = renderer.get_text_width_height_descent("lp", text.get_fontproperties(), ismath=False)
        cut = ""
        if (extent.x0 < edge.x0 - 1 or extent.y0 < edge.y0 - 1 or extent.x1 > edge.x1 + 1
                or extent.y1 > edge.y1 + 1):
            cut = "reaches past the figure's edge"
        elif text.get_text().rstrip().endswith("…") and not getattr(fig, "full_wording", False):
            cut = "shortened with …"
        result.texts.append(TextSize(text.get_text(), lp_height * scale,
                                     text.get_fontsize() * fig.dpi / 72 * scale, cut))
    drawn = [(t, e) for t, e, _ in texts]
    for k, (a, ea) in enumerate(drawn):
        for b, eb in drawn[k + 1:]:
            dx = min(ea.x1, eb.x1) - max(ea.x0, eb.x0)
            dy = min(ea.y1, eb.y1) - max(ea.y0, eb.y0)
            if dx > 2 / scale and dy > 2 / scale:
                result.overlaps.append((a.get_text(), b.get_text()))
    from matplotlib.text import Annotation
    for a, extent in drawn:
        if isinstance(a, Annotation):
            x, y = a.xy if a.xycoords == "data" else (None, None)
            if x is None:
                continue
            px, py = a.axes.transData.transform((x, y))
            gap = max(extent.x0 - px, px - extent.x1, 0), max(extent.y0 - py, py - extent.y1, 0)
            distance = (gap[0] ** 2 + gap[1] ** 2) ** 0.5 * scale
            if distance > NEAR_PX:
                result.far.append((a.get_text(), distance))
    result.hidden = _hidden_marks(fig) + _under_boxes(fig, scale, drawn=True)
    result.tiny = _tiny_marks(fig, scale)
    return result


def _tiny_marks(fig, scale: float) -> list[float]:
    """The width on screen (px) of every scatter mark narrower than MIN_MARK_PX: a scatter's size is its area in
    points squared, so its width is the square root, in points, at the figure's dpi, times the scale."""
    widths = [size ** 0.5 * fig.dpi / 72 * scale for ax in fig.axes for c in ax.collections
              if hasattr(c, "get_sizes") for size in c.get_sizes() if size > 0]
    return [w for w in widths if w < MIN_MARK_PX - 1e-6]


def _hidden_marks(fig) -> list[str]:
    """Bars and diamonds drawn wholly inside another bar of the same colour (so they cannot be seen)."""
    from matplotlib.colors import to_hex
    hidden = []
    for ax in fig.axes:
        bars = [p for c in ax.containers for p in getattr(c, "patches", [])]
        boxes = [(p.get_window_extent(), to_hex(p.get_facecolor(), keep_alpha=False), "a bar") for p in bars]
        for line in ax.lines:
            if line.get_marker() in ("D", "d", "o", "s") and len(line.get_xdata()) == 1:
                x, y = ax.transData.transform((line.get_xdata()[0], line.get_ydata()[0]))
                from matplotlib.transforms import Bbox
                r = line.get_markersize() * fig.dpi / 72 / 2
                boxes.append((Bbox([[x - r, y - r], [x + r, y + r]]), to_hex(line.get_color()), "a diamond"))
        for k, (inner, colour, kind) in enumerate(boxes):
            for j, (outer, other, _) in enumerate(boxes[:len(bars)]):
                if j != k and colour == other and outer.x0 <= inner.x0 and inner.x1 <= outer.x1 \
                        and outer.y0 - 1 <= inner.y0 and inner.y1 <= outer.y1 + 1 and outer.width > inner.width:
                    hidden.append(f"{kind} at x={ax.transData.inverted().transform((inner.x0, inner.y0))[0]:.1f}")
                    break
    return hidden


MIN_SHOWN_PX = 12   # a mark partly under a text's box shows at least this much of itself, on screen


def _under_boxes(fig, scale: float = 1.0, drawn: bool = False) -> list[str]:
    """Marks (bars, diamonds, a whisker's end bars) of which a text's box, drawn over them, covers some and leaves
    less than MIN_SHOWN_PX showing inside their axes, and texts a box covers (round 20: in 03's zoom, part 2, the boxes
    "→ Nov 2017" and "→ Jan 2018" hid four rows' marks whole). Extents are matplotlib's own, after a draw (``drawn``:
    the caller has just drawn the figure)."""
    from matplotlib.text import Text
    if not drawn:
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = []
    boxed = [t for ax in fig.axes for t in ax.texts if t.get_visible() and t.get_bbox_patch() is not None]
    boxed_at = [(t, t.get_bbox_patch().get_window_extent(renderer)) for t in boxed]     # each box measured once
    for ax in fig.axes:
        boxes = [(t, t.get_bbox_patch().get_window_extent(renderer)) for t in ax.texts
                 if t.get_visible() and t.get_bbox_patch() is not None]
        if not boxes:
            continue
        frame = ax.get_window_extent(renderer)
        marks = [(p.get_gid() or "a bar", p.get_window_extent(renderer))
                 for c in ax.containers for p in getattr(c, "patches", [])]
        marks += [(line.get_gid() or "a mark", line.get_window_extent(renderer)) for line in ax.lines
                  if line.get_transform() == ax.transData]
        for name, extent in marks:
            x0, x1 = max(extent.x0, frame.x0), min(extent.x1, frame.x1)
            if x1 <= x0:
                continue          # outside the axes: not drawn
            shown, over = [(x0, x1)], []
            for t, box in boxes:
                if min(box.y1, extent.y1) - max(box.y0, extent.y0) < extent.height / 2 \
                        or min(box.x1, x1) <= max(box.x0, x0):
                    continue      # a box beside the mark, not over it
                over.append(t.get_text())
                shown = [part for a, b in shown
                         for part in ((a, min(b, box.x0)), (max(a, box.x1), b)) if part[1] > part[0]]
            left = sum(b - a for a, b in shown)
            if over and left * scale < MIN_SHOWN_PX:      # a box covers it, and leaves too little
                found.append(f"{name} under the box of {' and '.join(over)!r}")
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip() or text in boxed:
            continue
        extent = Text.get_window_extent(text, renderer)
        for t, box in boxed_at:
            if min(box.x1, extent.x1) - max(box.x0, extent.x0) > 2 and min(box.y1, extent.y1) - max(box.y0, extent.y0) > 2:
                found.append(f"the label {text.get_text()[:30]!r} under the box of {t.get_text()!r}")
    return found


class _Captured:
    """Stands in for IPython's display while the notebooks' cells run: keeps each figure instead of showing it."""

    def __init__(self):
        self.figures = []

    def display(self, *objs, **kwargs):
        from matplotlib.figure import Figure
        self.figures += [o for o in objs if isinstance(o, Figure)]


def notebook_figures(path: Path) -> list:
    """Run a notebook's code cells in order, here, and return every figure it shows, in order.

    A figure shown with ``plots.show_described`` (or ``show_argument_map``, ``show_timeline_zoom``) is kept as shown; a figure left open
    at the end of a cell is kept too (the inline backend would show it). Printed output is swallowed.
    """
    import os
    import IPython.display
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import nbformat
    nb = nbformat.read(path, as_version=4)
    captured = _Captured()
    namespace = {"__name__": "__main__"}
    last = max((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and drawing_calls(c.source)), default=-1)
    original_display, original_close = IPython.display.display, plt.close
    IPython.display.display = captured.display
    plt.close = lambda fig=None: None      # show_described closes what it showed; keep it to measure
    cwd = os.getcwd()
    os.chdir(path.parent)
    try:
        for i, cell in enumerate(nb.cells[:last + 1]):
            if cell.cell_type != "code":
                continue
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(cell.source, f"{path.name} cell {i}", "exec"), namespace)
            # what is still open at the end of a cell, the inline backend shows
            for fig in map(plt.figure, plt.get_fignums()):
                if all(fig is not f for f in captured.figures):
                    captured.figures.append(fig)
            original_close("all")
    finally:
        IPython.display.display = original_display
        plt.close = original_close
        os.chdir(cwd)
    return captured.figures


def measure_notebooks(notebooks=None) -> dict[str, list[Measure]]:
    """Every figure the notebooks draw, measured, by notebook."""
    import matplotlib.pyplot as plt
    out = {}
    for name in calls_in_notebooks(notebooks):
        figures = notebook_figures(NOTEBOOKS / name)
        out[name] = [measure(fig, f"{name[:2]} figure {k}") for k, fig in enumerate(figures, start=1)]
        for fig in figures:
            plt.close(fig)
    return out


def report(measures: dict[str, list[Measure]]) -> str:
    """A table: per figure, its PNG size, the size JupyterLab shows at 1280 px wide and its smallest text."""
    lines = ["| figure | PNG (px) | shown in JupyterLab at 1280 wide (px) | smallest line height (px) | smallest font (px) "
             "| texts under 14 px | fits 1280×720 | cut texts | overlapping pairs | labels away from mark | hidden marks |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for figures in measures.values():
        for m in figures:
            w, h = m.shown
            lines.append(f"| {m.name} | {m.png[0]}×{m.png[1]} | {w:.0f}×{h:.0f} | {min(t.px for t in m.texts):.1f} "
                         f"| {min(t.font_px for t in m.texts):.1f} | {len(m.small)} | {'yes' if m.fits else 'no'} "
                         f"| {len(m.cut)} | {len(m.overlaps)} | {len(m.far)} | {len(m.hidden)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(measure_notebooks()))
