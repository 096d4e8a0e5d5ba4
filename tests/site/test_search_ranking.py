"""What staff type into the search box, and the page that must come first: typed key by key into
Material's search in Debian's Chromium, on the example manual."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Written from the example company: what a rep at the desk looks for, and the page about it.
FIRST_RESULT = [
    ("refund", "policies/refunds.html"),
    ("refunds", "policies/refunds.html"),
    ("refnd", "policies/refunds.html"),  # one letter left out
    ("refudn", "policies/refunds.html"),  # two letters swapped
    ("returns", "policies/returns.html"),
    ("exchange", "policies/returns.html"),
    ("hold", "scripts/hold.html"),  # the script, not the e-mail hold standard
    ("supervisor", "scripts/supervisor-takeover.html"),  # not Downloads
    ("supervisor line", "scripts/supervisor-takeover.html"),  # not "Linen apron" (line* matches Linen)
    ("transfer", "scripts/transfer.html"),
    ("greeting", "scripts/greeting.html"),
    ("greting", "scripts/greeting.html"),
    ("angry caller", "scripts/difficult-caller.html"),  # not the sample log of an angry caller
    ("closing", "scripts/closing.html"),
    ("follow-up call", "scripts/follow-up-call.html"),
    ("privacy", "policies/privacy.html"),
    ("gift", "policies/offers-and-gifts.html"),
    ("key accounts", "policies/key-accounts.html"),
    ("escalating a case", "procedures/escalation.html"),
    ("logging a contact", "procedures/call-logging.html"),
    ("inquiry", "procedures/inquiry-workflow.html"),
    ("CSAT", "metrics.html"),  # written "(CSAT)"
    ("NPS", "metrics.html"),
    ("FCR", "metrics.html"),
    ("response times", "response-times.html"),
    ("skillet", "products/cast-iron-skillet.html"),
    ("kettle", "products/smart-kettle.html"),
    ("knife", "products/chef-knife-set.html"),
    ("apron", "products/linen-apron.html"),
    ("code of conduct", "standards/conduct.html"),
    ("abusive", "escalation/difficult-contacts.html"),
    ("authority", "standards/authority-to-resolve.html"),
    ("apologise", "scripts/apology-with-perk.html"),
    ("knowledge check", "training/knowledge-checks.html"),
]


def _first_results(page, base: str, query: str, count: int = 3) -> list[str]:
    page.goto(base + "index.html")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    for char in query:  # key by key, after the page is idle, or Material's worker misses the input
        page.keyboard.press("Space" if char == " " else char)
        page.wait_for_timeout(40)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    links.first.wait_for(timeout=15000)
    page.wait_for_timeout(300)  # the results of the last key replace those of the one before
    hrefs = [links.nth(i).get_attribute("href") for i in range(min(count, links.count()))]
    return [href.removeprefix(base).partition("?")[0] for href in hrefs]


def test_the_page_about_what_staff_type_comes_first(page, served_site):
    misses = []
    for query, expected in FIRST_RESULT:
        found = _first_results(page, served_site, query)
        if not found or found[0] != expected:
            misses.append(f"{query!r}: expected {expected} first, got {found}")
    assert misses == []


@pytest.mark.parametrize("query", ["supervisor", "refund", "hold", "complaint"])
def test_downloads_and_sample_logs_never_lead(page, served_site, query):
    found = _first_results(page, served_site, query, count=1)
    assert found and not found[0].startswith(("downloads", "call-logs/"))


def test_a_preview_opens_with_the_summary_not_the_table_of_facts(page, served_site):
    _first_results(page, served_site, "refund")
    preview = page.locator(".md-search-result__item").first.locator("p").first.inner_text()
    assert preview.startswith("Customers can have their money back")
    assert "Owner" not in preview.split(".")[0]


def test_slips_and_ranking_work_from_a_folder_too(page, built_example):
    # From file:// the worker runs in an iframe through the shim; Deskbook's ranking must run there too.
    base = (built_example / "site").as_uri() + "/"
    assert _first_results(page, base, "refnd", count=1) == ["policies/refunds.html"]
    assert _first_results(page, base, "supervisor line", count=1) == ["scripts/supervisor-takeover.html"]
