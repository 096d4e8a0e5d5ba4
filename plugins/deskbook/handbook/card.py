"""Print data for the desk reference card and the blank contact log form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from ..locale import Localization
from ..manual import Manual
from ..model.card import CardList, CardRow, CardSource
from ..model.registry import CARD_PART_SOURCES
from ..model.schedule import Category
from ..text import fill_placeholders
from .data import AcknowledgementSpec, DeskCardSpec, PrintOptions, _paper, print_colours
from .tree import Converter, _trim, parse_html
from .words import desk_card_words, log_form_words, print_language

# Rule units that make a rule a window or a time limit worth a line on the card.


def _inline(html: str) -> list:
    root, svgs = parse_html(html)
    return _trim(Converter(svgs).inline(root.children))


def _role_title(manual: Manual, role_id: str | None) -> str | None:
    role = manual.get("role", role_id) if role_id else None
    return role.title if role is not None else None


def desk_card_data(manual: Manual, card: DeskCardSpec, options: PrintOptions) -> dict[str, Any]:
    """The card's data: its own parts under their keys, and the parts settings files contribute (the
    registry's ``card_part``) as plain lists under ``lists``, in the order mkdocs.yml names the parts."""
    view = manual.for_audience(card.audience)
    localization = view.localization
    words = desk_card_words(localization)
    data: dict[str, Any] = {
        **print_language(localization),
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
        "lists": [],
    }
    for part in card.parts:
        if part in _OWN_PARTS:
            data.update(_OWN_PARTS[part](view, card, words))
        elif part in CARD_PART_SOURCES:
            content = view.settings_file(CARD_PART_SOURCES[part].model)
            if isinstance(content, CardSource):  # None when the project has no such file
                data["lists"].extend(asdict(card_list) for card_list in content.desk_card(view, options.printed.date()))
    _print_each_contact_once(data)
    return data


def _print_each_contact_once(data: dict[str, Any]) -> None:
    """A number or address that a contributed list already prints (a line, with its hours) is
    not printed again under Contacts; Contacts keeps the rest, or goes if nothing is left."""
    if "contacts" not in data:
        return
    shown = {_plain_address(row["value"])
             for card_list in data["lists"] for row in card_list["rows"] if row["value"]}
    rows = [row for row in data["contacts"]["rows"] if _plain_address(row["value"]) not in shown]
    if rows:
        data["contacts"]["rows"] = rows
    else:
        del data["contacts"]


def _plain_address(value: str) -> str:
    """An address as staff would read it: "https://example.com/help/" and "example.com/help" are one."""
    return value.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")


def _escalation(view: Manual, card: DeskCardSpec, words: dict[str, str]) -> dict[str, Any]:
    localization = view.localization
    return {
        "authority": [
            {
                "role": role.title,
                "discount": localization.percent(role.authority.max_discount_percent),
                "refund": localization.money(role.authority.max_refund),
                "gift": (localization.money(role.authority.max_gift_value) if role.authority.free_gift
                         else words["none"]),
                "other": "; ".join(limit.summary(localization) for limit in role.authority.limits),
            }
            for role in view.entities("role")
        ],
        "windows": [
            {"policy": policy.title, "rule": rule.text, "value": localization.quantity(rule.value)}
            for policy in view.entities("policy")
            for rule in policy.rules
            if rule.value is not None and rule.value.kind == "duration"
        ],
    }


def _thresholds(view: Manual, card: DeskCardSpec, words: dict[str, str]) -> dict[str, Any]:
    return {"thresholds": [
        {
            "when": rule.title,
            "to": _role_title(view, rule.route_to) or rule.desk or _chain_title(view, rule.chain)
            or words["account_executive"],
            "note": rule.note,
        }
        for rule in view.entities("routing")
    ]}


def _response_times(view: Manual, card: DeskCardSpec, words: dict[str, str]) -> dict[str, Any]:
    localization = view.localization
    channels = list(view.schedule.channels)
    return {"response": {
        "channels": [view.channel_name(channel) for channel in channels],
        "rows": [
            {"category": category.name, "flag": category.flag,
             "targets": [_target_words(category, channel, localization) for channel in channels]}
            for category in view.entities("category")
        ],
    }}


def _scripts(view: Manual, card: DeskCardSpec, words: dict[str, str]) -> dict[str, Any]:
    variables = view.variables
    fill = lambda text: _inline(str(fill_placeholders(text, variables.values, variables.blanks))) if text else None  # noqa: E731
    return {"scripts": [
        {"title": script.title, "steps": [{"say": fill(step.say), "do": fill(step.do)} for step in script.steps]}
        for script in (view.get("script", script_id) for script_id in card.scripts)
        if script is not None
    ]}


def _contacts(view: Manual, card: DeskCardSpec, words: dict[str, str]) -> dict[str, Any]:
    """The company's contact channels, and the numbers in variables.yaml (``*_line``, ``*_phone``) that
    are not among them, such as the supervisor line."""
    rows = [CardRow(channel.label, channel.address, channel.hours) for channel in view.company.contact_channels]
    known = {row.value for row in rows}
    rows.extend(CardRow(name.replace("_", " ").capitalize(), value)
                for name, value in view.variables.values.items()
                if name.endswith(("_line", "_phone")) and value not in known)
    return {"contacts": asdict(CardList(words["contacts"], tuple(rows)))}


# The parts desk-card.typ lays out itself; the others in DESK_CARD_PARTS come from settings files.
_OWN_PARTS: dict[str, Callable[[Manual, DeskCardSpec, dict[str, str]], dict[str, Any]]] = {
    "escalation": _escalation,
    "thresholds": _thresholds,
    "response-times": _response_times,
    "scripts": _scripts,
    "contacts": _contacts,
}


# How many ruled lines a field of the log form gets: the free-text fields get room to write.
_FIELD_LINES = {"summary": 7, "actions": 7, "outcome": 4, "follow-up": 4, "escalation": 1}


def log_form_data(manual: Manual, options: PrintOptions) -> dict[str, Any]:
    guide = manual.logging_guide
    localization = manual.localization
    words = log_form_words(localization)
    return {
        **print_language(localization),
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


def acknowledgement_data(manual: Manual, spec: AcknowledgementSpec, options: PrintOptions) -> dict[str, Any]:
    from ..review.acknowledgement import sheet_words

    sheet = spec.sheet
    localization = manual.localization
    words = sheet_words(sheet, localization)

    def items(listed: tuple) -> list[dict[str, Any]]:
        return [{"heading": item.heading, "reason": item.reason, "changes": list(item.changes)} for item in listed]

    return {
        "lang": options.lang,
        "paper": _paper(options),
        "colours": print_colours(manual.settings.colours),
        "words": words,
        "sheet": {
            "document_title": f"{manual.company.name}: {words['title']}",
            "company": manual.company.name,
            "comparison": sheet.comparison,
            "printed": localization.date(options.printed.date()),
            "printed_line": log_form_words(localization)["printed"],
            "to_acknowledge": items(sheet.to_acknowledge),
            "for_information": items(sheet.for_information),
        },
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
