"""The two CIs never drift: .github/workflows/test.yml calls the same commands and Makefile targets as .ci/run,
the plain-Python route CI runs is the README's, and the workflow refuses launch links to another repository."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / ".github" / "workflows" / "test.yml"
ROUTE = PROJECT / "tools" / "plain_python_route.sh"


def commands(text: str) -> list[str]:
    """The project commands a script runs: `make TARGET` and `bash tools/…` lines."""
    return re.findall(r"^\s*((?:make [a-z-]+|bash tools/[\w./-]+))\s*$", text, flags=re.M)


def workflow_steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]["test"]["steps"]


def test_the_workflow_and_ci_run_the_same_targets_in_the_same_order():
    ci = commands((PROJECT / ".ci" / "run").read_text())
    gh = [c for step in workflow_steps() for c in commands(step.get("run", ""))]
    assert ci == ["bash tools/plain_python_route.sh", "make test"], ci
    assert gh == ci, f".github/workflows/test.yml runs {gh}, .ci/run runs {ci}: make them the same"
    env = {k: v for step in workflow_steps() for k, v in (step.get("env") or {}).items()}
    assert env.get("REQUIRE_BROWSER") == "1" and "export REQUIRE_BROWSER=1" in (PROJECT / ".ci" / "run").read_text()
    assert env.get("REQUIRE_HUB") == "1" and "export REQUIRE_HUB=1" in (PROJECT / ".ci" / "run").read_text()
    makefile = (PROJECT / "Makefile").read_text()
    for c in ci:
        if c.startswith("make "):
            assert re.search(rf"^{c.split()[1]}:", makefile, flags=re.M), f"Makefile has no target for `{c}`"


def test_the_workflow_checks_launch_yml_against_its_repository(tmp_path):
    step = next(s for s in workflow_steps() if "launch.yml" in s.get("run", ""))
    script = tmp_path / "check.sh"
    script.write_text("set -e\n" + step["run"])
    for repository, actual, ok in (("", "me/fork", True), ("me/fork", "me/fork", True), ("other/study", "me/fork", False)):
        (tmp_path / "launch.yml").write_text(f"repository: {repository}\nbranch: main\n")
        done = subprocess.run(["bash", str(script)], cwd=tmp_path, capture_output=True, text=True,
                              env={"GITHUB_REPOSITORY": actual, "PATH": "/usr/bin:/bin"})
        assert (done.returncode == 0) == ok, (repository, actual, done.stdout)
        if not ok:
            assert f"make links REPO={actual}" in done.stdout


def test_the_plain_python_route_is_the_readmes():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Without make", 1)[1].split("\n## ", 1)[0]
    shown = [line.split("#")[0].strip() for block in re.findall(r"```bash\n(.*?)```", section, flags=re.S)
             for line in block.splitlines() if line.split("#")[0].strip()]
    assert shown[:3] == ["python -m venv .venv", ".venv/bin/python -m pip install -r requirements.txt",
                         ".venv/bin/jupyter lab notebooks/00_start_here.ipynb"]
    assert ".venv/bin/python -m pytest" in shown
    route = ROUTE.read_text()
    assert 'python3 -m venv "$dir/.venv"' in route
    assert '"$dir/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt' in route
    assert '"$dir/.venv/bin/jupyter" lab --version' in route
