"""What the desk card leaves out for want of room: only what cannot fit, lowest priority first, each row
named in a located warning with where staff find it instead, and `check --strict` failing on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from projects import BUILD_EPOCH, REPO_ROOT, copy_example_project

from deskbook.cli import main
from deskbook.handbook import DeskCardSpec, PrintOptions
from deskbook.handbook.card import SiteAddress, desk_card_layout, desk_card_left_out
from deskbook.handbook.card_fit import HEADING_ABOVE, Block, Place, fit
from deskbook.model.registry import KINDS
from deskbook.pipeline import load_checked_manual
from deskbook.site.pages import SiteOptions, render_site_pages

NOWHERE = Place("index.md", None, None)
# Words enough that the rule's note, on its own, is taller than a column of the card at 12 pt.
HUGE_RULE = " ".join(["Every refund is entered in the order system with the reason the customer gives, and the "
                      "receipt is kept with it."] * 40)
WINDOW_RULE = "text: A refund can be requested within the refund window, counted from the day of purchase."


def _rows(count: int, height: float, part: int, start: int = 0) -> list[Block]:
    return [Block({"t": "row"}, height, f"row {start + index}", NOWHERE, "authority", part=part,
                  above=HEADING_ABOVE if index == 0 else 0.0, reopened=8.0 if index else 0.0)
            for index in range(count)]


def test_a_block_taller_than_a_column_is_left_out_alone():
    """The defect: fit() kept only what came before the first block that failed, so one huge row cost the
    card every row after it."""
    blocks = _rows(3, 20.0, 0) + [Block({"t": "script"}, 400.0, "huge", NOWHERE, "scripts", part=3)] \
        + _rows(20, 20.0, 4, start=4)
    kept, left_out = fit(blocks, "a4", "Card")
    assert [block.name for block in left_out] == ["huge"]
    assert len(kept) == 23 and {block.side for block in kept} == {0}


def test_what_finds_no_room_left_is_left_out_from_the_end():
    blocks = _rows(200, 20.0, 0)
    kept, left_out = fit(blocks, "a4", "Card")
    assert kept == blocks[:len(kept)] and left_out == blocks[len(kept):], "a kept row never follows a left-out one"
    assert {block.side for block in kept} == {0, 1}


def test_a_row_whose_list_lost_the_rows_before_it_prints_the_heading_again():
    """Its heading then stands above it, so its height counts the heading (the first row's carried it)."""
    first_huge = [Block({"t": "row"}, 400.0, "huge first", NOWHERE, "authority", part=0, above=HEADING_ABOVE)] \
        + _rows(3, 20.0, 0, start=1)[1:]
    kept, left_out = fit(first_huge, "a4", "Card")
    assert [block.name for block in left_out] == ["huge first"]
    # Row 2 takes its 20 mm and the 8 mm of the heading above it; row 3 goes on under it in the same list.
    assert [block.name for block in kept] == ["row 2", "row 3"]
    assert kept[1].top - kept[0].top == pytest.approx(28.0)


@pytest.fixture
def huge_row_project(tmp_path) -> Path:
    """The example with one row of "Windows and limits" (the refund window's) taller than a column."""
    project = copy_example_project(tmp_path / "project")
    refunds = project / "content" / "policies" / "refunds.yaml"
    text = refunds.read_text()
    assert WINDOW_RULE in text
    refunds.write_text(text.replace(WINDOW_RULE, f"text: {HUGE_RULE}"))
    return project


def _example_card(project: Path) -> tuple:
    from deskbook.project import pdf_outputs_of

    _, card = pdf_outputs_of(project / "mkdocs.yml")
    manual = load_checked_manual(project / "content")
    return manual, DeskCardSpec(parts=card.parts, scripts=card.scripts)


def test_the_huge_row_is_left_out_and_every_row_after_it_kept(huge_row_project):
    manual, spec = _example_card(huge_row_project)
    layout = desk_card_layout(manual, spec, PrintOptions())
    assert [block.name for block in layout.left_out] == ["Windows and limits: Refunds"]
    example, _ = _example_card(REPO_ROOT)
    whole = desk_card_layout(example, spec, PrintOptions())
    assert whole.left_out == []
    # Every other row and script of the example's card is still on it, in the same order.
    assert _printed(layout.data) == [row for row in _printed(whole.data) if row != ("Refunds", "30 days")]
    assert _printed(layout.data)[-1] == ("script", "Handing a contact to a supervisor")


def _printed(data: dict) -> list[tuple[str, str]]:
    return [(row["label"], row["value"]) if part["t"] == "list" else (part["t"], part["title"])
            for part in data["parts"] for row in part.get("rows", [{}])]


def test_check_warns_at_the_part_naming_the_row_and_where_to_find_it(huge_row_project, capsys, monkeypatch):
    monkeypatch.chdir(huge_row_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)  # no review overdue: this warning is the only one
    assert main(["check"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]
    parts_line = next(number for number, line in enumerate((huge_row_project / "mkdocs.yml").read_text().splitlines(),
                                                          start=1) if "parts: [" in line)
    column = (huge_row_project / "mkdocs.yml").read_text().splitlines()[parts_line - 1].index("time-limits") + 1
    assert lines == [
        f"mkdocs.yml:{parts_line}:{column}: warning: desk-card.pdf: 1 row of part 'time-limits' does not fit on two "
        "sides and is left out: Windows and limits: Refunds (handbook chapter “Policies”; on the site: "
        "policies/refunds.html). List fewer parts or scripts, or move the ones that matter up (parts print in "
        "the order listed)"]
    assert main(["check", "--strict"]) == 1
    assert re.search(r"mkdocs\.yml:\d+:\d+: error: desk-card\.pdf: 1 row of part 'time-limits'",
                     capsys.readouterr().err)


def test_the_site_address_follows_mkdocs_yml(huge_row_project):
    manual, spec = _example_card(huge_row_project)
    warnings = desk_card_left_out(manual, spec, PrintOptions(), SiteAddress("https://care.example/manual/", True))
    assert "on the site: https://care.example/manual/policies/refunds/)" in warnings["time-limits"]


def test_a_card_of_defaults_is_measured_too(huge_row_project, capsys, monkeypatch):
    """With no desk_card in mkdocs.yml the build still makes a card (every part, no scripts): check
    measures it and warns at the plugin."""
    config = huge_row_project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(re.sub(r"      desk_card:\n(        .*\n)+", "", text))
    monkeypatch.chdir(huge_row_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    assert main(["check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"mkdocs\.yml:\d+:\d+: error: desk-card\.pdf: \d+ rows? of part '[\w-]+' do", err)


def test_the_warning_speaks_the_manuals_language():
    manual = load_checked_manual(REPO_ROOT / "tests" / "fixtures" / "german" / "content")
    scripts = tuple(script.id for script in manual.entities("script")) * 40
    warnings = desk_card_left_out(manual, DeskCardSpec(parts=("authority", "scripts"), scripts=scripts),
                                  PrintOptions(), SiteAddress(directory_urls=False))
    assert list(warnings) == ["scripts"]
    assert re.match(r"desk-card\.pdf: \d+ Zeilen des Teils 'scripts' passen nicht auf zwei Seiten und werden "
                    r"weggelassen: .+ \(Handbuchkapitel „[^“]+“; auf der Website: scripts/[\w-]+\.html\)",
                    warnings["scripts"])


def test_every_shared_page_lives_under_its_sections_name():
    """card.py finds a shared page's handbook chapter by its folder (or file) name; the site files it so
    (the About page is the site's own, in no chapter)."""
    from deskbook.handbook import card
    from deskbook.model.sections import SECTION_NAMES

    manual = load_checked_manual(REPO_ROOT / "content")
    sections = {page.src_uri: page.section for page in render_site_pages(manual, SiteOptions())}
    shared = {kind.page.partition("#")[0] for kind in KINDS.values() if not kind.has_own_page}
    for src_uri in shared & set(sections):
        expected = sections[src_uri] if sections[src_uri] in SECTION_NAMES else None
        assert card._section_of(src_uri) == expected, src_uri
