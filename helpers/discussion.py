"""Discussion questions (seeds/<reading>/discussion.yml), each tied to the paragraphs it draws on."""
from __future__ import annotations

import textwrap

import pandas as pd

from .rules import load_entries
from .essay import Essay
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
    # words a question puts "in quotes" are the essay's own, in a paragraph it cites (schema.yml: quotes)
    table = load_entries(essay, f"{FILE} questions")
    first = ["id", "notebook", "question", "paragraphs", "spans"]     # then any other field schema.yml declares
    table = table.rename(columns={"anchors": "spans", "anchors_paragraphs": "paragraphs"}).drop(
        columns=["row", "facilitation"])
    table = table[first + [c for c in table.columns if c not in first]]
    return table if notebook is None else table[table.notebook == notebook]


def load_facilitation(essay: Essay) -> dict[str, dict]:
    """How to lead each discussion question that has a ``facilitation`` block in discussion.yml: ``prompts`` (what
    to ask, in order), ``likely`` (answers the room may give, each with the ¶ and the exact words it rests on,
    checked against the essay), ``close`` (how to end it) and ``in_short`` (how many of the prompts, from the first,
    a slot of 15 minutes can use; all of them when not given). For the run sheet and the deck's speaker notes.

    Parameters:
        essay: the essay, from ``helpers.load_essay()``.
    Returns:
        a dictionary from question id to ``{"prompts": [...], "likely": [{"answer", "paragraph", "span"}], "close",
        "in_short"}``.
    Example:
        >>> import helpers
        >>> sorted(load_facilitation(helpers.load_essay()))[:2]
        ['D01', 'D02']
    """
    out = {}
    for q in load_entries(essay, f"{FILE} questions").itertuples():
        if not q.facilitation:
            continue
        row = f"{q.row}, facilitation"
        f = load_entries(essay, f"{FILE} facilitation", {"facilitation": [q.facilitation]}, row).iloc[0]
        likely = [{"answer": a.answer, "paragraph": int(a.paragraph), "span": a.span} for a in
                  load_entries(essay, f"{FILE} likely", {"likely": f.likely}, row).itertuples()]
        short = f.get("in_short")
        given = short is not None and short == short and short != ""      # not given: a blank (None, NaN or "")
        out[q.id] = {"prompts": f.prompts, "likely": likely, "close": f.close,
                     "in_short": min(int(short), len(f.prompts)) if given else len(f.prompts)}
    return out


def _runs(numbers: list[int]) -> str:
    """Numbers as runs, in words: [1, 2, 3, 20] -> '1 to 3 and 20'.

    >>> _runs([1, 2, 3, 4, 5, 20])
    '1 to 5 and 20'
    >>> _runs([6, 7, 9])
    '6, 7 and 9'
    """
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]} to {r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


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
    numbers = [int(i[1:]) for i in questions.id]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        print(textwrap.fill("The questions are numbered across the whole series, as in the facilitator's plans "
                            f"and the packet, so the numbers here are {_runs(numbers)}.", width) + "\n")
    for q in questions.itertuples():
        cites = ", ".join(f"¶{n}" for n in sorted(set(q.paragraphs)))
        print(textwrap.fill(f"{question_name(q.id).capitalize()}. {q.question}", width, subsequent_indent="    "))
        print(f"    Read: {cites}\n")


class Questions:
    """A notebook's discussion questions as a learner meets them: numbered within the notebook, as readable text
    (Markdown in JupyterLab, plain text in print and in the saved notebook's text), each with the paragraphs to read
    first and the number the facilitator's plans and the packet give it (learner review 19: monospace printout,
    numbered across the series, with nowhere to write).

    Parameters:
        questions: the table from ``load_questions``.
    Returns:
        an object JupyterLab shows as Markdown (``_repr_markdown_``), and as plain text elsewhere.
    Example:
        >>> import helpers
        >>> q = load_questions(helpers.load_essay(), "02_source_quotations")
        >>> Questions(q)._repr_markdown_().startswith("1. ")
        True
    """

    def __init__(self, questions: pd.DataFrame):
        self.rows = [(k, question_name(q.id), q.question, ", ".join(f"¶{n}" for n in sorted(set(q.paragraphs))))
                     for k, q in enumerate(questions.itertuples(), 1)]

    def __repr__(self) -> str:
        out = []
        for k, series, text, cites in self.rows:
            out.append(textwrap.fill(f"{k}. {' '.join(text.split())}", 100, subsequent_indent="   "))
            out.append(f"   Read first: {cites}. In the facilitator's plans and the packet: {series}.\n")
        return "\n".join(out).rstrip("\n")

    def _repr_markdown_(self) -> str:
        return "\n\n".join(f"{k}. {' '.join(text.split())}\n\n   *Read first: {cites}. In the facilitator's plans and "
                           f"the packet: {series}.*" for k, series, text, cites in self.rows)


def show_questions(questions: pd.DataFrame) -> Questions:
    """Show a notebook's discussion questions as a learner reads them: numbered 1, 2, … within the notebook, each
    with the paragraphs to read first and its number in the facilitator's plans and the packet.

    Parameters:
        questions: the table from ``load_questions``.
    Returns:
        an object that JupyterLab shows as Markdown (plain text elsewhere).
    Example:
        >>> import helpers
        >>> q = load_questions(helpers.load_essay(), "01_argument_structure")
        >>> print(repr(show_questions(q[q.id == "D20"])).splitlines()[0][:40])
        1. ¶6 says the article uses "the case of
    """
    return Questions(questions)
