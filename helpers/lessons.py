"""The series of notebooks as a table, read from the notebooks themselves, with times computed from words.

Each notebook carries its lesson facts in its metadata::

    "lesson": {"title": "...", "read": "¶17–¶26, ¶45", "exercises": 15, "discussion": 10,
               "assumes": "00_start_here"}

``read`` names the paragraphs of the essay the learner reads before or during the notebook. Times are
never typed in: reading the named paragraphs and the notebook's own text (prose and printed tables) is
counted at the essay's reading speed (``reading_speed_wpm`` in reading.yml, 200 words a minute), and the
exercise and discussion minutes are added. So the README, the series map in 00 and the facilitator
guide, which all read this table, always agree with each other and with the notebooks.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd

from .errors import HelperError
from .essay import PROJECT, Essay, load_essay
from .text import count_words, paragraph_numbers

NOTEBOOKS = PROJECT / "notebooks"
REQUIRED = {"title", "read", "exercises", "discussion"}


# a linked image, like the "Launch on Binder" badge that `make links` puts atop each notebook's first cell
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*")


def notebook_words(nb: dict) -> int:
    """Words a learner reads in a notebook: its Markdown cells and the text its code cells print or show.

    Parameters:
        nb: a notebook as read from its JSON (a dict).
    Returns:
        the number of words.
    Example:
        >>> notebook_words({"cells": [{"cell_type": "markdown", "source": ["Read ¶3 first."]}]})
        3
        >>> notebook_words({"cells": [{"cell_type": "markdown", "source": ["[![Launch on Binder](b.svg)](https://x) Read ¶3 first."]}]})
        3

    The output of a cell tagged ``series`` (one that shows this very table) is not counted, so the times
    do not depend on themselves and regenerating the notebooks gives the same numbers every time; nor are
    the generated navigation and launch-link cells (tags ``nav``, ``launch``), nor a linked image such as the
    launch badge atop the first cell, so turning launch links on or off leaves every time as it was.
    """
    words = 0
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown" and not {"nav", "launch"} & set(cell.get("metadata", {}).get("tags", [])):
            text = IMAGE_LINK.sub("", "".join(cell.get("source", "")))   # a badge atop a cell is not lesson text
            words += count_words(text)   # links to elsewhere are not lesson text
        if "series" in cell.get("metadata", {}).get("tags", []):
            continue
        for out in cell.get("outputs", []):
            text = out.get("text") or out.get("data", {}).get("text/plain") or ""
            words += count_words("".join(text))
    return words


def _round_up(minutes: float, step: int = 1) -> int:
    return int(math.ceil(minutes / step) * step) if minutes > 0 else 0


def _nearest_five(minutes: float) -> int:
    """A total as a facilitator says it: the nearest 5 minutes, never less than 5."""
    return max(5, int(math.floor(minutes / 5 + 0.5)) * 5)


def lesson_row(nb: dict, name: str, essay: Essay, path: Path | None = None) -> dict:
    """The lesson facts and computed times of one notebook (``nb`` as read from its JSON).

    Parameters:
        nb: the notebook; name: its file name; essay: the reading whose paragraphs it names; path: its
        path, for error messages.
    Returns:
        a dict: notebook, title, read, reading_words, notebook_words, reading_min, notebook_min,
        exercises_min, discussion_min, total_min, assumes.
    Example:
        >>> nb = {"metadata": {"lesson": {"title": "T", "read": "¶3", "exercises": 5, "discussion": 0}}}
        >>> lesson_row(nb, "x.ipynb", load_essay())["total_min"]
        5
    """
    path = path or Path(name)
    wpm = essay.reading_speed
    lesson = nb.get("metadata", {}).get("lesson")
    if not isinstance(lesson, dict) or not REQUIRED <= set(lesson):
        raise HelperError(path, "has no complete lesson metadata (title, read, exercises, discussion).",
                          "add a \"lesson\" entry to the notebook metadata (Property Inspector → "
                          "Notebook metadata in JupyterLab), like the other notebooks have.")
    try:
        paras = paragraph_numbers(lesson["read"])
    except ValueError as exc:
        raise HelperError(path, f"lesson metadata \"read\" has {str(exc)!r}, which is not a ¶ number or range.",
                          "write paragraphs like \"¶17–¶26, ¶45\".") from None
    missing = [n for n in paras if n not in essay.paragraphs.index]
    if missing:
        raise HelperError(path, f"lesson metadata \"read\" names ¶{missing[0]}, which the essay does not have.",
                          f"use ¶1–¶{int(essay.paragraphs.index.max())}.")
    reading_words = int(essay.paragraphs.loc[paras, "words"].sum()) if paras else 0
    own_words = notebook_words(nb)
    exercises, discussion = int(lesson["exercises"]), int(lesson["discussion"])
    return {"notebook": name, "title": lesson["title"], "read": lesson["read"] or "",
            "reading_words": reading_words, "notebook_words": own_words,
            "reading_min": _round_up(reading_words / wpm, 1),
            "notebook_min": _round_up(own_words / wpm, 1),
            "exercises_min": exercises, "discussion_min": discussion,
            "total_min": _nearest_five(reading_words / wpm + own_words / wpm + exercises + discussion),
            "assumes": lesson.get("assumes", "")}


def time_line(row: dict) -> str:
    """The opening cell's time sentence, written from the computed times (always the same number of words).

    Parameters:
        row: a row of ``lessons()`` (or ``lesson_row``'s dict).
    Returns:
        the sentence, starting "**Time:**".
    Example:
        >>> time_line({"total_min": 40, "read": "¶1–¶13", "reading_min": 5, "notebook_min": 18,
        ...            "exercises_min": 10, "discussion_min": 5})[:32]
        '**Time:** about 40 minutes in al'
    """
    read = row["read"] or "no paragraphs of the essay"
    return (f"**Time:** about {row['total_min']} minutes in all: reading {read} of the essay "
            f"({row['reading_min']} min), working through this notebook ({row['notebook_min']} min), "
            f"exercises ({row['exercises_min']} min) and discussion ({row['discussion_min']} min).")


def lessons(folder: Path = NOTEBOOKS, essay: Essay | None = None) -> pd.DataFrame:
    """One row per notebooks/NN_*.ipynb, in teaching order, with its times in minutes.

    Parameters: ``folder`` the notebooks folder (default: the project's); ``essay`` the reading whose
    paragraphs the notebooks name (default: ``load_essay()``).

    Returns: a DataFrame: notebook, title, read (the paragraphs to read), reading_min (those paragraphs),
    notebook_min (the notebook's own text), exercises_min, discussion_min, total_min (the sum, to the
    nearest 5 minutes), assumes.

    >>> lessons().iloc[0].notebook
    '00_start_here.ipynb'
    """
    essay = essay if essay is not None else load_essay()
    rows = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise HelperError(path, f"is not a readable notebook ({exc}).",
                              "restore it from git (git checkout -- notebooks/).") from None
        rows.append(lesson_row(nb, path.name, essay, path))
    return pd.DataFrame(rows, columns=["notebook", "title", "read", "reading_words", "notebook_words",
                                       "reading_min", "notebook_min", "exercises_min", "discussion_min",
                                       "total_min", "assumes"])
