"""Roles with authority limits (``roles.yaml``), escalation chains (``escalation/*.yaml``) and routing rules
(``routing.yaml``)."""


import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

from ..locale import DEFAULT_CURRENCY, N_, Localization
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
    no_entries,
    no_items,
)
from .fields import label, type_of, written
from .quantity import Counted, Quantity

LIMIT_KINDS = ("refund", "credit", "discount", "gift", "fee-waiver")
_SIZED_KINDS = ("refund", "credit", "discount", "gift")
LIMIT_LABELS = {
    "refund": N_("Refund"),
    "credit": N_("Credit"),
    "discount": N_("Discount"),
    "gift": N_("Gift"),
    "fee-waiver": N_("Fee waived"),
}
_LENGTHS_OF_TIME = "'3 months', '14 days' or '1 year'"


def _a_length_of_time(value: Any, handler: ValidatorFunctionWrapHandler) -> Quantity:
    """How long a limit runs: a typed time. Free text ('until the next bill') was accepted before limits were
    typed; it now gets a message that says what to write instead of the quantity parser's general one."""
    try:
        lasting = handler(value)
    except ValidationError:
        lasting = None
    if not isinstance(lasting, Quantity) or lasting.kind != "duration":
        raise ValueError(f"'{value}' is not a length of time; write it like {_LENGTHS_OF_TIME} (a limit that "
                         "runs until something happens says so in its note)")
    return lasting


class Limit(Strict):
    """One kind of thing a role may give on its own authority, and how much."""

    # A limit is read after its kind's name ("Credit up to"), so its labels are worded to follow one.
    kind: Slug = Field(
        title=N_("kind"),
        description="refund, credit, discount, gift, fee-waiver, or a kind of your own (give it a label)",
    )
    label: Text | None = Field(
        default=None, title=N_("label"), description="what the kind is called, for a kind of your own, like "
        "'Extension' or 'Usage credit'"
    )
    up_to: Quantity | None = Field(
        default=None, title=N_("up to"),
        description="the most this role may give: an amount of money ('50' in the manual's currency, or "
        "'$50'), a time ('14 days'), or a number of something with counts naming it (500 with counts: usage "
        "minutes; 5 with counts: seats)",
    )
    counts: Counted | None = Field(
        default=None, title=N_("counts"),
        description="what up_to counts when it is neither money nor time, like 'seats' or 'usage minutes', or "
        "its plural forms by CLDR category ({one: seat, other: seats})",
    )
    percent: Percent | None = Field(
        default=None, title=N_("percentage up to"), description="for a discount: the largest percentage"
    )
    formula: Text | None = Field(
        default=None, title=N_("worked out as"),
        description="a limit that is no fixed amount, in words: how staff work it out, like 'current usage + "
        "twice the failed minutes'; shown instead of an amount",
    )
    lasting: Annotated[Quantity, WrapValidator(_a_length_of_time)] | None = Field(
        default=None, title=N_("lasting"),
        description=f"how long a discount, credit or extension may run, a length of time like {_LENGTHS_OF_TIME}",
    )
    note: Text | None = Field(default=None, title=N_("note"), description="anything else staff should know")

    @model_validator(mode="after")
    def _says_how_much(self, info: ValidationInfo) -> "Limit":
        if self.kind not in LIMIT_KINDS and self.label is None:
            raise ValueError(
                f"'{self.kind}' is a kind of your own: give it a label (the known kinds are {', '.join(LIMIT_KINDS)})"
            )
        if self.formula is not None and (self.up_to is not None or self.percent is not None):
            raise ValueError("give the limit as an amount (up_to or percent) or as a formula, not both; a "
                             "formula with a ceiling says the ceiling in its words")
        if self.up_to is not None and self.percent is not None:
            raise ValueError("give up_to or percent, not both: a limit has one size")
        if self.up_to is not None:
            object.__setattr__(self, "up_to", self._typed_up_to(self.up_to, info))
        elif self.counts is not None:
            raise ValueError("counts names what up_to counts; give up_to as a number, like up_to: 5 with counts: seats")
        if self.kind not in _SIZED_KINDS or self.size is not None or self.formula is not None:
            return self
        raise ValueError(f"a {self.kind} limit needs up_to (an amount, a time or a number with counts), percent "
                         "or formula")

    def _typed_up_to(self, up_to: Quantity, info: ValidationInfo) -> Quantity:
        if up_to.kind == "reference":
            raise ValueError(f"up_to is the limit itself; write the amount instead of {up_to}")
        if up_to.kind == "percent":
            raise ValueError(f"'{up_to}' is a percentage; write it as percent: {up_to.low}")
        if self.counts is not None:
            if up_to.kind != "count":
                raise ValueError("counts names what a plain number counts; write up_to as a number alone, "
                                 "like up_to: 500 with counts: usage minutes")
            forms = (("other", self.counts),) if isinstance(self.counts, str) else tuple(sorted(self.counts.items()))
            return Quantity("count", up_to.low, up_to.high, dict(forms).get("other", forms[0][1]), forms)
        if up_to.kind == "count":
            # A plain number is an amount of the manual's money, as up_to was before limits were typed.
            currency = (info.context or {}).get("currency", DEFAULT_CURRENCY)
            return Quantity("money", up_to.low, up_to.high, currency)
        return up_to

    def name(self, words: Localization) -> str:
        """What the limit is, in the manual's words: "Credit", "Gutschrift", or the label of a kind of your own."""
        return self.label or words.gettext(LIMIT_LABELS[self.kind])

    def amount(self, words: Localization) -> str | None:
        """The limit's size in the manual's words ("14 Tage", "500 usage minutes", "15 %"), its formula, or
        None for a limit of no size (a waived fee)."""
        if self.formula is not None:
            return self.formula
        size = self.size
        return words.quantity(size) if size is not None else None

    def extent(self, words: Localization) -> str:
        """How much, without the kind's name, for a cell under it: "up to 14 days", "up to 15 % for 3
        months", the formula, "for 7 days" or "Yes" for a limit of no size."""
        amount = self.amount(words)
        period = words.quantity(self.lasting) if self.lasting is not None else None
        if amount is None:
            return words.gettext("for %(period)s", period=period) if period else words.gettext("Yes")
        extent = words.gettext("up to %(amount)s", amount=amount) if self.size is not None else amount
        return words.gettext("%(extent)s for %(period)s", extent=extent, period=period) if period else extent

    def summary(self, words: Localization) -> str:
        """In the manual's words: "Discount up to 15 % for 3 months", "Credit up to $50", "Usage credit:
        current usage + 2 × the failed minutes"."""
        title = self.name(words)
        amount = self.amount(words)
        if self.formula is not None:
            title = words.gettext("%(label)s: %(value)s", label=title, value=amount)
        elif amount is not None:
            title = words.gettext("{limit} up to {amount}").format(limit=title, amount=amount)
        if self.lasting is not None:
            title = words.gettext("{limit} for {period}").format(limit=title, period=words.quantity(self.lasting))
        return title

    @property
    def size(self) -> Quantity | None:
        """For comparing two limits of the same kind: the percentage or the amount; None for a formula or a
        limit of no size."""
        if self.percent is not None:
            return Quantity("percent", Decimal(self.percent))
        return self.up_to

    @property
    def held(self) -> bool:
        """Whether the limit grants anything: a size of zero grants nothing, a formula or a sizeless kind
        (a waived fee) grants by being there."""
        size = self.size
        return size is None or size.numbers[-1] > 0


@dataclass(frozen=True)
class AmountOf:
    """Marks a field as the amount of a yes/no field of the same model (the value of a free gift): the two
    read as one kind of authority, "Yes, up to $25"."""

    field: str


@dataclass(frozen=True)
class OfKind:
    """Marks a field as one of LIMIT_KINDS (``max_refund`` is the refund limit), so where room is short it
    reads by the kind's name: "Refund $100" on the desk card."""

    kind: str


class Authority(Strict):
    max_discount_percent: Annotated[Percent, OfKind("discount")] = Field(
        default=0, title=N_("discount up to"), description="the largest discount this role may give alone, in percent"
    )
    max_refund: Annotated[Money, OfKind("refund")] = Field(
        default=0,
        validate_default=True,
        title=N_("refund up to"),
        description="largest refund this role may approve alone",
    )
    free_gift: Annotated[bool, OfKind("gift")] = Field(
        default=False, title=N_("free gift"), description="may give a free gift"
    )
    max_gift_value: Annotated[Money, AmountOf("free_gift")] = Field(
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
        default_factory=no_items, title=N_("other offers"), description="other offers this role may make"
    )
    limits: list[Limit] = Field(
        default_factory=no_items,
        title=N_("limits"),
        description="typed limits beyond the ones above: credits, extensions, usage minutes, seats, discounts "
        "for a time, waived fees, kinds of your own; a role with none of a kind holds no authority of that kind",
    )

    def limit(self, kind: str) -> Limit | None:
        return next((limit for limit in self.limits if limit.kind == kind), None)


@dataclass(frozen=True)
class Held:
    """One role's share of a kind of authority: the words a cell shows, whether the role holds any, and the
    words where room is short, with the kind's name (the desk card: "Refund $100", "Credit up to $50")."""

    text: str
    held: bool
    short: str = ""


@dataclass(frozen=True)
class AuthorityKind:
    """One kind of authority as the matrix, the handbook and the desk card show it: its label, one cell a
    role, whether it is something a role gives (an amount, a gift, a credit) rather than a permission, and
    whether its cells are plain amounts (set as figures)."""

    label: str
    cells: tuple[Held, ...]
    gives: bool
    numeric: bool = False


def authority_kinds(authorities: Sequence[Authority], words: Localization) -> list[AuthorityKind]:
    """The kinds of authority any of these roles holds, in the model's order, each field's kind from its
    type and its value: a kind no role holds (every refund limit zero, no free gift, no credit limit) is
    left out. A list of offers in words is no kind of its own; it is printed beside the matrix."""
    amounts = {marker.field: name for name in Authority.model_fields
               for marker in type_of(Authority, name).markers if isinstance(marker, AmountOf)}
    kinds: list[AuthorityKind] = []
    for name in Authority.model_fields:
        field_type = type_of(Authority, name)
        if any(isinstance(marker, AmountOf) for marker in field_type.markers):
            continue  # shown in the column of the field it is the amount of
        item = field_type.item
        if item is not None and item.annotation is Limit:
            kinds.extend(_limit_kinds([getattr(authority, name) for authority in authorities], words))
            continue
        if item is not None:
            continue
        amount_of = amounts.get(name)
        kind = next((marker.kind for marker in field_type.markers if isinstance(marker, OfKind)), None)
        short_label = words.gettext(LIMIT_LABELS[kind]) if kind is not None else label(Authority, name, words)
        cells = tuple(_held(authority, name, amount_of, short_label, words) for authority in authorities)
        if any(cell.held for cell in cells):
            amount = field_type.annotation is not bool
            kinds.append(AuthorityKind(label(Authority, name, words), cells, gives=amount or amount_of is not None,
                                       numeric=amount))
    return kinds


def _held(authority: Authority, name: str, amount_of: str | None, short_label: str, words: Localization) -> Held:
    value = getattr(authority, name)
    if isinstance(value, bool):
        amount = getattr(authority, amount_of) if amount_of is not None else None
        if value and amount is not None and _more_than_nothing(amount):
            amount_words = written(amount, words)
            return Held(words.gettext("Yes, up to %(amount)s", amount=amount_words), True,
                        words.gettext("%(kind)s %(amount)s", kind=short_label, amount=amount_words))
        return Held(words.gettext("Yes") if value else words.gettext("No"), value, short_label)
    text = written(value, words, type_of(Authority, name)) or str(value)
    return Held(text, _more_than_nothing(value), words.gettext("%(kind)s %(amount)s", kind=short_label, amount=text))


def _more_than_nothing(value: Money | int) -> bool:
    return (value.amount if isinstance(value, Money) else value) > 0


def _limit_kinds(limits_by_role: list[list[Limit]], words: Localization) -> list[AuthorityKind]:
    """One kind a limit kind any role holds, in the order the roles first name them."""
    first: dict[str, Limit] = {}
    for limits in limits_by_role:
        for limit in limits:
            first.setdefault(limit.kind, limit)
    kinds = []
    for kind, limit in first.items():
        cells = tuple(_limit_held(next((mine for mine in limits if mine.kind == kind), None), words)
                      for limits in limits_by_role)
        if any(cell.held for cell in cells):
            kinds.append(AuthorityKind(limit.name(words), cells, gives=True))
    return kinds


def _limit_held(limit: Limit | None, words: Localization) -> Held:
    if limit is None:
        return Held(words.gettext("None"), False)
    return Held(limit.extent(words), limit.held, limit.summary(words))


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
        default_factory=no_items,
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
        default_factory=no_entries,
        title=N_("responds by urgency"),
        description="how soon this level takes the case up, by the urgency the request is marked with, like "
        "'urgent: 30 minutes', 'timely: 1 hour', 'not urgent: 2 hours'",
    )
    hand_on_when: Text = Field(title=N_("passes on when"), description="when this level passes the case up to the next")

    @model_validator(mode="after")
    def _one_response_time(self) -> "Level":
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
    def _has_a_destination(self) -> "RoutingRule":
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
    def _one_handler(self) -> "KeyAccount":
        if (self.handled_by is None) == (self.handled_by_role is None):
            raise ValueError("name who takes this account's cases: handled_by (an executive) or handled_by_role "
                             "(a role), one of them")
        return self
    reason: Text = Field(title=N_("reason"), description="why the account is handled apart")


class Routing(Strict):
    rules: list[RoutingRule] = Field(min_length=1, title=N_("rules"), description="where each kind of case goes")
    key_accounts: list[KeyAccount] = Field(
        default_factory=no_items, title=N_("key accounts"), description="accounts an executive handles in person"
    )
