"""Thin adapter: Material's theme.language set from the manual before the search plugin reads it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ...locale import Localization
from ...locale.theme import language_problems, theme_language
from ...project import read_project


def follow_manual_language(config: MkDocsConfig, words: Localization) -> None:
    """Set theme.language from the manual; refuse a theme.language or search lang that contradicts it."""
    problems = language_problems(read_project(Path(config.config_file_path)), words)
    if problems:
        raise PluginError("\n".join(f"{location}: error: {message}" for location, message in problems))
    config.theme["language"] = theme_language(words)
