"""Who may approve a request, where the case goes and how fast it must be answered: one decision over the
Manual, in words.

:func:`decide` answers one request from the model. :func:`decision_table` is the same decision laid out
as data (thresholds per kind of request, rules with their conditions, answers already in words) for the
site's "Who decides?" helper, which only looks answers up in it, so the page and this module cannot
disagree in substance; a browser test compares the two on generated requests.

:func:`how_fast` answers how fast a case must be answered, from ``service-levels.yaml``: the case is
described by the company's own dimensions (plan, severity, channel, whatever it declares), and the answer
is each metric's target on its clock, or "not offered", with the level that sets it. The decision table
carries the same answer per level, and the service-levels page's "How fast must I answer?" helper looks
it up there.

The kinds of request are read from the model: every Money or Percent field of :class:`Authority` (its
title is the label) and every kind of ``authority.limits``; a kind nobody holds is left out. The first
role in ``roles.yaml`` is the reader ("you"), as the authority matrix and the chains have it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal

from babel.lists import format_list
from babel.numbers import get_decimal_symbol, get_group_symbol

from .locale import Localization
from .manual import Manual
from .model import Authority, Chain, Level, Money, Role, RoutingRule
from .model.escalation import Limit
from .model.fields import label, type_of
from .model.quantity import Quantity
from .model.service_levels import ServiceLevel, ServiceLevels, Target
from .site.reading_order import in_reading_order  # a pure module: the order chains are read in

Unit = Literal["money", "percent", "quantity", "held"]
"""How a kind of request is measured: an amount of money, a percentage, a time or a count (a
``quantity``: 14 days of extension, 500 usage minutes), or only whether a role holds it."""

ROUTED = "routing:"
"""A request kind that names a routing rule (``routing:privacy-requests``): the case is of that kind."""

# Marks a thousands group or a space in an amount as people type it: the locale's own group mark is
# added to these (1.500 in German), and the Swiss and Arabic marks are read in every locale.
_SPACING = "[ \t\r\n\u00a0\u2009\u202f'\u2019\u066c]"
_PLAIN_AMOUNT = re.compile(r"[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class Measure:
    """A kind of request measured against the roles' authority: ``max_refund`` (an Authority field) or
    ``limit:credit`` (a kind of ``authority.limits``)."""

    id: str
    label: str
    unit: Unit
    of: Quantity | None = None
    """For a ``quantity``: the first role's limit, whose kind and unit (days, usage minutes) every other
    role's limit of the kind must share to be compared with it."""


@dataclass(frozen=True)
class Request:
    """What a rep is asked for: ``kind`` is a :class:`Measure` id or ``routing:<rule id>``; ``amount`` is
    as typed (in the manual's locale or any script's digits); the rest is optional."""

    kind: str
    amount: str = ""
    tier: str | None = None
    category: str | None = None
    urgency: str | None = None
    service_level: tuple[tuple[str, str | None], ...] | None = None
    """The case's values of the service-level dimensions, ``(("plan", "premium"), ("severity", None))``
    (None: not known): given, the answer says how fast the case must be answered (``Decision.timing``).
    With no ``kind``, that is the whole question."""


@dataclass(frozen=True)
class Decision:
    """The answer: ``sentences`` start with the verdict and go on with its reasons; ``path`` is the roles
    the case climbs (from ``chain``), ``responds`` how fast the deciding role answers, ``targets`` the
    first-answer targets of the case's category, channel by channel. ``refusal`` alone when the request
    cannot be judged."""

    refusal: str | None = None
    approver: str | None = None
    rule: str | None = None
    chain: str | None = None
    path: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    responds: str | None = None
    note: str | None = None
    targets: tuple[str, ...] = ()
    timing: Timing | None = None

    def as_data(self) -> dict[str, Any]:
        """The shape the "Who decides?" page's ``evaluate`` returns, for comparing the two (the timing has
        its own page and shape: ``Timing.as_data``)."""
        return {
            "refusal": self.refusal, "approver": self.approver, "rule": self.rule, "chain": self.chain,
            "path": list(self.path), "sentences": list(self.sentences), "responds": self.responds,
            "note": self.note, "targets": list(self.targets),
        }


@dataclass(frozen=True)
class _Part:
    """One side of a decision (the approval of an amount, or a routing rule), with its response times
    by urgency ("" for a request that names none)."""

    approver: str | None = None
    rule: str | None = None
    chain: str | None = None
    path: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    responds: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    category: str | None = None

    def as_data(self) -> dict[str, Any]:
        return {"approver": self.approver, "rule": self.rule, "chain": self.chain, "path": list(self.path),
                "sentences": list(self.sentences), "responds": self.responds, "note": self.note,
                "category": self.category}


# -- kinds of request and the limits roles hold -----------------------------------------------------------

def measures(manual: Manual) -> list[Measure]:
    """The kinds of request someone holds authority for: Authority's Money and Percent fields in the
    model's order, then the kinds of ``authority.limits`` in the order roles first name them."""
    words = manual.localization
    roles = manual.entities("role")
    found: list[Measure] = []
    for name in Authority.model_fields:
        field_type = type_of(Authority, name)
        unit: Unit | None = "money" if field_type.annotation is Money else "percent" if field_type.is_percent else None
        if unit is None:
            continue
        measure = Measure(name, label(Authority, name, words), unit)
        if any(role_limit(manual, role, measure) is not None for role in roles):
            found.append(measure)
    kinds: dict[str, Measure] = {}
    for role in roles:
        for limit in role.authority.limits:
            unit, _ = limit_size(limit)
            if limit.kind not in kinds:
                name = limit.name(words)
                shown = name if unit == "held" else words.gettext("%(kind)s up to", kind=name)
                of = limit.size if unit == "quantity" else None
                kinds[limit.kind] = Measure(f"limit:{limit.kind}", shown, unit, of)
    return found + list(kinds.values())


def limit_size(limit: Limit) -> tuple[Unit, Money | Decimal | None]:
    """How a typed limit is measured and how much it allows; the one place that reads a Limit's value.
    A formula in words has no size to compare: whoever holds it holds the kind."""
    size = limit.size
    if limit.formula is not None or size is None:
        return "held", None
    if size.kind == "percent":
        return "percent", size.low
    if size.kind == "money":
        return "money", Money(size.low, size.unit)
    return "quantity", size.low


def role_limit(manual: Manual, role: Role, measure: Measure) -> Money | Decimal | None:
    """How much of ``measure`` the role may give alone (a Money, a percentage, or ``Decimal(0)`` for a kind
    held with no amount); None when it holds none, or only in another unit or currency."""
    if measure.id.startswith("limit:"):
        limit = role.authority.limit(measure.id.removeprefix("limit:"))
        if limit is None:
            return None
        unit, size = limit_size(limit)
        if unit != measure.unit or (unit == "quantity" and not _same_measure(limit.size, measure.of)):
            return None
        value: Any = Decimal(0) if size is None else size
    else:
        value = getattr(role.authority, measure.id)
        value = value if isinstance(value, Money) else Decimal(value)
        if _size(value) <= 0:  # a limit of nothing is not holding the authority
            return None
    if isinstance(value, Money) and value.currency != manual.localization.currency:
        return None  # amounts of two currencies have no order without an exchange rate
    return value


def _size(value: Money | Decimal) -> Decimal:
    return value.amount if isinstance(value, Money) else value


def _same_measure(size: Quantity | None, of: Quantity | None) -> bool:
    return size is not None and of is not None and (size.kind, size.unit) == (of.kind, of.unit)


def shown_limit(words: Localization, measure: Measure, value: Money | Decimal) -> str:
    if measure.unit == "money":
        return words.money(value)
    if measure.unit == "quantity" and measure.of is not None:
        return words.quantity(replace(measure.of, low=_size(value), high=None))
    return words.percent(_size(value))


# -- reading an amount --------------------------------------------------------------------------------------

def number_marks(manual: Manual) -> dict[str, str]:
    """How the manual's locale writes a number's decimal and group marks."""
    locale = manual.localization.locale
    return {"decimal": get_decimal_symbol(locale), "group": get_group_symbol(locale)}


def read_amount(typed: str, marks: dict[str, str]) -> Decimal | str:
    """An amount as a rep types it (``1.500`` in German, ``1’500``, ``٢٥٠``) as a number, or the name of
    what is wrong with it: ``empty``, ``number``, ``negative``, ``zero``. The page reads it the same way."""
    text = "".join(str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char for char in typed)
    text = re.sub(_SPACING, "", text)
    if not text:
        return "empty"
    negative = text[0] in "-\u2212"
    text = text[1:] if negative else text
    text = text.replace(marks["group"], "").replace(marks["decimal"], ".").replace("\u066b", ".")
    if not _PLAIN_AMOUNT.fullmatch(text):
        return "number"
    amount = Decimal(text)
    if negative and amount:
        return "negative"
    return amount if amount else "zero"


def _refusals(manual: Manual) -> dict[str, str]:
    words = manual.localization
    return {
        "empty": words.gettext("Enter the amount first."),
        "number": words.gettext("That is not an amount: write it in digits, like %(example)s.",
                                example=words.number(Decimal("1250"))),
        "negative": words.gettext("An amount below zero is not a request: write it without a minus sign."),
        "zero": words.gettext("Nothing to approve: the amount is zero."),
        "percent": words.gettext("A percentage goes up to %(most)s.", most=words.percent(100)),
    }


# -- the decision -------------------------------------------------------------------------------------------

def decide(manual: Manual, request: Request) -> Decision:
    """Who may approve ``request``, where it goes and how fast it must be answered, with the reasons: the
    deciding role's own answer times by urgency, the category's first-answer targets and, for a case with
    service-level values, each metric's target and its clock (:func:`how_fast`)."""
    timing = how_fast(manual, dict(request.service_level)) if request.service_level is not None else None
    if not request.kind:
        if timing is None:
            raise ValueError("a request names a kind of request, service-level values, or both")
        return Decision(timing=timing)
    decision = _approved_and_routed(manual, request)
    return replace(decision, timing=timing) if timing is not None else decision


def _approved_and_routed(manual: Manual, request: Request) -> Decision:
    measure = next((measure for measure in measures(manual) if measure.id == request.kind), None)
    if measure is None:
        rule = manual.get("routing", request.kind.removeprefix(ROUTED)) if request.kind.startswith(ROUTED) else None
        if rule is None:
            raise ValueError(f"'{request.kind}' is no kind of request of this manual")
        return _finish(manual, request, None, _rule_part(manual, rule))
    amount: Decimal | None = None
    if measure.unit != "held":
        read = read_amount(request.amount, number_marks(manual))
        if isinstance(read, str):
            return Decision(refusal=_refusals(manual)[read])
        if measure.unit == "percent" and read > 100:
            return Decision(refusal=_refusals(manual)["percent"])
        amount = read
    approval = _approval_part(manual, measure, amount)
    rule = next((rule for rule in manual.entities("routing")
                 if _applies(manual, rule, measure, amount, request)), None)
    return _finish(manual, request, approval, _rule_part(manual, rule) if rule else None)


def _finish(manual: Manual, request: Request, approval: _Part | None, routed: _Part | None) -> Decision:
    """The two sides put together as the page does (``evaluate`` in who-decides.js): a rule that applies
    decides where the case goes and its chain; the approval still says who may agree to the amount."""
    lead = routed if routed is not None and (routed.chain or approval is None) else approval
    assert lead is not None  # a request has an approval side, a rule, or both
    category = (routed.category if routed is not None else None) or request.category
    responds = lead.responds.get(request.urgency or "", lead.responds.get(""))
    return Decision(
        approver=approval.approver if approval else None,
        rule=routed.rule if routed else None,
        chain=lead.chain,
        path=lead.path,
        sentences=(routed.sentences if routed else ()) + (approval.sentences if approval else ()),
        responds=responds,
        note=routed.note if routed else None,
        targets=tuple(category_targets(manual).get(category, ())) if category else (),
    )


def automatic(manual: Manual, rule: RoutingRule) -> bool:
    """Whether a rule can send a request on by itself: every condition it gives is one a request states
    (the amount asked for, in the manual's currency; the account's tier; the category). A rule with a
    condition the helper cannot know (an order's value, a key account, a condition in words) is chosen
    by name instead."""
    when = rule.when
    given = sum(value is not None for _, value in when)
    judged = (when.amount_requested_over is not None
              and when.amount_requested_over.currency == manual.localization.currency,
              when.account_tier is not None, when.category is not None)
    return given > 0 and sum(judged) == given


def _applies(manual: Manual, rule: RoutingRule, measure: Measure, amount: Decimal | None, request: Request) -> bool:
    """Whether an :func:`automatic` rule's conditions hold for the request."""
    if not automatic(manual, rule):
        return False
    when = rule.when
    if when.amount_requested_over is not None and not (
            measure.unit == "money" and amount is not None and amount > when.amount_requested_over.amount):
        return False
    if when.account_tier is not None and request.tier not in when.account_tier:
        return False
    return when.category is None or request.category == when.category


def _approval_part(manual: Manual, measure: Measure, amount: Decimal | None) -> _Part:
    """The lowest role whose limit covers ``amount`` (any holder, for a kind held with no amount)."""
    words = manual.localization
    roles = manual.entities("role")
    you = roles[0]
    holders = [(value, index, role) for index, role in enumerate(roles)
               if (value := role_limit(manual, role, measure)) is not None]
    covering = [(value, index, role) for value, index, role in holders
                if amount is None or amount <= _size(value)]
    own = next((value for value, _, role in holders if role is you), None)
    if own is not None and (amount is None or amount <= _size(own)):
        if amount is None:
            return _Part(approver=you.id, sentences=(words.gettext("You may agree to this yourself."),))
        return _Part(approver=you.id, sentences=(
            words.gettext("You may agree to this yourself."),
            words.gettext("It is within your limit (%(limit)s).", limit=shown_limit(words, measure, own))))
    if not covering:
        value, _, top = max(holders, key=lambda holder: (_size(holder[0]), holder[1]))
        chain, path, _ = _climb(manual, top, measure)
        return _Part(chain=chain, path=path, sentences=(
            words.gettext("No role may approve this much alone."),
            words.gettext("The highest limit is %(limit)s (%(role)s): send it up the chain to the top.",
                          limit=shown_limit(words, measure, value), role=top.title)))
    value, _, approver = min(covering, key=lambda holder: (_size(holder[0]), holder[1]))
    chain, path, level = _climb(manual, approver, measure)
    verdict = words.gettext("%(role)s may approve it.", role=approver.title)
    if amount is None:
        reason = words.gettext("%(role)s is the first role that holds this authority; you do not.",
                               role=approver.title)
    elif own is None:
        reason = words.gettext("You hold no authority of this kind; %(role)s may give up to %(limit)s, the "
                               "lowest limit that covers it.", role=approver.title,
                               limit=shown_limit(words, measure, value))
    else:
        reason = words.gettext("It is more than you may give (%(own)s); %(role)s may give up to %(limit)s, "
                               "the lowest limit that covers it.", own=shown_limit(words, measure, own),
                               role=approver.title, limit=shown_limit(words, measure, value))
    return _Part(approver=approver.id, chain=chain, path=path, sentences=(verdict, reason),
                 responds=_responds(words, approver, level))


def _chain_levels(manual: Manual, chain: Chain) -> list[tuple[Chain, Level]]:
    """A chain's levels followed by those of the chains it hands on to (``then``), each chain once."""
    levels: list[tuple[Chain, Level]] = []
    seen: set[str] = set()
    current: Chain | None = chain
    while current is not None and current.id not in seen:
        seen.add(current.id)
        levels.extend((current, level) for level in current.levels)
        current = manual.get("chain", current.then) if current.then else None
    return levels


def _climb(manual: Manual, role: Role, measure: Measure) -> tuple[str | None, tuple[str, ...], Level | None]:
    """The chain a request climbs to reach ``role``: of the chains (with the chains they hand on to) that
    reach it, the one that passes the most roles holding this kind of authority on the way, as a case
    beyond each lower limit does; the first in reading order of equals. Returns the chain, the roles up to
    ``role`` and the level at which ``role`` takes the case."""
    best: tuple[int, str, tuple[str, ...], Level] | None = None
    for chain in in_reading_order(manual.entities("chain")):
        path: list[str] = []
        for _, level in _chain_levels(manual, chain):
            if level.role in path:
                continue
            path.append(level.role)
            if level.role == role.id:
                passed = sum(1 for role_id in path[:-1]
                             if (other := manual.get("role", role_id)) is not None
                             and role_limit(manual, other, measure) is not None)
                if best is None or passed > best[0]:
                    best = (passed, chain.id, tuple(path), level)
                break
    if best is None:
        return None, (), None
    return best[1], best[2], best[3]


def _responds(words: Localization, role: Role, level: Level | None) -> dict[str, str]:
    """How fast ``role`` answers at ``level``, by urgency ("" for a request marked with none)."""
    if level is None:
        return {}
    if level.respond_within is not None:
        if level.respond_within.immediate:
            return {"": words.gettext("%(role)s takes it at once.", role=role.title)}
        return {"": words.gettext("%(role)s answers you within %(within)s.", role=role.title,
                                  within=words.duration(level.respond_within))}
    if not level.respond_by_urgency:
        return {"": words.gettext("%(role)s has no set time to answer you.", role=role.title)}
    answers = {"": words.gettext("%(role)s answers you within: %(times)s.", role=role.title,
                                 times=level.response_words(words))}
    for urgency, within in level.respond_by_urgency.items():
        answers[urgency] = words.gettext("%(role)s answers you within %(within)s (%(urgency)s).",
                                         role=role.title, within=words.duration(within), urgency=urgency)
    return answers


def _rule_part(manual: Manual, rule: RoutingRule) -> _Part:
    """Where a routing rule sends a case and why, in words."""
    words = manual.localization
    chain = manual.get("chain", rule.chain) if rule.chain else None
    levels = _chain_levels(manual, chain) if chain else []
    path = tuple(dict.fromkeys(level.role for _, level in levels))
    role = manual.get("role", rule.route_to) if rule.route_to else None
    if role is not None:
        verdict = words.gettext("Send it to %(role)s.", role=role.title)
    elif rule.desk:
        verdict = words.gettext("Send it to %(desk)s.", desk=rule.desk)
    elif rule.when.key_account:
        verdict = words.gettext("Send it to whoever is named for the account: %(accounts)s.",
                                accounts=account_handlers(manual))
    else:  # a rule that names only a chain (the model requires one of the above or a chain)
        assert chain is not None
        roles = {role.id: role.title for role in manual.entities("role")}
        you = next(iter(roles))
        first = next((role_id for role_id in path if role_id != you), path[0])
        verdict = words.gettext("Take it up %(chain)s: %(role)s takes it first.", chain=chain.display_title,
                                role=roles[first])
    sentences = [verdict]
    reasons = condition_phrases(manual, rule)
    if reasons:
        sentences.append(words.gettext("It goes there because %(reasons)s.", reasons=_and_list(words, reasons)))
    if rule.when.description:
        sentences.append(rule.when.description)
    level = next((level for _, level in levels if role is not None and level.role == role.id), None)
    return _Part(rule=rule.id, chain=rule.chain, path=path, sentences=tuple(sentences),
                 responds=_responds(words, role, level) if role is not None else {}, note=rule.note,
                 category=rule.when.category)


def account_handlers(manual: Manual) -> str:
    """Who handles each key account, in words: "Northwind (Dana Reyes) and Acme (Account Manager)"."""
    return _and_list(manual.localization,
                     (_account_handler(manual, account) for account in manual.entities("account")))


def _account_handler(manual: Manual, account: Any) -> str:
    if account.handled_by:
        executive = manual.get("executive", account.handled_by)
        handler = executive.name if executive else account.handled_by
    else:
        role = manual.get("role", account.handled_by_role)
        handler = role.title if role else account.handled_by_role
    return manual.localization.gettext("%(account)s (%(handler)s)", account=account.name, handler=handler)


def _and_list(words: Localization, items: Iterable[str]) -> str:
    return format_list(list(items), locale=words.locale)


def condition_phrases(manual: Manual, rule: RoutingRule) -> list[str]:
    """A rule's conditions as the reason a case goes there: "the customer asks for more than $1,000"."""
    words = manual.localization
    when = rule.when
    phrases = []
    if when.order_value_over is not None:
        phrases.append(words.gettext("the order is worth more than %(amount)s",
                                     amount=words.money(when.order_value_over)))
    if when.amount_requested_over is not None:
        phrases.append(words.gettext("the customer asks for more than %(amount)s",
                                     amount=words.money(when.amount_requested_over)))
    if when.key_account:
        phrases.append(words.gettext("the customer is a key account"))
    if when.account_lines_over is not None:
        phrases.append(words.gettext("the account has more than %(lines)s lines", lines=when.account_lines_over))
    if when.account_tier:
        phrases.append(words.gettext("the account is %(tier)s", tier=words.any_of(when.account_tier)))
    if when.product:
        product = manual.get("product", when.product)
        phrases.append(words.gettext("it is about %(product)s",
                                     product=product.display_title if product else when.product))
    if when.channel:
        phrases.append(words.gettext("it comes by %(channel)s", channel=manual.channel_name(when.channel)))
    if when.category:
        category = manual.get("category", when.category)
        phrases.append(words.gettext("the inquiry's category is %(category)s",
                                     category=category.display_title if category else when.category))
    return phrases


def category_targets(manual: Manual) -> dict[str, list[str]]:
    """Each category's first-answer targets, channel by channel: "E-mail: 24 hours"."""
    words = manual.localization
    return {
        category.id: [words.gettext("%(channel)s: %(time)s", channel=manual.channel_name(channel),
                                    time=words.duration(category.targets[channel]))
                      for channel in manual.schedule.channels if category.takes(channel)]
        for category in manual.entities("category")
    }


# -- how fast a case must be answered ------------------------------------------------------------------------

@dataclass(frozen=True)
class Timing:
    """How fast a case must be answered: ``targets`` one per metric (its ``metric`` id, whether it is
    ``offered``, the time allowed, the ``clock`` it is counted on with that clock's ``zone``, and the
    ``text`` staff read); ``level`` is the level that sets them (its values, ``premium sev-1``);
    ``sentences`` say why. ``refusal`` alone when no value of the case is given."""

    refusal: str | None = None
    level: str | None = None
    targets: tuple[dict[str, Any], ...] = ()
    sentences: tuple[str, ...] = ()
    note: str | None = None

    def as_data(self) -> dict[str, Any]:
        """The shape the page's ``evaluate`` returns, for comparing the two."""
        return {"refusal": self.refusal, "level": self.level, "targets": [dict(target) for target in self.targets],
                "sentences": list(self.sentences), "note": self.note}


def how_fast(manual: Manual, case: Mapping[str, str | None]) -> Timing:
    """How fast a case must be answered: ``case`` gives a value of each service-level dimension it knows
    (``{"plan": "premium", "severity": "sev-1"}``; a dimension left out or None is not known).

    A level applies when the case has every value it names; of those, the one naming the most
    dimensions decides, the first in the file of equals. Raises ValueError for a manual without service
    levels, or a dimension or value it does not declare."""
    levels = manual.service_levels
    if levels is None:
        raise ValueError("this manual has no service levels")
    given = {dimension: value for dimension, value in case.items() if value is not None}
    for dimension_id, value_id in given.items():
        dimension = levels.dimension(dimension_id)
        if dimension is None or dimension.value(value_id) is None:
            raise ValueError(f"'{dimension_id}: {value_id}' is no value of this manual's service levels")
    if not given:
        return Timing(refusal=_level_refusals(manual)["empty"])
    applying = [level for level in levels.levels
                if all(given.get(dimension) == value for dimension, value in level.when.items())]
    if not applying:
        return Timing(refusal=_level_refusals(manual)["uncovered"])
    chosen = max(applying, key=lambda level: (len(level.when), -levels.levels.index(level)))
    return _level_timing(manual, levels, chosen)


def _level_refusals(manual: Manual) -> dict[str, str]:
    words = manual.localization
    return {
        "empty": words.gettext("Choose the case's values first."),
        "uncovered": words.gettext("No service level covers this case, so no time is promised."),
    }


def _level_timing(manual: Manual, levels: ServiceLevels, level: ServiceLevel) -> Timing:
    """What ``level`` promises, metric by metric, and why it is the one that applies."""
    words = manual.localization
    names = _and_list(words, (levels.value_name(dimension, value) for dimension, value in level.when.items()))
    sentences = [words.gettext("The service level for %(values)s applies.", values=names)]
    unnamed = [dimension.name for dimension in levels.dimensions if dimension.id not in level.when]
    if unnamed:
        sentences.append(words.gettext("It names no %(dimensions)s, so it holds for every one.",
                                       dimensions=_and_list(words, unnamed)))
    targets = []
    for metric in levels.metrics:
        cell = level.targets.get(metric.id)
        text = words.gettext("%(metric)s: %(target)s", metric=metric.name,
                             target=levels.cell_label(cell, manual, words))
        if isinstance(cell, Target):
            line = manual.get("service-line", cell.clock)
            hours = manual.service_hours
            zone = None if levels.never_stops(cell.clock, manual) or line is None or hours is None \
                else line.time_zone or hours.time_zone
            targets.append({"metric": metric.id, "offered": True, "within": words.duration(cell.within),
                            "clock": cell.clock, "zone": zone, "text": text})
            continue
        targets.append({"metric": metric.id, "offered": False, "within": None, "clock": None, "zone": None,
                        "text": text})
        if cell is None:
            sentences.append(words.gettext("This level sets no target for %(metric)s.", metric=metric.name))
        else:
            sentences.append(words.gettext("%(metric)s is not offered at this level.", metric=metric.name))
    return Timing(level=level.id, targets=tuple(targets), sentences=tuple(sentences), note=level.note)


def service_level_table(manual: Manual) -> dict[str, Any] | None:
    """:func:`how_fast` as data: the dimensions with their values, each level's values with its answer,
    and the refusals; None for a manual without service levels."""
    levels = manual.service_levels
    if levels is None:
        return None
    return {
        "dimensions": [{"id": dimension.id, "name": dimension.name,
                        "values": [{"id": value.id, "name": value.name} for value in dimension.values]}
                       for dimension in levels.dimensions],
        "levels": [{"when": dict(level.when), "answer": _level_timing(manual, levels, level).as_data()}
                   for level in levels.levels],
        "refusals": _level_refusals(manual),
    }


# -- the decision as a table --------------------------------------------------------------------------------

def decimal_text(value: Decimal) -> str:
    """A threshold as the page compares it: digits and a point, no exponent (``1E+3`` would be misread)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def decision_table(manual: Manual) -> dict[str, Any]:
    """:func:`decide` as data: per kind the thresholds at which the answer changes (the roles' limits,
    ascending) with the answer up to each, the answer beyond them all, the rules with their conditions and
    answers, the refusals, what a request may name (tiers, categories, urgencies), and the service levels
    as :func:`how_fast` answers them (None for a manual without)."""
    answers: list[dict[str, Any]] = []

    def answer(part: _Part) -> int:
        data = part.as_data()
        if data not in answers:
            answers.append(data)
        return answers.index(data)

    roles = manual.entities("role")
    kinds = []
    for measure in measures(manual):
        if measure.unit == "held":
            kinds.append({"id": measure.id, "label": measure.label, "unit": measure.unit, "steps": [],
                          "beyond": answer(_approval_part(manual, measure, None))})
            continue
        # Between two limits, every role that covers one amount covers the next: the answer is constant.
        limits = sorted({_size(value) for role in roles if (value := role_limit(manual, role, measure)) is not None})
        kinds.append({
            "id": measure.id, "label": measure.label, "unit": measure.unit,
            "steps": [{"upTo": decimal_text(limit), "answer": answer(_approval_part(manual, measure, limit))}
                      for limit in limits],
            "beyond": answer(_approval_part(manual, measure, limits[-1] + 1)),
        })
    rules = []
    for rule in manual.entities("routing"):
        when = rule.when
        rules.append({
            "id": ROUTED + rule.id, "title": rule.title, "auto": automatic(manual, rule),
            "over": decimal_text(when.amount_requested_over.amount) if when.amount_requested_over else None,
            "tiers": when.account_tier, "category": when.category,
            "answer": answer(_rule_part(manual, rule)),
        })
    tiers = dict.fromkeys(tier for rule in manual.entities("routing") for tier in rule.when.account_tier or ())
    urgencies = dict.fromkeys(urgency for chain in manual.entities("chain") for level in chain.levels
                              for urgency in level.respond_by_urgency)
    return {
        "numbers": number_marks(manual),
        "currency": manual.localization.currency,
        "refusals": _refusals(manual),
        "kinds": kinds,
        "rules": rules,
        "answers": answers,
        "targets": category_targets(manual),
        "tiers": list(tiers),
        "categories": [{"id": category.id, "name": category.display_title} for category in manual.entities("category")],
        "urgencies": list(urgencies),
        "serviceLevels": service_level_table(manual),
    }

