"""A German company (de_DE, EUR) builds a site and PDFs in which none of Deskbook's English words remain.

The English words are read from the catalogue template (what `pybabel extract` finds in templates and
Python), so a string added later without a translation fails here too.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from deskbook.locale import PACKAGE_CATALOGUES
from projects import BUILD_EPOCH, REPO_ROOT, build_project

GERMAN = REPO_ROOT / "tests" / "fixtures" / "german"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def german_site(tmp_path_factory, monkeypatch_module) -> Path:
    project = tmp_path_factory.mktemp("german") / "project"
    shutil.copytree(GERMAN, project)
    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    assert build_project(project) == 0, "the German fixture builds cleanly with --strict"
    return project / "site"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _english_phrases() -> set[str]:
    """Pieces of Deskbook's English strings that German never shares: placeholders and markup split them
    off, and a piece the German translation also contains ("Status", "Workshop") cannot tell the two apart."""
    with (PACKAGE_CATALOGUES / "de" / "LC_MESSAGES" / "deskbook.po").open("rb") as stream:
        german = {message.id: message.string for message in read_po(stream) if message.id}
    phrases = set()
    for english, translated in german.items():
        translated_text = " ".join(translated) if isinstance(translated, tuple) else translated
        for text in english if isinstance(english, tuple) else (english,):
            for piece in re.split(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>", text):
                piece = piece.strip(" .:,;()…“”›·-")
                if len(re.findall("[A-Za-z]", piece)) >= 4 and piece not in translated_text:
                    phrases.add(piece)
    return phrases


def _visible_text(page: Path) -> str:
    source = page.read_text(encoding="utf-8")
    # Material's own footer ("Made with Material for MkDocs") is Material's to translate, not ours.
    source = re.sub(r"<(script|style|footer)\b.*?</\1>", " ", source, flags=re.S)
    return _collapse(html.unescape(re.sub(r"<[^>]+>", " ", source)))


def _collapse(text: str) -> str:
    """Runs of ASCII white space as one space; the no-break spaces Babel puts in amounts stay."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def _english_left(text: str, phrases: set[str]) -> list[str]:
    return sorted(p for p in phrases if re.search(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", text))


def test_the_site_has_no_english_generated_words(german_site):
    phrases = _english_phrases()
    assert len(phrases) > 300, "the catalogue's English was read"
    # Company text may share a word with English ("Limit" is German too); these pages hold none.
    allowed = {"Limit"}
    left = {}
    for page in sorted(german_site.rglob("*.html")):
        found = [p for p in _english_left(_visible_text(page), phrases) if p not in allowed]
        if found:
            left[page.relative_to(german_site).as_posix()] = found
    assert not left, left


def test_the_pdfs_have_no_english_generated_words_and_no_dollar(german_site):
    phrases = _english_phrases()
    for name in ("handbook", "handbook-rep", "desk-card", "log-form"):
        text = _collapse(" ".join(page.extract_text() for page in PdfReader(german_site / "pdf" / f"{name}.pdf").pages))
        assert [p for p in _english_left(text, phrases) if p != "Limit"] == [], name
        assert "$" not in text, name


def test_amounts_dates_and_durations_read_the_german_way(german_site):
    escalation = _visible_text(german_site / "escalation" / "index.html")
    assert f"1.234,50{NBSP}€" in escalation and f"12.000{NBSP}€" in escalation
    assert f"Ja, bis 25,50{NBSP}€" in escalation and f"20{NBSP}%" in escalation
    assert f"die Bestellung mehr als 1.500{NBSP}€ wert ist" in escalation
    assert f"1.234,50{NBSP}€" in _visible_text(german_site / "products" / "wasserkocher.html")
    policy = _visible_text(german_site / "policies" / "erstattungen.html")
    assert "Gültig ab 1. März 2026" in policy and "Prüfen bis 31. Dezember 2099" in policy
    times = _visible_text(german_site / "response-times.html")
    assert "sofort" in times and "1 Arbeitsstunde" in times and "30 Sekunden" in times
    assert "2 Werktage" in _visible_text(german_site / "escalation" / "datenschutz.html")
    assert "Ausgabe 1, 1. März 2026." in _visible_text(german_site / "about.html")
    card = _collapse(" ".join(page.extract_text() for page in PdfReader(german_site / "pdf" / "desk-card.pdf").pages))
    assert "1.234,50 €" in card.replace(NBSP, " ") and "„Ich verbinde Sie" in card


def test_material_and_search_speak_german(german_site):
    page = (german_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
    assert "Suche" in page


def test_a_theme_language_that_contradicts_the_manual_is_a_located_error(tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(GERMAN, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false\n", "  font: false\n  language: en\n"))
    line = config.read_text().splitlines().index("  language: en") + 1
    assert build_project(project) == 1
    out = capsys.readouterr()
    assert re.search(rf"mkdocs\.yml:{line}:\d+: error: theme\.language is 'en' but the manual is in German", out.err + out.out)
