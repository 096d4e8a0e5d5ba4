"""YAML mistakes a manager makes by hand, answered in words with the fix instead of the parser's text."""

from __future__ import annotations

import shutil

import pytest

from deskbook.cli import main
from deskbook.load import StrictYamlError, read_yaml

# (name, YAML text, (line, column), exact message)
MISTAKES = [
    ("unquoted brace", "id: x\nsteps:\n  - do: hi\n    say: {customer_name}, thanks for calling\n", (4, 10),
     "a value starting with '{' must be quoted: write say: \"{customer_name}, thanks for calling\""),
    ("unquoted brace in a list", "id: x\nsteps:\n  - {customer_name}, hi\n", (3, 5),
     "a value starting with '{' must be quoted: write - \"{customer_name}, hi\""),
    ("long value shortened", "id: x\nsay: {customer_name}, thank you for calling Harbourline, how can I help?\n",
     (2, 6), "a value starting with '{' must be quoted: write say: \"{customer_name}, thank you for ...\""),
    ("unquoted bracket", "id: x\nsay: [Note] call back, then\n", (2, 6),
     "a value starting with '[' must be quoted: write say: \"[Note] call back, then\""),
    ("unclosed bracket", "id: x\ntitle: [Test\nsummary: y\n", (2, 8),
     "a value starting with '[' must be quoted: write title: \"[Test\""),
    ("unquoted star", "id: x\nsay: *important* read this\n", (2, 6),
     "a value starting with '*' must be quoted: write say: \"*important* read this\""),
    ("star read as an alias", "id: x\nsay: *x\n", (2, 6), "a value starting with '*' must be quoted: write say: \"*x\""),
    ("unquoted ampersand", "id: x\nsay: & more\n", (2, 6), "a value starting with '&' must be quoted: write say: \"& more\""),
    ("ampersand read as an anchor", "id: x\ntitle: &t Test policy\n", (2, 8),
     "a value starting with '&' must be quoted: write title: \"&t Test policy\""),
    ("unquoted bang", "id: x\nsay: !important\n", (2, 6), "a value starting with '!' must be quoted: write say: \"!important\""),
    ("unquoted at", "id: x\nsay: @customer thanks\n", (2, 6),
     "a value starting with '@' must be quoted: write say: \"@customer thanks\""),
    ("unquoted backtick", "id: x\nsay: `code`\n", (2, 6), "a value starting with '`' must be quoted: write say: \"`code`\""),
    ("colon in a value", "id: x\nsummary: Note: this\n", (2, 10),
     "a value containing ': ' must be quoted: write summary: \"Note: this\""),
    ("text after a closing quote", "id: x\nsay: \"Hello\" there\n", (2, 6),
     "text after a closing quote: quote the whole value: write say: '\"Hello\" there'"),
    ("missing space after a colon", "id: x\ntitle:Refunds\nsummary: y\n", (2, 6),
     "missing space after ':' in 'title:Refunds'; write title: Refunds"),
    ("missing space after a colon in a list", "id: x\nrules:\n  - id: window\n    value:30\n    unit: days\n", (4, 10),
     "missing space after ':' in 'value:30'; write value: 30"),
    ("missing space after a dash", "id: x\nsteps:\n  - do: a\n  -do: b\n", (4, 4),
     "missing space after '-': write - do: b (a list item starts with '- ')"),
    ("key indented under a key with a value", "id: x\ntitle: Refunds\n  summary: y\n", (3, 3),
     "'summary:' is indented more than 'title:' on line 2, which already has a value; "
     "move it to column 1 to line it up with 'title:'"),
    ("key indented too far in a list item", "id: x\nrules:\n  - id: window\n      value: 30\n", (4, 7),
     "'value:' is indented more than 'id:' on line 3, which already has a value; "
     "move it to column 5 to line it up with 'id:'"),
    ("key between two columns", "id: x\nrules:\n  - id: window\n    value: 30\n   unit: days\n", (5, 4),
     "'unit:' starts in column 4, which lines up with nothing above it; "
     "move it to column 5 to line it up with 'value:' on line 4"),
    ("key at the column of the list's dashes", "id: x\nrules:\n  - id: window\n    value: 30\n  unit: days\n", (5, 3),
     "'unit:' starts in column 3, where the list above starts its items; move it to column 5 to line it up "
     "with 'value:' on line 4 or to column 1 to line it up with 'rules:' on line 2"),
    ("key after a list, one space in", "id: x\nrules:\n  - a\n  - b\n summary: c\n", (5, 2),
     "'summary:' starts in column 2, which lines up with nothing above it; "
     "move it to column 1 to line it up with 'rules:' on line 2"),
    ("list item one space short", "id: x\nsteps:\n  - a\n - b\n", (4, 2),
     "'- ' starts in column 2, which lines up with nothing above it; move it to column 3 to line it up with "
     "'- ' on line 3 or to column 1 to line it up with 'steps:' on line 2"),
    ("list item read as text", "id: x\nsteps:\n  - a\n    - b\n", (4, 5),
     "this '- ' is read as more of the text on line 3, not as a new list item, because it is indented "
     "further; line it up with the item on line 3 (column 3)"),
]


@pytest.mark.parametrize("text, at, message", [case[1:] for case in MISTAKES], ids=[case[0] for case in MISTAKES])
def test_mistake_is_explained_with_the_fix(text, at, message):
    with pytest.raises(StrictYamlError) as caught:
        read_yaml(text.encode())
    [problem] = caught.value.problems
    assert (problem.mark.line, problem.mark.column, problem.message) == (*at, message)


def test_valid_inline_lists_and_quoted_values_are_untouched():
    data, _ = read_yaml(b'channels: [phone, email]\nsay: "{customer_name}, hi"\nnote: "a: b"\nurl: https://x.example\n')
    assert data == {"channels": ["phone", "email"], "say": "{customer_name}, hi", "note": "a: b",
                    "url": "https://x.example"}


def test_unrecognised_errors_keep_the_parser_words():
    with pytest.raises(StrictYamlError) as caught:
        read_yaml(b"a: 'unclosed\n")
    assert caught.value.problems[0].message.startswith("not valid YAML: ")


@pytest.fixture
def content(tmp_path, example_content):
    target = tmp_path / "content"
    shutil.copytree(example_content, target)
    return target


def _check(content, capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(content.parent)
    status = main(["check", "--content", "content"])
    return status, capsys.readouterr().err


def test_check_names_file_line_and_fix_for_an_unquoted_placeholder(content, capsys, monkeypatch):
    script = content / "scripts" / "greeting.yaml"
    script.write_text(script.read_text().replace(
        "  - say: Thank you, {customer_name}.", "  - say: {customer_name}, thank you."))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert ("content/scripts/greeting.yaml:14:10: error: a value starting with '{' must be quoted: "
            "write - say: \"{customer_name}, thank you. Let me ...\"") in err
    assert "expected <block end>" not in err


def test_a_placeholder_alone_read_as_a_mapping_gets_the_same_fix(content, capsys, monkeypatch):
    script = content / "scripts" / "greeting.yaml"
    script.write_text(script.read_text().replace(
        "  - say: Thank you, {customer_name}. Let me pull up your details while you tell me what happened.",
        "  - say: {customer_name}"))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert ("content/scripts/greeting.yaml:14:10: error: steps[2].say: a value starting with '{' must be "
            "quoted: write - say: \"{customer_name}\"") in err


def test_a_dash_without_a_space_before_an_indented_key(content, capsys, monkeypatch):
    policy = content / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text().replace("  - id: window", "  -id: window", 1))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert ("content/policies/refunds.yaml:12:4: error: missing space after '-': write - id: window "
            "(a list item starts with '- ')") in err
