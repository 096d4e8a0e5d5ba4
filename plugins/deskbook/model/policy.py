"""``policies/*.yaml``: company policies with owner, dates, version, rules and their values."""


from typing import Annotated

from pydantic import Field, model_validator

from ..locale import N_
from .base import Date, Entity, Markdown, RefTo, Slug, Strict, Text, no_items
from .quantity import Valued


class PolicyRule(Valued):
    id: Slug = Field(
        title=N_("id"), description="the rule's id, which references to the rule use, like 'refund-window'"
    )
    text: Text = Field(title=N_("text"), description="the rule itself, in plain words")


class PolicyException(Strict):
    text: Text = Field(title=N_("text"), description="when the rules may be set aside, in plain words")
    approver: Annotated[Slug, RefTo("role")] | None = Field(
        default=None, title=N_("approver"), description="the role that approves the exception"
    )


class Policy(Entity):
    kind = "policy"
    title: Text = Field(title=N_("title"), description="the policy's name, as its page heading shows it")
    owner: Annotated[Slug, RefTo("role")] = Field(
        title=N_("owner"), description="the role that keeps this policy up to date"
    )
    version: Text = Field(title=N_("version"), description="the policy's version, like '2.1'")
    effective: Date = Field(title=N_("effective"), description="the day the policy takes effect, as YYYY-MM-DD")
    review_by: Date = Field(
        title=N_("review by"),
        description="the day the owner reviews it again, as YYYY-MM-DD; check warns as it comes near",
    )
    summary: Markdown = Field(title=N_("summary"), description="what the policy is for, in a sentence or two")
    rules: list[PolicyRule] = Field(
        min_length=1, title=N_("rules"), description="the rules staff follow, each with an id"
    )
    exceptions: list[PolicyException] = Field(
        default_factory=no_items, title=N_("exceptions"),
        description="when the rules may be set aside, and who approves"
    )
    related_products: list[Annotated[Slug, RefTo("product")]] = Field(
        default_factory=no_items, title=N_("related products"), description="ids of products this policy applies to"
    )
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(
        default_factory=no_items, title=N_("related scripts"), description="ids of scripts that carry this policy out"
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Policy":
        if self.review_by <= self.effective:
            raise ValueError("review_by must come after effective")
        return self

    def rule(self, rule_id: str) -> PolicyRule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)
