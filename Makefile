# Two commands for a fresh machine (see README.md):
#   make lab    install what is missing, then open JupyterLab on the first notebook
#   make test   install what is missing, then run every test (helpers, data, notebooks under nbval)
# Others:
#   make notebooks   re-execute every notebook in place (deterministic outputs, for committing)
#   make handouts    build participant/facilitator editions, slides and the reader's edition into build/
#   make links REPO=owner/name [BRANCH=main] [HUB=https://hub…]   point every launch link at a fork
#   make benchmark   measure the notebook suite against a floor suite, the loader, kernel memory
#   make clean       remove the local environment (.venv) and build outputs

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: lab test notebooks handouts links benchmark install clean

install: $(STAMP)

# Re-installs only when requirements.txt changes (or the environment is missing).
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; see README.md")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# JupyterLab refuses to run as root unless told; only containers usually do that.
AS_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(AS_ROOT) --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

test: $(STAMP)
	$(BIN)/python -m pytest

notebooks: $(STAMP)
	$(BIN)/python -m helpers.run_notebooks

handouts: $(STAMP)
	$(BIN)/python -m helpers.editions --out build

links: $(STAMP)
	$(BIN)/python -m helpers.launch $(if $(REPO),--repo $(REPO)) $(if $(BRANCH),--branch $(BRANCH)) $(if $(HUB),--hub $(HUB))

benchmark: $(STAMP)
	$(BIN)/python tools/benchmark.py

clean:
	rm -rf $(VENV) build
