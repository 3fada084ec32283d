"""Shared fixtures: the essay as committed, and a throw-away copy of its folder to break on purpose."""
from __future__ import annotations

import gc
import hashlib
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import helpers  # noqa: E402


# What `make test-fast` leaves out (pytest -m "not slow"): the files that start a browser, print PDFs, start a hub or
# a JupyterLab, execute notebooks or copy the project to run its commands, every test that uses the built handouts
# (editions_built), and the single tests named in SLOW_TESTS; nbval's notebooks are outside tests/, which is all
# test-fast collects. `make test` and CI run everything. Chosen from `pytest --durations` (README, "For developers").
SLOW = {"test_a11y.py", "test_browser.py", "test_hub.py", "test_hub_sizing.py", "test_binder.py", "test_bundle.py",
        "test_print.py", "test_launch.py", "test_offline_and_determinism.py", "test_properties.py"}
# and, in other files, the tests that use one of these fixtures: the built handouts; every figure drawn and measured
SLOW_FIXTURES = {("*", "editions_built"), ("*", "bundles_built"), ("test_figures_legible.py", "measured")}
# and the single tests of the other files that took a second or more of processor time each under `make test-fast`
# (measured per test, user + system, its kernels and subprocesses included): they build every deck, run sheet,
# checklist or packet, walk every node of schema.yml, start a kernel or a Python, or draw every figure of a module's
# examples. Together about 110 of test-fast's 210 s of processor time (1,148 tests on two workers). Session 18 added
# the tests that had come to take a second or more since (each builds every deck, packet, run sheet or preparation
# route, or loads every table of a copied reading: 17 s of test-fast's 139 s, 1,199 tests). Session 19 (issue #24)
# added five more of a second or more (a browser measuring the agreements deck, a kernel started, two modules'
# docstring examples, every session deck built: 8 s of test-fast's 154 s, 1,264 tests). A name without [...]
# marks every parameter of the test.
SLOW_TESTS = {
    "test_kit_18.py::test_the_agreements_deck_projects_the_content_note_in_the_session_decks_type",
    "test_kit_18.py::test_the_welcome_reads_the_spoken_content_note_and_the_packet_keeps_its_paragraph_list",
    "test_before_setup.py::test_a_cell_run_before_setup_says_to_run_setup_first",
    "test_docstrings.py::test_the_examples_in_the_docstrings_run[workshop]",
    "test_docstrings.py::test_the_examples_in_the_docstrings_run[timeline]",
    "test_review_16.py::test_one_browser_prints_what_a_browser_per_page_printed",
    "test_argument.py::test_every_figure_fits_a_16_by_9_slide",
    "test_narrow_26.py::test_the_projected_argument_map_has_no_text_under_the_floor",   # a browser and 01's cells: 20 s
    "test_before_setup.py::test_a_notebook_resumed_after_a_restart_says_to_run_the_cells_above",
    "test_decks.py::test_a_discussion_segment_carries_how_to_lead_it_not_the_notebooks_notes_again",
    "test_decks.py::test_a_reading_message_is_ready_for_every_meeting_in_both_languages",
    "test_decks.py::test_binder_steps_only_while_launch_links_are_on",
    "test_decks.py::test_every_table_or_section_a_room_is_pointed_to_is_where_it_reads",
    "test_decks.py::test_question_2_leads_with_what_15_minutes_can_use",
    "test_decks.py::test_the_flare_up_script_stands_beside_every_flashpoint_cue_on_the_run_sheets",
    "test_decks.py::test_the_notes_paper_route_is_the_plans_own_print_list",
    "test_decks.py::test_the_preparation_route_counts_the_checklist_and_the_message_and_says_its_pace",
    "test_decks.py::test_the_run_sheet_start_time_moves_every_time",
    "test_decks.py::test_the_series_dating_segment_gives_the_room_a_few_clues_and_the_context_they_need",
    "test_decks.py::test_the_series_decks_show_the_table_of_voices_and_the_dating_exercise",
    "test_decks.py::test_the_single_sessions_run_sheet_says_computers_are_optional",
    "test_docstrings.py::test_the_examples_in_the_docstrings_run[annotations]",
    "test_docstrings.py::test_the_examples_in_the_docstrings_run[argument]",
    "test_docstrings.py::test_the_examples_in_the_docstrings_run[ledger]",
    "test_docstrings.py::test_the_examples_in_the_docstrings_run[negatives]",
    "test_docstrings.py::test_the_examples_in_the_docstrings_run[plots]",
    "test_essay_errors.py::test_cli_check_reports_errors_plainly",
    "test_essay_errors.py::test_ordinary_mistakes_in_a_notebook_are_one_plain_sentence",
    "test_kit_memo.py::test_a_run_sheet_built_again_after_an_edit_shows_the_edit",
    "test_kit_memo.py::test_a_stand_in_loader_is_called_each_time",
    "test_memo.py::test_a_copy_gets_the_same_tables_as_the_loaders_give",
    "test_memo.py::test_a_file_added_to_the_reading_is_noticed",
    "test_memory.py::test_a_map_drawn_once_is_the_picture_the_inline_backend_draws",
    "test_negatives.py::test_every_negative_statement_is_registered_and_checked",
    "test_negatives.py::test_the_essays_own_words_in_quotation_marks_are_not_the_packages",
    "test_packet.py::test_each_plan_has_a_lighter_packet_of_its_own",
    "test_packet.py::test_each_version_of_a_plan_has_a_packet_of_its_own_with_one_agenda_a_meeting",
    "test_packet.py::test_the_packet_holds_every_part",
    "test_packet.py::test_the_print_list_holds_the_notes_the_run_sheet_asks_for",
    "test_portability.py::test_annotation_files_saved_with_crlf_load_the_same",
    "test_portability.py::test_loading_everything_never_falls_back_to_the_default_encoding",
    "test_reader_edition.py::test_in_a_notebook_a_link_the_same_on_every_computer_and_mistakes_in_one_sentence",
    "test_reader_edition.py::test_made_with_only_the_learners_packages",
    "test_review_17.py::test_the_preparation_route_says_its_reading_pace_as_a_whole_number",
    "test_rules.py::test_any_node_of_schema_yml_of_the_wrong_shape_gives_a_plain_error",
    "test_spanish.py::test_no_wording_the_review_replaced_comes_back_in_what_the_tools_write",
    "test_spanish.py::test_the_spanish_deck_labels_its_slides_in_spanish_and_puts_the_question_in_spanish_first",
    "test_spanish.py::test_the_spanish_deck_projects_d02s_spoken_form_large_and_sends_readers_to_the_packet",
    "test_spanish.py::test_the_spanish_run_sheet_gives_the_hard_moments_in_both_languages",
    "test_spanish.py::test_the_spanish_sheet_gives_the_room_its_material_in_spanish",
    "test_terms.py::test_every_name_the_notebooks_use_is_in_the_glossary",
    "test_workshop.py::test_run_sheets_cue_the_flashpoints_where_the_group_reads_them",
    "test_workshop.py::test_the_day_of_checklists_and_run_sheets_name_an_interpreter_and_second_language_reading",
    "test_workshop.py::test_the_preparation_route_counts_what_it_asks_for_and_prints_both_totals",
    "test_workshop.py::test_the_preparation_route_reads_nothing_twice",
    "test_workshop.py::test_the_spanish_readers_route_briefs_the_interpreter_and_every_route_sends_the_reading",
    # session 22 (issue #24): a test that prints a PDF with Chromium, which test-fast leaves out by its definition
    "test_facil_20.py::test_the_series_packet_prints_the_reading_tables_header_with_its_first_row",
}


def slow_test(item) -> bool:
    """``item`` is named in SLOW_TESTS, itself or (for a parametrized test) by its function."""
    name = f"{item.path.name}::{item.name}"
    return name in SLOW_TESTS or name.split("[", 1)[0] in SLOW_TESTS


def pytest_configure(config):
    from tests import nbval_offline     # nbval's kernels run with the network blocked and compare figures too
    nbval_offline.register(config)
    config.addinivalue_line("markers", "slow: starts a browser, prints PDFs, starts a hub, builds the handouts or "
                                       "executes notebooks; `make test-fast` leaves it out (tests/conftest.py, SLOW)")
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False      # xdist: hand out the files in the order work_order() gives


# The order in which `--dist loadfile` hands the files to the two workers (pytest --durations): the longest file
# first, then the first file that uses the built handouts, which builds them (about 80 s) while the other worker
# runs files that do not need them; every other file that uses them after those; last, the small units of SPREAD,
# which fill the gaps at the end. Before this order, xdist's own (the files with most tests first) put two users
# of the handouts on the two workers at once, and one of them waited 70 s for the other's build.
FIRST = ("test_browser.py", "test_a11y.py")


def work_order(items) -> list:
    """``items`` sorted (stably) by when their file should start: see FIRST."""
    editions = {item.path for item in items if "editions_built" in getattr(item, "fixturenames", ())}

    def rank(item) -> tuple:
        name = item.path.name
        if name in FIRST:
            return (0, FIRST.index(name))
        if item.nodeid.split("[", 1)[0] in SPREAD or item.nodeid.split("::", 1)[0] in SPREAD:
            return (3, 0)
        return (2 if item.path in editions else 1, 0)
    return sorted(items, key=rank)


def pytest_collection_finish(session):
    """Everything imported and collected so far lives as long as the test process: frozen (gc.freeze), the garbage
    collector stops walking it again at every full collection. Measured (issue #24): the collector's time in three
    test files fell from 29 to 8 s and their processor time by about 4 %; the final collections of pytest's
    unraisable-exception check get shorter too. Nothing a test makes is frozen, so its garbage is still found."""
    gc.freeze()


def pytest_collection_modifyitems(config, items):
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        if (item.path.name in SLOW or item.path.suffix == ".ipynb" or slow_test(item)
                or any(where in ("*", item.path.name) and name in uses for where, name in SLOW_FIXTURES)):
            item.add_marker(pytest.mark.slow)
    items[:] = work_order(items)


# `--dist loadfile` keeps each test file on one worker (its module fixtures start once); these long tests are cut out
# of their file, one unit of work per test (a parametrized test: per parameter), so both workers share them (pytest
# --durations). A file named here is cut into all its tests: test_properties.py, whose module fixture only reads, was
# one worker's five minutes under `make test`.
SPREAD = {"tests/test_rules.py::test_any_node_of_schema_yml_of_the_wrong_shape_gives_a_plain_error",
          "tests/test_properties.py"}


@pytest.hookimpl(optionalhook=True)      # a hook of pytest-xdist, unknown when it is not loaded
def pytest_xdist_make_scheduler(config, log):
    """loadfile's scheduler, except that each test of a function or file in SPREAD is its own unit of work."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class Spread(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            spread = nodeid.split("[", 1)[0] in SPREAD or nodeid.split("::", 1)[0] in SPREAD
            return nodeid if spread else super()._split_scope(nodeid)

    return Spread(config, log)


@pytest.fixture(scope="session")
def essay():
    return helpers.load_essay()


def inputs_digest(*parts: str) -> str:
    """A digest of every file under the named project folders and files (what a build reads)."""
    h = hashlib.sha256()
    for part in parts:
        top = PROJECT / part
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts:
                h.update(str(path.relative_to(PROJECT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def built_once(tmp_path_factory, name: str, build, wait: float = 1800) -> Path:
    """``build(folder)`` run once for the whole test run, however many xdist workers ask: the first takes a lock
    file and builds; the others wait, then read the same folder. A build that fails leaves no mark, so the next
    worker builds again (and reports the same error in its own tests)."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base   # xdist: the run's folder, shared
    folder, lock, mark = root / name, root / f"{name}.lock", root / f"{name}.complete"
    start = time.monotonic()
    while not mark.exists():
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if time.monotonic() - start > wait:
                pytest.fail(f"waited {wait:.0f} s for another test worker to build {name}")
            time.sleep(0.5)
            continue
        try:
            if not mark.exists():
                shutil.rmtree(folder, ignore_errors=True)
                build(folder)
                mark.write_text("built\n", encoding="utf-8")
        finally:
            os.close(fd)
            os.unlink(lock)
    return folder


@pytest.fixture(scope="session")
def editions_built(tmp_path_factory) -> Path:
    """Every edition, handout, deck and PDF, built once per test run (as `make handouts` does) and only read.

    The print, slide, workshop, launch, bundle and accessibility tests share it: built once for the run, even with
    the test files spread over several xdist workers (built_once), in a folder named by a digest of what it is
    built from.
    """
    from tools import editions
    pdf = os.environ.get("EDITIONS_PDF", "1") != "0"
    digest = inputs_digest("helpers", "tools", "seeds", "notebooks", "launch.yml")
    return built_once(tmp_path_factory, f"editions-{'pdf' if pdf else 'html'}-{digest}",
                      lambda out: editions.build(out, pdf=pdf))


@pytest.fixture(scope="session")
def bundles_built(editions_built, tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """The participant's and the facilitator's bundle (tools.bundle.bundles) from the shared build, written and
    unzipped once per test run however many xdist workers ask (built_once), and only read: {"participant": (zip,
    unzipped folder), "facilitator": (…)}. Session 27 (issue #24): test_bundle, test_share_25 (twice), test_kit_19
    and test_kit_25 each wrote the bundles or their facilitator start page again, reading every lesson's PDF for
    its exercise pages each time (155 to 275 s a test under load, CI70's durations)."""
    import zipfile
    from tools import bundle

    def build(folder: Path) -> None:
        zips = bundle.bundles(folder / "zips", built=editions_built)
        for who, path in zips.items():
            with zipfile.ZipFile(path) as z:
                z.extractall(folder / f"unzipped-{who}")

    folder = built_once(tmp_path_factory, f"bundles-{editions_built.name}", build)
    return {who: (folder / "zips" / name, folder / f"unzipped-{who}")
            for who, name in (("participant", f"{bundle.NAME}.zip"), ("facilitator", f"{bundle.FACILITATOR}.zip"))}


def printed_runs(page) -> tuple[str, list[tuple[float, float | None, str]]]:
    """A PDF page's text (pypdf) and each piece of it with where it starts across the page and the type size it is
    set in, in points: the font size times the text matrix's scale. ((x, size or None, text), …)"""
    runs = []

    def visit(text, cm, tm_, font, size):
        if text.strip():
            runs.append((cm[0] * tm_[4] + cm[2] * tm_[5] + cm[4],
                         round(size * abs(tm_[3] * cm[3]), 1) if size else None, text))
    return page.extract_text(visitor_text=visit), runs


@pytest.fixture(scope="session")
def printed_pages(editions_built, tmp_path_factory) -> dict[str, tuple]:
    """Every PDF of the shared build read back once per test run (pypdf's text extraction, about 30 s of processor
    time for the whole build), however many xdist workers ask (built_once): {path relative to the build, like
    "facilitator/packet.pdf": ((width, height, text, runs), … one a page)}, runs as printed_runs gives them. Session
    28 (issue #24): test_print and test_check_23 each read every PDF again, on whichever worker they ran."""
    import pickle
    from pypdf import PdfReader

    def build(folder: Path) -> None:
        read = {pdf.relative_to(editions_built).as_posix():
                tuple((float(page.mediabox.width), float(page.mediabox.height), *printed_runs(page))
                      for page in PdfReader(pdf).pages)
                for pdf in sorted(editions_built.rglob("*.pdf"))}
        folder.mkdir(parents=True)
        (folder / "pages.pickle").write_bytes(pickle.dumps(read))

    folder = built_once(tmp_path_factory, f"printed-{editions_built.name}", build)
    return pickle.loads((folder / "pages.pickle").read_bytes())


@pytest.fixture
def reading_copy(tmp_path) -> Path:
    """A copy of seeds/we-are-losing/ in a temporary folder; the committed files are never touched."""
    dest = tmp_path / "we-are-losing"
    shutil.copytree(helpers.SEEDS / helpers.DEFAULT_READING, dest)
    return dest


@pytest.fixture(scope="module")
def argument(essay):
    """The package's reading of the argument (helpers.load_argument), loaded once per test file."""
    return helpers.load_argument(essay)


@pytest.fixture
def closed_figures():
    """A list to put the figures a test draws in (with matplotlib's Agg backend); each is closed after the test."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    made = []
    yield made
    for fig in made:
        plt.close(fig)
