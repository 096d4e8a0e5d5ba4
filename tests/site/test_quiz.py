"""The knowledge check teaches and reports: the right choice shown, the score in view, a result to hand in."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.browser


def _answer(question, value: str) -> None:
    question.locator(f"input[value='{value}']").check()
    question.locator("button").click()


def _wrong(question) -> str:
    return "1" if question.get_attribute("data-answer") != "1" else "2"


def test_a_wrong_answer_shows_the_right_choice_and_why(page, served_site):
    page.goto(served_site + "training/knowledge-checks.html")
    question = page.locator("form.deskbook-question").first
    right = question.get_attribute("data-answer")
    _answer(question, _wrong(question))
    right_label = question.locator(f"input[value='{right}']").locator("xpath=..")
    right_text = right_label.locator(".deskbook-choice").inner_text()
    assert question.locator(".deskbook-feedback").inner_text() == f"Not quite. The right answer: {right_text}"
    assert "deskbook-choice-right" in right_label.get_attribute("class")
    wrong_label = question.locator(f"input[value='{_wrong(question)}']").locator("xpath=..")
    assert "deskbook-choice-wrong" in wrong_label.get_attribute("class")
    assert question.locator(".deskbook-explanation").is_visible()


def test_the_score_and_start_again_stay_in_view(page, served_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "training/knowledge-checks.html")
    first = page.locator("form.deskbook-question").first
    _answer(first, first.get_attribute("data-answer"))
    last = page.locator("form.deskbook-question").last
    last.scroll_into_view_if_needed()
    _answer(last, _wrong(last))
    for element in (page.locator(".deskbook-score"), page.locator(".deskbook-quiz-reset")):
        box = element.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 844, element
    assert page.locator(".deskbook-score").inner_text().startswith("Score: 1 of ")
    assert page.locator(".deskbook-quiz-progress").inner_text().startswith("2 of ")


def test_a_rep_hands_in_a_result_made_in_the_browser(page, built_example):
    # From the folder, as a rep at a desk without a server would: no network, the file made in the page.
    page.goto((built_example / "site" / "training" / "knowledge-checks.html").as_uri())
    questions = page.locator("form.deskbook-question")
    total = questions.count()
    _answer(questions.nth(0), questions.nth(0).get_attribute("data-answer"))
    _answer(questions.nth(1), _wrong(questions.nth(1)))
    page.click(".deskbook-quiz-make-result")
    assert page.locator(".deskbook-quiz-result-message").inner_text() == "Write your name first."
    page.fill("#quiz-result-name", "Sam P.")
    page.select_option("#quiz-result-audience", label="Customer care representatives")
    page.click(".deskbook-quiz-make-result")
    text = page.locator(".deskbook-quiz-result-text").input_value()
    today = dt.date.today().isoformat()
    assert text.splitlines()[:8] == [
        "Knowledge check result",
        "Name: Sam P.",
        "Manual: Harbourline Customer Care Manual",
        "Edition: 1 (November 1, 2026)",
        "Audience: Customer care representatives",
        f"Score: 1 of {total} right",
        "Result: not passed yet",
        f"Date: {today}",
    ]
    assert "1. right" in text and "2. wrong" in text and f"{total}. not answered" in text
    with page.expect_download() as download:
        page.click(".deskbook-quiz-result-file")
    saved = download.value
    assert saved.suggested_filename == f"knowledge-check-sam-p-{today}.txt"
    assert open(saved.path(), encoding="utf-8").read() == text
    assert all(url.startswith(("file:", "blob:", "data:")) for url in page.requests)


@pytest.mark.parametrize("stored", ["5", '"answers"', "[1, 2]", "true", '{"x": 1, "y": "1\' or \'1"}'])
def test_a_stored_value_that_is_not_answers_does_not_stop_the_quiz(page, served_site, stored):
    """Issue 23, case 7: localStorage is shared by the whole origin, so the quiz reads whatever JSON it finds
    there and keeps working (before: a number or a string there threw, and no question could be marked)."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site + "training/knowledge-checks.html")
    page.evaluate("stored => localStorage.setItem('deskbook-quiz:' + location.pathname, stored)", stored)
    page.reload()
    question = page.locator("form.deskbook-question").first
    _answer(question, question.get_attribute("data-answer"))
    assert question.locator(".deskbook-feedback").inner_text().startswith("Right")
    assert errors == []
