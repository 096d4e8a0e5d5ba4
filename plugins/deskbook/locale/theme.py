"""The manual's language as MkDocs and Material name it, and where mkdocs.yml contradicts it.

Material's interface (``theme.language``) and its search (``lang``) follow manual.yaml's locale; a
mkdocs.yml that says something else is an error at its line, from ``check`` and from the build alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import Localization

if TYPE_CHECKING:
    from ..diagnostics import Location
    from ..project import Project

# Languages whose search stemmer lunr names differently from the language code.
_SEARCH_LANGUAGES = {"nb": "no", "nn": "no"}


THEME_FALLBACK = "en"


def theme_language(words: Localization) -> str:
    """The name Material's translations use: ``de``, ``pt-BR`` and ``zh-TW`` where Material has them;
    English for a language Material has no translation for (``nds``, ``bs``, ``fil``, ``ga``), which
    would otherwise stop the build with "partials/languages/nds.html not found"."""
    languages = _material_languages()
    if languages is None:
        return words.language
    specific = f"{words.language}-{words.locale.territory}"
    if (languages / f"{specific}.html").is_file():
        return specific
    return words.language if (languages / f"{words.language}.html").is_file() else THEME_FALLBACK


def _material_languages() -> Path | None:
    try:
        import material
    except ModuleNotFoundError:
        return None
    return Path(material.__file__).parent / "templates" / "partials" / "languages"


def theme_language_missing(words: Localization) -> bool:
    """Material has no translation of its interface for the manual's language."""
    return theme_language(words) == THEME_FALLBACK and words.language != THEME_FALLBACK


def search_language(words: Localization) -> str:
    return _SEARCH_LANGUAGES.get(words.language, words.language)


def language_problems(project: Project, words: Localization) -> list[tuple[Location, str]]:
    """Where mkdocs.yml contradicts the manual's language: theme.language, the search plugin's lang."""
    problems = []
    theme = project.settings.get("theme")
    written = theme.get("language") if theme is not None else None
    wanted = theme_language(words)
    if written is not None and str(written.value) != wanted:
        problems.append((project.location(written), (
            f"theme.language is '{written.value}' but the manual is in {words.locale.english_name} (manual.yaml, "
            f"locale.language: {words.locale}); remove theme.language (Deskbook sets it to '{wanted}') or "
            "change the manual's locale")))
    search = project.plugin("search") or project.plugin("material/search")
    languages = search.get("lang") if search is not None else None
    if languages is not None:
        listed = [str(item.value) for item in languages.value] if isinstance(languages.value, list) else [
            str(languages.value)]
        if search_language(words) not in listed:
            problems.append((project.location(languages), (
                f"the search plugin's lang is {listed} but the manual is in {words.locale.english_name}; remove "
                f"lang (search then follows the manual) or include '{search_language(words)}'")))
    return problems
