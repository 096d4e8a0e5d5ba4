"""Compare two Manuals entity by entity and describe each change in words a reviewer understands.

Entities are matched by kind and id; an entity that disappeared while another of the same kind appeared
with mostly the same content is reported as renamed. Fields are compared after flattening, with lists of
items that have ids (policy rules, steps) matched by id, so reordering is not a change.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..manual import Manual
from ..model import CONTENT_FILES, Entity

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
    if isinstance(value, list) and value and all(isinstance(item, dict) and "id" in item for item in value):
        flat = {}
        for item in value:
            flat.update(_flatten({k: v for k, v in item.items() if k != "id"}, path + (f"[{item['id']}]",)))
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
                              _describe_file_field(name, path, left.get(path), right.get(path)))
                  for path in dict.fromkeys(list(left) + list(right)) if left.get(path) != right.get(path)]
        if fields:
            changes.append(EntityChange(name, content_file.pattern, content_file.title, "changed", fields=fields))
    return changes


def _describe_file_field(name: str, path: tuple[str, ...], old: Any, new: Any) -> str:
    if name == "variables" and len(path) == 2 and path[0] == "values":
        if old is None:
            return f"New value for {{{path[1]}}}: {_short(new)}"
        if new is None:
            return f"Value for {{{path[1]}}} removed (was {_short(old)})"
        return f"Value filled in for {{{path[1]}}}: {_short(old)} -> {_short(new)}"
    return _generic_sentence(path, old, new)


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

def _role_title(manual: Manual, role_id: Any) -> str:
    if role_id is None:
        return "nobody in particular"
    role = manual.get("role", role_id) if isinstance(role_id, str) else None
    if role is None:
        return str(role_id)
    article = "the " if not role.title.lower().startswith(("a ", "an ", "the ")) else ""
    return article + role.title


def _words(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_words(item) for item in value) or "none"
    return str(value)


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def _label(path: tuple[str, ...]) -> str:
    """("levels", "#2", "role") -> "level 2 role"; ("rules", "[window]", "text") -> "rule 'window' text"."""
    words: list[str] = []
    for part in path:
        if part.startswith("#") and words:
            words[-1] = f"{_singular(words[-1])} {part[1:]}"
        elif part.startswith("[") and words:
            words[-1] = f"{_singular(words[-1])} '{part[1:-1]}'"
        else:
            words.append(part.replace("_", " "))
    return " ".join(words)


def _routing_subject(rule: Any, manual: Manual) -> str:
    when = rule.when
    if when.order_value_over is not None:
        return f"Orders over ${when.order_value_over:,}"
    if when.key_account:
        return "Key accounts"
    if when.category:
        category = manual.get("category", when.category)
        return f"{category.name if category else when.category} inquiries"
    return rule.title


def describe(kind: str, before: Any, after: Any, path: tuple[str, ...], old: Any, new: Any,
             old_manual: Manual, new_manual: Manual) -> str:
    title = after.display_title
    if kind == "routing":
        if path == ("route_to",) and new is None:
            return f"{_routing_subject(after, new_manual)} now go to the executive named for each account"
        if path == ("route_to",):
            return (f"{_routing_subject(after, new_manual)} now go to {_role_title(new_manual, new)} "
                    f"instead of {_role_title(old_manual, old)}")
        if path == ("when", "order_value_over") and old is not None and new is not None:
            return f"Order value threshold: ${old:,} -> ${new:,}"
    if kind == "policy" and len(path) == 3 and path[0] == "rules" and path[2] == "value":
        rule_id = path[1].strip("[]")
        rule = next((r for r in getattr(after, "rules", []) if r.id == rule_id), None)
        unit = f" {rule.unit}" if rule is not None and rule.unit else ""
        base = title[:-1] if " " not in title and title.endswith("s") else title  # "Refunds" -> "Refund"
        label = f"{base} {rule_id.replace('-', ' ')}"
        return f"{label[0].upper() + label[1:]}: {_words(old)}{unit} -> {_words(new)}{unit}"
    if kind == "role" and path and path[0] == "authority":
        money = {"max_refund": "${:,}", "max_gift_value": "${:,}", "max_discount_percent": "{}%"}.get(path[-1])
        if money and isinstance(old, int) and isinstance(new, int):
            return f"{_capital(_label(path[1:]))}: {money.format(old)} -> {money.format(new)}"
    if path and path[-1] in ("owner", "route_to", "role", "approver", "led_by", "reports_to"):
        return (f"{_capital(_label(path))} is now {_role_title(new_manual, new)} "
                f"instead of {_role_title(old_manual, old)}")
    return _generic_sentence(path, old, new)


def _generic_sentence(path: tuple[str, ...], old: Any, new: Any) -> str:
    # The entity is named in the heading these sentences sit under, so they start at the field.
    subject = _capital(_label(path))
    if old is None:
        return f"{subject} added: {_short(new)}"
    if new is None:
        return f"{subject} removed (was {_short(old)})"
    if isinstance(old, list) and isinstance(new, list):
        gone = [item for item in old if item not in new]
        came = [item for item in new if item not in old]
        parts = ([f"added {_quoted_items(came)}"] if came else []) + ([f"removed {_quoted_items(gone)}"] if gone else [])
        return f"{subject}: {'; '.join(parts) or 'reordered'}"
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > SHORT_TEXT:
        return f'{subject} now reads "{_short(new)}" (was "{_short(old)}")'
    return f"{subject}: {_short(old)} -> {_short(new)}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quoted_items(items: list[Any]) -> str:
    return ", ".join(f'"{_short(item, 80)}"' for item in items)


def _short(value: Any, limit: int = 120) -> str:
    text = _words(value).replace("\n", " ").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
