"""The events the essay tells (seeds/<reading>/timeline.csv), dated at their true precision.

``date`` is ISO-like at the precision the essay gives: ``2009-06-28`` (day), ``2018-10`` (month),
``2017`` (year), ``196X`` (decade), or a range ``A/B`` (``..`` for an open end). A ``relative`` row (as of
this writing, last year, just arrested) carries the date the text implies and ``derived_by``, which says how.
A ``context`` row adds a date from outside the essay and names its public ``reference``.
"""
from __future__ import annotations

import calendar
import json
import re
from datetime import date

import pandas as pd

from .anchoring import HEADER, anchor_rows, read_table
from .errors import AnnotationError
from .essay import Essay

FILE = "timeline.csv"
COLUMNS = ["id", "event", "label", "date", "precision", "date_as_given", "span", "paragraph", "derived_by",
           "theme", "source", "reference"]
PRECISIONS = ("day", "month", "year", "decade", "range", "relative")
THEMES = ("Honduran politics", "U.S. policy", "migration and caravans", "movements and solidarity",
          "theory and history", "publication")
SOURCES = ("essay", "context")
_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}", "decade": r"\d{3}X"}
_POINT = "|".join(f"(?:{f})" for f in _FORMS.values())
_RANGE = rf"(?:{_POINT}|\.\.)/(?:{_POINT}|\.\.)"
# TimelineJS's spreadsheet template, column for column (Knight Lab, timeline.knightlab.com)
TIMELINEJS_COLUMNS = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                      "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                      "Media Thumbnail", "Type", "Group", "Background"]


def form_of(value: str) -> str | None:
    """The precision a date string is written at: day, month, year, decade, range, or None if malformed."""
    for name, pattern in _FORMS.items():
        if re.fullmatch(pattern, value):
            return name
    return "range" if re.fullmatch(_RANGE, value) and value != "../.." else None


def _bounds(point: str) -> tuple[date, date]:
    """First and last day a date string can mean (``2018-10`` -> 1 to 31 October 2018)."""
    kind = form_of(point)
    if kind == "day":
        d = date.fromisoformat(point)
        return d, d
    if kind == "month":
        y, m = map(int, point.split("-"))
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    if kind == "year":
        return date(int(point), 1, 1), date(int(point), 12, 31)
    if kind == "decade":
        y = int(point[:3]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    raise ValueError(point)


def interval(value: str) -> tuple[date, date | None]:
    """(first day, last day) a date or range can mean; last is None for an open end (``2009-06-28/..``)."""
    if "/" not in value:
        return _bounds(value)
    a, b = value.split("/")
    start = _bounds(a)[0] if a != ".." else None
    end = _bounds(b)[1] if b != ".." else None
    return start, end


def load_timeline(essay: Essay) -> pd.DataFrame:
    """timeline.csv, checked; adds from_date, to_date and open_end (and start, end: offsets in the text)."""
    path = essay.folder / FILE
    table = read_table(path, COLUMNS, {"precision": PRECISIONS, "theme": THEMES, "source": SOURCES},
                       filled=("event", "label", "date"))
    for line, row in table.iterrows():
        label = f"{line} ({row.id})"
        form = form_of(row.date)
        if form is None:
            raise AnnotationError(path, f"the date {row.date!r} is not written as 2009-06-28, 2018-10, 2017, 196X "
                                        "or a range A/B.", "write it in one of those forms.", label)
        if row.precision != "relative" and form != row.precision:
            finer = list(_FORMS).index(form) < list(_FORMS).index(row.precision) if (
                form in _FORMS and row.precision in _FORMS) else False
            raise AnnotationError(path, f"the date {row.date!r} is written at {form} precision but the row says "
                                        f"{row.precision!r}" + (" (finer than the essay gives)." if finer else "."),
                                  "write the date at the precision the essay gives: a year stays a year unless a "
                                  "context row with a reference says more.", label)
        try:
            start, end = interval(row.date)
        except ValueError:
            raise AnnotationError(path, f"the date {row.date!r} is not a real date.", "check the month and day.",
                                  label) from None
        if start is None or (end is not None and end < start):
            raise AnnotationError(path, f"the range {row.date!r} has no start, or ends before it starts.",
                                  "give the earlier date first.", label)
        if row.precision == "relative" and not row.derived_by.strip():
            raise AnnotationError(path, "a relative date has no derived_by.",
                                  "say how the date follows from the text (e.g. “last year” in a text written "
                                  "in 2019).", label)
        if row.source == "context" and not row.reference.strip():
            raise AnnotationError(path, "a context row has no reference.",
                                  "name the public reference the date comes from.", label)
        if row.source == "essay" and row.reference.strip():
            raise AnnotationError(path, "an essay row has a reference; dates from outside the essay go in "
                                        "context rows.", "set source to 'context', or clear reference.", label)
        if row.date_as_given and row.date_as_given not in row.span:
            raise AnnotationError(path, f"date_as_given {row.date_as_given!r} is not in the span.",
                                  "copy the essay's wording of the date, and a span that contains it.", label)
        if row.source == "essay" and row.precision != "relative" and not row.date_as_given:
            raise AnnotationError(path, "a date stated outright needs date_as_given, the essay's own wording.",
                                  "copy the words that give the date.", label)
    table = anchor_rows(essay, table, path)
    bounds = table.date.map(interval)
    table["from_date"] = [b[0] for b in bounds]
    table["to_date"] = [b[1] if b[1] is not None else b[0] for b in bounds]
    table["open_end"] = [b[1] is None for b in bounds]
    return table.sort_values(["from_date", "to_date", "id"], kind="stable")


def by_theme(timeline: pd.DataFrame) -> pd.DataFrame:
    """Events counted by theme and precision."""
    t = pd.crosstab(timeline.theme, timeline.precision).reindex(columns=list(PRECISIONS), fill_value=0)
    t["total"] = t.sum(axis=1)
    return t.reindex([th for th in THEMES if th in t.index]).rename_axis(index="theme", columns=None)


def _cite(row) -> str:
    where = "the header" if row.paragraph == HEADER else f"¶{row.paragraph}"
    text = f"{row.event}. The essay ({where}): “{row.span}”."
    if row.derived_by:
        text += f" Dated by: {row.derived_by}."
    if row.source == "context":
        text += f" Context, not in the essay: {row.reference}."
    return text


def _fields(point: str, end: bool = False) -> dict:
    """TimelineJS's Year/Month/Day fields for one date at its own precision (a decade as its first or last year)."""
    form = form_of(point)
    first, last = _bounds(point)
    d = last if (end and form == "decade") else first
    out = {"Year": str(d.year), "Month": "", "Day": ""}
    if form in ("month", "day"):
        out["Month"] = str(d.month)
    if form == "day":
        out["Day"] = str(d.day)
    return out


def to_timelinejs_rows(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline in TimelineJS's spreadsheet layout (paste into its Google Sheets template).

    Each date keeps its precision: a year fills Year only, a month Year and Month; a decade or a range
    also fills End Year (End Month, End Day); an open end (``..``) leaves the end empty.
    """
    rows = []
    for row in timeline.itertuples():
        rec = dict.fromkeys(TIMELINEJS_COLUMNS, "")
        a, b = row.date.split("/") if "/" in row.date else (row.date, row.date if form_of(row.date) == "decade" else "")
        start = _fields(a)
        rec.update(start)
        if b and b != "..":
            end = _fields(b, end=True)
            rec.update({"End Year": end["Year"], "End Month": end["Month"], "End Day": end["Day"]})
        rec["Display Date"] = row.date_as_given or row.date
        rec["Headline"] = row.label
        rec["Text"] = _cite(row)
        rec["Group"] = row.theme
        rows.append(rec)
    return pd.DataFrame(rows, columns=TIMELINEJS_COLUMNS)


def to_timelinejs_json(timeline: pd.DataFrame, title: str) -> dict:
    """The timeline in TimelineJS's JSON format: {"title": slide, "events": [slide, …]}."""
    def date_obj(rec, prefix=""):
        d = {"year": int(rec[prefix + "Year"])}
        if rec[prefix + "Month"]:
            d["month"] = int(rec[prefix + "Month"])
        if rec[prefix + "Day"]:
            d["day"] = int(rec[prefix + "Day"])
        return d

    events = []
    for rec in to_timelinejs_rows(timeline).to_dict("records"):
        slide = {"start_date": date_obj(rec), "display_date": rec["Display Date"],
                 "text": {"headline": rec["Headline"], "text": rec["Text"]}, "group": rec["Group"]}
        if rec["End Year"]:
            slide["end_date"] = date_obj(rec, "End ")
        events.append(slide)
    return {"title": {"text": {"headline": title, "text": "Events the essay tells, dated at the precision it gives."}},
            "events": events}


def write_timelinejs(timeline: pd.DataFrame, title: str, folder) -> tuple:
    """Write timeline.timelinejs.csv and timeline.timelinejs.json into ``folder``; return the two paths."""
    from pathlib import Path
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = folder / "timeline.timelinejs.csv", folder / "timeline.timelinejs.json"
    to_timelinejs_rows(timeline).to_csv(csv_path, index=False, lineterminator="\n")
    json_path.write_text(json.dumps(to_timelinejs_json(timeline, title), ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    return csv_path, json_path
