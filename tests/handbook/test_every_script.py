"""A Japanese (ja_JP, JPY) and an Arabic (ar_SA, SAR) company build the site and every PDF with the glyph
check on, each with a catalogue of Deskbook's words made the README's way (``pybabel init``), and every
character of their content comes back out of the PDFs. The fonts for CJK come from Debian's
fonts-noto-cjk (``make test`` installs it), chosen by handbook/print_fonts.py.
"""

from __future__ import annotations

import re
import unicodedata
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from deskbook.cli import main
from deskbook.handbook.bidi import LRI, PDI, isolate_ltr_runs
from deskbook.handbook.print_fonts import SYSTEM_FONT_DIRS, choose_fonts
from projects import BUILD_EPOCH, REPO_ROOT, build_project

FIXTURES = REPO_ROOT / "tests" / "fixtures"
# Every PDF a build writes: the editions, the card, the log form and one acknowledgement sheet per audience.
PDFS = ("handbook.pdf", "handbook-supervisor.pdf", "desk-card.pdf", "log-form.pdf", "acknowledgement-supervisor.pdf")
# Right-to-left embeddings pdftotext puts around what it reads back, and line breaks.
_LAYOUT = re.compile(r"[\u202a-\u202e\u2066-\u2069\s]+")


def _built(name: str, tmp_path_factory, monkeypatch) -> Path:
    project = tmp_path_factory.mktemp(name) / "project"
    shutil.copytree(FIXTURES / name, project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    assert build_project(project) == 0, f"the {name} fixture builds with --strict"
    return project


@pytest.fixture(scope="module")
def japanese(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        yield _built("japanese", tmp_path_factory, patch)


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        yield _built("arabic", tmp_path_factory, patch)


def _text(pdf: Path) -> str:
    """What poppler reads back, without the layout: the characters in reading order."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return _LAYOUT.sub("", out.stdout)


def _fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _squeezed(text: str) -> str:
    return _LAYOUT.sub("", text)


def test_japanese_pdfs_print_every_character_with_bold_headings(japanese):
    pdf_dir = japanese / "site" / "pdf"
    assert sorted(path.name for path in pdf_dir.glob("*.pdf")) == sorted(PDFS)
    handbook = _text(pdf_dir / "handbook.pdf")
    assert "目次" in handbook  # the project's catalogue: "Contents"
    assert _squeezed("有効なレシートがあれば、当店で購入したものは") in handbook
    assert "2026年11月1日" in handbook  # Deskbook's own date, in Japanese
    assert any(name.startswith("NotoSansCJKjp-Bold") for name in _fonts(pdf_dir / "handbook.pdf"))
    card = _text(pdf_dir / "desk-card.pdf")
    # What staff say is quoted the Japanese way, from the catalogue's quotation marks.
    assert "「担当の部署におつなぎします。" in card and "ありません。」" in card
    assert "“" not in card
    assert "問い合わせ記録" in _text(pdf_dir / "log-form.pdf")
    assert PdfReader(pdf_dir / "handbook.pdf").trailer["/Root"]["/Lang"] == "ja-JP"


def test_arabic_pdfs_print_every_character_right_to_left(arabic):
    pdf_dir = arabic / "site" / "pdf"
    assert sorted(path.name for path in pdf_dir.glob("*.pdf")) == sorted(PDFS)
    handbook = _text(pdf_dir / "handbook.pdf")
    # Phrases without the lam-alef ligature: poppler reads it back as two letters in the wrong order.
    for phrase in ("استرداد المبالغ", "مدير خدمة", "المحتويات", "Visa", "HB-2041"):
        assert _squeezed(phrase) in handbook, phrase
    card = _text(pdf_dir / "desk-card.pdf")
    assert _squeezed("سأحولك") in card and "HB-2041" in card
    assert "←" in card  # the onward arrow points the way Arabic reads
    assert PdfReader(pdf_dir / "handbook.pdf").trailer["/Root"]["/Lang"] == "ar-SA"


def test_arabic_handbook_keeps_every_word_inside_the_text_area(arabic):
    """The chain diagrams included: their labels once ran out of their boxes and off the text area to the
    right, where Typst's SVG renderer drew right-to-left text from the box's right edge onwards."""
    page_width, margin = 595.28, 56.69  # A4, and the handbook's 20 mm side margins
    hanging = 3.0  # punctuation may hang into the margin (Typst's overhang)
    bbox = subprocess.run(["pdftotext", "-bbox", str(arabic / "site" / "pdf" / "handbook.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    outside = []
    for number, page in enumerate(bbox.split("<page ")[1:], start=1):
        for left, right, word in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', page):
            if float(left) < margin - hanging or float(right) > page_width - margin + hanging:
                outside.append(f"page {number}: {word} ({float(left):.0f}-{float(right):.0f} pt)")
    assert outside == []


def test_check_names_the_line_of_a_character_no_font_has_and_how_to_add_one(tmp_path, capfd):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "japanese", project)
    policy = project / "content" / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("title: 返金", "title: 返金\ue123"),
                      encoding="utf-8")
    assert main(["check", "-f", str(project / "mkdocs.yml")]) == 1
    captured = capfd.readouterr()
    out = captured.out + captured.err
    assert re.search(r"content/policies/refunds\.yaml:3:8: error: no print font has a glyph for U\+E123", out)
    assert "put a .otf or .ttf file that has it in the project's fonts/ folder" in out
    assert "apt-get install fonts-noto-core" in out


def test_a_font_in_the_project_folder_comes_before_the_installed_ones(tmp_path):
    installed = sorted(path for folder in SYSTEM_FONT_DIRS for path in folder.rglob("NotoSansCJK-*.ttc"))
    assert installed, "fonts-noto-cjk is installed for the tests (SYSTEM_PACKAGES_TEST in the Makefile)"
    (tmp_path / "fonts").mkdir()
    for path in installed:
        (tmp_path / "fonts" / path.name).symlink_to(path)
    chosen = choose_fonts(["返金の期間"], "ja_JP", tmp_path)
    assert chosen.families == ("Noto Sans CJK JP",)
    assert [path.name for path in chosen.files] == ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"]
    assert all(path.parent == tmp_path / "fonts" for path in chosen.files)
    assert not chosen.missing


def test_the_face_named_in_the_manuals_language_is_chosen():
    assert choose_fonts(["返金"], "zh_TW", None).families == ("Noto Sans CJK TC",)
    assert choose_fonts(["返金"], "ko_KR", None).families == ("Noto Sans CJK KR",)
    assert choose_fonts(["Refunds"], "en_US", None).families == ()  # the shipped fonts draw it


def test_left_to_right_runs_are_isolated_with_their_punctuation_outside():
    assert isolate_ltr_runs("رقم طلبك هو HB-2041.") == f"رقم طلبك هو {LRI}HB-2041{PDI}."
    assert isolate_ltr_runs("بطاقة Visa أو Mada.") == f"بطاقة {LRI}Visa{PDI} أو {LRI}Mada{PDI}."
    assert isolate_ltr_runs("عربي فقط 41") == "عربي فقط 41"  # digits alone read right in Arabic
    assert isolate_ltr_runs("Left in English.") == f"{LRI}Left in English.{PDI}"  # its full stop with it


# -- list marks, line breaking and sentences of several pieces (the rest of issue 20) ---------------------

def test_lists_are_numbered_in_the_digits_of_the_locales_default_numbering_system():
    from babel import Locale, localedata

    from deskbook.locale import localization

    assert localization("ar_SA", "SAR").list_marks.number(12) == "١٢."  # CLDR: ar_SA counts in arab digits
    assert localization("ar_EG", "EGP").list_marks.number(3) == "٣."
    assert localization("fa_IR", "IRR").list_marks.number(40) == "۴۰."  # arabext, the Persian digits
    assert localization("ar_MA", "MAD").list_marks.number(3) == "3."  # Morocco counts in Latin digits
    assert localization("ja_JP", "JPY").list_marks.number(3) == "3."
    english = localization("en_US", "USD").list_marks
    assert (english.number(10), english.bullet) == ("10.", "•")
    # Every default numbering system CLDR gives a locale yields its ten digits, zero to nine, in one script.
    systems = {Locale.parse(name).default_numbering_system for name in localedata.locale_identifiers()}
    for system in systems:
        digits = localization_digits(system)
        assert [unicodedata.decimal(digit) for digit in digits] == list(range(10)), system
        assert system == "latn" or digits != "0123456789", system


def localization_digits(system: str) -> str:
    from deskbook.locale.formats import numbering_digits

    return numbering_digits(system)


def test_arabic_pdfs_number_lists_in_arabic_digits_and_say_their_region(arabic):
    pdf_dir = arabic / "site" / "pdf"
    handbook = _text(pdf_dir / "handbook.pdf")
    # The script's steps and the procedure's steps (pdftotext reads the mark right to left: ".١").
    assert ".١" in handbook and ".٢" in handbook
    assert not re.search(r"(?<![\d,])[12]\.(?!\d)", handbook.replace("2.1", ""))  # no Latin item numbers
    for name in ("desk-card.pdf", "log-form.pdf", "acknowledgement-supervisor.pdf"):
        assert PdfReader(pdf_dir / name).trailer["/Root"]["/Lang"] == "ar-SA", name


def test_japanese_lists_take_the_catalogues_bullet(japanese):
    handbook = _text(japanese / "site" / "pdf" / "handbook.pdf")
    assert "・Thecontentsatthefront" in handbook  # "How to use this book", a bulleted list
    assert "•" not in handbook


def test_a_line_break_in_japanese_source_text_prints_no_space(japanese):
    """onboarding.yaml breaks its summary after 。; printed as a space, justification stretched it."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(japanese / "site" / "pdf" / "handbook.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert "応対しません。準備" in out


def test_an_english_sentence_of_several_pieces_reads_in_order_in_the_arabic_handbook(arabic):
    """The script page's hint, left in English by the Arabic catalogue, is text, a blank and text: isolated
    piece by piece, the three were laid out right to left ("are yours ... contact.[brackets]Words in")."""
    handbook = _text(arabic / "site" / "pdf" / "handbook.pdf")
    assert "Wordsin[brackets]areyourstofillinduringthecontact." in handbook


def test_a_left_to_right_run_across_links_and_emphasis_is_one_isolate():
    from deskbook.handbook.bidi import isolate_line

    line = ["المسؤول ", {"t": "ref", "to": "role-x", "c": ["Care", " ", {"t": "em", "c": ["Manager"]}]}, "."]
    isolate_line(line)
    assert line == ["المسؤول ", {"t": "ref", "to": "role-x", "c": [f"{LRI}Care", " ", {"t": "em", "c": [f"Manager{PDI}"]}]},
                    "."]
    # A badge is a box of its own; code takes no mark inside it, so the isolate goes around it.
    line = ["الطلب ", {"t": "badge", "c": ["HB-2041"]}, " و", {"t": "code", "s": "refund-42"}, "."]
    isolate_line(line)
    assert line == ["الطلب ", {"t": "badge", "c": [f"{LRI}HB-2041{PDI}"]}, " و", LRI, {"t": "code", "s": "refund-42"},
                    PDI, "."]


@pytest.mark.browser
def test_the_sites_lists_and_lines_follow_the_language(browser, arabic, japanese):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        styles = """() => ({
            ol: [...document.querySelectorAll('.md-content ol')].map(e => getComputedStyle(e).listStyleType),
            ul: getComputedStyle(document.querySelector('.md-content ul')).listStyleType,
            lineBreak: getComputedStyle(document.querySelector('.md-typeset')).lineBreak,
            counters: [...document.styleSheets].filter(s => s.ownerNode.tagName === 'STYLE').flatMap(s => [...s.cssRules])
                .filter(r => r instanceof CSSCounterStyleRule).map(r => r.symbols),
            wide: document.documentElement.scrollWidth,
        })"""
        page.goto((arabic / "site" / "scripts" / "transfer.html").as_uri())
        shown = page.evaluate(styles)
        assert shown["ol"] == ["deskbook-numbers"] and shown["counters"] == ['"٠" "١" "٢" "٣" "٤" "٥" "٦" "٧" "٨" "٩"']
        assert shown["wide"] == 390  # nothing runs off the phone
        page.goto((japanese / "site" / "scripts" / "transfer.html").as_uri())
        shown = page.evaluate(styles)
        assert shown == {"ol": ["decimal"], "ul": '"・ "', "lineBreak": "strict", "counters": [], "wide": 390}
    finally:
        page.close()


@pytest.mark.browser
def test_the_arabic_knowledge_check_counts_in_the_manuals_digits(browser, arabic):
    """The quiz's script writes its counts ("1 of 3 answered", the score) in the digits the rest of the
    page uses, from the page's words."""
    page = browser.new_page()
    try:
        page.goto((arabic / "site" / "training" / "knowledge-checks.html").as_uri())
        question = page.locator("form.deskbook-question").first
        question.locator(f"input[value='{question.get_attribute('data-answer')}']").check()
        question.locator("button").click()
        counts = page.locator(".deskbook-quiz-progress").inner_text() + page.locator(".deskbook-score").inner_text()
        assert "١" in counts and not re.search("[0-9]", counts), counts
    finally:
        page.close()


def test_an_arabic_call_logs_time_is_in_the_manuals_digits_as_its_date_is(arabic):
    page = (arabic / "site" / "call-logs" / "refund-exception.html").read_text(encoding="utf-8")
    cell = re.search(r'<td class="deskbook-date">(.*?)</td>', page, re.S).group(1)
    assert "١٦:٣٠" in cell and not re.search("[0-9]", re.sub(r"<[^>]*>", "", cell)), cell


# -- one digit style, and left-to-right text in a right-to-left manual ------------------------------------

def _words_on(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(x, y, word) of each word poppler finds on a page, in the PDF's own coordinates."""
    bbox = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(float(x), float(y), word) for x, y, word in
            re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', bbox)]


def test_the_arabic_pdfs_write_every_number_in_arabic_indic_digits(arabic):
    pdf_dir = arabic / "site" / "pdf"
    handbook = _text(pdf_dir / "handbook.pdf")
    pages = len(PdfReader(pdf_dir / "handbook.pdf").pages)
    assert _squeezed(f"الصفحة ٢ من {''.join('٠١٢٣٤٥٦٧٨٩'[int(d)] for d in str(pages))}") in handbook  # "Page X of Y"
    assert "طبعفي٢١سبتمبر٢٠٢٦" in handbook  # the day it was printed, at each page's foot
    assert "(انظرالصفحة)٩" in handbook  # a see-page reference (poppler reads its digit after the bracket)
    # The contents' page numbers; above the foot, which holds the edition's number as manual.yaml writes it.
    contents = [word for _, y, word in _words_on(pdf_dir / "handbook.pdf", 2) if y < 760 and word != "500"]
    assert "١٦" in contents and not [word for word in contents if re.search("[0-9]", word)]
    # The content's own digits are the company's: the policy's version and "30 يومًا" stay as typed.
    assert "2.1" in handbook and "30يو" in handbook
    card = _text(pdf_dir / "desk-card.pdf")
    assert "الوجه١من٢" in card  # "side 1 of 2"


def test_a_left_to_right_paragraph_in_the_arabic_handbook_starts_at_the_left_margin(arabic):
    pdf = arabic / "site" / "pdf" / "handbook.pdf"
    margin = 56.69  # the handbook's 20 mm side margin
    for page in range(1, len(PdfReader(pdf).pages) + 1):
        words = _words_on(pdf, page)
        if any(word == "supervisor" for _, _, word in words):
            break
    line_y = next(y for x, y, word in words if word == "checks")
    line = sorted((x, word) for x, y, word in words if abs(y - line_y) < 1)
    assert [word for _, word in line][:3] == ["A", "supervisor", "checks"]
    assert abs(line[0][0] - margin) < 1  # it starts at the left edge, not the right
    assert line[-1][1] == "ships."  # its full stop at its end


def test_a_left_to_right_title_reads_in_order_in_the_arabic_contents_and_bookmarks(arabic):
    pdf = arabic / "site" / "pdf" / "handbook.pdf"
    words = _words_on(pdf, 2)  # the contents
    line_y = next(y for x, y, word in words if word == "Orders")
    order = [word for _, word in sorted((x, word) for x, y, word in words if abs(y - line_y) < 1)]
    english = [word for word in order if word.isascii() and word.isalpha()]
    assert english == ["Orders", "over", "and", "key", "accounts"]
    title = "Orders over ر.س 500 and key accounts"
    titles = [entry.title for entry in _flat(PdfReader(pdf).outline)]
    assert f"\u2068{title}\u2069" in titles and "استرداد المبالغ" in titles  # an Arabic title needs no isolate
    index = _words_on(pdf, len(PdfReader(pdf).pages))
    index_y = next(y for x, y, word in index if word == "Orders")
    assert [word for _, word in sorted((x, word) for x, y, word in index if abs(y - index_y) < 1)
            if word.isascii() and word.isalpha()] == english  # the entry's kind is smaller, a line of its own here


def _flat(outline: list) -> list:
    return [entry for item in outline for entry in (_flat(item) if isinstance(item, list) else [item])]


def test_paragraphs_take_the_direction_of_their_first_strong_character():
    from deskbook.handbook.bidi import FSI, first_strong_direction, isolate_embedded_ltr, isolated_title

    assert first_strong_direction("A supervisor checks every order.") == "ltr"
    assert first_strong_direction("٣ مشرفين check it") == "rtl"  # digits are not strong
    assert first_strong_direction(f"{LRI}Visa{PDI} بطاقة") == "rtl"  # an isolate's text is passed over (P2)
    assert first_strong_direction("١٢٣ - 45") is None
    assert isolated_title("Orders over ر.س 500") == f"{FSI}Orders over ر.س 500{PDI}"
    assert isolated_title("استرداد المبالغ") == "استرداد المبالغ"
    data = {"chapters": [{"title": "Metrics", "articles": []}], "index": [], "blocks": [
        {"t": "p", "c": ["Left in ", {"t": "em", "c": ["English"]}, "."]},
        {"t": "p", "c": ["بطاقة Visa."]},
        {"t": "table", "head": [], "rows": [[{"c": ["Owner"]}, {"c": [{"t": "badge", "c": ["مدير"]}]}]]},
    ]}
    isolate_embedded_ltr(data)
    english, arabic, table = data["blocks"]
    assert english == {"t": "p", "c": ["Left in ", {"t": "em", "c": ["English"]}, "."], "dir": "ltr"}  # not isolated
    assert arabic == {"t": "p", "c": [f"بطاقة {LRI}Visa{PDI}."]}
    assert table["rows"][0][0] == {"c": ["Owner"], "dir": "ltr"} and "dir" not in table["rows"][0][1]
    assert data["chapters"][0]["title"] == f"{FSI}Metrics{PDI}"
    card = {"parts": [{"t": "list", "rows": [{"label": "Orders over ر.س 500", "value": "١ working days", "note": ""}]}]}
    isolate_embedded_ltr(card)
    assert card["parts"][0]["rows"][0] == {"label": f"{FSI}Orders over ر.س 500{PDI}", "value": f"{FSI}١ working days{PDI}",
                                           "note": ""}


@pytest.mark.browser
def test_a_left_to_right_paragraph_and_title_read_in_order_on_the_arabic_site(browser, arabic):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto((arabic / "site" / "policies" / "large-orders.html").as_uri())
        shown = page.evaluate("""() => {
            const rects = node => [...node.textContent].map((_, i) => {
                const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
                return range.getBoundingClientRect();
            });
            const paragraph = [...document.querySelectorAll('.md-content p')]
                .find(p => p.textContent.startsWith('A supervisor'));
            const chars = rects(paragraph.firstChild);
            const box = paragraph.getBoundingClientRect();
            const link = document.querySelector('.md-nav--primary a.md-nav__link--active .md-ellipsis');
            const word = w => { const text = link.firstChild, at = text.textContent.indexOf(w);
                const range = document.createRange(); range.setStart(text, at); range.setEnd(text, at + w.length);
                return range.getBoundingClientRect().left; };
            return {
                start: chars[0].left - box.left, fullStopLast: chars.at(-1).right >= Math.max(...chars.map(r => r.right)),
                menu: ['Orders', 'over', 'and', 'key'].map(word), menuAlign: getComputedStyle(link).textAlign,
                date: document.querySelector('.md-content time, .md-content td').closest('table').textContent,
            };
        }""")
        assert shown["start"] < 1 and shown["fullStopLast"]  # from the left edge, the full stop at its end
        assert shown["menu"] == sorted(shown["menu"]) and shown["menuAlign"] == "right"
        assert "١ مارس ٢٠٢٦" in shown["date"] and "2026" not in shown["date"]
    finally:
        page.close()


def test_counts_and_levels_the_templates_write_are_in_the_manuals_digits():
    from deskbook.pipeline import load_checked_manual
    from deskbook.site import SiteOptions, render_site_pages

    manual = load_checked_manual(FIXTURES / "arabic" / "content")
    site = render_site_pages(manual, SiteOptions())
    chain = next(page.markdown for page in site if (page.entity_ref or "").startswith("chain:"))
    levels = re.findall(r'<td class="deskbook-num" data-label="[^"]*">([^<]*)</td>', chain)
    assert levels[0] == "١" and not [level for level in levels if re.search("[0-9]", level)]
    products = next(page.markdown for page in site if page.src_uri == "products/index.md")
    counts = re.findall(r'<td class="deskbook-num" data-label="[^"]*">([^<]*)</td>', products)
    assert counts and not [count for count in counts if re.search("[0-9]", count)]
