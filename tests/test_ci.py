"""The two CIs never drift: .github/workflows/test.yml calls the same commands and Makefile targets as .ci/run,
the plain-Python route CI runs is the README's, the learner matrix runs the README's commands on Windows, macOS
and Linux, the workflow is hardened (zizmor finds nothing of medium or higher) and refuses launch links to
another repository."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / ".github" / "workflows" / "test.yml"
ROUTE = PROJECT / "tools" / "plain_python_route.sh"


def commands(text: str) -> list[str]:
    """The project commands a script runs: `make TARGET` and `bash tools/…` lines."""
    return re.findall(r"^\s*((?:make [a-z-]+|bash tools/[\w./-]+))\s*$", text, flags=re.M)


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def workflow_steps(job: str = "test") -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def readme_without_make() -> list[str]:
    """The command lines the README's "Without make" section shows, comments stripped, in order."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Without make", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    return [line.split("#")[0].strip() for block in re.findall(r"```bash\n(.*?)```", section, flags=re.S)
            for line in block.splitlines() if line.split("#")[0].strip()]


def test_the_workflow_and_ci_run_the_same_targets_in_the_same_order():
    ci = commands((PROJECT / ".ci" / "run").read_text())
    gh = [c for job in ("test", "release") for step in workflow_steps(job) for c in commands(step.get("run", ""))]
    assert ci == ["bash tools/plain_python_route.sh", "make test", "make release"], ci
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
    shown = readme_without_make()
    assert shown[:4] == ["python3 -m venv .venv", ".venv/bin/python -m pip install -r requirements.txt",
                         ".venv/bin/python -m helpers.kernel_hints", ".venv/bin/jupyter lab notebooks/00_start_here.ipynb"]
    assert ".venv/bin/python -m pytest" in shown
    route = ROUTE.read_text()
    assert 'python3 -m venv "$dir/.venv"' in route
    assert '"$dir/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt' in route
    assert '"$dir/.venv/bin/python" -m helpers.kernel_hints' in route
    assert '"$dir/.venv/bin/jupyter" lab --version' in route
    for line in shown[-2:]:
        assert line.replace(".venv/bin/", '"$dir/.venv/bin/').replace(" -m", '" -m', 1) in route, line


def test_the_readme_shows_the_notebook_check_with_the_dev_pins():
    shown = readme_without_make()
    install, run = shown[-2:]
    assert run == ".venv/bin/python -m pytest notebooks"
    pins = {line.strip() for line in (PROJECT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()}
    wanted = install.removeprefix(".venv/bin/python -m pip install ").split()
    assert wanted and all(p in pins for p in wanted) and {w.split("==")[0] for w in wanted} == {"pytest", "nbval"}, (
        f"the README installs {wanted}; requirements-dev.txt pins them as {sorted(p for p in pins if '==' in p)}")


def step_lines(step: dict) -> list[str]:
    return [line.strip() for line in step.get("run", "").splitlines() if line.strip()]


def test_the_learner_matrix_runs_the_readmes_commands_on_each_system():
    shown = readme_without_make()
    install = [shown[0], shown[1]]
    check = shown[-2:]
    steps = workflow_steps("learner")
    posix = [line for s in steps if s.get("if") == "runner.os != 'Windows'" for line in step_lines(s)]
    windows = [line for s in steps if s.get("if") == "runner.os == 'Windows'" for line in step_lines(s)]
    # Windows has no python3 (its python.org installer names it python): the README's comment says so
    as_windows = lambda line: line.replace(".venv/bin/", ".venv\\Scripts\\").replace("python3 -m venv", "python -m venv")  # noqa: E731
    for lines, expected in ((posix, install + check), (windows, [as_windows(x) for x in install + check])):
        found = [line for line in lines if line in expected]
        assert found == expected, f"the learner job runs {lines}; the README (Without make) says {expected}"
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "on Windows: .venv\\Scripts\\python -m pip" in readme
    assert "on Windows: python -m venv .venv" in readme
    assert all(not s.get("run") or "if" in s for s in steps), "every learner step says which systems it is for"
    assert not any("make " in line or "bash " in line for line in posix + windows), "the learner route needs no make"


def test_every_action_is_pinned_and_the_token_reads_only():
    flow = workflow()
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action}: pin it to a full commit hash"
        assert re.fullmatch(r"\s+#\s*v\d+(\.\d+)*", comment), f"{action}: say its version in a comment ({comment!r})"
    assert flow["permissions"] == {"contents": "read"}
    for name, job in flow["jobs"].items():
        assert job.get("permissions", {}) in ({}, {"contents": "write"} if name == "release" else {}), name
        for step in job["steps"]:
            if "actions/checkout@" in step.get("uses", ""):
                assert step.get("with", {}).get("persist-credentials") is False, name
    assert flow["jobs"]["release"]["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert set(flow["jobs"]["release"]["needs"]) == {"test", "learner"}


def zizmor(folder: Path) -> list[dict]:
    exe = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert exe, "zizmor is missing: it is pinned in requirements-dev.txt (make install-dev)"
    done = subprocess.run([exe, "--offline", "--format", "json", str(folder)], capture_output=True, text=True,
                          encoding="utf-8")
    assert done.stdout.strip().startswith("["), done.stderr
    return json.loads(done.stdout)


def serious(findings: list[dict]) -> list[str]:
    return [f"{f['ident']} ({f['determinations']['severity']}): {f['desc']} at "
            f"{f['locations'][0]['concrete']['feature']}" for f in findings
            if f["determinations"]["severity"] in ("Medium", "High") and not f.get("ignored")]


def test_zizmor_finds_nothing_of_medium_or_higher(tmp_path):
    assert serious(zizmor(PROJECT / ".github" / "workflows")) == []
    # the check can fail: the workflow as it was before hardening had two high and two medium findings
    old = tmp_path / ".github" / "workflows"
    old.mkdir(parents=True)
    (old / "test.yml").write_text("name: test\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n"
                                  "      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n"
                                  "      - run: make test\n", encoding="utf-8")
    found = sorted(f.split(" ")[0] for f in serious(zizmor(old)))
    assert found == ["artipacked", "excessive-permissions", "unpinned-uses", "unpinned-uses"], found


def test_the_release_job_builds_with_the_same_browser_step_and_attaches_its_files():
    test_steps = {s.get("name"): s for s in workflow_steps("test")}
    release = workflow_steps("release")
    browser = next(s for s in release if "chromium" in s.get("run", ""))
    assert browser["run"] == test_steps["Install chromium for the browser test"]["run"]
    attach = release[-1]["run"]
    assert "build/release/*" in attach and "--notes-file build/release-notes.md" in attach
    assert "${{" not in attach, "pass values through env:, never into the script (template injection)"


def test_the_workflow_and_the_readme_name_the_two_bundles_the_release_attaches():
    """#20: `make bundle` writes two bundles (participant and facilitator); the workflow's comments and step names,
    .ci/run and the README's download section said "the bundle"."""
    from tools import bundle, release
    said = WORKFLOW.read_text(encoding="utf-8") + (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert not re.search(r"\bthe bundle\b", said, re.I), [line for line in said.splitlines() if "the bundle" in line]
    build = next(s for s in workflow_steps("release") if "make release" in s.get("run", ""))
    assert "participant and facilitator bundles" in build["name"], build["name"]
    attached = [f"{release.PREFIX}-{name}" for name, source, *_ in release.ASSETS if source.startswith("bundle:")]
    assert attached == [f"{bundle.NAME}.zip", f"{bundle.FACILITATOR}.zip"], attached
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    download = readme[readme.index("**Releases**"):readme.index("## Two commands")]
    assert all(f"`{name}`" in download for name in attached), download
