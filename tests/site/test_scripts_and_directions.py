"""The example switched to Japanese and to Arabic, built (site only: the PDFs are the print side's) and read
in Chromium: search finds words of the language, anchors carry letters, amounts are read the local way."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import served
from projects import build_project, copy_example_project

pytestmark = pytest.mark.browser

JAPANESE_TITLE = "お客様へのあいさつ"
JAPANESE_PURPOSE = "電話の最初に、明るいあいさつをして、お客様に安心していただきます。"
ARABIC_TITLE = "تحية العميل"
ARABIC_PURPOSE = "أثناء الانتظار على الهاتف، رحّب بالعميل بحرارة."


def _switched_example(destination: Path, language: str, currency: str, title: str, purpose: str) -> Path:
    """The example in another locale, its greeting script written in that language."""
    project = copy_example_project(destination)
    manual = project / "content" / "manual.yaml"
    manual.write_text(manual.read_text().replace("language: en_US", f"language: {language}")
                      .replace("currency: USD", f"currency: {currency}"))
    greeting = project / "content" / "scripts" / "greeting.yaml"
    text = re.sub(r"^title: .*$", f"title: {title}", greeting.read_text(), count=1, flags=re.M)
    greeting.write_text(re.sub(r"^purpose: .*$", f"purpose: {purpose}", text, count=1, flags=re.M))
    os.environ["DESKBOOK_PDF"] = "false"
    try:
        assert build_project(project, strict=False) == 0
    finally:
        os.environ.pop("DESKBOOK_PDF", None)
    return project / "site"


@pytest.fixture(scope="module")
def japanese_site(tmp_path_factory):
    site = _switched_example(tmp_path_factory.mktemp("ja"), "ja_JP", "JPY", JAPANESE_TITLE, JAPANESE_PURPOSE)
    with served(site) as url:
        yield site, url


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    site = _switched_example(tmp_path_factory.mktemp("ar"), "ar_SA", "SAR", ARABIC_TITLE, ARABIC_PURPOSE)
    with served(site) as url:
        yield site, url


@pytest.fixture(scope="module")
def hebrew_site(tmp_path_factory):
    site = _switched_example(tmp_path_factory.mktemp("he"), "he_IL", "ILS", "ברכת הלקוח", "פתחו כל שיחה בחום.")
    with served(site) as url:
        yield site, url


def _result_titles(page, url: str, query: str) -> list[str]:
    page.goto(url + "index.html")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    for char in query:  # key by key, after the page is idle, or Material's worker misses the input
        page.keyboard.type(char)
        page.wait_for_timeout(60)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return [text.splitlines()[0] for text in results.all_inner_texts()]


@pytest.mark.parametrize("query", [
    "あいさつ",  # hiragana: one word inside a longer run of kana and kanji
    JAPANESE_TITLE,  # the whole title, typed as one run
    "明るいあいさつ",  # a phrase from the text
])
def test_japanese_words_and_phrases_are_found(page, japanese_site, query):
    assert _result_titles(page, japanese_site[1], query)[0] == JAPANESE_TITLE


@pytest.mark.parametrize("query", ["انتظار", "الانتظار"])  # without and with the article
def test_an_arabic_word_finds_its_page(page, arabic_site, query):
    assert _result_titles(page, arabic_site[1], query)[0] == ARABIC_TITLE


@pytest.mark.parametrize("query", ["ברכת", "שיחה"])  # a word of the title, a word of the text
def test_a_hebrew_word_finds_its_page(page, hebrew_site, query):
    assert _result_titles(page, hebrew_site[1], query)[0] == "ברכת הלקוח"


def test_hebrew_is_searched_with_lunr_s_hebrew_support(hebrew_site):
    import json

    config = json.loads((hebrew_site[0] / "search" / "search_index.json").read_text())["config"]
    assert config["lang"] == ["he"]


def test_arabic_is_searched_with_lunr_s_arabic_support(arabic_site):
    import json

    config = json.loads((arabic_site[0] / "search" / "search_index.json").read_text())["config"]
    assert config["lang"] == ["ar"] and config["pipeline"] == ["stemmer"]


def test_japanese_headings_have_letters_in_their_anchors(japanese_site):
    page = (japanese_site[0] / "scripts" / "greeting.html").read_text()
    heading = re.search(r"<h1 id=\"([^\"]+)\"", page)
    assert heading is not None and heading.group(1) == "okeyanghenoaisatsu"
    assert not re.search(r'id="_\d+"', page)


@pytest.mark.parametrize(("typed", "expected"), [("٢٠٠", "ر.س"), ("200", "ر.س")])
def test_who_decides_reads_arabic_digits(page, arabic_site, typed, expected):
    page.goto(arabic_site[1] + "escalation/index.html")
    page.select_option("#who-decides-request", "max_refund")
    page.fill("#who-decides-amount", typed)
    page.click(".deskbook-who-decides button[type=submit]")
    answer = page.locator(".deskbook-who-decides-answer").inner_text()
    assert "Team Lead may approve it" in answer and expected in answer


# Every label of every level, measured against its own box, as the browser lays it out (scaled to the
# phone's width by the page's CSS).
LABELS_OUTSIDE_THEIR_BOX = """() => {
    const outside = [];
    for (const level of document.querySelectorAll(".deskbook-chain .deskbook-chain-level")) {
        const box = level.querySelector("rect").getBoundingClientRect();
        for (const label of level.querySelectorAll("text")) {
            const drawn = label.getBoundingClientRect();
            if (drawn.left < box.left - 0.5 || drawn.right > box.right + 0.5) {
                outside.push(`${label.textContent}: ${Math.round(drawn.left)}-${Math.round(drawn.right)} px ` +
                             `in a ${Math.round(box.left)}-${Math.round(box.right)} px box`);
            }
        }
    }
    return {outside, levels: document.querySelectorAll(".deskbook-chain-level").length};
}"""


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}])
@pytest.mark.parametrize("site", ["arabic_site", "hebrew_site"])
def test_every_diagram_label_stays_in_its_box_right_to_left(browser, request, site, viewport):
    built, url = request.getfixturevalue(site)
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        for chain in sorted((built / "escalation").glob("*.html")):
            page.goto(url + f"escalation/{chain.name}")
            measured = page.evaluate(LABELS_OUTSIDE_THEIR_BOX)
            assert measured["outside"] == [], chain.name
    finally:
        context.close()
    chains = [path for path in (built / "escalation").glob("*.html") if "deskbook-chain-level" in path.read_text()]
    assert len(chains) >= 3  # the example's chains were all measured


def test_chains_point_the_way_the_language_reads(arabic_site):
    index = (arabic_site[0] / "escalation" / "index.html").read_text()
    assert "\u2190" in index and "\u2192" not in index
    chain = next(path for path in (arabic_site[0] / "escalation").glob("*.html")
                 if "deskbook-chain-level" in path.read_text())
    svg = chain.read_text()
    # Each label hangs from the box's right edge as one right-to-left run (the way Typst's SVG renderer
    # draws it too), with English role names isolated inside it.
    assert 'text-anchor="end"' in svg and "\u2067" in svg and "\u2068" in svg
