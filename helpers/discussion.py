"""Discussion questions (seeds/<reading>/discussion.yml), each tied to the paragraphs it draws on."""
from __future__ import annotations

import re
import textwrap

import pandas as pd

from .anchoring import read_yaml
from .errors import AnnotationError
from .rules import load_entries
from .essay import Essay
from .text import fold
from .readable import question_name

FILE = "discussion.yml"


def load_questions(essay: Essay, notebook: str | None = None) -> pd.DataFrame:
    """The discussion questions (discussion.yml), each with the paragraphs it draws on, checked against the essay.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``; notebook: a notebook name such as
        "01_argument_structure" to get only its questions (leave it out for all of them).
    Returns:
        a table: id, notebook, question, paragraphs (the ¶ numbers to read), spans (the anchoring words), then
        any other field schema.yml declares for the questions.
    Example:
        >>> import helpers
        >>> load_questions(helpers.load_essay(), "01_argument_structure").id.tolist()
        ['D01', 'D02', 'D03', 'D04', 'D05', 'D20']
    """
    path = essay.folder / FILE
    table = load_entries(essay, f"{FILE} questions")
    for q in table.itertuples():
        # words a question puts "in quotes" must be the essay's own, in one of the paragraphs it cites
        cited = " ".join(fold(" ".join(essay.paragraphs.loc[n].text for n in q.anchors_paragraphs)).split())
        for quoted in re.findall(r'"([^"]+)"', q.question):
            if fold(" ".join(quoted.split())) not in cited:
                raise AnnotationError(path, f"the question quotes {quoted!r}, which is not in "
                                            f"{', '.join(f'¶{n}' for n in q.anchors_paragraphs)}.",
                                      "quote the essay exactly, or add the paragraph it comes from to anchors.", q.row)
    first = ["id", "notebook", "question", "paragraphs", "spans"]     # then any other field schema.yml declares
    table = table.rename(columns={"anchors": "spans", "anchors_paragraphs": "paragraphs"}).drop(
        columns=["row", "facilitation"])
    table = table[first + [c for c in table.columns if c not in first]]
    return table if notebook is None else table[table.notebook == notebook]


def load_facilitation(essay: Essay) -> dict[str, dict]:
    """How to lead each discussion question that has a ``facilitation`` block in discussion.yml: ``prompts`` (what
    to ask, in order), ``likely`` (answers the room may give, each with the ¶ and the exact words it rests on,
    checked against the essay) and ``close`` (how to end it). For the run sheet and the deck's speaker notes.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        a dictionary from question id to ``{"prompts": [...], "likely": [{"answer", "paragraph", "span"}], "close"}``.
    Example:
        >>> import helpers
        >>> sorted(load_facilitation(helpers.load_essay()))[:2]
        ['D01', 'D02']
    """
    path = essay.folder / FILE
    data = read_yaml(path)
    whole = " ".join(fold(" ".join(essay.paragraphs.text)).split())
    out = {}
    for q in load_entries(essay, f"{FILE} questions", data).itertuples():
        if not q.facilitation:
            continue
        row = f"{q.row}, facilitation"
        f = load_entries(essay, f"{FILE} facilitation", {"facilitation": [q.facilitation]}, row).iloc[0]
        likely = [{"answer": a.answer, "paragraph": int(a.paragraph), "span": a.span} for a in
                  load_entries(essay, f"{FILE} likely", {"likely": f.likely}, row).itertuples()]
        prompts, close = f.prompts, f.close
        for text in prompts + [a["answer"] for a in likely] + [close]:
            for quoted in re.findall(r"“([^”]+)”", text):      # curly quotes hold the essay's own words
                if " ".join(fold(quoted).split()) not in whole:
                    raise AnnotationError(path, f"puts “{quoted}” in curly quotes, which are for the essay's exact "
                                                "words, but the essay does not say it.",
                                          "quote the essay exactly, or use no quotation marks.", row)
        out[q.id] = {"prompts": prompts, "likely": likely, "close": close}
    return out


def print_questions(questions: pd.DataFrame, width: int = 100) -> None:
    """Print each question with its number ("Question 3", so it is never confused with dating clue 3 of notebook 03),
    and under it the paragraphs to read first.

    Parameters:
        questions: the table from ``load_questions``; width: the line length to wrap at (default 100).
    Returns:
        nothing: it prints.
    Example:
        >>> import helpers
        >>> q = load_questions(helpers.load_essay(), "01_argument_structure")
        >>> print_questions(q[q.id == "D03"], width=60)  # doctest: +ELLIPSIS
        Question 3. The finding that movement responses to the
        ...
            Read: ¶44
        <BLANKLINE>
    """
    for q in questions.itertuples():
        cites = ", ".join(f"¶{n}" for n in sorted(set(q.paragraphs)))
        print(textwrap.fill(f"{question_name(q.id).capitalize()}. {q.question}", width, subsequent_indent="    "))
        print(f"    Read: {cites}\n")
