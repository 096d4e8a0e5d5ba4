"""Deskbook's own words: every one in the catalogues, German and Spanish complete, the project's own .po
files over the package's, and a language without a catalogue falling back to English with one warning."""

from __future__ import annotations

import gettext
import logging
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import deskbook.locale as locale_package
from deskbook.locale import PACKAGE_CATALOGUES, localization

REPO = Path(__file__).resolve().parents[2]
SHIPPED_LANGUAGES = ("de", "es", "en")
TRANSLATED_LANGUAGES = ("de", "es")


def _catalogue(path: Path):
    with path.open("rb") as stream:
        return read_po(stream)


def _ids(catalog) -> set:
    return {message.id if isinstance(message.id, str) else tuple(message.id) for message in catalog if message.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set:
    """What `pybabel extract` finds in the templates and Python today, run as `make catalogues` runs it."""
    out = tmp_path_factory.mktemp("pot") / "deskbook.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(REPO / "babel.cfg"), "-o", str(out), str(REPO)])
    return _ids(_catalogue(out))


def test_every_generated_string_is_in_the_shipped_template(extracted):
    shipped = _ids(_catalogue(PACKAGE_CATALOGUES / "deskbook.pot"))
    missing = sorted(map(str, extracted - shipped))
    stale = sorted(map(str, shipped - extracted))
    assert not missing, f"strings not in deskbook.pot (run `make catalogues`, then translate): {missing[:20]}"
    assert not stale, f"deskbook.pot lists strings nothing uses any more (run `make catalogues`): {stale[:20]}"


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_each_language_has_every_string(language, extracted):
    catalog = _catalogue(PACKAGE_CATALOGUES / language / "LC_MESSAGES" / "deskbook.po")
    assert _ids(catalog) >= extracted, sorted(map(str, extracted - _ids(catalog)))[:20]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_german_and_spanish_translate_every_string(language, extracted):
    catalog = _catalogue(PACKAGE_CATALOGUES / language / "LC_MESSAGES" / "deskbook.po")
    untranslated = [message.id for message in catalog if message.id and (
        message.fuzzy or not (all(message.string) if isinstance(message.string, tuple) else message.string))]
    assert not untranslated, f"{language}: untranslated or fuzzy: {untranslated[:20]}"
    assert not [error for message in catalog for error in message.check(catalog)], "placeholders must match"


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_the_compiled_catalogue_is_up_to_date(language):
    folder = PACKAGE_CATALOGUES / language / "LC_MESSAGES"
    source = {m.id if isinstance(m.id, str) else tuple(m.id): m.string for m in _catalogue(folder / "deskbook.po")
              if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)}
    with (folder / "deskbook.mo").open("rb") as stream:
        compiled = {m.id if isinstance(m.id, str) else tuple(m.id): m.string for m in read_mo(stream) if m.id}
    compiled = {key: tuple(value) if isinstance(value, list) else value for key, value in compiled.items()}
    # An untranslated entry and one translated as itself read the same: leave both out on either side.
    compiled = {key: value for key, value in compiled.items() if value != key}
    source = {key: value for key, value in source.items() if value != key}
    assert compiled == source, "run `make catalogues` to compile the .po files"


def test_german_words_come_from_the_shipped_catalogue():
    words = localization("de_DE", "EUR")
    assert words.gettext("Phone") == "Telefon"
    assert words.ngettext("%(num)d working day", "%(num)d working days", 3) == "3 Werktage"


def test_a_language_without_a_catalogue_falls_back_to_english_with_one_warning(caplog):
    locale_package.localization.cache_clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.deskbook.locale"):
        first = localization("nb_NO", "NOK")
        localization("nb_NO", "NOK")
    assert first.gettext("Phone") == "Phone"
    assert first.money(1500) == "1\u00a0500\u00a0kr"
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1 and "No catalogue for the language 'nb_NO'" in warnings[0]


def test_the_project_s_own_po_file_adds_a_language_and_overrides_strings(tmp_path):
    folder = tmp_path / "locale" / "nb" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "deskbook.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Phone"\nmsgstr "Telefon"\n', encoding="utf-8")
    words = localization("nb_NO", "NOK", tmp_path)
    assert words.gettext("Phone") == "Telefon"
    assert words.gettext("Letter") == "Letter"  # not in the project's file: the English source

    german = tmp_path / "locale" / "de" / "LC_MESSAGES"
    german.mkdir(parents=True)
    (german / "deskbook.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Phone"\nmsgstr "Fernsprecher"\n',
        encoding="utf-8")
    words = localization("de_DE", "EUR", tmp_path)
    assert words.gettext("Phone") == "Fernsprecher"  # the project's word wins
    assert words.gettext("Letter") == "Brief"  # the rest still comes from the package


def test_gettext_in_templates_uses_the_manual_s_language():
    from deskbook.templating import make_environment

    env = make_environment("deskbook.site", localization("de_DE", "EUR"))
    template = env.from_string('{{ _("Phone") }} · {{ "email"|channel }} · {{ 1234.5|money }}')
    assert template.render() == "Telefon · E-Mail · 1.234,50\u00a0€"
    assert isinstance(localization("de_DE", "EUR").translations, gettext.GNUTranslations)


def test_one_msgid_per_word_gets_its_capital_and_colon_where_it_is_shown(tmp_path):
    """``_("rules")|capital`` and ``_("Scripts")|colon``: the case and the colon are set by the template,
    the separator by the language (a French catalogue writes a space before the colon), and the capital of
    Turkish 'i' is the dotted one."""
    from deskbook.templating import make_environment

    template = '{{ _("rules")|capital }} · {{ _("Scripts")|colon }} · {{ "<b>"|colon }}'
    german = make_environment("deskbook.site", localization("de_DE", "EUR"))
    assert german.from_string(template).render() == "Regeln · Gesprächsleitfäden: · &lt;b&gt;:"
    for language, body in (("fr", 'msgid "%(label)s:"\nmsgstr "%(label)s\u00a0:"\n\nmsgid "rules"\nmsgstr "règles"\n'),
                           ("tr", 'msgid "rules"\nmsgstr "iade kuralları"\n')):
        folder = tmp_path / "locale" / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "deskbook.po").write_text(_HEADER + body, encoding="utf-8")
    french = make_environment("deskbook.site", localization("fr_FR", "EUR", tmp_path))
    assert french.from_string(template).render() == "Règles · Scripts\u00a0: · &lt;b&gt;\u00a0:"
    turkish = make_environment("deskbook.site", localization("tr_TR", "TRY", tmp_path))
    assert turkish.from_string('{{ _("rules")|capital }}').render() == "İade kuralları"


_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('msgid "Times are local time in %(zone)s."\nmsgstr "Ortszeit (%(zona)s)."\n',
         r"po:5:1: error: the translation of \"Times are local time in %\(zone\)s\.\" has the placeholders "
         r"%\(zona\)s; it needs exactly %\(zone\)s"),
        ('msgid "Page {page} of {pages}"\nmsgstr "Seite {page}"\n',
         r"po:5:1: error: .*has the placeholders \{page\}; it needs exactly \{page\}, \{pages\}"),
        ('msgid "Phone"\nmsgstr "Telefon"\n\nthis is not po\n',
         r"po:8:1: error: not a \.po entry \(unknown or misformatted keyword\): write msgid"),
    ],
)
def test_a_broken_project_catalogue_fails_check_and_build_at_its_line(tmp_path, capsys, monkeypatch, body, expected):
    import re
    import shutil

    from deskbook.cli import main

    shutil.copytree(REPO / "tests" / "fixtures" / "minimal" / "content", tmp_path / "content")
    folder = tmp_path / "locale" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "deskbook.po").write_text(_HEADER + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"locale/en/LC_MESSAGES/deskbook\." + expected, err), err
    assert "Traceback" not in err


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_the_shipped_catalogues_pass_the_check_projects_get(language):
    from deskbook.locale import catalogue_problems

    assert catalogue_problems(PACKAGE_CATALOGUES / language / "LC_MESSAGES" / "deskbook.po") == []


@pytest.mark.parametrize("catalogue", ["deskbook.pot", *(f"{language}/LC_MESSAGES/deskbook.po"
                                                          for language in SHIPPED_LANGUAGES)])
def test_the_glyph_checks_reader_finds_the_messages_babel_finds(catalogue):
    """check's glyph check reads the template's message ids with a reader of its own (Babel's read_po also
    parses every comment and location, and was most of the check's time): both must see the same ids."""
    from deskbook.handbook.glyph_check import template_messages

    path = PACKAGE_CATALOGUES / catalogue
    with path.open("rb") as stream:
        expected = [(message.context, *(message.id if isinstance(message.id, tuple) else (message.id, None)))
                    for message in read_po(stream) if message.id]
    assert template_messages(path) == expected
    assert len(expected) > 100
