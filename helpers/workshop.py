"""Workshop planning: session plans (sessions.yml) and facilitator notes (facilitation.yml), checked.

The plans are data, so the minutes always add up: ``load_plans`` refuses a meeting whose segments do not
fill its length, a segment that names a notebook that does not exist, a paragraph the essay does not
have, or a discussion question that discussion.yml does not hold.
"""
from __future__ import annotations

import re

import pandas as pd

from .annotations import read_yaml
from .discussion import load_questions
from .errors import AnnotationError
from .essay import Essay
from .lessons import NOTEBOOKS
from .schema import expect, field, items
from .text import paragraph_numbers

PLANS = "sessions.yml"
NOTES = "facilitation.yml"


def load_plans(essay: Essay) -> pd.DataFrame:
    """One row per segment: plan, meeting, order, start minute, minutes, activity, notebook, paragraphs, …"""
    path = essay.folder / PLANS
    data = read_yaml(path)
    known_notebooks = {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    questions = set(load_questions(essay).id)
    rows = []
    for i, plan in enumerate(items(data, "plans", path, "plans"), start=1):
        expect(plan, dict, path, f"plans[{i}]", "plan")
        plan_id = field(plan, "id", str, path, f"plans[{i}]")
        for m, meeting in enumerate(field(plan, "meetings", list, path, f"plan {plan_id}"), start=1):
            where = f"plan {plan_id}, meeting {m}"
            expect(meeting, dict, path, where, "meeting")
            length = field(meeting, "length_minutes", int, path, where)
            segments = field(meeting, "segments", list, path, where)
            for k, seg in enumerate(segments, start=1):
                expect(seg, dict, path, f"{where}, segment {k}", "segment")
                field(seg, "minutes", int, path, f"{where}, segment {k}")
            total = sum(seg["minutes"] for seg in segments)
            if total != length:
                raise AnnotationError(path, f"the segments add up to {total} minutes but the meeting is "
                                            f"{length} minutes long.",
                                      "change the minutes of a segment, or the meeting's length_minutes.", where)
            clock = 0
            for k, s in enumerate(segments, start=1):
                label = f"{where}, segment {k}"
                field(s, "activity", str, path, label)
                for name in ("notebook", "paragraphs", "materials"):
                    field(s, name, str, path, label, default="")
                for q in items(s, "discussion", path, label):
                    expect(q, str, path, label, "discussion")
                if s["minutes"] <= 0:
                    raise AnnotationError(path, "a segment needs a positive whole number of minutes.",
                                          "fill in minutes.", label)
                if s.get("notebook") and s["notebook"] not in known_notebooks:
                    raise AnnotationError(path, f"names the notebook {s['notebook']!r}, which is not in notebooks/.",
                                          f"use one of: {', '.join(sorted(known_notebooks))}.", label)
                try:
                    paras = paragraph_numbers(s.get("paragraphs"))
                except ValueError as exc:
                    raise AnnotationError(path, f"cannot read the paragraphs {exc.args[0]!r}.",
                                          "write them like ¶10–¶13, ¶51.", label) from None
                missing = [n for n in paras if n not in essay.paragraphs.index]
                if missing:
                    raise AnnotationError(path, f"refers to ¶{missing[0]}, which the essay does not have.",
                                          f"paragraphs run from ¶1 to ¶{len(essay.paragraphs)}.", label)
                unknown = [q for q in s.get("discussion") or [] if q not in questions]
                if unknown:
                    raise AnnotationError(path, f"names the discussion question {unknown[0]!r}, which "
                                                "discussion.yml does not have.", "use an id from discussion.yml.", label)
                rows.append({"plan": plan_id, "plan_title": field(plan, "title", str, path, where, default=""),
                             "meeting": m, "meeting_title": field(meeting, "title", str, path, where, default=""),
                             "length": length, "segment": k,
                             "start": clock, "minutes": s["minutes"], "activity": s["activity"],
                             "notebook": s.get("notebook") or "", "paragraphs": s.get("paragraphs") or "",
                             "discussion": ", ".join(s.get("discussion") or []), "materials": s.get("materials") or ""})
                clock += s["minutes"]
    return pd.DataFrame(rows)


def agenda(plans: pd.DataFrame, plan: str, meeting: int = 1) -> pd.DataFrame:
    """A meeting's agenda with clock times (0:00, 0:10, …), ready to print or project."""
    a = plans[(plans.plan == plan) & (plans.meeting == meeting)].copy()
    if a.empty:
        raise ValueError(f"no meeting {meeting} in plan {plan!r}; plans: {sorted(set(plans.plan))}")
    a.insert(0, "time", [f"{s // 60}:{s % 60:02d}" for s in a.start])
    return a[["time", "minutes", "activity", "notebook", "paragraphs", "discussion", "materials"]].set_index("time")


def load_notes(essay: Essay) -> dict:
    """facilitation.yml: per notebook, activities, stumbling points and how to run it without computers."""
    path = essay.folder / NOTES
    data = field(read_yaml(path), "notebooks", dict, path, "notebooks", default={})
    known = {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    for name, entry in data.items():
        if name not in known:
            raise AnnotationError(path, f"has notes for {name!r}, which is not a notebook in notebooks/.",
                                  f"use one of: {', '.join(sorted(known))}.", name)
        expect(entry, dict, path, name, "notes")
        for key in ("activities", "stumbling_points"):
            for line in field(entry, key, list, path, name) or [None]:
                expect(line, str, path, name, key)
        field(entry, "without_computers", str, path, name)
    return data


def lesson_parts(notebook: str) -> dict:
    """The objectives, questions and time of a notebook, read from its opening cell."""
    import nbformat
    nb = nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    first = nb.cells[0].source
    objectives = re.search(r"\*\*Learning objectives\.\*\*\s*(.+)", first)
    questions = re.findall(r"^- (.+)$", first.split("**Questions", 1)[-1].split("**Learning", 1)[0], flags=re.M)
    from .essay import load_essay
    from .lessons import lesson_row, time_line
    time = time_line(lesson_row(nb, f"{notebook}.ipynb", load_essay())).removeprefix("**Time:** ")
    return {"title": nb.metadata["lesson"]["title"], "objectives": objectives.group(1).strip() if objectives else "",
            "questions": questions, "time": time}
