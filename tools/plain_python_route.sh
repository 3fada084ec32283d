#!/usr/bin/env bash
# The README's "Without make" route, run once by CI exactly as written there: a fresh venv, pip install -r,
# then the commands the README shows (JupyterLab is asked for its version instead of opening a browser), and
# the notebook check the learner matrix runs on Windows and macOS (.github/workflows/test.yml, job learner).
# tests/test_ci.py checks that these lines are the README's.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 -m venv "$dir/.venv"
"$dir/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
"$dir/.venv/bin/python" -m helpers.kernel_hints
"$dir/.venv/bin/jupyter" lab --version
"$dir/.venv/bin/python" -c "import helpers; print(helpers.load_essay())"
"$dir/.venv/bin/python" -m pip install pytest==8.4.2 nbval==0.11.0
"$dir/.venv/bin/python" -m pytest notebooks
echo "plain-Python route: ok"
