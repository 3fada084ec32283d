"""A real JupyterHub on loopback, and the link a facilitator hands out followed for real.

One hub for the module (tools/hub.py: JupyterHub with hub/jupyterhub_config.py, its proxy from the npm registry,
SimpleLocalProcessSpawner, a test password). The package is published to a local git repository as a facilitator
would publish it to GitHub, `make links HUB=…` (tools.links) prints the nbgitpuller links in that clone, and the
participants' git fetches the link's GitHub address from the local repository (nothing leaves the machine).
The last test stops the hub and checks that every process it started has ended.

The hub's proxy comes from the npm registry (`make test` installs it; so does the fixture when npm is there).
Without Node.js and npm this module skips with the reason; CI sets REQUIRE_HUB=1, which turns that skip into a
failure. On Windows it skips (the local spawner needs a POSIX system).
"""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from helpers.errors import HelperError
from tools import hub_check
from tools.hub import LoopbackHub, Participant, ParticipantError, announcement, ensure_proxy, free_port, probe

NAME = hub_check.NAME
NB00, NB01 = hub_check.NOTEBOOKS
NOTE = "My own note on the thesis, written during the session."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(hub, the published clone, the bare 'GitHub' repository, notebook -> printed JupyterHub link)."""
    reason = "the loopback hub needs a POSIX system (Linux or macOS)" if os.name == "nt" else None
    if reason is None:
        try:
            ensure_proxy()
        except HelperError as exc:
            reason = str(exc)
    if reason:
        if os.environ.get("REQUIRE_HUB") == "1":
            pytest.fail(f"the hub test must run here (REQUIRE_HUB=1) but {reason}")
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("hub-site")
    (work / "hub").mkdir()
    hub = LoopbackHub(work / "hub", git_redirects=hub_check.redirects(work / hub_check.UPSTREAM), start_timeout=120)
    hub.start()
    copy, bare, links = hub_check.publish(work, hub.url)     # `make links HUB=…` once the hub answers
    yield hub, copy, bare, links
    hub.stop()
    assert not hub.running(), f"processes the hub started are still running: {hub.running()}"


def as_participant(hub: LoopbackHub, name: str, job, timeout: float = 120):
    """Run ``await job(participant)`` with one participant's browser (its cookies), closed afterwards."""
    async def go():
        person = Participant(hub, name, timeout=timeout)
        try:
            return await job(person)
        finally:
            await person.close()
    return asyncio.run(go())


def follow(hub: LoopbackHub, name: str, link: str):
    return as_participant(hub, name, lambda person: person.click(link))


def test_make_links_prints_an_nbgitpuller_link_for_every_notebook(site):
    hub, copy, _, links = site
    assert sorted(links) == sorted(p.name for p in (copy / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    pull = urlparse(links[NB00])
    assert f"{pull.scheme}://{pull.netloc}" == hub.url and pull.path == "/hub/user-redirect/git-pull"
    assert parse_qs(pull.query) == {"repo": [f"https://github.com/{hub_check.REPO}"],
                                    "urlpath": [f"lab/tree/{NAME}/notebooks/{NB00}"], "branch": ["main"]}


def test_the_link_pulls_the_notebooks_and_lands_on_00_in_jupyterlab(site):
    hub, _, _, links = site
    click = follow(hub, "learner", links[NB00])
    assert click.status == 200 and click.landed == f"/user/learner/lab/tree/{NAME}/notebooks/{NB00}", click.steps
    assert click.app == "JupyterLab", click.app
    # the way there: the login page, the hub starting the server, nbgitpuller's page, then JupyterLab
    path = " ".join(click.steps)
    assert "/hub/login" in path and "/hub/spawn" in path and "/user/learner/git-pull" in path, path
    home = hub.state / "home" / "learner" / NAME
    assert sorted(p.name for p in (home / "notebooks").glob("*.ipynb")) == sorted(site[3])
    assert (home / "seeds" / "we-are-losing" / "essay.txt").is_file()
    assert "Cloning into" in click.pull_output, click.pull_output


def test_a_second_click_after_an_upstream_change_merges_and_keeps_the_participants_edit(site):
    hub, copy, bare, links = site
    async def edit(person):
        nb = await person.read_notebook(f"{NAME}/notebooks/{NB00}")
        nb["cells"].append({"cell_type": "markdown", "id": "my-note", "metadata": {}, "source": NOTE})
        title = next(c for c in nb["cells"] if c["source"].startswith("# "))      # the same line upstream changes
        title["source"] = title["source"].replace("# ", "# (my title) ", 1)
        await person.write_notebook(f"{NAME}/notebooks/{NB00}", nb)
    as_participant(hub, "learner", edit)
    # upstream: the facilitator corrects the title of 00 (the line the participant changed too), notebook 01 and
    # the README, and pushes
    nb00 = copy / "notebooks" / NB00
    text00 = nb00.read_text(encoding="utf-8")
    nb00.write_text(text00.replace('"source": [\n    "# ', '"source": [\n    "# (corrected) ', 1), encoding="utf-8")
    assert nb00.read_text(encoding="utf-8") != text00
    readme = copy / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nA correction pushed during the workshop.\n",
                      encoding="utf-8")
    nb01 = copy / "notebooks" / NB01
    text = nb01.read_text(encoding="utf-8")
    nb01.write_text(text.replace('"source": [\n    "# ', '"source": [\n    "# (corrected) ', 1), encoding="utf-8")
    assert nb01.read_text(encoding="utf-8") != text
    hub_check.push(copy, bare, "a correction during the workshop")

    click = follow(hub, "learner", links[NB00])
    assert click.status == 200 and click.landed.endswith(f"/lab/tree/{NAME}/notebooks/{NB00}")
    home = hub.state / "home" / "learner" / NAME
    mine = json.loads((home / "notebooks" / NB00).read_text(encoding="utf-8"))
    assert mine["cells"][-1]["source"] in (NOTE, [NOTE]), "the participant's own note survived the second click"
    titles = ["".join(c["source"]).split("\n")[0] for c in mine["cells"] if "".join(c["source"]).startswith("# ")]
    assert titles[0].startswith("# (my title) "), f"where both changed the same line, the participant's stays: {titles}"
    assert "Automatic commit by nbgitpuller" in click.pull_output or "Merge" in click.pull_output, click.pull_output
    assert "A correction pushed during the workshop." in (home / "README.md").read_text(encoding="utf-8")
    assert "# (corrected) " in (home / "notebooks" / NB01).read_text(encoding="utf-8"), "the upstream change arrived"


def test_three_participants_at_once_run_00_and_01_in_their_own_kernels(site):
    hub, _, _, links = site
    summary, text = hub_check.on_hub(hub, links[NB00], users=3, timeout=240)
    print(text)
    assert summary["succeeded"] == 3, summary["problems"]
    times = summary["click_to_first_output_s"]
    assert 0 < times["median"] <= times["p95"] <= times["max"] < 240
    memory = summary["memory_mb"]
    assert memory["per_participant_median"] > 50 and memory["kernels_max"] > 20 and memory["server_max"] > 20
    assert memory["whole_hub_peak"] >= 3 * memory["per_participant_median"]
    assert "succeeded: 3 of 3" in text and "95th percentile" in text


def test_the_first_output_is_the_essay_loaded(site):
    hub, _, _, links = site
    async def job(person):
        try:
            return await person.run_notebook(f"{NAME}/notebooks/{NB00}")
        finally:
            await person.shutdown_kernels()
    outcome = as_participant(hub, "learner", job)
    assert not outcome.errors and outcome.cells > 3
    assert outcome.first_text.startswith("The essay is loaded"), outcome.first_text


def test_a_page_for_a_stopped_server_says_what_to_do(site):
    hub, _, _, _ = site
    assert hub.api("DELETE", "/users/learner/server").status_code in (202, 204)
    for _ in range(100):
        if not hub.api("GET", "/users/learner").json()["servers"]:
            break
        time.sleep(0.2)
    async def visit(person):                   # a participant back from a break, to a server the hub stopped
        steps: list[str] = []
        page = await person._get("/user/learner/lab", steps)
        return await person._login(page, steps)
    page = as_participant(hub, "learner", visit)
    assert page.status_code == 424, page.status_code
    assert announcement() in page.text
    assert "paper" in announcement() and "papel" in announcement()


def test_a_wrong_hub_address_gets_a_message_saying_what_to_do(site):
    _, copy, _, _ = site
    wrong = f"http://127.0.0.1:{free_port()}"
    message = probe(wrong)
    assert message and wrong in message and "make handouts" in message and "administrator" in message
    done = subprocess.run([sys.executable, "-m", "tools.links", "--hub", wrong], cwd=copy, capture_output=True,
                          text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "JupyterHub links not printed" in done.stderr and "paper" in done.stderr
    assert "Binder:" in done.stdout and "JupyterHub:" not in done.stdout
    subprocess.run(["git", "checkout", "--", "."], cwd=copy, check=True)
    nowhere = LoopbackHub(copy.parent / "nowhere")
    nowhere.url = wrong                           # a participant given the wrong address
    with pytest.raises(ParticipantError, match="tell the facilitator and continue on paper"):
        as_participant(nowhere, "learner", lambda person: person.click(wrong + "/hub/user-redirect/git-pull?repo=x"))


def test_a_stopped_hub_ends_every_process_it_started_and_the_facilitator_hears_what_to_do(site):
    hub, _, _, _ = site
    assert probe(hub.url) is None
    started = hub.running()
    assert len(started) >= 3, started          # the hub, its proxy, the participants' servers and kernels
    hub.stop()
    assert hub.running() == [], "every process the hub started has ended"
    message = probe(hub.url)
    assert message and "the hub is stopped" in message and "paper" in message
