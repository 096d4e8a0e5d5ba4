"""Issue 23, case 5: what ``build`` would trip on, ``check`` reports first, located: a language Material
has no interface for (the build now goes on with Material in English), a word too long for a PDF string,
a control character. (Catalogue format strings: test_untrusted_files.py; glyphs: the scripts issue.)"""

from __future__ import annotations

import re

import pytest
import yaml

from projects import copy_example_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "false")
    return copy_example_project(tmp_path / "project")


def _check(project, capsys) -> tuple[int, str]:
    from deskbook.cli import main

    status = main(["check", "--content", str(project / "content"), "-f", str(project / "mkdocs.yml")])
    out = capsys.readouterr()
    return status, out.err + out.out


def _set_language(project, language: str) -> None:
    path = project / "content" / "manual.yaml"
    path.write_text(re.sub(r"(?m)^  language: \S+", f"  language: {language}", path.read_text()))


@pytest.mark.parametrize("language", ["nds_DE", "bs_BA", "fil_PH", "ga_IE"])
def test_a_language_material_cannot_show_is_a_located_warning_and_builds(project, tmp_path, capsys, language):
    from deskbook.cli import main

    _set_language(project, language)
    status, report = _check(project, capsys)
    assert status == 0, report
    assert re.search(r"content/manual\.yaml:\d+:\d+: warning: the theme \(Material\) has no translation for ", report)
    site = tmp_path / "site"
    assert main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]) == 0
    err = capsys.readouterr().err
    assert "not found" not in err and "Traceback" not in err
    html = (site / "index.html").read_text()
    assert f'lang="{language.split("_")[0]}' in html


def _set_summary(project, text: str) -> int:
    path = project / "content" / "policies" / "refunds.yaml"
    data = yaml.safe_load(path.read_text())
    data["summary"] = text
    path.write_text(yaml.safe_dump(data, width=10**9, sort_keys=False))
    return path.read_text().splitlines().index(next(line for line in path.read_text().splitlines()
                                                    if line.startswith("summary:"))) + 1


def test_a_word_too_long_for_a_pdf_string_is_a_located_error(project, capsys):
    line = _set_summary(project, "Refunds " + "x" * 40_000)
    status, report = _check(project, capsys)
    assert status == 1
    assert re.search(rf"content/policies/refunds\.yaml:{line}:\d+: error: a word of 40,000 characters \('xxxx.*the "
                     r"PDFs cannot hold a word over 32,767 characters", report), report


def test_a_control_character_is_a_located_error(project, capsys):
    line = _set_summary(project, "Refunds\x07 within \x1b[2K30 days")
    status, report = _check(project, capsys)
    assert status == 1
    assert re.search(rf"content/policies/refunds\.yaml:{line}:\d+: error: control characters \(U\+0007, U\+001B\)",
                     report), report
