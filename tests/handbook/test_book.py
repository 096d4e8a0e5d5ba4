"""The book's print data: what chapters it holds, its index, and the print renderings of the site's
interactive blocks. Pure data from the Manual, no PDF (test_pdf.py reads the printed pages back)."""

from __future__ import annotations

import re

import yaml

from bench.synthetic import write_synthetic_content
from deskbook.handbook import EditionSpec, PrintOptions, handbook_data
from deskbook.handbook.specs import handwritten_page
from deskbook.handbook.tree import strings, walk
from deskbook.pipeline import load_checked_manual
from deskbook.site.pages import SiteOptions, render_site_pages


def _data(manual, **options) -> dict:
    return handbook_data(manual, EditionSpec("h", "Test"), PrintOptions(**options))


def _edit(path, change) -> None:
    document = yaml.safe_load(path.read_text())
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


def test_the_manual_can_leave_any_chapter_out_of_the_book_and_keep_it_on_the_site(tmp_path):
    content = write_synthetic_content(tmp_path / "content", 4)
    _edit(content / "manual.yaml", lambda manual: manual.update(leave_out_of_handbook=["policies", "glossary"]))
    manual = load_checked_manual(content)
    chapters = [chapter["key"] for chapter in _data(manual)["chapters"]]
    assert "policies" not in chapters and "glossary" not in chapters
    assert {"company", "escalation", "response-times"} <= set(chapters)
    sections = {page.section for page in render_site_pages(manual, SiteOptions())}
    assert {"policies", "glossary"} <= sections


def test_index_entries_sort_the_languages_way_under_their_letters(tmp_path):
    content = write_synthetic_content(tmp_path / "content", 4)

    def add_terms(glossary):
        glossary["terms"] += [{"id": identifier, "term": term, "definition": "A word to look up."}
                              for identifier, term in [("zebra", "Zebra"), ("eclair", "Éclair"),
                                                       ("eclipse", "eclipse"), ("apple", "apple")]]

    _edit(content / "glossary.yaml", add_terms)
    index = _data(load_checked_manual(content))["index"]
    terms = [(group["letter"], entry["title"]) for group in index for entry in group["entries"]
             if entry["kind"] == "glossary term"]
    # Accents and case come after the letter, not after Z (code point order would put É last, a before Z).
    assert terms == [("A", "apple"), ("C", "Customer service representative"), ("E", "Éclair"),
                     ("E", "eclipse"), ("Z", "Zebra")]
    letters = [group["letter"] for group in index]
    assert len(letters) == len(set(letters)), "one group a letter, É with E"
    kinds = {entry["kind"] for group in index for entry in group["entries"]}
    assert {"policy", "script", "role", "glossary term"} <= kinds
    assert "routing rule" not in kinds and "knowledge check" not in kinds


def test_index_entries_point_at_what_the_book_prints_and_mentions_are_marked(tmp_path):
    manual = load_checked_manual(write_synthetic_content(tmp_path / "content", 4))
    data = _data(manual)
    anchors = {node.get("id") for node in walk(data["chapters"])} | {
        article["anchor"] for chapter in data["chapters"] for article in chapter["articles"]}
    targets = [entry["to"] for group in data["index"] for entry in group["entries"]]
    assert targets and set(targets) <= anchors
    marked = {node["to"] for node in walk(data["chapters"]) if node.get("t") == "ref" and node.get("mark")}
    assert marked and marked <= set(targets)


def test_who_decides_prints_as_a_decision_table_of_roles_and_their_amounts(example_content):
    manual = load_checked_manual(example_content)
    escalation = next(chapter for chapter in _data(manual)["chapters"] if chapter["key"] == "escalation")
    blocks = escalation["articles"][0]["blocks"]
    heading = next(i for i, node in enumerate(blocks) if node.get("t") == "h" and node["c"] == ["Who decides?"])
    table = blocks[heading + 1]
    assert table["t"] == "table"
    rows = [[" ".join(strings(cell["c"])) for cell in row] for row in table["rows"]]
    assert ["Refund up to", "$100", "Customer Care Representative"] in rows
    assert ["", "$250", "Team Lead"] in rows
    assert ["", "More than $100,000", "No role may approve this much alone; send it up the chain to the top."] in rows
    assert not any(row[1] == "More than 100%" for row in rows), "no discount goes past a hundred per cent"
    # The Manager's refund limit equals the Supervisor's: the Supervisor, first, decides.
    start = next(i for i, row in enumerate(rows) if row[0] == "Refund up to")
    refunds = rows[start:next(i for i, row in enumerate(rows) if i > start and row[1].startswith("More than"))]
    assert "Customer Care Manager" not in [row[2] for row in refunds]
    printed = " ".join(strings(blocks))
    assert "a discount (per cent)" not in printed, "no form labels as a paragraph"


def test_the_quiz_prints_as_questions_to_tick_with_an_answer_key(example_content):
    manual = load_checked_manual(example_content)
    data = _data(manual)
    questions = [node for node in walk(data["chapters"]) if node.get("t") == "question"]
    assert len(questions) == len(manual.entities("question")) == len(data["answers"])
    assert all(len(question["choices"]) >= 2 for question in questions)
    quiz = next(article for chapter in data["chapters"] for article in chapter["articles"]
                if any(node.get("t") == "question" for node in walk(article["blocks"])))
    assert not re.search(r"\bpress\b", " ".join(strings(quiz["blocks"])), re.I), "nothing to press on paper"


def test_a_site_only_page_stays_out_of_the_book_which_says_how_to_use_itself(example_content, repo_root):
    manual = load_checked_manual(example_content)
    pages = [handwritten_page(path.name, path.stem, path.read_text()) for path in sorted((repo_root / "docs").glob("*.md"))]
    printed = tuple(page for page in pages if page is not None)
    assert [page.src_uri for page in printed] == ["index.md"], "how-to-use.md says print: false"
    introduction = _data(manual, handwritten=printed)["chapters"][0]
    text = " ".join(strings(introduction))
    assert "How to use this book" in [article["title"] for article in introduction["articles"]]
    assert "index at the back" in text and "answer key" in text
    assert not re.search(r"\b(press|menu)\b", text, re.I) and "---" not in text


def test_front_matter_is_never_printed():
    page = handwritten_page("a.md", "A", "---\ntitle: A\n---\n\n# A\n\nText.\n")
    assert page is not None and page.markdown == "# A\n\nText.\n"
    assert handwritten_page("b.md", "B", "# B\n\n---\n\nprint: false\n") is not None, "a rule, not front matter"


def test_a_first_edition_says_so_in_one_line_not_a_chapter(example_content):
    from deskbook.review.pages import whats_new_markdown

    manual = load_checked_manual(example_content)
    data = _data(manual, whats_new_markdown={None: whats_new_markdown(manual, None)})
    assert "whats-new" not in [chapter["key"] for chapter in data["chapters"]]
    lines = [" ".join(strings(node)) for node in walk(data["chapters"])
             if node.get("t") == "p" and "first edition" in " ".join(strings(node))]
    assert len(lines) == 1 and len(lines[0]) < 120, lines


def test_a_chain_prints_its_levels_once(example_content):
    manual = load_checked_manual(example_content)
    chain = manual.entities("chain")[0]
    article = next(article for chapter in _data(manual)["chapters"] for article in chapter["articles"]
                   if article["title"] == chain.display_title)
    assert not [node for node in walk(article["blocks"]) if node.get("t") == "svg"]
    tables = [node for node in walk(article["blocks"]) if node.get("t") == "table"]
    assert len(tables) == 1 and len(tables[0]["rows"]) == len(chain.levels)


def test_a_hand_written_note_prints_as_a_note_with_real_emphasis(tmp_path):
    """The site renders a docs/ page with mkdocs.yml's extensions; the book printed "!!! note" and
    "*[CSR]: ..." as text, because it used the smaller set of the YAML fields."""
    manual = load_checked_manual(write_synthetic_content(tmp_path / "content", 4))
    page = handwritten_page("notes.md", "Notes", "# Notes\n\n**Note:** read this first.\n\n"
                            '!!! warning "Before *any* refund"\n    Check the receipt.\n\nAsk a CSR.\n\n'
                            "*[CSR]: Customer service representative\n")
    blocks = _data(manual, handwritten=(page,))["chapters"][0]["articles"][0]["blocks"]
    text = " ".join(strings(blocks))
    assert "!!!" not in text and "**" not in text and "*[" not in text
    assert {"t": "strong", "c": ["Note:"]} in blocks[0]["c"]
    note = next(node for node in walk(blocks) if node.get("t") == "quote")
    assert note["c"][0]["c"][0] == {"t": "strong", "c": ["Before ", {"t": "em", "c": ["any"]}, " refund"]}
    assert "Check the receipt." in " ".join(strings(note))
