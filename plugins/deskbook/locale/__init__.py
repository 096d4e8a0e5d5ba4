"""The manual's language and currency: gettext catalogues for every word Deskbook writes, Babel for numbers,
money, dates and durations.

One :class:`Localization` per (language, currency, project) is built on first use and shared. Catalogues
are looked up project first (``locale/<lang>/LC_MESSAGES/deskbook.po`` beside the content folder, read
as it is, no compile step), then the ones shipped in this package; a language with neither falls back to
English with one warning.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gettext
import io
import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, PoFileParser

from .formats import (
    CLDR_DURATION_UNITS,
    UnitLength,
    collation_key,
    format_cldr_duration,
    format_date,
    format_measure,
    format_money,
    format_number,
    format_percent,
    in_digits,
    numbering_digits,
    numbering_systems,
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


# Units CLDR has no words for, in Deskbook's own catalogue (the ngettext calls in Localization.duration
# put these msgids there).
_COUNTED_UNITS = {
    "working day": ("%(num)d working day", "%(num)d working days"),
    "business hour": ("%(num)d business hour", "%(num)d business hours"),
}
# A whole number filled into a message (``%(num)d``, ``%(total)s``): written as a numeral of the manual's
# digits, so it is filled as text.
_WHOLE_NUMBER_PLACEHOLDER = re.compile(r"(%\(\w+\))d")


@dataclass(frozen=True)
class ListMarks:
    """How the manual's language marks the items of a list: the digits it numbers them with (its default
    numbering system's, from CLDR), the words around an item's number and the bullet of an unnumbered
    list (from the catalogue: CLDR has neither)."""

    digits: str
    before: str  # what comes before an item's number: "(" for "(1)"
    after: str  # and after it: "." for "1."
    bullet: str

    def number(self, value: int) -> str:
        """``3.`` in English, ``٣.`` in Arabic (ar_SA, ar_EG): an item's mark."""
        return f"{self.before}{self.numeral(value)}{self.after}"

    def numeral(self, value: int) -> str:
        return "".join(self.digits[int(digit)] for digit in str(value))


@dataclass(frozen=True, eq=False)
class Localization:
    """Words and formats for one manual: what every output asks for a label, an amount or a date."""

    locale: Locale
    currency: str
    translations: gettext.NullTranslations
    # The CLDR numbering system every number Deskbook writes is in: the locale's default (``arab`` in
    # ar_SA) unless manual.yaml's ``locale.digits`` chooses another of the locale's.
    numbering: str

    # -- words ----------------------------------------------------------------------------------------------
    def gettext(self, message: str, **values: Any) -> str:
        text = self.translations.gettext(message)
        return self.filled(text, values) if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        text = self.translations.ngettext(singular, plural, count)
        return self.filled(text, {"num": count, **values})

    def filled(self, text: str, values: dict[str, Any]) -> str:
        """A translated message with its values in, a whole number (a count, a page) as a numeral in the
        manual's digits; a text value is the company's or already written, and stays as it is."""
        numerals = {name: self.numeral(value) if type(value) is int else value for name, value in values.items()}
        # type(text): a page's message is Markup, which must stay Markup to escape what is filled in.
        return type(text)(_WHOLE_NUMBER_PLACEHOLDER.sub(r"\1s", text)) % numerals

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    # -- formats --------------------------------------------------------------------------------------------
    def money(self, value: Any) -> str:
        amount = getattr(value, "amount", value)
        return format_money(Decimal(amount), getattr(value, "currency", self.currency), self.locale, self.numbering)

    def any_of(self, values: list[str]) -> str:
        """Values of which any one will do, the language's way: "premium or ultimate", "premium oder ultimate"."""
        return format_list(values, style="or", locale=self.locale)

    def number(self, value: int | Decimal) -> str:
        return format_number(value, self.locale, self.numbering)

    def numeral(self, value: int) -> str:
        """A whole number as a bare numeral, with no group marks (an item, a page, a count in a sentence):
        ``12`` or ``١٢``."""
        return in_digits(str(value), self.numbering)

    def in_digits(self, text: str) -> str:
        """Digits Deskbook wrote itself in ASCII (a clock time: ``09:00``) in the manual's digits."""
        return in_digits(text, self.numbering)

    def measure(self, count: float | Decimal, unit: str, length: UnitLength = "long") -> str:
        """A count of a CLDR unit in words: ``1.2 MB``, ``٣ ساعات``."""
        return format_measure(count, unit, length, self.locale, self.numbering)

    def percent(self, whole_percent: int | Decimal) -> str:
        return format_percent(whole_percent, self.locale, self.numbering)

    @property
    def quotation_marks(self) -> tuple[str, str]:
        """The marks the language quotes with: „…“ in German, «…» in Spanish, “…” in English. Babel's CLDR
        data has no quotation marks, so they are words of the catalogue, which a language translates."""
        return self.pgettext("opening quotation mark", "“"), self.pgettext("closing quotation mark", "”")

    def quoted(self, text: str) -> str:
        opening, closing = self.quotation_marks
        return f"{opening}{text}{closing}"

    def weekday(self, index: int) -> str:
        """The weekday's name, Monday being 0: "Montag", "lunes"."""
        return self.locale.days["format"]["wide"][index]

    def date(self, value: dt.date, length: str = "long") -> str:
        return format_date(value, self.locale, length, self.numbering)

    def duration(self, value: Any) -> str:
        """A :class:`deskbook.model.base.Duration` in words: ``2 Werktage``, ``24 horas``, ``sofort``."""
        if value.immediate:
            return self.gettext("immediately")
        if value.unit in CLDR_DURATION_UNITS:
            return format_cldr_duration(value.count, value.unit, self.locale, self.numbering)
        if value.unit == "working day":
            return self.ngettext("%(num)d working day", "%(num)d working days", value.count)
        return self.ngettext("%(num)d business hour", "%(num)d business hours", value.count)

    def quantity(self, value: Any) -> str:
        """A rule's :class:`deskbook.model.quantity.Quantity` in words: ``30 Tage``, ``15–30 minutes``,
        ``1.234 $``, ``10 %``, ``2 rounds a year``; a range joins its two ends with the en dash."""
        if value.kind == "money":
            return "\u2013".join(format_money(number, value.unit, self.locale, self.numbering)
                                  for number in value.numbers)
        if value.kind == "percent":
            return "\u2013".join(self.percent(n) for n in value.numbers)
        last = value.numbers[-1]
        if value.kind == "duration":
            if value.unit in CLDR_DURATION_UNITS:
                whole = format_cldr_duration(last, value.unit, self.locale, self.numbering)
            else:
                singular, plural = _COUNTED_UNITS[value.unit]
                count = int(last) if last == last.to_integral_value() else 2
                whole = self.translations.ngettext(singular, plural, count).replace("%(num)d", self.number(last))
        else:
            category = self.locale.plural_form(last)
            whole = f"{self.number(last)} {value.noun(category)}".strip()
        if value.high is None:
            return whole
        return f"{self.number(value.low)}\u2013{whole}"

    @property
    def list_marks(self) -> ListMarks:
        mark = self.pgettext("the mark of an item in a numbered list; {number} is the item's number", "{number}.")
        before, _, after = mark.partition("{number}") if "{number}" in mark else ("", "", ".")
        bullet = self.pgettext("the mark before each item of a list that is not numbered", "•")
        return ListMarks(self.digits, before, after, bullet)

    @property
    def digits(self) -> str:
        """The ten digits every number Deskbook writes is in: ``0123456789``, ``٠١٢٣٤٥٦٧٨٩`` in ar_SA."""
        return numbering_digits(self.numbering)

    @property
    def onward_arrow(self) -> str:
        """The arrow from a case to where it goes next, pointing the way the language reads: "→" is not
        mirrored in right-to-left text, so it would point back; a catalogue may choose another arrow."""
        arrow = self.pgettext("arrow from a case to where it goes next", "→")
        return "←" if arrow == "→" and self.direction == "rtl" else arrow

    # -- identity -------------------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The language alone (``de``, ``nb``), as Material's ``theme.language`` and search want it."""
        return self.locale.language

    @property
    def direction(self) -> str:
        """``ltr`` or ``rtl``: the way the manual's script runs (CLDR's character order)."""
        return self.locale.text_direction

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
                 project_dir: Path | None = None, digits: str | None = None) -> Localization:
    """``digits`` names one of the locale's numbering systems (``numbering_systems``); left out, the
    locale's CLDR default."""
    locale = parse_locale(language)
    return Localization(locale, currency, _translations(locale, project_dir),
                        digits or locale.default_numbering_system)


# The folder beside content/ that holds a project's own catalogues: locale/<lang>/LC_MESSAGES/deskbook.po.
CATALOGUE_FOLDER = "locale"


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
    paths = (project_dir / CATALOGUE_FOLDER / name / "LC_MESSAGES" / f"{DOMAIN}.po"
             for name in catalogue_candidates(locale))
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
    """What is wrong with a .po file, by line (from 1): not readable as a .po file, a header Deskbook cannot
    use (charset, Plural-Forms), a message translated twice, or a translation that is not plain text with
    its message's placeholders (an unknown one stops the build; a missing one prints nothing where a value
    belongs; markup would run in every page and in the bot's pull-request comment)."""
    return _read_catalogue(path)[1]


# A project's catalogue translates Deskbook's ~500 messages; Deskbook's own are about 100 KB. A cap far
# above that keeps a 50 MB file from taking half a minute and 350 MiB to read.
MAX_CATALOGUE_BYTES = 2_000_000
_TAG = re.compile(r"<[^<>]*>")
# Markdown and GitHub syntax a translation may not add: links and images, code, @-mentions of people.
_MARKDOWN = re.compile(r"\]\(|!\[|`|(?<![\w.+-])@[A-Za-z0-9]")
_FORMAT = re.compile(r"%%|%\(\w+\)[sd]")
_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d{1,2})\s*;\s*plural\s*=\s*([^;]{1,200});?\s*$")


class _Parser(PoFileParser):
    """Babel's parser, remembering where a message is translated a second time (Babel keeps the last)."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog, ignore_obsolete=True, abort_invalid=True)
        self.seen: set[tuple[Any, str | None]] = set()
        self.duplicates: list[tuple[int, str]] = []

    def _add_message(self) -> None:
        if not self.obsolete and self.messages:
            key = (self.messages[0].denormalize(), self.context.denormalize() if self.context else None)
            if key in self.seen and key[0]:
                self.duplicates.append((self.offset + 1, key[0]))
            self.seen.add(key)
        super()._add_message()


def _header_line(text: str, name: str) -> int:
    return next((number for number, line in enumerate(text.splitlines(), 1) if f"{name}:" in line), 1)


def _read_catalogue(path: Path) -> tuple[Catalog | None, list[tuple[int, str]]]:
    try:
        size = path.stat().st_size
        if size > MAX_CATALOGUE_BYTES:
            return None, [(0, f"the catalogue is {size:,} bytes, more than the {MAX_CATALOGUE_BYTES:,} a catalogue of "
                              "Deskbook's words can need; keep only Deskbook's messages in it")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [(0, f"cannot read the catalogue: {exc.strerror or exc}")]
    # A byte order mark is what some editors put first in UTF-8; Babel would take it for a keyword.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    text = raw.decode("utf-8", errors="replace")
    catalog = Catalog(charset=None)
    parser = _Parser(catalog)
    try:
        parser.parse(io.BytesIO(raw))
    except PoFileError as exc:
        # Babel counts lines from 0 and says so in its message ("... on 10"): say it once, counted from 1.
        reason = str(exc).rsplit(" on ", 1)[0].lower()
        return None, [(exc.lineno + 1, f"not a .po entry ({reason}): write msgid \"...\" then msgstr \"...\"")]
    except LookupError:
        return None, [(_header_line(text, "Content-Type"), f"the charset in Content-Type ('{catalog.charset}') is "
                                                           "not one Python knows; write charset=UTF-8")]
    except (UnicodeDecodeError, ValueError) as exc:
        return None, [(0, f"cannot read the catalogue: {exc}; save it as UTF-8 .po text")]
    problems = [(line, f"\"{message[:60]}\" is translated a second time here; keep one translation (the "
                       "other would be ignored silently)") for line, message in parser.duplicates]
    problems += _plural_forms_problems(text)
    for message in catalog:
        if message.id:
            problems += _translation_problems(message)
    return catalog, sorted(problems)


def _plural_forms_problems(text: str) -> list[tuple[int, str]]:
    """The ``Plural-Forms`` header is a C expression gettext evaluates for every count: it must parse, be
    arithmetic on ``n`` only, and choose one of its ``nplurals`` forms for every count."""
    # As written: Babel's own mime_headers give a Plural-Forms rebuilt from what it understood.
    # pybabel writes a long expression (Arabic's six forms) over several quoted lines: join them.
    header = re.search(r'^"Plural-Forms:((?:[^"\n]*(?<!\\n)"\n")*[^"\n]*?)(?:\\n)?"$', text, re.MULTILINE)
    if header is None:
        return []
    written = header.group(1).replace('"\n"', "").strip()
    line = text.count("\n", 0, header.start()) + 1
    fix = "write it as in the GNU gettext manual, like nplurals=2; plural=(n != 1);"
    match = _PLURAL_FORMS.match(written)
    if match is None or int(match.group(1)) < 1:
        return [(line, f"Plural-Forms '{written[:80]}' is not 'nplurals=<count>; plural=<expression>'; {fix}")]
    count = int(match.group(1))
    try:
        choose = gettext.c2py(match.group(2))
        for n in (*range(1001), 10**6, 10**9 + 1):
            form = choose(n)
            if not 0 <= form < count:
                return [(line, f"Plural-Forms chooses form {form} for {n}, but there are only {count} (0 to "
                               f"{count - 1}); {fix}")]
    except (ValueError, ZeroDivisionError, RecursionError, OverflowError) as exc:
        return [(line, f"Plural-Forms '{written[:80]}' cannot be used ({exc}); {fix}")]
    return []


def _translation_problems(message: Any) -> list[tuple[int, str]]:
    originals = message.id if isinstance(message.id, tuple) else (message.id,)
    translations = message.string if isinstance(message.string, tuple) else (message.string,)
    source = "".join(originals)
    expected: dict[str, None] = {}
    for original in originals:
        expected.update(_placeholders(original))
    plural = isinstance(message.id, tuple)
    problems = []
    shown = f"the translation of \"{originals[0][:60]}\""
    for translation in translations:
        if not translation:
            continue
        found = _placeholders(translation).keys()
        # A plural form may leave the number out ("ein Tag"), but no form may name an unknown value.
        if found - expected.keys() if plural else found != expected.keys():
            written = ", ".join(_placeholders(translation)) or "none"
            wanted = ", ".join(expected) or "none"
            problems.append((message.lineno, f"{shown} has the placeholders {written}; it needs exactly {wanted}, "
                                             "written as in msgid"))
        if "%" in source and "%" in _FORMAT.sub("", translation):
            problems.append((message.lineno, f"{shown} has a '%' that is not a placeholder of the message; write "
                                             "%% for a percent sign and %(name)s as in msgid"))
        added_tags = [tag for tag in _TAG.findall(translation) if tag not in _TAG.findall(source)]
        added_tags += sorted(set("<>") & set(_TAG.sub("", translation)) - set(_TAG.sub("", source)))
        if added_tags:
            problems.append((message.lineno, f"{shown} holds markup ({added_tags[0][:40]}) that "
                                             "the message does not have; a translation is plain text: write "
                                             "the words only, and only the tags of msgid"))
        added_syntax = set(_MARKDOWN.findall(translation)) - set(_MARKDOWN.findall(source))
        if added_syntax:
            problems.append((message.lineno, f"{shown} holds Markdown or a mention "
                                             f"({', '.join(sorted(added_syntax))}) that the message does not "
                                             "have; a translation is plain text"))
        control = sorted({f"U+{ord(char):04X}" for char in translation
                          if unicodedata.category(char) == "Cc" and char not in source})
        if control:
            problems.append((message.lineno, f"{shown} holds control characters ({', '.join(control)}); "
                                             "delete them"))
    return problems


def _compiled(catalog: Catalog) -> gettext.GNUTranslations:
    """A project's .po file used as it is: compiled in memory, so there is no .mo to forget to rebuild."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


__all__ = [
    "CATALOGUE_FOLDER",
    "DEFAULT_CURRENCY",
    "DEFAULT_LANGUAGE",
    "N_",
    "AmountError",
    "Localization",
    "catalogue_problems",
    "collation_key",
    "localization",
    "numbering_systems",
    "parse_amount",
    "parse_locale",
    "project_catalogues",
]
