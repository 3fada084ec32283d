"""Shared fixtures: the essay as committed, and a throw-away copy of its folder to break on purpose."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import helpers  # noqa: E402


@pytest.fixture(scope="session")
def essay():
    return helpers.load_essay()


@pytest.fixture(scope="session")
def editions_built(tmp_path_factory) -> Path:
    """Every edition, handout, deck and PDF, built once per test run (as `make handouts` does) and only read.

    The print, slide, workshop and accessibility tests share it, so the handouts are built once, not four times.
    """
    from tools import editions
    out = tmp_path_factory.mktemp("editions")
    editions.build(out, pdf=os.environ.get("EDITIONS_PDF", "1") != "0")   # "0": only a nested run that needs no PDF
    return out


@pytest.fixture
def reading_copy(tmp_path) -> Path:
    """A copy of seeds/we-are-losing/ in a temporary folder; the committed files are never touched."""
    dest = tmp_path / "we-are-losing"
    shutil.copytree(helpers.SEEDS / helpers.DEFAULT_READING, dest)
    return dest
