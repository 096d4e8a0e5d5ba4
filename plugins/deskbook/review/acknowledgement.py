"""Read and acknowledged: per audience and edition, what changed for them since the previous edition and
which policies they sign for again.

The changes come from ``diff_manuals``, the comparison ``deskbook diff`` prints, made between the two
editions as the audience sees them. A policy asks to be acknowledged again when it is new to the audience
or when a field that ``manual.yaml`` names under ``acknowledgement.material`` changed; every other change
is listed for information. The sheet is data here; the site page and the PDF each lay it out.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from ..locale import Localization
from ..manual import Manual
from ..model import KINDS
from ..text import markdown_escape
from ..urls import entity_target
from .changes import EntityChange, diff_manuals, kind_label
from .editions import previous_edition


@dataclass(frozen=True)
class SheetItem:
    """One entity on the sheet: a policy to sign for, or a change listed for information."""

    kind: str
    id: str
    status: str  # "added", "removed", "renamed", "changed", as diff_manuals says
    title: str
    heading: str  # "Policy changed: Refunds", in the manual's language
    reason: str  # why it is listed: new, changed materially, changed, removed
    changes: tuple[str, ...] = ()  # the diff's sentences, one per changed field


@dataclass(frozen=True)
class AcknowledgementSheet:
    audience: str
    audience_name: str
    edition: str
    edition_date: str
    previous_edition: str | None  # the previous edition's number; None for a first edition
    comparison: str  # one sentence saying what the sheet compares, or why it cannot
    to_acknowledge: tuple[SheetItem, ...] = field(default_factory=tuple)
    for_information: tuple[SheetItem, ...] = field(default_factory=tuple)


def sheet_name(audience: str) -> str:
    """The sheet's file name without extension, on the site (``review/``) and among the PDFs."""
    return f"acknowledgement-{audience}"


def material_fields(manual: Manual) -> frozenset[str]:
    return frozenset(manual.settings.acknowledgement.material)


def is_material(change: EntityChange, material: frozenset[str]) -> bool:
    """A policy change staff sign for again: the policy is new, or a material field of it changed."""
    if change.kind != "policy":
        return False
    if change.status == "added":
        return True
    return any(field_change.path[0] in material for field_change in change.fields)


def acknowledgement_sheet(manual: Manual, project_root: Path | None, audience: str) -> AcknowledgementSheet:
    words = manual.localization
    settings = manual.settings
    definition = next(a for a in settings.audiences if a.id == audience)
    view = manual.for_audience(audience)
    who_and_when = (audience, definition.name, settings.edition.number, words.date(settings.edition.date))
    previous = previous_edition(manual, project_root)
    if previous is None or previous.manual is None:
        # Nothing to compare with: everything this audience reads is new to them.
        reason = words.gettext("new in this edition")
        policies = tuple(
            SheetItem("policy", policy.id, "added", policy.title, _heading("policy", "added", policy.title, words),
                      reason)
            for policy in sorted(view.entities("policy"), key=lambda p: p.title)
        )
        if previous is None:
            comparison = words.gettext("This is the first edition: every policy below is new to you.")
        else:
            comparison = words.gettext("The previous edition (%(tag)s) could not be read, so every policy below "
                                       "is listed.", tag=previous.tag)
        return AcknowledgementSheet(*who_and_when, previous_edition=None, comparison=comparison,
                                    to_acknowledge=policies)
    old_view = previous.manual.for_audience(audience)
    earlier = previous.manual.settings.edition.number
    material = material_fields(manual)
    to_acknowledge, for_information = [], []
    for change in diff_manuals(old_view, view).changes:
        sentences = tuple(f.sentence for f in change.fields if not (change.kind == "manual" and f.path[0] == "edition"))
        if change.status == "changed" and not sentences:
            continue  # only the edition's own number and date: the sheet's heading says so
        heading = _heading(change.kind, change.status, change.title, words)
        if is_material(change, material):
            reason = (words.gettext("new in this edition") if change.status == "added"
                      else words.gettext("changed materially"))
            to_acknowledge.append(SheetItem(change.kind, change.id, change.status, change.title, heading, reason,
                                            sentences))
        else:
            for_information.append(SheetItem(change.kind, change.id, change.status, change.title, heading,
                                             words.gettext("for information"), sentences))
    comparison = words.gettext("What changed for you since edition %(number)s (%(tag)s).", number=earlier,
                               tag=previous.tag)
    return AcknowledgementSheet(*who_and_when, previous_edition=earlier, comparison=comparison,
                                to_acknowledge=tuple(to_acknowledge), for_information=tuple(for_information))


def _heading(kind: str, status: str, title: str, words: Localization) -> str:
    from .pages import STATUS_ALONE, STATUS_WITH_KIND

    if kind in KINDS:
        return words.gettext(STATUS_WITH_KIND[status], kind=kind_label(KINDS[kind], words), title=title)
    return words.gettext(STATUS_ALONE[status], title=title)


def sheet_words(sheet: AcknowledgementSheet, words: Localization) -> dict[str, str]:
    """The sheet's own words, filled in, for the site page and the PDF alike."""
    return {
        "title": words.gettext("Acknowledgement: %(audience)s", audience=sheet.audience_name),
        "for_audience": words.gettext("Edition %(number)s of %(date)s, for %(audience)s", number=sheet.edition,
                                      date=sheet.edition_date, audience=sheet.audience_name),
        "to_acknowledge": words.gettext("Policies to read and acknowledge"),
        "nothing_to_acknowledge": words.gettext("No policy changed materially for you in this edition."),
        "for_information": words.gettext("Other changes, for information"),
        "statement": words.gettext("I have read the policies listed above, as they stand in edition %(number)s, "
                                   "and I will follow them.", number=sheet.edition),
        "name": words.gettext("Name"),
        "signature": words.gettext("Signature"),
        "date": words.gettext("Date"),
        "download": words.gettext("Print this sheet (PDF)"),
    }


def acknowledgement_markdown(sheet: AcknowledgementSheet, words: Localization, pdf_href: str | None) -> str:
    """The sheet as a site page. User text is escaped; the signature block is a table of empty lines."""
    table = sheet_words(sheet, words)
    md = markdown_escape
    lines = ["# " + md(table["title"]), "", md(table["for_audience"]), "", md(sheet.comparison), ""]
    if pdf_href is not None:
        # Raw HTML, as on the Downloads page: the PDF is no page MkDocs could check a Markdown link against.
        lines += [f'<p><a href="{escape(pdf_href)}" download>{escape(table["download"])}</a></p>', ""]
    lines += ["## " + md(table["to_acknowledge"]), ""]
    if not sheet.to_acknowledge:
        lines += [md(table["nothing_to_acknowledge"]), ""]
    for item in sheet.to_acknowledge:
        lines.append(f"- **{_linked(item)}** ({md(item.reason)})")
        lines.extend(f"    - {md(sentence)}" for sentence in item.changes)
    lines.append("")
    if sheet.for_information:
        lines += ["## " + md(table["for_information"]), ""]
        for item in sheet.for_information:
            lines.append(f"- {_linked(item)}")
            lines.extend(f"    - {md(sentence)}" for sentence in item.changes)
        lines.append("")
    lines += [md(table["statement"]), "",
              f"| {md(table['name'])} | {md(table['signature'])} | {md(table['date'])} |",
              "|---|---|---|",
              "| &nbsp; | &nbsp; | &nbsp; |", ""]
    return "\n".join(lines)


def _linked(item: SheetItem) -> str:
    """The item's heading, linked to its page while it has one (a removed entity has none)."""
    if item.kind not in KINDS or item.status == "removed":
        return markdown_escape(item.heading)
    target = entity_target(item.kind, item.id)
    href = posixpath.relpath(target.src_uri, "review") + (f"#{target.anchor}" if target.anchor else "")
    return f"[{markdown_escape(item.heading)}]({href})"
