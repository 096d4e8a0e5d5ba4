"""Issue 13, case by case: each numbered attack of the red-team report, reproduced and shown harmless.

The browser half of cases 1-3 is in test_injection_browser.py; these are the pure-function and CLI halves.
"""

from __future__ import annotations

import shutil

import markdown
import pytest
import yaml

from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.site.references import ReferenceExtension
from deskbook.text import markdown_html


@pytest.fixture(scope="module")
def example_manual(example_content):
    return load_manual_or_raise(example_content)


@pytest.fixture
def content(tmp_path, example_content):
    target = tmp_path / "content"
    shutil.copytree(example_content, target)
    return target


def _set_variable(content, name: str, value: str):
    path = content / "variables.yaml"
    data = yaml.safe_load(path.read_text())
    data["values"][name] = value
    path.write_text(yaml.safe_dump(data))


# Case 1 and 3: attributes a theme script reads (title for tooltips, id for its settings) never survive.
@pytest.mark.parametrize("html_attribute", [
    'title="&lt;img src=x onerror=alert(1)&gt;"', 'id="__config"', 'class="md-search"', 'style="color:red"',
])
def test_markdown_fields_keep_no_global_attributes(html_attribute):
    name = html_attribute.split("=")[0]
    out = str(markdown_html(f'<a href="https://example.com" {html_attribute}>x</a> <div {html_attribute}>y</div>'))
    assert f"{name}=" not in out
    assert 'href="https://example.com"' in out


# Case 2: values of [[...]] are text after Markdown, never Markdown or attribute syntax.
@pytest.mark.parametrize("value", [
    "![p](x){: onerror=alert(document.domain) }",
    "[call us](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "*stars* and `ticks` and {: .cls }",
])
def test_reference_values_are_text_after_markdown(content, value):
    _set_variable(content, "support_phone", value)
    manual = load_manual_or_raise(content)
    references = ReferenceExtension()
    references.manual, references.link = manual, lambda kind, entity_id: f"{kind}/{entity_id}.md"
    page = markdown.Markdown(extensions=["attr_list", "abbr", references])
    html = page.convert("Call [[var:support_phone]]\n\n# Heading [[var:support_phone]] {: #h }")
    assert "<img" not in html and "<em>" not in html and "<code>" not in html
    assert 'href="javascript' not in html and "onerror=\"" not in html
    shown = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert html.count(shown) == 2, html


def test_reference_links_point_at_the_markdown_source_so_mkdocs_checks_them(example_manual):
    references = ReferenceExtension()
    references.manual = example_manual
    references.link = lambda kind, entity_id: f"../scripts/{entity_id}.md"
    html = markdown.Markdown(extensions=[references]).convert("See [[script:hold]].")
    assert html == '<p>See <a href="../scripts/hold.md">Putting a caller on hold</a>.</p>'
