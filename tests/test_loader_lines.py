"""tools/loader_lines.py (issue #24, item 1): what the loaders' count counts, and what --called adds beside it."""
from __future__ import annotations

from tools import loader_lines


def test_a_check_moved_into_a_private_helper_is_shown_apart(tmp_path):
    """The total counts a loader's own body; a private helper it calls (directly or through another) is listed by
    ``called``, so a check moved out of a loader shows as moved, not as gone. A helper no loader calls is not."""
    (tmp_path / "x.py").write_text(
        'def load_x(path):\n    """Doc."""\n    return _read(path)\n\n\n'
        'def _read(path):\n    # a comment\n    return _check(open(path).read())\n\n\n'
        'def _check(text):\n    if not text:\n        raise ValueError(text)\n    return text\n\n\n'
        'def _unused():\n    return 1\n', encoding="utf-8")
    assert loader_lines.counted(tmp_path) == {"x.py:load_x": 2}
    assert loader_lines.called(tmp_path) == {"x.py:_check": 4, "x.py:_read": 2}


def test_the_wording_moved_into_messages_yml_is_shown_apart(tmp_path):
    """The errors' wording moved out of the loaders into a reading's messages.yml is listed beside the total (its
    lines that are neither blank nor a comment), so a fall of the total can be told from a move of words."""
    (tmp_path / "helpers").mkdir()
    (tmp_path / "seeds" / "r").mkdir(parents=True)
    (tmp_path / "seeds" / "r" / "messages.yml").write_text(
        '# a comment\n\nx.csv:\n  bad:\n    problem: "it is bad."\n    fix: "mend it."\n', encoding="utf-8")
    assert loader_lines.message_lines(tmp_path / "helpers") == {"seeds/r/messages.yml": 4}
