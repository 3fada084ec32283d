"""The series of notebooks as a table, read from the notebooks themselves.

Each notebook carries its lesson facts in its metadata (``"lesson": {"title", "teaching", "exercises",
"assumes"}``), so the map in 00_start_here and the README cannot promise a notebook that is not there.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .errors import HelperError
from .essay import PROJECT

NOTEBOOKS = PROJECT / "notebooks"


def lessons(folder: Path = NOTEBOOKS) -> pd.DataFrame:
    """One row per notebooks/NN_*.ipynb: notebook, title, teaching and exercise minutes, what it assumes."""
    rows = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        except (ValueError, KeyError) as exc:
            raise HelperError(path, f"is not a readable notebook ({exc}).",
                              "restore it from git (git checkout -- notebooks/).") from None
        lesson = meta.get("lesson")
        if not isinstance(lesson, dict) or not {"title", "teaching", "exercises"} <= set(lesson):
            raise HelperError(path, "has no lesson metadata (title, teaching, exercises).",
                              "add a \"lesson\" entry to the notebook metadata (Property Inspector → "
                              "Notebook metadata in JupyterLab), like the other notebooks have.")
        rows.append({"notebook": path.name, "title": lesson["title"],
                     "teaching_min": int(lesson["teaching"]), "exercises_min": int(lesson["exercises"]),
                     "assumes": lesson.get("assumes", "")})
    table = pd.DataFrame(rows, columns=["notebook", "title", "teaching_min", "exercises_min", "assumes"])
    table["total_min"] = table.teaching_min + table.exercises_min
    return table
