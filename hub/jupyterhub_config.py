# The loopback JupyterHub of the hub test and `make hub-check` (tools/hub.py starts it; never a real hub).
#
# Everything listens on 127.0.0.1 only. Participants log in with a shared test password (DummyAuthenticator)
# and each gets a JupyterLab server from SimpleLocalProcessSpawner, a process of the same system user with its
# own home folder: the learner environment of requirements.txt (this .venv), nbgitpuller included.
# tools/hub.py passes the folder, ports, password and API token in HUB_* environment variables.
# A real hub for a group: hub/z2jh-config.yaml (Zero to JupyterHub on Kubernetes) and hub/README.md.
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)

state = Path(os.environ["HUB_STATE_DIR"])
bin_dir = Path(sys.executable).parent

c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ['HUB_PORT']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["HUB_INTERNAL_PORT"])
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True
# what to do when something fails, on top of every hub page (hub/announcement.yml)
c.JupyterHub.template_vars = {"announcement": os.environ.get("HUB_ANNOUNCEMENT", "")}
# a participant whose server is not running (first click, or stopped) gets it started without a button
c.JupyterHub.implicit_spawn_seconds = 0.5

c.ConfigurableHTTPProxy.command = [os.environ["HUB_PROXY"]]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["HUB_PASSWORD"]
c.Authenticator.allow_all = True

# The checker's own token (a service): it reads users' server state and talks to their servers' API.
c.JupyterHub.services = [{"name": "hub-check", "api_token": os.environ["HUB_API_TOKEN"]}]
c.JupyterHub.load_roles = [{"name": "hub-check", "services": ["hub-check"],
                            "scopes": ["admin:users", "admin:servers", "access:servers", "list:users"]}]

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "home" / "{username}")
c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.ip = "127.0.0.1"
# as root (a container, CI) JupyterLab refuses to start unless told
c.Spawner.args = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []
# a git configuration for the servers: the tests redirect the package's GitHub address to a local clone
c.Spawner.environment = {"GIT_CONFIG_GLOBAL": os.environ["HUB_GIT_CONFIG"]}
# thirty servers starting at once on a small machine take longer than the defaults allow
c.Spawner.start_timeout = int(os.environ.get("HUB_START_TIMEOUT", "180"))
c.Spawner.http_timeout = int(os.environ.get("HUB_START_TIMEOUT", "180"))
c.JupyterHub.concurrent_spawn_limit = 0
