"""Roles with authority limits (``roles.yaml``), escalation chains (``escalation/*.yaml``) and routing rules
(``routing.yaml``)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from ..locale import N_
from .base import Channel, Duration, Entity, Markdown, Money, Percent, Ref, Slug, Strict, Text

LIMIT_KINDS = ("refund", "credit", "discount", "gift", "fee-waiver")
_MONEY_KINDS = ("refund", "credit", "discount", "gift")
LIMIT_LABELS = {"refund": N_("Refund"), "credit": N_("Account credit"), "discount": N_("Discount"),
                "gift": N_("Gift"), "fee-waiver": N_("Fee waived")}


class Limit(Strict):
    """One kind of thing a role may give on its own authority, and how much."""

    kind: Slug = Field(description="refund, credit, discount, gift, fee-waiver, or a kind of your own "
                       "(give it a label)")
    label: Text | None = Field(default=None, description="what the kind is called, for a kind of your own")
    up_to: Money | None = Field(default=None, description="the largest amount, in the manual's currency")
    percent: Percent | None = Field(default=None, description="for a discount: the largest percentage")
    lasting: Text | None = Field(default=None, description="how long a discount or credit may run, like "
                                 "'3 months'")
    note: Text | None = None

    @model_validator(mode="after")
    def _says_how_much(self) -> "Limit":
        if self.kind not in LIMIT_KINDS and self.label is None:
            raise ValueError(f"'{self.kind}' is a kind of your own: give it a label (the known kinds are "
                             f"{', '.join(LIMIT_KINDS)})")
        if self.kind not in _MONEY_KINDS or self.up_to is not None or self.percent is not None:
            return self
        raise ValueError(f"a {self.kind} limit needs up_to (an amount) or percent")

    def summary(self, words) -> str:
        """In the manual's words: "Discount up to 15 % for 3 months", "Account credit up to $50"."""
        title = self.label or words.gettext(LIMIT_LABELS[self.kind])
        if self.percent is not None:
            title = words.gettext("{limit} up to {amount}").format(limit=title, amount=words.percent(self.percent))
        elif self.up_to is not None:
            title = words.gettext("{limit} up to {amount}").format(limit=title, amount=words.money(self.up_to))
        if self.lasting:
            title = words.gettext("{limit} for {period}").format(limit=title, period=self.lasting)
        return title

    @property
    def size(self) -> int | Money | None:
        """For comparing two limits of the same kind: the percentage, else the amount."""
        return self.percent if self.percent is not None else self.up_to


class Authority(Strict):
    max_discount_percent: Percent = 0
    max_refund: Money = Field(default=0, validate_default=True, description="largest refund this role may approve alone")
    free_gift: bool = False
    max_gift_value: Money = Field(default=0, validate_default=True)
    may_consult_staff: bool = Field(default=False, description="may ask other departments for the answer")
    may_override_policy: bool = False
    other: list[Text] = Field(default_factory=list, description="other offers this role may make")
    limits: list[Limit] = Field(
        default_factory=list,
        description="typed limits beyond the ones above: credits, discounts for a time, waived fees, kinds "
        "of your own; a role with none of a kind holds no authority of that kind",
    )

    def limit(self, kind: str) -> Limit | None:
        return next((limit for limit in self.limits if limit.kind == kind), None)


# What CODEOWNERS takes: a GitHub user (@jdoe), a team (@acme/care-leads) or an email address.
# Nothing else: the reminder issue mentions them as they are, so they must be unable to carry Markdown.
_REVIEWER = re.compile(r"@[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_-]*)?"
                       r"|[A-Za-z0-9][A-Za-z0-9.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def check_reviewer(value: str) -> str:
    if not _REVIEWER.fullmatch(value):
        raise ValueError(f"'{value}' is not a GitHub user, team or email address; write it like '@jdoe', "
                         "'@acme/care-leads' or 'jdoe@example.com'")
    return value


Reviewer = Annotated[str, AfterValidator(check_reviewer)]


class Role(Entity):
    kind = "role"
    title: Text
    description: Text
    reports_to: Ref("role") | None = None
    authority: Authority
    reviewers: list[Reviewer] = Field(
        default_factory=list,
        description="who reviews a change to a policy this role owns, and is reminded when its review is "
                    "due: GitHub users or teams ('@jdoe', '@acme/care-leads') or email addresses; "
                    "`deskbook reviewers --codeowners` writes them into CODEOWNERS")


class RoleList(Strict):
    roles: list[Role] = Field(min_length=1)


class Level(Strict):
    role: Ref("role")
    respond_within: Duration
    hand_on_when: Text = Field(description="when this level passes the case up to the next")


class Chain(Entity):
    kind = "chain"
    title: Text
    summary: Markdown
    triggers: list[Text] = Field(min_length=1, description="situations that start this chain")
    levels: list[Level] = Field(min_length=1)
    then: Ref("chain") | None = Field(default=None, description="a chain that takes over after the last level")
    procedure: Ref("procedure") | None = None


class Condition(Strict):
    """When a routing rule applies: every condition given must hold. ``description`` is a condition in
    words that the checker does not judge."""

    order_value_over: Money | None = None
    amount_requested_over: Money | None = Field(default=None, description="the refund or credit asked for")
    key_account: bool | None = None
    account_lines_over: int | None = Field(default=None, ge=0, description="accounts with more lines, seats or "
                                           "subscriptions than this")
    account_tier: Text | None = Field(default=None, description="like 'business' or 'premium'")
    product: Ref("product") | None = None
    channel: Channel | None = None
    category: Ref("category") | None = None
    description: Text | None = None


class RoutingRule(Entity):
    kind = "routing"
    title: Text
    when: Condition
    route_to: Ref("role") | None = Field(
        default=None,
        description="the role that takes these cases; leave out on a key-account rule to send each account "
        "to the executive named for it under key_accounts",
    )
    chain: Ref("chain") | None = None
    desk: Text | None = Field(default=None, description="a desk or team that takes these cases, like "
                              "'Business Desk'")
    note: Text | None = None

    @model_validator(mode="after")
    def _has_a_destination(self) -> "RoutingRule":
        if self.route_to is None and self.chain is None and self.desk is None and not self.when.key_account:
            raise ValueError("name where these cases go: route_to (a role), chain or desk (only a key-account "
                             "rule may leave all out)")
        return self


class KeyAccount(Entity):
    kind = "account"
    name: Text
    handled_by: Ref("executive")
    reason: Text


class Routing(Strict):
    rules: list[RoutingRule] = Field(min_length=1)
    key_accounts: list[KeyAccount] = Field(default_factory=list)
