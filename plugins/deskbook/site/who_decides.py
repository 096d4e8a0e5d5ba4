"""Data for the "Who decides?" helper on the escalation page: roles with their limits, the kinds of
request a rep meets, chains with their levels and scripts, as one JSON block the page carries, so the
answer is worked out in the browser with no network, also from a folder (file://)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol

from ..locale import Localization
from ..manual import Manual
from ..model import Money
from .reading_order import in_reading_order

# The requests a rep can measure against the authority matrix: the Authority field that limits each.
MEASURED_REQUESTS = (
    ("refund", "max_refund", "money"),
    ("discount", "max_discount_percent", "percent"),
    ("gift", "max_gift_value", "money"),
)


def who_decides_data(manual: Manual, href: Callable[[str, str], str]) -> dict[str, Any]:
    """Everything the helper needs; ``href(kind, id)`` links from the escalation page. Amounts go as plain
    numbers for the comparison and as the manual's own writing for the answer."""
    words = manual.localization
    money = words.money
    roles = [
        {
            "id": role.id,
            "title": role.title,
            "href": href("role", role.id),
            "limits": {
                "max_refund": _number(role.authority.max_refund),
                "max_discount_percent": _number(role.authority.max_discount_percent),
                "max_gift_value": _number(role.authority.max_gift_value) if role.authority.free_gift else None,
            },
            "shown": {
                "max_refund": money(role.authority.max_refund),
                "max_discount_percent": words.percent(role.authority.max_discount_percent),
                "max_gift_value": money(role.authority.max_gift_value) if role.authority.free_gift else None,
            },
        }
        for role in manual.entities("role")
    ]
    thresholds = [
        {"over": _number(rule.when.order_value_over), "shown": money(rule.when.order_value_over), **_route(rule)}
        for rule in manual.entities("routing")
        if rule.when.order_value_over is not None
    ]
    routed = [
        {"id": f"routing-{rule.id}", "title": rule.title, "note": rule.note, **_route(rule),
         "targets": _targets(manual, rule.when.category, words)}
        for rule in manual.entities("routing")
        if rule.when.order_value_over is None
    ]
    return {
        "roles": roles,
        "measured": [{"id": key, "limit": limit, "unit": unit} for key, limit, unit in MEASURED_REQUESTS],
        "thresholds": thresholds,
        "routed": routed,
        "chains": [_chain(manual, chain, href, words) for chain in in_reading_order(manual.entities("chain"))],
        # How the locale writes a number, so the helper reads 1.500 as fifteen hundred in German.
        "numbers": {"decimal": get_decimal_symbol(words.locale), "group": get_group_symbol(words.locale)},
    }


def _route(rule) -> dict[str, Any]:
    """Where a routing rule sends a case; no role on a key-account rule (each account's executive)."""
    return {"role": rule.route_to, "chain": rule.chain}


def _number(value: int | Money) -> float:
    return float(value.amount if isinstance(value, Money) else value)


def _targets(manual: Manual, category_id: str | None, words: Localization) -> list[dict[str, str]]:
    """First-answer targets of a category, channel by channel."""
    category = manual.get("category", category_id) if category_id else None
    if category is None:
        return []
    return [
        {"channel": manual.channel_name(channel),
         "within": words.duration(category.targets[channel])}
        for channel in manual.schedule.channels
        if category.takes(channel)
    ]


def _chain(manual: Manual, chain, href, words: Localization) -> dict[str, Any]:
    scripts = in_reading_order(
        script for script in manual.entities("script") if getattr(script, "escalates_to", None) == chain.id
    )
    return {
        "id": chain.id,
        "title": chain.display_title,
        "href": href("chain", chain.id),
        "levels": [{"role": level.role, "within": level.response_words(words)} for level in chain.levels],
        "scripts": [{"title": script.title, "href": href("script", script.id)} for script in scripts],
    }
