"""`deskbook pages DIR` and the `deskbook.markdown` extension: the site for engines that run no MkDocs
plugins. Zensical itself builds the result in tests/release (a venv of its own)."""

from __future__ import annotations

import markdown
import pytest

from deskbook.cli import main
from deskbook.markdown import DeskbookMarkdownError
from deskbook.safety import SITE_MARKER
from tests.projects import BUILD_EPOCH


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)


def test_pages_writes_every_generated_and_hand_written_page(example_project, monkeypatch, capsys):
    (example_project / "docs" / "guide").mkdir()
    (example_project / "docs" / "guide" / "intro.md").write_text("See [[policy:refunds]].\n")
    monkeypatch.chdir(example_project)
    assert main(["pages", "pages"]) == 0
    assert "wrote 67 generated and 3 hand-written pages to pages" in capsys.readouterr().err
    out = example_project / "pages"
    assert (out / SITE_MARKER).is_file()
    assert (out / "guide" / "intro.md").read_text() == "See [[policy:refunds]].\n"  # resolved by the extension
    assert (out / "policies" / "refunds.md").is_file() and (out / "review" / "whats-new.md").is_file()
    generated = [path for path in out.rglob("*.md") if path.parent != out / "guide"]
    assert len(generated) == 67 + 2 and not [path for path in generated if "[[" in path.read_text()
                                              and path.name not in ("index.md", "how-to-use.md")]
    assert "The order value ($500) above which" in (out / "glossary.md").read_text()
    assert (out / "assets" / "deskbook" / "quiz.js").is_file() and (out / "assets" / "deskbook" / "brand.css").is_file()
    # mkdocs.yml says use_directory_urls: false, so the generated pages link to .html files.
    assert 'href="../products/smart-kettle.html"' in (out / "policies" / "refunds.md").read_text()
    # A second run replaces its own folder; a file left there is gone.
    (out / "stale.md").write_text("old")
    assert main(["pages", "pages", "--directory-urls"]) == 0
    assert not (out / "stale.md").exists()
    assert 'href="../../products/smart-kettle/"' in (out / "policies" / "refunds.md").read_text()


def test_pages_refuses_a_folder_it_did_not_write_and_bad_content(example_project, monkeypatch, capsys):
    monkeypatch.chdir(example_project)
    notes = example_project / "notes"
    notes.mkdir()
    (notes / "diary.txt").write_text("mine")
    assert main(["pages", "notes"]) == 1
    err = capsys.readouterr().err
    assert "notes: error: the output folder holds files (diary.txt) but no site Deskbook built" in err
    assert "Traceback" not in err and (notes / "diary.txt").read_text() == "mine"
    assert main(["pages", "docs"]) == 1 and (example_project / "docs" / "index.md").is_file()
    (example_project / "docs" / "bad.md").write_text("Ask [[policy:refundz]].\n")
    assert main(["pages", "pages"]) == 1
    assert "docs/bad.md:1:5: error: unknown reference [[policy:refundz]]" in capsys.readouterr().err
    assert not (example_project / "pages").exists()


def test_pages_refuses_a_hand_written_page_in_a_generated_ones_place(example_project, monkeypatch, capsys):
    (example_project / "docs" / "policies").mkdir()
    (example_project / "docs" / "policies" / "refunds.md").write_text("# Mine\n")
    monkeypatch.chdir(example_project)
    assert main(["pages", "pages"]) == 1
    assert "docs/policies/refunds.md has the same path as the page generated for policy:refunds" in (
        capsys.readouterr().err)


def test_the_extension_resolves_references_relative_to_the_page(example_project, monkeypatch):
    monkeypatch.chdir(example_project)
    text = "Refunds: [[policy:refunds]], within [[policy:refunds.rules.window]]; *[[company.name]]*"

    def render(**options) -> str:
        return markdown.markdown(text, extensions=["deskbook.markdown"],
                                 extension_configs={"deskbook.markdown": options})

    assert render() == ('<p>Refunds: <a href="policies/refunds.html">Refunds</a>, within <span>30 days</span>; '
                        '<em><span>Harbourline Home Goods</span></em></p>')
    assert '<a href="../policies/refunds.html">' in render(page="guide/intro.md")
    assert '<a href="../../policies/refunds/">' in render(page="guide/intro.md", use_directory_urls=True)


def test_the_extension_shows_values_as_text(example_project, monkeypatch):
    company = example_project / "content" / "company.yaml"
    company.write_text(company.read_text().replace("name: Harbourline Home Goods",
                                                   'name: "<img src=x onerror=alert(1)> *Home*"', 1))
    monkeypatch.chdir(example_project)
    html = markdown.markdown("[[company.name]]", extensions=["deskbook.markdown"])
    assert html == "<p><span>&lt;img src=x onerror=alert(1)&gt; *Home*</span></p>"


def test_the_extension_names_content_it_cannot_load(example_project, monkeypatch):
    monkeypatch.chdir(example_project)
    with pytest.raises(DeskbookMarkdownError, match="no content folder at elsewhere"):
        markdown.markdown("x", extensions=["deskbook.markdown"],
                          extension_configs={"deskbook.markdown": {"content": "elsewhere"}})
    policy = example_project / "content" / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text() + "\nbogus_key: 1\n")
    with pytest.raises(DeskbookMarkdownError, match=r"content/policies/refunds\.yaml:\d+:1: error"):
        markdown.markdown("x", extensions=["deskbook.markdown"])
