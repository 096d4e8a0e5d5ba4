"""Every field of every content model says what it is: a label readers see (translated) and a description
editors show on hover; the JSON Schemas carry both."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from deskbook.locale import PACKAGE_CATALOGUES, localization
from deskbook.model import CONTENT_FILES
from deskbook.model.escalation import Authority
from deskbook.model.fields import label
from deskbook.schemas import schema_for
from pydantic import BaseModel


def _models_inside(annotation, found: dict[type[BaseModel], None]) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in found:
            found[annotation] = None
            for info in annotation.model_fields.values():
                _models_inside(info.annotation, found)
        return
    for argument in typing.get_args(annotation):
        _models_inside(argument, found)


def every_model() -> list[type[BaseModel]]:
    """Each model a content file is read with, and every model nested in one (a policy's rules, a role's
    limits), found by walking the fields: a model added anywhere is covered without being listed."""
    found: dict[type[BaseModel], None] = {}
    for content_file in CONTENT_FILES:
        _models_inside(content_file.model, found)
    return list(found)


FIELDS = [(model, name) for model in every_model() for name in model.model_fields]


def test_the_walk_reaches_nested_models():
    names = {model.__name__ for model in every_model()}
    assert {"Policy", "PolicyRule", "Role", "Authority", "Limit", "Condition", "OpeningTimes", "BrandColours"} <= names
    assert len(FIELDS) > 300


def test_every_field_has_a_label_and_a_description():
    unlabelled = [f"{model.__name__}.{name}" for model, name in FIELDS if not model.model_fields[name].title]
    undescribed = [f"{model.__name__}.{name}" for model, name in FIELDS if not model.model_fields[name].description]
    assert not unlabelled, f"fields without a label (Field(title=N_(...))): {unlabelled}"
    assert not undescribed, f"fields without a description (Field(description=...)): {undescribed}"


def test_descriptions_say_what_the_field_is_not_only_what_its_type_is():
    """A reference field inheriting the id pattern's description would tell an editor nothing about it."""
    generic = {"an id: lowercase letters, digits and single hyphens, like 'refund-policy'",
               "a whole percentage, without the % sign"}
    vague = [f"{model.__name__}.{name}" for model, name in FIELDS if model.model_fields[name].description in generic]
    assert not vague, vague


def test_every_label_is_in_the_catalogues_and_translated():
    """Labels are marked for pybabel (N_ in babel.cfg's Python sources) and translated in German and Spanish."""
    titles = {model.model_fields[name].title for model, name in FIELDS}
    for language in ("de", "es"):
        with (PACKAGE_CATALOGUES / language / "LC_MESSAGES" / "deskbook.po").open("rb") as stream:
            catalogue = read_po(stream)
        missing = sorted(title for title in titles if not (catalogue.get(title) and catalogue.get(title).string))
        assert not missing, f"{language}: labels not translated: {missing}"


def test_labels_are_shown_translated_and_with_a_capital():
    assert label(Authority, "max_refund", localization("en_US")) == "Refund up to"
    assert label(Authority, "max_refund", localization("de_DE", "EUR")) == "Erstattung bis"
    assert label(Authority, "max_refund", localization("es_ES", "EUR")) == "Reembolso hasta"


def _properties(schema: dict) -> list[tuple[str, dict]]:
    found = [(name, prop) for name, prop in schema.get("properties", {}).items()]
    for definition_name, definition in schema.get("$defs", {}).items():
        found += [(f"{definition_name}.{name}", prop) for name, prop in definition.get("properties", {}).items()]
    return found


@pytest.mark.parametrize("content_file", CONTENT_FILES, ids=lambda content_file: content_file.name)
def test_the_json_schemas_show_each_fields_label_and_description(content_file):
    """What an editor shows on hover (redhat.vscode-yaml reads title and description)."""
    properties = _properties(schema_for(content_file))
    assert properties
    bare = [name for name, prop in properties if not prop.get("title") or not prop.get("description")]
    assert not bare, f"{content_file.name}: properties without title or description: {bare}"


def test_the_committed_schemas_carry_the_descriptions(repo_root: Path):
    roles = (repo_root / "schemas" / "roles.schema.json").read_text(encoding="utf-8")
    assert '"title": "refund up to"' in roles and "largest refund this role may approve alone" in roles
