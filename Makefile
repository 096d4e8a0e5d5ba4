# Two commands on a fresh machine: `make manual` builds the example manual (site and PDFs) into site/;
# `make test` runs the test suite. Both create .venv and install what they need first.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.deskbook-installed

# System packages: none for the manual (Typst and the print fonts come with the Python package);
# Chromium for the browser tests; poppler-utils and qpdf read the PDFs back as a user's tools would; Noto's
# CJK and core fonts for the Japanese and Arabic fixtures' PDFs (tests/handbook/test_every_script.py). Node's
# npm fetches axe-core for the accessibility tests: Debian's npm only where no npm is on the PATH (a machine
# with NodeSource's nodejs has npm inside it, and apt then refuses Debian's npm as a conflict).
SYSTEM_PACKAGES_TEST := chromium poppler-utils qpdf fonts-noto-cjk fonts-noto-core
AXE_DIR := tests/site/axe
AXE     := $(AXE_DIR)/node_modules/axe-core/axe.min.js
# The Nu HTML checker for the markup tests: the npm package carries vnu.jar; Java runs it.
NU_DIR  := tests/site/nu
NU      := $(NU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: manual test test-engines lint fast check serve bench catalogues system-test clean dist

manual: $(STAMP)
	$(PY) build_manual.py build

# Everything but the other engines' builds (Zensical in a fresh venv takes minutes): make test-engines.
# Two workers, a test file each at a time (a file's module fixtures, such as a built hostile site, are built
# once); most tests wait on a browser, Typst or a subprocess, so two cores run two files nearly twice as fast.
test: system-test $(STAMP) $(AXE) $(NU)
	$(PY) -m pytest -n 2 --dist loadfile -m "not engines"

test-engines: $(STAMP)
	$(PY) -m pytest -m engines

# The inner loop: pure and golden tests, no browser, no PDF, no wheel (about a minute).
fast: $(STAMP)
	$(PY) -m pytest -q -m "not browser and not pdf and not release"

# The quality gate CI runs before the tests: ruff's rules and mypy over the package (config in pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check plugins/deskbook
	$(VENV)/bin/mypy plugins/deskbook

check: $(STAMP)
	$(PY) build_manual.py check

# PDFs are skipped while serving unless DESKBOOK_PDF=true (make serve DESKBOOK_PDF=true).
serve: $(STAMP)
	$(PY) build_manual.py serve

# The release files, dist/deskbook-X.Y.Z.tar.gz and dist/deskbook-X.Y.Z-py3-none-any.whl; the version
# comes from the git tag (git tag v0.2.0 first; without a tag it is 0.0.1.devN+g<commit>).
dist: $(STAMP)
	rm -rf dist
	$(PY) -m build --outdir dist .

bench: $(STAMP)
	$(PY) -m bench

# Deskbook's own words: extract them from templates and Python, merge them into every language's .po,
# compile the .mo files the package ships. Translate in between (fuzzy entries are left out of the .mo).
LOCALE_DIR := plugins/deskbook/locale
PYBABEL    := $(VENV)/bin/pybabel

catalogues: $(STAMP)
	$(PYBABEL) extract -F babel.cfg --sort-by-file --no-wrap \
		--project Deskbook --copyright-holder "Deskbook contributors" -o $(LOCALE_DIR)/deskbook.pot .
	$(PYBABEL) --quiet update -D deskbook -i $(LOCALE_DIR)/deskbook.pot -d $(LOCALE_DIR) --no-wrap --previous
	$(PYBABEL) compile --statistics -D deskbook -d $(LOCALE_DIR)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-test:
	@./.ci/system-packages $(SYSTEM_PACKAGES_TEST)
	@command -v npm >/dev/null || ./.ci/system-packages npm
	@command -v java >/dev/null || ./.ci/system-packages default-jre-headless

# The version is pinned by package-lock.json; npm ci installs exactly that.
$(AXE): $(AXE_DIR)/package-lock.json
	npm ci --prefix $(AXE_DIR) --no-audit --no-fund --loglevel=error
	touch $(AXE)

$(NU): $(NU_DIR)/package-lock.json
	npm ci --prefix $(NU_DIR) --no-audit --no-fund --loglevel=error
	touch $(NU)

clean:
	rm -rf site build dist .pytest_cache
