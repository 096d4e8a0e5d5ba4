"""Ticket fields: logging.yaml declares the fields of a log, some with a closed list of values; a sample
log carries values for them (a plan, a severity, a status), checked against the list, and its time carries
a zone."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from deskbook.cli import main
from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages

DECLARED = """\
fields:
  - id: plan
    label: Plan
    description: The customer's plan.
    values: [Basic, Premium, Ultimate]
  - id: severity
    label: Severity
    description: How badly the customer is affected.
    values: [Severity 1, Severity 2, Severity 3]
  - id: status
    label: Status
    description: Where the ticket stands.
    values: [open, pending, solved, closed]
  - id: ticket
    label: Ticket number
    description: The number the helpdesk gave it.
"""

CARRIED = """\
time: "14:05"
time_zone: Europe/Berlin
fields:
  plan: Premium
  severity: Severity 2
  status: solved
  ticket: "48213"
"""


@pytest.fixture
def content(tmp_path, example_content, monkeypatch) -> Path:
    shutil.copytree(example_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    logging = content / "logging.yaml"
    logging.write_text(logging.read_text(encoding="utf-8").replace("fields:\n", DECLARED, 1), encoding="utf-8")
    log = content / "call-logs" / "2026-10-05-kettle-app.yaml"
    log.write_text(log.read_text(encoding="utf-8").replace('time: "14:05"\n', CARRIED, 1), encoding="utf-8")
    return content


def test_a_sample_log_carries_the_companys_fields(content):
    manual = load_checked_manual(content)
    log = manual.get("call-log", "kettle-app")
    assert log.fields == {"plan": "Premium", "severity": "Severity 2", "status": "solved", "ticket": "48213"}
    pages = {page.src_uri: page.markdown for page in render_site_pages(manual, SiteOptions(today=dt.date(2026, 12, 2)))}
    sheet = re.sub(r"\s*\n\s*", "", pages["call-logs/kettle-app.md"])
    assert "14:05 (Europe/Berlin)</td>" in sheet
    assert "<tr><th>Plan</th> <td>Premium</td></tr>" in sheet
    assert "<tr><th>Severity</th> <td>Severity 2</td></tr>" in sheet
    assert "<tr><th>Ticket number</th> <td>48213</td></tr>" in sheet
    # A log without a zone of its own is on service-hours.yaml's clock.
    assert "(America/Halifax)</td>" in re.sub(r"\s*\n\s*", "", pages["call-logs/double-charge.md"])


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  plan: Premium\n", "  plna: Premium\n",
     r"call-logs/2026-10-05-kettle-app\.yaml:8:3: error: unknown log field 'plna'; did you mean 'plan'\?"),
    ("  plan: Premium\n", "  plan: Premum\n",
     r"call-logs/2026-10-05-kettle-app\.yaml:8:9: error: 'Premum' is not one of the values of plan: Basic, "
     r"Premium, Ultimate; did you mean 'Premium'\?"),
    ("  status: solved\n", "  status: reopened\n",
     r"error: 'reopened' is not one of the values of status: open, pending, solved, closed"),
    ("time_zone: Europe/Berlin\n", "time_zone: CET Berlin\n",
     r"call-logs/2026-10-05-kettle-app\.yaml:6:12: error: time_zone: 'CET Berlin' is not a time zone"),
])
def test_wrong_ticket_fields_are_located(content, capsys, old, new, expected):
    log = content / "call-logs" / "2026-10-05-kettle-app.yaml"
    text = log.read_text(encoding="utf-8")
    assert old in text
    log.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr().err
    assert re.search(expected, report), report


def test_a_closed_list_names_each_value_once(content, capsys):
    logging = content / "logging.yaml"
    logging.write_text(logging.read_text(encoding="utf-8").replace("[Basic, Premium, Ultimate]",
                                                                   "[Basic, Premium, Basic]"), encoding="utf-8")
    assert main(["check", "--content", "content"]) == 1
    assert re.search(r"logging\.yaml:\d+:\d+: error: fields\[0\]: Basic appear more than once in values",
                     capsys.readouterr().err)
