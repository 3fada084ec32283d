"""Discussion questions (seeds/<reading>/discussion.yml), each tied to the paragraphs it draws on."""
from __future__ import annotations

import re
import textwrap

import pandas as pd

from .anchoring import check_span, read_yaml
from .errors import AnnotationError
from .schema import expect, field, items
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
        a table: id, notebook, question, paragraphs (the ¶ numbers to read), spans (the anchoring words).
    Example:
        >>> import helpers
        >>> load_questions(helpers.load_essay(), "01_argument_structure").id.tolist()
        ['D01', 'D02', 'D03', 'D04', 'D05']
    """
    path = essay.folder / FILE
    data = read_yaml(path)
    rows = []
    for k, q in enumerate(items(data, "questions", path, "questions"), start=1):
        row = f"questions[{k}] ({q.get('id', '?') if isinstance(q, dict) else '?'})"
        expect(q, dict, path, row, "question entry")
        for name in ("id", "notebook", "question"):
            field(q, name, str, path, row)
        anchors = field(q, "anchors", list, path, row)
        if not anchors:
            raise AnnotationError(path, "a question needs at least one anchor.",
                                  "add anchors: - {paragraph: N, span: \"exact words\"}.", row)
        paragraphs = []
        for a in anchors:
            expect(a, dict, path, row, "anchor")
            check_span(essay, a.get("span"), a.get("paragraph"), path, row, "anchors.span")
            paragraphs.append(int(a["paragraph"]))
        # words a question puts "in quotes" must be the essay's own, in one of the paragraphs it cites
        cited = fold(" ".join(essay.paragraphs.loc[n].text for n in paragraphs))
        for quoted in re.findall(r'"([^"]+)"', q["question"]):
            if fold(" ".join(quoted.split())) not in " ".join(cited.split()):
                raise AnnotationError(path, f"the question quotes {quoted!r}, which is not in "
                                            f"{', '.join(f'¶{n}' for n in paragraphs)}.",
                                      "quote the essay exactly, or add the paragraph it comes from to anchors.", row)
        rows.append({"id": q["id"], "notebook": q["notebook"], "question": " ".join(q["question"].split()),
                     "paragraphs": paragraphs, "spans": [a["span"] for a in q["anchors"]]})
    table = pd.DataFrame(rows, columns=["id", "notebook", "question", "paragraphs", "spans"])
    if table.id.duplicated().any():
        dup = table.id[table.id.duplicated()].iloc[0]
        raise AnnotationError(path, f"the id {dup} is used twice.", "give each question its own id.", dup)
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
        >>> sorted(load_facilitation(helpers.load_essay()))[:1]
        ['D02']
    """
    path = essay.folder / FILE
    out = {}
    for k, q in enumerate(items(read_yaml(path), "questions", path, "questions"), start=1):
        if not isinstance(q, dict) or "facilitation" not in q:
            continue
        row = f"questions[{k}] ({q.get('id', '?')}), facilitation"
        f = field(q, "facilitation", dict, path, row)
        prompts = [expect(p, str, path, row, "prompt") for p in field(f, "prompts", list, path, row)]
        likely = []
        for a in field(f, "likely", list, path, row):
            expect(a, dict, path, row, "likely answer")
            field(a, "answer", str, path, row)
            check_span(essay, a.get("span"), a.get("paragraph"), path, row, "likely.span")
            likely.append({"answer": a["answer"], "paragraph": int(a["paragraph"]), "span": a["span"]})
        if not prompts or not likely:
            raise AnnotationError(path, "a facilitation block needs prompts and likely answers.",
                                  "add prompts: (what to ask) and likely: (answers, each with paragraph and span).", row)
        close = field(f, "close", str, path, row)
        whole = " ".join(fold(" ".join(essay.paragraphs.text)).split())
        for text in prompts + [a["answer"] for a in likely] + [close]:
            for quoted in re.findall(r"“([^”]+)”", text):      # curly quotes hold the essay's own words
                if " ".join(fold(quoted).split()) not in whole:
                    raise AnnotationError(path, f"puts “{quoted}” in curly quotes, which are for the essay's exact "
                                                "words, but the essay does not say it.",
                                          "quote the essay exactly, or use no quotation marks.", row)
        out[q["id"]] = {"prompts": prompts, "likely": likely, "close": close}
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
