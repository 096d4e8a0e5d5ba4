"""Values by reference inside YAML prose, and the check for values written out by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from deskbook.cli import main
from deskbook.document.site_html import site_html
from deskbook.pipeline import load_checked, load_checked_manual
from deskbook.prose import PROSE
from deskbook.references import Link, ResolvedText, Value, linking, resolve
from deskbook.text import markdown_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def raw_manual(example_content):
    manual, diagnostics = load_checked(example_content)
    assert manual is not None and not diagnostics.errors
    return manual


@pytest.mark.parametrize("text, shown", [
    ("within [[policy:refunds.rules.window]].", "within 30 days."),
    ("up to [[role:rep.authority.max_gift_value]]", "up to $25"),
    ("a [[role:rep.authority.max_discount_percent]] discount", "a 10% discount"),
    ("over [[routing:executive-threshold.when.order_value_over]]", "over $500"),
    ("within [[category:product-question.targets.email]]", "within 24 hours"),
    ("a [[category:product-question.targets.email.value]]-hour target", "a 24-hour target"),
    ("the [[policy:refunds.rules.window.value]]-day window", "the 30-day window"),
    ("call [[var:support_phone]]", "call +1 555 0142 300"),
    ("[[company.name]] cares", "Harbourline Home Goods cares"),
])
def test_references_show_current_values(raw_manual, text, shown):
    # As the outputs read prose: resolved_manual wraps each field that holds references like this.
    assert str(ResolvedText(text, resolve(text, raw_manual))) == shown


def test_a_whole_entity_is_a_link_and_values_are_values(raw_manual):
    assert resolve("see [[script:hold]] within [[policy:refunds.rules.window]]", raw_manual) == [
        "see ", Link("script", "hold", "Putting a caller on hold"), " within ", Value("30 days")]


def test_outputs_get_prose_resolved_and_linked_from_the_page(example_content):
    manual = load_checked_manual(example_content)
    question = manual.get("question", "refund-window")
    assert isinstance(question.choices[1], ResolvedText)
    assert question.choices[1] == "Refund it to the original payment method; the refund window is 30 days."
    assert "[[" in question.choices[1].source
    linked = ResolvedText("see [[script:hold]]", [ "see ", Link("script", "hold", "Hold <script>")])
    with linking(lambda kind, entity_id: f"../{kind}s/{entity_id}.html"):
        # In the page's document a reference to an entity, which the site writes as its link.
        assert str(escape(linked)) == 'see <db-ref href="../scripts/hold.html" kind="script">Hold &lt;script&gt;</db-ref>'
        assert site_html(str(escape(linked))) == (
            'see <a href="../scripts/hold.html" class="deskbook-ref deskbook-ref-script">Hold &lt;script&gt;</a>')
    assert str(escape(linked)) == "see Hold &lt;script&gt;", "outside a page a link is its title"


def test_values_are_never_read_as_markdown_or_html():
    text = ResolvedText("**Within [[x]]** and _more_", ["**Within ", Value("*not* <b>bold</b> [x](javascript:y)"), "** and _more_"])
    html = str(markdown_html(text))
    assert html == ("<p><strong>Within *not* &lt;b&gt;bold&lt;/b&gt; [x](javascript:y)</strong> and "
                    "<em>more</em></p>")


def _copy(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(source, target)
    return target


def _check(content: Path, capsys, monkeypatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(content.parent)
    status = main(["check", "--content", "content", *args])
    return status, capsys.readouterr().err


def test_a_bad_reference_in_yaml_prose_is_located_at_the_reference(tmp_path, example_content, capsys, monkeypatch):
    content = _copy(tmp_path, example_content)
    policy = content / "policies" / "refunds.yaml"
    policy.write_text(policy.read_text().replace("[[policy:refunds.rules.window]]", "[[policy:refunds.rules.windw]]")
                      .replace("counted from the day", "see [[Policy:refunds]], counted from the day"))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert ("content/policies/refunds.yaml:9:76: error: unknown reference [[policy:refunds.rules.windw]]: "
            "'windw' is not known there") in err
    assert ("content/policies/refunds.yaml:13:67: error: [[Policy:refunds]] is not a reference; write [[kind:id]], "
            "[[kind:id.field]] or [[var:name]] in lowercase") in err


def test_unknown_entity_in_a_knowledge_check_answer(tmp_path, example_content, capsys, monkeypatch):
    content = _copy(tmp_path, example_content)
    checks = content / "training" / "knowledge-checks.yaml"
    checks.write_text(checks.read_text().replace("[[role:rep.authority.max_gift_value]]\"", "[[role:reps.authority.max_gift_value]]\""))
    status, err = _check(content, capsys, monkeypatch)
    assert status == 1
    assert ("content/training/knowledge-checks.yaml:60:10: error: unknown reference "
            "[[role:reps.authority.max_gift_value]]: no role with id 'reps'; did you mean "
            "[[role:rep.authority.max_gift_value]]?") in err


def test_stale_prose_fires_on_the_fixture(tmp_path, capsys, monkeypatch):
    content = _copy(tmp_path, FIXTURES / "minimal" / "content")
    shutil.copy(FIXTURES / "stale-prose" / "policies" / "refunds.yaml", content / "policies" / "refunds.yaml")
    status, err = _check(content, capsys, monkeypatch)
    assert status == 0, "stale prose is a warning"
    prose = [line for line in err.splitlines() if "repeats" in line]
    assert prose == [
        "content/policies/refunds.yaml:9:28: warning: '30 days' repeats rules.window; "
        "write [[policy:refunds.rules.window]] so it follows changes",
        "content/policies/refunds.yaml:9:66: warning: '$100' repeats rules.rep-limit; "
        "write [[policy:refunds.rules.rep-limit]] so it follows changes",
        "content/policies/refunds.yaml:12:71: warning: '30-day' repeats rules.window; "
        "write [[policy:refunds.rules.window.value]] so it follows changes",
        # The minimal fixture's knowledge checks write the window out too, in the right answer and the
        # explanation of a question that tests the refunds policy.
        "content/training/knowledge-checks.yaml:7:64: warning: '30-day' repeats policy:refunds rules.window; "
        "write [[policy:refunds.rules.window.value]] so it follows changes",
        "content/training/knowledge-checks.yaml:9:37: warning: '30-day' repeats policy:refunds rules.window; "
        "write [[policy:refunds.rules.window.value]] so it follows changes",
    ]
    status, err = _check(content, capsys, monkeypatch, "--strict")
    assert status == 1
    assert "content/policies/refunds.yaml:9:28: error: '30 days' repeats rules.window" in err


def test_stale_prose_is_quiet_on_the_example(example_content):
    _, diagnostics = load_checked(example_content)
    assert [item for item in diagnostics.items if item.rule == PROSE] == []


def test_a_linked_entity_value_in_a_knowledge_check(tmp_path, example_content, capsys, monkeypatch):
    content = _copy(tmp_path, example_content)
    checks = content / "training" / "knowledge-checks.yaml"
    checks.write_text(checks.read_text().replace(
        "the refund window is [[policy:refunds.rules.window]].", "the 30-day window applies."))
    status, err = _check(content, capsys, monkeypatch)
    assert ("content/training/knowledge-checks.yaml:7:55: warning: '30-day' repeats policy:refunds "
            "rules.window; write [[policy:refunds.rules.window.value]] so it follows changes") in err
