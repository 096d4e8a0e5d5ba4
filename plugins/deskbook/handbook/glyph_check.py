"""``check``'s part of the glyph check: every character the PDFs would print needs a font, and ``check``
says so before ``build`` would stop on it, at the YAML line that holds the character.

It judges the content's text and Deskbook's own words in the manual's language (the catalogue's
translations, month and day names, the currency sign, digits) against the shipped fonts and those
:mod:`.print_fonts` would choose; ``build`` checks the finished print data once more.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .print_fonts import choose_fonts, font_advice

if TYPE_CHECKING:
    from ..diagnostics import Diagnostics
    from ..locale import Localization
    from ..manual import Manual


def template_messages(path: Path) -> list[tuple[str | None, str, str | None]]:
    """(context, msgid, plural msgid) of every message of a .pot file, in the file's order, as Babel's
    ``read_po`` reads them; the header and obsolete (``#~``) entries are left out.

    ``read_po`` also parses every comment, location and flag into Message objects, which was most of the
    glyph check's time in ``check``; only the message ids are needed here (a test compares the two)."""
    from babel.messages.pofile import unescape

    messages: list[tuple[str | None, str, str | None]] = []
    entry: dict[str, str] = {}
    keyword = ""

    def finish() -> None:
        if entry.get("msgid"):
            messages.append((entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")))
        entry.clear()

    for written in path.read_text(encoding="utf-8").splitlines():
        line = written.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):  # the next part of the string the keyword above began
            entry[keyword] += unescape(line)
            continue
        word, _, rest = line.partition(" ")
        if word == "msgctxt" or (word == "msgid" and keyword != "msgctxt"):
            finish()
        keyword = "msgstr" if word.startswith("msgstr") else word
        entry[keyword] = unescape(rest)
    finish()
    return messages


def own_words(words: Localization) -> list[str]:
    """What Deskbook itself prints in the manual's language, beyond the content."""
    from ..locale import DOMAIN, PACKAGE_CATALOGUES

    texts: list[str] = []
    for context, message_id, plural in template_messages(PACKAGE_CATALOGUES / f"{DOMAIN}.pot"):
        if plural is not None:
            texts += [words.translations.ngettext(message_id, plural, count) for count in (1, 2, 5)]
        elif context:
            texts.append(words.pgettext(context, message_id))
        else:
            texts.append(words.gettext(message_id))
    locale = words.locale
    texts += [*locale.months["format"]["wide"].values(), *locale.days["format"]["wide"].values()]
    texts += [words.date(dt.date(2026, month, 28)) for month in range(1, 13)]
    texts += [words.money(Decimal("1234567.89")), words.number(Decimal("1234567.89")), words.percent(15)]
    return texts


def check_print_glyphs(manual: Manual, diagnostics: Diagnostics) -> None:
    project_dir = manual.content_dir.parent
    words = manual.localization
    located = [(document, path, text) for document in manual.documents for path, text in document.texts]
    deskbook_words = own_words(words)
    fonts = choose_fonts([text for _, _, text in located] + deskbook_words, words.language, project_dir)
    if not fonts.missing:
        return
    for document, path, text in located:
        lacking = sorted(set(text) & fonts.missing)
        if lacking:
            diagnostics.error(document.location(path),
                              f"no print font has a glyph for {_listed(lacking)} (it would not print in the "
                              f"PDFs); {font_advice(lacking)}")
    lacking = sorted(set("".join(deskbook_words)) & fonts.missing)
    if lacking:
        settings = next(doc for doc in manual.documents if doc.content_file.name == "manual")
        diagnostics.error(settings.location(("locale", "language")),
                          f"Deskbook's own words in {words.locale.english_name} (dates, amounts, headings) "
                          f"use {_listed(lacking)}, which no print font has; {font_advice(lacking)}")


def _listed(chars: list[str]) -> str:
    shown = ", ".join(f"U+{ord(char):04X} '{char}'" for char in chars[:6])
    return shown + (f" and {len(chars) - 6} more" if len(chars) > 6 else "")
