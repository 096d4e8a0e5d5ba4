"""A second company, an internet provider, built end to end: typed authority limits (credits, a discount
for a time, a waived fee, a kind of its own), a chain level with no money authority, routing by account
size, tier, amount asked, product and channel to a role, a chain or a desk, and a channel that does not
take a category."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from deskbook.cli import main
from projects import REPO_ROOT, build_project

pytestmark = pytest.mark.pdf

ISP = Path(__file__).resolve().parents[1] / "fixtures" / "isp" / "content"


@pytest.fixture(scope="module")
def isp_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("isp") / "project"
    shutil.copytree(ISP, project / "content")
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(
        "# Welcome to [[company.name]]\n\nAn agent may give a credit of up to "
        "[[role:rep.authority.limits.credit.up_to]] or a [[role:rep.authority.limits.discount]].\n")
    config = (REPO_ROOT / "mkdocs.yml").read_text().replace("scripts: [hold, supervisor-takeover]", "scripts: [transfer]")
    (project / "mkdocs.yml").write_text(config)
    assert build_project(project) == 0
    return project


def _page(project: Path, name: str) -> str:
    html = re.sub(r"<script.*?</script>", " ", (project / "site" / name).read_text(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+([.,;])", r"\1", re.sub(r"\s+", " ", text))


def test_authority_matrix_shows_typed_limits(isp_project):
    page = _page(isp_project, "escalation/index.html")
    matrix = page.split("Authority matrix", 2)[-1].split("Who do I escalate to?", 1)[0]
    assert "Role Refund up to May consult other staff Credit Discount Fee waived Speed boost " in matrix
    assert "Support Agent $20 No up to $25 up to 10% for 1 month Yes for 7 days " in matrix
    assert "Discount up to" not in matrix, "no empty legacy discount column"
    assert "May override policy" not in matrix and "Free gift" not in matrix, "no column nobody holds"
    assert "$1,000 No up to $1,000 up to 25% for 12 months None None" in matrix
    assert "Support Agent, Fee waived: the late-payment fee, once a year" in matrix


def test_routing_conditions_and_targets(isp_project):
    page = _page(isp_project, "escalation/index.html")
    assert "the account has more than 50 lines the account is business" in page
    assert "Business Desk" in page
    assert "the customer asks for more than $150" in page
    assert "it is about Smart Kettle" in page or "it is about" in page
    assert "it comes by Live chat" in page
    assert "the first level of Outages and line faults" in page
    assert "Business accounts with more than 50 lines go to the Business Desk" in page


def test_a_channel_that_does_not_take_a_category(isp_project):
    assert "Not taken" in _page(isp_project, "response-times.html")


def test_home_page_and_chain_show_limit_values(isp_project):
    assert "An agent may give a credit of up to $25 or a Discount up to 10% for 1 month." in _page(isp_project, "index.html")
    chain = _page(isp_project, "escalation/privacy.html")
    assert re.search(r"any credit above the agent.s \$25", chain)


def test_desk_card_prints_typed_limits_and_the_desk(isp_project):
    text = " ".join(page.extract_text() for page in PdfReader(isp_project / "site" / "pdf" / "desk-card.pdf").pages)
    text = re.sub(r"\s+", " ", text.replace("\u00ad ", "").replace("\u00ad", ""))
    assert "Discount up to 15% for 3 months" in text
    assert "Business Desk" in text
    assert "Outages reported by chat → Outages and line faults" in text, "a rule sending to a chain names it"


def _check(content: Path, capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(content.parent)
    status = main(["check", "--content", "content"])
    return status, capsys.readouterr().err


def test_authority_rises_per_kind_past_a_level_without_money(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ISP, content)
    status, err = _check(content, capsys, monkeypatch)
    assert status == 0, err
    roles = content / "roles.yaml"
    roles.write_text(roles.read_text().replace("    - kind: credit\n      up_to: 150", "    - kind: credit\n      up_to: 20"))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert ("content/escalation/privacy.yaml:15:9: error: authority must rise up the chain: level 3 (care-manager) "
            "may give a credit up to $20, less than level 1 (rep) at $25") in err


def test_a_category_no_channel_takes(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ISP, content)
    schedules = content / "schedules.yaml"
    text = schedules.read_text()
    targets = text.split("  targets:\n", 1)[1].split("\n- id:", 1)[0]
    untaken = re.sub(r"(    [a-z-]+:) .*", r"\1 not taken", targets)
    schedules.write_text(text.replace(targets, untaken, 1))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert "is 'not taken' on every channel; at least one channel must take it" in err


def test_a_routing_rule_with_nowhere_to_go(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ISP, content)
    routing = content / "routing.yaml"
    routing.write_text(routing.read_text().replace("  desk: Business Desk\n", ""))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert "name where these cases go: route_to (a role), chain or desk" in err


def test_stale_prose_covers_typed_limits(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ISP, content)
    chain = content / "escalation" / "privacy.yaml"
    chain.write_text(chain.read_text().replace("above [[role:care-manager.authority.limits.credit.up_to]]", "above $150"))
    status, err = _check(content, capsys, monkeypatch)
    assert ("warning: '$150' repeats role:care-manager authority.limits.credit.up_to; write "
            "[[role:care-manager.authority.limits.credit.up_to]] so it follows changes") in err
