"""Reviews where the team works: CODEOWNERS from the policy owners' reviewers, and the reminder issue
of reviews overdue and due soon, both printed by `deskbook reviewers` and written by `init`."""

from __future__ import annotations

import re
import shlex
import subprocess

import click
import yaml
from deskbook.cli import main
from deskbook.cli.commands import cli

NOV_22 = "1795305600"  # 2026-11-22: privacy 53 days overdue, offers-and-gifts due in 18 days
AUG_01 = "1785542400"  # 2026-08-01: every review more than 30 days away


def _with_reviewers(project):
    roles = project / "content" / "roles.yaml"
    text = roles.read_text()
    text = text.replace("  - id: director\n", '  - id: director\n    reviewers: ["@harbourline/directors", ana@harbourline.example]\n', 1)
    text = text.replace("  - id: care-manager\n", '  - id: care-manager\n    reviewers: ["@mo-lee"]\n', 1)
    roles.write_text(text)


def test_codeowners_gives_each_policy_file_its_owners_reviewers(example_project, capsys, monkeypatch):
    _with_reviewers(example_project)
    monkeypatch.chdir(example_project)
    assert main(["reviewers", "--codeowners"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line and not line.startswith("#")]
    assert "/content/policies/privacy.yaml @harbourline/directors ana@harbourline.example" in lines
    assert "/content/policies/refunds.yaml @mo-lee" in lines
    assert len(lines) == len(list((example_project / "content" / "policies").glob("*.yaml")))


def test_codeowners_paths_start_at_the_repository_root(tmp_path, example_project, capsys, monkeypatch):
    _with_reviewers(example_project)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # the project is tmp_path/project
    monkeypatch.chdir(example_project)
    assert main(["reviewers", "--codeowners"]) == 0
    assert "/project/content/policies/privacy.yaml @harbourline/directors" in capsys.readouterr().out


def test_the_reminder_lists_reviews_due_and_mentions_the_reviewers(example_project, capsys, monkeypatch):
    _with_reviewers(example_project)
    monkeypatch.chdir(example_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOV_22)
    assert main(["reviewers"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Policy reviews due\n")
    rows = [line for line in out.splitlines() if line.startswith("| ") and "Status" not in line]
    assert rows == [
        "| **Overdue** | Customer privacy (content/policies/privacy.yaml:7:12) | Director of Customer Care | "
        "@harbourline/directors ana@harbourline.example | September 30, 2026 | 53 days ago |",
        "| Due soon | Goodwill offers and gifts (content/policies/offers-and-gifts.yaml:7:12) | Customer Care Manager | "
        "@mo-lee | December 10, 2026 | in 18 days |",
    ]
    assert "\u2060" not in out.split("|---")[1], "mentions are raw, so GitHub notifies the reviewers"


def test_nothing_due_closes_the_reminder(example_project, capsys, monkeypatch):
    monkeypatch.chdir(example_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", AUG_01)
    assert main(["reviewers"]) == 0
    assert "Every policy is current." in capsys.readouterr().out
    assert main(["reviewers", "--if-due"]) == 0
    assert capsys.readouterr().out == "", "the workflow closes the issue on empty output"


def test_a_reviewer_that_is_no_handle_is_a_located_error(example_project, capsys, monkeypatch):
    roles = example_project / "content" / "roles.yaml"
    roles.write_text(roles.read_text().replace("  - id: director\n", "  - id: director\n    reviewers: [jdoe]\n", 1))
    monkeypatch.chdir(example_project)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^content/roles\.yaml:\d+:\d+: error: .*'jdoe' is not a GitHub user, team or email address; "
                     r"write it like '@jdoe'", err, re.MULTILINE), err
    assert main(["reviewers", "--codeowners"]) == 1


def test_init_writes_codeowners_and_a_scheduled_reminder(tmp_path, capsys, monkeypatch):
    project = tmp_path / "manual"
    assert main(["init", str(project), "--name", "Acme", "--reviewer", "@jdoe", "--reviewer", "@acme/leads"]) == 0
    assert "/content/policies/ @jdoe @acme/leads" in (project / ".github" / "CODEOWNERS").read_text()
    monkeypatch.chdir(project)
    capsys.readouterr()
    assert main(["reviewers", "--codeowners"]) == 0
    assert capsys.readouterr().out == (project / ".github" / "CODEOWNERS").read_text(), "the same text, testable"
    workflow = yaml.safe_load((project / ".github" / "workflows" / "reviews.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["schedule"][0]["cron"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    steps = workflow["jobs"]["remind"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "python -m pip install --quiet -r requirements.txt" in runs
    for run in runs:
        for line in run.splitlines():
            if line.strip().startswith("deskbook "):
                words = shlex.split(line.split(">")[0])
                assert words[1] in cli.list_commands(click.Context(cli))
                assert main([words[1], "--help"]) == 0
                help_text = capsys.readouterr().out
                assert all(option in help_text for option in words[2:] if option.startswith("--"))
    script = runs[-1]
    assert "gh issue edit" in script and "gh issue create" in script and "gh issue close" in script
    assert "--label policy-review" in script, "one issue, found again by its label"
    assert not [run for run in runs if "${{" in run], "expressions reach scripts through env"


def test_a_german_manual_gets_a_german_reminder(tmp_path, capsys, monkeypatch):
    project = tmp_path / "manual"
    assert main(["init", str(project), "--name", "Acme"]) == 0
    manual = project / "content" / "manual.yaml"
    manual.write_text(manual.read_text() + "locale:\n  language: de_DE\n  currency: EUR\n")
    policy_dir = project / "content" / "policies"
    monkeypatch.chdir(project)
    assert main(["new", "policy", "rueckgabe"]) == 0
    policy = policy_dir / "rueckgabe.yaml"
    policy.write_text(re.sub(r"review_by: \S+", "review_by: 2026-11-01", policy.read_text()))
    policy.write_text(re.sub(r"effective: \S+", "effective: 2026-01-01", policy.read_text()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOV_22)
    capsys.readouterr()
    assert main(["reviewers"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Fällige Überprüfungen von Richtlinien\n") and "Prüfende" in out, out
