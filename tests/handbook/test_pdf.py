"""The handbook, its editions, the desk card and the log form, read back from the real PDFs with pypdf."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.synthetic import write_synthetic_content
from deskbook.clock import build_datetime
from deskbook.handbook import DeskCardSpec, EditionSpec, PrintError, PrintOptions, handbook_data, render_pdf
from deskbook.handbook.card import desk_card_data
from deskbook.pipeline import load_checked_manual as load_manual_or_raise
from deskbook.model.sections import SECTIONS

pytestmark = pytest.mark.pdf

CHAPTERS = [section.title for section in SECTIONS]


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


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def pdfs(built_example) -> Path:
    return built_example / "site" / "pdf"


@pytest.fixture(scope="module")
def handbook(pdfs) -> PdfReader:
    return PdfReader(pdfs / "handbook.pdf")


def test_bookmarks_are_chapters_and_entities_only(handbook):
    outline = _outline(handbook)
    chapters = [title for depth, title, _ in outline if depth == 0]
    assert chapters[0] == "Introduction"
    assert [title for title in chapters if title in CHAPTERS] == CHAPTERS
    assert chapters[-2:] == ["Answer key", "Index"]
    nested = [title for depth, title, _ in outline if depth == 1]
    assert "Refunds" in nested, "policies are nested under their chapter"
    assert "Related" not in nested + chapters and max(depth for depth, _, _ in outline) == 1
    # No entry repeats its chapter's title (a section's index page under a chapter of the same name).
    parent = None
    for depth, title, _ in outline:
        if depth == 0:
            parent = title
        else:
            assert title.casefold() != parent.casefold()
    assert len(nested) == len(set(nested))


def test_contents_page_numbers_point_at_the_chapters(handbook):
    contents = handbook.pages[1].extract_text() + "\n" + handbook.pages[2].extract_text()
    listed: dict[str, int] = {}
    for line in contents.splitlines():
        match = re.match(r"^(.*?)\s*(?:\.\s*){3,}(\d+)$", line)
        if match:
            listed.setdefault(match.group(1).strip(), int(match.group(2)))
    bookmarks = {title: page for _, title, page in _outline(handbook)}
    for chapter in CHAPTERS:
        assert chapter in listed, f"{chapter} is missing from the contents"
        assert chapter in handbook.pages[listed[chapter] - 1].extract_text()
    mismatched = {title: (page, bookmarks[title]) for title, page in listed.items()
                  if title in bookmarks and bookmarks[title] != page}
    assert mismatched == {}
    assert len(listed) > 40


def test_see_page_references_point_at_their_target(handbook):
    body = _text(handbook)
    match = re.search(r"Refunds\s*\(see\s+page\s+(\d+)\)", body)
    assert match
    target = handbook.pages[int(match.group(1)) - 1].extract_text()
    assert "Refunds" in target and "valid receipt" in target
    # A page number never collides with the punctuation after it, and never doubles a "(see ...)".
    assert not re.search(r"\(see page \d+\)\s+[,.;:]", body)
    assert not re.search(r"\(see [^()]*\(see page", re.sub(r"\s+", " ", body))
    # A [[policy:refunds]] in brackets on a hand-written page: "(Refunds, page 29)".
    assert not re.search(r"\([^()]*\(see page", re.sub(r"\s+", " ", body))
    assert re.search(r"receipt \(Refunds, page \d+\)", re.sub(r"\s+", " ", body))


def test_running_head_footer_and_page_numbers(handbook):
    total = len(handbook.pages)
    text = handbook.pages[10].extract_text()
    assert f"Page 11 of {total}" in text
    assert "Edition 1, Complete edition" in text and "Printed September 21, 2026" in text
    see = re.findall(r"see\s+page\s+(\d+)", _text(handbook))
    assert len(see) > 20 and all(1 <= int(n) <= total for n in see)


def test_cover_print_wording_and_handwritten_pages(handbook):
    cover = handbook.pages[0].extract_text()
    assert "Harbourline Home Goods" in cover and "Complete edition" in cover
    body = _text(handbook)
    assert "press Check" not in body and "Mark one answer for each question" in body
    assert "Welcome to Harbourline Home Goods" in body, "docs/ pages print, references resolved"
    assert "[[" not in body


def test_answer_key_points_at_the_page_that_explains(handbook):
    outline = {title: page for _, title, page in _outline(handbook)}
    key = "\n".join(handbook.pages[index].extract_text() for index in range(outline["Answer key"] - 1,
                                                                           len(handbook.pages)))
    # Question 1 tests the refunds policy: its row ends with the page the Refunds policy starts on.
    row = re.search(r"\n1\s+B\. Refund it.*?(?=\n2\s+[A-H]\. )", key, re.S)
    assert row, key[:800]
    assert re.search(rf"\b{outline['Refunds']}\s*$", row.group(0)), row.group(0)


def test_who_decides_prints_as_a_decision_table(handbook):
    """The site's form printed as a paragraph of its labels ("The customer asks for a refund a discount (per
    cent) a free gift ... Amount"); on paper it is a table of requests, amounts and the roles that decide."""
    page = next(page.extract_text() for page in handbook.pages
                if "Who decides?" in page.extract_text() and "Authority matrix" in page.extract_text())
    table = page.split("Who decides?")[1].split("Authority matrix")[0]
    assert "a refund a discount" not in " ".join(table.split())
    lines = [" ".join(line.split()) for line in table.splitlines()]
    assert "Refund up to $100 Customer Care Representative" in lines
    assert "$250 Team Lead" in lines and "$500 Customer Care Supervisor" in lines
    assert "Discount up to 10% Customer Care Representative" in lines
    assert any(line.startswith("More than $") and "No role may approve" in line for line in lines)


def test_print_says_nothing_about_the_sites_controls(handbook):
    body = " ".join(_text(handbook).split())
    # (The phone line's own menu, "Press 0 at any point in the menu", is content and stays.)
    assert "press /" not in body and "Sections in the menu" not in body and "box at the top" not in body
    assert "press Check" not in body
    assert "How to use this book" in body and "The index at the back" in body
    assert "**" not in body and "__" not in body, "Markdown emphasis never prints literally"


def test_a_first_edition_says_so_in_one_line(handbook):
    outline = [title for _, title, _ in _outline(handbook)]
    assert "What changed in this edition" not in outline
    lines = [line for line in _text(handbook).splitlines() if "first edition" in line]
    assert lines == ["What changed in this edition: This is the first edition; there is no earlier edition to "
                     "compare with."]


def test_each_chain_prints_its_levels_once(handbook):
    outline = _outline(handbook)
    start = next(page for _, title, page in outline if title == "Complaints and problems beyond your limits")
    text = handbook.pages[start - 1].extract_text() + handbook.pages[start].extract_text()
    chain = text.split("Complaints and problems beyond your limits")[1].split("Referred to by")[0]
    assert chain.count("Levels") == 1
    assert chain.count("Team Lead") == 1, "once in the levels table, not again in a diagram"


def _index_text(handbook) -> str:
    start = {title: page for _, title, page in _outline(handbook)}["Index"]
    text = "\n".join(handbook.pages[index].extract_text() for index in range(start - 1, len(handbook.pages)))
    return re.sub(r",\s*\n", ", ", text)  # an entry's pages wrapped onto the next line, joined again


def _index_pages(index: str, title: str, kind: str) -> list[int]:
    match = re.search(rf"^{re.escape(title)}\s+{re.escape(kind)}\s+([\d, ]+)$", index, re.M)
    assert match, f"{title} ({kind}) is not in the index"
    return [int(number) for number in match.group(1).split(",")]


def test_index_lists_policies_terms_scripts_and_roles_with_their_pages(handbook):
    outline = {title: page for _, title, page in _outline(handbook)}
    index = _index_text(handbook)
    refunds = _index_pages(index, "Refunds", "policy")
    assert outline["Refunds"] in refunds, "the page the policy is on"
    assert len(refunds) > 2 and refunds == sorted(refunds), "and the pages that refer to it, in order"
    for page in refunds:
        assert "Refunds" in handbook.pages[page - 1].extract_text()
    hold = _index_pages(index, "Hold", "glossary term")
    assert hold[0] >= outline["Glossary"] and "Hold" in handbook.pages[hold[0] - 1].extract_text()
    assert outline["Putting a caller on hold"] in _index_pages(index, "Putting a caller on hold", "script")
    team_lead = _index_pages(index, "Team Lead", "role")
    assert "Team Lead" in handbook.pages[team_lead[0] - 1].extract_text()
    # Sorted the language's way, in groups under their letter.
    lines = index.splitlines()
    assert lines.index("R") < lines.index("S") and not any(line == "B" for line in lines)
    titles = [line for line in lines if re.match(r"^(Refunds|Returns and exchanges|Reaching out)", line)]
    assert [title.split()[0] for title in titles] == ["Reaching", "Refunds", "Returns"]


def test_tagged_pdf_with_metadata(handbook):
    root = handbook.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == "en-US"  # language and region, from manual.yaml's locale
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    tree = root["/StructTreeRoot"].get_object()
    kinds: set[str] = set()

    def walk(element, depth=0):
        element = element.get_object()
        if isinstance(element, dict) and "/S" in element:
            kinds.add(str(element["/S"]))
        children = element.get("/K") if isinstance(element, dict) else None
        if children is None or depth > 40:
            return
        for child in children if isinstance(children, list) else [children]:
            if hasattr(child, "get_object") and isinstance(child.get_object(), dict):
                walk(child, depth + 1)

    walk(tree)
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link", "/Figure"} <= kinds, kinds
    metadata = handbook.metadata
    assert metadata["/Title"] == "Harbourline Customer Care Manual (Complete edition)"
    assert metadata["/Author"] == "Harbourline Home Goods"
    assert "Complete edition" in metadata["/Subject"]
    assert metadata["/CreationDate"] == "D:20260921141320Z"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part>1<" in xmp and "pdfaid:part>2<" in xmp


def test_desk_card_is_two_full_sides(pdfs):
    card = PdfReader(pdfs / "desk-card.pdf")
    assert len(card.pages) == 2
    front, back = (re.sub(r"\s+", " ", page.extract_text()) for page in card.pages)
    assert "Who may approve what" in front and "Windows and limits" in front and "Where it goes" in front
    assert "30 days" in front, "the refund and return windows"
    # service-hours.yaml's part, on the front where the card had room: each line's hours, the always-open
    # line, the closures to come.
    assert "Opening hours" in front and "Every day, 08:00 to 20:00" in front
    assert "Open around the clock, every day" in front and "+1 555 0142 399" in front
    assert "All hours are America/Halifax time" in front
    assert "Response targets" in back and "Putting a caller on hold" in back
    # Contacts close the front, where the card has room for them since it measures with the fonts.
    assert "Contacts" in front and "Contacts" not in back
    # A heading may wrap in its column (never hyphenated), so compare words, not lines.
    assert "Handing a contact to a supervisor" in " ".join(back.split())
    # Each number once on the card: the lines with hours on the front, the rest under Contacts.
    assert (front + back).count("+1 555 0142 300") == 1 and front.count("care@harbourline.example") == 1
    assert "care@harbourline.example" not in back and "Supervisor line" in front and "+1 555 0142 310" in front
    assert "Side 2 of 2" in back
    # The card never hyphenates: Typst marks a hyphenation point it breaks at with a soft hyphen.
    assert "\u00ad" not in front + back and "immedi-" not in front + back


def test_desk_card_leaves_out_what_does_not_fit_lowest_priority_first(small_manual):
    """Rows past two sides are left out from the end (the last part listed), each named with where staff
    find it; what is kept still fits."""

    from deskbook.handbook.card import desk_card_layout

    scripts = tuple(script.id for script in small_manual.entities("script"))
    spec = DeskCardSpec(parts=("authority", "routing", "contacts", "scripts"), scripts=scripts * 40)
    layout = desk_card_layout(small_manual, spec, PrintOptions())
    assert layout.left_out, "forty copies of every script cannot fit on two sides"
    assert {block.listed for block in layout.left_out} == {"scripts"}
    assert all(re.fullmatch(r"scripts/[\w-]+\.md", block.where.src_uri) for block in layout.left_out)
    assert [part["t"] for part in layout.data["parts"]][:2] == ["list", "list"], "the parts listed first are kept"


def test_log_form_is_one_page_to_write_on(pdfs):
    form = PdfReader(pdfs / "log-form.pdf")
    assert len(form.pages) == 1
    text = form.pages[0].extract_text()
    for label in ("SUMMARY", "ACTIONS TAKEN", "FOLLOW-UP", "CUSTOMER"):
        assert label in text
    # The closed lists of logging.yaml print as tick boxes with their answers, a line for who logs it,
    # the edition in the footer.
    text = " ".join(text.split())
    assert "CHANNEL * (tick one)" in text and "OUTCOME * (tick one)" in text
    assert "Resolved" in text and "Waiting for the customer" in text and "Needs a management decision" in text
    assert "REPRESENTATIVE *" in text and "Edition 1" in text
    closed_paths = re.findall(rb"\sh\s", form.pages[0].get_contents().get_data())  # a box is a closed path
    assert len(closed_paths) >= 6 + 6 + 4, "a box for every channel, category and outcome"


def test_edition_leaves_out_what_its_audience_excludes(pdfs, handbook):
    # The pages themselves: what the contents and bookmarks list (a reference to a left-out page may
    # still name it, without a link).
    complete = [title for _, title, _ in _outline(handbook)]
    rep = [title for _, title, _ in _outline(PdfReader(pdfs / "handbook-rep.pdf"))]
    supervisor = [title for _, title, _ in _outline(PdfReader(pdfs / "handbook-supervisor.pdf"))]
    manager_only = "How we set and improve our standards"
    supervisors_and_managers = "Key accounts and large orders"
    assert manager_only in complete and supervisors_and_managers in complete
    assert manager_only not in rep and supervisors_and_managers not in rep
    assert manager_only not in supervisor and supervisors_and_managers in supervisor
    assert "Representative edition" in PdfReader(pdfs / "handbook-rep.pdf").pages[0].extract_text()


def test_site_links_every_pdf(built_example):
    downloads = (built_example / "site" / "downloads.html").read_text()
    for name in ["handbook", "handbook-rep", "handbook-supervisor", "desk-card", "log-form"]:
        assert f'href="pdf/{name}.pdf"' in downloads


@pytest.fixture(scope="module")
def small_manual(tmp_path_factory):
    return load_manual_or_raise(write_synthetic_content(tmp_path_factory.mktemp("small") / "content", 6))


def _data_with(manual, node):
    data = handbook_data(manual, EditionSpec("h", "Test"), PrintOptions())
    data["chapters"][0]["articles"][0]["blocks"].insert(0, node)
    return data


@pytest.mark.parametrize(
    "source",
    ["file:///etc/hostname", "http://127.0.0.1:9/x.png", "/etc/passwd", "../../../../etc/hostname",
     "assets/../../secret.svg", "../content-elsewhere/logo.svg"],
)
def test_images_outside_the_assets_fail_and_keep_the_old_pdf(small_manual, tmp_path, source):
    target = tmp_path / "h.pdf"
    target.write_bytes(b"%PDF previous")
    data = _data_with(small_manual, {"t": "img", "src": source, "alt": "x"})
    with pytest.raises(PrintError, match="refused to read"):
        render_pdf("handbook.typ", data, small_manual.content_dir, target, build_datetime())
    assert target.read_bytes() == b"%PDF previous"
    assert not list(tmp_path.glob(".h.*"))


def test_missing_image_fails_and_names_it(small_manual, tmp_path):
    data = _data_with(small_manual, {"t": "img", "src": "assets/no-such-logo.png", "alt": "x"})
    with pytest.raises(PrintError, match=r"no-such-logo\.png does not exist"):
        render_pdf("handbook.typ", data, small_manual.content_dir, tmp_path / "x.pdf", build_datetime())
    assert not (tmp_path / "x.pdf").exists()


def test_missing_glyph_fails_with_the_character_and_how_to_add_a_font(small_manual, tmp_path):
    # A private-use character: no font anywhere has it, so it would be dropped silently.
    data = _data_with(small_manual, {"t": "p", "c": ["Refund policy \ue123"]})
    with pytest.raises(PrintError, match=r"U\+E123 '.'.*Refund policy.*add a font that has it: .*fonts/ folder"):
        render_pdf("handbook.typ", data, small_manual.content_dir, tmp_path / "x.pdf", build_datetime())


def test_a_typst_error_names_the_pdf_and_keeps_the_previous_one(small_manual, tmp_path):
    target = tmp_path / "h.pdf"
    target.write_bytes(b"%PDF previous")
    data = _data_with(small_manual, {"t": "p", "c": [{"t": "ref", "to": "no-such-anchor", "c": ["x"]}]})
    message = r"h\.pdf: Typst could not lay it out: label `<no-such-anchor>` does not exist"
    with pytest.raises(PrintError, match=message):
        render_pdf("handbook.typ", data, small_manual.content_dir, target, build_datetime())
    assert target.read_bytes() == b"%PDF previous"
    assert [path.name for path in tmp_path.iterdir()] == ["h.pdf"]


def test_typst_lays_out_in_its_own_process_and_its_memory_leaves_with_it(tmp_path):
    """Typst never frees its layout cache; the build process must not hold it (1 GiB for three editions)."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path\n"
        "from bench.synthetic import write_synthetic_content\n"
        "from deskbook.clock import build_datetime\n"
        "from deskbook.handbook import EditionSpec, PrintOptions, handbook_data, render_pdf\n"
        "from deskbook.pipeline import load_checked_manual\n"
        "manual = load_checked_manual(write_synthetic_content(Path(sys.argv[1]) / 'content', 6))\n"
        "data = handbook_data(manual, EditionSpec('h', 'Test'), PrintOptions())\n"
        "pdf = render_pdf('handbook.typ', data, manual.content_dir, Path(sys.argv[1]) / 'h.pdf', build_datetime())\n"
        "print(pdf.pages, 'typst' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    finished = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                              cwd=root, env={"PYTHONPATH": f"{root}:{root / 'plugins'}"}, check=True)
    pages, imported = finished.stdout.split()
    assert int(pages) > 5 and imported == "False"


def test_the_glyph_table_matches_the_shipped_fonts():
    from deskbook.handbook.glyphs import COVERAGE, coverage_from_fonts, coverage_ranges

    assert COVERAGE.read_text(encoding="ascii") == coverage_ranges(coverage_from_fonts()), (
        "fonts/coverage.txt is stale: run python -m deskbook.handbook.glyphs"
    )


@pytest.mark.parametrize("bold", [False, True])
def test_the_card_reads_the_fonts_as_fonttools_does(bold):
    """font_metrics reads the card's faces with struct; fontTools reads them whole."""
    from fontTools.ttLib import TTFont

    from deskbook.handbook.font_metrics import FACES, face
    from deskbook.handbook.glyphs import FONTS

    font = TTFont(str(FONTS / FACES[bold]))
    per_em, metrics = font["head"].unitsPerEm, font["hmtx"]
    expected = {code: metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items() if glyph != ".notdef"}
    assert face(bold).advances == expected
    assert face(bold).line_top == font["OS/2"].sTypoAscender / per_em  # DejaVu's OS/2 (version 1) has no cap height


def test_text_that_looks_like_typst_prints_as_text(small_manual, tmp_path):
    hostile = '#panic("x") $ x^2 $ = Heading <label> @ref #read("/etc/passwd") * _ ` \\ // /* ]'
    data = _data_with(small_manual, {"t": "p", "c": [hostile]})
    render_pdf("handbook.typ", data, small_manual.content_dir, tmp_path / "x.pdf", build_datetime())
    assert hostile in re.sub(r"\s+", " ", _text(PdfReader(tmp_path / "x.pdf")))


def test_two_builds_are_byte_identical(small_manual, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    digests = []
    for attempt in range(2):
        data = handbook_data(small_manual, EditionSpec("h", "Test"), PrintOptions(printed=build_datetime()))
        target = tmp_path / f"{attempt}.pdf"
        render_pdf("handbook.typ", data, small_manual.content_dir, target, build_datetime())
        digests.append(hashlib.sha256(target.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_page_size_letter(small_manual, tmp_path):
    data = handbook_data(small_manual, EditionSpec("h", "Test"), PrintOptions(page_size="Letter"))
    render_pdf("handbook.typ", data, small_manual.content_dir, tmp_path / "letter.pdf", build_datetime())
    box = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_headings_print_in_the_brand_colour_made_readable(small_manual, tmp_path):
    from deskbook.handbook.specs import print_colours
    from deskbook.model.manual_settings import BrandColours

    for primary, expected in (("#8b0000", "0.54509807 0 0 scn"), ("#ffcc00", "0.54901963 0.4392157 0 scn")):
        data = handbook_data(small_manual, EditionSpec("h", "Test"), PrintOptions())
        data["colours"] = print_colours(BrandColours(primary=primary))
        render_pdf("handbook.typ", data, small_manual.content_dir, tmp_path / "brand.pdf", build_datetime())
        first_chapter = PdfReader(tmp_path / "brand.pdf").pages[2].get_contents().get_data().decode("latin-1")
        # The chapter heading's rule and text are drawn in it (a pale yellow deepened to #8c7000).
        assert first_chapter.count(expected) >= 2, primary


def test_desk_card_parts_are_configurable(small_manual):
    data = desk_card_data(small_manual, DeskCardSpec(parts=("contacts",), scripts=()), PrintOptions())
    assert [part["source"] for part in data["parts"]] == ["contacts"]


def _fill_colours(pdf: Path) -> set[str]:
    """The fill colours a PDF's pages paint with, as #rrggbb."""
    found = set()
    for page in PdfReader(pdf).pages:
        stream = page.get_contents().get_data().decode("latin-1")
        for red, green, blue in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) scn\b", stream):
            found.add("#" + "".join(f"{round(float(value) * 255):02x}" for value in (red, green, blue)))
    return found


def test_card_and_form_take_the_brand_colour_kept_readable(tmp_path):
    from deskbook.colours import WHITE, contrast
    from deskbook.handbook.card import log_form_data

    content = write_synthetic_content(tmp_path / "content", 3)
    manual_yaml = content / "manual.yaml"
    # A yellow too light for text on white (1.5:1): headings and labels print in a darker shade of it.
    manual_yaml.write_text(manual_yaml.read_text() + "colours:\n  primary: '#ffcc00'\n")
    manual = load_manual_or_raise(content)
    card = desk_card_data(manual, DeskCardSpec(), PrintOptions())
    accent = card["colours"]["accent"]
    assert accent != "#ffcc00" and contrast(accent, WHITE) >= 4.5
    render_pdf("desk-card.typ", card, manual.content_dir, tmp_path / "card.pdf", build_datetime())
    render_pdf("log-form.typ", log_form_data(manual, PrintOptions()), manual.content_dir, tmp_path / "form.pdf",
               build_datetime())
    for pdf in ("card.pdf", "form.pdf"):
        colours = _fill_colours(tmp_path / pdf)
        assert accent in colours, (pdf, colours)
        assert "#0b4f6c" not in colours, "no teal left over from the default"


def _body_lines(page) -> list[str]:
    """A page's printed lines without its running head and foot."""
    lines = [line for line in page.extract_text().splitlines() if line.strip()]
    return lines[1:-1]


@pytest.mark.parametrize("edition", ["handbook", "handbook-supervisor"])
def test_no_chapter_ends_on_a_page_of_a_few_stray_lines(pdfs, edition):
    reader = PdfReader(pdfs / f"{edition}.pdf")
    starts = sorted({page for depth, _, page in _outline(reader) if depth == 0})
    bounds = starts + [len(reader.pages) + 1]
    checked = 0
    for first, following in zip(bounds, bounds[1:]):
        last = following - 1
        if last > first:
            checked += 1
            assert len(_body_lines(reader.pages[last - 1])) >= 6, f"{edition} page {last} ends a chapter"
    assert checked >= 5


def test_each_chapters_pages_and_overview_table_follow_one_order(handbook):
    """Issue 17: the book once ordered its pages by file id and its overview tables by title, so the page
    numbers down a table jumped (15, 15, 17, 13, ...). Now one order holds: under each chapter the
    entities' pages rise, and the chapter's overview table (its first page) lists them in that order."""
    outline = _outline(handbook)
    chapters: list[tuple[str, int, list[tuple[str, int]]]] = []
    for depth, title, page in outline:
        if depth == 0:
            chapters.append((title, page, []))
        elif chapters:
            chapters[-1][2].append((title, page))
    checked = 0
    for chapter, start, entities in chapters:
        pages = [page for _, page in entities]
        assert pages == sorted(pages), f"{chapter}: its entities' pages go back and forth: {entities}"
        if len(entities) < 2:
            continue
        # The overview is the chapter's first text; a cell's words wrap and hyphenate across lines.
        # (The overview may run on over the next pages, after the decision and routing tables.)
        first_page = "".join(handbook.pages[index].extract_text() for index in (start - 1, start, start + 1))
        overview = re.sub(r"\s+", " ", re.sub(r"-\s*\n", "", first_page))
        # The titles stand in the overview in page order; a table above it (the routing table above the
        # chains) may name some of them first, so each is looked for after the one before it.
        position, found = 0, []
        for title, _ in entities:
            at = overview.find(title, position)
            if at >= 0:
                found.append(title)
                position = at + len(title)
        listed = [title for title, _ in entities if title in overview]
        assert found == listed, f"{chapter}: the overview table's order is not the pages' order"
        checked += len(found) >= 2
    assert checked >= 5, "the chapters' overview tables were found"


@pytest.mark.parametrize("name", ["handbook", "handbook-rep", "desk-card", "log-form"])
def test_poppler_and_qpdf_read_every_pdf_without_a_word(pdfs, name):
    """pdfinfo used to say "Syntax Error: Suspects object is wrong type (boolean)" for every PDF."""
    import subprocess

    for command in (["pdfinfo"], ["qpdf", "--check"]):
        finished = subprocess.run([*command, str(pdfs / f"{name}.pdf")], capture_output=True, text=True, check=False)
        assert finished.returncode == 0 and finished.stderr == "", (command, finished.stderr)
    assert "No syntax or stream encoding errors" in finished.stdout


def test_escalation_chains_print_their_levels_on_the_card(tmp_path, repo_root):
    """The part prints each chain's levels: who takes the case, how soon, and when it goes on."""
    manual = load_manual_or_raise(repo_root / "tests" / "fixtures" / "isp" / "content")
    data = desk_card_data(manual, DeskCardSpec(parts=("escalation-chains",)), PrintOptions())
    render_pdf("desk-card.typ", data, manual.content_dir, tmp_path / "card.pdf", build_datetime())
    text = " ".join(PdfReader(tmp_path / "card.pdf").pages[0].extract_text().split())
    assert "Outages and line faults" in text
    assert "2. Network Operations Centre Takes it up within 2 hours" in text
    assert "Passes on when: The fault is found and the customer wants a credit" in text
    assert "\u00ad" not in text


def _words_outside(pdf: Path, margin_mm: float) -> list[tuple[int, str]]:
    """Every word box (pdftotext -bbox) that reaches into the side margins, by more than the punctuation
    Typst hangs into them (3 pt)."""
    import subprocess

    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    margin = margin_mm * 72 / 25.4
    outside, page, width = [], 0, 0.0
    for line in boxes.splitlines():
        if found := re.search(r'<page width="([\d.]+)"', line):
            page, width = page + 1, float(found[1])
        elif found := re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line):
            if float(found[1]) < margin - 3 or float(found[2]) > width - margin + 3:
                outside.append((page, found[3]))
    return outside


def test_a_long_rule_keeps_the_value_column_on_the_page(example_project, tmp_path):
    """One rule long enough to fill lines used to push the Value column past the border ("30 / min- /
    utes"); column widths now come from content: every word inside the text area, values whole."""
    refunds = example_project / "content" / "policies" / "refunds.yaml"
    long_rule = "A refund can be requested within the refund window, " * 6 + "counted from the day of purchase."
    refunds.write_text(refunds.read_text().replace(
        "A refund can be requested within the refund window, counted from the day of purchase.", long_rule))
    manual = load_manual_or_raise(example_project / "content")
    data = handbook_data(manual, EditionSpec("handbook", "Complete edition"), PrintOptions())
    render_pdf("handbook.typ", data, manual.content_dir, tmp_path / "h.pdf", build_datetime())
    assert _words_outside(tmp_path / "h.pdf", 20) == []
    text = _text(PdfReader(tmp_path / "h.pdf"))
    assert "30 days" in text and "\u00ad" not in text.split("Rule")[-1].split("Related")[0]


def test_a_chapter_with_nothing_to_print_is_left_out(tmp_path):
    """With no products, the Products chapter was a heading over a table head and no rows, on a page of
    its own; it is left out, and the chapters around it stay."""
    content = write_synthetic_content(tmp_path / "content", 4)
    for product in (content / "products").glob("*.yaml"):
        product.unlink()
    manual = load_manual_or_raise(content)
    titles = [chapter["title"] for chapter in handbook_data(manual, EditionSpec("h", "T"), PrintOptions())["chapters"]]
    assert "Products" not in titles
    assert {"Company", "Policies", "Escalation", "Response times", "Glossary"} <= set(titles)
