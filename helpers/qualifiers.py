"""Qualifiers kept by test: a paraphrase keeps the hedges and intensifiers of the span it paraphrases.

The list is data (seeds/<reading>/qualifiers.yml): each qualifier the essay uses, with the words a paraphrase
may use instead. ``check_kept`` finds the listed qualifiers in a span (whole words, longest phrase first) and
fails, naming the file, the row and the fix, when the paraphrase keeps neither the word nor an equivalent and
the row's ``qualifier_note`` gives no reason. A note is checked too: it must name a listed qualifier that the
span holds and the paraphrase leaves out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .anchoring import read_yaml
from .rules import said
from .errors import AnnotationError
from .schema import expect
from .text import fold

FILE = "qualifiers.yml"
NOTE = "qualifier_note"
_NUMBER = r"\d[\d,.]*%?"
PLACEHOLDER = "<number>"   # in a listed phrase, stands for any number ("over <number>")


def _words(phrase: str) -> str:
    """A regex for a folded phrase's words, any white space between them; ``<number>`` stands for a number."""
    return r"\s+".join(_NUMBER if w == PLACEHOLDER else re.escape(w) for w in fold(phrase).split())


def _pattern(phrase: str) -> str:
    """A whole-word regex for a folded phrase; ``<number>`` stands for a number."""
    return r"(?<![\w'])" + _words(phrase) + r"(?![\w'])"


def _plain(text: str) -> str:
    return " ".join(fold(text).split())


class Qualifiers(dict):
    """{qualifier: (accepted words …)}, with ``ignore``: phrases that hold a listed word but do not qualify.

    Example:
        >>> import helpers
        >>> "just as" in load_qualifiers(helpers.load_essay().folder).ignore
        True
    """
    ignore: tuple[str, ...] = ()


def load_qualifiers(folder: Path) -> Qualifiers | None:
    """The qualifier list of a reading: {qualifier: (accepted words …)}, or None when the reading has none.

    Parameters: ``folder`` the reading's folder (``essay.folder``).
    Returns: a dict from each qualifier to the words a paraphrase may keep instead (the qualifier first);
    raises AnnotationError naming the file, the entry and the fix when the list is malformed.

    Example:
    >>> import helpers
    >>> load_qualifiers(helpers.load_essay().folder)["vast majority"][:2]
    ('vast majority', 'nearly all')
    """
    path = Path(folder) / FILE
    if not path.is_file():
        return None
    data = read_yaml(path)
    listed = data.get("qualifiers")
    if not isinstance(listed, dict) or not listed:
        raise said(folder, FILE, "no mapping")
    out, seen = Qualifiers(), {}
    ignore = data.get("not_qualifiers") or []
    if not isinstance(ignore, list) or not all(isinstance(w, str) and w.strip() for w in ignore):
        raise said(folder, FILE, "not a list")
    for name, equivalents in listed.items():
        row = repr(name)
        expect(name, str, path, row, "qualifier")
        equivalents = expect([] if equivalents is None else equivalents, list, path, row,
                             f"the equivalents of {name!r}")
        words = [name, *(expect(w, str, path, row, f"each equivalent of {name!r}").strip() for w in equivalents)]
        key = _plain(name)
        if key in seen:
            raise said(folder, FILE, "twice", row, name=name, seen=seen[key])
        seen[key] = name
        out[name.strip()] = tuple(dict.fromkeys(words))
    out.ignore = tuple(w.strip() for w in ignore)
    return out


@lru_cache(maxsize=8)
def _finder(names: tuple[str, ...]) -> tuple[re.Pattern, list[str]]:
    """One regex for every phrase, longest first: the same matches as the phrases' own ``_pattern`` tried in turn
    at each place, with the word boundaries checked once (not once per phrase) and only where a phrase can start
    (its first letter, or a digit for ``<number>``): eight times faster on the essay's spans, and every loader of
    a paraphrased file calls it once a row."""
    ordered = sorted(names, key=lambda n: (-len(_plain(n).replace(PLACEHOLDER, "0")), n))
    first = [fold(n).split()[:1] for n in ordered]
    firsts = {r"\d" if w == [PLACEHOLDER] else re.escape(w[0][0]) for w in first if w}
    starts = f"(?=[{''.join(sorted(firsts))}])" if firsts and all(first) else ""
    branches = "|".join(f"(?P<q{i}>{_words(n)})" for i, n in enumerate(ordered))
    return re.compile(rf"(?<![\w']){starts}(?:{branches})(?![\w'])"), ordered


def found_in(text: str, qualifiers: dict[str, tuple[str, ...]]) -> list[str]:
    """The listed qualifiers a text holds, each once, in order (the longest listed phrase wins where two overlap;
    a phrase listed under ``not_qualifiers`` hides the words inside it).

    Parameters: ``text`` a span of the essay; ``qualifiers`` the list from ``load_qualifiers``.
    Returns: the qualifiers, as named in the list.

    Example:
    >>> found_in("with the vast majority fleeing", {"vast majority": ("vast majority",), "majority": ("majority",)})
    ['vast majority']
    """
    ignore = tuple(getattr(qualifiers, "ignore", ()))
    regex, ordered = _finder(tuple(qualifiers) + ignore)
    hits = []
    for m in regex.finditer(_plain(text)):
        name = ordered[int(m.lastgroup[1:])]
        if name not in qualifiers:          # a phrase listed under not_qualifiers ("just as")
            continue
        if name not in hits:
            hits.append(name)
    return hits


def kept(paraphrase: str, words: tuple[str, ...]) -> bool:
    """Whether the paraphrase holds any of ``words`` as whole words (quotes, dashes, accents, case ignored).

    Parameters: ``paraphrase`` our text; ``words`` a qualifier and its equivalents (``<number>`` for a number).
    Returns: True when one of them is there.

    Example:
    >>> kept("nearly all of them fled Honduras", ("vast majority", "nearly all"))
    True
    """
    text = _plain(paraphrase)
    return any(re.search(_pattern(w), text) for w in words)


def read_note(note, file, row, key: str = NOTE) -> dict[str, str]:
    """A ``qualifier_note`` as {qualifier: reason}; an error names the row when it is not such a mapping.

    Parameters: ``note`` the row's qualifier_note (or None); ``file``, ``row`` name the row for the message;
    ``key`` the note's name in the file (``qualifier_note``, or the thesis's ``plain_qualifier_note``).
    Returns: a dict from qualifier to reason (empty when there is no note).

    Example:
    >>> read_note({"only": "quoted in the next sentence"}, "argument.yml", "C01")
    {'only': 'quoted in the next sentence'}
    """
    if note is None:
        return {}
    fix = (f"write it as {key}: {{\"the qualifier\": \"why the paraphrase leaves it out\"}}, one entry per "
           "qualifier, named as in qualifiers.yml.")
    if not isinstance(note, dict) or not note:
        raise AnnotationError(file, f"'{key}' is not a mapping of qualifier to reason.", fix, row)
    out = {}
    for name, reason in note.items():
        if not isinstance(name, str) or not isinstance(reason, str) or not reason.strip():
            raise AnnotationError(file, f"'{key}' gives {name!r} no reason.", fix, row)
        out[name.strip()] = " ".join(reason.split())
    return out


def check_kept(qualifiers: dict[str, tuple[str, ...]] | None, span: str, paraphrase: str, note, file, row,
               what: str = "paraphrase", key: str = NOTE) -> None:
    """Fail unless ``paraphrase`` keeps every listed qualifier of ``span``, or ``note`` says why not.

    Parameters: ``qualifiers`` the list (None: the reading has no list, nothing is checked); ``span`` the
    essay's words (several spans joined); ``paraphrase`` ours; ``note`` the row's ``qualifier_note`` (or None);
    ``file``, ``row`` name the row for the message; ``what`` names the field that paraphrases ("how", "event",
    "plain sentence"); ``key`` the note's name in the file (default ``qualifier_note``).
    Returns: None; raises AnnotationError naming the file, the row and the fix.

    Example:
    >>> q = {"intentionally": ("intentionally", "deliberately")}
    >>> check_kept(q, "has intentionally combined", "deliberately combined", None, "argument.yml", "C44")
    """
    if qualifiers is None:
        return
    reasons = read_note(note, file, row, key)
    inside = found_in(span, qualifiers)
    says = {"key": key, "what": what, "inside": ", ".join(inside) or "none"}
    for name in reasons:
        if name not in qualifiers or name not in inside or kept(paraphrase, qualifiers[name]):
            raise said(Path(file).parent, FILE, "not listed" if name not in qualifiers else "not in the span" if
                       name not in inside else "kept", row, file, **says, name=name)
    for name in (n for n in inside if n not in reasons and not kept(paraphrase, qualifiers[n])):
        others = [w for w in qualifiers[name] if w != name]
        instead = f" (or {', '.join(repr(w) for w in others)})" if others else ""
        raise said(Path(file).parent, FILE, "dropped", row, file, **says, name=name, instead=instead)
