"""``products/*.yaml``: one product per file, with what a representative needs at the desk."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..locale import N_
from .base import Entity, Markdown, Money, RefTo, Slug, Strict, Text

ISSUE_STATUSES = {"open": N_("open"), "fix-scheduled": N_("fix scheduled"), "fixed": N_("fixed")}


class Spec(Strict):
    name: Text
    value: Text


class Question(Strict):
    question: Text
    answer: Markdown


class KnownIssue(Strict):
    id: Slug
    title: Text
    symptom: Text
    workaround: Markdown
    status: Literal[tuple(ISSUE_STATUSES)] = "open"  # type: ignore[valid-type]


class Product(Entity):
    kind = "product"
    name: Text
    summary: Text
    description: Markdown
    price: Money | None = Field(default=None, description="list price")
    features: list[Text] = Field(default_factory=list)
    specs: list[Spec] = Field(default_factory=list)
    faq: list[Question] = Field(default_factory=list)
    known_issues: list[KnownIssue] = Field(default_factory=list)
    related_policies: list[Annotated[Slug, RefTo("policy")]] = Field(default_factory=list)
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(default_factory=list)
