"""diff between two git revisions, scaffolding, review pages, and the CI files for company repositories."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from projects import copy_example_project
from deskbook.cli import main
from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.review.pages import due_for_review_markdown, whats_new_markdown


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=test@example.com", "-c", "user.name=Test", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """The example project in a git repository with two commits: the refund window 30 -> 45 days, and
    orders over $500 routed to the COO instead of the Director of Customer Care."""
    project = copy_example_project(tmp_path / "repo")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "edition 1")
    git(project, "tag", "edition-1")
    refunds = project / "content" / "policies" / "refunds.yaml"
    refunds.write_text(refunds.read_text().replace(
        "counted from the day of purchase.\n    value: 30", "counted from the day of purchase.\n    value: 45"))
    routing = project / "content" / "routing.yaml"
    routing.write_text(routing.read_text().replace("route_to: director\n    chain: large-orders",
                                                   "route_to: coo\n    chain: large-orders"))
    git(project, "commit", "-qam", "longer refunds; COO takes large orders")
    return project


def test_diff_describes_the_change_in_words(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "- Policy **Refunds** (`refunds`)" in out
    assert "  - Window: 30 days -> 45 days" in out
    assert "  - Orders over $500: now sent to Chief Operating Officer instead of Director of Customer Care" in out
    assert re.search(r"Where used: pages [^\n]*`policies/refunds\.html`[^\n]*PDFs `handbook\.pdf`, `handbook-rep\.pdf`", out)
    assert "`desk-card.pdf`" in out.split("now sent to")[1], "the routing table is on the desk card"


def test_diff_json(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD~1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    refunds = next(change for change in data["changes"] if change["id"] == "refunds")
    assert refunds["fields"][0]["old"] == "30 days" and refunds["fields"][0]["new"] == "45 days"
    assert "policies/refunds.html" in refunds["where_used"]["pages"]


def test_added_removed_and_renamed(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    content = repo / "content"
    (content / "scripts" / "transfer.yaml").rename(content / "scripts" / "handover.yaml")
    handover = content / "scripts" / "handover.yaml"
    handover.write_text(handover.read_text().replace("id: transfer", "id: handover"))
    for referrer in ("products/smart-kettle.yaml", "standards/authority-to-resolve.yaml"):
        path = content / referrer
        path.write_text(path.read_text().replace("  - transfer\n", "  - handover\n"))
    (content / "standards" / "one-team.yaml").unlink()
    onboarding = content / "training" / "onboarding.yaml"
    onboarding.write_text(onboarding.read_text().replace("      - standard:one-team\n", ""))
    assert main(["new", "procedure", "late-deliveries"]) == 0
    capsys.readouterr()
    assert main(["diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "### Added" in out and "`late-deliveries`" in out
    assert "### Removed" in out and "Sales and service as one team" in out
    assert "### Renamed" in out and "id `transfer` -> `handover`" in out


def test_invalid_content_at_a_revision_gives_located_errors(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    routing = repo / "content" / "routing.yaml"
    routing.write_text(routing.read_text().replace("route_to: coo", "route_to: cfo"))
    git(repo, "commit", "-qam", "typo")
    assert main(["diff", "HEAD~1", "HEAD"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^HEAD:content/routing\.yaml:\d+:\d+: error: unknown role 'cfo'", err, re.M)
    assert "Traceback" not in err
    assert main(["diff", "HEAD~1", "HEAD", "--format", "json"]) == 1
    assert "HEAD:content/routing.yaml" in json.dumps(json.loads(capsys.readouterr().out))


def test_unknown_revision_is_a_usage_error(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "no-such-branch"]) == 2
    assert "unknown revision 'no-such-branch'" in capsys.readouterr().err


def test_whats_new_page_compares_with_the_previous_edition(repo):
    manual_yaml = repo / "content" / "manual.yaml"
    manual_yaml.write_text(manual_yaml.read_text().replace('number: "1"', 'number: "2"\n  previous_tag: edition-1'))
    page = whats_new_markdown(load_manual_or_raise(repo / "content"), repo)
    assert page.startswith("# What changed in edition 2")
    assert "- Policy changed: Refunds\n" in page
    assert "    - Window: 30 days -> 45 days" in page
    assert "[[" not in page, "prose is compared as readers see it, its references resolved"
    assert "Edition number" not in page and "previous tag" not in page, "the heading already names the edition"


def test_due_for_review_page_lists_owner_policy_and_date(example_content):
    page = due_for_review_markdown(load_manual_or_raise(example_content), dt.date(2026, 11, 22))
    assert "| **Overdue** | Customer privacy | Director of Customer Care | September 30, 2026 | 53 days ago |" in page
    assert "| Due soon | Goodwill offers and gifts | Customer Care Manager | December 10, 2026 | in 18 days |" in page
    assert page.index("Customer privacy") < page.index("Goodwill offers"), "sorted by date"
    assert "Refunds" not in page


@pytest.mark.parametrize("kind", ["policy", "product", "script", "standard", "procedure", "chain", "call-log"])
def test_new_scaffolds_an_entity_check_accepts(tmp_path, example_content, kind, capsys, monkeypatch):
    import shutil

    shutil.copytree(example_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert main(["new", kind, "brand-new"]) == 0
    written = next((tmp_path / "content").glob("*/brand-new.yaml"))
    assert written.read_text().startswith(f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n")
    assert main(["check"]) == 0
    assert main(["new", kind, "brand-new"]) == 1, "never overwrite"
    assert main(["new", kind, "Brand New"]) == 2


def test_workflow_is_valid_and_calls_existing_commands(repo_root, capsys):
    workflow = yaml.safe_load((repo_root / ".github" / "workflows" / "deskbook.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert "pull_request" in triggers and "push" in triggers
    steps = workflow["jobs"]["manual"]["steps"]
    calls = [line for step in steps for line in step.get("run", "").splitlines() if "build_manual.py" in line]
    assert len(calls) >= 3
    for call in calls:
        words = shlex.split(call.split(">")[0])
        subcommand = words[words.index("build_manual.py") + 1]
        options = [w for w in words if w.startswith("--")]
        assert main([subcommand, "--help"]) == 0, subcommand
        help_text = capsys.readouterr().out
        for option in options:
            assert option in help_text, f"{subcommand} has no option {option}"
    uploads = [step["with"]["path"] for step in steps if "upload-artifact" in step.get("uses", "")]
    assert "site/" in uploads and "site/pdf/*.pdf" in uploads
    comment_steps = workflow["jobs"]["comment"]["steps"]
    assert any("gh pr comment" in step.get("run", "") for step in comment_steps)
    assert steps[0]["with"]["fetch-depth"] == 0, "diff needs the base branch's history"
    assert not [step["run"] for step in steps + comment_steps if "${{" in step.get("run", "")], \
        "expressions reach scripts through env, so a branch name cannot inject shell"


def test_pre_commit_hook_runs_check(repo_root, example_project):
    from pre_commit.clientlib import load_manifest

    hook = next(hook for hook in load_manifest(repo_root / ".pre-commit-hooks.yaml") if hook["id"] == "deskbook-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    # check covers the content, mkdocs.yml's Deskbook options and the references in docs/.
    for path in ("content/policies/refunds.yaml", "docs/index.md", "mkdocs.yml"):
        assert re.match(hook["files"], path), path
    assert not re.match(hook["files"], "README.md")
    # pre-commit installs this package and runs the entry from the repository root: do the same.
    entry = shlex.split(hook["entry"])
    executable = Path(sys.executable).parent / entry[0]
    assert executable.exists(), "the hook's entry is a console script of this package (pip install -e .)"
    ok = subprocess.run([str(executable), *entry[1:]], cwd=example_project, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    refunds = example_project / "content" / "policies" / "refunds.yaml"
    refunds.write_text(refunds.read_text().replace("owner:", "owner: nobody-here\nx_owner:", 1))
    bad = subprocess.run([str(executable), *entry[1:]], cwd=example_project, capture_output=True, text=True)
    assert bad.returncode == 1
    assert re.search(r"^content/policies/refunds\.yaml:\d+:\d+: error: ", bad.stderr, re.M)
    assert "Traceback" not in bad.stderr


def test_where_used_names_audiences_when_no_pdf_editions_are_configured(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    config = repo / "mkdocs.yml"
    text = config.read_text()
    start = text.index("  - deskbook/pdf:")
    end = text.index("\nmarkdown_extensions:")
    config.write_text(text[:start] + text[end:])
    assert main(["diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out
    refunds = out.split("(`refunds`)")[1].split("\n- ")[0]
    assert "editions for audiences: rep, supervisor, manager" in refunds
    assert ".pdf" not in refunds


def test_check_warns_on_due_reviews_and_strict_fails_on_overdue(example_project, capsys, monkeypatch):
    monkeypatch.chdir(example_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc).timestamp())))
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"^content/policies/privacy\.yaml:\d+:\d+: warning: policy 'privacy' was due for review "
                     r"on 2026-09-30 \(53 days ago\)", err, re.M)
    assert re.search(r"^content/policies/offers-and-gifts\.yaml:\d+:\d+: notice: .*due for review on 2026-12-10 "
                     r"\(in 18 days\)", err, re.M)
    assert "refunds.yaml" not in err
    assert main(["check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"privacy\.yaml:\d+:\d+: error: .*2026-09-30", err)
    assert "offers-and-gifts.yaml" in err and "error: policy 'offers-and-gifts'" not in err, \
        "due soon is a notice, which --strict leaves alone"


def test_whats_new_says_plainly_when_there_is_nothing_to_compare(example_project, tmp_path):
    manual = load_manual_or_raise(example_project / "content")
    assert "first edition" in whats_new_markdown(manual, example_project)
    manual_yaml = example_project / "content" / "manual.yaml"
    manual_yaml.write_text(manual_yaml.read_text().replace('number: "1"', 'number: "2"\n  previous_tag: edition-1'))
    page = whats_new_markdown(load_manual_or_raise(example_project / "content"), example_project)
    assert page.startswith("# What changed in edition 2")
    assert "could not be read: the project is not in a git repository" in page
    assert str(example_project) not in page, "no machine-specific paths in a page"
    assert "Traceback" not in page


def test_review_pages_escape_user_text(example_project):
    from deskbook.text import markdown_html

    refunds = example_project / "content" / "policies" / "refunds.yaml"
    text = refunds.read_text()
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    text = text.replace(title, 'title: "<script>alert(1)</script> *Refunds* [x](javascript:alert(1))"')
    refunds.write_text(text)
    page = due_for_review_markdown(load_manual_or_raise(example_project / "content"), dt.date(2031, 1, 1))
    html = str(markdown_html(page))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *Refunds*" in html
    assert "<em>" not in html and "<a " not in html


def test_other_field_changes_read_as_sentences(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    content = repo / "content"
    chain = content / "escalation" / "complaints.yaml"
    chain.write_text(chain.read_text()
                     .replace("levels:\n", "  - A customer asks to speak to someone senior.\nlevels:\n")
                     .replace("respond_within: 30 minutes", "respond_within: 1 hour"))
    roles = content / "roles.yaml"
    roles.write_text(roles.read_text().replace("max_refund: 100", "max_refund: 150", 1))
    routing = content / "routing.yaml"
    routing.write_text(routing.read_text().replace("order_value_over: 500", "order_value_over: 750"))
    assert main(["diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "Comparing `HEAD` with `working tree`" in out
    assert '  - Triggers: added “A customer asks to speak to someone senior.”' in out
    assert "  - Levels › 2 › Responds within: 30 minutes -> 1 hour" in out
    assert "  - Refund up to: $100 -> $150" in out
    assert "  - When › Order value over: $500 -> $750" in out
    assert "{'" not in out, "no Python reprs of nested items"


def test_settings_files_are_compared_too(repo, capsys, monkeypatch):
    """variables.yaml holds no entities, but a changed value changes every script that fills it in."""
    monkeypatch.chdir(repo)
    variables = repo / "content" / "variables.yaml"
    variables.write_text(variables.read_text().replace("company_name: Harbourline Home Goods",
                                                       "company_name: Harbourline Homeware"))
    assert main(["diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    section = out.split("(`variables.yaml`)")[1]
    assert r"  - Value filled in for \{company\_name\}: Harbourline Home Goods -> Harbourline Homeware" in section
    assert "`scripts/greeting.html`" in section and "`standards/service-sequence.html`" in section
    assert "`scripts/hold.html`" not in section, "only pages that use the placeholder"


def test_new_refuses_an_id_already_used_in_another_file(example_project, capsys, monkeypatch):
    monkeypatch.chdir(example_project)
    assert main(["new", "call-log", "skillet-rust"]) == 1  # lives in call-logs/2026-10-02-skillet-rust.yaml
    assert re.search(r"^content/call-logs/2026-10-02-skillet-rust\.yaml:\d+:\d+: error: a call-log with id "
                     r"'skillet-rust' already exists", capsys.readouterr().err, re.M)
    assert not (example_project / "content" / "call-logs" / "skillet-rust.yaml").exists()


def test_new_policy_is_owned_by_a_role_that_owns_policies(example_project, capsys, monkeypatch):
    monkeypatch.chdir(example_project)
    assert main(["new", "policy", "late-deliveries"]) == 0
    written = (example_project / "content" / "policies" / "late-deliveries.yaml").read_text()
    owner = re.search(r"^owner: (\S+)$", written, re.M).group(1)
    existing = [re.search(r"^owner: (\S+)$", path.read_text(), re.M).group(1)
                for path in (example_project / "content" / "policies").glob("*.yaml") if path.stem != "late-deliveries"]
    assert owner in existing and owner != "rep"
    assert main(["check"]) == 0


def test_renamed_with_an_edit_is_still_a_rename_but_unrelated_entities_are_not(example_project):
    from deskbook.manual import load_manual
    from deskbook.review.changes import diff_manuals

    before, _ = load_manual(example_project / "content", example_project)
    scripts = example_project / "content" / "scripts"
    hold = (scripts / "hold.yaml").read_text()
    (scripts / "hold.yaml").unlink()
    title = next(line for line in hold.splitlines() if line.startswith("title:"))
    (scripts / "short-hold.yaml").write_text(hold.replace("id: hold", "id: short-hold").replace(title, "title: Short hold"))
    (scripts / "closing.yaml").unlink()
    greeting = (scripts / "greeting.yaml").read_text()
    (scripts / "welcome.yaml").write_text(greeting.replace("id: greeting", "id: welcome"))
    after, _ = load_manual(example_project / "content", example_project)  # references may dangle: no check
    changes = {(c.status, c.old_id, c.id) for c in diff_manuals(before, after).changes if c.kind == "script"}
    assert ("renamed", "hold", "short-hold") in changes
    assert ("removed", None, "closing") in changes and ("added", None, "welcome") in changes
    renamed = next(c for c in diff_manuals(before, after).changes if c.id == "short-hold")
    assert [f.sentence for f in renamed.fields] == ["Title: " + title.split(": ", 1)[1].strip("'\"") + " -> Short hold"]


def test_diff_renders_both_revisions_and_names_every_page_that_changes(repo, capsys, monkeypatch):
    """The home page quotes the refund window through a reference, and the knowledge check's right answer
    is built from it: neither refers to the policy in the model, and both change."""
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out
    changed = re.search(r"^Pages and PDFs that change \(both revisions built and compared\): (.*)\.$", out, re.M)
    assert changed, out
    for output in ("`index.html`", "`policies/refunds.html`", "`training/knowledge-checks.html`",
                   "`escalation/index.html`", "`handbook.pdf`", "`handbook-rep.pdf`", "`desk-card.pdf`"):
        assert output in changed.group(1)
    assert ('- Knowledge-check answer changes: "A customer with a receipt wants their money back for a kettle '
            'bought 25 days ago. What do you do?" now expects "Refund it to the original payment method; the '
            'refund window is 45 days." (was "Refund it to the original payment method; the refund window is '
            '30 days.")') in out
    refunds = out.split("(`refunds`)")[1].split("\n- ")[0]
    assert "`index.html`" in refunds and "`training/knowledge-checks.html`" in refunds
    routing = out.split("now sent to")[1]
    assert "`index.html`" not in routing, "the home page names no executive"


def test_diff_json_lists_outputs_and_answers(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD~1", "HEAD", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "index.html" in data["outputs_changed"]["pages"]
    assert [answer["question_id"] for answer in data["knowledge_check_answers_changed"]] == ["refund-window"]


def test_diff_of_prose_only_names_the_pages_it_touches(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    standard = repo / "content" / "standards" / "email-hold.yaml"
    standard.write_text(standard.read_text().replace("use it.", "use it well."))
    assert main(["diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    changed = re.search(r"^Pages and PDFs that change .*: (.*)\.$", out, re.M).group(1)
    assert "`standards/email-hold.html`" in changed and "`index.html`" not in changed
    assert "Knowledge-check answer" not in out


def test_diff_renders_each_revision_with_its_own_catalogue(tmp_path, capsys, monkeypatch):
    # The project's own catalogue renames words on every policy and script page; the base revision must be rendered with
    # it too, or every page reads as changed when one product line was.
    project = copy_example_project(tmp_path / "repo")
    catalogue = project / "locale" / "en" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    (catalogue / "deskbook.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Current"\nmsgstr "In force"\n\nmsgid "Phone"\nmsgstr "Telephone"\n', encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "edition 1, with our own words")
    apron = project / "content" / "products" / "linen-apron.yaml"
    apron.write_text(apron.read_text().replace("  - Four colours\n", "  - Five colours\n"))
    monkeypatch.chdir(project)
    assert main(["diff", "HEAD", "--format", "json"]) == 0  # the working tree reads the catalogue too
    data = json.loads(capsys.readouterr().out)
    assert [change["id"] for change in data["changes"]] == ["linen-apron"]
    assert data["outputs_changed"]["pages"] == ["products/linen-apron.html"]
    assert data["knowledge_check_answers_changed"] == []
