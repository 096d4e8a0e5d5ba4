"""Issue 13, case by case: each numbered attack of the red-team report, reproduced and shown harmless.

The browser half of cases 1-3 is in test_injection_browser.py; these are the pure-function and CLI halves.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import markdown
import pytest
import yaml

from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.site.references import ReferenceExtension
from deskbook.text import markdown_html
from projects import copy_example_project


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


# ---- Case 4: unbounded work becomes a located error before anything is rendered ----------------------

def _check(content, capsys) -> tuple[int, str]:
    from deskbook.cli import main

    status = main(["check", "--content", str(content)])
    out = capsys.readouterr()
    return status, out.err + out.out


def _set_policy_field(content, field: str, value):
    path = content / "policies" / "refunds.yaml"
    data = yaml.safe_load(path.read_text())
    data[field] = value
    path.write_text(yaml.safe_dump(data, width=10**9))


def test_twenty_thousand_brackets_are_a_located_error(content, capsys):
    _set_policy_field(content, "summary", "[" * 20_000)
    status, report = _check(content, capsys)
    assert status == 1
    assert re.search(r"policies/refunds\.yaml:\d+:\d+: error: 20000 '\[' open at once; the most is 16", report)


def test_deep_markdown_list_is_a_located_error_not_a_recursion_error(content, capsys):
    _set_policy_field(content, "summary", "\n".join("    " * level + "- item" for level in range(500)))
    status, report = _check(content, capsys)
    assert status == 1, report
    assert "lists or quotes nested 500 levels deep" in report and "Traceback" not in report


def test_unknown_references_get_bounded_suggestions(content, capsys):
    from deskbook.limits import Suggestions

    suggestions = Suggestions(budget=50)
    known = [f"term-{number}" for number in range(1000)]
    assert suggestions.closest("term-12x", "term", known) is not None
    assert suggestions.budget <= 0
    assert suggestions.closest("term-13x", "term", known) is None  # budget spent: no more comparisons


def test_entity_count_per_kind_is_bounded_and_configurable(content, capsys):
    manual_yaml = content / "manual.yaml"
    manual_yaml.write_text(manual_yaml.read_text() + "limits:\n  entities_per_kind: 3\n")
    status, report = _check(content, capsys)
    assert status == 1
    assert re.search(r"error: \d+ entities of kind 'policy', more than limits.entities_per_kind \(3\)", report)


# ---- Case 5: no traceback for any input or environment -------------------------------------------------

def test_a_number_of_4301_digits_is_a_located_error(content, capsys):
    path = content / "policies" / "refunds.yaml"
    path.write_text(re.sub(r"value: 30\b", "value: " + "9" * 4301, path.read_text(), count=1))
    status, report = _check(content, capsys)
    assert status == 1
    assert re.search(r"refunds\.yaml:\d+:\d+: error: a number of 4301 characters is too long", report)
    assert "Traceback" not in report


@pytest.mark.parametrize("value, expected", [
    ("99999999999999", "is after the year 9999"),
    ("yesterday", "is not a whole number of seconds"),
    ("１２３", "is not a whole number of seconds"),
])
def test_unusable_source_date_epoch_is_a_clear_usage_error(content, capsys, monkeypatch, value, expected):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    status, report = _check(content, capsys)
    assert status == 2
    assert f"error: SOURCE_DATE_EPOCH" in report and expected in report


def _git(repo, *args):
    return subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=T", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


def test_a_committed_symlink_to_an_absolute_path_does_not_break_diff_or_build(tmp_path, capsys, monkeypatch):
    from deskbook.cli import main

    project = copy_example_project(tmp_path / "repo")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "one")
    (project / "content" / "policies" / "passwd.yaml").symlink_to("/etc/passwd")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "a link")
    _git(project, "tag", "linked")
    (project / "content" / "policies" / "passwd.yaml").unlink()
    _git(project, "commit", "-qam", "no link")
    monkeypatch.chdir(project)
    status = main(["diff", "HEAD~2", "linked"])
    out = capsys.readouterr()
    assert status in (0, 1), out.err
    assert "Traceback" not in out.err + out.out and "AbsoluteLinkError" not in out.err
    from deskbook.review.revisions import export_content

    exported = export_content(project, "linked", project / "content", tmp_path / "export")
    assert not (exported / "policies" / "passwd.yaml").exists()
    assert (exported / "policies" / "refunds.yaml").is_file()


def test_read_only_output_folder_is_a_clear_error(tmp_path, capsys, monkeypatch):
    from deskbook.cli import main

    if os.geteuid() == 0:
        # root writes anywhere; a file where the output's parent folder should be fails the same way.
        project = copy_example_project(tmp_path / "project")
        (tmp_path / "blocked").write_text("a file, not a folder")
        target = tmp_path / "blocked" / "site"
    else:
        project = copy_example_project(tmp_path / "project")
        (tmp_path / "ro").mkdir()
        (tmp_path / "ro").chmod(0o500)
        target = tmp_path / "ro" / "site"
    monkeypatch.setenv("DESKBOOK_PDF", "false")
    status = main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(target)])
    out = capsys.readouterr()
    assert status == 2, out.err
    assert "error: cannot" in out.err and "Traceback" not in out.err
