"""Print data for the desk reference card and the blank contact log form."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
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
from ..model.sections import SECTION_NAMES, SECTION_TITLES
from ..text import fill_placeholders
from ..urls import entity_target, page_url
from .card_fit import (
    HEADING_ABOVE,
    NOTE,
    PARAGRAPH_GAP,
    ROW_GAP,
    Block,
    Place,
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


@dataclass(frozen=True)
class CardLayout:
    """The card's print data and the blocks it leaves out for want of room (see card_fit.py)."""

    data: dict[str, Any]
    left_out: list[Block]


def desk_card_layout(manual: Manual, card: DeskCardSpec, options: PrintOptions) -> CardLayout:
    """The card's data (``parts``: the blocks that fit on two sides, in the order mkdocs.yml names the
    parts, their priority) and what did not fit."""
    view = manual.for_audience(card.audience)
    localization = view.localization
    words = desk_card_words(localization)
    paper = _paper(options)
    document_title = f"{view.company.name}: {words['title']}" + (f" ({card.title})" if card.title else "")
    blocks = desk_card_blocks(view, card, options)
    kept, left_out = fit(blocks, paper, document_title)
    return CardLayout({
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
    }, left_out)


def desk_card_data(manual: Manual, card: DeskCardSpec, options: PrintOptions) -> dict[str, Any]:
    return desk_card_layout(manual, card, options).data


@dataclass(frozen=True)
class SiteAddress:
    """How the site addresses its pages, from mkdocs.yml: its ``site_url`` (may be empty) and
    ``use_directory_urls``."""

    site_url: str = ""
    directory_urls: bool = True

    def of(self, place: Place) -> str:
        path = page_url(place.src_uri, self.directory_urls) + (f"#{place.anchor}" if place.anchor else "")
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else path


def desk_card_left_out(manual: Manual, card: DeskCardSpec, options: PrintOptions,
                       site: SiteAddress) -> dict[str, str]:
    """For each part of the card that loses rows for want of room (by the name desk_card.parts gives it),
    the warning the build and ``check`` give: how many, each named with where staff find it instead (the
    handbook's chapter and the site's address), in the manual's language."""
    words = manual.localization
    by_part: dict[str, list[Block]] = {}
    for block in desk_card_layout(manual, card, options).left_out:
        by_part.setdefault(block.listed, []).append(block)
    warnings = {}
    file_name = f"{card.name}.pdf"
    for part, blocks in by_part.items():
        named = "; ".join(
            words.gettext("%(row)s (handbook chapter “%(chapter)s”; on the site: %(address)s)", row=block.name,
                          chapter=block.where.chapter, address=site.of(block.where))
            if block.where.chapter else
            words.gettext("%(row)s (on the site: %(address)s)", row=block.name, address=site.of(block.where))
            for block in blocks)
        warnings[part] = words.ngettext(
            "%(card)s: %(num)s row of part '%(part)s' does not fit on two sides and is left out: %(rows)s. "
            "List fewer parts or scripts, or move the ones that matter up (parts print in the order listed)",
            "%(card)s: %(num)s rows of part '%(part)s' do not fit on two sides and are left out: %(rows)s. "
            "List fewer parts or scripts, or move the ones that matter up (parts print in the order listed)",
            len(blocks), card=file_name, part=part, rows=named)
    return warnings


def desk_card_blocks(view: Manual, card: DeskCardSpec, options: PrintOptions) -> list[Block]:
    words = desk_card_words(view.localization)
    paper = _paper(options)
    column, full = column_width_mm(paper), text_width_mm(paper)
    blocks: list[Block] = []
    lists: list[tuple[CardList, list[Place]]] = []
    for part in card_parts(card.parts):
        if part == "scripts":
            for script in _scripts(view, card):
                script["heading_size"] = heading_size(script["title"], column)
                blocks.append(Block({"t": "script", **script}, script_height(script, column), script["title"],
                                    _where(view, "script", script["id"]), part, part=len(blocks),
                                    above=HEADING_ABOVE, below=PARAGRAPH_GAP))
        elif part == "response-times":
            response = _response_times(view, words)
            if response["rows"]:
                where, first = _page_place(view, KINDS["category"].page), len(blocks)
                blocks.extend(Block({"t": "response", **table}, response_height(table, full), response["title"],
                                    where, part, full_width=True, part=first)
                              for table in response_tables(response, full))
        elif part in _OWN_PARTS:
            lists.extend(_OWN_PARTS[part](view, words))
        elif part in CARD_PART_SOURCES:
            source = CARD_PART_SOURCES[part]
            content = view.settings_file(source.model)
            if isinstance(content, CardSource):  # None when the project has no such file
                # The first page the file adds a section to is where its rows are read in full.
                where = _page_place(view, _page_named(source.sections[0]))
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
            blocks.extend(_list_blocks(card_list, places, column, len(blocks), part, view.localization))
        lists = []
    return blocks


def _list_blocks(card_list: CardList, places: list[Place], width: float, part: int, source: str,
                 localization: Localization) -> list[Block]:
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
                            localization.gettext("%(label)s: %(value)s", label=card_list.title, value=row.label),
                            where, source, part=part,
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


def _where(view: Manual, kind: str, entity_id: str) -> Place:
    """Where staff find an entity's row that the card leaves out: its place on the site, and the handbook's
    chapter for it."""
    target = entity_target(kind, entity_id)
    section = KINDS[kind].section if KINDS[kind].has_own_page else _section_of(target.src_uri)
    return Place(target.src_uri, target.anchor, _chapter(view, section))


def _page_place(view: Manual, page: str) -> Place:
    """A whole page of the site (``page`` as the registry writes it, an anchor after '#' dropped)."""
    src_uri = page.partition("#")[0]
    return Place(src_uri, None, _chapter(view, _section_of(src_uri)))


def _page_named(name: str) -> str:
    """The source path of a page the registry names by its path without ".md" and "/index" (a settings
    file's ``sections``: "company"), found among the pages the kinds registry puts entities on."""
    return next(src_uri for src_uri in (kind.page.partition("#")[0] for kind in KINDS.values())
                if src_uri.removesuffix(".md").removesuffix("/index") == name)


def _section_of(src_uri: str) -> str | None:
    """The site section of a shared page (one holding many entities' sections): the site files each under
    its section's name (site/pages.py; tests/handbook/test_card_left_out.py holds them to it)."""
    first = src_uri.split("/")[0].removesuffix(".md")
    return first if first in SECTION_NAMES else None


def _chapter(view: Manual, section: str | None) -> str | None:
    """The handbook chapter that prints ``section``, in the manual's language; None where the handbook
    leaves it out (manual.yaml's leave_out_of_handbook)."""
    if section is None or section in view.settings.leave_out_of_handbook:
        return None
    return view.localization.gettext(SECTION_TITLES[section])


Rows = list[tuple[CardList, list[Place]]]


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
    return [(CardList(words["authority"], rows), [_where(view, "role", role.id) for role in roles])]


def _time_limits(view: Manual, words: dict[str, str]) -> Rows:
    localization = view.localization
    rows: list[CardRow] = []
    places: list[Place] = []
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
        places += [_where(view, "policy", policy.id)] * len(timed)
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
    return [(CardList(words["thresholds"], rows), [_where(view, "routing", rule.id) for rule in rules])]


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
        chains.append((CardList(chain.title, rows), [_where(view, "chain", chain.id)] * len(rows)))
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
    # The contact channels are company.yaml's, read in full on the company's page.
    return [(CardList(words["contacts"], tuple(rows)), [_page_place(view, _page_named("company"))] * len(rows))]


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
