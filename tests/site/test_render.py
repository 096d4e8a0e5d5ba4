"""Pure functions of the site renderer: no MkDocs, no browser."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
import yaml

from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.site import SiteOptions, render_site_pages
from deskbook.site.glossary_markup import mark_abbreviations
from deskbook.site.environment import markdown_text
from deskbook.site.pages import GeneratedPage, _check_paths
from deskbook.site.references import expand_references
from deskbook.urls import relative_url

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def example_manual(example_content):
    return load_manual_or_raise(example_content)


def test_every_entity_with_a_page_gets_one(example_manual):
    pages = {page.src_uri: page for page in render_site_pages(example_manual, SiteOptions(today=TODAY))}
    for kind, folder in [("policy", "policies"), ("product", "products"), ("script", "scripts"),
                         ("standard", "standards"), ("procedure", "procedures"), ("chain", "escalation"),
                         ("call-log", "call-logs")]:
        for entity in example_manual.entities(kind):
            assert f"{folder}/{entity.id}.md" in pages, f"{kind} {entity.id} has no page"
    for overview in ["company/index.md", "escalation/index.md", "response-times.md", "glossary.md",
                     "metrics.md", "training/index.md", "training/knowledge-checks.md", "call-logs/index.md"]:
        assert overview in pages


def test_policy_page_shows_owner_dates_version_and_overdue_badge(example_manual):
    pages = {p.src_uri: p.markdown for p in render_site_pages(example_manual, SiteOptions(today=TODAY))}
    privacy = pages["policies/privacy.md"]
    assert "Overdue for review" in privacy
    assert "September 30, 2026" in privacy and "Version" in privacy
    assert 'href="../escalation/index.html#role-director"' in privacy
    assert "Overdue for review" not in pages["policies/refunds.md"]


def test_script_placeholders_filled_and_blanks_marked(example_manual):
    page = {p.src_uri: p.markdown for p in render_site_pages(example_manual, SiteOptions(today=TODAY))}
    greeting = page["scripts/greeting.md"]
    assert "Harbourline Home Goods" in greeting
    assert "{company_name}" not in greeting
    assert 'class="deskbook-blank"' in greeting and "[agent name]" in greeting


def test_chain_page_has_an_inline_svg_diagram(example_manual):
    page = {p.src_uri: p.markdown for p in render_site_pages(example_manual, SiteOptions(today=TODAY))}
    complaints = page["escalation/complaints.md"]
    svg = re.search(r"<svg[^>]*>.*?</svg>", complaints, re.S)
    assert svg and "Team Lead" in svg.group(0) and "<script" not in svg.group(0)


def test_markdown_text_neutralises_markdown_and_attribute_syntax():
    out = str(markdown_text('Refunds {: onclick="alert(1)"} *bold* <b>'))
    assert "{" not in out and "<" not in out and "*" not in out and '"' not in out
    assert out.startswith("Refunds ")


@pytest.mark.parametrize(
    ("from_uri", "to_uri", "directory_urls", "anchor", "expected"),
    [
        ("policies/refunds.md", "escalation/index.md", False, "role-rep", "../escalation/index.html#role-rep"),
        ("index.md", "policies/refunds.md", False, None, "policies/refunds.html"),
        ("policies/refunds.md", "policies/returns.md", False, None, "returns.html"),
        ("policies/refunds.md", "escalation/index.md", True, None, "../../escalation/"),
        ("policies/refunds.md", "index.md", True, None, "../../"),
        ("index.md", "glossary.md", True, "term-crm", "glossary/#term-crm"),
    ],
)
def test_relative_urls_work_from_a_folder(from_uri, to_uri, directory_urls, anchor, expected):
    assert relative_url(from_uri, to_uri, directory_urls, anchor) == expected


def test_two_pages_with_one_path_are_an_error():
    pages = [GeneratedPage("policies/a.md", "A", "policies", "", "policy:a"),
             GeneratedPage("policies/a.md", "B", "policies", "", "policy:b")]
    with pytest.raises(ValueError, match="both be written to policies/a.md"):
        _check_paths(pages)
    with pytest.raises(ValueError, match="leave the site"):
        _check_paths([GeneratedPage("../evil.md", "E", "policies", "")])


def test_abbreviations_marked_in_text_but_not_in_links_headings_or_code():
    html = '<h2>CRM</h2><p>Log it in the CRM.</p><p><a href="x">CRM</a> <code>CRM</code> CRMS</p>'
    out = mark_abbreviations(html, {"CRM": "Customer relationship management system"})
    assert out.count("<abbr") == 1
    assert '<p>Log it in the <abbr title="Customer relationship management system">CRM</abbr>.</p>' in out


def test_references_expand_to_values_and_links(example_manual):
    text = "Window: [[policy:refunds.rules.window]]. Call [[var:support_phone]]. See [[script:hold]]. [[company.name]]"
    out, problems = expand_references(text, example_manual, lambda kind, i: f"/{kind}/{i}")
    assert problems == []
    assert "Window: 30 days." in out
    assert '<a href="/script/hold">Putting a caller on hold</a>' in out
    assert "Harbourline Home Goods" in out


def test_unknown_reference_is_located_with_a_suggestion(example_manual):
    text = "line one\nThe window is [[policy:refundz.rules.window]] and [[var:nope]]."
    _, problems = expand_references(text, example_manual, lambda kind, i: "#")
    assert [(p.line, p.column) for p in problems] == [(2, 15), (2, 51)]
    assert "did you mean [[policy:refunds.rules.window]]" in problems[0].message


def test_reference_values_are_escaped(tmp_path, example_content):
    content = tmp_path / "content"
    shutil.copytree(example_content, content)
    path = content / "variables.yaml"
    data = yaml.safe_load(path.read_text())
    data["values"]["support_phone"] = "<script>alert(1)</script>"
    path.write_text(yaml.safe_dump(data))
    manual = load_manual_or_raise(content)
    out, _ = expand_references("[[var:support_phone]]", manual, lambda kind, i: "#")
    assert out == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"  # escaped for HTML and for Markdown


def test_hostile_yaml_text_is_escaped_and_markdown_fields_sanitised(tmp_path, example_content):
    content = tmp_path / "content"
    shutil.copytree(example_content, content)
    policy = content / "policies" / "refunds.yaml"
    data = yaml.safe_load(policy.read_text())
    data["title"] = '<script>alert("t")</script> {: onclick="x"}'
    data["summary"] = ('Hi <img src=x onerror=alert(1)> [a](javascript:alert(2)) [b](data:text/html,x)\n\n'
                       '<script>alert(3)</script>')
    data["rules"][0]["text"] = "<iframe src=//evil></iframe>"
    policy.write_text(yaml.safe_dump(data))
    manual = load_manual_or_raise(content)
    page = next(p for p in render_site_pages(manual, SiteOptions(today=TODAY)) if p.src_uri == "policies/refunds.md")
    body = page.markdown
    assert "<script" not in body and "<iframe" not in body and "onerror" not in body
    assert "javascript:" not in body and "data:text" not in body
    assert "&lt;iframe src=//evil&gt;" in body
    assert 'onclick="x"' not in body


def test_malformed_reference_is_an_error_not_left_as_text(example_manual):
    _, problems = expand_references("See [[Policy:Refunds]].", example_manual, lambda kind, i: "#")
    assert len(problems) == 1 and problems[0].column == 5
    assert "is not a reference" in problems[0].message


def test_table_dates_are_short_dates_in_the_manual_s_language(example_manual, repo_root):
    pages = {page.src_uri: page.markdown for page in render_site_pages(example_manual, SiteOptions())}
    policy = next(iter(example_manual.entities("policy")))
    expected = (f'<time datetime="{policy.effective.isoformat()}">'
                f'{policy.effective.strftime("%b")} {policy.effective.day}, {policy.effective.year}</time>')
    assert expected in pages["policies/index.md"]
    short_date = r'<time datetime="\d{4}-\d\d-\d\d">[A-Z][a-z]{2} \d{1,2}, \d{4}</time>'
    assert re.search(short_date, pages["call-logs/index.md"])

    german = load_manual_or_raise(repo_root / "tests" / "fixtures" / "german" / "content")
    index = next(page for page in render_site_pages(german, SiteOptions()) if page.src_uri == "policies/index.md")
    assert '<time datetime="2026-03-01">01.03.2026</time>' in index.markdown


def test_how_fast_is_on_the_response_times_page_only_with_service_levels(example_manual):
    from decision_cases import SOFTWARE

    software = load_manual_or_raise(SOFTWARE)
    pages = {page.src_uri: page for page in render_site_pages(software, SiteOptions(today=TODAY))}
    times = pages["response-times.md"]
    assert times.scripts == ("how-fast.js",)
    assert 'id="how-fast-helper"' in times.markdown and 'aria-live="polite"' in times.markdown
    assert '<label for="how-fast-plan">Plan</label>' in times.markdown
    assert '<label for="how-fast-severity">Severity</label>' in times.markdown
    # Only the page that uses it loads the script, and the printed page has the tables alone.
    assert [page.src_uri for page in pages.values() if "how-fast.js" in page.scripts] == ["response-times.md"]
    printed = render_site_pages(software, SiteOptions(today=TODAY, print_mode=True))
    assert all("how-fast" not in page.markdown for page in printed)
    # A company without service levels gets no empty form and no script.
    example_times = next(page for page in render_site_pages(example_manual, SiteOptions(today=TODAY))
                         if page.src_uri == "response-times.md")
    assert example_times.scripts == () and "how-fast" not in example_times.markdown
