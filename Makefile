# Two commands for a fresh machine (see README.md):
#   make lab    install what is missing, then open JupyterLab on the first notebook
#   make test   install what is missing, then run every test (helpers, data, notebooks under nbval)
# Others:
#   make notebooks   re-apply the generated cells (tools/cells.py) and re-execute every notebook in place
#   make handouts    build participant/facilitator editions, slides and the reader's edition into build/
#   make links [REPO=owner/name] [BRANCH=main] [HUB=https://hub…]   turn the launch links on (default REPO:
#                    the GitHub repository of `git remote get-url origin`), or point them at a fork
#   make bundle      write build/we-are-losing-study.zip (the committed files) for a USB stick or shared drive
#   make release     handouts, their PDFs, each edition zipped and the bundle, into build/release/ (what a tag attaches)
#   make benchmark   measure the notebook suite against a floor suite, the loader, kernel memory
#   make clean       remove the local environment (.venv) and build outputs
# Without make (Windows): see README.md, "Without make"; the same steps, in plain Python.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: lab test notebooks handouts links bundle release benchmark install install-dev clean

install: $(STAMP)
install-dev: $(DEV)

# The learner's environment (requirements.txt, which installs helpers/ too). Re-installs only when the
# requirements change or the environment is missing.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 11) <= v < (3, 15) else f"This is Python {v[0]}.{v[1]}; the package needs Python 3.11 to 3.14. Install one of those (python.org, Downloads) and run make again with PYTHON=python3.14 (or the one you installed); see README.md")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# Tests, regeneration and handouts add requirements-dev.txt (which includes requirements.txt).
$(DEV): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# JupyterLab refuses to run as root unless told; only containers usually do that.
AS_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(AS_ROOT) --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

test: $(DEV)
	$(BIN)/python -m pytest

notebooks: $(DEV)
	$(BIN)/python -m tools.cells
	$(BIN)/python -m tools.run_notebooks

handouts: $(DEV)
	$(BIN)/python -m tools.editions --out build

links: $(DEV)
	$(BIN)/python -m tools.links $(if $(REPO),--repo $(REPO)) $(if $(BRANCH),--branch $(BRANCH)) $(if $(HUB),--hub $(HUB))

bundle: $(STAMP)
	$(BIN)/python -m tools.bundle

release: $(DEV)
	$(BIN)/python -m tools.release

benchmark: $(DEV)
	$(BIN)/python tools/benchmark.py

clean:
	rm -rf $(VENV) build
