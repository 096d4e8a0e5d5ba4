"""One style of percentages and quotation marks per manual: what the content writes, and what Deskbook prints."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from deskbook.cli import main
from deskbook.locale import localization
from deskbook.prose import other_percent_styles, other_quotation_marks, percent_style

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def english():
    return localization("en_US")


@pytest.fixture(scope="module")
def german():
    return localization("de_DE")


def test_each_language_has_one_percent_style(english, german):
    assert percent_style(english) == "N%"
    assert percent_style(german) == "N %"
    assert english.percent(Decimal(15)) == "15%" and german.percent(15) == "15\u00a0%"


@pytest.mark.parametrize("text, found", [
    ("A 15 % discount and 10% off.", [(2, "15 %", "15%")]),
    ("Under 2,5 % or 30 days.", [(6, "2,5 %", "2,5%")]),
    ("10% of callers, 95 percent of e-mails.", []),
    ("Write `10 %` in code, or [[role:rep.authority.max_discount_percent]].", []),
])
def test_percentages_written_another_way_than_english(english, text, found):
    assert list(other_percent_styles(text, english)) == found


def test_german_wants_the_space_and_takes_any_space(german):
    assert list(other_percent_styles("Bis zu 10% Rabatt", german)) == [(7, "10%", "10\u00a0%")]
    assert list(other_percent_styles("Bis zu 10 % oder 20\u00a0% Rabatt", german)) == []


def test_quotations_between_other_marks_than_the_languages(english, german):
    assert list(other_quotation_marks('Type "agent" or say “hello”.', english)) == [(5, '"agent"', "“agent”")]
    assert list(other_quotation_marks("Sag „Hallo“ und “Tschüss”.", german)) == [(16, "“Tschüss”", "„Tschüss“")]
    assert list(other_quotation_marks("Ein «Zitat».", german)) == [(4, "«Zitat»", "„Zitat“")]
    # An inch mark alone is no quotation; markup, code and references keep their own marks.
    assert list(other_quotation_marks('A 12" pan, <a href="x">link</a>, `"code"`, [[script:hold]].', english)) == []
    # The customer's apostrophe is not a quotation mark.
    assert list(other_quotation_marks("The customer's order", english)) == []


def test_check_warns_where_content_quotes_or_writes_percent_another_way(tmp_path, capsys, monkeypatch):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    standard = project / "content" / "standards" / "silent-customer.yaml"
    text = standard.read_text(encoding="utf-8")
    assert "(under 10%)" in text
    standard.write_text(text.replace("(under 10%)", '(under 10 %, "silent")'), encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check"]) == 0  # a warning; --strict makes it fail
    err = capsys.readouterr().err
    line = next(number for number, row in enumerate(standard.read_text().splitlines(), 1) if "under 10 %" in row)
    column = standard.read_text().splitlines()[line - 1].index("10 %") + 1
    assert (f"content/standards/silent-customer.yaml:{line}:{column}: warning: '10 %' is not how English "
            "(United States) writes a percentage; write '10%'") in err
    assert re.search(rf"silent-customer\.yaml:{line}:\d+: warning: \"silent\" is quoted with other marks than "
                     r"English \(United States\) uses; write “silent”", err)
    assert "Traceback" not in err
    assert main(["check", "--strict"]) == 1


def test_the_example_and_the_fixtures_write_one_style(capsys, monkeypatch):
    for project in [FIXTURES.parent.parent, *sorted(path for path in FIXTURES.iterdir() if (path / "content").is_dir())]:
        monkeypatch.chdir(project)
        main(["check"])
        err = capsys.readouterr().err
        assert "writes a percentage" not in err and "quoted with other marks" not in err, project.name


def test_a_date_named_in_prose_reads_as_the_manual_writes_dates(english, german):
    from deskbook.references import _value_text

    assert _value_text(dt.date(2027, 3, 1), None, english) == "March 1, 2027"
    assert _value_text(dt.date(2027, 3, 1), None, german) == "1. März 2027"
