"""What a Windows laptop does differently, checked here on Linux: its default text encoding is not UTF-8, a
spreadsheet or Notepad saves CSV and YAML with CRLF line endings, and paths come with backslashes.

- every file the helpers and tools open as text names its encoding (a static check of the code, and a run of
  the loaders with Python's own warning for a default encoding turned into an error);
- the annotation files saved with CRLF load exactly as they do with LF;
- a reading given as a Windows-style relative path (backslashes) is found, where Windows would find it.
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.annotations import load_all

PROJECT = Path(__file__).resolve().parent.parent
CODE = sorted([*(PROJECT / "helpers").glob("*.py"), *(PROJECT / "tools").glob("*.py")])
TEXT_CALLS = {"open", "read_text", "write_text"}
SUBPROCESS_CALLS = {"run", "check_output", "Popen"}


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def default_encodings(source: str) -> list[int]:
    """Lines that open text (or read a subprocess as text) without naming the encoding."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        method = isinstance(func, ast.Attribute)
        archive = method and getattr(func.value, "id", "") in ("tarfile", "zipfile", "gzip")   # binary by nature
        if name in TEXT_CALLS and (method or name == "open") and not keyword(node, "encoding") and not archive:
            mode = keyword(node, "mode") or next((a for a in node.args if name == "open" and a is not node.args[0]), None)
            if name == "open" and isinstance(func, ast.Attribute):  # Path.open(mode): the mode is the first argument
                mode = keyword(node, "mode") or (node.args[0] if node.args else None)
            binary = isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" in mode.value
            if not binary:
                found.append(node.lineno)
        elif name in SUBPROCESS_CALLS and isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "subprocess":
            text = keyword(node, "text") or keyword(node, "universal_newlines")
            if isinstance(text, ast.Constant) and text.value is True and not keyword(node, "encoding"):
                found.append(node.lineno)
    return sorted(found)


def test_the_static_check_finds_a_default_encoding():
    sample = ("from pathlib import Path\nimport subprocess\nPath('a').read_text()\nopen('a', 'rb')\nopen('a')\n"
              "Path('a').open('rb')\nPath('a').write_text('x', encoding='utf-8')\n"
              "subprocess.run(['git'], text=True)\nsubprocess.run(['git'], text=True, encoding='utf-8')\n"
              "read_text(folder, meta)\nPath('a').open()\ntarfile.open(fileobj=b)\n")
    assert default_encodings(sample) == [3, 5, 8, 11]


@pytest.mark.parametrize("path", CODE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_text_file_is_opened_with_its_encoding(path):
    lines = default_encodings(path.read_text(encoding="utf-8"))
    assert not lines, (f"{path.parent.name}/{path.name}, lines {lines}: name the encoding (encoding=\"utf-8\"); "
                       "on Windows the default is not UTF-8")


def test_loading_everything_never_falls_back_to_the_default_encoding():
    # Python's own check (PEP 597): every open() without an encoding warns; here the warning is an error
    # when it comes from the package's code.
    code = ("import warnings, helpers\n"
            "from helpers.annotations import load_all\n"
            "warnings.filterwarnings('error', category=EncodingWarning, module=r'helpers(\\..*)?$')\n"
            "essay = helpers.load_essay()\n"
            "tables = load_all(essay)\n"
            "print(len(tables))\n")
    done = subprocess.run([sys.executable, "-X", "warn_default_encoding", "-c", code], cwd=PROJECT,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) >= 8


def as_crlf(folder: Path) -> list[Path]:
    changed = []
    for path in sorted(folder.iterdir()):
        if path.suffix in (".csv", ".yml") and path.is_file():
            data = path.read_bytes()
            assert b"\r\n" not in data, f"{path.name} is already CRLF in the repository"
            path.write_bytes(data.replace(b"\n", b"\r\n"))
            changed.append(path)
    return changed


def test_annotation_files_saved_with_crlf_load_the_same(reading_copy, essay):
    changed = as_crlf(reading_copy)
    assert {p.name for p in changed} >= {"argument.yml", "quotations.csv", "timeline.csv", "reading.yml",
                                         "facilitation.yml", "discussion_es.yml"}
    copy = helpers.load_essay(reading_copy)
    assert copy.text == essay.text
    original, crlf = load_all(essay), load_all(copy)
    assert list(original) == list(crlf)
    for name in original:
        pd.testing.assert_frame_equal(original[name], crlf[name], obj=name)
        for column in crlf[name].select_dtypes("object"):
            assert not crlf[name][column].astype(str).str.contains("\r").any(), (name, column)
    assert helpers.workshop.load_handout(copy) == helpers.workshop.load_handout(essay)


def test_a_crlf_essay_is_refused_with_the_fix(reading_copy):
    # the essay itself is kept byte for byte (.gitattributes: -text); converted, it no longer matches its checksum
    path = reading_copy / "essay.txt"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(helpers.EssayError) as err:
        helpers.load_essay(reading_copy)
    assert "essay.txt" in str(err.value) and "git checkout" in str(err.value)


def test_gitattributes_keep_lf_everywhere_and_the_essay_untouched():
    rules = (PROJECT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "* text=auto eol=lf" in rules and "seeds/**/essay.txt -text" in rules
    assert rules.index("* text=auto eol=lf") < rules.index("seeds/**/essay.txt -text"), "the later rule wins"
    if shutil.which("git") and (PROJECT / ".git").exists():
        attrs = subprocess.run(["git", "check-attr", "text", "eol", "--", "seeds/we-are-losing/essay.txt",
                                "seeds/we-are-losing/quotations.csv"], cwd=PROJECT, capture_output=True,
                               text=True, encoding="utf-8").stdout
        assert "essay.txt: text: unset" in attrs and "quotations.csv: eol: lf" in attrs, attrs


def test_a_reading_given_as_a_windows_style_path_is_found(monkeypatch, tmp_path, reading_copy):
    # Windows accepts "seeds\\we-are-losing"; so does the loader, whatever the system
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "seeds" / "my-reading"
    shutil.copytree(reading_copy, target)
    assert helpers.load_essay("seeds\\my-reading").folder.resolve() == target.resolve()
    assert helpers.load_essay(".\\seeds\\my-reading\\").folder.resolve() == target.resolve()
