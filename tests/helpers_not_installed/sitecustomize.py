"""Put on PYTHONPATH by tests/test_troubleshooting.py: a Python in which the helpers package is not installed.

pip's editable install (`-e .` in requirements.txt) adds a finder for `helpers` to sys.meta_path; this removes
it, as if JupyterLab had been started from another environment.
"""
import sys

sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in (getattr(f, "__name__", "") + type(f).__name__).lower()]
