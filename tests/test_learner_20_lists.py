"""Learner review 20: JupyterLab's Markdown editor continues a list by itself, so a learner who typed "2." after
Enter got "2. 2." (shown as "B." and "C. c."). Every label whose prompt asks for numbered or dashed lines says so."""
import re

import nbformat
import pytest

from tools.run_notebooks import notebook_paths
from tools.cells import DASH_NOTE, LIST_NOTE

NOTEBOOKS = notebook_paths()

LIST_PROMPT = re.compile(r"\bnumbered\b|\bdash\b")


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03", "04")],
                         ids=lambda p: p.name[:2])
def test_a_label_that_asks_for_a_list_says_the_editor_continues_it(path):
    nb = nbformat.read(path, as_version=4)
    labels = [c.source for c in nb.cells if "answer-label" in c.metadata.get("tags", [])]
    listed = [s for s in labels if LIST_PROMPT.search(s.split("Stop here", 1)[0].split("To write", 1)[0])]
    for source in listed:      # learner review 23: a dashed list is told about dashes, a numbered one about numbers
        assert (DASH_NOTE if "dash" in source.split("Type **")[0] else LIST_NOTE) in source, source[:120]
    for source in set(labels) - set(listed):
        assert LIST_NOTE not in source and DASH_NOTE not in source, source[:120]


def test_some_label_asks_for_a_list():
    asked = [p.name for p in NOTEBOOKS for c in nbformat.read(p, as_version=4).cells
             if "answer-label" in c.metadata.get("tags", []) and LIST_PROMPT.search(c.source.split("Stop here")[0])]
    assert len(asked) >= 2, asked
