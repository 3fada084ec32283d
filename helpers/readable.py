"""Words for a reader where the data files keep codes: dates, ids and file names said in plain English.

The annotation files write dates as codes (``2009-06-28``, ``2018-10``, ``196X``, ``2009-06-28/2019-12``) and
name rows by ids (``E09``, ``D02``); a learner reads "28 June 2009", "between 28 June 2009 and December 2019",
"the 1960s or 1970s", and "the coup against Zelaya (E09)". The data files keep their codes: only what is shown
changes. Dating clues (ids ``D01``…) are shown as "clue 1"; discussion questions (also ``D01``… in their own file)
as "question 1", so the two never share a name on screen.
"""
from __future__ import annotations

import calendar
import re

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"(\d{3})X")


def _point(code: str) -> str:
    """One date code in words, without an article for a decade ("1960s")."""
    if m := _DAY.fullmatch(code):
        return f"{int(m.group(3))} {calendar.month_name[int(m.group(2))]} {m.group(1)}"
    if m := _MONTH.fullmatch(code):
        return f"{calendar.month_name[int(m.group(2))]} {m.group(1)}"
    if _YEAR.fullmatch(code):
        return code
    if m := _DECADE.fullmatch(code):
        return f"{m.group(1)}0s"
    raise ValueError(code)


def date_in_words(code) -> str:
    """A date or range as written in the data files, in words.

    Parameters: ``code`` a date (``2009-06-28``, ``2018-10``, ``2017``, ``196X``) or a range ``A/B`` whose ends may
    be ``..`` (not given by the text). Anything else is returned unchanged, so a cell never breaks a table.
    Returns: the date in words.

    >>> date_in_words("2009-06-28"), date_in_words("2018-10"), date_in_words("196X")
    ('28 June 2009', 'October 2018', 'the 1960s')
    >>> date_in_words("2009-06-28/2019-12")
    'between 28 June 2009 and December 2019'
    >>> date_in_words("196X/197X"), date_in_words("2009-06-28/.."), date_in_words("../1998")
    ('the 1960s or 1970s', 'from 28 June 2009, end not given', 'by 1998, start not given')
    """
    text = str(code).strip()
    try:
        if "/" not in text:
            words = _point(text)
            return f"the {words}" if words.endswith("0s") else words
        a, b = text.split("/")
        if a == ".." and b == "..":
            return "not dated"
        if b == "..":
            return f"from {date_in_words(a)}, end not given"
        if a == "..":
            return f"by {date_in_words(b)}, start not given"
        if _DECADE.fullmatch(a) and _DECADE.fullmatch(b):
            return f"the {_point(a)} or {_point(b)}"
        return f"between {date_in_words(a)} and {date_in_words(b)}"
    except ValueError:
        return text


def clue_name(clue_id: str) -> str:
    """A dating clue's id as a reader sees it: ``D05`` -> ``clue 5``.

    Parameters: ``clue_id`` an id of dating.csv (``D05``).
    Returns: the clue's name for a reader.

    >>> clue_name("D05")
    'clue 5'
    """
    return f"clue {int(clue_id[1:])}"


def question_name(question_id: str, spanish: bool = False) -> str:
    """A discussion question's id as a reader sees it: ``D05`` -> ``question 5`` (``pregunta 5`` in Spanish).

    Parameters: ``question_id`` an id of discussion.yml (``D05``); ``spanish``: the Spanish name.
    Returns: the question's name for a reader.

    >>> question_name("D05"), question_name("D05", spanish=True)
    ('question 5', 'pregunta 5')
    """
    return f"{'pregunta' if spanish else 'question'} {int(question_id[1:])}"


def questions_in_words(text, spanish: bool = False) -> str:
    """Discussion-question ids in a sentence or list said as "question N": ``D01, D04`` -> ``question 1, question 4``
    (``pregunta 1`` in Spanish).

    Parameters: ``text`` a sentence or a list of ids (anything else is returned as it is); ``spanish``: Spanish names.
    Returns: the text with each question named in words.

    >>> questions_in_words("Discussion (D06 draws on the essay); for D05, compare")
    'Discussion (question 6 draws on the essay); for question 5, compare'
    >>> questions_in_words("para D05, comparen", spanish=True)
    'para pregunta 5, comparen'
    """
    if not isinstance(text, str):
        return text
    return re.sub(r"\bD(\d+)\b", lambda m: question_name(m.group(), spanish), text)


def with_reference(label: str, ref: str) -> str:
    """A label with an id beside it as a small reference: ``Coup (essay's account)`` + ``E09`` ->
    ``Coup (essay's account; E09)``; ``Coup`` -> ``Coup (E09)``.

    Parameters: ``label`` a row's label; ``ref`` its id.
    Returns: the label with the id as a small reference in brackets.

    >>> with_reference("Lobo takes office (context)", "E79"), with_reference("The vote", "E25")
    ('Lobo takes office (context; E79)', 'The vote (E25)')
    """
    label = str(label).strip()
    if label.endswith(")") and "(" in label:
        return f"{label[:-1]}; {ref})"
    return f"{label} ({ref})"


_REF = r"(?:[EQDN]\d{2,3}|C\d{1,3}|[PKH]\d)(?:–[EQDN]?\d{2,3})?"


def without_codes(text) -> str:
    """A sentence from a data file without the reference codes it carries beside names (Q02, E09, N01): the label
    or the ¶ beside them already says which row, and a learner has no use for the code (learner review 22).

    Parameters: ``text`` a sentence from a data file (anything else is returned as it is).
    Returns: the sentence without its codes, and without brackets left empty by them.

    >>> without_codes("Marx's phrase from his letter quoted in ¶7–¶8 (Q02), recalled")
    "Marx's phrase from his letter quoted in ¶7–¶8, recalled"
    >>> without_codes("the refrain (¶50, Q27); three words follow (Q30–Q32); Lobo takes office (context; E79)")
    'the refrain (¶50); three words follow; Lobo takes office (context)'
    """
    if not isinstance(text, str):
        return text
    out = re.sub(rf"\s*\({_REF}\)", "", text)
    out = re.sub(rf"[,;]\s*{_REF}(?=[),;])", "", out)
    return re.sub(rf"(?<=\(){_REF}[,;]\s*", "", out)


_CODE = re.compile(r"(?<![\w/.])((?:\d{4}(?:-\d{2}){0,2}|\d{3}X|\.\.)/(?:\d{4}(?:-\d{2}){0,2}|\d{3}X|\.\.)"
                   r"|\d{4}-\d{2}(?:-\d{2})?|\d{3}X)(?![\w/])")


def prose(text, labels: dict[str, str] | None = None) -> str:
    """Reasoning written in a data file, made readable: date codes in words, clues and rows named.

    Parameters: ``text`` a sentence from a data file; ``labels`` timeline ids and their labels, so that
    "context row E20" reads "the context row “2017 election day” (E20)".
    Returns: the text with ``dating.csv`` said as "the dating clues" (its long, oft-repeated summary of the time of
    writing shortened to the clues it names), ``(D02)`` as "(clue 2)", date codes in words, and each bare timeline
    id given its label (without quotation marks, which the package keeps for the essay's own words).

    >>> prose("2019 by dating.csv: not before January 2019 (D02), and “last year” for an arrest of 2018 (D04)")
    "2019 by the clues to the essay's date (clue 2 and clue 4)"
    >>> prose("see dating.csv D17 and D05; the file dating.csv")
    'see clue 17 and clue 5; the file the dating clues'
    >>> prose("dated 26 November 2017 by context row E20, from 2009-06-28", {"E20": "2017 election day (context)"})
    'dated 26 November 2017 by 2017 election day (context; E20), from 28 June 2009'
    >>> prose("the spike after 1998 is E05", {"E05": "Hurricane Mitch (context)"})
    'the spike after 1998 is Hurricane Mitch (E05)'
    """
    if not isinstance(text, str):
        return text
    labels = labels or {}
    out = re.sub(r"\bby dating\.csv: [^()]*\((D\d+)\)(?:, and [^()]*\((D\d+)\))?",
                 lambda m: "by the clues to the essay's date (" + " and ".join(
                     clue_name(d) for d in m.groups() if d) + ")", text)
    out = re.sub(r"\bdating\.csv\s+(D\d+)\b", lambda m: clue_name(m.group(1)), out)
    out = re.sub(r"\bfigures\.csv\s+(N\d+)\b", r"figure \1", out)
    out = re.sub(r"\bby dating\.csv\b", "by the dating clues", out)
    out = re.sub(r"\bdating\.csv\b", "the dating clues", out)
    out = re.sub(r"\b(?:dating )?clue (D\d+)\b", lambda m: clue_name(m.group(1)), out)
    out = re.sub(r"\bD(\d+)\b", lambda m: f"clue {int(m.group(1))}", out)
    out = _CODE.sub(lambda m: date_in_words(m.group(1)), out)

    def short(i: str) -> str:
        return re.sub(r"\s*\([^)]*\)$", "", labels[i])

    out = re.sub(r"\b(?:the )?(context row|timeline row|row) (E\d+)\b",
                 lambda m: (f"{short(m.group(2))} ({'context; ' if m.group(1) == 'context row' else ''}"
                            f"{m.group(2)})" if m.group(2) in labels else m.group(0)), out)
    out = re.sub(r"\brows (E\d+)–(E\d+)\b",
                 lambda m: (f"the rows from {short(m.group(1))} to {short(m.group(2))} ({m.group(1)}–{m.group(2)})"
                            if m.group(1) in labels and m.group(2) in labels else m.group(0)), out)
    return _label_bare_ids(out, labels, short)


_BARE_ID = re.compile(r"(?<![\w(–])(E\d+)\b(?!\s*\()")
_ANY_ID = re.compile(r"E\d")


def _label_bare_ids(text: str, labels: dict, short) -> str:
    """Each timeline id outside brackets, not already followed by one, given its label: ``E05`` -> ``… (E05)``."""
    if not labels or not _ANY_ID.search(text):
        return text  # nothing to label: most sentences, walked a character at a time, were most of prose()'s time
    out, depth, k = [], 0, 0
    while k < len(text):
        ch = text[k]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        m = _BARE_ID.match(text, k) if not depth else None
        if m and (k == 0 or not (text[k - 1].isalnum() or text[k - 1] in "(–")) and m.group(1) in labels:
            out.append(f"{short(m.group(1))} ({m.group(1)})")
            k = m.end()
            continue
        out.append(ch)
        k += 1
    return "".join(out)
