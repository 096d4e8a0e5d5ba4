"""The manual's language and currency: gettext catalogues for every word Deskbook writes, Babel for numbers,
money, dates and durations.

One :class:`Localization` per (language, currency, project) is built on first use and shared. Catalogues
are looked up project first (``locale/<lang>/LC_MESSAGES/deskbook.po`` beside the content folder, read
as it is, no compile step), then the ones shipped in this package; a language with neither falls back to
English with one warning.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import itertools
import logging
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from .formats import (
    CLDR_DURATION_UNITS,
    format_cldr_duration,
    format_date,
    format_money,
    format_number,
    format_percent,
)
from .money import AmountError, parse_amount

DEFAULT_LANGUAGE = "en_US"
DEFAULT_CURRENCY = "USD"
DOMAIN = "deskbook"
PACKAGE_CATALOGUES = Path(__file__).parent
SOURCE_LANGUAGE = "en"  # the msgids are English: English needs no catalogue

log = logging.getLogger("mkdocs.plugins.deskbook.locale")


def N_(message: str) -> str:
    """Marks a string for the catalogues where it is defined; it is translated where it is shown."""
    return message


@dataclass(frozen=True, eq=False)
class Localization:
    """Words and formats for one manual: what every output asks for a label, an amount or a date."""

    locale: Locale
    currency: str
    translations: gettext.NullTranslations

    # -- words ----------------------------------------------------------------------------------------------
    def gettext(self, message: str, **values: Any) -> str:
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        text = self.translations.ngettext(singular, plural, count)
        return text % {"num": count, **values}

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    # -- formats --------------------------------------------------------------------------------------------
    def money(self, value: Any) -> str:
        amount = getattr(value, "amount", value)
        return format_money(Decimal(amount), getattr(value, "currency", self.currency), self.locale)

    def number(self, value: int | Decimal) -> str:
        return format_number(value, self.locale)

    def percent(self, whole_percent: int | Decimal) -> str:
        return format_percent(whole_percent, self.locale)

    def weekday(self, index: int) -> str:
        """The weekday's name, Monday being 0: "Montag", "lunes"."""
        return self.locale.days["format"]["wide"][index]

    def date(self, value: dt.date, length: str = "long") -> str:
        return format_date(value, self.locale, length)

    def duration(self, value: Any) -> str:
        """A :class:`deskbook.model.base.Duration` in words: ``2 Werktage``, ``24 horas``, ``sofort``."""
        if value.immediate:
            return self.gettext("immediately")
        if value.unit in CLDR_DURATION_UNITS:
            return format_cldr_duration(value.count, value.unit, self.locale)
        if value.unit == "working day":
            return self.ngettext("%(num)d working day", "%(num)d working days", value.count)
        return self.ngettext("%(num)d business hour", "%(num)d business hours", value.count)

    # -- identity -------------------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The language alone (``de``, ``nb``), as Material's ``theme.language`` and search want it."""
        return self.locale.language

    @property
    def html_lang(self) -> str:
        """``de-DE``: BCP 47, for ``<html lang>`` and the PDFs' language."""
        return "-".join(part for part in (self.locale.language, self.locale.territory) if part)


def parse_locale(identifier: str) -> Locale:
    """``de_DE``, ``de-DE`` or ``de``; raises ValueError naming what would be right."""
    try:
        return Locale.parse(identifier.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"'{identifier}' is not a language Deskbook knows; write a language and region "
                         "like de_DE, nb_NO, es_ES or en_GB") from None


@lru_cache(maxsize=16)
def localization(language: str = DEFAULT_LANGUAGE, currency: str = DEFAULT_CURRENCY,
                 project_dir: Path | None = None) -> Localization:
    locale = parse_locale(language)
    return Localization(locale, currency, _translations(locale, project_dir))


def catalogue_candidates(locale: Locale) -> list[str]:
    """Folder names to try for a locale, most specific first: ``de_DE``, then ``de``."""
    names = [str(locale)]
    if locale.territory:
        names.append(locale.language)
    return names


def project_catalogues(locale: Locale, project_dir: Path | None) -> list[Path]:
    """The project's own .po files for a locale, most specific first."""
    if project_dir is None:
        return []
    paths = (project_dir / "locale" / name / "LC_MESSAGES" / f"{DOMAIN}.po" for name in catalogue_candidates(locale))
    return [path for path in paths if path.is_file()]


def _translations(locale: Locale, project_dir: Path | None) -> gettext.NullTranslations:
    layers: list[gettext.NullTranslations] = []
    for project_po in project_catalogues(locale, project_dir):
        catalog, problems = _read_catalogue(project_po)
        if catalog is not None and not problems:  # ``check`` reports a broken one; nothing prints from it
            layers.append(_compiled(catalog))
    for name in catalogue_candidates(locale):
        package_mo = PACKAGE_CATALOGUES / name / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if package_mo.is_file():
            with package_mo.open("rb") as stream:
                layers.append(gettext.GNUTranslations(stream))
    if not layers:
        if locale.language != SOURCE_LANGUAGE:
            log.warning("No catalogue for the language '%s': Deskbook's own words stay in English. Add "
                        "locale/%s/LC_MESSAGES/%s.po to the project to translate them (see the README).",
                        locale, locale.language, DOMAIN)
        return gettext.NullTranslations()
    for upper, lower in itertools.pairwise(layers):
        upper.add_fallback(lower)
    return layers[0]


# %(name)s in the site's words, {name} in the PDFs' words (filled by the Typst templates).
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def _placeholders(text: str) -> dict[str, None]:
    """The placeholders of a message, in the order they are written (a dict: ordered, no repeats)."""
    return dict.fromkeys(match.group(0) for match in _PLACEHOLDER.finditer(text))


def catalogue_problems(path: Path) -> list[tuple[int, str]]:
    """What is wrong with a .po file, by line (from 1): not readable as a .po file, or a translation whose
    placeholders differ from its message's (an unknown one stops the build; a missing one prints
    nothing where a value belongs)."""
    return _read_catalogue(path)[1]


def _read_catalogue(path: Path) -> tuple[Catalog | None, list[tuple[int, str]]]:
    try:
        with path.open("rb") as stream:
            catalog = read_po(stream, abort_invalid=True)
    except PoFileError as exc:
        # Babel counts lines from 0 and says so in its message ("... on 10"): say it once, counted from 1.
        reason = str(exc).rsplit(" on ", 1)[0].lower()
        return None, [(exc.lineno + 1, f"not a .po entry ({reason}): write msgid \"...\" then msgstr \"...\"")]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, [(0, f"cannot read the catalogue: {exc}; save it as UTF-8 .po text")]
    problems: list[tuple[int, str]] = []
    for message in catalog:
        if not message.id:
            continue
        originals = tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
        translations = (tuple(message.string) if isinstance(message.string, (tuple, list))
                        else (message.string or "",))
        expected: dict[str, None] = {}
        for original in originals:
            expected.update(_placeholders(original))
        plural = len(originals) > 1
        for translation in translations:
            found = _placeholders(translation).keys()
            # A plural form may leave the number out ("ein Tag"), but no form may name an unknown value.
            if translation and (found - expected.keys() if plural else found != expected.keys()):
                written = ", ".join(_placeholders(translation)) or "none"
                wanted = ", ".join(expected) or "none"
                problems.append((message.lineno or 0, f"the translation of \"{originals[0]}\" has the placeholders "
                                                 f"{written}; it needs exactly {wanted}, written as in msgid"))
    return catalog, problems


def _compiled(catalog: Catalog) -> gettext.GNUTranslations:
    """A project's .po file used as it is: compiled in memory, so there is no .mo to forget to rebuild."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


__all__ = [
    "DEFAULT_CURRENCY",
    "DEFAULT_LANGUAGE",
    "N_",
    "AmountError",
    "Localization",
    "catalogue_problems",
    "localization",
    "parse_amount",
    "parse_locale",
    "project_catalogues",
]
