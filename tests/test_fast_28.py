"""Issue #24 item 5 (session 28): `make test-fast` held where it can slip back. The kit's pages shared by the test files
(tests/kit_once.py) are built once per test process, however a test file imports the module that builds them."""
from __future__ import annotations


def test_kit_once_is_one_module_whichever_way_a_test_file_imports_it():
    """`import kit_once` (the test files' folder is on sys.path) and `from tests import kit_once` gave two modules, each
    with its own cache: a worker that ran test files of both kinds built every run sheet, route and packet twice
    (test_facil_26b, test_fixkit_27, test_kit_25, test_kit_26 and test_prep_22/23/25 import it the second way)."""
    import kit_once
    from tests import kit_once as same
    assert kit_once is same
    assert kit_once.run_sheets is same.run_sheets and kit_once._built is same._built
