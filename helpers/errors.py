"""One kind of error for every problem with the reading's files, said plainly.

A learner or facilitator who meets one should read which file, what is wrong and how to fix it,
not a traceback. In a notebook, ``helpers`` shows these errors without the traceback.
"""
from __future__ import annotations

from pathlib import Path


class HelperError(Exception):
    """A problem with a file the package reads: names the file, the row (if any), and the fix."""

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
    """The essay text or its reading.yml is missing, unreadable or not what was recorded."""


class AnnotationError(HelperError):
    """An annotation file (CSV or YAML beside the essay) does not match the essay or its own rules."""
