"""``products/*.yaml``: one product per file, with what a representative needs at the desk."""


from typing import Annotated, Literal

from pydantic import Field

from ..locale import N_
from .base import Choices, Entity, Markdown, Money, RefTo, Slug, Strict, Text, no_items

ISSUE_STATUSES = {"open": N_("open"), "fix-scheduled": N_("fix scheduled"), "fixed": N_("fixed")}


class Spec(Strict):
    name: Text = Field(title=N_("name"), description="what is measured, like 'Capacity'")
    value: Text = Field(title=N_("value"), description="its value as written, like '1.5 litres'")


class Question(Strict):
    question: Text = Field(title=N_("question"), description="a question customers ask")
    answer: Markdown = Field(title=N_("answer"), description="the answer staff give")


class KnownIssue(Strict):
    id: Slug = Field(title=N_("id"), description="the issue's id, like 'lid-cracks'")
    title: Text = Field(title=N_("title"), description="the issue in a few words")
    symptom: Text = Field(title=N_("symptom"), description="what the customer notices")
    workaround: Markdown = Field(title=N_("workaround"), description="what helps until it is fixed")
    status: Annotated[Literal[tuple(ISSUE_STATUSES)], Choices(ISSUE_STATUSES)] = Field(  # type: ignore[valid-type]
        default="open", title=N_("status"), description="open, fix-scheduled or fixed")


class Product(Entity):
    kind = "product"
    name: Text = Field(title=N_("name"), description="the product's name, as customers know it")
    summary: Text = Field(title=N_("summary"), description="one line on what it is")
    description: Markdown = Field(title=N_("description"), description="what the product does and who it is for")
    price: Money | None = Field(default=None, title=N_("price"), description="list price")
    features: list[Text] = Field(default_factory=no_items, title=N_("features"),
                                 description="features customers ask about")
    specs: list[Spec] = Field(default_factory=no_items, title=N_("specifications"),
                              description="measures and materials")
    faq: list[Question] = Field(default_factory=no_items, title=N_("frequently asked questions"),
                                description="questions customers ask, with the answers")
    known_issues: list[KnownIssue] = Field(default_factory=no_items, title=N_("known issues"),
                                           description="problems customers meet, with workarounds")
    related_policies: list[Annotated[Slug, RefTo("policy")]] = Field(
        default_factory=no_items, title=N_("related policies"), description="ids of policies that apply to this product"
    )
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(
        default_factory=no_items, title=N_("related scripts"), description="ids of scripts for this product"
    )
