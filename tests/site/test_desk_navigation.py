"""The home page and menu as a desk worker uses them: shortcuts, sections, Downloads, the title."""

from __future__ import annotations

import re

import pytest
from deskbook.handbook.jobs import download_facts
from deskbook.locale import localization


def _html(built_example, page: str) -> str:
    return (built_example / "site" / page).read_text(encoding="utf-8")


def test_home_page_offers_the_desk_shortcuts_and_each_one_leads_somewhere(built_example):
    html = _html(built_example, "index.html")
    shortcuts = re.search(r'<nav class="deskbook deskbook-shortcuts".*?</nav>', html, re.DOTALL).group(0)
    links = dict(re.findall(r'href="([^"]+)"[^>]*><strong>([^<]+)</strong>', shortcuts))
    assert list(links.values())[:4] == ["Who decides?", "Desk reference card", "Contact log", "Response times"]
    for href in links:
        path, _, anchor = href.partition("#")
        target = built_example / "site" / path
        assert target.is_file(), href
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8")


def test_a_section_is_its_overview_page_not_its_own_first_child(built_example):
    html = _html(built_example, "policies/refunds.html")
    menu = html[html.index('md-nav--primary'):html.index('</nav>', html.index('md-nav--primary'))]
    # The section's label links to its overview; the overview is not listed again under it.
    assert len(re.findall(r'href="index.html"[^>]*>\s*<span class="md-ellipsis">\s*Policies', menu)) <= 1
    assert not re.search(r">\s*Policies\s*</span>\s*</a>\s*</li>\s*<li[^>]*>\s*<a[^>]*>\s*<span[^>]*>\s*Customer", menu)
    assert menu.count(">\n    Policies\n") + menu.count("> Policies <") <= 1


def test_downloads_come_near_the_top_and_say_paper_pages_and_size(built_example):
    html = _html(built_example, "index.html")
    menu = html[html.index('md-nav--primary'):]
    assert menu.index("downloads.html") < menu.index("policies/index.html")
    downloads = _html(built_example, "downloads.html")
    facts = re.findall(r'data-pdf="([^"]+)">([^<]*)<', downloads)
    assert len(facts) == 8  # three editions, the card, the log form, an acknowledgement sheet per audience
    for name, text in facts:
        assert re.fullmatch(r"A4 · \d+ pages? · [\d.,]+ (kB|MB)", text), (name, text)


def test_download_facts_in_the_manual_language():
    assert download_facts("A4", 1, 33_400, localization()) == "A4 · 1 page · 33 kB"
    assert download_facts("Letter", 53, 1_120_000, localization()) == "Letter · 53 pages · 1.1 MB"
    assert download_facts("A4", 53, 1_120_000, localization("de_DE", "EUR")) == "A4 · 53 Seiten · 1,1 MB"


@pytest.mark.browser
def test_the_menu_title_never_covers_the_menu(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(served_site + "policies/refunds.html")
    page.wait_for_load_state("networkidle")
    page.locator(".md-sidebar--primary .md-sidebar__scrollwrap").evaluate("frame => frame.scrollTop = 400")
    title = page.locator(".md-nav--primary > .md-nav__title").bounding_box()
    for box in page.locator(".md-nav--primary .md-nav__link").evaluate_all(
        "links => links.map(link => link.getBoundingClientRect().toJSON())"
    ):
        overlaps = box["top"] < title["y"] + title["height"] and box["bottom"] > title["y"] and box["height"] > 0
        assert not overlaps or box["top"] >= title["y"] + title["height"] - 1


@pytest.mark.browser
def test_the_phone_header_shows_the_whole_name(page, served_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "index.html")
    page.wait_for_load_state("networkidle")
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert name.inner_text() == "Harbourline Customer Care Manual"
    cut = name.evaluate("el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1")
    assert not cut
