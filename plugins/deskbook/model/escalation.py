"""Roles with authority limits (``roles.yaml``), escalation chains (``escalation/*.yaml``) and routing rules
(``routing.yaml``)."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Duration, Entity, Markdown, Money, Percent, Ref, Strict, Text


class Authority(Strict):
    max_discount_percent: Percent = 0
    max_refund: Money = Field(default=0, validate_default=True, description="largest refund this role may approve alone")
    free_gift: bool = False
    max_gift_value: Money = Field(default=0, validate_default=True)
    may_consult_staff: bool = Field(default=False, description="may ask other departments for the answer")
    may_override_policy: bool = False
    other: list[Text] = Field(default_factory=list, description="other offers this role may make")


class Role(Entity):
    kind = "role"
    title: Text
    description: Text
    reports_to: Ref("role") | None = None
    authority: Authority


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
    order_value_over: Money | None = None
    key_account: bool | None = None
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
    note: Text | None = None

    @model_validator(mode="after")
    def _has_a_destination(self) -> "RoutingRule":
        if self.route_to is None and not self.when.key_account:
            raise ValueError("route_to is required (only a key-account rule may leave it out)")
        return self


class KeyAccount(Entity):
    kind = "account"
    name: Text
    handled_by: Ref("executive")
    reason: Text


class Routing(Strict):
    rules: list[RoutingRule] = Field(min_length=1)
    key_accounts: list[KeyAccount] = Field(default_factory=list)
