"""The kinds registry is the one list of kinds: every model is in it, and what is derived from it works
for every kind (pages, links, labels, scaffolds)."""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import deskbook.model as model_package
from deskbook.cli import main
from deskbook.model import CONTENT_FILES, KINDS, Entity, Strict
from deskbook.urls import entity_target


def _all_models() -> set[type]:
    for module in pkgutil.iter_modules(model_package.__path__):
        importlib.import_module(f"deskbook.model.{module.name}")
    found: set[type] = set()
    stack = [Strict]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("deskbook.model"):
                found.add(sub)
            stack.append(sub)
    return found


def test_every_entity_model_is_a_registered_kind():
    entity_models = {cls for cls in _all_models() if issubclass(cls, Entity) and cls.kind}
    registered = {kind.model for kind in KINDS.values()}
    assert entity_models - registered == set(), "add these models to KINDS in model/registry.py"
    assert all(name == kind.model.kind for name, kind in KINDS.items())


def test_every_model_is_reachable_from_a_content_file():
    """A model no content file leads to is never loaded: it must be registered (or be dead code)."""
    reachable: set[type] = set()

    def walk(annotation) -> None:
        import typing

        if isinstance(annotation, type) and issubclass(annotation, Strict):
            if annotation in reachable:
                return
            reachable.add(annotation)
            for field in annotation.model_fields.values():
                walk(field.annotation)
        for arg in typing.get_args(annotation):
            walk(arg)

    for content_file in CONTENT_FILES:
        walk(content_file.model)
    # A base class (Entity, Valued) is reached through the models built on it.
    unreached = {model for model in _all_models() - reachable if not any(issubclass(r, model) for r in reachable)}
    assert unreached == set()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_a_place_on_the_site_and_words(kind):
    target = entity_target(kind, "some-id")
    assert target.src_uri.endswith(".md")
    assert KINDS[kind].singular and KINDS[kind].plural and KINDS[kind].label[0].isupper()
    if KINDS[kind].has_own_page:
        template = Path(model_package.__file__).parents[1] / "site" / "templates" / f"{kind.replace('-', '_')}.md.j2"
        assert template.is_file(), template
        assert KINDS[kind].section


@pytest.mark.parametrize("kind", sorted(k for k, v in KINDS.items() if v.folder))
def test_new_writes_a_file_check_accepts_for_every_folder_kind(kind, tmp_path, minimal_content, monkeypatch, capsys):
    shutil.copytree(minimal_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert main(["new", kind, "brand-new"]) == 0, capsys.readouterr().err
    assert main(["check", "--content", "content"]) == 0, capsys.readouterr().err


def test_new_never_uses_the_example_companys_ids(tmp_path, minimal_content, monkeypatch, capsys):
    content = tmp_path / "content"
    shutil.copytree(minimal_content, content)
    roles = content / "roles.yaml"
    roles.write_text(roles.read_text().replace("care-manager", "head-of-care"))
    for path in content.rglob("*.yaml"):
        path.write_text(path.read_text().replace("care-manager", "head-of-care"))
    monkeypatch.chdir(tmp_path)
    assert main(["new", "policy", "late-delivery"]) == 0
    text = (content / "policies" / "late-delivery.yaml").read_text()
    assert "owner: head-of-care" in text
    assert main(["check", "--content", "content"]) == 0, capsys.readouterr().err


def test_new_refuses_when_the_content_does_not_load(tmp_path, minimal_content, monkeypatch, capsys):
    content = tmp_path / "content"
    shutil.copytree(minimal_content, content)
    (content / "roles.yaml").write_text("roles: []\n")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "policy", "late-delivery"]) == 1
    err = capsys.readouterr().err
    assert "roles.yaml" in err and "fix the errors above first" in err
    assert not (content / "policies" / "late-delivery.yaml").exists()


def test_check_and_diff_do_not_import_a_pdf_engine(tmp_path, example_content):
    """`check` starts fast: no PDF engine is imported on its way (nor by importing the CLI)."""
    code = (
        "import sys\n"
        "from deskbook.cli import main\n"
        f"status = main(['check', '--content', {str(example_content)!r}])\n"
        "engines = sorted(name for name in ('weasyprint', 'typst', 'pydyf') if name in sys.modules)\n"
        "print('ENGINES', engines)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(Path(model_package.__file__).parents[2]),
                                               "PATH": "/usr/bin:/bin"})
    assert "ENGINES []" in result.stdout, result.stdout + result.stderr


def test_every_kind_with_pages_belongs_to_a_declared_section():
    """A kind's section is declared in model/sections.py (its title and place in the menu and the book);
    forgetting it would leave the kind's pages out of the menu."""
    from deskbook.model.sections import SECTION_NAMES

    assert len(SECTION_NAMES) == len(set(SECTION_NAMES))
    for kind in KINDS.values():
        if kind.has_own_page:
            assert kind.section in SECTION_NAMES, f"declare section {kind.section!r} in model/sections.py"


def test_desk_card_parts_are_the_cards_own_and_the_registered_ones():
    """mkdocs.yml's desk_card.parts, check and the card all read one list: a part the card cannot print
    is never accepted, and a settings file's part needs no print code of its own."""
    from deskbook.handbook.card import _OWN_PARTS
    from deskbook.model.registry import CARD_PART_SOURCES, DESK_CARD_PARTS
    from deskbook.project import DESK_CARD_PARTS as checked_parts

    assert checked_parts == DESK_CARD_PARTS
    # The card's own parts: titled rows (_OWN_PARTS), and the scripts and the response table it lays out.
    assert set(DESK_CARD_PARTS) == set(_OWN_PARTS) | {"scripts", "response-times"} | set(CARD_PART_SOURCES)
    assert len(DESK_CARD_PARTS) == len(set(DESK_CARD_PARTS))
    for source in CARD_PART_SOURCES.values():
        assert callable(getattr(source.model, "desk_card", None)), source.name


def test_every_settings_file_has_a_typed_property_on_the_manual():
    """``manual.company`` and its kin are typed properties (type checkers see every use): one per settings
    file, typed with the file's model, and optional exactly when the file is."""
    import typing

    from deskbook.manual import Manual
    from deskbook.model.registry import SETTINGS_FILES

    typed = {}
    for name, member in vars(Manual).items():
        if isinstance(member, property) and not name.startswith("_"):
            typed[name] = typing.get_type_hints(member.fget)["return"]
    for content_file in SETTINGS_FILES:
        wanted = content_file.model if content_file.required else content_file.model | None
        assert wanted in typed.values(), f"add a property returning {wanted} to Manual ({content_file.name})"


def test_every_registered_section_is_drawn_on_its_page(example_content):
    """A settings file's ``sections`` put its template's macro on each page it names, once."""
    import datetime as dt

    from deskbook.model.registry import SETTINGS_FILES
    from deskbook.pipeline import load_checked_manual
    from deskbook.site import SiteOptions, render_site_pages
    from deskbook.site.environment import environment

    manual = load_checked_manual(example_content)
    options = SiteOptions(today=dt.date(2026, 11, 1))
    pages = {page.src_uri.removesuffix(".md").removesuffix("/index"): page for page in render_site_pages(manual, options)}
    declared = [(content_file, page) for content_file in SETTINGS_FILES for page in content_file.sections]
    assert declared, "the example declares at least one section (service hours)"
    for content_file, page in declared:
        assert page in pages, f"{content_file.name} adds a section to '{page}', which is no page"
        macros = environment(manual.localization).get_template(content_file.section_template).module
        assert hasattr(macros, page.replace("-", "_")), f"{content_file.section_template} has no macro for {page}"
    company, times = pages["company"].markdown, pages["response-times"].markdown
    assert company.count("## Opening hours") == 1 and times.count("## Opening hours") == 1
    assert company.index("## Contact channels") < company.index("## Opening hours") < company.index(
        "## Holidays and closures")
