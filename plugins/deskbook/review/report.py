"""A ChangeSet as a pull-request comment (Markdown) or as JSON, with where each change is used."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..manual import Manual
from ..project import DeskCardInfo, EditionInfo
from ..text import markdown_escape
from ..urls import entity_target, page_url
from ..model import KINDS
from .changes import ChangeSet, EntityChange, kind_label

_DESK_CARD_KINDS = {"escalation": {"role"}, "thresholds": {"routing"}, "response-times": {"category"}}


def where_used(change: EntityChange, manual: Manual, editions: list[EditionInfo],
               desk_card: DeskCardInfo | None) -> dict[str, list[str]]:
    """The entity's own page, the pages of entities that refer to it, and the PDFs that print it.

    With no PDF editions configured (or a mkdocs.yml that could not be read) the audiences that see the
    entity stand in for editions, under ``audiences``."""
    entity = manual.get(change.kind, change.id)
    pages: list[str] = []
    if change.kind in KINDS:
        pages.append(page_url(entity_target(change.kind, change.id).src_uri, False))
    for reference in manual.references_to(change.kind, change.id):
        if reference.source is not None and reference.source.entity.ref != f"{change.kind}:{change.id}":
            source = reference.source.entity
            pages.append(page_url(entity_target(source.kind, source.id).src_uri, False))
    if change.kind == "variables":
        pages.extend(_pages_using_placeholders(change, manual))
    pdfs = [f"{edition.name}.pdf" for edition in editions
            if entity is None or manual.visible_to(entity, edition.audience)]
    if desk_card is not None:
        kinds = set().union(*(_DESK_CARD_KINDS.get(part, set()) for part in desk_card.parts))
        if change.kind in kinds or (change.kind == "script" and change.id in desk_card.scripts):
            pdfs.append(f"{desk_card.name}.pdf")
    used = {"pages": list(dict.fromkeys(pages)), "pdfs": pdfs}
    if not editions:
        used["audiences"] = [audience.id for audience in manual.settings.audiences
                             if entity is None or manual.visible_to(entity, audience.id)]
    return used


def _pages_using_placeholders(change: EntityChange, manual: Manual) -> list[str]:
    names = {f.path[1] for f in change.fields if len(f.path) == 2 and f.path[0] in ("values", "blanks")}
    pages = []
    for kind in ("script", "standard"):
        for entity in manual.entities(kind):
            text = entity.model_dump_json()
            if any("{" + name + "}" in text for name in names):
                pages.append(page_url(entity_target(kind, entity.id).src_uri, False))
    return pages


def _md(text: str) -> str:
    return markdown_escape(text)


def _code(text: str) -> str:
    """Text for a code span: a backtick in a revision name would end the span early."""
    return text.replace("`", "'")


def to_markdown(changes: ChangeSet, old: Manual, new: Manual, editions: list[EditionInfo],
                desk_card: DeskCardInfo | None, base_label: str, head_label: str) -> str:
    words = new.localization
    lines = ["## " + words.gettext("What this change means for staff"), "",
             words.gettext("Comparing %(base)s with %(head)s.", base=f"`{_code(base_label)}`",
                           head=f"`{_code(head_label)}`"), ""]
    if not changes:
        return "\n".join(lines + [words.gettext("No change to the manual's content."), ""])
    groups = [("added", words.gettext("Added")), ("removed", words.gettext("Removed")),
              ("renamed", words.gettext("Renamed")), ("changed", words.gettext("Changed"))]
    for status, heading in groups:
        selected = [change for change in changes.changes if change.status == status]
        if not selected:
            continue
        lines += [f"### {heading}", ""]
        for change in selected:
            manual = old if status == "removed" else new
            label = kind_label(KINDS[change.kind], words) if change.kind in KINDS else change.kind
            if status == "renamed":
                lines.append(f"- {label} **{_md(change.title)}**: "
                             + words.gettext("id %(old)s -> %(new)s", old=f"`{change.old_id}`", new=f"`{change.id}`"))
            elif change.kind not in KINDS:  # a settings file such as variables.yaml
                lines.append(f"- **{_md(change.title)}** (`{_code(change.id)}`)")
            else:
                lines.append(f"- {label} **{_md(change.title)}** (`{change.id}`)")
            for field_change in change.fields:
                lines.append(f"  - {_md(field_change.sentence)}")
            used = where_used(change, manual, editions, desk_card)
            parts = []
            if used["pages"]:
                parts.append(words.ngettext("page %(items)s", "pages %(items)s", len(used["pages"]),
                                            items=", ".join(f"`{page}`" for page in used["pages"])))
            if used["pdfs"]:
                parts.append(words.ngettext("PDF %(items)s", "PDFs %(items)s", len(used["pdfs"]),
                                            items=", ".join(f"`{pdf}`" for pdf in used["pdfs"])))
            if used.get("audiences"):
                parts.append(words.gettext("editions for audiences: %(items)s",
                                           items=", ".join(_md(a) for a in used["audiences"])))
            if parts:
                lines.append("  - " + words.gettext("Where used: %(places)s", places="; ".join(parts)))
        lines.append("")
    return "\n".join(lines)


def to_json(changes: ChangeSet, old: Manual, new: Manual, editions: list[EditionInfo],
            desk_card: DeskCardInfo | None, base_label: str, head_label: str) -> str:
    items = []
    for change in changes.changes:
        manual = old if change.status == "removed" else new
        item = asdict(change)
        item["fields"] = [{"path": list(f.path), "old": f.old, "new": f.new, "sentence": f.sentence}
                          for f in change.fields]
        item["where_used"] = where_used(change, manual, editions, desk_card)
        items.append(item)
    return json.dumps({"base": base_label, "head": head_label, "changes": items}, indent=2, default=str)
