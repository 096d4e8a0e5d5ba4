"""A ChangeSet as a pull-request comment (Markdown) or as JSON, with where each change is used."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from ..locale import Localization
from ..manual import Manual
from ..model import KINDS
from ..project import DeskCardInfo, EditionInfo
from ..text import markdown_escape
from ..urls import entity_target, page_url
from .changes import ChangeSet, EntityChange, kind_label

if TYPE_CHECKING:  # rendering imports the site's and the handbook's renderers: only a diff with changes does
    from .rendered import RenderedChanges

_DESK_CARD_KINDS = {"escalation": {"role"}, "thresholds": {"routing"}, "response-times": {"category"}}


def where_used(change: EntityChange, manual: Manual, editions: list[EditionInfo],
               desk_card: DeskCardInfo | None, rendered: RenderedChanges | None = None,
               only_change: bool = False) -> dict[str, list[str]]:
    """The pages and PDFs a change shows in.

    With ``rendered`` (both revisions built and compared), those of the changed outputs whose differing
    lines mention the change (its values, its title, its page), or all of them when it is the only change.
    Without, a guess from references: the entity's own page, the pages of entities that refer to it, and
    the PDFs that print it. With no PDF editions configured (or a mkdocs.yml that could not be read) the
    audiences that see the entity stand in for editions, under ``audiences``."""
    entity = manual.get(change.kind, change.id)
    if rendered is not None:
        if only_change:
            pages, pdfs = list(rendered.pages), list(rendered.pdfs)
        else:
            pages, pdfs = rendered.outputs_mentioning(_needles(change, entity, manual))
            own = page_url(entity_target(change.kind, change.id).src_uri, False) if change.kind in KINDS else None
            if own in rendered.pages and own not in pages:
                pages.insert(0, own)
        return _with_audiences({"pages": pages, "pdfs": pdfs}, entity, manual, editions)
    pages = []
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
    return _with_audiences({"pages": list(dict.fromkeys(pages)), "pdfs": pdfs}, entity, manual, editions)


def _with_audiences(used: dict[str, list[str]], entity, manual: Manual, editions: list[EditionInfo]) -> dict:
    if not editions:
        used["audiences"] = [audience.id for audience in manual.settings.audiences
                             if entity is None or manual.visible_to(entity, audience.id)]
    return used


def _needles(change: EntityChange, entity, manual: Manual) -> list[str]:
    """Text that marks a change in a rendered line: its new and old values (an id also by the title of
    what it names: outputs print a role's title, not its id), its title, its anchor."""
    needles = [change.title, entity.display_title if entity is not None else ""]
    if change.kind in KINDS:
        needles.append(entity_target(change.kind, change.id).anchor or "")
    for field_change in change.fields:
        for value in (field_change.new, field_change.old):
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) and len(str(value)) >= 2:
                needles.append(str(value))
            if isinstance(value, str):
                needles.extend(records[value].entity.display_title
                               for records in manual.records.values() if value in records)
    return [needle for needle in needles if needle]


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
                desk_card: DeskCardInfo | None, base_label: str, head_label: str,
                rendered: RenderedChanges | None = None) -> str:
    words = new.localization
    lines = ["## " + words.gettext("What this change means for staff"), "",
             words.gettext("Comparing %(base)s with %(head)s.", base=f"`{_code(base_label)}`",
                           head=f"`{_code(head_label)}`"), ""]
    if not changes:
        return "\n".join(lines + [words.gettext("No change to the manual's content."), ""])
    if rendered is not None:
        lines += _rendered_summary(rendered, words)
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
            used = where_used(change, manual, editions, desk_card, rendered, len(changes.changes) == 1)
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


def _rendered_summary(rendered: RenderedChanges, words: Localization) -> list[str]:
    lines = []
    outputs = [f"`{_code(page)}`" for page in rendered.pages] + [f"`{_code(pdf)}`" for pdf in rendered.pdfs]
    if outputs:
        lines.append(words.gettext("Pages and PDFs that change (both revisions built and compared): %(items)s.",
                                   items=", ".join(outputs)))
    else:
        lines.append(words.gettext("No page or PDF changes (both revisions built and compared)."))
    for answer in rendered.answers:
        if answer.old is None or answer.new is None:
            continue  # a question added or removed is listed below
        lines.append("- " + words.gettext(
            'Knowledge-check answer changes: "%(question)s" now expects "%(new)s" (was "%(old)s")',
            question=_md(answer.question), new=_md(answer.new), old=_md(answer.old)))
    return lines + [""]


def to_json(changes: ChangeSet, old: Manual, new: Manual, editions: list[EditionInfo],
            desk_card: DeskCardInfo | None, base_label: str, head_label: str,
            rendered: RenderedChanges | None = None) -> str:
    items = []
    for change in changes.changes:
        manual = old if change.status == "removed" else new
        item = asdict(change)
        item["fields"] = [{"path": list(f.path), "old": f.old, "new": f.new, "sentence": f.sentence}
                          for f in change.fields]
        item["where_used"] = where_used(change, manual, editions, desk_card, rendered, len(changes.changes) == 1)
        items.append(item)
    result: dict[str, Any] = {"base": base_label, "head": head_label, "changes": items}
    if rendered is not None:
        result["outputs_changed"] = {"pages": rendered.pages, "pdfs": rendered.pdfs}
        result["knowledge_check_answers_changed"] = [asdict(answer) for answer in rendered.answers]
    return json.dumps(result, indent=2, default=str)
