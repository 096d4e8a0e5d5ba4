"""One meaning of --strict: every warning fails `check --strict`, `build --strict` and the engine's own
`mkdocs build --strict` alike (an overdue review, stale prose); a notice (a review coming due) fails none."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from deskbook.cli import main

OVERDUE = str(int(dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc).timestamp()))  # privacy 53 days late
DUE_SOON = "1790000000"  # 2026-09-21: privacy due in 9 days, nothing overdue


def _stale_prose(project: Path) -> None:
    refunds = project / "content" / "policies" / "refunds.yaml"
    text = refunds.read_text()
    refunds.write_text(text.replace("summary: |\n", "summary: |\n  Customers have 30 days to ask.\n", 1))


@pytest.mark.parametrize(("epoch", "break_it", "shown"), [
    (OVERDUE, None, "content/policies/privacy.yaml"),
    (DUE_SOON, _stale_prose, "content/policies/refunds.yaml"),
])
def test_a_warning_fails_check_and_build_alike(example_project, capsys, monkeypatch, epoch, break_it, shown):
    monkeypatch.chdir(example_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    if break_it is not None:
        break_it(example_project)
    assert main(["check"]) == 0
    assert f"{shown}:" in capsys.readouterr().err
    assert main(["check", "--strict"]) == 1
    checked = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    assert checked and all(line.startswith(shown) for line in checked)
    assert main(["build", "--strict"]) == 1
    built = capsys.readouterr().err
    assert [line for line in built.splitlines() if ": error: " in line] == checked, "the same lines, the same words"
    assert "the previous site and PDFs are unchanged" in built
    assert not (example_project / "site").exists()


def test_a_notice_fails_nothing(example_project, capsys, monkeypatch):
    monkeypatch.chdir(example_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DUE_SOON)
    assert main(["check", "--strict", "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert "::notice file=content/policies/privacy.yaml,line=7" in out and "::error" not in out


def test_github_annotations_under_strict_are_errors(example_project, capsys, monkeypatch):
    monkeypatch.chdir(example_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", OVERDUE)
    assert main(["check", "--strict", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "::error file=content/policies/privacy.yaml,line=7,col=12::policy 'privacy' was due for review" in out


def test_the_engines_own_strict_build_fails_on_an_overdue_review(example_project):
    """Plain `mkdocs build --strict`, no Deskbook CLI in between (PDFs left out: the site is enough)."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": OVERDUE, "DESKBOOK_PDF": "false"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "out"],
                            cwd=example_project, env=environment, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "content/policies/privacy.yaml:7:12: warning: policy 'privacy' was due for review" in result.stderr
