"""Which engine builds the site: MkDocs or ProperDocs, decided here and nowhere else.

ProperDocs is MkDocs 1.x continued: the same API under the module name ``properdocs``, ``properdocs.yml``
looked for before ``mkdocs.yml``, and an import alias (``properdocs.replacement``) that serves every
``mkdocs.*`` import from ``properdocs.*``. Deskbook's plugins import ``mkdocs.*`` and so run on either; the
CLI picks the engine from the config file's name and what is installed, before anything imports
``mkdocs``. A process keeps the first engine it imported: two engines' classes never mix.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from pathlib import Path

MKDOCS = "mkdocs"
PROPERDOCS = "properdocs"

# ProperDocs' own order of default config names; MkDocs looks for the last two.
CONFIG_NAMES = {
    "properdocs.yml": PROPERDOCS,
    "properdocs.yaml": PROPERDOCS,
    "mkdocs.yml": MKDOCS,
    "mkdocs.yaml": MKDOCS,
}
INSTALL_HINT = "pip install properdocs"


class EngineMissing(RuntimeError):
    """Neither MkDocs nor ProperDocs can be imported."""


def find_config(folder: Path) -> Path | None:
    """The project's config file in ``folder``: properdocs.yml, properdocs.yaml, mkdocs.yml or mkdocs.yaml."""
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def active() -> str | None:
    """The engine this process has imported, if any (under ProperDocs, ``mkdocs`` is ``properdocs``)."""
    module = sys.modules.get(MKDOCS)
    if module is not None:
        return PROPERDOCS if module.__name__ == PROPERDOCS else MKDOCS
    return PROPERDOCS if PROPERDOCS in sys.modules else None


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def use(config_file: Path | None = None) -> str:
    """Make ``mkdocs.*`` imports serve the engine for ``config_file`` and return its name.

    A ``properdocs.*`` config asks for ProperDocs, anything else for MkDocs; when the one asked for is not
    installed the other builds it (they read the same configs). Raises :class:`EngineMissing`.
    """
    current = active()
    if current is not None:
        if current == PROPERDOCS:
            _alias_properdocs()
        return current
    wanted = CONFIG_NAMES.get(config_file.name, MKDOCS) if config_file is not None else MKDOCS
    for name in (wanted, PROPERDOCS if wanted == MKDOCS else MKDOCS):
        if _installed(name):
            if name == PROPERDOCS:
                _alias_properdocs()
            return name
    raise EngineMissing("Deskbook builds the site with MkDocs or ProperDocs, and neither is installed; "
                        f"install one: {INSTALL_HINT}")


def _alias_properdocs() -> None:
    """``mkdocs.*`` imports and the ``mkdocs`` loggers go to ProperDocs, as its own command line sets up."""
    importlib.import_module("properdocs.replacement")
    legacy = logging.getLogger(MKDOCS)
    legacy.parent = logging.getLogger(PROPERDOCS)
    legacy.propagate = True


def logger_name() -> str:
    """The logger the active engine counts warnings on (``--strict``) and prints from."""
    return active() or MKDOCS
