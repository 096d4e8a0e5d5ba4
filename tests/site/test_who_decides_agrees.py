"""The "Who decides?" helper in Chromium gives the answers deskbook.decisions gives: 1,200 generated
requests per project (amounts at and around every limit, zero, negative, decimals, other scripts'
digits, every kind, tier, category and urgency) answered by the page in one call and compared with
Python, on the example and on the software company's typed limits."""

from __future__ import annotations

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
