"""nbval's own execution of the notebooks, made to serve the offline and determinism checks too (issue #24, item 5:
every notebook executed once per test run).

Registered by tests/conftest.py in every test process. For the cells nbval runs (strict: every output compared with
the committed one):

- each notebook's kernel starts with the network blocked (tests/offline_guard, loaded at the kernel's start-up): a
  connection or name lookup for another machine fails at once and is written to this process's log; a cell after
  which the log has grown fails, naming what it tried to reach, even when the notebook caught the error and printed
  the same as before;
- figures are compared too, exactly, after nbval's own comparison (nbval leaves image/png and image/jpeg out unless
  it runs with nbdime): the committed notebooks are written deterministically (tools/run_notebooks.py), so a figure
  drawn differently on a second run fails as printed text does.

Before, tests/test_offline_and_determinism.py executed every notebook a second time (the regeneration, `make
notebooks`, on a copy with the network blocked) to compare it byte for byte with the committed file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

GUARD = Path(__file__).resolve().parent / "offline_guard"
IMAGES = ("image/png", "image/jpeg")
BLOCKED = "network access blocked by the offline test"


def guarded_env(log: Path, base: dict | None = None) -> dict:
    """The environment for a kernel (or any Python) that may not reach another machine.

    Parameters
    ----------
    log : Path
        The file each blocked attempt is written to, one line each.
    base : dict, optional
        The environment to start from (default: this process's).

    Returns
    -------
    dict
        ``base`` with tests/offline_guard first on PYTHONPATH and OFFLINE_GUARD_LOG set to ``log``.

    Example
    -------
    >>> env = guarded_env(Path("attempts.log"), {"PYTHONPATH": "x"})
    >>> env["PYTHONPATH"].endswith("offline_guard" + os.pathsep + "x"), env["OFFLINE_GUARD_LOG"]
    (True, 'attempts.log')
    """
    env = dict(os.environ if base is None else base)
    env["PYTHONPATH"] = os.pathsep.join([str(GUARD), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["OFFLINE_GUARD_LOG"] = str(log)
    return env


class OfflineNbval:
    """The plugin object: one log for this test process, read after every nbval cell."""

    def __init__(self) -> None:
        self.log = Path(tempfile.mkdtemp(prefix="offline-guard-")) / "attempts.log"
        self.patched = False

    def _patch_kernel_start(self) -> None:
        """nbval starts each notebook's kernel with ``nbval.kernel.start_new_kernel``: pass it the guarded
        environment (jupyter_client's ``start_kernel(env=...)``)."""
        if self.patched:
            return
        from nbval import kernel
        start, log = kernel.start_new_kernel, self.log

        def start_guarded(*args, **kwargs):
            kwargs.setdefault("env", guarded_env(log))
            return start(*args, **kwargs)

        kernel.start_new_kernel = start_guarded
        self.patched = True

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        try:
            from nbval.plugin import IPyNbCell
        except ImportError:        # nbval not installed: nothing of its to guard
            return
        if any(isinstance(item, IPyNbCell) for item in items):
            self._patch_kernel_start()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        from nbval.plugin import IPyNbCell
        if not isinstance(item, IPyNbCell):
            return (yield)
        before = self.log.stat().st_size if self.log.exists() else 0
        result = yield
        if self.log.exists() and self.log.stat().st_size > before:
            with self.log.open(encoding="utf-8") as attempts:
                attempts.seek(before)
                tried = attempts.read().strip()
            pytest.fail(f"{item.name} of {item.path.name} tried to reach the network (blocked in the test): "
                        f"{tried}", pytrace=False)
        # nbval compared the text; the figures are compared here, exactly (nbval's sanitizing regexes, run over a
        # figure's base64, took minutes a notebook), where nbval compares outputs at all
        if item.options.get("check", True) and item.cell.get("execution_count") is not None:
            drawn, committed = images(item.test_outputs or []), images(item.cell.outputs)
            if drawn != committed:
                pytest.fail(f"{item.name} of {item.path.name}: its figures differ from the committed ones "
                            f"({len(drawn)} drawn now, {len(committed)} committed; mismatch 'image/png'); "
                            "run `make notebooks` if the change is meant", pytrace=False)
        return result


def images(outputs) -> list[tuple[str, str]]:
    """The figures among a cell's outputs, in order: (type, base64 text without line breaks)."""
    return [(kind, "".join(str(out["data"][kind]).split())) for out in outputs
            for kind in IMAGES if kind in out.get("data", {})]


def register(config) -> None:
    """Register the plugin once in this test process (tests/conftest.py calls it from pytest_configure)."""
    if not config.pluginmanager.has_plugin("nbval-offline"):
        config.pluginmanager.register(OfflineNbval(), "nbval-offline")


def pytest_configure(config):
    """Loaded as a plugin itself (``-p tests.nbval_offline``), as the control in test_offline_and_determinism does."""
    register(config)
