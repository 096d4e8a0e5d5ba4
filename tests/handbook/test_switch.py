"""The DESKBOOK_PDF switch: "false"/"0"/"no"/"off" skip the PDFs, in any case and with spaces."""

from __future__ import annotations

import pytest

from deskbook.mkdocs_plugins.pdf.plugin import PdfPlugin


def _plugin(command: str) -> PdfPlugin:
    plugin = PdfPlugin()
    errors, warnings = plugin.load_config({})
    assert errors == [] and warnings == []
    plugin.on_startup(command=command, dirty=False)
    return plugin


@pytest.mark.parametrize("value", ["false", "0", "no", "off", " False ", "FALSE"])
def test_switch_off_skips_pdfs_in_a_build(monkeypatch, value):
    monkeypatch.setenv("DESKBOOK_PDF", value)
    assert not _plugin("build").active


@pytest.mark.parametrize("value", [None, "", "true", "1"])
def test_builds_make_pdfs_unless_switched_off(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("DESKBOOK_PDF", raising=False)
    else:
        monkeypatch.setenv("DESKBOOK_PDF", value)
    assert _plugin("build").active


def test_serve_skips_pdfs_unless_asked(monkeypatch):
    monkeypatch.delenv("DESKBOOK_PDF", raising=False)
    assert not _plugin("serve").active
    monkeypatch.setenv("DESKBOOK_PDF", "true")
    assert _plugin("serve").active


def test_disabled_in_config_wins_over_the_switch(monkeypatch):
    monkeypatch.setenv("DESKBOOK_PDF", "true")
    plugin = PdfPlugin()
    plugin.load_config({"enabled": False})
    plugin.on_startup(command="build", dirty=False)
    assert not plugin.active


def test_one_desk_card_per_audience_edition_when_asked():
    plugin = PdfPlugin()
    errors, _ = plugin.load_config({
        "editions": [{"name": "handbook", "title": "Complete edition"},
                     {"name": "handbook-rep", "title": "Representative edition", "audience": "rep"}],
        "desk_card": {"per_edition": True},
    })
    assert errors == []
    jobs = plugin._plan_jobs()
    assert [job.file_name for job in jobs] == ["handbook.pdf", "handbook-rep.pdf", "desk-card.pdf",
                                               "desk-card-rep.pdf", "log-form.pdf"]
    rep_card = jobs[3].spec
    assert rep_card.audience == "rep" and rep_card.title == "Representative edition"


def test_typst_is_imported_only_to_render(repo_root):
    """check and diff start fast: loading the CLI and the PDF plugin does not load the Typst compiler."""
    import subprocess
    import sys

    code = ("import sys; import deskbook.cli, deskbook.mkdocs_plugins.pdf.plugin, deskbook.handbook; "
            "print('typst' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(repo_root / "plugins")})
    assert result.stdout.strip() == "False"
