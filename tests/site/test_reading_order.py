"""Reading order and brand: the manual reads in the order a new hire needs it, under the company's name."""

from __future__ import annotations

import re
from types import SimpleNamespace

from deskbook.safety import sanitised_svg
from deskbook.model import Script
from deskbook.site.reading_order import in_reading_order, section_order


def _script(script_id: str, title: str, order: int | None = None) -> Script:
    return Script.model_validate({
        "id": script_id, "title": title, "order": order, "purpose": "p", "channels": ["phone"],
        "when_to_use": ["w"], "steps": [{"say": "Hello."}],
    })


def test_entities_follow_their_order_then_their_title():
    scripts = [_script("closing", "Closing a contact", 9), _script("b", "Beta"), _script("a", "alpha"),
               _script("greeting", "Greeting a customer", 1)]
    assert [s.id for s in in_reading_order(scripts)] == ["greeting", "closing", "a", "b"]


def test_sections_named_in_manual_yaml_come_first():
    manual = SimpleNamespace(settings=SimpleNamespace(sections=["training", "escalation"]))
    order = section_order(manual)
    assert order[:3] == ["training", "escalation", "company"]
    assert sorted(order) == sorted(set(order)) and "glossary" in order


def _nav_titles(html: str) -> list[str]:
    primary = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    return [re.sub(r"\s+", " ", title).strip() for title in re.findall(r'<span class="md-ellipsis">(.*?)</span>', primary, re.S)]


def test_built_site_reads_in_order_with_previous_and_next(built_example):
    site = built_example / "site"
    home = (site / "index.html").read_text()
    titles = _nav_titles(home)
    # Onboarding straight after the company, not buried at the end; greeting first among scripts.
    assert titles.index("Training") < titles.index("Standards & Scripts")
    assert titles.index("Greeting a customer") < titles.index("Closing a contact") < titles.index("Calming an angry caller")
    # One click from the home page to the onboarding plan, and a "Next" link at the foot of every page.
    assert 'href="training/index.html"' in home.split('class="md-content"', 1)[1]
    assert re.search(r'<a href="how-to-use.html" class="md-footer__link md-footer__link--next"', home)


def test_site_wears_the_manuals_name_logo_and_colours(built_example):
    site = built_example / "site"
    home = (site / "index.html").read_text()
    assert "<title>Harbourline Customer Care Manual</title>" in home
    assert 'src="assets/deskbook/logo.svg"' in home
    assert re.search(r'<link rel="icon" href="assets/deskbook/logo.svg"', home)
    # The colours come in Deskbook's styles inside the page; Material's palette file is not loaded at all.
    assert "stylesheets/palette." not in home and "brand.css" not in home
    assert "--md-primary-fg-color:#0b4f6c;" in home[:home.index("</head>")]
    # The site serves the logo rebuilt from its drawing (safety.sanitised_svg), which for a clean logo keeps it whole.
    assert (site / "assets" / "deskbook" / "logo.svg").read_bytes() == sanitised_svg(
        (built_example / "content" / "assets" / "logo.svg").read_bytes())[0]


def test_edit_address_of_the_yaml_beside_the_docs():
    from deskbook.site.editing import edit_base_url

    github = "https://github.com/harbourline/manual"
    assert edit_base_url(github, "edit/main/docs/", "docs") == github + "/edit/main/"
    assert edit_base_url(github, "https://git.example/edit/main/docs", "docs") == "https://git.example/edit/main/"
    assert edit_base_url(None, "edit/main/docs/", "docs") is None
    assert edit_base_url(github, None, "docs") is None


def test_entity_pages_link_to_their_yaml_when_the_project_has_a_repository(tmp_path, monkeypatch):
    from projects import build_project, copy_example_project

    monkeypatch.setenv("DESKBOOK_PDF", "false")
    project = copy_example_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "\nrepo_url: https://github.com/harbourline/manual\nedit_uri: edit/main/docs/\n")
    site = tmp_path / "site"
    assert build_project(project, site_dir=site) == 0
    policy = (site / "policies" / "refunds.html").read_text()
    assert '<a href="https://github.com/harbourline/manual/edit/main/content/policies/refunds.yaml">Edit this file</a>' in policy
    assert "Customer Care Manager" in policy.split("Owner", 1)[1][:400]  # owner and dates up front
    script = (site / "scripts" / "greeting.html").read_text()
    assert "edit/main/content/scripts/greeting.yaml" in script


def test_the_book_and_the_menu_share_one_order(example_content):
    """The handbook's chapters follow the site's sections, and its pages the menu's entries (entities in
    reading order, as the overview tables list them), so the book's page numbers rise down each table."""
    import datetime as dt

    from deskbook.handbook.data import handbook_data
    from deskbook.handbook.specs import EditionSpec, PrintOptions
    from deskbook.manual import load_manual
    from deskbook.site.navigation import build_navigation
    from deskbook.site.pages import SiteOptions, render_site_pages

    manual, _ = load_manual(example_content)
    pages = render_site_pages(manual, SiteOptions(today=dt.date(2026, 1, 1)))
    menu_titles = []
    for entry in build_navigation(manual, pages, [], 1000):
        for title, target in entry.items():
            if isinstance(target, list):
                menu_titles.append([next(iter(item)) if isinstance(item, dict) else item for item in target])
    book = handbook_data(manual, EditionSpec("handbook", "Handbook"), PrintOptions(printed=dt.datetime(2026, 1, 1)))
    by_uri = {page.src_uri: page.title for page in pages}
    book_titles = [[article["title"] for article in chapter["articles"]] for chapter in book["chapters"]
                   if len(chapter["articles"]) > 1]
    menu_as_titles = [[by_uri.get(item, item) for item in section] for section in menu_titles]
    assert book_titles == menu_as_titles
    policies = [policy.display_title for policy in manual.entities("policy")]
    listed = next(section for section in book_titles if set(policies) <= set(section))
    assert [title for title in listed if title in policies] == sorted(policies, key=str.casefold), \
        "policies in reading order (the example gives them no order: by title)"
