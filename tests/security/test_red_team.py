"""Issue 13, case by case: each numbered attack of the red-team report, reproduced and shown harmless.

The browser half of cases 1-3 is in test_injection_browser.py; these are the pure-function and CLI halves.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from pathlib import Path

import markdown
import pytest
import yaml

from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.site.reference_markdown import ReferenceExtension
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
    path.write_text(re.sub(r"value: 30 days", "value: " + "9" * 4301, path.read_text(), count=1))
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


# ---- Case 6: the swap and the clean-up, as pure file operations ---------------------------------------

def _site(folder, text):
    folder.mkdir()
    (folder / "index.html").write_text(text)
    return folder


def test_swap_exchanges_the_sites_in_one_step(tmp_path):
    from deskbook.cli.staging import staging_dir, swap_in

    site = _site(tmp_path / "site", "old")
    staging = _site(staging_dir(site), "new")
    swap_in(staging, site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_without_an_atomic_exchange_a_kill_between_the_renames_is_undone_next_run(tmp_path, monkeypatch):
    from deskbook.cli import staging as staging_module

    site = _site(tmp_path / "site", "old")
    new = _site(staging_module.staging_dir(site), "new")
    monkeypatch.setattr(staging_module, "_exchange", lambda first, second: False)
    real_rename = Path.rename

    def killed_at_the_second_rename(self, target):
        if self == new:
            raise KeyboardInterrupt("killed")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", killed_at_the_second_rename)
    with pytest.raises(KeyboardInterrupt):
        staging_module.swap_in(new, site)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not site.exists()  # the moment the issue describes: no site at all
    # The leftovers look like a dead build's: the next run puts the old site back and removes the rest.
    for leftover in tmp_path.glob(".site.*"):
        leftover.rename(leftover.with_name(leftover.name.rsplit("-", 1)[0] + "-999999999"))
    staging_module.recover_and_clean(site)
    assert (site / "index.html").read_text() == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("target", ["content", ".git", ".", "docs", "content/site", ".git/site", ".."])
def test_build_refuses_an_output_folder_holding_sources_or_the_repository(tmp_path, capsys, target):
    from deskbook.cli import main

    project = copy_example_project(tmp_path / "project")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    status = main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(project / target)])
    err = capsys.readouterr().err
    # MkDocs itself refuses a site folder that holds docs_dir (exit 1); Deskbook refuses the rest (exit 2).
    assert (status, "the output folder" in err) in ((2, True), (1, False)), err
    assert "should not be within the 'site_dir'" in err or status == 2
    assert (project / "content" / "manual.yaml").is_file() and (project / ".git" / "HEAD").is_file()


# ---- Case 7: the smaller ones -----------------------------------------------------------------------

def test_a_refused_address_in_the_svg_logo_is_a_located_error(content, capsys):
    logo = content / "assets" / "logo.svg"
    logo.write_text(logo.read_text().replace(
        "</svg>", '<image href="https://evil.example/track.png" width="10" height="10"/></svg>'))
    status, report = _check(content, capsys)
    assert status == 1
    assert re.search(r"content/manual\.yaml:\d+:\d+: error: logo 'assets/logo\.svg' refers to "
                     r"'https://evil\.example/track\.png'", report)


def test_text_output_keeps_each_diagnostic_on_its_own_line():
    from deskbook.diagnostics import Diagnostic, Location

    hostile = Diagnostic(Location("content/x.yaml", 3, 1), "error",
                         "unknown id 'a\n::error file=ok.yaml::forged\x1b[2K\rcontent is valid\u202e'")
    for line in (hostile.format_text(), hostile.format_github()):
        assert "\n" not in line and "\r" not in line and "\x1b" not in line and "\u202e" not in line
        assert "<U+202E>" in line and "\\x1b[2K" in line  # shown, not obeyed
    assert hostile.format_text().startswith("content/x.yaml:3:1: error: unknown id")
    assert hostile.format_github().startswith("::error file=content/x.yaml,line=3,col=1::unknown id")


def test_diff_text_cannot_mention_link_or_hide_a_change():
    from deskbook.text import markdown_escape

    shown = markdown_escape("ask @security-team at https://evil.example or www.evil.example \u202e54 days")
    assert "@security-team" not in shown and "https://" not in shown and "www.evil" not in shown
    assert "\u202e" not in shown and "U\\+202E" in shown


def test_check_warns_on_bidi_and_zero_width_characters(content, capsys):
    _set_policy_field(content, "title", "Refunds\u202e syad 03\u200b")
    status, report = _check(content, capsys)
    assert re.search(r"refunds\.yaml:\d+:\d+: warning: invisible or text-reordering characters "
                     r"\(U\+200B, U\+202E\)", report)


def test_a_policy_called_index_is_refused_by_check(content, capsys):
    (content / "policies" / "refunds.yaml").rename(content / "policies" / "index.yaml")
    _set_policy_field_in = content / "policies" / "index.yaml"
    _set_policy_field_in.write_text(re.sub(r"(?m)^id: refunds$", "id: index", _set_policy_field_in.read_text()))
    for path in content.rglob("*.yaml"):
        path.write_text(re.sub(r"policy:refunds\b", "policy:index", path.read_text()).replace(
            "policy: refunds\n", "policy: index\n"))
    status, report = _check(content, capsys)
    assert status == 1
    assert "error: the id 'index' is taken by the site's list of this kind" in report


def test_uppercase_yaml_files_are_not_skipped_silently(content, capsys):
    (content / "policies" / "refunds.yaml").rename(content / "policies" / "refunds.YAML")
    status, report = _check(content, capsys)
    assert status == 1
    assert "policies/refunds.YAML: error: 'refunds.YAML' is not read: content files end in lowercase .yaml" in report


def test_new_refuses_ids_check_would_reject(tmp_path, capsys, example_content):
    from deskbook.cli import main

    shutil.copytree(example_content, tmp_path / "content")
    for entity_id in ("a" * 80, "index"):
        assert main(["new", "policy", entity_id, "--content", str(tmp_path / "content")]) == 2
    assert not list((tmp_path / "content" / "policies").glob("a*.yaml"))
    assert not (tmp_path / "content" / "policies" / "index.yaml").exists()
