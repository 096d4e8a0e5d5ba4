"""Roles with authority limits (``roles.yaml``), escalation chains (``escalation/*.yaml``) and routing rules
(``routing.yaml``)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from ..locale import N_, Localization
from .base import (
    Channel,
    Duration,
    Entity,
    Markdown,
    Money,
    Percent,
    RefTo,
    Slug,
    Strict,
    Text,
)

LIMIT_KINDS = ("refund", "credit", "discount", "gift", "fee-waiver")
_MONEY_KINDS = ("refund", "credit", "discount", "gift")
LIMIT_LABELS = {
    "refund": N_("Refund"),
    "credit": N_("Credit"),
    "discount": N_("Discount"),
    "gift": N_("Gift"),
    "fee-waiver": N_("Fee waived"),
}


class Limit(Strict):
    """One kind of thing a role may give on its own authority, and how much."""

    # A limit is read after its kind's name ("Credit up to"), so its labels are worded to follow one.
    kind: Slug = Field(
        title=N_("kind"),
        description="refund, credit, discount, gift, fee-waiver, or a kind of your own (give it a label)",
    )
    label: Text | None = Field(
        default=None, title=N_("label"), description="what the kind is called, for a kind of your own"
    )
    up_to: Money | None = Field(
        default=None, title=N_("up to"), description="the largest amount, in the manual's currency"
    )
    percent: Percent | None = Field(
        default=None, title=N_("percentage up to"), description="for a discount: the largest percentage"
    )
    lasting: Text | None = Field(
        default=None, title=N_("lasting"), description="how long a discount or credit may run, like '3 months'"
    )
    note: Text | None = Field(default=None, title=N_("note"), description="anything else staff should know")

    @model_validator(mode="after")
    def _says_how_much(self) -> Limit:
        if self.kind not in LIMIT_KINDS and self.label is None:
            raise ValueError(
                f"'{self.kind}' is a kind of your own: give it a label (the known kinds are {', '.join(LIMIT_KINDS)})"
            )
        if self.kind not in _MONEY_KINDS or self.up_to is not None or self.percent is not None:
            return self
        raise ValueError(f"a {self.kind} limit needs up_to (an amount) or percent")

    def name(self, words: Localization) -> str:
        """What the limit is, in the manual's words: "Credit", "Gutschrift", or the label of a kind of your own."""
        return self.label or words.gettext(LIMIT_LABELS[self.kind])

    def summary(self, words: Localization) -> str:
        """In the manual's words: "Discount up to 15 % for 3 months", "Credit up to $50"."""
        title = self.name(words)
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
    max_discount_percent: Percent = Field(
        default=0, title=N_("discount up to"), description="the largest discount this role may give alone, in percent"
    )
    max_refund: Money = Field(
        default=0,
        validate_default=True,
        title=N_("refund up to"),
        description="largest refund this role may approve alone",
    )
    free_gift: bool = Field(default=False, title=N_("free gift"), description="may give a free gift")
    max_gift_value: Money = Field(
        default=0,
        validate_default=True,
        title=N_("gift value up to"),
        description="the largest value of a free gift this role may give",
    )
    may_consult_staff: bool = Field(
        default=False, title=N_("may consult other staff"), description="may ask other departments for the answer"
    )
    may_override_policy: bool = Field(
        default=False,
        title=N_("may override policy"),
        description="may decide against a policy's rules on its own authority",
    )
    other: list[Text] = Field(
        default_factory=list, title=N_("other offers"), description="other offers this role may make"
    )
    limits: list[Limit] = Field(
        default_factory=list,
        title=N_("limits"),
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
    title: Text = Field(title=N_("title"), description="the role's name, like 'Team lead'")
    description: Text = Field(title=N_("description"), description="what the role does, in a sentence")
    reports_to: Annotated[Slug, RefTo("role")] | None = Field(
        default=None, title=N_("reports to"), description="the role this one escalates to and answers to"
    )
    authority: Authority = Field(title=N_("authority"), description="what this role may give or decide alone")
    reviewers: list[Reviewer] = Field(
        default_factory=list,
        title=N_("reviewers"),
        description="who reviews a change to a policy this role owns, and is reminded when its review is "
        "due: GitHub users or teams ('@jdoe', '@acme/care-leads') or email addresses; "
        "`deskbook reviewers --codeowners` writes them into CODEOWNERS",
    )


class RoleList(Strict):
    roles: list[Role] = Field(min_length=1, title=N_("roles"), description="every role, with its authority")


class Level(Strict):
    role: Annotated[Slug, RefTo("role")] = Field(
        title=N_("role"), description="the role that takes the case at this level"
    )
    respond_within: Duration | None = Field(
        default=None,
        title=N_("responds within"),
        description="how soon this level takes the case up, like '4 business hours'; leave out where the "
        "process sets no time, or give respond_by_urgency",
    )
    respond_by_urgency: dict[Text, Duration] = Field(
        default_factory=dict,
        title=N_("responds by urgency"),
        description="how soon this level takes the case up, by the urgency the request is marked with, like "
        "'urgent: 30 minutes', 'timely: 1 hour', 'not urgent: 2 hours'",
    )
    hand_on_when: Text = Field(title=N_("passes on when"), description="when this level passes the case up to the next")

    @model_validator(mode="after")
    def _one_response_time(self) -> Level:
        if self.respond_within is not None and self.respond_by_urgency:
            raise ValueError("give respond_within or respond_by_urgency, not both")
        return self

    def response_words(self, words: Localization) -> str:
        """The level's response time as a reader sees it: "30 minutes", "urgent: 30 minutes; timely: 1 hour",
        or "no set time"."""
        if self.respond_within is not None:
            return words.duration(self.respond_within)
        if self.respond_by_urgency:
            return "; ".join(words.gettext("%(urgency)s: %(time)s", urgency=urgency, time=words.duration(time))
                             for urgency, time in self.respond_by_urgency.items())
        return words.gettext("no set time")


class Chain(Entity):
    kind = "chain"
    title: Text = Field(title=N_("title"), description="the chain's name, as its page heading shows it")
    summary: Markdown = Field(title=N_("summary"), description="when this chain is used and how far it goes")
    triggers: list[Text] = Field(min_length=1, title=N_("triggers"), description="situations that start this chain")
    levels: list[Level] = Field(min_length=1, title=N_("levels"), description="who takes the case, in order")
    then: Annotated[Slug, RefTo("chain")] | None = Field(
        default=None, title=N_("then"), description="a chain that takes over after the last level"
    )
    procedure: Annotated[Slug, RefTo("procedure")] | None = Field(
        default=None, title=N_("procedure"), description="the procedure staff follow along this chain"
    )


def _one_or_more(value: object) -> object:
    """One value, or a list of values any of which matches: ``premium`` reads as ``[premium]``."""
    return [value] if isinstance(value, str) else value


class Condition(Strict):
    """When a routing rule applies: every condition given must hold. ``description`` is a condition in
    words that the checker does not judge."""

    order_value_over: Money | None = Field(
        default=None, title=N_("order value over"), description="orders worth more than this amount"
    )
    amount_requested_over: Money | None = Field(
        default=None, title=N_("amount requested over"), description="the refund or credit asked for"
    )
    key_account: bool | None = Field(
        default=None, title=N_("key account"), description="true for the accounts listed under key_accounts"
    )
    account_lines_over: int | None = Field(
        default=None,
        ge=0,
        title=N_("account lines over"),
        description="accounts with more lines, seats or subscriptions than this",
    )
    account_tier: Annotated[list[Text], BeforeValidator(_one_or_more)] | None = Field(
        default=None,
        title=N_("account tier"),
        description="the account's tier, like 'premium', or a list of tiers any of which matches, like "
        "[premium, ultimate]",
    )
    product: Annotated[Slug, RefTo("product")] | None = Field(
        default=None, title=N_("product"), description="the product the case is about"
    )
    channel: Channel | None = Field(default=None, title=N_("channel"), description="the channel the case came in on")
    category: Annotated[Slug, RefTo("category")] | None = Field(
        default=None, title=N_("category"), description="the schedule category of the case"
    )
    description: Text | None = Field(
        default=None, title=N_("description"), description="a condition in words, which check does not judge"
    )


class RoutingRule(Entity):
    kind = "routing"
    title: Text = Field(title=N_("title"), description="the rule in a few words, like 'Orders over $500'")
    when: Condition = Field(title=N_("when"), description="when the rule applies: every condition given must hold")
    route_to: Annotated[Slug, RefTo("role")] | None = Field(
        default=None,
        title=N_("sent to"),
        description="the role that takes these cases; leave out on a key-account rule to send each account "
        "to the executive named for it under key_accounts",
    )
    chain: Annotated[Slug, RefTo("chain")] | None = Field(
        default=None, title=N_("escalation chain"), description="the escalation chain these cases follow"
    )
    desk: Text | None = Field(
        default=None, title=N_("desk"), description="a desk or team that takes these cases, like 'Business Desk'"
    )
    note: Text | None = Field(default=None, title=N_("note"), description="anything else staff should know")

    @model_validator(mode="after")
    def _has_a_destination(self) -> RoutingRule:
        if self.route_to is None and self.chain is None and self.desk is None and not self.when.key_account:
            raise ValueError(
                "name where these cases go: route_to (a role), chain or desk (only a key-account "
                "rule may leave all out)"
            )
        return self


class KeyAccount(Entity):
    kind = "account"
    name: Text = Field(title=N_("name"), description="the customer's name, as staff know the account")
    handled_by: Annotated[Slug, RefTo("executive")] | None = Field(
        default=None,
        title=N_("handled by"),
        description="the id of the executive in company.yaml who takes this account's cases; or give handled_by_role",
    )
    handled_by_role: Annotated[Slug, RefTo("role")] | None = Field(
        default=None,
        title=N_("handled by role"),
        description="the id of the role in roles.yaml that takes this account's cases, like 'account-manager'",
    )

    @model_validator(mode="after")
    def _one_handler(self) -> KeyAccount:
        if (self.handled_by is None) == (self.handled_by_role is None):
            raise ValueError("name who takes this account's cases: handled_by (an executive) or handled_by_role "
                             "(a role), one of them")
        return self
    reason: Text = Field(title=N_("reason"), description="why the account is handled apart")


class Routing(Strict):
    rules: list[RoutingRule] = Field(min_length=1, title=N_("rules"), description="where each kind of case goes")
    key_accounts: list[KeyAccount] = Field(
        default_factory=list, title=N_("key accounts"), description="accounts an executive handles in person"
    )
