"""The search index as staff use it: numbers typed plainly, table cells kept apart, no quiz answers."""

from __future__ import annotations

import json
import re

import pytest
from deskbook.site.search_index import (
    find_as_typed,
    page_weight,
    plain_numbers,
    refine_search_index,
    summary_first,
    weigh_entries,
)


@pytest.mark.parametrize(("text", "numbers"), [
    ("Refund up to $1,500 within 30 days", ["1500", "30"]),
    ("<td>$500</td><td>10 %</td>", ["500", "10"]),
    ("1.234,50 €", ["1234.50", "1234"]),  # German grouping and decimals
    ("1\u202f500 CHF", ["1500"]),  # narrow no-break space, as Babel writes it for fr
    ("$12.50", ["12.50", "12"]),
])
def test_plain_numbers_as_staff_type_them(text, numbers):
    assert plain_numbers(text) == numbers


def test_refined_index_searches_numbers_without_showing_them():
    index = {"config": {"fields": {"title": {"boost": 1000}}}, "docs": [
        {"location": "a.html", "title": "Limits", "text": "Refund   up to\n  $1,500"},
        {"location": "b.html", "title": "Words", "text": "No figures here"},
    ]}
    refined = refine_search_index(index)
    assert refined["config"]["fields"]["numbers"] == {"boost": 1.0}
    assert refined["docs"][0]["text"] == "Refund up to $1,500"
    assert refined["docs"][0]["numbers"] == "1500"
    assert "numbers" not in refined["docs"][1]


def _index(built_example):
    return json.loads((built_example / "site" / "search" / "search_index.json").read_text())


def test_table_cells_and_labels_are_separate_words(built_example):
    docs = {doc["location"]: doc for doc in _index(built_example)["docs"]}
    matrix = docs["escalation/index.html#authority-matrix"]["text"]
    assert "Refund up to Free gift" in matrix
    assert "reports to Team Lead 10% $100" in matrix
    assert "5000" in docs["escalation/index.html#authority-matrix"]["numbers"].split()


def test_quiz_answers_and_page_furniture_stay_out_of_the_index(built_example):
    text = " ".join(doc["text"] for doc in _index(built_example)["docs"])
    assert "Refund it to the original payment method" not in text  # a quiz choice, and the answer
    assert "Offer store credit only" not in text  # a wrong choice
    assert "are yours to fill in during the contact" not in text  # the hint on every script page
    assert "Referred to by" not in text


def test_preview_opens_with_the_first_paragraph_not_the_facts_table():
    text = "Current Owner Customer Care Manager Version 2.1 <p>Customers can have their money back.</p> <ul><li>x</li></ul>"
    assert summary_first(text) == (
        "<p>Customers can have their money back.</p> Current Owner Customer Care Manager Version 2.1 <ul><li>x</li></ul>"
    )
    assert summary_first("<p>Already first.</p> Owner") == "<p>Already first.</p> Owner"
    assert summary_first("Only a table") == "Only a table"


def test_words_split_at_brackets_and_stemmed_unless_mkdocs_yml_says_otherwise():
    index = {"config": {"separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}, "docs": []}
    find_as_typed(index)
    separator = index["config"]["separator"]
    assert separator.startswith("[\\s\\-]+|") and "()" in separator
    words = [word for word in re.split(separator, "score (CSAT), “e-mail” care@harbourline.example 2.1.") if word]
    assert words == ["score", "CSAT", "e", "mail", "care@harbourline.example", "2.1"]
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter"]
    kept = {"config": {"separator": "[\\s]+", "pipeline": []}, "docs": []}
    find_as_typed(kept, separator=False, pipeline=False)
    assert kept["config"] == {"separator": "[\\s]+", "pipeline": []}


def test_entries_weigh_as_their_page_does():
    index = {"docs": [
        {"location": "scripts/hold.html", "title": "Hold", "text": ""},
        {"location": "scripts/hold.html#steps", "title": "Steps", "text": ""},
        {"location": "downloads.html", "title": "Downloads", "text": ""},
        {"location": "glossary.html", "title": "Glossary", "text": ""},
    ]}
    weigh_entries(index, {
        "scripts/hold.html": page_weight("script"), "downloads.html": page_weight(None, downloads=True),
        "glossary.html": page_weight(None),
    })
    boosts = [entry.get("boost") for entry in index["docs"]]
    assert boosts[0] == boosts[1] > 1
    assert boosts[2] < page_weight("call-log") * 10 < 1
    assert boosts[3] is None  # weight 1: left as Material wrote it


def test_the_manual_s_language_is_searched_with_lunr_s_support_for_it():
    # Material's Arabic translation writes lang "en" and pipeline " ": English settings and no stemmer.
    index = {"config": {"lang": ["en"], "pipeline": [" "]}}
    find_as_typed(index, language="ar")
    assert index["config"]["lang"] == ["ar"] and index["config"]["pipeline"] == ["stemmer"]
    kept = {"config": {"lang": ["en"]}}
    find_as_typed(kept)
    assert kept["config"]["lang"] == ["en"]
