"""WCAG 2.1 AA by axe-core (from npm, tests/site/axe) in Debian's Chromium: every page of the example at
laptop size and one page of each layout at phone size, with search open and with a quiz question answered.
Material's own markup counts too; no serious or critical violation may remain."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import one_page_of_each_layout

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing: npm ci --prefix {AXE.parents[2]} (make test does)")
    return AXE.read_text(encoding="utf-8")


def _violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => ({id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )
    return [f"{v['id']} ({v['impact']}) at {v['where']}" for v in found if v["impact"] in BLOCKING]


# Every page at laptop size; at phone size, where the same templates only reflow, one of each layout
# (the whole set took 80 s of the CI budget for what the laptop pass already read).
@pytest.mark.parametrize("size", SIZES)
def test_every_page_passes_axe(browser, served_site, built_example, axe_source, size):
    site = built_example / "site"
    if size == "phone":
        pages = one_page_of_each_layout(site)
    else:
        pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.name != "404.html")
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    problems = {}
    for uri in pages:
        page.goto(served_site + uri)
        page.wait_for_load_state("load")
        violations = _violations(page, axe_source)
        if violations:
            problems[uri] = violations
    context.close()
    assert problems == {}


@pytest.mark.parametrize("size", SIZES)
def test_open_search_with_results_passes_axe(browser, served_site, axe_source, size):
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(served_site + "index.html")
    page.wait_for_load_state("networkidle")
    if size == "phone":
        page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").click()
    for char in "refund":
        page.keyboard.press(char)
        page.wait_for_timeout(60)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert _violations(page, axe_source) == []
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_answered_quiz_passes_axe(browser, served_site, axe_source, size):
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(served_site + "training/knowledge-checks.html")
    question = page.locator("form.deskbook-question").first
    question.locator("input[type=radio]").first.check()
    question.locator("button[type=submit]").click()
    question.locator(".deskbook-feedback").wait_for()
    assert _violations(page, axe_source) == []
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_answered_who_decides_passes_axe(browser, served_site, axe_source, size):
    # An answer with a chain, a response time, a script and targets: everything the helper can show.
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(served_site + "escalation/index.html")
    page.select_option("#who-decides-request", "max_refund")
    page.fill("#who-decides-amount", "200")
    page.select_option("#who-decides-category", "management-decision")
    page.click(".deskbook-who-decides button[type=submit]")
    page.locator(".deskbook-who-decides-targets").wait_for()
    assert _violations(page, axe_source) == []
    context.close()
