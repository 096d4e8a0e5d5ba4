"""Checks on the smallest valid content folder (tests/fixtures/minimal/content): it passes with nothing
to say, and breaking one thing in a copy gives one located error through the real CLI."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from deskbook.cli import main
from deskbook.model import CONTENT_FILES


@pytest.fixture
def content(tmp_path, minimal_content, monkeypatch) -> Path:
    target = tmp_path / "content"
    shutil.copytree(minimal_content, target)
    monkeypatch.chdir(tmp_path)
    return target


def run_check(capsys) -> tuple[int, str]:
    status = main(["check", "--content", "content"])
    out = capsys.readouterr()
    return status, out.err + out.out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minimal_fixture_is_clean_and_complete(content, capsys):
    status, report = run_check(capsys)
    assert status == 0, report
    assert "error:" not in report and "warning:" not in report
    for kind in CONTENT_FILES:
        if kind.required:
            assert (content / kind.pattern).is_file(), kind.pattern
        else:
            folder = kind.pattern.rpartition("/")[0]
            assert len(list((content / folder).glob("*.yaml"))) >= 1, folder


def test_missing_key_called_like_a_type_is_located(content, capsys):
    # A field named 'date' used to be mistaken for a pydantic union tag: the report crashed.
    edit(content / "call-logs" / "2026-10-27-refund-exception.yaml", "date: 2026-10-27\n", "")
    status, report = run_check(capsys)
    assert status == 1, report
    assert re.search(r"call-logs/2026-10-27-refund-exception\.yaml:2:1: error: missing required key 'date'", report), report
    assert "Traceback" not in report


def test_wrong_value_in_a_field_called_time_is_located(content, capsys):
    edit(content / "call-logs" / "2026-10-27-refund-exception.yaml", "time: '16:30'", "time: [16, 30]")
    status, report = run_check(capsys)
    assert status == 1, report
    assert re.search(r"refund-exception\.yaml:5:7: error: time: a value starting with .\[. must be quoted", report), report


def test_duplicate_entity_id_across_files(content, capsys):
    shutil.copy(content / "policies" / "refunds.yaml", content / "policies" / "refunds-copy.yaml")
    status, report = run_check(capsys)
    assert status == 1, report
    assert re.search(r"policies/refunds(-copy)?\.yaml:2:5: error: duplicate policy id .refunds.: already used at content/policies/refunds", report), report


def test_chain_then_cycle(content, capsys):
    chain = content / "escalation" / "privacy.yaml"
    second = content / "escalation" / "second.yaml"
    second.write_text(chain.read_text().replace("id: privacy", "id: second") + "then: privacy\n")
    chain.write_text(chain.read_text() + "then: second\n")
    status, report = run_check(capsys)
    assert status == 1, report
    assert re.search(r"escalation/(privacy|second)\.yaml:\d+:\d+: error: escalation chains hand on to each other in a circle \(privacy -> second -> privacy\)", report), report


def test_three_errors_in_three_files_reported_together(content, capsys):
    edit(content / "policies" / "refunds.yaml", "owner:", "ownr:")
    edit(content / "products" / "smart-kettle.yaml", "id: smart-kettle", "id: Smart Kettle")
    (content / "glossary.yaml").write_text("- a list\n")
    status, report = run_check(capsys)
    assert status == 1, report
    assert "policies/refunds.yaml:4:1: error: unknown key 'ownr'; did you mean 'owner'?" in report
    assert re.search(r"products/smart-kettle\.yaml:2:5: error: ", report), report
    assert re.search(r"glossary\.yaml:1:1: error: ", report), report
