"""The kit's pages as ``tools.decks`` and ``tools.packet`` build them with their defaults, built once per test
process and shared by every test file that only reads them (issue #24: the same run sheets, routes, notes pages,
checklists, messages, decks and packets were built again in file after file, one to five seconds of processor time
a build). A test that changes what a build reads (monkeypatch, a copied reading), or whose point is the build
itself (under a network guard, in a bundle, printed), calls tools.decks or tools.packet directly. What these return
is shared: read it, never change it."""
from __future__ import annotations

import sys
from functools import lru_cache

from tools import decks, packet

# One module, one set of builds, whichever way a test file imports it: `import kit_once` (the test files' folder on
# sys.path) and `from tests import kit_once` were two modules with two caches, so a worker that ran files of both
# kinds built every page twice (issue #24, session 28: about a fifth of test-fast's processor time).
sys.modules.setdefault("kit_once", sys.modules[__name__])
sys.modules.setdefault("tests.kit_once", sys.modules[__name__])


@lru_cache(maxsize=None)
def _built(module, name: str):
    return getattr(module, name)()


def run_sheets() -> dict[str, str]:
    return _built(decks, "run_sheets")


def preparation_routes() -> dict[str, list[dict]]:
    return _built(decks, "preparation_routes")


def checklists() -> dict[str, str]:
    return _built(decks, "checklists")


def notes_pages() -> dict[str, str]:
    return _built(decks, "notes_pages")


def reading_messages() -> dict[str, str]:
    return _built(decks, "reading_messages")


def session_decks() -> dict:
    return _built(decks, "session_decks")


def plan_packets() -> dict[str, str]:
    return _built(packet, "plan_packets")


@lru_cache(maxsize=None)
def sheet_parts() -> tuple:
    """Each meeting's run sheet parts (tools.decks._sheet_parts), the Spanish readers' versions with them."""
    return tuple(decks._sheet_parts(versions=True))


@lru_cache(maxsize=None)
def version_routes() -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The preparation routes built from sheet_parts(): (the meetings as planned, the versions for Spanish readers);
    four test files asked for both, each building them again (about two seconds of processor time a pair)."""
    parts = sheet_parts()
    return (decks.preparation_routes(parts=[p for p in parts if not p[2].iloc[0].version]),
            decks.preparation_routes(parts=[p for p in parts if p[2].iloc[0].version]))


@lru_cache(maxsize=None)
def packet_page(plan: str | None = None, version: str | None = None) -> str:
    """tools.packet.packet_html for the default reading, with ``plan`` and ``version`` as given (None is not "")."""
    return packet.packet_html(plan=plan, version=version)


@lru_cache(maxsize=None)
def minimum_routes() -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The minimum preparation routes built from sheet_parts(): (the meetings as planned, the versions for Spanish
    readers); test_prep_22 and test_prep_23 each built them again with the full ones (a module fixture imported into
    another module is a second fixture: about 50 s of test-fast under load, issue #24)."""
    parts = sheet_parts()
    return (decks.preparation_routes(parts=[p for p in parts if not p[2].iloc[0].version], minimum=True),
            decks.preparation_routes(parts=[p for p in parts if p[2].iloc[0].version], minimum=True))
