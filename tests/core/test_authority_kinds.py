"""Authority of any kind: a limit in money, time, a count of something or a percentage for a time, or a
formula in words; printed in the manual's language; and the kinds no role holds left out of the matrix
the site, the handbook and the desk card print."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from deskbook.cli import main
from deskbook.locale import localization
from deskbook.manual import load_manual
from deskbook.model.base import locale_context
from deskbook.model.escalation import Authority, Limit, authority_kinds
from deskbook.pipeline import load_checked_manual
from deskbook.review.changes import diff_manuals
from deskbook.site import SiteOptions, render_site_pages

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

EXTENSION = {"kind": "extension", "label": "Trial extension", "up_to": "14 days"}
MINUTES = {"kind": "usage-credit", "label": "Usage credit", "up_to": 500,
           "counts": {"one": "usage minute", "other": "usage minutes"}}
ONE_SEAT = {"kind": "seats", "label": "Extra seats", "up_to": 1, "counts": {"one": "seat", "other": "seats"}}
DISCOUNT = {"kind": "discount", "percent": 15, "lasting": "3 months"}
FORMULA = {"kind": "credit", "formula": "current usage + 2 × the failed minutes"}
MONEY = {"kind": "credit", "up_to": 25}


def _limit(data: dict, language: str = "en_US", currency: str = "USD") -> Limit:
    return Limit.model_validate(data, context=locale_context(language, currency))


@pytest.mark.parametrize(("data", "english", "german"), [
    (EXTENSION, "Trial extension up to 14 days", "Trial extension bis 14 Tage"),
    (MINUTES, "Usage credit up to 500 usage minutes", "Usage credit bis 500 usage minutes"),
    (ONE_SEAT, "Extra seats up to 1 seat", "Extra seats bis 1 seat"),
    (DISCOUNT, "Discount up to 15% for 3 months", "Rabatt bis 15\u00a0% für 3 Monate"),
    (FORMULA, "Credit: current usage + 2 × the failed minutes", "Gutschrift: current usage + 2 × the failed minutes"),
    (MONEY, "Credit up to $25", "Gutschrift bis 25\u00a0€"),
])
def test_a_limit_of_any_kind_prints_in_the_manuals_language(data, english, german):
    assert _limit(data).summary(localization("en_US", "USD")) == english
    assert _limit(data, "de_DE", "EUR").summary(localization("de_DE", "EUR")) == german


def test_a_cell_under_the_kinds_name_says_how_much_without_repeating_it():
    words = localization("de_DE", "EUR")
    assert _limit(DISCOUNT, "de_DE", "EUR").extent(words) == "bis 15\u00a0% für 3 Monate"
    assert _limit(FORMULA, "de_DE", "EUR").extent(words) == "current usage + 2 × the failed minutes"
    assert _limit({"kind": "fee-waiver"}).extent(localization("en_US", "USD")) == "Yes"
    boost = _limit({"kind": "speed-boost", "label": "Speed boost", "lasting": "7 days"}, "de_DE", "EUR")
    assert boost.extent(words) == "für 7 Tage"


def test_a_plain_number_is_still_an_amount_of_the_manuals_money():
    up_to = _limit(MONEY, "ja_JP", "JPY").up_to
    assert up_to is not None and (up_to.kind, up_to.unit) == ("money", "JPY")


@pytest.mark.parametrize(("data", "message"), [
    ({**FORMULA, "up_to": 50}, "an amount (up_to or percent) or as a formula, not both"),
    ({"kind": "credit", "counts": "seats"}, "counts names what up_to counts"),
    ({"kind": "credit", "up_to": "15 %"}, "is a percentage; write it as percent: 15"),
    ({"kind": "credit", "up_to": "14 days", "counts": "days"}, "write up_to as a number alone"),
    ({"kind": "credit"}, "a credit limit needs up_to"),
    ({"kind": "credit", "up_to": "[[role:rep.authority.max_refund]]"}, "write the amount instead"),
    ({**DISCOUNT, "lasting": "until the next bill"}, "'until the next bill' is not a length of time; write it "
                                                     "like '3 months', '14 days' or '1 year'"),
    ({**DISCOUNT, "lasting": "$5"}, "'$5' is not a length of time"),
])
def test_a_limit_that_cannot_be_read_says_what_to_write(data, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        _limit(data)


def test_a_lasting_in_words_is_a_located_error_saying_what_to_write(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "isp" / "content", tmp_path / "content")
    roles = tmp_path / "content" / "roles.yaml"
    roles.write_text(roles.read_text().replace("lasting: 3 months", "lasting: until the next bill"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr()
    assert ("content/roles.yaml:37:16: error: roles[2].authority.limits[1].lasting: 'until the next bill' is "
            "not a length of time; write it like '3 months'") in report.out + report.err
    assert "Traceback" not in report.out + report.err


def _authority(**fields) -> Authority:
    return Authority.model_validate(fields, context=locale_context("de_DE", "EUR"))


def test_a_kind_no_role_holds_is_left_out_by_its_values():
    words = localization("en_US", "EUR")
    roles = [_authority(may_consult_staff=True, limits=[EXTENSION, {**MONEY, "up_to": 0}]),
             _authority(max_refund=0, limits=[{**EXTENSION, "up_to": "30 days"}, {**MONEY, "up_to": 0}])]
    kinds = authority_kinds(roles, words)
    assert [kind.label for kind in kinds] == ["May consult other staff", "Trial extension"]
    assert [cell.text for cell in kinds[0].cells] == ["Yes", "No"]
    assert [cell.text for cell in kinds[1].cells] == ["up to 14 days", "up to 30 days"]
    assert [kind.gives for kind in kinds] == [False, True]


def test_a_gift_reads_with_its_value_and_a_role_without_a_kind_holds_none():
    words = localization("de_DE", "EUR")
    roles = [_authority(free_gift=True, max_gift_value=25), _authority(limits=[DISCOUNT])]
    kinds = {kind.label: [cell.text for cell in kind.cells] for kind in authority_kinds(roles, words)}
    assert kinds == {"Gratisgeschenk": ["Ja, bis 25\u00a0€", "Nein"],
                     "Rabatt": ["Keine", "bis 15\u00a0% für 3 Monate"]}


def _escalation_page(content: Path) -> str:
    manual = load_checked_manual(content)
    pages = render_site_pages(manual, SiteOptions(today=dt.date(2026, 11, 22)))
    page = next(page.markdown for page in pages if page.src_uri == "escalation/index.md")
    return page.split("## Authority matrix", 1)[1].split("## ", 1)[0]


def test_a_company_that_grants_no_refunds_shows_no_refund_column():
    matrix = _escalation_page(FIXTURES / "software" / "content")
    for absent in ("Refund up to", "Free gift", "Discount up to", "$0"):
        assert absent not in matrix
    for header in ("Trial extension", "Usage credit", "Extra seats", "Discount", "May override policy"):
        assert f"<th>{header}</th>" in matrix
    assert ">up to 500 usage minutes</td>" in matrix
    assert ">current usage + 2 × the failed minutes</td>" in matrix
    assert ">up to 5 seats for 1 month</td>" in matrix


def test_the_example_retailer_keeps_its_money_columns():
    matrix = _escalation_page(ROOT / "content")
    assert '<th class="deskbook-num">Refund up to</th>' in matrix
    assert "Yes, up to $25" in matrix


def test_diff_reads_a_limit_change_with_labels_and_typed_values(tmp_path):
    shutil.copytree(FIXTURES / "software", tmp_path / "software")
    content = tmp_path / "software" / "content"
    before, diagnostics = load_manual(content, tmp_path / "software")
    assert before is not None, diagnostics.items
    roles = content / "roles.yaml"
    roles.write_text(roles.read_text().replace("up_to: 14 days", "up_to: 10 days")
                     .replace("lasting: 1 month", "lasting: 2 months"))
    after, diagnostics = load_manual(content, tmp_path / "software")
    assert after is not None, diagnostics.items
    sentences = {change.id: [field.sentence for field in change.fields]
                 for change in diff_manuals(before, after).changes}
    assert sentences == {"rep": ["Trial extension up to: 14 days -> 10 days"],
                         "care-manager": ["Extra seats lasting: 1 month -> 2 months"]}


def test_authority_in_days_must_rise_up_a_chain(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES / "software" / "content", tmp_path / "content")
    chain = tmp_path / "content" / "escalation" / "privacy.yaml"
    chain.write_text(chain.read_text() + "- role: care-manager\n  hand_on_when: Disclosure is asked for.\n")
    roles = tmp_path / "content" / "roles.yaml"
    roles.write_text(roles.read_text().replace("up_to: 21 days", "up_to: 10 days"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 1
    captured = capsys.readouterr()
    report = captured.out + captured.err
    assert ("level 2 (care-manager) may give a trial extension up to 10 days, less than level 1 (rep) at 14 "
            "days") in report
    assert report.count("authority must rise") == 1, report
