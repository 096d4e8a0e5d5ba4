"""A catalogue of bad inputs: each must give a located error naming file, line and column, exit code 1,
and no traceback. Every case runs the real CLI on a copy of the example content with one thing broken."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from deskbook.cli import main

VALID_POLICY = """\
id: test-policy
title: Test policy
owner: care-manager
version: "1.0"
effective: 2026-01-01
review_by: 2030-01-01
summary: A policy for tests.
rules:
  - id: window
    text: Within the window.
    # thirty days from the purchase
    value: 30 days
"""


def policy_with(line: int, replacement: str) -> str:
    """The valid test policy with one line (1-based) replaced by one or more lines."""
    lines = VALID_POLICY.splitlines()
    lines[line - 1] = replacement
    return "\n".join(lines) + "\n"


@dataclass
class Case:
    name: str
    path: str  # relative to content/
    content: bytes | str | Callable[[str], str] | None  # None deletes the file
    expected: str  # a regex matched against the whole report

    def apply(self, content_dir: Path) -> None:
        target = content_dir / self.path
        if self.content is None:
            target.unlink()
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        if callable(self.content):
            target.write_text(self.content(target.read_text(encoding="utf-8")), encoding="utf-8")
        elif isinstance(self.content, bytes):
            target.write_bytes(self.content)
        else:
            target.write_text(self.content, encoding="utf-8")


P = "policies/test.yaml"
F = r"content/policies/test\.yaml"

CASES = [
    # --- strict YAML --------------------------------------------------------------------------------
    Case("duplicate key", P, VALID_POLICY + "title: Again\n",
         rf"{F}:13:1: error: duplicate key 'title' \(first at line 2\)"),
    Case("anchor on text", P, policy_with(2, "title: &t Test policy"),
         rf"{F}:2:8: error: a value starting with '&' must be quoted: write title: \"&t Test policy\""),
    Case("anchor on a list", P, policy_with(8, "rules: &r"), rf"{F}:8:8: error: anchor '&r' is not allowed"),
    Case("alias as text", P, policy_with(7, "summary: *x"),
         rf"{F}:7:10: error: a value starting with '\*' must be quoted: write summary: \"\*x\""),
    Case("alias in a list", P, VALID_POLICY + "audience: [*x]\n", rf"{F}:13:12: error: alias '\*x' is not allowed"),
    Case("alias bomb", P, "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
         rf"{F}:1:4: error: anchor '&a' is not allowed"),
    Case("python tag", P, policy_with(2, "title: !!python/object/apply:os.system ['echo hi']"),
         rf"{F}:2:8: error: explicit tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    Case("str tag", P, policy_with(4, "version: !!str 1.0"), rf"{F}:4:10: error: explicit tag .* is not allowed"),
    Case("numeric key", P, VALID_POLICY + "1: one\n", rf"{F}:13:1: error: key '1' is read as a number, not text"),
    Case("boolean key", P, VALID_POLICY + "true: yes\n", rf"{F}:13:1: error: key 'true' is read as true/false"),
    Case("complex key", P, VALID_POLICY + "? [a, b]\n: c\n", rf"{F}:13:3: error: a mapping key must be a plain word"),
    Case("latin-1 byte", P, policy_with(2, "title: Caf\xe9 policy").encode("latin-1"),
         rf"{F}:2:11: error: byte 0xe9 is not UTF-8"),
    Case("tab indent", P, VALID_POLICY.replace("  - id: window", "\t- id: window"),
         rf"{F}:9:1: error: a tab character is used for indentation; indent with spaces"),
    Case("empty file", P, "", rf"{F}:1:1: error: file is empty"),
    Case("comment only", P, "# nothing here yet\n", rf"{F}:1:1: error: file is empty"),
    Case("two documents", P, VALID_POLICY + "---\nid: other\n", rf"{F}:13:1: error: a second YAML document"),
    Case("top-level list", P, "- id: x\n", rf"{F}:1:1: error: expected a mapping of keys to values at the top"),
    Case("size cap", P, "summary: '" + "x" * 600_000 + "'\n", rf"{F}:1:1: error: file is 600,012 bytes; the limit is 524,288: split it up"),
    Case("deep nesting", P, "a: " + "[" * 40 + "]" * 40 + "\n", rf"{F}:1:\d+: error: nesting is deeper than 32 levels"),
    Case("50,000 brackets", P, "a: " + "[" * 50_000 + "]" * 50_000 + "\n",
         rf"{F}:1:\d+: error: nesting is deeper than 32 levels"),
    Case("unclosed bracket", P, policy_with(2, "title: [Test"),
         rf"{F}:2:8: error: a value starting with '\[' must be quoted: write title: \"\[Test\""),
    Case("unclosed quote", P, policy_with(2, "title: 'Test"), rf"{F}:\d+:\d+: error: not valid YAML"),
    # --- YAML 1.1 traps: never a silent change ------------------------------------------------------
    Case("NO for a bool", "roles.yaml", lambda t: t.replace("free_gift: true", "free_gift: NO", 1),
         r"content/roles\.yaml:10:18: error: roles\[0\]\.authority\.free_gift: expected true or false, got 'NO' \('NO' is a boolean only in old YAML 1\.1"),
    Case("yes for a bool", "roles.yaml", lambda t: t.replace("may_consult_staff: true", "may_consult_staff: yes", 1),
         r"content/roles\.yaml:12:26: error: .*may_consult_staff: expected true or false, got 'yes'"),
    Case("0012 for a number", P, policy_with(12, "    value: 0012"),
         rf"{F}:12:12: error: rules\[0\]\.value: '0012': a leading zero is ambiguous.*write 12"),
    Case("17:30 for a value", P, policy_with(12, "    value: 17:30"),
         rf"{F}:12:12: error: rules\[0\]\.value: '17:30' is not a value Deskbook can read; write it like '30 days'"),
    Case("a unit of time mistyped", P, policy_with(12, "    value: 30 dyas"),
         rf"{F}:12:12: error: rules\[0\]\.value: 'dyas' is not a unit Deskbook knows; did you mean '30 days'\?"),
    Case("the older value and unit with a unit in another language", P, policy_with(12, "    value: 30\n    unit: Tage"),
         rf"{F}:9:5: error: rules\[0\]: 'Tage' is not a unit Deskbook knows; write the value and its unit together, "
         "like value: '30 days'"),
    Case("an amount below zero", P, policy_with(12, "    value: '-0'"),
         rf"{F}:12:12: error: rules\[0\]\.value: '-0' is not a value Deskbook can read \(a value below zero"),
    Case("a 29-digit duration", P, policy_with(12, "    value: " + "9" * 29 + " days"),
         rf"{F}:12:12: error: rules\[0\]\.value: '9{{29}} days' is too large for a rule"),
    Case("a currency sign not the manual's", "routing.yaml",
         lambda t: t.replace("order_value_over: 500", "order_value_over: €500"),
         r"content/routing\.yaml:\d+:25: error: rules\[0\]\.when\.order_value_over: '€500': '€' is not the manual's "
         r"currency \(USD, set in manual\.yaml under locale\); write the amount without a sign, like 1,500"),
    Case("an amount that is not one", "routing.yaml",
         lambda t: t.replace("order_value_over: 500", "order_value_over: five hundred"),
         r"content/routing\.yaml:\d+:25: error: rules\[0\]\.when\.order_value_over: 'five hundred' is not an amount "
         r"of money; write a number like 1,500"),
    Case("more cents than a dollar has", "routing.yaml",
         lambda t: t.replace("order_value_over: 500", "order_value_over: 500.125"),
         r"content/routing\.yaml:\d+:25: error: .*'500\.125' is more precise than USD allows \(2 decimal places\)"),
    Case("unknown unit of time", "escalation/complaints.yaml",
         lambda t: t.replace("respond_within: 30 minutes", "respond_within: 30 fortnights"),
         r"content/escalation/complaints\.yaml:16:21: error: levels\[1\]\.respond_within: 'fortnights' is not a unit "
         r"of time Deskbook knows; use one of: second, minute, hour, business hour, day, working day, week"),
    Case("unknown language", "manual.yaml", lambda t: t.replace("  language: en_US", "  language: xx_YY"),
         r"content/manual\.yaml:\d+:13: error: locale\.language: 'xx_YY' is not a language Deskbook knows; write a "
         r"language and region like de_DE"),
    Case("unknown currency", "manual.yaml", lambda t: t.replace("  currency: USD", "  currency: DOLLARS"),
         r"content/manual\.yaml:\d+:13: error: locale\.currency: 'DOLLARS' is not an ISO 4217 currency code"),
    Case("percent sign", "roles.yaml", lambda t: t.replace("max_discount_percent: 10", "max_discount_percent: 10%", 1),
         r"content/roles\.yaml:8:29: error: .*expected a whole number, got '10%'; write 10 without the % sign"),
    # --- closed schemas and types -------------------------------------------------------------------
    Case("unknown key with suggestion", P, policy_with(3, "ownr: care-manager"),
         rf"{F}:3:1: error: unknown key 'ownr'; did you mean 'owner'\?"),
    Case("missing required key", P, policy_with(3, "# no owner"),
         rf"{F}:1:1: error: missing required key 'owner' in \(top level\)"),
    Case("list for text", P, policy_with(2, "title:\n  - a\n  - b"), rf"{F}:3:3: error: title: expected text, got a list"),
    Case("inline list for text", P, policy_with(2, "title: [a, b]"),
         rf"{F}:2:8: error: title: a value starting with '\[' must be quoted: write title: \"\[a, b\]\""),
    Case("text for list", P, VALID_POLICY.split("rules:")[0] + "rules: none\n",
         rf"{F}:8:8: error: rules: expected a list \(lines starting with '- '\), got 'none'"),
    Case("bad id", P, policy_with(1, "id: Test Policy"),
         rf"{F}:1:5: error: id: 'Test Policy' is not a valid id; use lowercase letters, digits and single hyphens, like 'test-policy'"),
    Case("bad date", P, policy_with(5, "effective: 31/01/2026"),
         rf"{F}:5:12: error: effective: '31/01/2026' is not a date; write it as YYYY-MM-DD"),
    Case("review before effective", P, policy_with(6, "review_by: 2025-01-01"),
         rf"{F}:1:1: error: \(top level\): review_by must come after effective"),
    Case("bad duration", "escalation/complaints.yaml", lambda t: t.replace("respond_within: 30 minutes", "respond_within: half an hour"),
         r"content/escalation/complaints\.yaml:16:21: error: levels\[1\]\.respond_within: 'half an hour' is not a duration"),
    Case("bad channel", "scripts/hold.yaml", lambda t: t.replace("  - phone", "  - fone", 1),
         r"content/scripts/hold\.yaml:\d+:5: error: unknown channel 'fone'; did you mean 'phone'\?"),
    # --- cross-references ---------------------------------------------------------------------------
    Case("dangling role", P, policy_with(3, "owner: care-manger"),
         rf"{F}:3:8: error: unknown role 'care-manger'; did you mean 'care-manager'\?"),
    Case("dangling policy", "products/smart-kettle.yaml", lambda t: t.replace("  - refunds", "  - refundz", 1),
         r"content/products/smart-kettle\.yaml:\d+:5: error: unknown policy 'refundz'; did you mean 'refunds'\?"),
    Case("dangling product", "policies/refunds.yaml", lambda t: t.replace("  - smart-kettle", "  - smart-toaster"),
         r"content/policies/refunds\.yaml:\d+:5: error: unknown product 'smart-toaster'"),
    Case("dangling script", "standards/conduct.yaml", lambda t: t.replace("- supervisor-takeover", "- supervisor-take-over", 1),
         r"content/standards/conduct\.yaml:\d+:\d+: error: unknown script 'supervisor-take-over'; did you mean 'supervisor-takeover'\?"),
    Case("dangling chain", "escalation/complaints.yaml", lambda t: t.replace("then: large-orders", "then: big-orders"),
         r"content/escalation/complaints\.yaml:24:7: error: unknown escalation chain 'big-orders'"),
    Case("dangling category", "call-logs/2026-10-02-skillet-rust.yaml", lambda t: t.replace("category: product-question", "category: product-questions"),
         r"content/call-logs/2026-10-02-skillet-rust\.yaml:\d+:11: error: unknown schedule category 'product-questions'; did you mean 'product-question'\?"),
    Case("dangling executive", "routing.yaml", lambda t: t.replace("handled_by: maya-okafor", "handled_by: maya"),
         r"content/routing\.yaml:\d+:17: error: unknown executive 'maya'"),
    Case("unknown kind in reference", "training/knowledge-checks.yaml", lambda t: t.replace("tests: policy:refunds", "tests: polcy:refunds", 1),
         r"content/training/knowledge-checks\.yaml:\d+:12: error: unknown kind 'polcy' in reference 'polcy:refunds'; did you mean 'policy:refunds'\?"),
    Case("duplicate id across files", P, policy_with(1, "id: refunds"),
         r"content/policies/(refunds|test)\.yaml:1:5: error: duplicate policy id 'refunds': already used at content/policies/(refunds|test)\.yaml:2:5"),
    Case("reports_to cycle", "roles.yaml", lambda t: t.replace("    description: Chief Executive Officer", "    description: x").replace(
        "  - id: ceo\n    title: Chief Executive Officer\n", "  - id: ceo\n    title: Chief Executive Officer\n    reports_to: rep\n"),
         r"content/roles\.yaml:\d+:\d+: error: roles report to each other in a circle \(.*rep.*\)"),
    Case("chain cycle", "escalation/large-orders.yaml", lambda t: t.replace("procedure: escalation", "procedure: escalation\nthen: complaints"),
         r"content/escalation/(complaints|large-orders)\.yaml:\d+:7: error: escalation chains hand on to each other in a circle"),
    Case("authority not rising", "escalation/complaints.yaml",
         lambda t: t.replace("  - role: team-lead", "  - role: supervisor", 1).replace("  - role: supervisor\n    respond_within: 2 hours", "  - role: team-lead\n    respond_within: 2 hours"),
         r"content/escalation/complaints\.yaml:18:11: error: authority must rise up the chain: level 3 \(team-lead\) may give a discount up to 15%, less than level 2 \(supervisor\) at 20%"),
    Case("schedule category without a channel", "schedules.yaml", lambda t: t.replace("      social: 24 hours\n", "", 1),
         r"content/schedules\.yaml:\d+:7: error: category 'product-question' has no response target for social"),
    Case("unknown placeholder", "scripts/greeting.yaml", lambda t: t.replace("{agent_name}", "{agent_nme}", 1),
         r"content/scripts/greeting\.yaml:\d+:\d+: error: unknown placeholder '\{agent_nme\}'; did you mean '\{agent_name\}'\?"),
    Case("unknown audience", P, VALID_POLICY + "audience: [reps]\n",
         rf"{F}:13:12: error: unknown audience 'reps'; did you mean 'rep'\?"),
    Case("missing logo", "manual.yaml", lambda t: t.replace("logo: assets/logo.svg", "logo: assets/logo.png"),
         r"content/manual\.yaml:\d+:7: error: logo 'assets/logo\.png' does not exist"),
    Case("logo outside content", "manual.yaml", lambda t: t.replace("logo: assets/logo.svg", "logo: ../../etc/hostname"),
         r"content/manual\.yaml:\d+:7: error: logo '\.\./\.\./etc/hostname' is outside the content folder"),
    # --- files --------------------------------------------------------------------------------------
    Case("unknown file", "policy/refunds.yaml", VALID_POLICY,
         r"content/policy/refunds\.yaml: error: this file is not a known kind of content; did you mean policies/\?"),
    Case("missing required file", "glossary.yaml", None,
         r"content/glossary\.yaml: error: missing file: the manual needs glossary\.yaml"),
]


@pytest.fixture
def content(tmp_path, example_content) -> Path:
    import shutil

    target = tmp_path / "content"
    shutil.copytree(example_content, target)
    return target


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gives_a_located_error(case: Case, content: Path, capsys, monkeypatch):
    monkeypatch.chdir(content.parent)
    case.apply(content)
    status = main(["check", "--content", "content"])
    out = capsys.readouterr()
    report = out.err + out.out
    assert status == 1, report
    assert re.search(case.expected, report), f"expected /{case.expected}/ in:\n{report}"
    assert "Traceback" not in report


def test_catalogue_is_large_enough():
    assert len(CASES) >= 30


def test_yaml_11_values_are_kept_as_written(tmp_path, content, monkeypatch):
    """`1.10` in a text field stays "1.10"; `NO` and `17:30` in text fields stay text."""
    from deskbook.manual import load_manual

    (content / P).write_text(policy_with(4, "version: 1.10").replace("value: 30 days", "value: 3\n    counts: NO"))
    manual, diagnostics = load_manual(content)
    assert not diagnostics.errors, diagnostics.items
    policy = manual.get("policy", "test-policy")
    assert policy.version == "1.10"
    assert policy.rules[0].value.unit == "NO"


def test_symlinked_content_file_is_refused(content, capsys, monkeypatch):
    monkeypatch.chdir(content.parent)
    (content / "policies" / "link.yaml").symlink_to(content / "policies" / "refunds.yaml")
    assert main(["check", "--content", "content"]) == 1
    assert "content/policies/link.yaml: error: content files may not be symbolic links" in capsys.readouterr().err


def test_every_error_of_a_run_is_reported_together(content, capsys, monkeypatch):
    monkeypatch.chdir(content.parent)
    CASES[0].apply(content)  # duplicate key in policies/test.yaml
    (content / "scripts" / "greeting.yaml").write_text(
        (content / "scripts" / "greeting.yaml").read_text().replace("{agent_name}", "{agent_nme}", 1))
    (content / "scripts" / "hold.yaml").write_text(
        (content / "scripts" / "hold.yaml").read_text().replace("  - phone", "  - fone", 1))
    assert main(["check", "--content", "content"]) == 1
    err = capsys.readouterr().err
    assert "policies/test.yaml:13:1: error: duplicate key" in err
    assert "scripts/hold.yaml" in err and "unknown channel 'fone'" in err
    assert "scripts/greeting.yaml" in err and "unknown placeholder '{agent_nme}'" in err
    assert "unknown script 'hold'" not in err, "references into a kind whose file failed are not judged"
    assert "3 errors" in err


def test_no_traceback_and_exit_code_through_a_real_process(content):
    (content / P).write_text(policy_with(3, "ownr: care-manager"))
    result = subprocess.run([sys.executable, str(Path(__file__).parents[2] / "build_manual.py"), "check"],
                            cwd=content.parent, capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/policies/test.yaml:3:1: error: unknown key 'ownr'; did you mean 'owner'?" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_usage_errors_exit_2(capsys, tmp_path):
    assert main(["check", "--format", "xml"]) == 2
    assert main(["no-such-command"]) == 2
    assert main(["check", "--content", str(tmp_path / "missing")]) == 2
    assert "no content folder at" in capsys.readouterr().err
