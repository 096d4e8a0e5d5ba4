"""No manager surprises: every error of a file in one run, and one title for the manual."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskbook.cli import main

REFUNDS = Path("content") / "policies" / "refunds.yaml"
WINDOW = "counted from the day of purchase.\n    value: 30"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path}: the case no longer matches the example"
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("edits, expected", [
    pytest.param([(WINDOW, WINDOW + " days"),
                  ("owner: care-manager", "owner: care-manger")],
                 ["refunds.yaml:4:8: error: unknown role 'care-manger'; did you mean 'care-manager'?",
                  "refunds.yaml:14:12: error: rules[0].value:"], id="value-and-owner"),
    pytest.param([("effective: 2026-03-01", "effective: 2026-13-01"),
                  ("approver: supervisor", "approver: supervisr")],
                 ["refunds.yaml:6:12: error: effective:",
                  "error: unknown role 'supervisr'; did you mean 'supervisor'?"],
                 id="date-and-approver"),
])
def test_every_error_of_one_file_is_reported_in_one_run(example_project, capsys, monkeypatch, edits, expected):
    for old, new in edits:
        _edit(example_project / REFUNDS, old, new)
    monkeypatch.chdir(example_project)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    for message in expected:
        assert message in err
    assert "Traceback" not in err


def test_a_wrong_reference_is_not_reported_twice(example_project, capsys, monkeypatch):
    """A reference whose value the schema refuses is one error, not also an unknown role."""
    _edit(example_project / REFUNDS, "owner: care-manager", "owner: Care Manager")
    _edit(example_project / REFUNDS, WINDOW, WINDOW + " days")
    monkeypatch.chdir(example_project)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.count("refunds.yaml:4:8:") == 1


def test_site_name_other_than_the_title_is_said_where_it_is_written(example_project, capsys, monkeypatch):
    monkeypatch.chdir(example_project)
    assert main(["check"]) == 0
    assert "site_name" not in capsys.readouterr().err, "the example writes one title in both"
    _edit(example_project / "mkdocs.yml", "site_name: Harbourline Customer Care Manual",
          "site_name: Customer Service Manual")
    assert main(["check"]) == 0, "manual.yaml's title wins, by the documented rule"
    err = capsys.readouterr().err
    assert ("mkdocs.yml:1:12: notice: site_name 'Customer Service Manual' is not the manual's title "
            "'Harbourline Customer Care Manual' (content/manual.yaml:2:8)") in err
