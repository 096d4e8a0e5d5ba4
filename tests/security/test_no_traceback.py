"""Issue 23, case 6: no input a project or a command line can hold ends in a traceback. Each property
runs the real CLI on a copy of the example with one value replaced, and asserts success or exit 1 (2 for a
usage error) with a message, never an exception."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from deskbook.cli import main
from tests.projects import copy_example_project

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LOCATED = re.compile(r"^[\w./-]+\.(?:yaml|po):\d+(?::\d+)?: error: ", re.MULTILINE)
YAML_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_example_project(tmp_path_factory.mktemp("pristine") / "project")


@pytest.fixture
def project(pristine, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    return pristine


def _checked(project: Path, relative: str, old: str, new: str, capsys, monkeypatch) -> tuple[int, str]:
    """``check`` on ``project`` with ``old`` replaced by ``new`` in one file; the file is put back after."""
    path = project / relative
    original = path.read_bytes()
    try:
        path.write_bytes(original.replace(old.encode(), new.encode(), 1))
        monkeypatch.chdir(project)
        code = main(["check"])
    finally:
        path.write_bytes(original)
    return code, capsys.readouterr().err


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@PROPERTY
@given(zone=st.one_of(YAML_TEXT, st.sampled_from(["America", "Europe/", "../../etc/passwd", "x" * 5000, "UTC"])))
@example(zone="America")
@example(zone="A" * 5000)
def test_time_zones(project, capsys, monkeypatch, zone):
    code, err = _checked(project, "content/service-hours.yaml", "time_zone: America/Halifax",
                         f"time_zone: {_quoted(zone)}", capsys, monkeypatch)
    assert "Traceback" not in err
    assert code == 0 or (code == 1 and LOCATED.search(err)), err[-2000:]


@PROPERTY
@given(date=st.one_of(YAML_TEXT, st.integers(-10**30, 10**30).map(str),
                      st.sampled_from(["20270301", "2027-W09-1", "9999-12-31", "0000-01-01", "2027-02-30"])))
@example(date="20270301")
@example(date="2027-W09-1")
def test_review_dates(project, capsys, monkeypatch, date):
    code, err = _checked(project, "content/policies/refunds.yaml", "review_by: 2027-03-01",
                         f"review_by: {_quoted(date)}", capsys, monkeypatch)
    assert "Traceback" not in err
    assert code == 0 or (code == 1 and LOCATED.search(err)), err[-2000:]


@PROPERTY
@given(plural=st.one_of(YAML_TEXT, st.sampled_from([
    "nplurals=2; plural=(n != 1;", "nplurals=2; plural=__import__('os').system('x');", "nplurals=2; plural=n%0;",
    "nplurals=x; plural=n;", "nplurals=2; plural=n>1 ? 1 : 0;"])),
    charset=st.sampled_from(["UTF-8", "utf-8", "latin-1", "klingon", ""]))
@example(plural="nplurals=2; plural=(n != 1;", charset="UTF-8")
@example(plural="nplurals=2; plural=n%0;", charset="no-such-charset")
def test_catalogue_headers(project, capsys, monkeypatch, plural, charset):
    folder = project / "locale" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    header = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n'
              f'"Plural-Forms: {plural.replace(chr(92), "").replace(chr(34), "")}\\n"\n\n'
              'msgid "Policies"\nmsgstr "Rules"\n')
    (folder / "deskbook.po").write_text(header.replace("\r", " "), encoding="utf-8", errors="replace")
    try:
        monkeypatch.chdir(project)
        code = main(["check"])
    finally:
        shutil.rmtree(project / "locale")
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == 0 or (code == 1 and "deskbook.po" in err), err[-2000:]


@PROPERTY
@given(epoch=st.one_of(st.integers(0, 10**25).map(str), YAML_TEXT, st.just("253402300799")))
@example(epoch="253402300799")
def test_new_at_any_source_date_epoch(project, capsys, monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch.replace("\x00", ""))
    monkeypatch.chdir(project)
    code = main(["new", "policy", "late-delivery"])
    (project / "content" / "policies" / "late-delivery.yaml").unlink(missing_ok=True)
    err = capsys.readouterr().err
    assert code in (0, 2) and "Traceback" not in err, err[-2000:]


@PROPERTY
@given(name=st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40))
@example(name="[[company.name]]")
@example(name="A\nB")
@example(name="A & B")
def test_init_with_any_name(tmp_path_factory, capsys, monkeypatch, name):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    target = tmp_path_factory.mktemp("init") / "manual"
    code = main(["init", str(target), "--name", name.replace("\x00", ""), "--requirement", "deskbook"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 0:
        monkeypatch.chdir(target)
        assert main(["check", "--strict"]) == 0, capsys.readouterr().err
        heading = (target / "README.md").read_text().splitlines()[0]
        assert heading.startswith("# ") and name.strip() in heading
        # The starter turns on no theme feature the content plugin then turns off again.
        assert "content.tooltips" not in (target / "mkdocs.yml").read_text()
    else:
        assert code == 2 and "--name" in err


def test_init_into_a_dangling_symbolic_link(tmp_path, capsys):
    link = tmp_path / "manual"
    link.symlink_to(tmp_path / "nowhere")
    assert main(["init", str(link), "--name", "Acme", "--requirement", "deskbook"]) == 2
    assert "is a symbolic link to nothing" in capsys.readouterr().err


@pytest.mark.parametrize("written", ["20270301", '"20270301"', "2027-W09-1", "2027-060"])
def test_a_date_is_written_one_way(project, capsys, monkeypatch, written):
    """Issue 23, case 7: Python's fromisoformat reads a compact date and a week date too; a manual's are
    YYYY-MM-DD only, so a typo never becomes some other day."""
    code, err = _checked(project, "content/policies/refunds.yaml", "review_by: 2027-03-01",
                         f"review_by: {written}", capsys, monkeypatch)
    assert code == 1 and "content/policies/refunds.yaml:7:12: error: review_by: " in err
    assert "YYYY-MM-DD" in err


def test_the_pre_commit_hook_runs_on_catalogue_changes():
    """Issue 23, case 7: a project catalogue (locale/<lang>/LC_MESSAGES/deskbook.po) is checked content."""
    from deskbook.cli.init import starter_files

    hooks = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text())
    starter = yaml.safe_load(starter_files("Acme", "deskbook", dt.date(2026, 9, 1))[".pre-commit-config.yaml"])
    patterns = [hooks[0]["files"], starter["repos"][0]["hooks"][0]["files"]]
    for pattern in patterns:
        for path in ("locale/de/LC_MESSAGES/deskbook.po", "content/policies/refunds.yaml", "properdocs.yml"):
            assert re.search(pattern, path), (pattern, path)
