"""Small text utilities shared by the loader and the annotation checks.

``fold`` maps each character to one character, so an offset in the folded text is the same offset
in the original: that is what lets a search match ``coup d'etat`` against ``coup d’etat`` and still
point at the exact span of essay.txt.
"""
from __future__ import annotations

import html
import textwrap

import re
import unicodedata
from functools import lru_cache

# Typographic characters and their plain-keyboard equivalents (one character for one character).
_PLAIN = {
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'",   # ‘ ’ ʼ ′
    "\u201c": '"', "\u201d": '"', "\u2033": '"',                  # “ ” ″
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",   # – — ― −
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",                  # no-break and thin spaces
    "\n": " ", "\t": " ", "\r": " ",                              # a line break inside a paragraph
}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character, plain: typographic quotes and dashes made plain, accents dropped, lower case.

    Parameters:
        ch: one character.
    Returns:
        one character.
    Example:
        >>> fold_char("’"), fold_char("É")
        ("'", 'e')
    """
    ch = _PLAIN.get(ch, ch)
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


@lru_cache(maxsize=8192)   # names and aliases are folded again and again (terms._whole, pairs of names): keep them all
def fold_keep_case(text: str) -> str:
    """Like ``fold`` but keeping capitals and dashes, for matching names: ``JOH`` is not found inside ``joh``,
    and an em dash before a name (—Ella Baker) is not mistaken for a hyphen inside a word. Same length.

    Parameters:
        text: any text.
    Returns:
        the folded text, as long as ``text``.
    Example:
        >>> fold_keep_case("JOH’s")
        "JOH's"
    """
    out = []
    for ch in text:
        if ch in "–—―−":
            out.append(ch)
            continue
        f = fold_char(ch)
        up = f.upper()
        out.append(up if ch.isupper() and len(up) == 1 else f)
    return "".join(out)


def fold(text: str) -> str:
    """The text with every character folded by ``fold_char``: plain quotes and dashes, no accents, lower case.

    Parameters:
        text: any text.
    Returns:
        the folded text, as long as ``text`` (so an offset in one is the same offset in the other).
    Example:
        >>> fold("Coup d’État")
        "coup d'etat"
    """
    return text.translate(_FOLDED)


class _FoldTable(dict):
    """``str.translate``'s table for ``fold``: each character's fold, worked out once, the first time it is met."""

    def __missing__(self, code: int) -> str:
        self[code] = fold_char(chr(code))
        return self[code]


_FOLDED = _FoldTable()


# A word: letters or digits, possibly joined by an apostrophe, hyphen or full stop (U.S., re-focus, 60’s).
WORD_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*\.?")


def count_words(text: str) -> int:
    """How many words ``text`` has, counting ``U.S.``, ``re-focus`` and ``class’s`` as one word each.

    Parameters:
        text: any text.
    Returns:
        the number of words.
    Example:
        >>> count_words("The U.S. re-focus")
        3
    """
    return len(WORD_RE.findall(text))


# A sentence ends at . ! ? or … followed by optional closing quotes/brackets, then white space and a
# capital, a digit or an opening quote. Initialisms such as U.S. or D.C. do not end a sentence unless the
# full stop is doubled ("in the U.S.. A review").
_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘(\[]?[A-Z0-9ÁÉÍÓÚÑ])")
_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|No|vs)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in ``text``, white space trimmed.

    Parameters:
        text: a paragraph or more of text.
    Returns:
        a list of (start, end) pairs, one per sentence; ``text[start:end]`` is the sentence.
    Example:
        >>> sentence_spans("We are losing. But we can win.")
        [(0, 14), (15, 30)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        before = text[start:end]
        if _INITIALISM.search(before) and not before.endswith(".."):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def nearest_names(query: str, names, n: int = 3) -> list[str]:
    """The names closest to a name that was not found (a typo, another spelling), nearest first, for "did you mean".

    Capitals and accents do not matter; a name is also matched by any one of its words ("Fuentez" finds "Bartolo
    Fuentes").

    Parameters:
        query: what was typed; names: the names that can be found.
        n: at most this many names.
    Returns:
        a list of names as given in ``names`` (empty when none is close).
    Example:
        >>> nearest_names("Fuentez", ["Bartolo Fuentes", "Karl Marx", "Hillary Clinton"])
        ['Bartolo Fuentes']
    """
    import difflib
    def sound(text: str) -> str:          # "Marks" and "Marx" sound alike
        return fold(str(text)).strip().replace("x", "ks")
    key = sound(query)
    keys: dict[str, str] = {}
    for name in names:
        for k in [sound(name), *(w for w in sound(name).split() if len(w) >= 4)]:   # no guess from "on", "and"
            keys.setdefault(k, str(name))
    out: list[str] = []
    for k in difflib.get_close_matches(key, list(keys), n=n * 3, cutoff=0.75):
        if keys[k] not in out:
            out.append(keys[k])
    return out[:n]


def did_you_mean(query: str, names, n: int = 3) -> str:
    """" Did you mean …?" naming the nearest names (``nearest_names``), or "" when none is close.

    Parameters:
        query: what was typed; names: the names that can be found; n: at most this many suggested.
    Returns:
        the sentence, with a leading space, ready to add to a "not found" message; "" when no name is close.
    Example:
        >>> did_you_mean("Marks", ["Karl Marx", "Hillary Clinton"])
        ' Did you mean “Karl Marx”?'
    """
    near = nearest_names(query, names, n)
    if not near:
        return ""
    quoted = [f"“{name}”" for name in near]
    said = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f" Did you mean {said}?"


def paragraph_numbers(text: str) -> list[int]:
    """The paragraph numbers a field names, ranges spelled out.

    Parameters:
        text: ¶ numbers and ranges separated by commas, e.g. "¶10–¶13, ¶51" (empty: none).
    Returns:
        a list of whole numbers; a part that is not a ¶ number or range raises ValueError naming it.
    Example:
        >>> paragraph_numbers("¶10–¶13, ¶51")
        [10, 11, 12, 13, 51]
    """
    out: list[int] = []
    for part in filter(None, (p.strip() for p in str(text or "").split(","))):
        m = re.fullmatch(r"¶(\d+)(?:\s*[–-]\s*¶?(\d+))?", part)
        if not m:
            raise ValueError(part)
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        out += list(range(a, b + 1))
    return out


def paragraph_list(numbers) -> str:
    """Paragraph numbers written as a reader reads them, runs as ranges: the inverse of ``paragraph_numbers``.

    Parameters:
        numbers: whole numbers, in any order (repeats are dropped).
    Returns:
        text such as "¶50, ¶55, ¶58–¶61" (empty for none).
    Example:
        >>> paragraph_list([61, 50, 58, 59, 60, 55])
        '¶50, ¶55, ¶58–¶61'
    """
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"¶{r[0]}" if len(r) == 1 else f"¶{r[0]}–¶{r[-1]}" for r in runs)


# --- text to read, typeset in a notebook (helpers.display re-exports these) ---

class Passage:
    """Text to read (paragraphs of the essay, a note, a figure's description): typeset in JupyterLab as HTML
    paragraphs that wrap between words at any window width, and as plain text wrapped at spaces (``width``
    characters) for print, nbval and plain viewers. A printed line, by contrast, is broken wherever the window
    ends, even mid-word.

    ``text`` is given unwrapped: paragraphs separated by a blank line, and a line break kept where the text has
    one (a paragraph's heading line, a list item).

    >>> p = Passage("¶3 · Introduction · body\\nWe are losing.")
    >>> print(repr(p))
    ¶3 · Introduction · body
    We are losing.
    >>> p._repr_html_()
    '<div class="reader-passage"><p style="white-space:normal">¶3 · Introduction · body<br>We are losing.</p></div>'
    """

    def __init__(self, text: str, width: int | None = 100):
        self.text, self.width = text, width

    def __repr__(self) -> str:
        if not self.width:
            return self.text
        return "\n".join(textwrap.fill(line, self.width, break_on_hyphens=False) if line else ""
                         for line in self.text.split("\n"))

    __str__ = __repr__

    def _repr_html_(self) -> str:
        paragraphs = [p for p in self.text.split("\n\n") if p.strip()]
        body = "".join('<p style="white-space:normal">' + "<br>".join(html.escape(line) for line in p.split("\n"))
                       + "</p>" for p in paragraphs)
        return f'<div class="reader-passage">{body}</div>'


def say(text, width: int | None = 100) -> None:
    """Show text to read: as a ``Passage`` in a notebook (typeset, wrapping between words), printed elsewhere.

    Parameters: ``text`` the text, unwrapped (or a ``Passage``); ``width`` the plain text's line length.
    Returns: nothing; it shows the text.

    Example:
    >>> say("We are losing.")
    We are losing.
    """
    passage = text if isinstance(text, Passage) else Passage(text, width)
    from .errors import ipython_shell
    shell = ipython_shell()
    if shell is not None and getattr(shell, "kernel", None) is not None:
        from IPython.display import display
        display(passage)
    else:
        print(repr(passage))
