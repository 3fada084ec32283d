"""Issue 19, item 2: a cell run before Setup says so in a sentence; essay.show says which range it shows."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import helpers
from helpers import kernel_hints

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def run(*sources):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=120,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return [c.outputs for c in nb.cells]


def printed(outputs) -> str:
    return "".join(o.get("text", "") for o in outputs if o.output_type == "stream")


def test_the_kernel_configuration_is_installed_in_this_environment():
    installed = Path(sys.prefix) / "etc" / "ipython" / kernel_hints.CONFIG.name
    assert installed.exists(), f"{installed} is missing: run `make install` (or python -m helpers.kernel_hints)"
    assert installed.read_text(encoding="utf-8") == kernel_hints.CONFIG.read_text(encoding="utf-8"), \
        f"{installed} differs from helpers/kernel/: run python -m helpers.kernel_hints"


def test_jupyterlab_settings_are_installed_in_this_environment():
    """JupyterLab reads <environment>/share/jupyter/lab/settings/overrides.json: notebooks render every cell, so a
    link to a heading (the series map) lands on it, and no news prompt covers the page (learner review)."""
    import json
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert installed.exists(), f"{installed} is missing: run `make install` (or python -m helpers.kernel_hints)"
    ours = json.loads(kernel_hints.LAB_SETTINGS.read_text(encoding="utf-8"))
    have = json.loads(installed.read_text(encoding="utf-8"))
    assert ours["@jupyterlab/notebook-extension:tracker"]["windowingMode"] in ("defer", "none")
    # no "A newer version of JupyterLab is available" notice over the notebook (learner review, round 12): the
    # check runs whatever fetchNews says, so it is turned off by its own setting
    assert ours["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}
    # Shift+Enter on a folded heading steps over the folded cells instead of opening them (learner review, round
    # 17; seen in the browser by test_browser.py::test_shift_enter_down_the_notebook_leaves_the_solution_folded)
    shortcuts = ours["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]
    steps = [s for s in shortcuts if s["keys"] == ["Shift Enter"]]
    modes = {s["selector"].split()[0] for s in steps}
    assert modes == {".jp-Notebook.jp-mod-commandMode", ".jp-Notebook.jp-mod-editMode"}, modes
    assert all("jp-MarkdownHeadingCollapsed" in s["selector"]
               and s["args"]["commands"][-1] == "notebook:move-cursor-down" for s in steps), steps
    for plugin, values in ours.items():
        assert {k: have.get(plugin, {}).get(k) for k in values} == values, f"{installed}: run python -m helpers.kernel_hints"


def test_installing_keeps_other_jupyterlab_settings(tmp_path):
    """An environment's own overrides.json keeps its other settings; ours are merged in, and a second install
    changes nothing."""
    import json
    lab = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    lab.parent.mkdir(parents=True)
    lab.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
                               "@jupyterlab/notebook-extension:tracker": {"windowingMode": "full", "other": 1}}))
    kernel_hints.install(tmp_path)
    first = lab.read_text(encoding="utf-8")
    have = json.loads(first)
    assert have["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert have["@jupyterlab/notebook-extension:tracker"] == {"windowingMode": "defer", "other": 1}
    assert have["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}
    assert have["@jupyterlab/shortcuts-extension:shortcuts"] == \
        json.loads(kernel_hints.LAB_SETTINGS.read_text(encoding="utf-8"))["@jupyterlab/shortcuts-extension:shortcuts"]
    kernel_hints.install(tmp_path)
    assert lab.read_text(encoding="utf-8") == first


def test_a_cell_run_before_setup_says_to_run_setup_first():
    before, other, setup, after = run("essay.show(36)", "not_a_name_of_ours", "import helpers", "plots.figure")
    assert [o.output_type for o in before] == ["stream"], before       # no error output, so no traceback
    text = printed(before)
    assert text.startswith("Not quite: `essay` is made by the Setup cell") and "Shift + Enter" in text
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1, text
    assert [o.output_type for o in other] == ["error"] and other[0].ename == "NameError", "other names: as usual"
    # once helpers is imported (its own handler), a Setup name still gets the sentence
    assert printed(after).startswith("Not quite: `plots` is made by the Setup cell"), after


# Resuming a notebook after a restart (the learner review, round 12): Setup run, then a cell further down whose
# names an earlier cell makes. (notebook, the cell's id, the name it misses); the cells' code is folded, so a
# traceback there is all the learner would see.
RESUMED = {
    "01_argument_structure.ipynb": [("ledger-more", "ledger")],    # the code its text suggests typing in a new cell
    "02_source_quotations.ipynb": [("v02-038", "cards")],           # the answer key
    "03_timeline.ipynb": [("v03-005", "asked"), ("v03-009", "election")],   # the zoom; the 2017 election
    "04_people_places_terms.ipynb": [("b662bec2", "glossary"), ("f89a5862", "mentions")],  # Spanish names; the grid
}


def resumed_source(cell) -> str:
    """The code a cell runs, or for a Markdown cell the code it suggests typing (its first `…(…)` in backticks)."""
    if cell.cell_type == "code":
        return cell.source
    import re
    return re.search(r"`([^`]*\([^`]*\))`", cell.source).group(1)


def resume(name, cell_ids):
    """Setup of notebook ``name`` run in a fresh kernel, then each cell of ``cell_ids`` alone; their outputs."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    setup = next(c for c in nb.cells if c.cell_type == "code")
    by_id = {c.get("id"): c for c in nb.cells}
    return run(setup.source, *(resumed_source(by_id[i]) for i in cell_ids))[1:]


def a_plain_paragraph(outputs, name) -> str:
    assert [o.output_type for o in outputs] == ["stream"], outputs      # no error output, so no traceback
    text = printed(outputs)
    assert text.startswith(f"Not quite: this cell uses `{name}`, which a cell above it makes"), text
    assert "Run All Above Selected Cell" in text and "Traceback" not in text and "Error" not in text, text
    assert len(text.strip().splitlines()) <= 8, text
    return text


@pytest.mark.parametrize("name", sorted(RESUMED))
def test_a_notebook_resumed_after_a_restart_says_to_run_the_cells_above(name):
    """After a restart (a second sitting, say), Setup and then a cell further down: a plain paragraph saying to run
    the cells above, not a NameError traceback under a cell whose code is folded."""
    cases = RESUMED[name]
    for (cell_id, missing), outputs in zip(cases, resume(name, [i for i, _ in cases])):
        a_plain_paragraph(outputs, missing)


def test_the_earlier_cell_hint_reads_the_kernels_own_notebook(tmp_path, monkeypatch):
    """In JupyterLab the kernel knows its notebook (JPY_SESSION_NAME): a name its Setup does not make but a later
    cell does gets the earlier-cell paragraph, even where another notebook's Setup makes it (00 makes `plots`
    under the words-per-section chart, 01 in its Setup); a name no cell makes keeps Python's message."""
    start = NOTEBOOKS / "00_start_here.ipynb"
    assert kernel_hints.made_earlier("plots", notebooks=[start]).startswith("Not quite: this cell uses `plots`")
    assert kernel_hints.made_earlier("plots", notebooks=sorted(NOTEBOOKS.glob("*.ipynb"))) is None   # a Setup name
    assert kernel_hints.made_earlier("essay", notebooks=[start]) is None
    assert kernel_hints.made_earlier("not_a_name_of_ours", notebooks=[start]) is None
    monkeypatch.setenv("JPY_SESSION_NAME", str(start))
    monkeypatch.chdir(tmp_path)
    assert kernel_hints.notebooks_here() == [start]
    monkeypatch.delenv("JPY_SESSION_NAME")
    assert kernel_hints.notebooks_here() == []


def test_curly_or_unpaired_quotation_marks_say_what_to_type_instead():
    """The learner review: “past 14 years”, copied from 03's prose into the search cell, gave
    SyntaxError: invalid character '“' (U+201C); a deleted quotation mark pointed at the ¶ at the end of the line."""
    curly, unpaired, other, fine = run('import helpers\nlen(“past 14 years”)', 'len("last October, "¶")',
                                       "1 +* 2", 'len("past 14 years")')
    for outputs in (curly, unpaired):
        assert [o.output_type for o in outputs] == ["stream"], outputs
        text = printed(outputs)
        assert text.startswith("Not quite:") and "Traceback" not in text and len(text.strip().splitlines()) == 1, text
    assert 'like this: len("past 14 years")' in printed(curly)
    assert "line 1 of this cell" in printed(unpaired)
    # other mistakes: the line and what to check, in words (tests/test_syntax_hints.py holds them)
    assert [o.output_type for o in other] == ["stream"] and "line 1 of this cell, `1 +* 2`" in printed(other), other
    assert fine[0].data["text/plain"] == "13"


def test_a_paragraph_sign_or_words_without_quotation_marks_say_what_to_type_instead():
    """The learner review (round 13): `essay.show(¶36)` (the tables show paragraphs as "¶36") was told to check its
    quotation marks, and `essay.search(shot dead)` gave a red "invalid syntax" traceback. Each is one paragraph in a
    kernel, saying what to type instead."""
    sign, words, name, ranged = run('import helpers\nessay.show(¶36)', "essay.search(shot dead)",
                                    "tm.lookup(essay, terms, Heidi Fulton)", "essay.show(¶36–¶40)")
    for outputs in (sign, words, name, ranged):
        assert [o.output_type for o in outputs] == ["stream"], outputs
        text = printed(outputs)
        assert text.startswith("Not quite:") and "Traceback" not in text and len(text.strip().splitlines()) == 1, text
        assert "quotation mark has its pair" not in text, text
    assert printed(sign).rstrip().endswith("Type this instead: essay.show(36)") and "¶ sign" in printed(sign)
    assert printed(words).rstrip().endswith('Type this instead: essay.search("shot dead")')
    assert printed(name).rstrip().endswith('Type this instead: tm.lookup(essay, terms, "Heidi Fulton")')
    assert printed(ranged).rstrip().endswith('Type this instead: essay.show("¶36–¶40")')


def test_every_setup_name_is_one_the_hint_knows():
    """The names the Setup cells make are the names the hint answers for (a new Setup name is added to both)."""
    import ast
    made = set()
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        setup = next(c for c in nb.cells if c.cell_type == "code")
        for node in ast.walk(ast.parse(setup.source)):
            if isinstance(node, ast.Assign):
                made |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                made |= {(a.asname or a.name).split(".")[0] for a in node.names}
    missing = made - kernel_hints.SETUP_NAMES
    assert not missing, f"add {sorted(missing)} to SETUP_NAMES in helpers/kernel_hints.py"


def test_the_hint_answers_only_setup_names():
    assert kernel_hints.before_setup("essay").startswith("Not quite: `essay`")
    assert kernel_hints.before_setup("essya") is None


@pytest.mark.parametrize("call, first_line", [
    (lambda e: e.show(36, 40), "Showing ¶36 to ¶40 (5 paragraphs):"),
    (lambda e: e.show("¶20–¶22"), "Showing ¶20 to ¶22 (3 paragraphs):"),
])
def test_show_says_which_range_it_shows(essay, capsys, call, first_line):
    call(essay)
    out = capsys.readouterr().out
    assert out.splitlines()[0] == first_line


def test_show_of_one_paragraph_starts_with_it(essay, capsys):
    essay.show(36)
    assert capsys.readouterr().out.startswith("¶36 · ")


def test_installing_the_hints_prints_no_warning():
    """`python -m helpers.kernel_hints` (run by make install, which copies the same file again) says one line and no RuntimeWarning: importing the
    package must not import kernel_hints outside IPython, or runpy warns that the module ran after its import."""
    done = subprocess.run([sys.executable, "-W", "default", "-m", "helpers.kernel_hints"],
                          capture_output=True, text=True, cwd=NOTEBOOKS.parent)
    assert "RuntimeWarning" not in done.stderr, done.stderr
    assert "found in sys.modules" not in done.stderr, done.stderr


def test_a_table_typed_without_helpers_table_is_shown_for_reading():
    """The learner review: 00's key points teach essay.search("…"); typed alone in a new cell it showed a raw
    pandas table, with an index column and the match's character offset. After setup_display, every bare table
    shows as helpers.table shows it: no index, no offsets."""
    # 00's own Setup (round 12: it did not call setup_display, so 00, where a learner first tries a search, showed
    # the raw table), then what 00 teaches: a search alone (cell 27, the key points) and essay.sections
    start = nbformat.read(NOTEBOOKS / "00_start_here.ipynb", as_version=4)
    setup, bare, sections = run(next(c for c in start.cells if c.cell_type == "code").source,
                                'essay.search("shot dead")', "essay.sections")
    result = next(o for o in bare if o.output_type == "execute_result")
    plain, page = result.data["text/plain"], result.data["text/html"]
    assert plain.splitlines()[0].split()[:2] == ["paragraph", "section"], plain       # no index column first
    assert "offset" not in plain and "offset" not in page and "¶36" in plain and "¶40" in plain
    assert "<th></th>" not in page and "dtype" not in plain
    shown = next(o for o in sections if o.output_type == "execute_result").data
    assert "offset" not in shown["text/plain"] and "U.S.-backed Coups and Fraud in Honduras" in shown["text/plain"]
    assert "<th></th>" not in shown["text/html"]   # section names in full, no index column


def test_every_learners_setup_shows_bare_tables_for_reading():
    """00 to 04: each Setup cell calls helpers.setup_display(), so a table typed alone reads as helpers.table shows it."""
    for path in sorted(NOTEBOOKS.glob("0[0-4]_*.ipynb")):
        setup = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "helpers.setup_display()" in setup.source, f"{path.name}: its Setup cell does not call helpers.setup_display()"
