"""``make hub-check [USERS=30]``: a workshop's first minutes on a real JupyterHub, on this machine's loopback.

Publishes the package to a local git repository (a copy of the committed files, as GitHub would serve them), starts
JupyterHub on 127.0.0.1 (tools/hub.py), asks ``make links`` (tools.links, in the copy) for the nbgitpuller link of
notebook 00, and lets N participants follow it at once: log in, start their server, pull the notebooks, land on 00
in JupyterLab, then run notebooks 00 and 01 in kernels of their own server (REST and websocket API). Prints how many
succeeded, the median and 95th-percentile time from the click to the first output, and the peak memory per
participant (server and kernels) and of the whole hub. Bounded: ``--timeout`` seconds in all (default 900), and
every process the hub started is ended by its id at the end. Nothing leaves the machine: the link's GitHub address
is redirected to the local repository for the participants' servers.
"""
from __future__ import annotations

import argparse
import asyncio
import math
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from helpers.essay import PROJECT
from tools.hub import LoopbackHub, Participant, ParticipantError

REPO = "hub-check/we-are-losing-study"        # the GitHub owner/name the link names; redirected to a local repository
NAME = REPO.split("/")[1]
NOTEBOOKS = ("00_start_here.ipynb", "01_argument_structure.ipynb")
UPSTREAM = "upstream.git"                      # the bare repository standing in for GitHub, inside the work folder
MB = 1024 * 1024
MEASURED = PROJECT / "hub" / "measured.yml"


def project_files(root: Path = PROJECT) -> list[Path]:
    """The files a clone of the published repository has: git's tracked (and not ignored) files, as they are now."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=root,
                         capture_output=True, text=True, encoding="utf-8", check=True)
    return [root / line for line in out.stdout.splitlines() if (root / line).is_file()]


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=True).stdout


def publish(dest: Path, hub: str) -> tuple[Path, Path, dict[str, str]]:
    """What a facilitator does: a clone of the package whose origin is the GitHub address REPO, `make links
    HUB=…` in it, commit and push (here to a bare repository standing in for GitHub).
    Returns (the clone, the bare repository, notebook -> the JupyterHub link `make links` printed)."""
    copy, bare = dest / "package", dest / UPSTREAM
    for path in project_files():
        target = copy / path.relative_to(PROJECT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    git("init", "-q", "-b", "main", cwd=copy)
    git("remote", "add", "origin", f"https://github.com/{REPO}.git", cwd=copy)
    links = printed_links(copy, hub)
    git("add", "-A", cwd=copy)
    git("-c", "user.name=facilitator", "-c", "user.email=facilitator@localhost", "commit", "-qm", "the package",
        cwd=copy)
    git("clone", "-q", "--bare", str(copy), str(bare), cwd=dest)
    return copy, bare, links


def push(copy: Path, bare: Path, message: str) -> None:
    """Commit what changed in the copy and push it to the stand-in for GitHub."""
    git("add", "-A", cwd=copy)
    git("-c", "user.name=facilitator", "-c", "user.email=facilitator@localhost", "commit", "-qm", message, cwd=copy)
    git("push", "-q", str(bare), "HEAD:main", cwd=copy)


def printed_links(copy: Path, hub: str) -> dict[str, str]:
    """notebook -> the JupyterHub link `make links HUB=…` prints in the copy (python -m tools.links there)."""
    done = subprocess.run([sys.executable, "-m", "tools.links", "--hub", hub], cwd=copy, capture_output=True,
                          text=True, encoding="utf-8")
    if done.returncode != 0:
        raise RuntimeError(f"make links failed in the copy:\n{done.stdout}\n{done.stderr}")
    links, current = {}, None
    for line in done.stdout.splitlines():
        if re.match(r"^\d\d_\w+\.ipynb$", line.strip()):
            current = line.strip()
        elif line.strip().startswith("JupyterHub: ") and current:
            links[current] = line.strip()[len("JupyterHub: "):]
    return links


def redirects(bare: Path) -> dict[str, str]:
    """The participants' git: the GitHub address the link names is fetched from the local bare repository."""
    return {f"https://github.com/{REPO}": bare.as_uri()}


@dataclass
class Outcome:
    name: str
    ok: bool = False
    problem: str = ""
    landed: str = ""
    first_output: float | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    runs: list = field(default_factory=list)


async def participant(hub: LoopbackHub, name: str, link: str, notebooks: tuple[str, ...], timeout: float) -> Outcome:
    out = Outcome(name)
    person = Participant(hub, name, timeout=timeout)
    stage = "following the link"
    try:
        click = await person.click(link)
        out.landed, out.seconds = click.landed, click.seconds
        if click.status != 200 or not click.landed.endswith(f"/lab/tree/{NAME}/notebooks/{NOTEBOOKS[0]}"):
            raise ParticipantError(f"landed on {click.landed} ({click.status}), not on notebook 00 in JupyterLab")
        for nb in notebooks:
            stage = f"running {nb[:2]}"
            run = await person.run_notebook(f"{NAME}/notebooks/{nb}")
            out.runs.append(run)
            if run.errors:
                raise ParticipantError(f"{nb}: {run.errors[0]}")
            if not run.outputs:
                raise ParticipantError(f"{nb}: no output at all")
        out.first_output = out.runs[0].first_output
        out.ok = True
    except ParticipantError as exc:
        out.problem = str(exc)
    except Exception as exc:                      # a participant's failure is reported, never the whole check's
        out.problem = f"while {stage}: {type(exc).__name__} {exc}"[:300]
    finally:
        await person.close()
    return out


async def crowd(hub: LoopbackHub, users: int, link: str, notebooks: tuple[str, ...], timeout: float) -> list[Outcome]:
    names = [f"participant{i:02d}" for i in range(1, users + 1)]
    tasks = [asyncio.create_task(participant(hub, n, link, notebooks, timeout)) for n in names]
    done, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    return [t.result() if t in done else Outcome(n, problem=f"not finished within {timeout:.0f} s")
            for t, n in zip(tasks, names)]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summarise(outcomes: list[Outcome], hub: LoopbackHub, seconds: float) -> dict:
    firsts = [o.first_output for o in outcomes if o.ok and o.first_output is not None]
    peaks = hub.memory.per_user
    both = [peaks[o.name]["both"] for o in outcomes if o.name in peaks]
    return {
        "participants": len(outcomes),
        "succeeded": sum(o.ok for o in outcomes),
        "problems": {o.name: o.problem for o in outcomes if not o.ok},
        "click_to_first_output_s": {"median": round(statistics.median(firsts), 1) if firsts else None,
                                    "p95": round(percentile(firsts, 95), 1) if firsts else None,
                                    "max": round(max(firsts), 1) if firsts else None},
        "server_ready_s_median": round(statistics.median([o.seconds["server"] for o in outcomes
                                                          if "server" in o.seconds]), 1) if firsts else None,
        "memory_mb": {
            "per_participant_median": round(statistics.median(both) / MB) if both else None,
            "per_participant_max": round(max(both) / MB) if both else None,
            "server_max": round(max(p["server"] for p in peaks.values()) / MB) if peaks else None,
            "kernels_max": round(max(p["kernels"] for p in peaks.values()) / MB) if peaks else None,
            "whole_hub_peak": round(hub.memory.whole_hub / MB),
            "hub_and_proxy_peak": round(hub.memory.hub_and_proxy / MB),
        },
        "cpu_s": _cpu(outcomes, hub),
        "memory_samples": hub.memory.samples,
        "seconds_in_all": round(seconds, 1),
    }


def _cpu(outcomes: list[Outcome], hub: LoopbackHub) -> dict:
    """CPU seconds: per participant (server, kernels, git: median and largest) and the hub with its proxy."""
    used = hub.memory.cpu_seconds()
    mine = [used[o.name] for o in outcomes if o.name in used]
    return {"per_participant_median": round(statistics.median(mine), 1) if mine else None,
            "per_participant_max": round(max(mine), 1) if mine else None,
            "hub_and_proxy": round(used.get(None, 0.0), 1)}


def report(summary: dict, users: int, notebooks: tuple[str, ...]) -> str:
    t, m, c = summary["click_to_first_output_s"], summary["memory_mb"], summary["cpu_s"]
    lines = [f"hub-check: {users} participants at once on a loopback JupyterHub, each following the nbgitpuller "
             f"link to {notebooks[0]} and running {' and '.join(n[:2] for n in notebooks)} in their own kernels",
             f"  succeeded: {summary['succeeded']} of {summary['participants']}",
             f"  click to first output: median {t['median']} s, 95th percentile {t['p95']} s, slowest {t['max']} s",
             f"  server ready after the click: median {summary['server_ready_s_median']} s",
             f"  peak memory per participant (server and kernels): median {m['per_participant_median']} MB, "
             f"largest {m['per_participant_max']} MB (server alone up to {m['server_max']} MB, kernels up to "
             f"{m['kernels_max']} MB)",
             f"  peak memory of the whole hub (hub, proxy, every server and kernel): {m['whole_hub_peak']} MB "
             f"(the hub and its proxy alone: {m['hub_and_proxy_peak']} MB)",
             f"  processor time per participant: median {c['per_participant_median']} s, largest "
             f"{c['per_participant_max']} s (the hub and its proxy: {c['hub_and_proxy']} s)",
             f"  machine: {_cores()} cores; {summary['memory_samples']} memory samples; "
             f"{summary['seconds_in_all']} s in all"]
    for name, problem in summary["problems"].items():
        lines.append(f"  FAILED {name}: {problem}")
    return "\n".join(lines)


def _cores() -> int:
    import os
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def on_hub(hub: LoopbackHub, link: str, users: int, notebooks: tuple[str, ...] = NOTEBOOKS,
           timeout: float = 900) -> tuple[dict, str]:
    """N participants follow ``link`` at once on a running hub, memory sampled meanwhile; (summary, report)."""
    started = time.monotonic()
    hub.start_sampling()
    try:
        outcomes = asyncio.run(crowd(hub, users, link, notebooks, timeout))
    finally:
        hub.stop_sampling()
    summary = summarise(outcomes, hub, time.monotonic() - started)
    return summary, report(summary, users, notebooks)


def check(users: int, notebooks: tuple[str, ...] = NOTEBOOKS, timeout: float = 900,
          workdir: Path | None = None) -> tuple[dict, str]:
    """The whole check on a hub of its own; returns (summary, report). Every process the hub started is ended
    (by its id) before returning; ``summary["processes_left"]`` lists any that were still alive after that."""
    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="hub-check-")) if own else workdir
    try:
        (workdir / "hub").mkdir()
        hub = LoopbackHub(workdir / "hub", git_redirects=redirects(workdir / UPSTREAM), start_timeout=int(timeout))
        with hub:
            copy, bare, links = publish(workdir, hub.url)     # `make links HUB=…` once the hub answers
            summary, text = on_hub(hub, links[notebooks[0]], users, notebooks, timeout)
        summary["processes_left"] = hub.running()
        if summary["processes_left"]:
            text += f"\n  processes still running after the stop: {summary['processes_left']}"
        return summary, text
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)


def record(summary: dict, notebooks: tuple[str, ...], path: Path | None = None) -> None:
    """Write the run's figures to hub/measured.yml (the date in words, the machine, the numbers)."""
    import psutil
    import yaml
    path = path or MEASURED
    today = time.gmtime()
    data = {
        "measured_on": f"{today.tm_mday} {time.strftime('%B', today)} {today.tm_year}",
        "machine": {"cores": _cores(), "memory_gb": round(psutil.virtual_memory().total / 1024 ** 3)},
        "notebooks_run": [n[:2] for n in notebooks],
        "participants": summary["participants"],
        "succeeded": summary["succeeded"],
        "click_to_first_output_s": summary["click_to_first_output_s"],
        "server_ready_s_median": summary["server_ready_s_median"],
        "memory_mb": summary["memory_mb"],
        "cpu_s": summary["cpu_s"],
        "seconds_in_all": summary["seconds_in_all"],
    }
    head = ("# What `make hub-check USERS=30 RECORD=1` measured on a loopback JupyterHub on one machine (written by\n"
            "# tools/hub_check.py; do not edit by hand). The hub sizing in the facilitator guide and the numbers in\n"
            "# hub/z2jh-config.yaml are computed from it (tools/hub_sizing.py); tests/test_hub_sizing.py holds them to it.\n")
    path.write_text(head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.hub_check", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=30, help="participants at once (1 to 60; default 30)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds for the whole crowd (default 900)")
    parser.add_argument("--only-00", action="store_true", help="run notebook 00 only")
    parser.add_argument("--record", action="store_true",
                        help=f"write the figures to {MEASURED.relative_to(PROJECT)}, which the hub sizing is computed from")
    args = parser.parse_args(argv)
    if not 1 <= args.users <= 60:
        print("USERS: give a number from 1 to 60 (this check runs on one machine).", file=sys.stderr)
        return 2
    notebooks = NOTEBOOKS[:1] if args.only_00 else NOTEBOOKS
    summary, text = check(args.users, notebooks, args.timeout)
    print(text)
    if args.record:
        record(summary, notebooks)
        print(f"  recorded in {MEASURED.relative_to(PROJECT)}: the hub sizing (facilitator guide, hub/z2jh-config.yaml) "
              f"follows from it; run `python -m tools.hub_sizing --write` and the sizing test")
    return 0 if summary["succeeded"] == summary["participants"] and not summary["processes_left"] else 1


if __name__ == "__main__":
    sys.exit(main())
