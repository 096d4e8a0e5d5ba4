"""Compare two Manuals entity by entity and describe each change in words a reviewer understands.

Entities are matched by kind and id; an entity that disappeared while another of the same kind appeared
with mostly the same content is reported as renamed. Fields are compared after flattening, with lists of
items that have ids (policy rules, steps) matched by id, so reordering is not a change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ..locale import N_, Localization
from ..manual import Manual
from ..model import CHANNEL_NAMES, CONTENT_FILES, Duration, Entity, Kind, Money
from ..model.schedule import NOT_TAKEN

RENAME_SIMILARITY = 0.75
SHORT_TEXT = 40  # longer text values are quoted in full sentences rather than 'old -> new'


@dataclass
class FieldChange:
    path: tuple[str, ...]
    old: Any
    new: Any
    sentence: str


@dataclass
class EntityChange:
    kind: str
    id: str
    title: str
    status: str  # "added", "removed", "renamed", "changed"
    old_id: str | None = None
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class ChangeSet:
    changes: list[EntityChange]

    def __bool__(self) -> bool:
        return bool(self.changes)


def _flatten(value: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Leaf values by path. Items with ids are keyed ``[id]`` (reordering is no change); other lists of
    objects are keyed ``#n`` by position; lists of plain values stay whole, compared item by item later."""
    if isinstance(value, dict):
        flat: dict[tuple[str, ...], Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, path + (str(key),)))
        return flat
    for key in ("id", "kind"):  # a typed authority limit is known by its kind: limits[credit]
        if isinstance(value, list) and value and all(isinstance(item, dict) and key in item for item in value):
            flat = {}
            for item in value:
                flat.update(_flatten({k: v for k, v in item.items() if k != key}, path + (f"[{item[key]}]",)))
            return flat
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        flat = {}
        for position, item in enumerate(value, start=1):
            flat.update(_flatten(item, path + (f"#{position}",)))
        return flat
    return {path: value}


def _dump(entity: Entity) -> dict:
    return _as_written(entity.model_dump())


def _as_written(value: Any) -> Any:
    """Plain JSON data, prose as its author wrote it: a Manual made for outputs carries resolved
    [[references]] (their ``source`` is the text as written), and a change is described where it was made."""
    def sources(item: Any) -> Any:
        if isinstance(item, str):
            return getattr(item, "source", item)
        if isinstance(item, dict):
            return {key: sources(inner) for key, inner in item.items()}
        if isinstance(item, (list, tuple)):
            return [sources(inner) for inner in item]
        return item

    return json.loads(json.dumps(sources(value), default=str))


def _content(entity: Entity) -> dict[tuple[str, ...], Any]:
    """Fields that say something: empty and unset ones would make any two entities look alike."""
    flat = _flatten({k: v for k, v in _dump(entity).items() if k != "id"})
    return {path: value for path, value in flat.items() if value not in (None, "", [], {}, False)}


def _similarity(left: dict[tuple[str, ...], Any], right: dict[tuple[str, ...], Any]) -> float:
    """Share of fields (flattened) two entities have in common; differing texts count by how alike they are."""
    paths = set(left) | set(right)
    if not paths:
        return 1.0
    score = 0.0
    for path in paths:
        a, b = left.get(path), right.get(path)
        if a == b:
            score += 1
        elif isinstance(a, str) and isinstance(b, str):
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if matcher.real_quick_ratio() > 0.5 and matcher.quick_ratio() > 0.5:
                score += matcher.ratio()
    return score / len(paths)


def _match_renames(before: dict[str, Entity], after: dict[str, Entity], removed: list[str],
                   added: list[str]) -> list[tuple[str, str]]:
    """Pairs (old id, new id) of entities that changed id but kept mostly the same content.

    Identical content pairs up by hash first, so a plain rename of many entities stays linear; only
    what is left is compared pairwise, best match first."""
    pairs: list[tuple[str, str]] = []
    old_content = {i: _content(before[i]) for i in removed}
    new_content = {i: _content(after[i]) for i in added}
    by_content: dict[str, list[str]] = {}
    for new_id in added:
        by_content.setdefault(json.dumps(sorted(new_content[new_id].items()), default=str), []).append(new_id)
    unmatched_old = []
    for old_id in removed:
        same = by_content.get(json.dumps(sorted(old_content[old_id].items()), default=str))
        if same:
            pairs.append((old_id, same.pop(0)))
        else:
            unmatched_old.append(old_id)
    matched_new = {pair[1] for pair in pairs}
    unmatched_new = [new_id for new_id in added if new_id not in matched_new]
    # Only pairs sharing at least half their fields exactly are worth a closer look; an index of field
    # values finds them without comparing every removed entity with every added one.
    index: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for new_id in unmatched_new:
        for path, value in new_content[new_id].items():
            index.setdefault((path, json.dumps(value, sort_keys=True, default=str)), []).append(new_id)
    candidates = []
    for old_id in unmatched_old:
        shared: dict[str, int] = {}
        for path, value in old_content[old_id].items():
            for new_id in index.get((path, json.dumps(value, sort_keys=True, default=str)), ()):
                shared[new_id] = shared.get(new_id, 0) + 1
        for new_id, count in shared.items():
            if count * 2 < max(len(old_content[old_id]), len(new_content[new_id])):
                continue
            score = _similarity(old_content[old_id], new_content[new_id])
            if score >= RENAME_SIMILARITY:
                candidates.append((score, old_id, new_id))
    candidates.sort(key=lambda item: -item[0])
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    for _, old_id, new_id in candidates:
        if old_id not in taken_old and new_id not in taken_new:
            taken_old.add(old_id)
            taken_new.add(new_id)
            pairs.append((old_id, new_id))
    return pairs


def diff_manuals(old: Manual, new: Manual) -> ChangeSet:
    changes: list[EntityChange] = []
    kinds = list(dict.fromkeys(list(old.records) + list(new.records)))
    for kind in kinds:
        before = {e.id: e for e in old.entities(kind)}
        after = {e.id: e for e in new.entities(kind)}
        removed = [i for i in before if i not in after]
        added = [i for i in after if i not in before]
        for old_id, new_id in _match_renames(before, after, removed, added):
            removed.remove(old_id)
            added.remove(new_id)
            change = EntityChange(kind, new_id, after[new_id].display_title, "renamed", old_id=old_id)
            change.fields = _field_changes(kind, before[old_id], after[new_id], old, new)
            changes.append(change)
        for entity_id in removed:
            changes.append(EntityChange(kind, entity_id, before[entity_id].display_title, "removed"))
        for entity_id in added:
            changes.append(EntityChange(kind, entity_id, after[entity_id].display_title, "added"))
        for entity_id in before:
            if entity_id in after:
                fields = _field_changes(kind, before[entity_id], after[entity_id], old, new)
                if fields:
                    changes.append(EntityChange(kind, entity_id, after[entity_id].display_title, "changed",
                                                fields=fields))
    changes.extend(_singleton_changes(old, new))
    return ChangeSet(changes)


def _without_entities(model: BaseModel) -> dict:
    """A file's own settings: entities inside it (roles, routing rules, terms) are compared on their own."""
    data = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Entity) or (isinstance(value, list) and any(isinstance(v, Entity) for v in value)):
            continue
        if isinstance(value, BaseModel):
            data[name] = _without_entities(value)
        else:
            data[name] = _as_written(model.model_dump(include={name})[name])
    return data


def _singleton_changes(old: Manual, new: Manual) -> list[EntityChange]:
    """Files holding one thing each (variables.yaml, company.yaml, manual.yaml, ...)."""
    before = {doc.content_file.name: doc.model for doc in old.documents if not doc.content_file.is_folder}
    after = {doc.content_file.name: doc.model for doc in new.documents if not doc.content_file.is_folder}
    changes = []
    for content_file in CONTENT_FILES:
        name = content_file.name
        if content_file.is_folder or name not in before or name not in after:
            continue
        left, right = _flatten(_without_entities(before[name])), _flatten(_without_entities(after[name]))
        fields = [FieldChange(path, left.get(path), right.get(path),
                              _describe_file_field(name, path, left.get(path), right.get(path), new.localization))
                  for path in dict.fromkeys(list(left) + list(right)) if left.get(path) != right.get(path)]
        if fields:
            title = new.localization.gettext(content_file.title)
            changes.append(EntityChange(name, content_file.pattern, title, "changed", fields=fields))
    return changes


def _describe_file_field(name: str, path: tuple[str, ...], old: Any, new: Any, words: Localization) -> str:
    if name == "variables" and len(path) == 2 and path[0] == "values":
        placeholder = "{" + path[1] + "}"
        if old is None:
            return words.gettext("New value for %(placeholder)s: %(new)s", placeholder=placeholder,
                                 new=_short(new, words))
        if new is None:
            return words.gettext("Value for %(placeholder)s removed (was %(old)s)", placeholder=placeholder,
                                 old=_short(old, words))
        return words.gettext("Value filled in for %(placeholder)s: %(old)s -> %(new)s", placeholder=placeholder,
                             old=_short(old, words), new=_short(new, words))
    return _generic_sentence(path, old, new, words)


def _field_changes(kind: str, before: Entity, after: Entity, old: Manual, new: Manual) -> list[FieldChange]:
    left = _flatten({k: v for k, v in _dump(before).items() if k != "id"})
    right = _flatten({k: v for k, v in _dump(after).items() if k != "id"})
    changes = []
    for path in list(dict.fromkeys(list(left) + list(right))):
        if left.get(path) != right.get(path):
            changes.append(FieldChange(path, left.get(path), right.get(path),
                                       describe(kind, before, after, path, left.get(path), right.get(path), old, new)))
    return changes


# --- wording -----------------------------------------------------------------------------------------------
# Sentences name the field, never the entity (the entity is the heading they sit under), and put names and
# values after a colon, so every language can word them without articles or plural endings guessed in code.

# YAML keys as readers see them; a key not listed here is shown as written.
FIELD_LABELS = {
    "abbreviation": N_("abbreviation"), "acceptable": N_("acceptable behaviour"), "action": N_("action"),
    "actions": N_("actions"), "activities": N_("activities"), "address": N_("address"),
    "annotation": N_("annotation"), "answer": N_("answer"), "approver": N_("approver"), "audience": N_("audience"),
    "audiences": N_("audiences"), "authority": N_("authority"), "behaviour": N_("behaviour"), "bio": N_("biography"),
    "blanks": N_("blanks"), "category": N_("category"), "chain": N_("escalation chain"), "channel": N_("channel"),
    "channels": N_("channels"), "choices": N_("choices"), "comment": N_("comment"),
    "contact_channels": N_("contact channels"), "covers": N_("covers"), "currency": N_("currency"),
    "customer": N_("customer"), "date": N_("date"), "default_owner": N_("default owner"),
    "definition": N_("definition"), "description": N_("description"), "do": N_("do"), "done": N_("done"),
    "due": N_("due"), "edition": N_("edition"), "effective": N_("effective"), "email_review": N_("e-mail review"),
    "escalated_to": N_("escalated to"), "escalates_to": N_("escalates to"), "event": N_("event"),
    "example": N_("example"), "examples": N_("examples"), "exceptions": N_("exceptions"),
    "explanation": N_("explanation"), "faq": N_("frequently asked questions"), "features": N_("features"),
    "fields": N_("fields"), "flag": N_("flag"), "follow_up": N_("follow-up"),
    "follow_up_training": N_("follow-up training"), "format": N_("format"), "formula": N_("formula"),
    "free_gift": N_("free gift"), "frequency": N_("frequency"), "goals": N_("goals"),
    "hand_on_when": N_("passes on when"), "handled_by": N_("handled by"), "handles": N_("handles"),
    "handling": N_("handling"), "history": N_("history"), "hours": N_("hours"),
    "interview_questions": N_("interview questions"), "key_account": N_("key account"),
    "known_issues": N_("known issues"), "label": N_("label"), "language": N_("language"), "led_by": N_("led by"),
    "length": N_("length"), "levels": N_("levels"), "live_person": N_("reaching a person"), "locale": N_("locale"),
    "logo": N_("logo"), "max_discount_percent": N_("discount up to"), "max_gift_value": N_("gift value up to"),
    "max_refund": N_("refund up to"), "may_consult_staff": N_("may consult other staff"),
    "may_override_policy": N_("may override policy"), "methods": N_("methods"), "mission": N_("mission"),
    "name": N_("name"), "note": N_("note"), "notes": N_("notes"), "number": N_("number"),
    "order_value_over": N_("order value over"), "other": N_("other offers"), "outcome": N_("outcome"),
    "owner": N_("owner"), "previous_tag": N_("previous tag"), "price": N_("price"), "procedure": N_("procedure"),
    "product": N_("product"), "promises": N_("promises"), "purpose": N_("purpose"), "qualities": N_("qualities"),
    "question": N_("question"), "read": N_("study"), "reason": N_("reason"), "reassessment": N_("reassessment"),
    "related_chains": N_("related escalation chains"), "related_policies": N_("related policies"),
    "related_procedures": N_("related procedures"), "related_products": N_("related products"),
    "related_scripts": N_("related scripts"), "reports_to": N_("reports to"),
    "representative": N_("representative"), "required": N_("required"), "respond_within": N_("responds within"),
    "review_by": N_("review by"), "review_warning_days": N_("review warning days"), "role": N_("role"),
    "route_to": N_("sent to"), "rules": N_("rules"), "say": N_("say"), "see": N_("see"), "source": N_("source"),
    "specs": N_("specifications"), "stages": N_("stages"), "status": N_("status"), "steps": N_("steps"),
    "subtitle": N_("subtitle"), "summary": N_("summary"), "symptom": N_("symptom"), "tagline": N_("tagline"),
    "target": N_("target"), "targets": N_("targets"), "term": N_("term"), "tests": N_("tests"), "text": N_("text"),
    "then": N_("then"), "time": N_("time"), "title": N_("title"), "tool": N_("tool"), "triggers": N_("triggers"),
    "unacceptable": N_("unacceptable behaviour"), "unit": N_("unit"), "value": N_("value"),
    "values": N_("values"), "verdict": N_("verdict"), "version": N_("version"), "vision": N_("vision"),
    "warning_signs": N_("warning signs"), "when": N_("when"), "when_to_use": N_("when to use it"),
    "workaround": N_("workaround"), "year": N_("year"),
}
_ROLE_FIELDS = ("owner", "route_to", "role", "approver", "led_by", "reports_to")
_MONEY_FIELDS = ("max_refund", "max_gift_value", "order_value_over", "price")
_DATE_FIELDS = ("effective", "review_by", "date", "due")


def _value_words(path: tuple[str, ...], value: Any, words: Localization) -> str | None:
    """A typed value as the manual's language writes it (amounts, durations, dates), from its JSON form."""
    if value is None or not path:
        return None
    if path[-1] in _MONEY_FIELDS and isinstance(value, str):
        return words.money(_money(value))
    if path[-1] == "max_discount_percent" and isinstance(value, int):
        return words.percent(value)
    if (path[-1] == "respond_within" or (len(path) > 1 and path[-2] == "targets")) and isinstance(value, str):
        return words.gettext("Not taken") if value == NOT_TAKEN else words.duration(Duration.parse(value))
    if path[-1] in _DATE_FIELDS and isinstance(value, str):
        try:
            return words.date(dt.date.fromisoformat(value))
        except ValueError:
            return None
    return None


def _role_title(manual: Manual, role_id: Any) -> str:
    if role_id is None:
        return manual.localization.gettext("nobody in particular")
    role = manual.get("role", role_id) if isinstance(role_id, str) else None
    return role.title if role is not None else str(role_id)


def _money(canonical: str) -> Money:
    """An amount back from its JSON form (``1500 USD``), for wording."""
    amount, _, currency = canonical.partition(" ")
    return Money(Decimal(amount), currency)


def _words(value: Any, words: Localization) -> str:
    if value is None:
        return words.gettext("nothing")
    if isinstance(value, bool):
        return words.gettext("yes") if value else words.gettext("no")
    if isinstance(value, list):
        return ", ".join(_words(item, words) for item in value) or words.gettext("none")
    return str(value)


def _label(path: tuple[str, ...], words: Localization) -> str:
    """("levels", "#2", "role") -> "Levels › 2 › Role"; ("rules", "[window]", "text") -> "Rules › window › Text"."""
    parts = []
    for part in path:
        if part.startswith("#"):
            parts.append(part[1:])
        elif part.startswith("["):
            parts.append(part[1:-1])
        else:
            label = FIELD_LABELS.get(part) or CHANNEL_NAMES.get(part)
            parts.append(_capital(words.gettext(label)) if label else part)
    return " › ".join(parts)


def _routing_subject(rule: Any, manual: Manual) -> str:
    words = manual.localization
    when = rule.when
    if when.order_value_over is not None:
        return words.gettext("Orders over %(amount)s", amount=words.money(when.order_value_over))
    if when.key_account:
        return words.gettext("Key accounts")
    if when.category:
        category = manual.get("category", when.category)
        return words.gettext("Inquiries in the category %(category)s",
                             category=category.name if category else when.category)
    return rule.title


def describe(kind: str, before: Any, after: Any, path: tuple[str, ...], old: Any, new: Any,
             old_manual: Manual, new_manual: Manual) -> str:
    words = new_manual.localization
    if kind == "routing":
        subject = _routing_subject(after, new_manual)
        if path == ("route_to",) and new is None:
            return words.gettext("%(subject)s: now sent to the executive named for each account", subject=subject)
        if path == ("route_to",):
            return words.gettext("%(subject)s: now sent to %(new)s instead of %(old)s", subject=subject,
                                 new=_role_title(new_manual, new), old=_role_title(old_manual, old))
    if kind == "policy" and len(path) == 3 and path[0] == "rules" and path[2] == "value":
        rule_id = path[1].strip("[]")
        rule = next((r for r in getattr(after, "rules", []) if r.id == rule_id), None)
        unit = f" {rule.unit}" if rule is not None and rule.unit else ""
        return words.gettext("%(rule)s: %(old)s -> %(new)s", rule=_capital(rule_id.replace("-", " ")),
                             old=_words(old, words) + unit, new=_words(new, words) + unit)
    if kind == "role" and path and path[0] == "authority":
        path = path[1:]  # "Refund up to", not "Authority › Refund up to": a role's limits are all authority
    if path and path[-1] in _ROLE_FIELDS:
        return words.gettext("%(field)s: now %(new)s instead of %(old)s", field=_label(path, words),
                             new=_role_title(new_manual, new), old=_role_title(old_manual, old))
    return _generic_sentence(path, old, new, words)


def _generic_sentence(path: tuple[str, ...], old: Any, new: Any, words: Localization) -> str:
    # The entity is named in the heading these sentences sit under, so they start at the field.
    field = _label(path, words)
    if old is None:
        return words.gettext("%(field)s added: %(new)s", field=field,
                             new=_value_words(path, new, words) or _short(new, words))
    if new is None:
        return words.gettext("%(field)s removed (was %(old)s)", field=field,
                             old=_value_words(path, old, words) or _short(old, words))
    if isinstance(old, list) and isinstance(new, list):
        gone = [item for item in old if item not in new]
        came = [item for item in new if item not in old]
        parts = []
        if came:
            parts.append(words.ngettext("added %(items)s", "added %(num)d items: %(items)s", len(came),
                                        items=_quoted_items(came, words)))
        if gone:
            parts.append(words.ngettext("removed %(items)s", "removed %(num)d items: %(items)s", len(gone),
                                        items=_quoted_items(gone, words)))
        return words.gettext("%(field)s: %(what)s", field=field,
                             what="; ".join(parts) or words.gettext("reordered"))
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > SHORT_TEXT:
        return words.gettext("%(field)s now reads %(new)s (was %(old)s)", field=field,
                             new=words.gettext("“%(words)s”", words=_short(new, words)),
                             old=words.gettext("“%(words)s”", words=_short(old, words)))
    return words.gettext("%(field)s: %(old)s -> %(new)s", field=field,
                         old=_value_words(path, old, words) or _short(old, words),
                         new=_value_words(path, new, words) or _short(new, words))


def kind_label(kind: Kind, words: Localization) -> str:
    """A kind's name for headings and lists in the manual's language: "Escalation chain", "Eskalationskette"."""
    return _capital(words.gettext(kind.singular))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quoted_items(items: list[Any], words: Localization) -> str:
    return ", ".join(words.gettext("“%(words)s”", words=_short(item, words, 80)) for item in items)


def _short(value: Any, words: Localization, limit: int = 120) -> str:
    text = _words(value, words).replace("\n", " ").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
