"""Issue 19, item 2: any cell Python cannot read answers in one plain paragraph, not a red SyntaxError traceback.

The learner review: a reviewer typed their answer, a sentence, into a code cell instead of the answer cell below it
and met a SyntaxError traceback. A kernel is started here as JupyterLab starts one (in the notebook's folder, with
JPY_SESSION_NAME naming the notebook, the configuration installed in the environment) and each cell is sent as
JupyterLab sends it: an execute request whose metadata carries the cell's id (``cellId``).
"""
from __future__ import annotations

import os
import queue
from pathlib import Path

import nbformat
import pytest
from jupyter_client import KernelManager

from helpers import kernel_hints

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK = NOTEBOOKS / "01_argument_structure.ipynb"
EXERCISE_1 = "53f1f539"    # 01's Exercise 1: its first code cell, essay.show(20); the answer cell is below
EXERCISE_2 = "30e945b4"    # 01's Exercise 2: essay.show(51, 52)
ANSWER_1 = "cc201642"      # 01's Exercise 1: its answer cell (Markdown, ✎ Write here)

ENGLISH = "The authors argue that the coup of 2009 was backed by the United States, and that it still matters."
SPANISH = "Los autores sostienen que el golpe de 2009 contó con el apoyo de Estados Unidos, y que aún importa."


@pytest.fixture(scope="module")
def kernel():
    """A kernel started as JupyterLab starts one for notebook 01: in its folder, JPY_SESSION_NAME set."""
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(NOTEBOOKS), env={**os.environ, "JPY_SESSION_NAME": str(NOTEBOOK)})
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def send(kc, code: str, cell_id: str | None) -> list[dict]:
    """Run ``code`` as JupyterLab runs a cell (the cell's id in the request's metadata); the outputs it sent."""
    msg = kc.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                             "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
                         metadata={"cellId": cell_id} if cell_id else {})
    kc.shell_channel.send(msg)
    outputs = []
    while True:
        try:
            reply = kc.get_iopub_msg(timeout=60)
        except queue.Empty:
            pytest.fail(f"no reply from the kernel to {code!r}")
        if reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
            continue
        kind = reply["msg_type"]
        if kind == "status" and reply["content"]["execution_state"] == "idle":
            return outputs
        if kind in ("stream", "error", "execute_result", "display_data"):
            outputs.append(reply)


def one_paragraph(outputs) -> str:
    """The text of outputs that must be one plain paragraph: printed, no error output, <= 8 lines, no paths."""
    # printed, no error output, so no traceback (a kernel under load may send the paragraph in two pieces)
    assert outputs and {o["msg_type"] for o in outputs} == {"stream"}, outputs
    text = "".join(o["content"]["text"] for o in outputs)
    assert text.startswith("Not quite:"), text
    assert "Traceback" not in text and "SyntaxError" not in text and "File " not in text, text
    assert ".ipynb" not in text and ".py" not in text and "/" not in text, text
    assert len(text.strip().splitlines()) <= 8, text
    return text


@pytest.mark.slow   # starts a kernel
@pytest.mark.parametrize("sentence", [ENGLISH, SPANISH], ids=["english", "spanish"])
def test_a_sentence_typed_into_a_code_cell_is_sent_to_the_answer_cell(kernel, sentence):
    """A sentence in the code cell of Exercise 1: the cell runs Python, answers go in the cell marked ✎ Write here
    under the exercise's heading, and the cell's own code, to type back."""
    text = one_paragraph(send(kernel, sentence, EXERCISE_1))
    assert "runs Python" in text and "✎ Write here" in text, text
    assert "Exercise 1: find the evidence, and how it is backed" in text, text   # where the nearest one is
    assert "below this cell" in text, text
    assert "essay.show(20)" in text, text                                      # the cell's code, to type back


@pytest.mark.slow   # starts a kernel
def test_an_answer_written_as_a_numbered_list_with_paragraph_signs_is_an_answer(kernel):
    """The first exercise asks for numbered answers: the line Python stops at ("1. ¶20") is not a sentence, the
    cell is."""
    answer = "1. ¶20, the U.S. ambassador (a witness)\n2. The authors say it was backed\n3. Their evidence is a cable"
    text = one_paragraph(send(kernel, answer, EXERCISE_1))
    assert "runs Python" in text and "Exercise 1: find the evidence" in text and "essay.show(20)" in text, text


@pytest.mark.slow   # starts a kernel
def test_an_answer_cell_turned_into_a_code_cell_is_told_how_to_turn_it_back(kernel):
    """The Y key makes the selected cell a code cell: the answer cell of Exercise 1, written in and run, is told
    to press M (not given "✎ Write here" as code to type back)."""
    text = one_paragraph(send(kernel, ENGLISH, ANSWER_1))
    assert "answer cell" in text and "press Esc, then M" in text and "type back" not in text, text


@pytest.mark.slow   # starts a kernel
def test_the_nearest_answer_cell_is_the_one_of_the_cells_own_exercise(kernel):
    text = one_paragraph(send(kernel, ENGLISH, EXERCISE_2))
    assert "Exercise 2: classify a passage" in text and "essay.show(51, 52)" in text, text


@pytest.mark.slow   # starts a kernel
def test_a_sentence_in_a_cell_the_notebook_does_not_know_still_gets_the_paragraph(kernel):
    """No cell id (another front end), or a cell the learner added: the answer cells are named, nothing else."""
    for cell_id in (None, "a-cell-added-by-the-learner"):
        text = one_paragraph(send(kernel, SPANISH, cell_id))
        assert "runs Python" in text and "✎ Write here" in text and "essay.show" not in text, text


@pytest.mark.slow   # starts a kernel
def test_an_unclosed_bracket_gets_the_line_and_what_to_check(kernel):
    text = one_paragraph(send(kernel, "essay.show(20", EXERCISE_1))
    assert "essay.show(20" in text and "bracket" in text and "line 1" in text, text
    assert "✎" not in text, text                               # code with a mistake, not an answer


@pytest.mark.slow   # starts a kernel
def test_a_typo_gets_the_line_and_what_to_check(kernel):
    text = one_paragraph(send(kernel, "x = 1\nessay.show(20,, 21)", None))
    assert "line 2" in text and "essay.show(20,, 21)" in text, text


@pytest.mark.slow   # starts a kernel
def test_what_ipython_shows_through_showsyntaxerror_gets_the_paragraph_too(kernel):
    """IPython shows a SyntaxError raised before a cell runs (its transformation) through the shell's
    showsyntaxerror, not through the custom handler: the kernel's is the package's."""
    code = ('try:\n    compile("The authors argue that it matters", "<cell>", "exec")\n'
            "except SyntaxError:\n    get_ipython().showsyntaxerror()")
    text = one_paragraph(send(kernel, code, None))
    assert "runs Python" in text and "✎ Write here" in text, text


@pytest.mark.slow   # starts a kernel
def test_after_setup_the_packages_own_errors_are_as_before_and_a_sentence_still_gets_the_paragraph(kernel):
    """Once Setup has run (helpers imported, its handler registered again), a helpers error keeps its one sentence,
    a cell Python reads runs as usual, and a sentence still gets the paragraph."""
    setup = next(c for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code")
    send(kernel, setup.source, "40811e5d")
    text = "".join(o["content"].get("text", "") for o in send(kernel, "essay.show(99)", EXERCISE_1))
    assert text.startswith("Not quite:") and "¶99" in text and "Traceback" not in text, text
    shown = send(kernel, "1 + 1", None)
    assert shown[-1]["content"]["data"]["text/plain"] == "2"
    text = one_paragraph(send(kernel, ENGLISH, EXERCISE_1))
    assert "Exercise 1: find the evidence" in text and "essay.show(20)" in text, text


def test_the_sentence_detector_reads_prose_not_code():
    assert kernel_hints.looks_like_prose(ENGLISH) and kernel_hints.looks_like_prose(SPANISH)
    assert kernel_hints.looks_like_prose("I think they don't say it")
    assert kernel_hints.looks_like_prose("The thesis (¶2) says the U.S. backed the coup, e.g. by its aid.")
    for code in ("essay.show(20", "essay.search(shot dead)", "x = = 1", "for x in range(3) print(x)",
                 "len(“past 14 years”)"):
        assert not kernel_hints.looks_like_prose(code), code


def test_the_answer_mark_is_the_one_the_notebooks_use():
    """The hint finds answer cells by the mark tools/cells.py writes into them; every cell tagged as an answer in
    the notebooks has it (a changed mark would leave the hint pointing nowhere)."""
    from tools import cells
    assert kernel_hints.ANSWER_MARK in cells.ANSWER_PLACEHOLDER
    answers = [c for path in sorted(NOTEBOOKS.glob("0[0-4]_*.ipynb"))
               for c in nbformat.read(path, as_version=4).cells if "answer" in c.metadata.get("tags", [])]
    assert answers and all(kernel_hints.ANSWER_MARK in c.source for c in answers)
