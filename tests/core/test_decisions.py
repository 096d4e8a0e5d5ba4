"""The one decision behind "Who decides?": who may approve a request, where the case goes, how fast it
is answered, and the reason, on the example and on the software company's typed limits."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from decision_cases import software_content
from deskbook.decisions import Request, decide, decision_table, how_fast, measures, read_amount
from deskbook.pipeline import load_checked_manual


@pytest.fixture(scope="module")
def example(example_content):
    return load_checked_manual(example_content)


@pytest.fixture(scope="module")
def software(tmp_path_factory):
    return load_checked_manual(software_content(tmp_path_factory.mktemp("software")))


def edited(tmp_path: Path, example_content: Path, path: str, old: str, new: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(example_content, content)
    text = (content / path).read_text(encoding="utf-8")
    assert old in text, old
    (content / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


def test_the_kinds_of_request_come_from_the_model(example, software):
    # Authority's Money and Percent fields with their titles, then the kinds of authority.limits; a kind
    # nobody holds (the software company grants no refunds) is not offered.
    assert [(m.id, m.label, m.unit) for m in measures(example)] == [
        ("max_discount_percent", "Discount up to", "percent"), ("max_refund", "Refund up to", "money"),
        ("max_gift_value", "Gift value up to", "money")]
    assert [(m.id, m.label, m.unit) for m in measures(software)] == [
        ("max_discount_percent", "Discount up to", "percent"), ("limit:credit", "Credit up to", "money"),
        ("limit:extension", "Trial extension up to", "quantity"),
        ("limit:usage-credit", "Usage credit up to", "quantity"), ("limit:fee-waiver", "Fee waived", "held")]


@pytest.mark.parametrize(("kind", "amount", "approver", "chain", "sentences"), [
    ("max_refund", "100", "rep", None, ["You may agree to this yourself.", "It is within your limit ($100)."]),
    ("max_refund", "100.01", "team-lead", "complaints", [
        "Team Lead may approve it.",
        "It is more than you may give ($100); Team Lead may give up to $250, the lowest limit that covers it."]),
    # Supervisor and manager both hold $500: the first of equals, the lower in roles.yaml.
    ("max_refund", "500", "supervisor", "complaints", None),
    # A 35 % discount climbs the complaints chain to the director, not the large-orders chain.
    ("max_discount_percent", "35", "director", "complaints", None),
    # A $2,000 gift is over every gift limit; an order's value has nothing to do with it.
    ("max_gift_value", "2000", None, "complaints", [
        "No role may approve this much alone.",
        "The highest limit is $1,000 (Chief Executive Officer): send it up the chain to the top."]),
])
def test_the_lowest_role_whose_limit_covers_it(example, kind, amount, approver, chain, sentences):
    decision = decide(example, Request(kind, amount))
    assert (decision.approver, decision.chain, decision.rule) == (approver, chain, None)
    if sentences is not None:
        assert list(decision.sentences) == sentences
    assert not any("order is worth" in sentence for sentence in decision.sentences)


def test_the_chain_reaches_the_approver_and_says_how_fast(example):
    decision = decide(example, Request("max_discount_percent", "35"))
    assert decision.path == ("rep", "team-lead", "supervisor", "care-manager", "director")
    assert decision.responds == "Director of Customer Care answers you within 4 hours."


@pytest.mark.parametrize(("amount", "refusal"), [
    ("", "Enter the amount first."),
    ("0", "Nothing to approve: the amount is zero."),
    ("0.00", "Nothing to approve: the amount is zero."),
    ("-5", "An amount below zero is not a request: write it without a minus sign."),
    ("\u22125", "An amount below zero is not a request: write it without a minus sign."),
    ("five", "That is not an amount: write it in digits, like 1,250."),
    ("1e3", "That is not an amount: write it in digits, like 1,250."),
])
def test_amounts_that_cannot_be_judged_are_refused(example, amount, refusal):
    decision = decide(example, Request("max_refund", amount))
    assert decision.refusal == refusal and decision.approver is None and decision.sentences == ()


def test_a_percentage_over_100_is_refused(example):
    assert decide(example, Request("max_discount_percent", "101")).refusal == "A percentage goes up to 100%."
    assert decide(example, Request("max_discount_percent", "100")).approver == "ceo"


@pytest.mark.parametrize(("typed", "marks", "amount"), [
    ("1,500.50", {"decimal": ".", "group": ","}, Decimal("1500.50")),
    ("1.500,5", {"decimal": ",", "group": "."}, Decimal("1500.5")),
    ("1’500", {"decimal": ".", "group": "’"}, Decimal("1500")),
    ("١٬٥٠٠٫٥", {"decimal": "٫", "group": "٬"}, Decimal("1500.5")),
    ("१२५", {"decimal": ".", "group": ","}, Decimal("125")),
    ("1,5", {"decimal": ".", "group": ","}, Decimal("15")),  # a group mark is dropped wherever it stands
])
def test_amounts_are_read_the_locales_way_in_any_digits(typed, marks, amount):
    assert read_amount(typed, marks) == amount


def test_a_rule_on_a_chain_alone_names_the_chain_not_an_executive(tmp_path, example_content):
    content = edited(tmp_path, example_content, "routing.yaml", "    route_to: supervisor\n", "")
    decision = decide(load_checked_manual(content), Request("routing:abusive-contacts"))
    assert decision.sentences[0] == "Take it up Difficult and abusive contacts: Customer Care Supervisor takes it first."
    assert decision.path == ("rep", "supervisor", "care-manager")
    assert not any("executive" in sentence for sentence in decision.sentences)


def test_a_key_account_rule_names_each_accounts_handler(example):
    decision = decide(example, Request("routing:key-accounts"))
    assert decision.sentences == (
        "Send it to whoever is named for the account: Northgate Hotels group (Maya Okafor) and Ember Culinary "
        "School (Priya Nair).",
        "It goes there because the customer is a key account.")


def test_a_named_case_says_where_it_goes_why_and_how_fast(example):
    decision = decide(example, Request("routing:privacy-requests", urgency=None))
    assert decision.sentences == ("Send it to Customer Care Manager.",
                                  "It goes there because the inquiry's category is Privacy request.")
    assert decision.responds == "Customer Care Manager answers you within 1 working day."
    assert "E-mail: 24 hours" in decision.targets


def test_the_category_of_a_request_routes_it_and_gives_its_targets(example):
    decision = decide(example, Request("max_refund", "200", category="management-decision"))
    assert decision.rule == "management-decisions" and decision.approver == "team-lead"
    assert decision.sentences[0] == "Send it to Customer Care Manager."
    assert "Team Lead may approve it." in decision.sentences
    assert decision.note == "Flag the ticket as urgent; the manager may call the customer."
    assert "E-mail: 1 hour" in decision.targets


def test_custom_kinds_can_be_asked_about(software):
    credit = decide(software, Request("limit:credit", "700"))
    assert credit.approver == "director" and credit.sentences[0] == "Director of Support may approve it."
    assert credit.responds == "Director of Support has no set time to answer you."
    assert decide(software, Request("limit:credit", "2500.50")).approver == "director"
    assert decide(software, Request("limit:credit", "2500.51")).sentences[0] == "No role may approve this much alone."
    # Kinds held with no amount: who holds it at all.
    assert decide(software, Request("limit:fee-waiver")).approver == "care-manager"  # held with no amount
    waiver = decide(software, Request("limit:fee-waiver", urgency="urgent"))
    assert waiver.approver == "care-manager"
    assert waiver.sentences[1] == "Support Manager is the first role that holds this authority; you do not."
    assert waiver.responds == "Support Manager answers you within 30 minutes (urgent)."
    assert decide(software, Request("limit:fee-waiver")).responds == (
        "Support Manager answers you within: urgent: 30 minutes; timely: 1 hour; not urgent: 2 hours.")


@pytest.mark.parametrize(("amount", "tier", "rule"), [
    ("1200", "premium", "large-credits"), ("1200", "ultimate", "large-credits"),
    ("1200", "basic", None), ("1200", None, None), ("1000", "premium", None),
])
def test_a_rule_on_tiers_and_the_amount_asked_for(software, amount, tier, rule):
    decision = decide(software, Request("limit:credit", amount, tier=tier))
    assert decision.rule == rule
    if rule:
        assert decision.sentences[:2] == (
            "Send it to Director of Support.",
            "It goes there because the customer asks for more than $1,000 and the account is premium or ultimate.")


def test_the_table_holds_every_limit_as_a_threshold(software):
    table = decision_table(software)
    credit = next(kind for kind in table["kinds"] if kind["id"] == "limit:credit")
    assert [step["upTo"] for step in credit["steps"]] == ["50", "500", "2500.5"]
    rules = {rule["id"]: rule["auto"] for rule in table["rules"]}
    # A rule with no condition, or one the helper cannot know, is only chosen by name.
    assert rules == {"routing:executive-threshold": False, "routing:large-credits": True, "routing:management": True}


def test_german_answers(tmp_path, example_content):
    content = edited(tmp_path, example_content, "manual.yaml", "language: en_US", "language: de_DE")
    manual = load_checked_manual(content)
    decision = decide(manual, Request("max_refund", "1.000"))
    assert decision.approver == "director"
    assert decision.sentences[0] == "Director of Customer Care darf es genehmigen."
    assert decide(manual, Request("max_refund", "-5")).refusal.startswith("Ein Betrag unter null")


def test_a_limit_in_days_goes_to_the_lowest_role_whose_days_cover_it(software):
    # The engineer up to 14 days, the manager up to 21, the director none (decision_cases.SOFTWARE_ROLES).
    assert decide(software, Request("limit:extension", "14")).approver == "rep"
    decision = decide(software, Request("limit:extension", "20"))
    assert decision.approver == "care-manager"
    assert any("21 days" in sentence for sentence in decision.sentences), decision.sentences
    assert decide(software, Request("limit:extension", "60")).approver is None
    # Usage minutes: the engineer's 500 counted; the manager's formula in words holds the kind beyond them.
    assert any("500 usage minutes" in sentence
               for sentence in decide(software, Request("limit:usage-credit", "400")).sentences)


# -- how fast a case must be answered ---------------------------------------------------------------------

def test_how_fast_names_each_metrics_target_its_clock_and_the_level(software):
    timing = how_fast(software, {"plan": "ultimate", "severity": "sev-1"})
    assert timing.level == "ultimate sev-1"
    assert [(t["metric"], t["within"], t["clock"], t["zone"]) for t in timing.targets] == [
        ("first-response", "30 minutes", "24x7", None), ("resolution", "8 hours", "24x7", None)]
    assert timing.sentences == ("The service level for Ultimate and Severity 1 applies.",)
    assert timing.note == "Call the emergency line; a ticket alone does not start the clock at night."
    premium = how_fast(software, {"plan": "premium", "severity": "sev-4"})
    assert [t["text"] for t in premium.targets] == [
        "First response: 2 days (business hours, Monday to Friday, 08:00 to 17:00 Europe/Berlin)",
        "Resolution: Not offered"]
    assert premium.sentences[-1] == "Resolution is not offered at this level."


def test_how_fast_refuses_a_case_with_nothing_given_or_no_level(software):
    assert how_fast(software, {}).refusal == "Choose the case's values first."
    assert how_fast(software, {"plan": None, "severity": None}).refusal == "Choose the case's values first."
    assert how_fast(software, {"severity": "sev-2"}).refusal == \
        "No service level covers this case, so no time is promised."


def test_how_fast_knows_only_the_manuals_own_dimensions(software, example):
    with pytest.raises(ValueError, match="'plan: gold' is no value"):
        how_fast(software, {"plan": "gold"})
    with pytest.raises(ValueError, match="'region: eu' is no value"):
        how_fast(software, {"region": "eu"})
    with pytest.raises(ValueError, match="no service levels"):
        how_fast(example, {"plan": "premium"})
    assert decision_table(example)["serviceLevels"] is None


def test_the_table_holds_each_levels_answer(software):
    table = decision_table(software)["serviceLevels"]
    assert [dimension["id"] for dimension in table["dimensions"]] == ["plan", "severity"]
    assert len(table["levels"]) == 12
    first = table["levels"][0]
    assert first["when"] == {"plan": "basic", "severity": "sev-1"}
    assert first["answer"] == how_fast(software, first["when"]).as_data()


def test_one_decision_says_who_approves_where_it_goes_and_how_fast(software):
    # A premium customer's Severity 1 outage asking for a usage credit: one call answers all three.
    case = (("plan", "premium"), ("severity", "sev-1"))
    decision = decide(software, Request("limit:usage-credit", "400", service_level=case))
    alone = decide(software, Request("limit:usage-credit", "400"))
    assert decision.approver == alone.approver and decision.sentences == alone.sentences
    assert decision.timing == how_fast(software, dict(case))
    assert decision.timing.level == "premium sev-1"
    assert alone.timing is None
    # Only the service-level values: the "How fast must I answer?" question on its own.
    assert decide(software, Request("", service_level=case)).timing == decision.timing
    assert decide(software, Request("", service_level=(("plan", None),))).timing.refusal == \
        "Choose the case's values first."
    with pytest.raises(ValueError, match="names a kind of request"):
        decide(software, Request(""))
