"""Typed rule values: written as a manager says them, printed in the manual's language, read by type (never
by an English unit word) by the card and the stale-prose check, and taken from the entity that owns them."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskbook.cli import main
from deskbook.handbook.card import desk_card_data
from deskbook.handbook.specs import DeskCardSpec, PrintOptions
from deskbook.locale import localization
from deskbook.manual import load_manual
from deskbook.model.quantity import Quantity, parse_quantity
from deskbook.references import resolved_manual

ROOT = Path(__file__).resolve().parents[2]
GERMAN = ROOT / "tests" / "fixtures" / "german"


@pytest.mark.parametrize(("written", "language", "currency", "printed"), [
    ("30 days", "en_US", "USD", "30 days"),
    ("1 hour", "en_US", "USD", "1 hour"),
    ("1 months", "en_US", "USD", "1 month"),
    ("10000 minutes", "en_US", "USD", "10,000 minutes"),
    ("15-30 minutes", "en_US", "USD", "15\u201330 minutes"),
    ("1.5 hours", "en_US", "USD", "1.5 hours"),
    ("$100", "en_US", "USD", "$100"),
    ("100 dollars", "en_US", "USD", "$100"),
    ("10 %", "en_US", "USD", "10%"),
    ("2 working days", "de_DE", "EUR", "2 Werktage"),
    ("30 days", "de_DE", "EUR", "30 Tage"),
    ("1,5 hours", "de_DE", "EUR", "1,5 Stunden"),
    ("10000", "ja_JP", "JPY", "10,000"),
    ("10000 JPY", "ja_JP", "JPY", "\uffe510,000"),
])
def test_a_value_prints_in_the_manuals_language(written, language, currency, printed):
    assert localization(language, currency).quantity(parse_quantity(written, currency, language)) == printed


@pytest.mark.parametrize(("written", "hint"), [
    ("30 dyas", "did you mean '30 days'"),
    ("-0", "below zero"),
    ("\u00b2 days", "not a value Deskbook can read"),
    ("9" * 29 + " days", "too large"),
    ("5" * 5001, "too large"),
    ("0 days", "no time at all"),
    ("30-15 minutes", "from the smaller"),
    ("120 %", "more than 100 %"),
    ("0012", "leading zero"),
])
def test_a_value_that_cannot_be_read_says_what_to_write(written, hint):
    with pytest.raises(ValueError, match=hint):
        parse_quantity(written)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(), st.decimals(allow_nan=True, allow_infinity=True),
                 st.floats()))
def test_any_value_is_read_or_refused_in_words(value):
    """Never an exception other than the ValueError that carries the hint (no InvalidOperation, no
    OverflowError), whatever a manager types."""
    try:
        quantity = parse_quantity(value)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(quantity, Quantity)
        if quantity.kind != "reference":
            assert localization("en_US", "USD").quantity(quantity)


def test_counts_name_their_thing_in_the_languages_plural_forms():
    quantity = Quantity("count", Decimal(1), None, "rounds", (("one", "round"), ("other", "rounds")))
    assert localization("en_US", "USD").quantity(quantity) == "1 round"
    assert localization("en_US", "USD").quantity(Quantity("count", Decimal(3), None, "rounds",
                                                          quantity.forms)) == "3 rounds"


def _german_copy(tmp_path: Path) -> Path:
    project = tmp_path / "german"
    shutil.copytree(GERMAN, project)
    return project


def test_thirty_tagen_beside_a_thirty_day_rule_is_flagged(tmp_path, capsys, monkeypatch):
    project = _german_copy(tmp_path)
    policy = project / "content" / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text().replace(
        "innerhalb der Erstattungsfrist (**[[policy:erstattungen.rules.frist]]**) zurück",
        "innerhalb von **30 Tagen** zurück"))
    monkeypatch.chdir(project)
    assert main(["check", "--strict"]) == 1
    report = capsys.readouterr()
    assert "content/policies/refunds.yaml:9:58: error: '30 Tagen' repeats rules.frist" in report.out + report.err


def test_the_german_card_keeps_its_windows_and_limits():
    manual, diagnostics = load_manual(GERMAN / "content")
    assert not diagnostics.errors
    data = desk_card_data(resolved_manual(manual), DeskCardSpec(parts=("time-limits",)), PrintOptions())
    (windows,) = data["parts"]
    assert windows["title"] == "Fristen und Grenzen"
    printed = [{key: row[key] for key in ("label", "value", "note")} for row in windows["rows"]]
    assert printed == [{"label": "Erstattungen", "value": "30 Tage",
                        "note": manual.get("policy", "erstattungen").rules[0].text}]


def test_a_rule_takes_the_refund_limit_from_the_role(tmp_path, capsys, monkeypatch):
    """The refunds page, the matrix, the card and Who decides? read one number: the role's."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    roles = content / "roles.yaml"
    roles.write_text(roles.read_text().replace("max_refund: 100", "max_refund: 150", 1))
    manual = resolved_manual(load_manual(content)[0])
    rule = manual.get("policy", "refunds").rule("rep-limit")
    assert rule is not None and rule.value == Quantity("money", Decimal(150), None, "USD")
    assert manual.localization.quantity(rule.value) == "$150"

    refunds = content / "policies" / "refunds.yaml"
    refunds.write_text(refunds.read_text().replace('value: "[[role:rep.authority.max_refund]]"', "value: $150"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 0
    report = capsys.readouterr()
    assert ("warning: rules[3].value repeats role:rep authority.max_refund; write value: "
            "'[[role:rep.authority.max_refund]]'") in report.out + report.err


def test_a_rule_value_naming_nothing_is_a_located_error(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    refunds = content / "policies" / "refunds.yaml"
    refunds.write_text(refunds.read_text().replace("[[role:rep.authority.max_refund]]",
                                                   "[[role:rep.authority.max_refnd]]"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr()
    assert "content/policies/refunds.yaml:21:12: error: rules[3].value: [[role:rep.authority.max_refnd]]" in (
        report.out + report.err)


def test_a_value_and_unit_written_the_older_way_still_load(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    returns = content / "policies" / "returns.yaml"
    returns.write_text(returns.read_text().replace("value: 30 days", "value: 30\n    unit: days"))
    manual, diagnostics = load_manual(content)
    assert not diagnostics.errors, diagnostics.items
    assert manual.get("policy", "returns").rules[0].value == parse_quantity("30 days")


@pytest.mark.parametrize(("written", "message"), [
    ('"99999999999999999999999999999"', "has more than 15 digits"),
    ('"-0"', "is negative"),
])
def test_an_amount_of_money_too_long_or_below_zero_is_located(tmp_path, capsys, monkeypatch, written, message):
    """29 digits once reached Babel's formatting and ended in decimal.InvalidOperation; -0 printed '-$0'."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    roles = content / "roles.yaml"
    roles.write_text(roles.read_text().replace("max_refund: 100", f"max_refund: {written}", 1))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr()
    assert f"content/roles.yaml:9:19: error: roles[0].authority.max_refund: '{written.strip(chr(34))}' {message}" in (
        report.out + report.err)


def test_half_a_surrogate_pair_is_a_located_error_not_a_traceback(tmp_path, capsys, monkeypatch):
    """YAML's "\\ud800" escape is half of a UTF-16 pair: pydantic's error rendering died encoding it."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    returns = content / "policies" / "returns.yaml"
    returns.write_text(returns.read_text().replace("value: 30 days", 'value: "\\ud800\\udc01"'))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr()
    assert "content/policies/returns.yaml:14:12: error: \\ud800 is half of a UTF-16 surrogate pair" in (
        report.out + report.err)


@pytest.mark.parametrize(("written", "message"), [
    ("1.5 hours", "counts whole units; write it in a smaller unit, like '90 minutes'"),
    ("\u00b2 days", "is not a duration; write 'immediate' or a number and a unit"),
    ("9" * 40 + " hours", "is longer than any response time"),
    ("0 days", "is no time at all"),
])
def test_a_response_time_says_what_is_wrong_in_one_message(tmp_path, capsys, monkeypatch, written, message):
    """The union with 'not taken' used to add "is not one of: not taken" under the real hint, and '²' met
    Python's int() ("invalid literal for int() with base 10")."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    schedules = content / "schedules.yaml"
    schedules.write_text(schedules.read_text().replace("email: 24 hours", f"email: {written}", 1))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 1
    captured = capsys.readouterr()
    report = captured.out + captured.err
    lines = [line for line in report.splitlines() if "schedules.yaml:19:14" in line]
    assert len(lines) == 1 and message in lines[0], report


def test_immediately_is_a_response_time(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    schedules = content / "schedules.yaml"
    schedules.write_text(schedules.read_text().replace("email: 24 hours", "email: immediately", 1))
    manual, diagnostics = load_manual(content)
    assert not diagnostics.errors, diagnostics.items
