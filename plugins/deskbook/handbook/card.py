"""Print data for the desk reference card and the blank contact log form."""

from __future__ import annotations

from typing import Any

from ..locale import Localization
from ..manual import Manual
from ..model import CHANNEL_NAMES
from ..model.schedule import Category
from ..text import fill_placeholders
from .data import DeskCardSpec, PrintOptions, _paper, print_colours
from .tree import Converter, _trim, parse_html
from .words import desk_card_words, log_form_words

# Rule units that make a rule a window or a time limit worth a line on the card.
_TIME_UNITS = ("minute", "hour", "day", "week", "month", "year")


def _inline(html: str) -> list:
    root, svgs = parse_html(html)
    return _trim(Converter(svgs).inline(root.children))


def _role_title(manual: Manual, role_id: str | None) -> str | None:
    role = manual.get("role", role_id) if role_id else None
    return role.title if role is not None else None


def desk_card_data(manual: Manual, card: DeskCardSpec, options: PrintOptions) -> dict[str, Any]:
    view = manual.for_audience(card.audience)
    localization = view.localization
    words = desk_card_words(localization)
    parts = set(card.parts)
    variables = view.variables
    data: dict[str, Any] = {
        "lang": options.lang,
        "paper": _paper(options),
        "colours": print_colours(view.settings.colours),
        "words": words,
        "card": {
            "document_title": f"{view.company.name}: {words['title']}" + (f" ({card.title})" if card.title else ""),
            "company": view.company.name,
            "title": words["title"],
            "edition_title": card.title,
            "edition": str(view.settings.edition.number),
            "printed": localization.date(options.printed.date()),
            "logo": None,
        },
    }
    if "escalation" in parts:
        data["authority"] = [
            {
                "role": role.title,
                "discount": localization.percent(role.authority.max_discount_percent),
                "refund": localization.money(role.authority.max_refund),
                "gift": localization.money(role.authority.max_gift_value) if role.authority.free_gift else words["none"],
                "other": "; ".join(limit.summary(localization) for limit in role.authority.limits),
            }
            for role in view.entities("role")
        ]
        data["windows"] = [
            {"policy": policy.title, "rule": rule.text,
             "value": f"{rule.value} {rule.unit or ''}".strip()}
            for policy in view.entities("policy")
            for rule in policy.rules
            if rule.value is not None and any(unit in (rule.unit or "") for unit in _TIME_UNITS)
        ]
    if "thresholds" in parts:
        data["thresholds"] = [
            {
                "when": rule.title,
                "to": _role_title(view, rule.route_to) or rule.desk or _chain_title(view, rule.chain)
                or words["account_executive"],
                "note": rule.note,
            }
            for rule in view.entities("routing")
        ]
    if "response-times" in parts:
        channels = list(view.schedule.channels)
        data["response"] = {
            "channels": [localization.gettext(CHANNEL_NAMES[channel]) for channel in channels],
            "rows": [
                {"category": category.name, "flag": category.flag,
                 "targets": [_target_words(category, channel, localization) for channel in channels]}
                for category in view.entities("category")
            ],
        }
    if "scripts" in parts:
        fill = lambda text: _inline(str(fill_placeholders(text, variables.values, variables.blanks))) if text else None  # noqa: E731
        data["scripts"] = [
            {"title": script.title, "steps": [{"say": fill(step.say), "do": fill(step.do)} for step in script.steps]}
            for script in (view.get("script", script_id) for script_id in card.scripts)
            if script is not None
        ]
    if "contacts" in parts:
        contacts = [{"label": channel.label, "address": channel.address, "hours": channel.hours}
                    for channel in view.company.contact_channels]
        known = {contact["address"] for contact in contacts}
        for name, value in variables.values.items():
            if name.endswith(("_line", "_phone")) and value not in known:
                contacts.append({"label": name.replace("_", " ").capitalize(), "address": value, "hours": ""})
        if view.service_hours is not None:
            _add_service_hours(contacts, view, options, words)
        data["contacts"] = contacts
    return data


def _add_service_hours(contacts: list[dict], view: Manual, options: PrintOptions, words: dict[str, str]) -> None:
    """Opening hours from service-hours.yaml: each channel's hours, the always-open lines, and the closures
    still to come when the card is printed."""
    hours = view.service_hours
    localization = view.localization
    regular = {line.channel: line for line in hours.lines if line.channel and not line.always_open}
    shown = set()
    for contact, channel in zip(contacts, view.company.contact_channels):
        if channel.channel in regular:
            contact["hours"] = regular[channel.channel].hours_label(localization)
            shown.add(regular[channel.channel].id)
    listed = {contact["address"] for contact in contacts}
    contacts.extend({"label": line.name, "address": line.contact or "", "hours": line.hours_label(localization)}
                    for line in hours.lines if line.id not in shown and line.contact not in listed)
    upcoming = hours.closures_from(options.printed.date())
    if upcoming:
        contacts.append({"label": words["closures"],
                         "address": "; ".join(f"{closure.dates_label(localization)}: {closure.name}"
                                             for closure in upcoming),
                         "hours": words["time_zone"].format(zone=hours.time_zone)})


# How many ruled lines a field of the log form gets: the free-text fields get room to write.
_FIELD_LINES = {"summary": 7, "actions": 7, "outcome": 4, "follow-up": 4, "escalation": 1}


def log_form_data(manual: Manual, options: PrintOptions) -> dict[str, Any]:
    guide = manual.logging_guide
    localization = manual.localization
    words = log_form_words(localization)
    return {
        "lang": options.lang,
        "paper": _paper(options),
        "colours": print_colours(manual.settings.colours),
        "words": words,
        "form": {
            "document_title": f"{manual.company.name}: {words['title']}",
            "company": manual.company.name,
            "printed": localization.date(options.printed.date()),
            "logo": None,
        },
        "fields": [
            {"label": field.label, "required": field.required, "lines": _FIELD_LINES.get(field.id, 1)}
            for field in guide.fields
        ],
    }


def _chain_title(view: Manual, chain_id: str | None) -> str | None:
    chain = view.get("chain", chain_id) if chain_id else None
    return chain.title if chain is not None else None


def _target_words(category: Category, channel: str, localization: Localization) -> str:
    """A schedule cell as staff read it: the target, 'Not taken', or nothing where none is set."""
    if channel not in category.targets:
        return ""
    if not category.takes(channel):
        return localization.gettext("Not taken")
    return localization.duration(category.targets[channel])
