"""One module decides the engine: the config file's name, then what is installed (ProperDocs or MkDocs).
Builds on ProperDocs with MkDocs uninstalled run in a venv of their own (tests/release)."""

from __future__ import annotations

from deskbook import engine
from deskbook.cli import main


def test_config_files_are_found_in_properdocs_order(tmp_path):
    assert engine.find_config(tmp_path) is None
    for name in ("mkdocs.yaml", "mkdocs.yml", "properdocs.yaml", "properdocs.yml"):
        (tmp_path / name).write_text("site_name: x\n")
        assert engine.find_config(tmp_path) == tmp_path / name, "ProperDocs' own name comes first"


def test_check_reads_a_properdocs_yml(example_project, capsys, monkeypatch):
    config = example_project / "mkdocs.yml"
    config.rename(example_project / "properdocs.yml")
    text = (example_project / "properdocs.yml").read_text()
    (example_project / "properdocs.yml").write_text(text.replace("audience: supervisor", "audience: supervsor"))
    monkeypatch.chdir(example_project)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "properdocs.yml:31:21: error: editions[2].audience 'supervsor' is not an audience" in err
    assert main(["check", "--content", "content"]) == 1, "found beside the content folder too"
    capsys.readouterr()
    assert main(["build"]) == 1
    assert "properdocs.yml:31:21: error" in capsys.readouterr().err


def test_without_a_config_the_commands_say_where_they_looked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "no properdocs.yml, properdocs.yaml, mkdocs.yml or mkdocs.yaml here" in err
    assert "Traceback" not in err


def test_the_engine_in_use_stays(monkeypatch):
    import mkdocs  # noqa: F401  (this test process runs MkDocs)

    assert engine.use() == engine.active() == "mkdocs"
    assert engine.logger_name() == "mkdocs"


def test_an_engine_that_skips_the_content_plugin_is_named(example_project, capsys, monkeypatch):
    """No engine is silently half-used: a mkdocs.yml whose plugins drop deskbook/content, or a Zensical
    config without the deskbook.markdown extension, gets one located line from check (and from build)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    monkeypatch.setenv("DESKBOOK_PDF", "false")
    config = example_project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text.replace("  - deskbook/content:\n      content_dir: content\n", ""))
    monkeypatch.chdir(example_project)
    assert main(["check"]) == 0
    line = ("plugins does not list deskbook/content, so the engine builds only the hand-written pages and "
            "leaves their [[...]] as written; add '- deskbook/content' to plugins")
    assert f"mkdocs.yml:18:3: warning: {line}" in capsys.readouterr().err
    assert main(["check", "--strict"]) == 1
    capsys.readouterr()
    assert main(["build"]) == 0
    assert f"warning: mkdocs.yml: {line}" in capsys.readouterr().err
    config.write_text(text)
    zensical = example_project / "zensical.toml"
    zensical.write_text('[project]\nsite_name = "x"\ndocs_dir = "pages"\n[project.markdown_extensions.toc]\n')
    assert main(["check"]) == 0
    assert "zensical.toml: warning: Zensical runs none of the Deskbook plugins" in capsys.readouterr().err
    zensical.write_text('[project]\nsite_name = "x"\n[project.markdown_extensions."deskbook.markdown"]\n')
    assert main(["check"]) == 0
    assert "Zensical" not in capsys.readouterr().err
