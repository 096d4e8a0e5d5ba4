"""The plugins' options are declared once (``deskbook.options``): ``check`` (without MkDocs) and the MkDocs
plugins take their keys and defaults from the same dataclasses, and ``check`` imports no renderer."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from projects import copy_example_project
from test_project_check import edit, make_project

from deskbook.cli import main
from deskbook.mkdocs_plugins.content.plugin import ContentPlugin
from deskbook.mkdocs_plugins.pdf.plugin import PdfPlugin
from deskbook.options import ContentOptions, PdfOptions, option_keys, options_from

PLUGINS = Path(__file__).parents[2] / "plugins"
EXAMPLE = Path(__file__).parents[2]


def test_the_plugins_know_every_declared_option_and_its_default():
    pdf, content = PdfPlugin(), ContentPlugin()
    assert pdf.load_config({}) == ([], [])
    assert content.load_config({}) == ([], [])
    assert set(pdf.config) == set(option_keys(PdfOptions))
    assert options_from(PdfOptions, pdf.config) == PdfOptions()
    assert options_from(ContentOptions, content.config) == ContentOptions()


def test_an_old_option_name_still_builds_under_its_new_name():
    plugin = PdfPlugin()
    errors, warnings = plugin.load_config({"workers": 2})
    assert errors == [] and [name for name, _ in warnings] == ["workers"]
    assert options_from(PdfOptions, plugin.config).threads == 2


def test_an_edition_without_a_name_is_refused_by_the_plugin():
    errors, _ = PdfPlugin().load_config({"editions": [{"title": "Everything"}]})
    assert [name for name, _ in errors] == ["editions"]


def test_an_option_added_in_the_one_declaration_is_accepted_by_check_and_by_the_plugin(tmp_path):
    """A new option (a field of PdfOptions, nothing else) passes ``check``, reaches the PDF plugin, and a value
    of the wrong type is refused by both, ``check`` saying where and what the declaration takes."""
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    edit(config, "page_size: A4", "page_size: A4\n      watermark: DRAFT")
    script = textwrap.dedent(f"""
        from __future__ import annotations
        import dataclasses, json, pathlib, sys
        sys.path.insert(0, {str(PLUGINS)!r})
        import deskbook.options as options

        @dataclasses.dataclass(frozen=True)
        class WithWatermark(options.PdfOptions):
            watermark: str = "none"

        options.PdfOptions = WithWatermark  # before anything reads the declaration
        from deskbook.cli import main
        from deskbook.mkdocs_plugins.pdf.plugin import PdfPlugin

        code = main(["check", "-f", {str(config)!r}])
        plugin = PdfPlugin()
        errors, warnings = plugin.load_config({{"watermark": "DRAFT"}})
        unset = PdfPlugin()
        unset.load_config({{}})
        config = pathlib.Path({str(config)!r})
        config.write_text(config.read_text().replace("watermark: DRAFT", "watermark: 12"))
        print("--- wrong type", file=sys.stderr)
        wrong_code = main(["check", "-f", str(config)])
        wrong_errors, _ = PdfPlugin().load_config({{"watermark": 12}})
        print(json.dumps([code, [str(e) for e in errors], plugin.config["watermark"], unset.config["watermark"],
                          wrong_code, [name for name, _ in wrong_errors]]))
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, cwd=project,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    code, errors, value, default, wrong_code, wrong_errors = json.loads(done.stdout.splitlines()[-1])
    assert (code, errors, value, default) == (0, [], "DRAFT", "none"), done.stdout + done.stderr
    assert (wrong_code, wrong_errors) == (1, ["watermark"])
    line = config.read_text().splitlines().index("      watermark: 12") + 1
    wrong_run = done.stderr.split("--- wrong type", 1)[1]
    assert f"mkdocs.yml:{line}:18: error: deskbook/pdf: watermark must be text, not 12" in wrong_run


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("page_size: A4", "page_size: A4\n      threads: two",
     "mkdocs.yml:13:16: error: deskbook/pdf: threads must be a whole number, not 'two'"),
    ("page_size: A4", "page_size: A4\n      log_form: off",
     "mkdocs.yml:13:17: error: deskbook/pdf: log_form must be a mapping of options (enabled, name), not false"),
    ("      content_dir: content", "      content_dir: content\n      nav_max_entities: true",
     "mkdocs.yml:11:25: error: deskbook/content: nav_max_entities must be a whole number, not true"),
    ("        scripts: [transfer]", "        scripts: [transfer]\n        per_edition: yes please",
     "mkdocs.yml:22:22: error: desk_card: per_edition must be true or false, not 'yes please'"),
    ("scripts: [transfer]", "scripts: [transfer, 3]",
     "mkdocs.yml:21:29: error: desk_card: scripts[1] must be text, not 3"),
    ("          title: Complete edition", "          title: 5",
     "mkdocs.yml:15:18: error: editions[0]: title must be text, not 5"),
])
def test_a_value_of_the_wrong_type_is_one_located_error_saying_what_the_declaration_takes(
        tmp_path, capsys, old, new, expected):
    project = make_project(tmp_path / "project")
    edit(project / "mkdocs.yml", old, new)
    code = main(["check", "-f", str(project / "mkdocs.yml"), "--content", str(project / "content")])
    err = capsys.readouterr().err
    assert code == 1
    assert expected in err
    location = expected.split(" error: ")[0]
    assert err.count(location) == 1, f"one message for the value, not one per check that reads it:\n{err}"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("page_size: A4", "page_sise: A4",
     "mkdocs.yml:12:18: error: deskbook/pdf: unknown option 'page_sise'; did you mean 'page_size'?"),
    ("      content_dir: content", "      content_dir: content\n      navigaton: false",
     "mkdocs.yml:11:18: error: deskbook/content: unknown option 'navigaton'; did you mean 'navigation'?"),
    ("        scripts: [transfer]", "        scripts: [transfer]\n        per_editon: true",
     "mkdocs.yml:22:21: error: desk_card: unknown option 'per_editon'; did you mean 'per_edition'?"),
    ("          title: Complete edition", "          title: Complete edition\n          audiance: supervisor",
     "mkdocs.yml:16:21: error: editions[0]: unknown option 'audiance'; did you mean 'audience'?"),
])
def test_an_unknown_option_is_a_located_error_with_a_guess(tmp_path, capsys, old, new, expected):
    project = make_project(tmp_path / "project")
    edit(project / "mkdocs.yml", old, new)
    code = main(["check", "-f", str(project / "mkdocs.yml"), "--content", str(project / "content")])
    output = capsys.readouterr()
    assert code == 1
    assert expected in output.out + output.err
    assert "workers" not in output.err, "an old name is accepted, not offered"


def _modules_after(argv: list[str], cwd: Path) -> tuple[int, list[str], str]:
    """The exit code of ``deskbook ARGV`` run in a fresh interpreter in ``cwd``, and every module it imported."""
    script = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(PLUGINS)!r})
        from deskbook.cli import main
        code = main({argv!r})
        print(json.dumps([code, sorted(sys.modules)]))
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, cwd=cwd,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    code, modules = json.loads(done.stdout.splitlines()[-1])
    return code, modules, done.stdout + done.stderr


# What no command that only reads the content needs: MkDocs, Material, Typst, the site's and the book's
# renderers (Jinja, Python-Markdown, the diagrams), and the other commands' modules.
RENDERERS = ("jinja2", "mkdocs", "typst", "material.", "markdown", "deskbook.mkdocs_plugins", "deskbook.site.pages",
             "deskbook.site.environment", "deskbook.site.diagrams", "deskbook.site.reference_markdown",
             "deskbook.handbook.data", "deskbook.handbook.pdf", "deskbook.handbook.jobs",
             "deskbook.handbook.typst_process")
OTHER_COMMANDS = ("deskbook.cli.build", "deskbook.cli.staging", "deskbook.cli.init", "deskbook.cli.new",
                  "deskbook.cli.pages", "deskbook.cli.reviewers")


def test_check_imports_no_renderer():
    """``check`` on the example loads and checks only: no site renderer (Jinja, Python-Markdown), no
    handbook renderer (Typst), no MkDocs, no review or diff, none of the other commands. This is what keeps
    check's start-up short (bench/check_bench.py times it; a timing would be flaky on a shared machine,
    what is imported is not)."""
    code, modules, output = _modules_after(["check"], EXAMPLE)
    assert code == 0, output
    # Material's package is looked at for its interface languages; none of its modules is imported.
    # The desk card's fit and the print fonts' coverage are checks build would hit, so check reads the card's
    # rows and the fonts (handbook.card, handbook.print_fonts); the book's renderer and Typst stay out. The
    # pages' [[...]] references are found by site.references, which is pure.
    unused = (*RENDERERS, *OTHER_COMMANDS, "deskbook.cli.diff", "deskbook.review.changes",
              "deskbook.review.rendered", "deskbook.review.report")
    assert [name for name in modules if name.startswith(unused)] == []
    assert "deskbook.manual" in modules  # the check did run


def test_diff_without_changes_imports_no_renderer(tmp_path):
    """``diff`` renders both sides (the site's pages, the handbook's data) only when the content changed;
    between two equal revisions it loads, compares and reports, and imports no renderer."""
    project = copy_example_project(tmp_path / "repo")
    git = ["git", "-c", "user.email=test@example.com", "-c", "user.name=Test"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "edition 1"]):
        subprocess.run([*git, *args], cwd=project, check=True, capture_output=True)
    code, modules, output = _modules_after(["diff", "HEAD"], project)
    assert code == 0, output
    assert [name for name in modules if name.startswith((*RENDERERS, *OTHER_COMMANDS))] == []
    assert "deskbook.review.changes" in modules  # the diff did run
