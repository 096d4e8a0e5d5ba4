"""The check and schema commands on the example content, and their output formats."""

from __future__ import annotations

import json
import re
import shutil
import time

import jsonschema

from deskbook.cli import main
from deskbook.load import read_yaml
from deskbook.model import CONTENT_FILES, content_file_for


def test_example_validates_clean(example_content, capsys, monkeypatch):
    monkeypatch.chdir(example_content.parent)
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert "error" not in err.replace("0 errors", "")
    assert "content is valid" in err


def test_freshness_warnings_and_strict(example_content, capsys, monkeypatch):
    monkeypatch.chdir(example_content.parent)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(time.mktime((2026, 11, 22, 12, 0, 0, 0, 0, 0)))))
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"content/policies/privacy\.yaml:\d+:\d+: warning: policy 'privacy' was due for review on 2026-09-30", err)
    assert re.search(r"content/policies/offers-and-gifts\.yaml:\d+:\d+: notice: policy 'offers-and-gifts' is due for review on 2026-12-10 \(in 18 days\)", err)
    assert main(["check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"privacy\.yaml:\d+:\d+: error: policy 'privacy' was due for review", err)


def test_github_format_emits_annotations(tmp_path, example_content, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(example_content, content)
    policy = content / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text().replace("owner: care-manager", "owner: care-manger"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^::error file=content/policies/refunds\.yaml,line=4,col=8::unknown role 'care-manger'; did you mean 'care-manager'\?$", out, re.M)


def test_json_format(tmp_path, example_content, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(example_content, content)
    (content / "glossary.yaml").write_text("terms: []\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert {"path": "content/glossary.yaml", "line": 1, "column": 8, "severity": "error",
            "message": "terms: needs at least 1 item"} in items


def test_schema_command_writes_one_valid_schema_per_kind(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["schema", "--out", "schemas"]) == 0
    for content_file in CONTENT_FILES:
        schema = json.loads((tmp_path / "schemas" / f"{content_file.name}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["additionalProperties"] is False, "closed schemas give editors squiggles on typos"
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"]["./schemas/policy.schema.json"] == ["content/policies/*.yaml"]


def test_example_files_validate_against_their_schemas(repo_root, example_content):
    for path in sorted(example_content.rglob("*.yaml")):
        content_file = content_file_for(path.relative_to(example_content).as_posix())
        schema = json.loads((repo_root / "schemas" / f"{content_file.name}.schema.json").read_text())
        data, _ = read_yaml(path.read_bytes())
        data = json.loads(json.dumps(data))  # dates stay strings, as an editor sees them
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        assert not errors, f"{path}: {errors[0].message}"


def test_every_content_file_points_editors_at_its_schema(repo_root, example_content):
    for path in sorted(example_content.rglob("*.yaml")):
        first = path.read_text().splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} lacks a yaml-language-server modeline"
        target = (path.parent / match.group(1)).resolve()
        assert target.is_file(), f"{path} points at a missing schema {target}"
        assert target.name == f"{content_file_for(path.relative_to(example_content).as_posix()).name}.schema.json"


def test_committed_schemas_are_up_to_date(repo_root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    main(["schema", "--out", "schemas", "--no-vscode"])
    for fresh in sorted((tmp_path / "schemas").glob("*.json")):
        assert fresh.read_text() == (repo_root / "schemas" / fresh.name).read_text(), (
            f"schemas/{fresh.name} is stale: run python build_manual.py schema")


def test_schemas_written_outside_the_workspace_are_named_by_uri(tmp_path, monkeypatch, capsys):
    (tmp_path / "project").mkdir()
    monkeypatch.chdir(tmp_path / "project")
    assert main(["schema", "--out", str(tmp_path / "elsewhere")]) == 0
    settings = json.loads((tmp_path / "project" / ".vscode" / "settings.json").read_text())
    uri = (tmp_path / "elsewhere" / "policy.schema.json").resolve().as_uri()
    assert settings["yaml.schemas"][uri] == ["content/policies/*.yaml"]
    assert not any(key.startswith(".//") for key in settings["yaml.schemas"])


def test_minimal_fixture_modelines_point_at_existing_schemas(minimal_content):
    for path in sorted(minimal_content.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: {first}"
        kind = content_file_for(path.relative_to(minimal_content).as_posix())
        target = (path.parent / match.group(1)).resolve()
        assert target.is_file() and target.name == f"{kind.name}.schema.json", path


def test_a_desk_card_that_does_not_fit_warns_and_strict_fails(example_project, capsys, monkeypatch):
    """Every script on the card cannot fit on two sides: check names each one left out, with where staff
    find it (its handbook bookmark and site address), at the parts option; --strict fails on it."""
    config = example_project / "mkdocs.yml"
    every_script = sorted(path.stem for path in (example_project / "content" / "scripts").glob("*.yaml"))
    text = config.read_text()
    config.write_text(text.replace("scripts: [hold, supervisor-takeover]", f"scripts: [{', '.join(every_script)}]"))
    monkeypatch.chdir(example_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # nothing due for review: only the card warns
    assert main(["check", "--strict"]) == 1
    err = capsys.readouterr().err
    found = re.search(r"mkdocs\.yml:(\d+):(\d+): error: desk-card\.pdf: \d+ rows of part 'scripts' do not fit on "
                      r"two sides", err)
    assert found, err
    line = config.read_text().splitlines()[int(found[1]) - 1]
    assert line[int(found[2]) - 1:].startswith("scripts"), line  # at the part that loses its rows
    assert "Transferring to another department (handbook chapter “Standards & Scripts”; on the site: " \
           "scripts/transfer.html)" in err
    assert main(["check"]) == 0
