"""Escalation parts that fit a real support organisation: levels with no set time or a time by urgency, key
accounts a role handles, and routing on a list of tiers."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from deskbook.cli import main
from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages
from deskbook.decisions import Request, decide


@pytest.fixture
def content(tmp_path, example_content, monkeypatch) -> Path:
    shutil.copytree(example_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    edit(content / "escalation" / "complaints.yaml", "    respond_within: 30 minutes\n",
         "    respond_by_urgency:\n      urgent: 30 minutes\n      timely: 1 hour\n      not urgent: 2 hours\n")
    edit(content / "escalation" / "complaints.yaml", "    respond_within: 1 working day\n", "")
    edit(content / "routing.yaml", "      category: privacy-request\n",
         "      category: privacy-request\n      account_tier: [premium, ultimate]\n")
    edit(content / "routing.yaml", "    handled_by: priya-nair\n", "    handled_by_role: care-manager\n")
    return content


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pages(content: Path) -> dict[str, str]:
    manual = load_checked_manual(content)
    return {page.src_uri: re.sub(r"\s*\n\s*", " ", page.markdown)
            for page in render_site_pages(manual, SiteOptions(today=dt.date(2026, 12, 2)))}


def test_levels_answer_by_urgency_or_with_no_set_time(content):
    chain = pages(content)["escalation/complaints.md"]
    assert 'data-label="Responds">urgent: 30 minutes; timely: 1 hour; not urgent: 2 hours</td>' in chain
    assert 'data-label="Responds">no set time</td>' in chain
    manual = load_checked_manual(content)
    # "Who decides?" answers with the time for the urgency asked about, or all of them.
    team_lead = Request("max_refund", "200", urgency="timely")
    assert decide(manual, team_lead).responds == "Team Lead answers you within 1 hour (timely)."
    assert decide(manual, Request("max_refund", "200")).responds == (
        "Team Lead answers you within: urgent: 30 minutes; timely: 1 hour; not urgent: 2 hours.")
    assert decide(manual, Request("max_discount_percent", "25")).responds == (
        "Customer Care Manager has no set time to answer you.")

def test_routing_on_a_list_of_tiers_and_accounts_a_role_handles(content):
    manual = load_checked_manual(content)
    assert manual.get("routing", "privacy-requests").when.account_tier == ["premium", "ultimate"]
    index = pages(content)["escalation/index.md"]
    assert "the account is premium or ultimate" in index
    assert re.search(r'<td>Ember Culinary School</td> <td data-label="Handled by"><a href="[^"]*#role-care-manager"',
                     index), index


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    ("escalation/complaints.yaml", "    respond_within: 2 hours\n",
     "    respond_within: 2 hours\n    respond_by_urgency:\n      urgent: 1 hour\n",
     r"escalation/complaints\.yaml:\d+:\d+: error: levels\[2\]: give respond_within or respond_by_urgency, not both"),
    ("escalation/complaints.yaml", "      timely: 1 hour\n", "      timely: soon\n",
     r"escalation/complaints\.yaml:\d+:15: error: levels\[1\]\.respond_by_urgency\.timely: 'soon' is not a duration"),
    ("routing.yaml", "    handled_by_role: care-manager\n", "    handled_by_role: care-manger\n",
     r"routing\.yaml:\d+:22: error: unknown role 'care-manger'; did you mean 'care-manager'\?"),
    ("routing.yaml", "    handled_by_role: care-manager\n", "",
     r"routing\.yaml:\d+:\d+: error: key_accounts\[1\]: name who takes this account's cases: handled_by "
     r"\(an executive\) or handled_by_role \(a role\), one of them"),
])
def test_wrong_parts_are_located(content, capsys, path, old, new, expected):
    edit(content / path, old, new)
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr().err
    assert re.search(expected, report), report
