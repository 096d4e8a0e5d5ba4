# Two commands on a fresh machine: `make manual` builds the example manual (site and PDFs) into site/;
# `make test` runs the test suite. Both create .venv and install what they need first.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.deskbook-installed

# System packages: none for the manual (Typst and the print fonts come with the Python package);
# Chromium for the browser tests.
SYSTEM_PACKAGES_TEST := chromium

.PHONY: manual test check serve bench catalogues system-test clean

manual: $(STAMP)
	$(PY) build_manual.py build

test: system-test $(STAMP)
	$(PY) -m pytest

check: $(STAMP)
	$(PY) build_manual.py check

serve: $(STAMP)
	DESKBOOK_PDF=false $(PY) build_manual.py serve

bench: $(STAMP)
	$(PY) -m bench

# Deskbook's own words: extract them from templates and Python, merge them into every language's .po,
# compile the .mo files the package ships. Translate in between (fuzzy entries are left out of the .mo).
LOCALE_DIR := plugins/deskbook/locale
PYBABEL    := $(VENV)/bin/pybabel
catalogues: $(STAMP)
	$(PYBABEL) extract -F babel.cfg --sort-by-file --no-wrap \
		--project Deskbook --copyright-holder "Deskbook contributors" -o $(LOCALE_DIR)/deskbook.pot .
	$(PYBABEL) update --quiet -D deskbook -i $(LOCALE_DIR)/deskbook.pot -d $(LOCALE_DIR) --no-wrap --previous
	$(PYBABEL) compile --statistics -D deskbook -d $(LOCALE_DIR)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-test:
	@./.ci/system-packages $(SYSTEM_PACKAGES_TEST)

clean:
	rm -rf site build .pytest_cache
