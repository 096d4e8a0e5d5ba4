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
    assert question.locator(".deskbook-feedback").inner_text() == "Not quite."
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
