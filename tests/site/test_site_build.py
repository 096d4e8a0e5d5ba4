"""Full builds of fixture projects in tmp_path through the real CLI and MkDocs."""

from __future__ import annotations

import json
import re

import yaml

from projects import build_project, copy_example_project


def test_example_builds_strict_with_a_page_per_entity(built_example):
    site = built_example / "site"
    for folder in ["policies", "products", "scripts", "standards", "procedures", "escalation", "call-logs"]:
        sources = sorted((built_example / "content" / folder).glob("*.yaml"))
        assert sources, folder
    for page in ["index.html", "company/index.html", "policies/refunds.html", "escalation/complaints.html",
                 "response-times.html", "training/knowledge-checks.html", "glossary.html", "downloads.html"]:
        assert (site / page).is_file(), page


def test_search_index_holds_text_from_every_content_type(built_example):
    index = json.loads((built_example / "site" / "search" / "search_index.json").read_text())
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).lower()
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for location in ["policies/refunds.html", "products/cast-iron-skillet.html", "scripts/hold.html",
                     "standards/conduct.html", "procedures/escalation.html", "escalation/complaints.html",
                     "call-logs/skillet-rust.html", "response-times.html", "training/index.html",
                     "training/knowledge-checks.html", "metrics.html", "glossary.html", "company/index.html"]:
        assert location in locations, location
    for phrase in ["valid receipt", "pre-seasoned", "put you on hold", "net promoter score", "first contact"]:
        assert phrase in text, phrase
    # search works from a folder: the index is also written as a script
    assert (built_example / "site" / "search" / "search_index.js").read_text().startswith("var __index = ")


def test_no_page_refers_to_anything_off_the_machine(built_example):
    site = built_example / "site"
    for page in site.rglob("*.html"):
        html = page.read_text()
        for url in re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', html):
            assert "fonts.googleapis" not in url and "unpkg" not in url and "cdn" not in url, (page, url)
        assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', html), page


def test_glossary_abbreviations_and_every_reference_is_a_link(built_example):
    page = (built_example / "site" / "standards" / "conduct.html").read_text()
    assert re.search(r'<abbr title="[^"]+">(CRM|CSR)</abbr>', (built_example / "site" / "call-logs" / "index.html").read_text())
    assert 'href="../scripts/supervisor-takeover.html"' in page


def test_prose_references_are_filled_in(built_example):
    home = (built_example / "site" / "index.html").read_text()
    assert "[[" not in home
    assert "Harbourline Home Goods" in home and "30 days" in home
    assert "+1 555 0142 310" in home  # [[var:supervisor_line]]


def test_unknown_prose_reference_fails_with_its_location(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "false")  # the site is what is tested here
    project = copy_example_project(tmp_path / "p")
    (project / "docs" / "extra.md").write_text("# Extra\n\nThe window is [[policy:refundz.rules.window]].\n")
    assert build_project(project) == 1
    err = capsys.readouterr().err
    assert "docs/extra.md:3:15: error: unknown reference [[policy:refundz.rules.window]]" in err
    assert "did you mean [[policy:refunds.rules.window]]" in err
    assert "Traceback" not in err


def test_failed_build_leaves_previous_site_and_pdfs_intact(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "false")  # the site is what is tested here
    project = copy_example_project(tmp_path / "p")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good site")
    (site / "pdf").mkdir()
    (site / "pdf" / "handbook.pdf").write_bytes(b"%PDF previous")
    policy = project / "content" / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text().replace("owner: care-manager", "owner: care-manger"))
    assert build_project(project, site_dir=site) == 1
    err = capsys.readouterr().err
    assert re.search(r"content/policies/refunds\.yaml:\d+:\d+: error: unknown role 'care-manger'; did you mean 'care-manager'\?", err)
    assert (site / "index.html").read_text() == "previous good site"
    assert (site / "pdf" / "handbook.pdf").read_bytes() == b"%PDF previous"
    assert not list(tmp_path.glob(".site.*")), "no staging folder left behind"


def test_hand_written_page_colliding_with_a_generated_one_fails(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "false")  # the site is what is tested here
    project = copy_example_project(tmp_path / "p")
    (project / "docs" / "policies").mkdir()
    (project / "docs" / "policies" / "refunds.md").write_text("# Mine\n")
    assert build_project(project, site_dir=tmp_path / "site") == 1
    assert "policies/refunds.md" in capsys.readouterr().err


def test_plugin_warnings_fail_strict(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "false")  # the site is what is tested here
    project = copy_example_project(tmp_path / "p")
    schedule = project / "content" / "schedules.yaml"
    data = yaml.safe_load(schedule.read_text())
    flagged = next(c for c in data["categories"] if c.get("flag"))
    flagged["targets"]["email"] = "2 working days"
    schedule.write_text(yaml.safe_dump(data, sort_keys=False))
    assert build_project(project, site_dir=tmp_path / "site", strict=True) == 1
    err = capsys.readouterr().err
    assert "flagged for immediate attention" in err


def test_serve_watches_the_content_folder(tmp_path):
    from mkdocs.config import load_config

    project = copy_example_project(tmp_path / "p")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["deskbook/content"]
    plugin.on_config(config)

    class Server:
        watched: list[str] = []

        def watch(self, path):
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert str((project / "content").resolve()) in server.watched


def test_hostile_policy_title_is_text_in_the_built_page(tmp_path, monkeypatch):
    """After MkDocs' own Markdown pass too: no script element, no attr_list attribute, the title shown as text."""
    monkeypatch.setenv("DESKBOOK_PDF", "false")  # the site is what is tested here
    project = copy_example_project(tmp_path / "p")
    policy = project / "content" / "policies" / "refunds.yaml"
    data = yaml.safe_load(policy.read_text())
    data["title"] = '<script>alert(1)</script> {: onclick="x"}'
    policy.write_text(yaml.safe_dump(data, sort_keys=False))
    site = tmp_path / "site"
    assert build_project(project, site_dir=site, strict=False) == 0
    html = (site / "policies" / "refunds.html").read_text()
    assert "<script>alert(1)" not in html
    assert not re.search(r"<[^>]*\sonclick=", html), "no element may carry the onclick from the title"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
