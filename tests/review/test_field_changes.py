"""`diff` reads each field's label and type from the model: no table of field names decides how a change
reads, so a field the tables never listed reads as well as one they did."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from deskbook.manual import Manual, load_manual
from deskbook.review.changes import _content, describe, diff_manuals

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _load(project: Path) -> Manual:
    manual, diagnostics = load_manual(project / "content", project)
    assert manual is not None, diagnostics
    return manual


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / "content" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _sentences(before: Manual, after: Manual, kind: str, entity_id: str) -> list[str]:
    change = next(c for c in diff_manuals(before, after).changes if c.kind == kind and c.id == entity_id)
    return [field.sentence for field in change.fields]


@pytest.fixture
def isp(tmp_path) -> Path:
    project = tmp_path / "isp"
    shutil.copytree(FIXTURES / "isp", project)
    return project


def test_a_typed_limit_reads_with_its_kind_and_the_locales_amounts(isp):
    _edit(isp, "roles.yaml", "    - kind: credit\n      up_to: 25", "    - kind: credit\n      up_to: 50")
    before = _load(isp)
    _edit(isp, "roles.yaml", "    - kind: credit\n      up_to: 50", "    - kind: credit\n      up_to: 75")
    _edit(isp, "roles.yaml", "      percent: 10", "      percent: 12")
    _edit(isp, "roles.yaml", "    max_refund: 20", "    max_refund: 30")
    _edit(isp, "roles.yaml", "      label: Speed boost\n      lasting: 7 days", "      label: Speed boost\n      lasting: 8 days")
    sentences = _sentences(before, _load(isp), "role", "rep")
    assert "Credit up to: $50 -> $75" in sentences
    assert "Refund up to: $20 -> $30" in sentences
    assert "Discount percentage up to: 10% -> 12%" in sentences
    assert "Speed boost lasting: 7 days -> 8 days" in sentences, "a kind of your own reads by its label"
    assert not [s for s in sentences if "_" in s or "›" in s], sentences


def test_a_role_reference_prints_the_roles_title(isp):
    before = _load(isp)
    _edit(isp, "roles.yaml", "  reports_to: care-manager", "  reports_to: director")
    assert _sentences(before, _load(isp), "role", "noc") == [
        "Reports to: now Director of Customer Experience instead of Support Manager"]


def test_fields_no_table_listed_read_by_their_label_and_type(example_project):
    """The policy's owner is a role, its effective date a date, a product's price money, a script's channels
    named the way readers know them, a schedule target a duration or 'Not taken'."""
    before = _load(example_project)
    _edit(example_project, "policies/refunds.yaml", "owner: care-manager", "owner: director")
    _edit(example_project, "policies/refunds.yaml", "effective: 2026-03-01", "effective: 2026-04-01")
    _edit(example_project, "products/linen-apron.yaml", "price: 24", "price: 29")
    _edit(example_project, "scripts/greeting.yaml", "  - chat", "  - email")
    _edit(example_project, "schedules.yaml", "email: 24 hours", "email: not taken")
    after = _load(example_project)
    assert _sentences(before, after, "policy", "refunds") == [
        "Owner: now Director of Customer Care instead of Customer Care Manager",
        "Effective: March 1, 2026 -> April 1, 2026"]
    assert _sentences(before, after, "product", "linen-apron") == ["Price: $24 -> $29"]
    assert _sentences(before, after, "script", "greeting") == ["Channels: added “E-mail”; removed “Live chat”"]
    assert _sentences(before, after, "category", "product-question") == ["Targets › E-mail: 24 hours -> Not taken"]


def test_the_german_manual_reads_labels_and_amounts_in_german(tmp_path):
    project = tmp_path / "german"
    shutil.copytree(FIXTURES / "german", project)
    before = _load(project)
    _edit(project, "roles.yaml", "max_refund: 50", "max_refund: 75")
    assert _sentences(before, _load(project), "role", "mitarbeiter") == ["Erstattung bis: 50\u00a0€ -> 75\u00a0€"]


@pytest.mark.parametrize("fixture", ["example", "isp", "german"])
def test_every_field_of_every_entity_has_a_label_in_diff(fixture, repo_root):
    """Each path diff can report, in every kind, names its fields by label: no snake_case key, no raw
    field name shows through."""
    manual = _load(repo_root if fixture == "example" else FIXTURES / fixture)
    raw = []
    for kind in manual.records:
        for entity in manual.entities(kind):
            for path, value in _content(entity).items():
                sentence = describe(kind, entity, entity, path, None, value, manual, manual)
                field = sentence.split(":")[0]  # "Steps › 1 › Say added", "Schritte › 1 › Sagen hinzugefügt"
                segments = field.split(" › ")
                named_raw = [part for part in path if part.isidentifier() and any(
                    segment == part or segment.startswith(part + " ") for segment in segments)]
                if "_" in field or named_raw:
                    raw.append((kind, path, field))
    assert not raw, raw[:10]
