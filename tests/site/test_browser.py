"""The built site in real headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def _search(page, word: str):
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    for char in word:  # key by key, after the page is idle, or Material's worker misses the input
        page.keyboard.press(char)
        page.wait_for_timeout(60)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results


def _only_local(requests: list[str], allowed_scheme: str) -> list[str]:
    outside = []
    for url in requests:
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about"):
            continue
        if allowed_scheme == "http" and parsed.hostname == "127.0.0.1":
            continue
        if allowed_scheme == "file" and parsed.scheme == "file":
            continue
        outside.append(url)
    return outside


def test_typing_refund_lists_the_refund_policy(page, served_site):
    page.goto(served_site + "index.html")
    results = _search(page, "refund")
    titles = " | ".join(results.all_inner_texts())
    assert "Refunds" in titles
    assert _only_local(page.requests, "http") == []


def test_chain_page_shows_its_diagram(page, served_site):
    page.goto(served_site + "escalation/complaints.html")
    svg = page.locator("svg.deskbook-chain")
    assert svg.count() == 1
    box = svg.bounding_box()
    assert box and box["height"] > 200 and box["width"] > 200
    assert "Team Lead" in svg.text_content()
    assert _only_local(page.requests, "http") == []


def test_knowledge_check_marks_answers_without_network(page, served_site):
    page.goto(served_site + "training/knowledge-checks.html")
    question = page.locator("form.deskbook-question").first
    right = int(question.get_attribute("data-answer"))
    wrong = 1 if right != 1 else 2
    question.locator(f"input[value='{wrong}']").check()
    question.locator("button").click()
    assert question.locator(".deskbook-feedback").inner_text().startswith("Not quite.")
    question.locator(f"input[value='{right}']").check()
    question.locator("button").click()
    assert question.locator(".deskbook-feedback").inner_text() == "Right."
    assert question.locator(".deskbook-explanation").is_visible()
    assert _only_local(page.requests, "http") == []


def test_site_works_from_a_folder_search_included(page, built_example, tmp_path):
    copy = tmp_path / "desk-copy"
    shutil.copytree(built_example / "site", copy)
    page.goto((copy / "index.html").as_uri())
    results = _search(page, "refund")
    assert "Refunds" in " | ".join(results.all_inner_texts())
    results.first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://")
    assert _only_local(page.requests, "file") == []


def _results_for_pasted(page, query: str):
    """A query that arrives without key presses: pasted with the mouse, dropped in, filled in."""
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    page.evaluate(
        """query => {
            const box = document.querySelector(".md-search__input");
            box.value = query;
            box.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste", data: query}));
        }""",
        query,
    )
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return " | ".join(results.all_inner_texts())


@pytest.mark.parametrize(("query", "expected"), [
    ("500", "Orders over $500"),  # written "$500" on the page
    ("5000", "Authority matrix"),  # written "$5,000"
    ("30 days", "Refunds"),
])
def test_numbers_are_found_as_staff_type_them(page, served_site, query, expected):
    page.goto(served_site + "index.html")
    assert expected in " | ".join(_search(page, query).all_inner_texts())


def test_a_pasted_query_runs_from_a_folder(page, built_example, tmp_path):
    copy = tmp_path / "desk-copy"
    shutil.copytree(built_example / "site", copy)
    page.goto((copy / "index.html").as_uri())
    assert "Refunds" in _results_for_pasted(page, "refund")
    assert _only_local(page.requests, "file") == []


def test_knowledge_check_keeps_score_announces_and_remembers(page, served_site):
    page.goto(served_site + "training/knowledge-checks.html")
    questions = page.locator("form.deskbook-question")
    total = questions.count()
    first, second = questions.nth(0), questions.nth(1)
    first.locator(f"input[value='{first.get_attribute('data-answer')}']").check()
    first.locator("button").click()
    wrong = "1" if second.get_attribute("data-answer") != "1" else "2"
    second.locator(f"input[value='{wrong}']").check()
    second.locator("button").click()
    score = page.locator(".deskbook-score")
    assert score.inner_text() == f"Score: 1 of {total} right. You need 8 right to pass."
    # Feedback and score are live regions, so a screen reader says them without moving focus.
    assert first.locator(".deskbook-feedback").get_attribute("aria-live") == "polite"
    assert score.get_attribute("role") == "status"
    # The answers survive a reload (localStorage), and "Start again" clears them.
    page.reload()
    assert page.locator(".deskbook-score").inner_text().startswith(f"Score: 1 of {total} right.")
    assert page.locator("form.deskbook-question").nth(1).locator(".deskbook-feedback").inner_text().startswith("Not quite.")
    page.locator(".deskbook-quiz-reset").click()
    assert page.locator(".deskbook-score").inner_text() == ""
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0


def test_quiz_words_come_from_the_page(built_example):
    # The script holds no sentences of its own: they come from the page, where they can be translated.
    script = (built_example / "site" / "assets" / "deskbook" / "quiz.js").read_text()
    assert "Not quite" not in script and "Right." not in script
    page = (built_example / "site" / "training" / "knowledge-checks.html").read_text()
    assert '<script type="application/json" class="deskbook-quiz-words">' in page


@pytest.mark.parametrize(("request_kind", "amount", "expected"), [
    ("max_refund", "40", "You may agree to this yourself"),
    ("max_refund", "200", "Team Lead may approve it"),
    ("max_refund", "٢٠٠", "Team Lead may approve it"),  # Arabic-Indic digits, as an Arabic keyboard types them
    ("max_refund", "1,000", "Director of Customer Care may approve it"),  # the English group mark, not a decimal comma
    ("max_refund", "-5", "An amount below zero is not a request"),
    ("max_discount_percent", "25", "Customer Care Manager may approve it"),
    ("routing:privacy-requests", None, "Send it to Customer Care Manager"),
])
def test_who_decides_works_from_a_folder(page, built_example, request_kind, amount, expected):
    # Straight from the built folder: the answer is looked up in the page, with no server and no network.
    page.goto((built_example / "site" / "escalation" / "index.html").as_uri())
    page.select_option("#who-decides-request", request_kind)
    if amount is not None:
        page.fill("#who-decides-amount", amount)
    page.click(".deskbook-who-decides button[type=submit]")
    answer = page.locator(".deskbook-who-decides-answer")
    assert expected in answer.inner_text()
    assert answer.get_attribute("aria-live") == "polite"
    if amount == "200":
        text = answer.inner_text()
        assert "Complaints and problems beyond your limits" in text and "30 minutes" in text
        assert "Telling the customer their case is escalated" in text  # the script to use
    if request_kind == "routing:privacy-requests":
        assert "E-mail: 24 hours" in answer.inner_text()  # the response target
    assert _only_local(page.requests, "file") == []
