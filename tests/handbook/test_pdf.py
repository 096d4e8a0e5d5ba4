"""The handbook, its editions and the desk card, read back from the real PDFs with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.synthetic import write_synthetic_content
from deskbook.handbook import DeskCardSpec, EditionSpec, PrintError, PrintOptions, handbook_html, render_pdf
from deskbook.handbook.render import ASSETS
from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.site.pages import SECTION_TITLES

pytestmark = pytest.mark.pdf

CHAPTERS = [title for _, title in SECTION_TITLES]


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    entries: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


@pytest.fixture(scope="module")
def pdfs(built_example) -> Path:
    return built_example / "site" / "pdf"


@pytest.fixture(scope="module")
def handbook(pdfs) -> PdfReader:
    return PdfReader(pdfs / "handbook.pdf")


def test_every_chapter_is_bookmarked_in_order(handbook):
    chapters = [title for depth, title, _ in _outline(handbook) if depth == 0]
    assert chapters[0] == "Contents"
    assert chapters[1:1 + len(CHAPTERS)] == CHAPTERS
    assert "Answer key" in chapters
    assert "What changed in this edition" in chapters
    nested = [entry for entry in _outline(handbook) if entry[0] == 1]
    assert any(title == "Refunds" for _, title, _ in nested), "policies are nested under their chapter"


def test_contents_page_numbers_point_at_the_chapters(handbook):
    contents = handbook.pages[1].extract_text() + "\n" + handbook.pages[2].extract_text()
    listed: dict[str, int] = {}
    for line in contents.splitlines():
        match = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)$", line)
        if match:
            listed.setdefault(match.group(1), int(match.group(2)))
    bookmarks = {title: page for depth, title, page in _outline(handbook) if depth <= 1}
    for chapter in CHAPTERS:
        assert chapter in listed, f"{chapter} is missing from the contents"
        page_text = handbook.pages[listed[chapter] - 1].extract_text()
        assert chapter in page_text, f"{chapter} is not on page {listed[chapter]}"
    mismatched = {title: (page, bookmarks[title]) for title, page in listed.items()
                  if title in bookmarks and bookmarks[title] != page}
    assert mismatched == {}
    assert len(listed) > 40


def test_see_page_references_point_at_their_target(handbook):
    body = "\n".join(page.extract_text() for page in handbook.pages[3:])
    match = re.search(r"Refunds\s*\(see page (\d+)\)", body)
    assert match
    target = handbook.pages[int(match.group(1)) - 1].extract_text()
    assert "Refunds" in target and "valid receipt" in target


def test_running_header_footer_and_cross_references(handbook):
    total = len(handbook.pages)
    text = handbook.pages[10].extract_text()
    assert f"Page 11 of {total}" in text
    assert "Edition 1" in text and "Printed 2026-09-21" in text
    body = "\n".join(page.extract_text() for page in handbook.pages)
    see = re.findall(r"see page (\d+)", body)
    assert len(see) > 20 and all(1 <= int(n) <= total for n in see)


def test_cover_and_metadata(handbook):
    cover = handbook.pages[0].extract_text()
    assert "Harbourline Home Goods" in cover and "Complete edition" in cover
    assert handbook.metadata["/Title"].startswith("Harbourline Customer Care Manual")
    assert handbook.metadata["/CreationDate"] == "D:20260921141320Z"


def test_desk_card_fits_two_pages(pdfs):
    card = PdfReader(pdfs / "desk-card.pdf")
    assert len(card.pages) <= 2
    text = "\n".join(page.extract_text() for page in card.pages)
    for expected in ["Who may offer what", "Order over $500", "Response times", "Putting a caller on hold",
                     "Handing a contact to a supervisor", "Key contacts"]:
        assert expected in text


def test_edition_leaves_out_what_its_audience_excludes(pdfs, handbook):
    complete = "\n".join(page.extract_text() for page in handbook.pages)
    rep = "\n".join(page.extract_text() for page in PdfReader(pdfs / "handbook-rep.pdf").pages)
    supervisor = "\n".join(page.extract_text() for page in PdfReader(pdfs / "handbook-supervisor.pdf").pages)
    manager_only = "How we set and improve our standards"
    supervisors_and_managers = "Key accounts and large orders"
    assert manager_only in complete and supervisors_and_managers in complete
    assert manager_only not in rep and supervisors_and_managers not in rep
    assert manager_only not in supervisor and supervisors_and_managers in supervisor
    assert "Representative edition" in rep


def test_site_links_every_pdf(built_example):
    downloads = (built_example / "site" / "downloads.html").read_text()
    for name in ["handbook", "handbook-rep", "handbook-supervisor", "desk-card"]:
        assert f'href="pdf/{name}.pdf"' in downloads


@pytest.fixture(scope="module")
def small_manual(tmp_path_factory):
    return load_manual_or_raise(write_synthetic_content(tmp_path_factory.mktemp("small") / "content", 6))


@pytest.mark.parametrize(
    "hostile",
    [
        '<img src="file:///etc/hostname">',
        '<img src="http://127.0.0.1:9/x.png">',
        '<link rel="attachment" href="/etc/passwd">',
        '<img src="../../../../etc/hostname">',
    ],
)
def test_forbidden_fetch_fails_the_build_and_keeps_the_old_pdf(small_manual, tmp_path, hostile):
    html = handbook_html(small_manual, EditionSpec("h", "Test"), PrintOptions())
    html = html.replace("<body>", "<body>" + hostile, 1)
    target = tmp_path / "h.pdf"
    target.write_bytes(b"%PDF previous")
    with pytest.raises(PrintError, match="refused|outside|only the project"):
        render_pdf(html, small_manual.content_dir, [small_manual.content_dir / "assets", ASSETS], target)
    assert target.read_bytes() == b"%PDF previous"
    assert not list(tmp_path.glob(".h.*"))


def test_logo_outside_the_project_fails(small_manual, tmp_path):
    html = handbook_html(small_manual, EditionSpec("h", "Test"), PrintOptions())
    html = html.replace("<body>", '<body><img src="../../secret.svg">', 1)
    with pytest.raises(PrintError, match="outside the project's asset folders"):
        render_pdf(html, small_manual.content_dir, [small_manual.content_dir / "assets", ASSETS], tmp_path / "x.pdf")


def test_missing_glyph_fails_with_the_character(small_manual, tmp_path):
    html = handbook_html(small_manual, EditionSpec("h", "Test"), PrintOptions())
    html = html.replace("<body>", "<body><p>Refund policy 返金</p>", 1)
    with pytest.raises(PrintError, match=r"U\+8FD4 '返'.*Refund policy"):
        render_pdf(html, small_manual.content_dir, [ASSETS], tmp_path / "x.pdf")


def test_two_renders_are_byte_identical(small_manual, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    outputs = []
    for attempt in range(2):
        html = handbook_html(small_manual, EditionSpec("h", "Test"), PrintOptions(
            printed=__import__("deskbook.clock", fromlist=["build_datetime"]).build_datetime()))
        target = tmp_path / f"{attempt}.pdf"
        render_pdf(html, small_manual.content_dir, [ASSETS], target)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_page_size_letter(small_manual, tmp_path):
    html = handbook_html(small_manual, EditionSpec("h", "Test"), PrintOptions(page_size="Letter"))
    render_pdf(html, small_manual.content_dir, [ASSETS], tmp_path / "letter.pdf")
    box = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_desk_card_parts_are_configurable(small_manual, tmp_path):
    from deskbook.handbook import desk_card_html

    html = desk_card_html(small_manual, DeskCardSpec(parts=("contacts",), scripts=()), PrintOptions())
    assert "Key contacts" in html and "Who may offer what" not in html and "Response times" not in html


def test_missing_image_fails_and_names_it(small_manual, tmp_path):
    html = handbook_html(small_manual, EditionSpec("h", "Test"), PrintOptions())
    html = html.replace("<body>", '<body><img src="assets/no-such-logo.png">', 1)
    roots = [small_manual.content_dir / "assets", ASSETS]
    with pytest.raises(PrintError, match=r"no-such-logo\.png.*does not exist"):
        render_pdf(html, small_manual.content_dir, roots, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
