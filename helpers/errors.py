"""One kind of error for every problem with the reading's files, said plainly.

A learner or facilitator who meets one should read which file, what is wrong and how to fix it,
not a traceback. In a notebook, ``helpers`` shows these errors without the traceback.
"""
from __future__ import annotations

from pathlib import Path


class HelperError(Exception):
    """A problem with a file the package reads: names the file, the row (if any), and the fix.

    Parameters:
        file: the file (or option) at fault; problem: what is wrong, in a sentence; fix: what to do;
        row: the row, entry or line, when there is one.
    Returns:
        the error, to raise; in a notebook it is shown as its message, without a traceback.
    Example:
        >>> print(HelperError("terms.csv", "the gloss is empty.", "write a one-sentence gloss.", row=7))
        terms.csv, row 7: the gloss is empty.
          How to fix it: write a one-sentence gloss.
    """

    def __init__(self, file: str | Path, problem: str, fix: str, row: str | int | None = None):
        self.file = str(file)
        self.problem = problem
        self.fix = fix
        self.row = row
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}, row {self.row}"
        return f"{where}: {self.problem}\n  How to fix it: {self.fix}"


class EssayError(HelperError):
    """The essay text or its reading.yml is missing, unreadable or not what was recorded.

    Example:
        >>> issubclass(EssayError, HelperError)
        True
    """


class AnnotationError(HelperError):
    """An annotation file (CSV or YAML beside the essay) does not match the essay or its own rules.

    Example:
        >>> AnnotationError("timeline.csv", "the date is empty.", "write it as YYYY-MM-DD.", row=4).row
        4
    """


class UsageError(ValueError):
    """A call a reader can correct (a paragraph that does not exist, a claim id mistyped): one plain sentence
    saying what to type instead. In a notebook, ``helpers`` shows it without the traceback.

    Example:
        >>> print(UsageError("there is no ¶99: paragraphs run from ¶1 to ¶62"))
        there is no ¶99: paragraphs run from ¶1 to ¶62
    """


def ipython_shell():
    """The running IPython shell (a notebook's kernel, or IPython in a terminal), or None outside IPython.

    Parameters:
        none.
    Returns:
        the shell, or None in a plain Python script, a test or a doctest.
    Example:
        >>> ipython_shell() is None   # a doctest runs outside IPython
        True
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()
