"""How the built site looks to a new hire on a phone and a laptop: nothing scrolls sideways, tables are
styled like the rest of Material's tables, numbers line up."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def _site_pages(built_example) -> list[str]:
    site = built_example / "site"
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.name != "404.html")


def test_no_page_scrolls_sideways_on_a_phone(browser, served_site, built_example):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    too_wide = {}
    pages = _site_pages(built_example)
    assert len(pages) > 40
    for uri in pages:
        page.goto(served_site + uri)
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[uri] = width
    context.close()
    assert too_wide == {}


def test_wide_tables_become_cards_on_a_phone(browser, served_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "escalation/index.html")
    cell = page.locator("#role-team-lead td[data-label='Refund up to']")
    # The cell names its column, since the header row is out of sight on a phone.
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Refund up to: "'
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    context.close()


def test_blank_log_form_fits_a_phone_with_room_to_write(browser, served_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "call-logs/index.html")
    blank = page.locator(".deskbook-blank-form td").first
    box = blank.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]
    assert box["width"] > 150 and box["height"] >= 30
    context.close()


def test_deskbook_tables_look_like_materials_tables(browser, served_site):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(served_site + "response-times.html")
    # Material styles unclassed tables: padded cells, a border, and a wrapper that scrolls if need be.
    cell = page.locator(".deskbook-schedule td").first
    padding = cell.evaluate("cell => parseFloat(getComputedStyle(cell).paddingLeft)")
    assert padding > 8
    assert page.locator(".deskbook-schedule .md-typeset__table table").count() == 1
    page.goto(served_site + "escalation/index.html")
    refund = page.locator("#role-team-lead td[data-label='Refund up to']")
    assert refund.evaluate("cell => getComputedStyle(cell).textAlign") == "right"
    context.close()
