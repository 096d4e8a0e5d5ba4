"""Material's interface and its search follow the manual's language (manual.yaml, locale.language).

mkdocs.yml may say the same thing or nothing; saying something else is an error pointing at its line,
because a German manual with an English search box and English stemming is a broken manual.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ...locale import Localization
from ...project import read_mkdocs_yml

# Languages whose search stemmer lunr names differently from the language code.
_SEARCH_LANGUAGES = {"nb": "no", "nn": "no"}


def theme_language(words: Localization) -> str:
    """The name Material's translations use: ``de``, ``pt-BR`` and ``zh-TW`` where Material has them."""
    try:
        import material
    except ModuleNotFoundError:
        return words.language
    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    specific = f"{words.language}-{words.locale.territory}"
    return specific if (languages / f"{specific}.html").is_file() else words.language


def search_language(words: Localization) -> str:
    return _SEARCH_LANGUAGES.get(words.language, words.language)


def follow_manual_language(config: MkDocsConfig, words: Localization) -> None:
    """Set theme.language from the manual; refuse a theme.language or search lang that contradicts it."""
    user = read_mkdocs_yml(Path(config.config_file_path))
    wanted = theme_language(words)
    theme = user.get("theme")
    written = theme.get("language") if isinstance(theme, dict) else None
    if written is not None and str(written) != wanted:
        raise PluginError(_located(config, r"^\s+language:", (
            f"theme.language is '{written}' but the manual is in {words.locale.english_name} "
            f"(manual.yaml, locale.language: {words.locale}); remove theme.language (Deskbook sets it to "
            f"'{wanted}') or change the manual's locale")))
    config.theme["language"] = wanted
    search_options = _search_options(user)
    languages = search_options.get("lang") if search_options else None
    if languages is not None:
        listed = [str(lang) for lang in (languages if isinstance(languages, list) else [languages])]
        if search_language(words) not in listed:
            raise PluginError(_located(config, r"^\s+lang:", (
                f"the search plugin's lang is {listed} but the manual is in {words.locale.english_name}; remove "
                f"lang (search then follows the manual) or include '{search_language(words)}'")))


def _search_options(user: dict[str, Any]) -> dict[str, Any] | None:
    for entry in user.get("plugins") or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                if name in ("search", "material/search"):
                    return options or {}
    return None


def _located(config: MkDocsConfig, pattern: str, message: str) -> str:
    path = Path(config.config_file_path)
    line = 0
    try:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(pattern, text):
                line = number
                break
    except OSError:
        pass
    where = f"{path.name}:{line}" if line else path.name
    return f"{where}: error: {message}"
