# Two commands for a fresh machine (see README.md):
#   make lab    install what is missing, then open JupyterLab on the first notebook
#   make test   install what is missing, then run every test (helpers, data, notebooks under nbval)
# Others:
#   make test-fast   the quick loop while editing (under a minute on two cores): every test not marked slow, that is
#                    no browser, no PDFs, no hub, no handout build, no lesson executed, no single test that takes
#                    a second or more (tests/conftest.py, SLOW and SLOW_TESTS);
#                    make test and CI still run everything
#   make notebooks   re-apply the generated cells (tools/cells.py) and re-execute every notebook in place
#   make handouts [START=18:30]   build participant/facilitator editions, slides and the reader's edition into
#                    build/, with a deck, a one-page run sheet (times from START, default 18:00) per meeting
#   make links [REPO=owner/name] [BRANCH=main] [HUB=https://hub…]   turn the launch links on (default REPO:
#                    the GitHub repository of `git remote get-url origin`), or point them at a fork
#   make bundle      build the handouts, then write two zips for a USB stick or shared drive, each one folder with a
#                    start-here page: build/we-are-losing-study.zip (participants: notebooks without solutions,
#                    reader's edition, packet, setup page) and build/we-are-losing-facilitator.zip (adds guide, run
#                    sheets, checklists, decks, answers)
#   make release     handouts, their PDFs, each edition zipped and both bundles, into build/release/ (what a tag attaches)
#   make mutation-check   break each checker on purpose (tools/mutations.yml), in a copy, and show its tests fail
#   make benchmark   measure the notebook suite against a floor suite, the first output, the loader, kernel memory
#   make hub-check [USERS=30] [RECORD=1]   a real JupyterHub on loopback: N participants log in, follow the
#                    nbgitpuller link and run notebooks 00 and 01 at once; prints successes, times, memory and
#                    processor time (about 6 minutes for 30 on 2 cores); RECORD=1 writes hub/measured.yml (hub/README.md)
#   make hub-proxy   install the hub's proxy (configurable-http-proxy, pinned in hub/package.json) into hub/
#   make clean       remove the local environment (.venv) and build outputs
# Without make (Windows): see README.md, "Without make"; the same steps, in plain Python.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
PROXY  := hub/node_modules/.bin/configurable-http-proxy
USERS  ?= 30

.PHONY: lab test test-fast notebooks handouts links bundle release benchmark mutation-check hub-check hub-proxy install install-dev clean

install: $(STAMP)
install-dev: $(DEV)
hub-proxy: $(PROXY)

# The learner's environment (requirements.txt, which installs helpers/ too). Re-installs only when the
# requirements change or the environment is missing.
$(STAMP): requirements.txt pyproject.toml helpers/kernel/ipython_kernel_config.py helpers/kernel/overrides.json
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 11) <= v < (3, 15) else f"This is Python {v[0]}.{v[1]}; the package needs Python 3.11 to 3.14. Install one of those (python.org, Downloads) and run make again with PYTHON=python3.14 (or the one you installed); see README.md")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@# every kernel of the environment: a cell run before Setup says, in a sentence, to run Setup (helpers/kernel_hints.py);
	@# and JupyterLab's settings for the environment (helpers/kernel/overrides.json)
	$(BIN)/python -m helpers.kernel_hints
	@touch $@

# Tests, regeneration and handouts add requirements-dev.txt (which includes requirements.txt).
$(DEV): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# The test hub's proxy comes from the npm registry, at the version hub/package-lock.json pins (needs Node 20+).
$(PROXY): hub/package.json hub/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "The hub tests need Node.js 20 or newer with npm (https://nodejs.org); see hub/README.md"; exit 1; }
	npm ci --prefix hub --no-audit --no-fund --loglevel=error
	@touch $@

# JupyterLab refuses to run as root unless told; only containers usually do that.
AS_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(AS_ROOT) --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

# The tests run with compiled modules kept (__pycache__, ignored by git and by every copy the tools make), even where
# the shell sets PYTHONDONTWRITEBYTECODE: without them every test process, kernel and Python a test starts compiles
# the helpers, the tools and (pytest's assertion rewriting) each test file again; collecting test-fast took 6.9 s of
# processor time a process, 2.5 s with them kept (issue #24).
test: $(DEV) $(PROXY)
	@# tests/quick_imports.py first: no test process builds jsonschema's IRI parsers (1.5 to 3.5 s of processor time each)
	@# every core: each test file runs whole on one worker, so its module fixtures (a JupyterLab, a hub) start once
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -p tests.quick_imports -n auto --dist loadfile

test-fast: $(DEV)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -p tests.quick_imports -n auto --dist loadfile -m "not slow" tests

notebooks: $(DEV)
	$(BIN)/python -m tools.cells
	$(BIN)/python -m tools.run_notebooks
	@# a run re-times its notebook; the series map (00, README) is drawn from those times, so draw it again
	@# and re-run what that changed (00, then 05, which lists 00)
	$(BIN)/python -m tools.cells
	$(BIN)/python -m tools.run_notebooks --stale

handouts: $(DEV)
	$(BIN)/python -m tools.editions --out build $(if $(START),--start $(START))

links: $(DEV)
	$(BIN)/python -m tools.links $(if $(REPO),--repo $(REPO)) $(if $(BRANCH),--branch $(BRANCH)) $(if $(HUB),--hub $(HUB))

# the bundles hold the printed handouts, so they need what make handouts needs (and Chromium for the PDFs)
bundle: $(DEV)
	$(BIN)/python -m tools.bundle

release: $(DEV)
	$(BIN)/python -m tools.release

mutation-check: $(DEV)
	$(BIN)/python -m tools.mutation_check

benchmark: $(DEV)
	$(BIN)/python tools/benchmark.py

hub-check: $(DEV) $(PROXY)
	$(BIN)/python -m tools.hub_check --users $(USERS) $(if $(RECORD),--record)

clean:
	rm -rf $(VENV) build hub/node_modules
