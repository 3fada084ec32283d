"""Notebook display: tables a reader can take in, and the package's figure style.

``table(df)`` shows a pandas table the way a reader expects: no index column, no ``dtype`` line, a
dash where a value is missing (never ``NaN`` or ``<NA>``), long text wrapped rather than cut, and at most
a screenful of rows with a line saying how to see them all.
"""
from __future__ import annotations

import html
import re
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


# A title quoted in an English cell (a reference's “…”) that is written in Spanish: it holds ¡, ¿ or ñ, or at least
# two of Spanish's short words and none of English's. The glossary's references cite Spanish-language newspapers by
# their own titles; marked, a screen reader reads them with Spanish rules (tests/test_a11y.py).
_QUOTED = re.compile(r"“[^”]+”")
_SPANISH_WORDS = {"de", "del", "el", "la", "los", "las", "y", "en", "su", "sus", "a", "que", "con", "por", "para", "un", "una"}
_ENGLISH_WORDS = {"the", "of", "and", "in", "to", "for", "on", "with", "by", "a's"}


def spanish_title(title: str) -> bool:
    """Whether a quoted title reads as Spanish (see ``_SPANISH_WORDS``).

    Parameters:
        title: the words of the title.
    Returns:
        True for a Spanish title.
    Example:
        >>> spanish_title("Embajador de Estados Unidos James Nealon y su esposa dicen adiós a Honduras")
        True
        >>> spanish_title("Chargé d'affaires"), spanish_title("The End of History?")
        (False, False)
    """
    if any(c in title for c in "¡¿ñÑ"):
        return True
    words = re.findall(r"[a-záéíóúü']+", title.lower())
    return sum(w in _SPANISH_WORDS for w in words) >= 2 and not any(w in _ENGLISH_WORDS for w in words)


# The Spanish-language publishers the references name, marked Spanish wherever they stand in an English cell.
SPANISH_PUBLISHERS = ("Centroamérica 360", "Confidencial HN", "El Heraldo", "El Libertador", "La Prensa", "Tu Nota",
                      "ABC Color")
_PUBLISHER = re.compile("|".join(re.escape(n) for n in SPANISH_PUBLISHERS))


def _names_marked(text: str) -> str:
    """``text`` escaped, with each Spanish-language publisher's name marked ``lang="es"``."""
    out, last = [], 0
    for m in _PUBLISHER.finditer(text):
        out += [html.escape(text[last:m.start()]), f'<span lang="es">{html.escape(m.group())}</span>']
        last = m.end()
    return "".join(out) + html.escape(text[last:])


def marked(text: str) -> str:
    """``text`` as HTML, with each quoted title that reads as Spanish marked ``lang="es"``.

    Parameters:
        text: a cell's text.
    Returns:
        the escaped HTML.
    Example:
        >>> marked('La Prensa, “Embajadora de EEUU anuncia que se retira de Honduras”')
        '<span lang="es">La Prensa</span>, <span lang="es">“Embajadora de EEUU anuncia que se retira de Honduras”</span>'
    """
    out, last = [], 0
    for m in _QUOTED.finditer(text):
        out.append(_names_marked(text[last:m.start()]))
        quoted = html.escape(m.group())
        out.append(f'<span lang="es">{quoted}</span>' if spanish_title(m.group()[1:-1]) else quoted)
        last = m.end()
    out.append(_names_marked(text[last:]))
    return "".join(out)


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
        body = "".join("<tr>" + "".join(f"<td{lang} style=\"text-align:left; white-space:normal\">{html.escape(c) if lang else marked(c)}</td>"
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


#: a text of this many words or more, the same in a block as in the block above, is pointed to, not printed again
SAME_AS_ABOVE = 8


class Blocks(Table):
    """A table whose rows are long texts, shown as blocks, one per row: the row's label in bold, then each other
    column on a line of its own, its name first ("definition: …"). A wide table of long cells reads as tall, narrow
    columns in a narrow window or on a projector; a block reads as a paragraph at any width (issue 19, item 3).

    The HTML is still a reader's table (one cell a row, under one header naming the fields in order), so the first
    rows show and the rest fold under "Show the other N rows" as in ``Table``; an id column is not a line of its
    own but a small reference after the label, "(ref. E09)". The plain-text form (print, nbval) gives the same
    blocks: the label, then the indented lines, a blank line between blocks.

    >>> print(repr(Blocks(pd.DataFrame({"term": ["BDS"], "kind": ["movement"]}), label="term")))
    BDS
      kind: movement
    """

    def __init__(self, data, label: str, rows: int | str | None = SCREENFUL, columns=None, rename=None):
        super().__init__(data, rows=rows, columns=columns, rename=rename)
        self.label = (rename or {}).get(label, label)
        if self.label not in self.frame.columns:
            from .errors import UsageError
            raise UsageError(f"the label {label!r} is not one of the table's columns "
                             f"({', '.join(map(str, self.frame.columns))}): name one of those as the label")
        self.fields = [c for c in self.frame.columns if c not in (self.label, ID_HEADER)]

    def _blocks(self, frame: pd.DataFrame) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """(label, reference, [(field, text), …]) for each row of ``frame``: a field with no value is left out (a
        block needs no dash to keep columns in line), and a long text the block above gives word for word is not
        printed again but pointed to ("as for …, above")."""
        out, before = [], {}
        for _, row in frame.iterrows():
            ref = _cell(row[ID_HEADER]) if ID_HEADER in frame.columns else ""
            label, fields = _cell(row[self.label]), []
            for c in self.fields:
                text = _cell(row[c])
                if text == MISSING:
                    continue
                same = before.get(c)
                fields.append((str(c), f"as for {same[0]}, above" if same and same[1] == text
                               and len(text.split()) >= SAME_AS_ABOVE else text))
                before[c] = (label, text)
            before = {c: v for c, v in before.items() if v[0] == label}     # only the block just above
            out.append((label, "" if ref == MISSING else ref, fields))
        return out

    def __repr__(self) -> str:
        if self.frame.empty:
            return ""
        out = []
        for label, ref, fields in self._blocks(self.shown):
            if out:
                out.append("")
            out.append(label + (f" (ref. {ref})" if ref else ""))
            out += [textwrap.fill(text, WRAP, initial_indent=f"  {field}: ", subsequent_indent="    ")
                    for field, text in fields]
        note = self._note()
        return "\n".join(out + (["", note] if note else []))

    def _html_table(self, frame: pd.DataFrame) -> str:
        head = html.escape(" · ".join([str(self.label)] + self.fields))
        rows = []
        for label, ref, fields in self._blocks(frame):
            lines = [f'<div class="block-label"><strong>{html.escape(label)}</strong>'
                     + (f" (ref. {html.escape(ref)})" if ref else "") + "</div>"]
            for field, text in fields:
                lang = f' lang="{self.languages[field]}"' if field in self.languages else ""
                lines.append(f'<div class="block-field"><em>{html.escape(field)}</em>: '
                             f"<span{lang}>{html.escape(text) if lang else marked(text)}</span></div>")
            rows.append(f'<tr><td style="text-align:left; white-space:normal">{"".join(lines)}</td></tr>')
        return (f'<table class="reader-table reader-blocks"><thead><tr><th style="text-align:left">{head}</th></tr>'
                f'</thead><tbody>{"".join(rows)}</tbody></table>')


def blocks(data, label: str, rows: int | str | None = SCREENFUL, columns=None, rename=None) -> Blocks:
    """Show a table of long texts as blocks, one per row: its label in bold, then each column on a line of its own.

    Use it in place of ``table`` where a row's cells are paragraphs (a glossary's definitions, how a date is
    reached): a wide table of such cells becomes tall, narrow columns in a narrow window or on a projector.

    Parameters:
        data: a pandas DataFrame.
        label: the column that heads each block (its name before ``rename``), such as ``"term"``.
        rows: how many blocks to show before the rest fold (default a screenful; ``"all"`` for all).
        columns: the columns to keep, in order; ``rename``: new names for them, as in ``table``.

    Returns:
        a ``Blocks``, which a notebook displays when it is the last line of a cell (HTML in JupyterLab, the same
        blocks as plain text elsewhere).

    Example:
        >>> frame = pd.DataFrame({"term": ["BDS"], "in_the_essay": ["a movement the authors learn from"]})
        >>> print(repr(blocks(frame, "term", rename={"in_the_essay": "in the essay"})))
        BDS
          in the essay: a movement the authors learn from
    """
    return Blocks(data, label, rows=rows, columns=columns, rename=rename)


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
