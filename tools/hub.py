"""A real JupyterHub on loopback, and participants who follow the facilitator's nbgitpuller link on it.

Used by tests/test_hub.py and ``make hub-check`` (tools/hub_check.py). ``LoopbackHub`` starts JupyterHub with
hub/jupyterhub_config.py (every port on 127.0.0.1, a test password, SimpleLocalProcessSpawner, the proxy from
hub/node_modules), samples the memory of every process it started, and stops them all by their ids.
``Participant`` does what a participant's browser does with the link ``make links HUB=…`` prints: log in, start
the server, let nbgitpuller pull the notebooks, land in JupyterLab; then runs a notebook in a kernel of that
server through the server's own REST and websocket API, timing the first output.
``probe`` tells a facilitator, kindly, when no hub answers at an address.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlparse

import httpx
import psutil

from helpers.errors import HelperError
from helpers.essay import PROJECT

HUB_DIR = PROJECT / "hub"
CONFIG = HUB_DIR / "jupyterhub_config.py"
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "loopback-test-only"

PAPER_ROUTE = ("run the session on paper meanwhile: `make handouts` prints the reader's edition and the participant "
               "editions (the setup page's routes A to C still work for anyone with a laptop)")


def announcement() -> str:
    """The hub's announcement (hub/announcement.yml) as the HTML JupyterHub shows on top of every page."""
    import yaml
    text = yaml.safe_load((HUB_DIR / "announcement.yml").read_text(encoding="utf-8"))
    return f'<span lang="en">{text["en"]}</span><br><span lang="es">{text["es"]}</span>'


def ensure_proxy() -> Path:
    """The proxy JupyterHub needs (configurable-http-proxy, pinned in hub/package-lock.json), installed if missing."""
    if PROXY.exists():
        return PROXY
    npm = shutil.which("npm")
    if npm is None:
        raise HelperError("hub/package.json", "the hub's proxy, configurable-http-proxy, is not installed and npm "
                          "was not found.", "install Node.js 20 or newer with npm, then run `make hub-proxy`.")
    done = subprocess.run([npm, "ci", "--prefix", str(HUB_DIR), "--no-audit", "--no-fund", "--loglevel=error"],
                          capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0 or not PROXY.exists():
        raise HelperError("hub/package.json", f"`npm ci` could not install the proxy ({done.stderr.strip()[-300:]}).",
                          "check the connection to the npm registry, then run `make hub-proxy`.")
    return PROXY


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def probe(hub: str, timeout: float = 5.0) -> str | None:
    """None when a JupyterHub answers at ``hub``; otherwise the message for the facilitator, saying what to do."""
    base = hub.rstrip("/")
    try:
        answer = httpx.get(f"{base}/hub/api", timeout=timeout, follow_redirects=True)
        version = answer.json().get("version") if answer.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError):
        version = None
    if version:
        return None
    return (f"No JupyterHub answered at {base}: the address is wrong, or the hub is stopped. What to do: check the "
            f"address with the hub's administrator (it is the address of the hub's login page, without /hub/login) "
            f"and ask them to start the hub; if it cannot be running in time, {PAPER_ROUTE}. Participants whose link "
            f"fails: tell them to say so and to join the paper route, not to retry the link again and again.")


@dataclass
class Memory:
    """Peak resident memory (bytes) seen while sampling: per participant (server, kernels, both) and in all."""
    per_user: dict[str, dict[str, int]] = field(default_factory=dict)
    whole_hub: int = 0
    hub_and_proxy: int = 0
    samples: int = 0
    cpu: dict[int, tuple[str | None, float]] = field(default_factory=dict)   # pid -> (participant, CPU seconds)

    def cpu_seconds(self) -> dict[str | None, float]:
        """CPU seconds used, as last seen, by each participant's processes (None: the hub and its proxy)."""
        out: dict[str | None, float] = {}
        for user, seconds in self.cpu.values():
            out[user] = out.get(user, 0.0) + seconds
        return out


class LoopbackHub:
    """JupyterHub on 127.0.0.1 in ``workdir``; ``git_redirects`` maps an address prefix to a local repository URL
    (a git ``insteadOf`` rule for the participants' servers), so a link to GitHub can pull a local clone."""

    def __init__(self, workdir: Path, git_redirects: dict[str, str] | None = None, start_timeout: int = 180):
        self.workdir = Path(workdir)
        self.state = self.workdir / "state"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.password = PASSWORD
        self.git_redirects = git_redirects or {}
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None
        self.seen: dict[int, psutil.Process] = {}
        self.memory = Memory()
        self._sampling = threading.Event()
        self._sampler: threading.Thread | None = None
        self._users_of: dict[int, str | None] = {}

    # -- start and stop -------------------------------------------------------------------------------------------
    def start(self, timeout: float = 60) -> "LoopbackHub":
        proxy = ensure_proxy()
        self.state.mkdir(parents=True, exist_ok=True)
        gitconfig = self.workdir / "gitconfig"
        rules = "".join(f'[url "{local}"]\n\tinsteadOf = {prefix}\n' for prefix, local in self.git_redirects.items())
        gitconfig.write_text(rules + "[user]\n\tname = participant\n\temail = participant@localhost\n", encoding="utf-8")
        env = {**os.environ, "HUB_STATE_DIR": str(self.state), "HUB_PORT": str(self.port),
               "HUB_INTERNAL_PORT": str(free_port()), "HUB_PROXY_API_PORT": str(free_port()),
               "HUB_PROXY": str(proxy), "HUB_PASSWORD": self.password, "HUB_API_TOKEN": self.token,
               "HUB_GIT_CONFIG": str(gitconfig), "HUB_ANNOUNCEMENT": announcement(), "HUB_START_TIMEOUT": str(self.start_timeout),
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        env.pop("JUPYTERHUB_API_TOKEN", None)
        self.log = (self.workdir / "jupyterhub.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen([str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
                                        cwd=self.state, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.seen[self.process.pid] = psutil.Process(self.process.pid)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited at start; its log:\n{self.log_text()[-3000:]}")
            if probe(self.url, timeout=2) is None:
                self._remember()
                return self
            time.sleep(0.3)
        raise RuntimeError(f"JupyterHub did not answer within {timeout:.0f} s; its log:\n{self.log_text()[-3000:]}")

    def log_text(self) -> str:
        path = self.workdir / "jupyterhub.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def _remember(self) -> list[psutil.Process]:
        """The hub and every process under it (proxy, servers, kernels, git), remembered by id for stop()."""
        if self.process is None:
            return []
        try:
            found = [psutil.Process(self.process.pid)]
            found += found[0].children(recursive=True)
        except psutil.NoSuchProcess:
            found = []
        for p in found:
            self.seen.setdefault(p.pid, p)
        return found

    def stop(self, grace: float = 15) -> list[int]:
        """Stop the hub (it stops the servers and the proxy), then end whatever is left, each by its id."""
        self.stop_sampling()
        self._remember()
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                pass
        left = []
        for pid, proc in self.seen.items():
            try:
                if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                    proc.kill()
                    left.append(pid)
            except psutil.NoSuchProcess:
                pass
        if self.process is not None:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if getattr(self, "log", None):
            self.log.close()
        return left

    def running(self) -> list[int]:
        """Ids of the processes this hub started that are still alive (empty after stop())."""
        alive = []
        for pid, proc in self.seen.items():
            try:
                if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                    alive.append(pid)
            except psutil.NoSuchProcess:
                pass
        return alive

    def __enter__(self) -> "LoopbackHub":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- memory -------------------------------------------------------------------------------------------------
    def _user_of(self, proc: psutil.Process) -> str | None:
        if proc.pid not in self._users_of:
            try:
                self._users_of[proc.pid] = proc.environ().get("JUPYTERHUB_USER")
            except (psutil.Error, OSError):
                return None
        return self._users_of[proc.pid]

    def sample(self) -> None:
        """One look at the resident memory of the hub and everything under it."""
        total, own, per_user = 0, 0, {}
        for proc in self._remember():
            try:
                rss = proc.memory_info().rss
                kernel = "ipykernel" in " ".join(proc.cmdline())
                times = proc.cpu_times()
            except (psutil.Error, OSError):
                continue
            total += rss
            user = self._user_of(proc)
            self.memory.cpu[proc.pid] = (user, times.user + times.system)
            if not user:
                own += rss
            if user:
                mine = per_user.setdefault(user, {"server": 0, "kernels": 0})
                mine["kernels" if kernel else "server"] += rss
        m = self.memory
        m.samples += 1
        m.whole_hub = max(m.whole_hub, total)
        m.hub_and_proxy = max(m.hub_and_proxy, own)
        for user, mine in per_user.items():
            peak = m.per_user.setdefault(user, {"server": 0, "kernels": 0, "both": 0})
            peak["server"] = max(peak["server"], mine["server"])
            peak["kernels"] = max(peak["kernels"], mine["kernels"])
            peak["both"] = max(peak["both"], mine["server"] + mine["kernels"])

    def start_sampling(self, every: float = 0.5) -> None:
        def loop():
            while not self._sampling.is_set():
                self.sample()
                self._sampling.wait(every)
        self._sampling.clear()
        self._sampler = threading.Thread(target=loop, daemon=True)
        self._sampler.start()

    def stop_sampling(self) -> None:
        self._sampling.set()
        if self._sampler is not None:
            self._sampler.join(timeout=10)
            self._sampler = None

    # -- the hub's REST API (the checker's service token) -------------------------------------------------------
    def api(self, method: str, path: str, **kwargs) -> httpx.Response:
        return httpx.request(method, f"{self.url}/hub/api{path}", headers={"Authorization": f"token {self.token}"},
                             timeout=30, **kwargs)


# ---------------------------------------------------------------------------------------------------------------
@dataclass
class Click:
    """What following the link did: where the participant landed and how long each part took (seconds)."""
    landed: str = ""
    status: int = 0
    app: str = ""                # the application the landing page is (JupyterLab's page names itself)
    steps: list[str] = field(default_factory=list)
    pull_output: str = ""
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class Run:
    """A notebook run in the participant's kernel: seconds from the click to its first output, outputs, errors."""
    notebook: str
    first_output: float | None = None
    first_text: str = ""
    cells: int = 0
    outputs: int = 0
    errors: list[str] = field(default_factory=list)
    kernel_id: str = ""


class ParticipantError(Exception):
    """A step a participant could not get past, in words a facilitator can act on."""


class Participant:
    """One participant's browser, as far as the hub sees it: cookies, redirects and the pages' own requests."""

    def __init__(self, hub: LoopbackHub, name: str, timeout: float = 300):
        self.hub, self.name, self.timeout = hub, name, timeout
        self.client = httpx.AsyncClient(base_url=hub.url, follow_redirects=False, timeout=60)
        self.t0 = time.monotonic()
        self.kernels: list[str] = []

    async def close(self) -> None:
        await self.client.aclose()

    @property
    def base(self) -> str:
        return f"/user/{quote(self.name)}/"

    async def _get(self, url: str, steps: list[str], limit: int = 20) -> httpx.Response:
        """GET with redirects followed by hand, so the steps a browser goes through are recorded."""
        for _ in range(limit):
            try:
                answer = await self._retry(self.client.get, url)
            except httpx.ConnectError:
                raise ParticipantError(f"nothing answered at {self.hub.url}: the hub is stopped or the address is "
                                       f"wrong; tell the facilitator and continue on paper") from None
            steps.append(f"{answer.status_code} {urlparse(url).path}")
            if answer.status_code in (301, 302, 303, 307, 308):
                url = answer.headers["location"]
                if url.startswith(self.hub.url):
                    url = url[len(self.hub.url):]
                continue
            return answer
        raise ParticipantError(f"too many redirects from {url}")

    @staticmethod
    async def _retry(send, *args, tries: int = 3, **kwargs) -> httpx.Response:
        """A request sent again (up to ``tries`` times, a second apart) when a busy proxy drops the connection
        mid-answer, as a browser's page does; a refused connection (nothing listening) is not retried."""
        for attempt in range(tries):
            try:
                return await send(*args, **kwargs)
            except (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError, httpx.ReadTimeout):
                if attempt == tries - 1:
                    raise
                await asyncio.sleep(1)
        raise AssertionError("unreachable")

    async def _login(self, page: httpx.Response, steps: list[str]) -> httpx.Response:
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', page.text)
        form = {"username": self.name, "password": self.hub.password, **({"_xsrf": xsrf.group(1)} if xsrf else {})}
        url = str(page.request.url)
        answer = await self._retry(self.client.post, url[len(self.hub.url):] if url.startswith(self.hub.url) else url,
                                   data=form)
        steps.append(f"{answer.status_code} POST /hub/login")
        if answer.status_code not in (302, 303):
            raise ParticipantError(f"the login was refused ({answer.status_code})")
        return await self._get(answer.headers["location"], steps)

    async def _wait_ready(self) -> None:
        """Wait, as the hub's 'server starting' page does, until the participant's server is ready."""
        started = time.monotonic()
        while time.monotonic() < started + self.timeout:
            answer = await asyncio.to_thread(self.hub.api, "GET", f"/users/{quote(self.name)}")
            data = answer.json() if answer.status_code == 200 else {}
            server = data.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if not server and not data.get("pending") and time.monotonic() > started + 5:
                raise ParticipantError("the hub could not start this participant's server (see the hub's log)")
            await asyncio.sleep(0.3)
        raise ParticipantError(f"the server was not ready within {self.timeout:.0f} s")

    async def click(self, link: str) -> Click:
        """Follow an nbgitpuller link as a browser would: login, start the server, pull, land in JupyterLab."""
        done = Click()
        self.t0 = t0 = time.monotonic()
        url = link[len(self.hub.url):] if link.startswith(self.hub.url) else link
        page = await self._get(url, done.steps)
        if "/hub/login" in str(page.request.url) and page.status_code == 200:
            page = await self._login(page, done.steps)
        done.seconds["login"] = time.monotonic() - t0
        if page.status_code == 424:                        # server not running: the page's button (or its timer)
            spawn = re.search(r'href="([^"]*/hub/spawn/[^"]*)"', page.text)
            if not spawn:
                raise ParticipantError("the hub's 'server not running' page offered no way to start it")
            page = await self._get(unescape(spawn.group(1)), done.steps)
        if "/hub/spawn-pending/" in str(page.request.url):
            await self._wait_ready()
            nxt = parse_qs(urlparse(str(page.request.url)).query).get("next", [""])[0]
            page = await self._get(nxt, done.steps)
        done.seconds["server"] = time.monotonic() - t0
        if "/git-pull" not in str(page.request.url) or page.status_code != 200:
            raise ParticipantError(f"the link did not reach nbgitpuller (ended at {page.request.url.path}, "
                                   f"{page.status_code})")
        # nbgitpuller's page: its script asks the pull API for an event stream, then goes to the path it names
        attrs = {k: unquote(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        query = {"_xsrf": attrs.get("xsrf", ""), "repo": attrs["repo"], "targetpath": attrs["targetpath"]}
        for key in ("depth", "branch", "backup"):
            if key in attrs:
                query[key] = attrs[key]
        lines, phase = [], ""
        for attempt in range(3):        # the page's script asks again if a busy proxy drops the stream
            try:
                async with self.client.stream("GET", f"{self.base}git-pull/api?{urlencode(query)}",
                                              headers={"Accept": "text/event-stream"}, timeout=self.timeout) as stream:
                    async for line in stream.aiter_lines():
                        if line.startswith("data: "):
                            event = json.loads(line[6:])
                            phase = event.get("phase", phase)
                            lines.append(event.get("output") or event.get("message") or "")
                            if phase in ("finished", "error"):
                                break
                break
            except (httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout):
                if attempt == 2:
                    raise
                await asyncio.sleep(1)
        done.pull_output = "\n".join(x.rstrip() for x in lines if x)
        if phase != "finished":
            raise ParticipantError(f"nbgitpuller could not pull the notebooks: {done.pull_output[-400:]}")
        done.seconds["pull"] = time.monotonic() - t0
        target = attrs["base-url"] + attrs["path"]
        page = await self._get(target, done.steps)
        done.landed, done.status = page.request.url.path, page.status_code
        app = re.search(r'"appName":\s*"([^"]+)"', page.text)
        done.app = app.group(1) if app else ""
        done.seconds["landed"] = time.monotonic() - t0
        return done

    # -- the server's own API -----------------------------------------------------------------------------------
    async def server_api(self, method: str, path: str, **kwargs) -> httpx.Response:
        if method in ("GET", "PUT", "DELETE"):                  # idempotent: sent again if the connection drops
            return await self._retry(self.client.request, method, f"{self.base}api/{path}", **kwargs,
                                     headers={"Authorization": f"token {self.hub.token}"})
        return await self.client.request(method, f"{self.base}api/{path}", **kwargs,
                                         headers={"Authorization": f"token {self.hub.token}"})

    async def read_notebook(self, path: str) -> dict:
        answer = await self.server_api("GET", f"contents/{quote(path)}?content=1&type=notebook")
        if answer.status_code != 200:
            raise ParticipantError(f"{path} is not in the participant's files ({answer.status_code})")
        return answer.json()["content"]

    async def write_notebook(self, path: str, notebook: dict) -> None:
        answer = await self.server_api("PUT", f"contents/{quote(path)}",
                                       json={"type": "notebook", "format": "json", "content": notebook})
        if answer.status_code not in (200, 201):
            raise ParticipantError(f"could not save {path} ({answer.status_code}: {answer.text[:200]})")

    async def run_notebook(self, path: str, cell_timeout: float = 180) -> Run:
        """Every code cell of the notebook, in order, in a new kernel of this participant's server."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        run = Run(notebook=path.rsplit("/", 1)[-1])
        notebook = await self.read_notebook(path)
        answer = await self.server_api("POST", "sessions", json={"path": path, "type": "notebook", "name": "",
                                                                  "kernel": {"name": "python3"}})
        if answer.status_code not in (200, 201):
            raise ParticipantError(f"no kernel for {path} ({answer.status_code}: {answer.text[:200]})")
        run.kernel_id = answer.json()["kernel"]["id"]
        self.kernels.append(run.kernel_id)
        ws_url = f"ws://127.0.0.1:{self.hub.port}{self.base}api/kernels/{run.kernel_id}/channels"
        # a crowd on a small machine: the connection may take longer than tornado's 20 s default
        ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {self.hub.token}"},
                                                 connect_timeout=self.timeout, request_timeout=self.timeout),
                                     max_message_size=256 * 1024 * 1024)
        session = uuid.uuid4().hex
        try:
            for cell in notebook["cells"]:
                if cell["cell_type"] != "code" or not "".join(cell["source"]).strip():
                    continue
                run.cells += 1
                msg_id = uuid.uuid4().hex
                ws.write_message(json.dumps({
                    "header": {"msg_id": msg_id, "username": self.name, "session": session, "date": "",
                               "msg_type": "execute_request", "version": "5.3"},
                    "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                    "content": {"code": "".join(cell["source"]), "silent": False, "store_history": True,
                                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
                replied = idle = False
                deadline = time.monotonic() + cell_timeout
                while not (replied and idle):
                    raw = await asyncio.wait_for(ws.read_message(), timeout=max(1, deadline - time.monotonic()))
                    if raw is None:
                        raise ParticipantError(f"{run.notebook}: the kernel's connection closed")
                    msg = json.loads(raw)
                    if msg.get("parent_header", {}).get("msg_id") != msg_id:
                        continue
                    kind = msg["header"]["msg_type"]
                    if kind in ("stream", "display_data", "execute_result", "error"):
                        run.outputs += 1
                        if run.first_output is None:
                            run.first_output = time.monotonic() - self.t0
                            content = msg["content"]
                            run.first_text = content.get("text") or content.get("data", {}).get("text/plain", "")
                    if kind == "error" and "raises-exception" not in cell.get("metadata", {}).get("tags", []):
                        run.errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}"[:300])
                    elif kind == "execute_reply":
                        replied = True
                    elif kind == "status" and msg["content"]["execution_state"] == "idle":
                        idle = True
                if run.errors:
                    break
        finally:
            ws.close()
        return run

    async def shutdown_kernels(self) -> None:
        for kernel in self.kernels:
            await self.server_api("DELETE", f"kernels/{kernel}")
        self.kernels = []
