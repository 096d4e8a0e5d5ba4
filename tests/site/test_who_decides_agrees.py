"""The "Who decides?" helper in Chromium gives the answers deskbook.decisions gives: 1,200 generated
requests per project (amounts at and around every limit, zero, negative, decimals, other scripts'
digits, every kind, tier, category and urgency) answered by the page in one call and compared with
Python, on the example and on the software company's typed limits; and the "How fast must I answer?"
helper gives the answers deskbook.decisions.decide gives, on every combination of the software
company's service-level values (each dimension also left out)."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from decision_cases import generated_requests, software_content
from deskbook.decisions import Request, decide, decision_table
from deskbook.pipeline import load_checked_manual
from projects import REPO_ROOT, build_project

pytestmark = pytest.mark.browser

CASES = 1200


@pytest.fixture(scope="module")
def software_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("software-decisions")
    software_content(project)
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Welcome to [[company.name]]\n")
    # The site alone: the helper is on the site, and the PDFs (with the example's editions) have their own tests.
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, removed = re.subn(r"\n  - deskbook/pdf:\n(?:    .*\n|      .*\n)*", "\n", config)
    assert removed == 1
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert build_project(project) == 0
    return project


def _compare(browser, project, seed):
    manual = load_checked_manual(project / "content")
    requests = generated_requests(decision_table(manual), CASES, seed)
    expected = [decide(manual, Request(**request)).as_data() for request in requests]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((project / "site" / "escalation" / "index.html").as_uri())
    answered = page.evaluate("requests => window.deskbookWhoDecides(requests)", requests)
    page.close()
    assert errors == []
    differing = [(request, python, browser_answer)
                 for request, python, browser_answer in zip(requests, expected, answered) if python != browser_answer]
    assert len(answered) == CASES and differing == [], differing[:3]
    return expected


def test_the_page_answers_as_python_on_the_example(browser, built_example):
    answers = _compare(browser, built_example, seed=18)
    # The cases reach every kind of answer: refusals, yourself, a role, nobody, a routed case.
    firsts = {answer["refusal"] or answer["sentences"][0] for answer in answers}
    assert {"Nothing to approve: the amount is zero.", "You may agree to this yourself.",
            "No role may approve this much alone.", "Team Lead may approve it.",
            "Send it to Customer Care Manager."} <= firsts
    assert any(answer["refusal"] and "below zero" in answer["refusal"] for answer in answers)


def test_the_page_answers_as_python_on_the_software_company(browser, software_site):
    answers = _compare(browser, software_site, seed=7)
    assert {answer["rule"] for answer in answers} >= {None, "large-credits", "management", "executive-threshold"}
    assert {answer["responds"] for answer in answers} >= {"Support Manager answers you within 30 minutes (urgent).",
                                                          "Director of Support has no set time to answer you."}


def test_the_script_holds_no_sentences(built_example):
    # Every word of an answer comes from the page's data, where it is translated.
    script = (built_example / "site" / "assets" / "deskbook" / "who-decides.js").read_text()
    assert "may approve" not in script and "Send it" not in script and "answers you" not in script


def _every_case(table):
    """Every combination of the dimensions' values, each dimension also not given (None)."""
    ids = [dimension["id"] for dimension in table["dimensions"]]
    values = [[None, *(value["id"] for value in dimension["values"])] for dimension in table["dimensions"]]
    return [dict(zip(ids, combination, strict=True)) for combination in itertools.product(*values)]


def _compare_how_fast(browser, site, manual, replace=False):
    """Every case of ``manual``'s service levels answered by the response-times page of ``site`` and by
    Python, by the case's values; the page must carry ``manual``'s decision table, or with ``replace``
    is given it (a manual changed after the site was built)."""
    table = decision_table(manual)["serviceLevels"]
    cases = _every_case(table)
    expected = [decide(manual, Request("", service_level=tuple(case.items()))).timing.as_data() for case in cases]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "site" / "response-times.html").as_uri())
    carried = ".deskbook-how-fast-data"
    if replace:
        page.evaluate("([selector, table]) => { document.querySelector(selector).textContent = table; }",
                      [carried, json.dumps(table)])
    assert page.evaluate("selector => JSON.parse(document.querySelector(selector).textContent)", carried) == table
    answered = page.evaluate("cases => window.deskbookHowFast(cases)", cases)
    page.close()
    assert errors == []
    differing = [(case, python, browser_answer)
                 for case, python, browser_answer in zip(cases, expected, answered, strict=True)
                 if python != browser_answer]
    assert differing == [], differing[:3]
    return {tuple(case.values()): answer for case, answer in zip(cases, expected, strict=True)}


def test_how_fast_answers_as_python_on_every_case_of_the_software_company(browser, software_site):
    by_case = _compare_how_fast(browser, software_site, load_checked_manual(software_site / "content"))
    # 3 plans and 4 severities, each also not given: 20 cases, reaching every kind of answer.
    assert len(by_case) == 20
    assert by_case[(None, None)]["refusal"] == "Choose the case's values first."
    assert by_case[("premium", None)]["refusal"] == "No service level covers this case, so no time is promised."
    basic = by_case[("basic", "sev-1")]
    assert [target["text"] for target in basic["targets"]] == [
        "First response: 4 hours (business hours, Monday to Friday, 08:00 to 17:00 Europe/Berlin)",
        "Resolution: Not offered"]
    assert basic["sentences"] == ["The service level for Basic and Severity 1 applies.",
                                  "Resolution is not offered at this level."]
    ultimate = by_case[("ultimate", "sev-2")]["targets"]
    assert [(target["clock"], target["zone"]) for target in ultimate] == [("emergency-line", None),
                                                                          ("support-desk", "Europe/Berlin")]
    assert [target["offered"] for target in by_case[("basic", "sev-4")]["targets"]] == [False, False]
    assert by_case[("ultimate", "sev-1")]["note"].startswith("Call the emergency line")


def test_how_fast_chooses_the_level_naming_most_values_as_python_does(browser, software_site, tmp_path):
    # Severity 1 on any plan, beside the levels for Premium and Ultimate Severity 1: the more specific wins,
    # and a case with no plan given still has a target.
    content = software_content(tmp_path)
    levels = content / "service-levels.yaml"
    text = levels.read_text(encoding="utf-8")
    changed = text.replace("  - when: {plan: basic, severity: sev-1}\n    targets:\n"
                           "      first-response: {within: 4 hours, clock: support-desk}\n"
                           "      resolution: not offered\n",
                           "  - when: {severity: sev-1}\n    targets:\n"
                           "      first-response: {within: 2 hours, clock: 24x7}\n", 1)
    assert changed != text
    levels.write_text(changed, encoding="utf-8")
    by_case = _compare_how_fast(browser, software_site, load_checked_manual(content), replace=True)
    for plan in (None, "basic"):
        assert by_case[(plan, "sev-1")]["sentences"] == [
            "The service level for Severity 1 applies.", "It names no Plan, so it holds for every one.",
            "This level sets no target for Resolution."]
        assert by_case[(plan, "sev-1")]["targets"][0]["text"] == "First response: 2 hours, around the clock"
    assert by_case[("premium", "sev-1")]["level"] == "premium sev-1"


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_how_fast_answers_a_case_chosen_in_the_form_from_a_folder(browser, software_site, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((software_site / "site" / "response-times.html").as_uri())
    page.get_by_label("Plan", exact=True).select_option("ultimate")
    page.get_by_label("Severity", exact=True).select_option("sev-2")
    answer = page.locator(".deskbook-how-fast-answer[role=status][aria-live=polite]")
    assert answer.locator("li").all_inner_texts() == [
        "First response: 2 hours, around the clock",
        "Resolution: 2 days (business hours, Monday to Friday, 08:00 to 17:00 Europe/Berlin)"]
    assert "The service level for Ultimate and Severity 2 applies." in answer.inner_text()
    page.get_by_label("Plan", exact=True).select_option("")
    page.click(".deskbook-how-fast button[type=submit]")
    assert answer.inner_text() == "No service level covers this case, so no time is promised."
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = page.locator(".deskbook-how-fast").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert all(url.startswith("file:") for url in requests), requests
    page.close()


def test_the_how_fast_script_holds_no_sentences(software_site):
    # Every word of an answer comes from the page's data, where it is translated.
    script = (software_site / "site" / "assets" / "deskbook" / "how-fast.js").read_text()
    for words in ("Not offered", "around the clock", "applies.", "No service level", "Choose"):
        assert words not in script, words


def test_the_home_pages_response_times_shortcut_opens_on_the_how_fast_helper(software_site):
    home = (software_site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="response-times.html#how-fast-helper"' in home
    assert 'id="how-fast-helper"' in (software_site / "site" / "response-times.html").read_text(encoding="utf-8")


def test_how_fast_takes_any_number_of_dimensions_and_the_first_of_equal_levels(browser, software_site, tmp_path):
    # A third dimension of the company's own and a level on two of the three: 4 x 5 x 3 = 60 cases.
    content = software_content(tmp_path)
    levels = content / "service-levels.yaml"
    text = levels.read_text(encoding="utf-8")
    text = text.replace("metrics:\n", "  - id: contact\n    name: Contact\n    values:\n"
                        "      - {id: portal, name: Portal}\n      - {id: call, name: Call}\nmetrics:\n", 1)
    text += ("  - when: {contact: call, severity: sev-1}\n    targets:\n"
             "      first-response: {within: 15 minutes, clock: emergency-line}\n      resolution: not offered\n")
    levels.write_text(text, encoding="utf-8")
    by_case = _compare_how_fast(browser, software_site, load_checked_manual(content), replace=True)
    assert len(by_case) == 60
    # With the plan given, the plan's level names as many values and comes first in the file.
    assert by_case[("ultimate", "sev-1", "call")]["level"] == "ultimate sev-1"
    phoned = by_case[(None, "sev-1", "call")]
    assert phoned["level"] == "call sev-1"
    assert phoned["sentences"] == ["The service level for Call and Severity 1 applies.",
                                   "It names no Plan, so it holds for every one.",
                                   "Resolution is not offered at this level."]
    assert by_case[(None, "sev-1", "portal")]["refusal"] == "No service level covers this case, so no time is promised."
