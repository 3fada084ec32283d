"""The kit's tables are loaded through the package's memo (tools/decks.py, _remembered): a deck, a run sheet, a
checklist and the preparation route each ask for the same tables, and a build asked about 30 times. What it saves
must never hide an edit: a facilitator who edits the data and builds again gets the new words."""
from __future__ import annotations

import html

from editing import rewrite
from tools import decks

OLD = "Hagamos una pausa de un minuto."
NEW = "Paremos todos un minuto."


def spanish_sheets(folder) -> str:
    sheets = decks.run_sheets(str(folder))
    return html.unescape("".join(text for name, text in sheets.items() if "spanish" in name))


def test_a_run_sheet_built_again_after_an_edit_shows_the_edit(reading_copy):
    """facilitation.yml's ready lines for hard moments (in Spanish, on the Spanish readers' run sheets): built, edited,
    built again."""
    before = spanish_sheets(reading_copy)
    assert OLD in before and NEW not in before
    rewrite(reading_copy, "facilitation.yml", OLD, NEW)
    after = spanish_sheets(reading_copy)
    assert NEW in after and OLD not in after


def test_a_stand_in_loader_is_called_each_time(reading_copy, monkeypatch):
    """A test's stand-in for a loader (a local function, its name shared by every stand-in made by the same line)
    is called, never served from the memo: two stand-ins of the same name, two different results."""
    from helpers import workshop
    real = workshop.load_handout
    seen = []
    for line in ("First stand-in's line.", "Second stand-in's line."):
        def stand_in(essay, line=line):
            h = real(essay)
            h["hard_moments"] = [{**h["hard_moments"][0], "es": line}]
            return h
        monkeypatch.setattr(workshop, "load_handout", stand_in)
        seen.append(spanish_sheets(reading_copy))
    assert "First stand-in's line." in seen[0] and "Second stand-in's line." in seen[1]
