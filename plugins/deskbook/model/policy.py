"""``policies/*.yaml``: company policies with owner, dates, version, rules and their values."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .base import Date, Entity, Markdown, RefTo, Slug, Strict, Text


class PolicyRule(Strict):
    id: Slug
    text: Text
    value: int | None = Field(default=None, description="the number the rule sets, like 30")
    unit: Text | None = Field(default=None, description="what the value counts, like 'days' or 'dollars'")


class PolicyException(Strict):
    text: Text
    approver: Annotated[Slug, RefTo("role")] | None = None


class Policy(Entity):
    kind = "policy"
    title: Text
    owner: Annotated[Slug, RefTo("role")]
    version: Text
    effective: Date
    review_by: Date
    summary: Markdown
    rules: list[PolicyRule] = Field(min_length=1)
    exceptions: list[PolicyException] = Field(default_factory=list)
    related_products: list[Annotated[Slug, RefTo("product")]] = Field(default_factory=list)
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Policy:
        if self.review_by <= self.effective:
            raise ValueError("review_by must come after effective")
        return self

    def rule(self, rule_id: str) -> PolicyRule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)
