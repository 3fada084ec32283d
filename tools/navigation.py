"""Navigation text generated from one source, the lesson metadata of the notebooks (``helpers.lessons()``).

- ``nav_markdown``: the "previous | next" line at the end of every notebook (00's with its own series map between),
  and after it, in 01–05, the series (``series_list_markdown``);
- ``series_map_markdown``: the linked list of every notebook in 00_start_here's series map;
- ``readme_table``: the README's notebook table (with one Binder badge per notebook when links are on);
- ``launch_table``: the facilitator guide's table of launch badges.

tools/cells.py writes them into the notebooks and README; tests/test_navigation.py fails if any drifts.
"""
from __future__ import annotations

import pandas as pd

from tools.launch import badge
from tools.pages import heading_id

MAP_NOTEBOOK = "00_start_here.ipynb"
MAP_HEADING = "## The series"           # the heading of the series map in 00_start_here
MAP_ANCHOR = "#" + heading_id(MAP_HEADING.lstrip("# "))   # "#The-series": JupyterLab's anchor, and the id the pages give it


def label(row) -> str:
    """'01 · The argument: …' for a row of helpers.lessons()."""
    return f"{row.notebook[:2]} · {row.title}"


def nav_markdown(table: pd.DataFrame, notebook: str) -> str:
    """The navigation for ``notebook``: links to the previous notebook and the next one (in 00, its series map between
    them); in the other notebooks, the series after them (``series_list_markdown``)."""
    names = list(table.notebook)
    i = names.index(notebook)
    parts = []
    if i > 0:
        prev = table.iloc[i - 1]
        parts.append(f"[← Previous: {label(prev)}]({prev.notebook})")
    # JupyterLab opens another notebook at its top, whatever the link's #heading (the HTML pages do scroll to it).
    # Learner review 19, measured with the browser test's walk in JupyterLab 4.5.11: "#The-series", "#heading=The-series"
    # and "#cell-id=<the heading's cell>" all left the heading at 4,492 px in a 768 px window (JupyterLab looks for it
    # before the new notebook's cells exist). Learner review 22: the link still failed, whatever its words said; so
    # only 00 links to its own map, and the other notebooks list the series below (``series_list_markdown``)
    if notebook == MAP_NOTEBOOK:
        parts.append(f"[Series map]({MAP_ANCHOR})")
    if i + 1 < len(names):
        nxt = table.iloc[i + 1]
        from tools.editions import FACILITATOR_ONLY
        # a learner at the last lesson is not sent on to the facilitator's guide as if it were the next lesson
        who = " (for whoever leads a group)" if nxt.notebook.removesuffix(".ipynb") in FACILITATOR_ONLY else ""
        parts.append(f"[Next{who}: {label(nxt)} →]({nxt.notebook})")
    line = "---\n\n" + " | ".join(parts)
    return line if notebook == MAP_NOTEBOOK else line + "\n\n" + series_list_markdown(table, notebook)


def series_list_markdown(table: pd.DataFrame, notebook: str) -> str:
    """The series at the end of a notebook other than 00: every notebook with its time, each a plain link (it opens at
    its top, which is what JupyterLab does), the notebook itself in bold."""
    from tools.editions import FACILITATOR_ONLY
    lines = ["**The series**, each notebook with its time in all (a link opens it at its top):", ""]
    for row in table.itertuples():
        who = " (for whoever leads a group)" if row.notebook.removesuffix(".ipynb") in FACILITATOR_ONLY else ""
        name = f"**{label(row)}** (this notebook)" if row.notebook == notebook else f"[{label(row)}]({row.notebook})"
        lines.append(f"- {name}{who}: about {row.total_min} minutes")
    return "\n".join(lines)


def series_map_markdown(table: pd.DataFrame) -> str:
    """Every notebook as a link, in teaching order, with its time; then the whole series' time for a learner."""
    from helpers.lessons import series_line
    from tools.editions import FACILITATOR_ONLY
    lines = ["**Open a notebook** (each link opens it here, in JupyterLab):", ""]
    for row in table.itertuples():
        read = f"reading {row.read} of the essay" if row.read else "no reading of its own"
        who = " (for whoever leads a group)" if row.notebook.removesuffix(".ipynb") in FACILITATOR_ONLY else ""
        lines.append(f"- [{label(row)}]({row.notebook}){who}: about {row.total_min} minutes, {read}")
    learners = table[~table.notebook.str.removesuffix(".ipynb").isin(FACILITATOR_ONLY)]
    return "\n".join(lines + ["", series_line(learners)])


def readme_table(table: pd.DataFrame, repo: str | None, branch: str, routes: dict | None = None) -> str:
    """The README's notebook table, with each notebook's short route for one evening (``routes``: minutes by notebook,
    ``helpers.lessons.route_minutes``; learner review 20b: the table gave no route times); a launch column with one
    Binder badge per notebook when links are on."""
    from helpers.lessons import route_minutes
    routes = route_minutes() if routes is None else routes
    head = "| notebook | what it does | read in the essay | time in all | short route, for one evening |"
    rule = "| --- | --- | --- | --- | --- |"
    if repo:
        head, rule = head + " launch |", rule + " --- |"
    lines = [head, rule]
    for row in table.itertuples():
        route = f"about {routes[row.notebook]} min" if routes.get(row.notebook) else "—"
        line = (f"| [{row.notebook}](notebooks/{row.notebook}) | {row.title} | "
                f"{row.read or '—'} | about {row.total_min} min | {route} |")
        if repo:
            line += f" {badge(row.notebook, repo, branch)} |"
        lines.append(line)
    return "\n".join(lines)


def launch_table(table: pd.DataFrame, repo: str, branch: str) -> str:
    """One Binder badge per notebook, each opening that notebook (for the facilitator guide)."""
    lines = ["| notebook | open it on Binder |", "| --- | --- |"]
    for row in table.itertuples():
        lines.append(f"| [{label(row)}]({row.notebook}) | {badge(row.notebook, repo, branch)} |")
    return "\n".join(lines)
