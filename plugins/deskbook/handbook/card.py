"""Print data for the desk reference card and the blank contact log form."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Any

from ..decisions import account_handlers
from ..locale import Localization
from ..manual import Manual
from ..model import KINDS
from ..model.card import CardList, CardRow, CardSource
from ..model.escalation import authority_kinds
from ..model.fields import label, type_of
from ..model.fields import written as written_value  # the name 'written' is taken by the card's lists
from ..model.registry import CARD_PART_SOURCES, DESK_CARD_PART_RENAMES
from ..model.schedule import Category
from ..text import fill_placeholders
from ..urls import entity_target, page_url
from .card_fit import (
    HEADING_ABOVE,
    NOTE,
    PARAGRAPH_GAP,
    ROW_GAP,
    Block,
    column_width_mm,
    fit,
    heading_height,
    heading_size,
    lines,
    paragraph_height,
    response_height,
    response_tables,
    row_height,
    script_height,
    text_width_mm,
)
from .specs import AcknowledgementSpec, DeskCardSpec, PrintOptions, _paper, print_colours
from .tree import Converter, _trim, parse_html
from .words import desk_card_words, log_form_words, print_language


def _inline(html: str) -> list:
    root, svgs = parse_html(html)
    return _trim(Converter(svgs).inline(root.children))


def _role_title(manual: Manual, role_id: str | None) -> str | None:
    role = manual.get("role", role_id) if role_id else None
    return role.title if role is not None else None


def card_parts(spec_parts: tuple[str, ...]) -> tuple[str, ...]:
    """The parts as the card prints them: an old name stands for the parts it printed."""
    return tuple(part for name in spec_parts for part in DESK_CARD_PART_RENAMES.get(name, (name,)))


def desk_card_data(manual: Manual, card: DeskCardSpec, options: PrintOptions) -> dict[str, Any]:
    """The card's data: ``parts``, the blocks that fit on two sides in the order mkdocs.yml names the parts
    (their priority), and ``left_out``, what did not fit (see card_fit.py)."""
    view = manual.for_audience(card.audience)
    localization = view.localization
    words = desk_card_words(localization)
    paper = _paper(options)
    document_title = f"{view.company.name}: {words['title']}" + (f" ({card.title})" if card.title else "")
    blocks = desk_card_blocks(view, card, options)
    kept, left_out = fit(blocks, paper, document_title)
    return {
        **print_language(localization),
        "paper": paper,
        "colours": print_colours(view.settings.colours),
        "words": words,
        "card": {
            "document_title": document_title,
            "company": view.company.name,
            "title": words["title"],
            "edition_title": card.title,
            "edition": str(view.settings.edition.number),
            "printed": localization.date(options.printed.date()),
            "logo": None,
        },
        "parts": _regrouped(kept),
        "left_out": [{"name": block.name, "where": block.where} for block in left_out],
    }


def desk_card_left_out(manual: Manual, card: DeskCardSpec, options: PrintOptions) -> list[str]:
    """What the card leaves out for want of room, each as "what (where staff find it)", for the warning
    the build and ``check`` give."""
    data = desk_card_data(manual, card, options)
    return [f"{row['name']} ({row['where']})" for row in data["left_out"]]


def desk_card_blocks(view: Manual, card: DeskCardSpec, options: PrintOptions) -> list[Block]:
    words = desk_card_words(view.localization)
    paper = _paper(options)
    column, full = column_width_mm(paper), text_width_mm(paper)
    blocks: list[Block] = []
    lists: list[tuple[CardList, list[str]]] = []
    for part in card_parts(card.parts):
        if part == "scripts":
            for script in _scripts(view, card):
                script["heading_size"] = heading_size(script["title"], column)
                where = _where(view, "script", script["id"], script["title"])
                blocks.append(Block({"t": "script", **script}, script_height(script, column), script["title"], where,
                                    part=len(blocks), above=HEADING_ABOVE, below=PARAGRAPH_GAP))
        elif part == "response-times":
            response = _response_times(view, words)
            if response["rows"]:
                where, first = _where(view, "category", None, response["title"]), len(blocks)
                blocks.extend(Block({"t": "response", **table}, response_height(table, full), response["title"],
                                    where, full_width=True, part=first)
                              for table in response_tables(response, full))
        elif part in _OWN_PARTS:
            lists.extend(_OWN_PARTS[part](view, words))
        elif part in CARD_PART_SOURCES:
            content = view.settings_file(CARD_PART_SOURCES[part].model)
            if isinstance(content, CardSource):  # None when the project has no such file
                where = _where(view, None, None, "")
                lists.extend((card_list, [where] * len(card_list.rows))
                             for card_list in content.desk_card(view, options.printed.date()))
        for written, written_places in lists:
            card_list, places = written, written_places
            if part == "contacts":  # what a part of higher priority prints takes no room twice
                shown = {_plain_address(block.data["value"]) for block in blocks if block.data["t"] == "row"}
                kept = [(row, where) for row, where in zip(written.rows, written_places, strict=True)
                        if _plain_address(row.value) not in shown]
                card_list = CardList(written.title, tuple(row for row, _ in kept), written.note)
                places = [where for _, where in kept]
            blocks.extend(_list_blocks(card_list, places, column, len(blocks), part))
        lists = []
    return blocks


def _list_blocks(card_list: CardList, places: list[str], width: float, part: int, source: str) -> list[Block]:
    """One block a row; the first carries the heading, which never stands alone at a column's foot; the
    list's closing note goes with its last row."""
    blocks = []
    for index, (row, where) in enumerate(zip(card_list.rows, places, strict=True)):
        data = {"label": str(row.label), "value": str(row.value), "note": str(row.note)}
        height, heading, below = row_height(data, width), heading_height(card_list.title, width), ROW_GAP
        if index == 0:
            height += heading
        if index == len(card_list.rows) - 1 and card_list.note:
            # The list's note is a paragraph of its own, with a paragraph's spacing below.
            height += paragraph_height((lines(card_list.note, width, NOTE), NOTE)) + PARAGRAPH_GAP
            below = PARAGRAPH_GAP
        blocks.append(Block({"t": "row", "title": card_list.title,
                             "heading_size": heading_size(str(card_list.title), width),
                             "list_note": card_list.note, "source": source,
                             "last": index == len(card_list.rows) - 1,
                             **data}, height,
                            f"{card_list.title}: {row.label}", where, part=part,
                            above=HEADING_ABOVE if index == 0 else 0.0, below=below,
                            reopened=heading - HEADING_ABOVE if index else 0.0))
    return blocks


def _regrouped(kept: list[Block]) -> list[dict[str, Any]]:
    """The kept blocks for desk-card.typ: rows back in their titled lists, a list's note only when its
    last row is kept."""
    parts: list[dict[str, Any]] = []
    for block in kept:
        if block.data["t"] != "row":
            parts.append(block.data)
            continue
        row = {key: block.data[key] for key in ("label", "value", "note", "n")}
        if parts and parts[-1]["t"] == "list" and parts[-1]["title"] == block.data["title"] \
                and parts[-1]["part"] == block.part and not block.data["opens_side"]:
            parts[-1]["rows"].append(row)
        else:
            parts.append({"t": "list", "title": block.data["title"], "heading_size": block.data["heading_size"],
                          "part": block.part, "rows": [row],
                          "note": "", "source": block.data["source"], "opens_side": block.data["opens_side"]})
        if block.data["last"]:
            parts[-1]["note"] = block.data["list_note"]
    return _print_each_contact_once(parts)


def _print_each_contact_once(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A number or address that another kept list already prints (a line, with its hours) is not printed
    again under Contacts; this runs on what fits, so a contact is never dropped for a row left out."""
    contacts = [part for part in parts if part.get("source") == "contacts"]
    shown = {_plain_address(row["value"]) for part in parts if part["t"] == "list" and part["source"] != "contacts"
             for row in part["rows"] if row["value"]}
    for part in contacts:
        part["rows"] = [row for row in part["rows"] if _plain_address(row["value"]) not in shown]
    return [part for part in parts if part["t"] != "list" or part["rows"]]


def _plain_address(value: str) -> str:
    """An address as staff would read it: "https://example.com/help/" and "example.com/help" are one."""
    return value.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")


def _where(view: Manual, kind: str | None, entity_id: str | None, title: str) -> str:
    """Where staff find a row the card leaves out: the handbook (under the entity's title, its bookmark)
    and the site's address for it."""
    if kind is None or entity_id is None or kind not in KINDS:
        return view.localization.gettext("in the handbook and on the site")
    target = entity_target(kind, entity_id)
    address = page_url(target.src_uri, True) + (f"#{target.anchor}" if target.anchor else "")
    return view.localization.gettext("%(title)s in the handbook, %(address)s on the site", title=title,
                                     address=address)


Rows = list[tuple[CardList, list[str]]]


def _authority(view: Manual, words: dict[str, str]) -> Rows:
    """Each role with what it may give alone, the kinds no role holds left out as on the site's matrix;
    permissions (consulting staff, overriding policy) are for the handbook, not the desk."""
    localization = view.localization
    roles = list(view.entities("role"))
    kinds = [kind for kind in authority_kinds([role.authority for role in roles], localization) if kind.gives]
    rows = tuple(
        CardRow(
            role.title,
            " · ".join(kind.cells[index].short for kind in kinds if kind.cells[index].held) or words["none"],
            "; ".join(localization.gettext("%(label)s: %(value)s", label=limit.name(localization), value=limit.note)
                      for limit in role.authority.limits if limit.note),
        )
        for index, role in enumerate(roles)
    )
    return [(CardList(words["authority"], rows), [_where(view, "role", role.id, role.title) for role in roles])]


def _time_limits(view: Manual, words: dict[str, str]) -> Rows:
    localization = view.localization
    rows: list[CardRow] = []
    places: list[str] = []
    for policy in view.entities("policy"):
        timed = [CardRow(policy.title, localization.quantity(rule.value), rule.text)
                 for rule in policy.rules if rule.value is not None and rule.value.kind == "duration"]
        # The policy's own limits and windows: any field the model types as money, a time or a percentage,
        # so a field added to the policy model reaches the card with its label and no card code.
        for name in type(policy).model_fields:
            kind, value = type_of(type(policy), name), getattr(policy, name)
            if kind.is_quantity and value is not None:
                timed.append(CardRow(policy.title, written_value(value, localization, kind) or str(value),
                                     label(policy, name, localization)))
        rows += timed
        places += [_where(view, "policy", policy.id, policy.title)] * len(timed)
    return [(CardList(words["windows"], tuple(rows)), places)]


def _routing(view: Manual, words: dict[str, str]) -> Rows:
    rules = list(view.entities("routing"))
    rows = tuple(
        CardRow(rule.title, f"{view.localization.onward_arrow} " + (
            _role_title(view, rule.route_to) or rule.desk or _chain_title(view, rule.chain)
            or (rule.when.key_account and account_handlers(view)) or words["account_executive"]
        ), rule.note or "")
        for rule in rules
    )
    return [(CardList(words["thresholds"], rows), [_where(view, "routing", rule.id, rule.title) for rule in rules])]


def _escalation_chains(view: Manual, words: dict[str, str]) -> Rows:
    """Each chain as its levels: who takes the case, how soon, and when it goes on to the next."""
    localization = view.localization
    chains = []
    for chain in view.entities("chain"):
        rows = tuple(
            CardRow(f"{number}. {_role_title(view, level.role) or level.role}",
                    localization.gettext("Takes it up within %(time)s",
                                         time=localization.duration(level.respond_within)),
                    localization.gettext("Passes on when: %(condition)s", condition=level.hand_on_when))
            for number, level in enumerate(chain.levels, start=1)
        )
        chains.append((CardList(chain.title, rows), [_where(view, "chain", chain.id, chain.title)] * len(rows)))
    return chains


def _response_times(view: Manual, words: dict[str, str]) -> dict[str, Any]:
    localization = view.localization
    channels = list(view.schedule.channels)
    return {
        "title": words["response_times"],
        "category": words["category"],
        "flagged": words["flagged"],
        "channels": [view.channel_name(channel) for channel in channels],
        "rows": [
            {"category": category.name, "flag": category.flag,
             "targets": [_target_words(category, channel, localization) for channel in channels]}
            for category in view.entities("category")
        ],
    }


def _scripts(view: Manual, card: DeskCardSpec) -> list[dict[str, Any]]:
    variables = view.variables
    opening, closing = view.localization.quotation_marks

    def filled(text: str | None) -> str | None:
        return str(fill_placeholders(text, variables.values, variables.blanks)) if text else None

    scripts = []
    for script in (view.get("script", script_id) for script_id in card.scripts):
        if script is None:
            continue
        steps = [(filled(step.say), filled(step.do)) for step in script.steps]
        scripts.append({
            "id": script.id,
            "title": str(script.title),
            "steps": [{"say": _inline(say) if say else None, "do": _inline(do) if do else None} for say, do in steps],
            # What the steps print, for measuring them: the text in runs of one weight, with the language's
            # quotation marks around what staff say.
            "step_runs": [_runs(" ".join(filter(None, (opening + say + closing if say else None, do))))
                          for say, do in steps],
        })
    return scripts


_TAGS = re.compile(r"<(/?)(\w+)[^>]*>")


def _runs(html: str) -> list[tuple[str, bool]]:
    """The text of an inline HTML fragment in runs of one weight, ``(text, bold)``: ``strong`` and ``b``
    print bold, the rest regular."""
    runs: list[tuple[str, bool]] = []
    bold, position = 0, 0
    for tag in _TAGS.finditer(html):
        runs.append((unescape(html[position:tag.start()]), bold > 0))
        if tag[2] in ("strong", "b"):
            bold += -1 if tag[1] else 1
        position = tag.end()
    runs.append((unescape(html[position:]), bold > 0))
    return [run for run in runs if run[0]]


def _contacts(view: Manual, words: dict[str, str]) -> Rows:
    """The company's contact channels, and the numbers in variables.yaml (``*_line``, ``*_phone``) that
    are not among them, such as the supervisor line."""
    rows = [CardRow(channel.label, channel.address, channel.hours) for channel in view.company.contact_channels]
    known = {row.value for row in rows}
    rows.extend(CardRow(name.replace("_", " ").capitalize(), value)
                for name, value in view.variables.values.items()
                if name.endswith(("_line", "_phone")) and value not in known)
    return [(CardList(words["contacts"], tuple(rows)), [_where(view, None, None, "")] * len(rows))]


# The parts of titled rows this module makes; scripts, response-times and the settings files' parts above.
_OWN_PARTS: dict[str, Callable[[Manual, dict[str, str]], Rows]] = {
    "authority": _authority,
    "time-limits": _time_limits,
    "routing": _routing,
    "escalation-chains": _escalation_chains,
    "contacts": _contacts,
}


def log_form_data(manual: Manual, options: PrintOptions) -> dict[str, Any]:
    guide = manual.logging_guide
    localization = manual.localization
    words = log_form_words(localization)
    return {
        **print_language(localization),
        "paper": _paper(options),
        "colours": print_colours(manual.settings.colours),
        "words": words,
        "form": {
            "document_title": f"{manual.company.name}: {words['title']}",
            "company": manual.company.name,
            "printed": localization.date(options.printed.date()),
            "edition": str(manual.settings.edition.number),
            "logo": None,
        },
        # A closed list prints as tick boxes, free text as the ruled lines logging.yaml gives it.
        "fields": [
            {"label": field.label, "required": field.required, "choices": [str(choice) for choice in field.values],
             "lines": field.lines}
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
        **print_language(localization),
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
