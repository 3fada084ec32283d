"""Notebook display: tables a reader can take in, and the package's figure style.

``table(df)`` shows a pandas table the way a reader expects: no index column, no ``dtype`` line, a
dash where a value is missing (never ``NaN`` or ``<NA>``), long text wrapped rather than cut, and at most
a screenful of rows with a line saying how to see them all.
"""
from __future__ import annotations

import html
import textwrap

import pandas as pd

from .text import Passage, say  # noqa: F401  (text to read, typeset: defined beside the text helpers)


MISSING = "—"       # shown where a table has no value
SCREENFUL = 15      # rows shown by default
WRAP = 70           # characters per line of a long text cell in the plain-text view


_STYLE_WANTED: list[bool] = []


def setup_display() -> None:
    """Show table cells in full (spans are the point) and use the projector-friendly figure style.

    matplotlib is loaded only when a figure is drawn (``helpers.plots``, which applies the style itself), so a
    notebook without figures starts faster; if ``helpers.plots`` is already loaded, its style is set now.

    Returns:
        nothing; it changes pandas' (and, once loaded, matplotlib's) settings for this notebook.
    Example:
        >>> setup_display()
    """
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 120)
    pd.set_option("display.width", 120)
    _readable_frames()
    import sys
    plots = sys.modules.get("helpers.plots")
    if plots is not None:
        plots.use_style()
    else:
        _STYLE_WANTED.append(True)   # helpers.plots applies it when it is first imported


# columns that say where a row sits in essay.txt (character offsets): for the package, never for a reader
WHERE_IN_THE_FILE = ("offset", "start", "end")


def readable(frame: pd.DataFrame) -> "Table":
    """A table a learner typed without ``helpers.table`` (``essay.search("coup")`` alone), shown as ``table`` shows
    it: no index, no character offsets, a dash for a missing value, long text wrapped.

    Parameters: ``frame`` a pandas DataFrame.
    Returns: a ``Table`` of its columns, less those that give a place in essay.txt (offset, start, end).

    Example:
    >>> print(repr(readable(pd.DataFrame({"paragraph": ["¶3"], "match": ["coup"], "offset": [746]}))))
    paragraph  match
    ---------  -----
    ¶3         coup
    """
    keep = [c for c in frame.columns if str(c) not in WHERE_IN_THE_FILE] or list(frame.columns)
    return table(frame, columns=keep)


def _readable_frames() -> None:
    """In a notebook, show every bare pandas table through ``readable`` (a learner's own cell included)."""
    from .errors import ipython_shell
    shell = ipython_shell()
    if shell is None:
        return
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(pd.DataFrame, lambda frame: readable(frame)._repr_html_())
    formatters["text/plain"].for_type(pd.DataFrame, lambda frame, p, cycle: p.text(repr(readable(frame))))


def _cell(value) -> str:
    """One value as text: a dash for a missing value, whole numbers without ``.0``, lists joined."""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value) if value else MISSING
    if value is None:
        return MISSING
    try:
        if pd.isna(value):
            return MISSING
    except (TypeError, ValueError):
        pass
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    text = str(value).strip()
    return text if text else MISSING


# Columns whose text is in another language than English, and that language (an HTML lang code): a screen reader
# then reads "Policía Militar del Orden Público" with Spanish rules.
LANGUAGE_OF_COLUMN = {"spanish": "es"}


#: the header of a table's id column, which ``Table`` puts last: the words of the row come first
ID_HEADER = "ref."


class Table:
    """A table for reading: rendered as HTML in JupyterLab, as aligned plain text elsewhere.

    Parameters: ``data`` a DataFrame or Series; ``rows`` how many rows to show (``"all"`` or ``None``: all);
    ``columns`` a list of columns to keep, in order (a column ``id`` goes last, headed "ref.": an id is a
    small reference beside what the row says); ``rename`` new names for columns. A column named in
    ``LANGUAGE_OF_COLUMN`` (``spanish``) keeps its language in the HTML (``lang="es"``), under any new name.

    >>> Table(pd.DataFrame({"n": [1, 2, 3]}), rows=2).shown.n.tolist()
    [1, 2]
    """

    def __init__(self, data, rows: int | str | None = SCREENFUL, columns=None, rename=None):
        if isinstance(data, pd.Series):
            name = data.name if data.name is not None else "value"
            data = data.rename(name).reset_index() if not isinstance(data.index, pd.RangeIndex) else data.to_frame()
        frame = data.copy()
        if columns is not None:
            frame = frame[list(columns)]
        if "id" in frame.columns and len(frame.columns) > 1:
            # an id is a small reference beside what the row says, never its head (issue 19, item 1)
            frame = frame[[c for c in frame.columns if c != "id"] + ["id"]]
            rename = {"id": ID_HEADER, **(rename or {})}
        self.languages = {(rename or {}).get(c, c): LANGUAGE_OF_COLUMN[c] for c in frame.columns
                          if c in LANGUAGE_OF_COLUMN}
        if rename:
            frame = frame.rename(columns=rename)
        self.frame = frame
        self.rows = None if rows == "all" else rows

    @property
    def shown(self) -> pd.DataFrame:
        """The rows shown.

        Returns:
            the first ``rows`` rows of the table (all of them when ``rows`` is ``"all"``).
        Example:
            >>> len(Table(pd.DataFrame({"n": range(40)})).shown)
            15
        """
        return self.frame if self.rows is None else self.frame.head(self.rows)

    def _note(self) -> str:
        total = len(self.frame)
        if self.rows is None or total <= self.rows:
            return ""
        return (f"Showing {self.rows} of {total} rows. In JupyterLab, click “Show the other {total - self.rows} "
                f"rows” under the table; printed editions show them all.")

    def _text_rows(self, frame: pd.DataFrame | None = None) -> list[list[str]]:
        frame = self.shown if frame is None else frame
        return [[_cell(v) for v in row] for row in frame.itertuples(index=False)]

    def __repr__(self) -> str:
        if self.frame.empty:    # nothing found: the helper has said so in a sentence; no bare header row under it
            return ""
        headers = [str(c) for c in self.frame.columns]
        body = self._text_rows()
        wrapped = [[textwrap.wrap(c, WRAP) or [""] for c in row] for row in body]
        widths = [max([len(h)] + [max(len(line) for line in row[i]) for row in wrapped])
                  for i, h in enumerate(headers)]
        def line(cells):
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
        out = [line(headers), line("-" * w for w in widths)]
        for row in wrapped:
            height = max(len(c) for c in row)
            for k in range(height):
                out.append(line(c[k] if k < len(c) else "" for c in row))
        note = self._note()
        return "\n".join(out + ([note] if note else []))

    def _html_table(self, frame: pd.DataFrame) -> str:
        head = "".join(f"<th style=\"text-align:left\">{html.escape(str(c))}</th>" for c in self.frame.columns)
        langs = [f' lang="{self.languages[c]}"' if c in self.languages else "" for c in self.frame.columns]
        body = "".join("<tr>" + "".join(f"<td{lang} style=\"text-align:left; white-space:normal\">{html.escape(c)}</td>"
                                         for c, lang in zip(row, langs)) + "</tr>" for row in self._text_rows(frame))
        return f"<table class=\"reader-table\"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def _repr_html_(self) -> str:
        """The first rows, then the rest folded under a "Show the other N rows" line: one click, no code. A table
        with no rows shows nothing (the learner review, round 13: a misspelt lookup printed its "Did you mean …?"
        and then an empty table with only its header row, which looked like a broken result)."""
        if self.frame.empty:
            return ""
        first = self._html_table(self.shown)
        if self.rows is None or len(self.frame) <= self.rows:
            return first
        rest = self.frame.iloc[self.rows:]
        return (first + f"<details class=\"more-rows\"><summary>Show the other {len(rest)} rows</summary>\n"
                + self._html_table(rest) + "\n</details>")


def table(data, rows: int | str | None = SCREENFUL, columns=None, rename=None) -> Table:
    """Show a table for reading: no index, no dtype line, a dash for a missing value, long text wrapped.

    Parameters: ``data`` a pandas DataFrame or Series; ``rows`` how many rows to show (default a
    screenful, ``"all"`` for all); ``columns`` the columns to keep, in order; ``rename`` a mapping of new
    column names.

    Returns: a ``Table``, which a notebook displays when it is the last line of a cell.

    >>> import pandas as pd
    >>> print(repr(table(pd.DataFrame({"kind": ["prose", None], "words": [120, 8]}))))
    kind   words
    -----  -----
    prose  120
    —      8
    """
    return Table(data, rows=rows, columns=columns, rename=rename)


class Folded:
    """A solution's result kept folded under a one-line summary, even after its cell is run again.

    JupyterLab shows a cell's hidden output again whenever the cell runs (Shift + Enter, Run All), so the
    output itself is an HTML ``<details>`` block: it stays closed until the reader clicks its summary. The
    plain-text form (for nbval, the lesson word count and plain viewers) is the content as it is.

    >>> Folded("text", "open me")._repr_html_().splitlines()[0]
    '<details><summary>open me</summary>'
    """

    def __init__(self, content, summary: str = "Result of the worked solution: click to open", css_class: str = ""):
        self.content, self.summary, self.css_class = content, summary, css_class

    def __repr__(self) -> str:
        return self.content if isinstance(self.content, str) else repr(self.content)

    def _repr_html_(self) -> str:
        import html
        inner = getattr(self.content, "_repr_html_", None)
        body = inner() if inner else f"<pre>{html.escape(repr(self))}</pre>"
        opening = f'<details class="{html.escape(self.css_class)}">' if self.css_class else "<details>"
        return f"{opening}<summary>{html.escape(self.summary)}</summary>\n{body}\n</details>"


def folded(content, summary: str = "Result of the worked solution: click to open", css_class: str = "") -> Folded:
    """Show ``content`` (a table from helpers.table, or text) folded until the reader opens it.

    Parameters: ``content`` a table (from ``table``) or text; ``summary`` the line shown while it is folded;
    ``css_class`` optional, the ``<details>`` block's class ("more-rows": the print editions open it on paper).
    Returns: a ``Folded`` object, which a notebook displays when it is the last line of a cell.

    >>> print(repr(folded("¶3 We are losing.")))
    ¶3 We are losing.
    >>> folded("x")._repr_html_().startswith("<details><summary>")
    True
    """
    return Folded(content, summary, css_class)
