# The two commands of the README: `make demo` (build the sample's site) and `make test`. Each does all its set-up on a
# fresh Debian/Ubuntu machine with Python 3.11+: a virtualenv, pmdocs installed into it, and
# the Debian packages pmdocs needs (installed when missing and we are root; otherwise we say
# what to install).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.pmdocs-installed
# The exact versions the tests and CI install (`make pin` refreshes them from pyproject.toml).
CONSTRAINTS := .ci/constraints.txt
PIN_PYTHON ?= python3.11

.PHONY: demo test setup pin system-packages browser-packages debian-packages clean

demo: setup
	$(BIN)/pmdocs build sample_project

test: setup browser-packages
	$(BIN)/python -m pytest

setup: system-packages $(STAMP)

# Installs again when pyproject.toml or the constraints change. The constraints also hold the
# build of pmdocs itself (hatchling), and pip.
$(STAMP): pyproject.toml $(CONSTRAINTS)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "pmdocs needs Python 3.11 or newer (found: $$($(PYTHON) --version))" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) --build-constraint $(CONSTRAINTS) -e '.[test]'
	touch $(STAMP)

# Refresh the constraints: `.[test]` resolved afresh in a throwaway virtualenv (see .ci/pin).
pin:
	PYTHON=$(PIN_PYTHON) .ci/pin

# Graphviz and a CJK font draw the diagrams; the browser tests need Debian's Chromium.
system-packages:
	@$(MAKE) --no-print-directory debian-packages \
	  NEED="$$(command -v dot >/dev/null 2>&1 || echo graphviz) \
	        $$(fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || echo fonts-noto-cjk)"

browser-packages:
	@$(MAKE) --no-print-directory debian-packages \
	  NEED="$$(command -v chromium >/dev/null 2>&1 || echo chromium) \
	        $$(command -v chromedriver >/dev/null 2>&1 || echo chromium-driver)"

debian-packages:
	@missing="$$(echo $(NEED))"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "pmdocs needs these Debian packages: $$missing" >&2; \
	    echo "install them with: sudo apt-get install $$missing   (then run make again)" >&2; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) sample_project/site site .pytest_cache .hypothesis .engines
