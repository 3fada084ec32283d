"""Review 17 (facilitator and learner readers of 5 December's main): what they found that a test can hold."""
from __future__ import annotations

import os
import re
import stat

import pytest

from helpers.errors import HelperError
import kit_once


def test_the_browser_that_prints_can_be_named_or_found_beyond_debian(tmp_path, monkeypatch):
    """Facilitator review 17 (5): a facilitator building the kit on a Mac or Windows was told only Debian's
    `apt-get install chromium`. The build now takes the browser named by CHROMIUM, else looks for Chromium or Google
    Chrome, and the message says how to name one; a CHROMIUM that names nothing is said in a sentence."""
    from tools import editions
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert editions.chromium() == str(fake)
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "nothing-here"))
    with pytest.raises(HelperError) as err:
        editions.chromium()
    assert "nothing-here" in str(err.value) and "full path" in err.value.fix
    monkeypatch.delenv("CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(editions, "BROWSER_PATHS", ())
    with pytest.raises(HelperError) as err:
        editions.chromium()
    assert "Google Chrome" in err.value.fix and "CHROMIUM=" in err.value.fix and "macOS" in err.value.fix
    assert "google-chrome" in editions.BROWSERS


def test_the_preparation_route_says_its_reading_pace_as_a_whole_number():
    """Facilitator review 17: the start page said "200.0 words a minute" (the pace is a number in reading.yml)."""
    from tools import decks
    for steps in kit_once.preparation_routes().values():
        text = decks.route_html(steps)
        assert re.search(r"\b\d+ words a minute", text) and not re.search(r"\d\.0 words a minute", text)


def test_the_print_list_gives_each_page_before_the_version_that_replaces_it():
    """Facilitator review 17 (7): the start page's print list linked the Spanish readers' run sheet and notes before
    the English ones ("-spanish.pdf" sorts before ".pdf"), so it was easy to print the wrong set."""
    from tools import bundle
    found = bundle._as_printed(["facilitator/run-sheet-single-90-1-spanish.pdf", "facilitator/run-sheet-single-90-1.pdf",
                                "facilitator/notes-series-3x120-2.pdf", "facilitator/notes-series-3x120-1.pdf"])
    assert found == ["facilitator/notes-series-3x120-1.pdf", "facilitator/notes-series-3x120-2.pdf",
                     "facilitator/run-sheet-single-90-1.pdf", "facilitator/run-sheet-single-90-1-spanish.pdf"]
    assert bundle.meeting_labels(found[2:], "single-90") == [
        "meeting 1", "meeting 1, for a room with Spanish readers (print it instead, for that room)"]


def test_no_notebook_says_shift_enter_opens_a_solution():
    """Learner review 17 (5): Shift + Enter, the gesture taught first, opened each folded solution; the package's
    JupyterLab settings now make it step over a folded heading (helpers/kernel/overrides.json, tested in a browser by
    tests/test_browser.py). The notebooks said the opposite in three places (the first cells, every answer label, every
    solution heading): they now say the solution opens when it is clicked, and nothing else."""
    import json
    from pathlib import Path
    for path in sorted((Path(__file__).parent.parent / "notebooks").glob("0*.ipynb")):
        for k, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            text = " ".join("".join(cell["source"]).split())
            assert not re.search(r"Shift \+ Enter[^.]*(?:would open|opens it)", text), (path.name, k)


def test_every_setup_route_installs_the_notebooks_jupyterlab_settings(essay):
    """s17-fold: the JupyterLab settings that keep a folded solution folded under Shift + Enter (and make a cell run
    before Setup say so) are installed by `python -m helpers.kernel_hints`; the setup page's conda route never ran it."""
    from helpers import workshop
    routes = workshop.load_handout(essay)["setup"]["routes"]
    for route in routes:
        steps = " ".join(s["en"] if isinstance(s, dict) else str(s) for s in route["steps"])
        if "jupyter lab" in steps or "make lab" in steps:
            assert "helpers.kernel_hints" in steps or "make lab" in steps, route["title"]


def test_the_plain_thesis_names_what_is_lacking_as_a_lack(essay):
    """Close reading 17 (T1): "the two lacks of ¶9: an anti-imperialist framework among popular forces, and a
    grassroots base …" listed what is missing, so a first reader could take the framework itself for the
    contradiction; ¶9 says "This lack of an anti-imperialist framework … and corresponding lack of a grassroots base".
    English and Spanish."""
    import helpers
    from helpers.summary import load_summary
    plain = " ".join(helpers.load_argument(essay).thesis_plain.split())
    assert "two lacks: of an anti-imperialist framework among popular forces, and of a grassroots base" in plain
    es = " ".join(load_summary(essay).es["T"].split())
    assert "carencias del ¶9: la de un marco antiimperialista" in es and "y la de una base popular organizada" in es
