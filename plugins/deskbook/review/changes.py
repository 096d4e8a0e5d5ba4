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

from ..locale import Localization
from ..manual import Manual
from ..model import CONTENT_FILES, Entity, Kind, RefTo
from ..model.fields import (
    FieldType,
    PathStep,
    capital,
    field_info,
    label,
    value_at,
    walk,
    written,
)
from ..model.quantity import Quantity

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
        for entity_id, earlier in before.items():
            if entity_id in after:
                fields = _field_changes(kind, earlier, after[entity_id], old, new)
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
        sides = _Sides(before[name], after[name], old, new)
        fields = [FieldChange(path, left.get(path), right.get(path),
                              _describe_file_field(name, path, left.get(path), right.get(path), sides))
                  for path in dict.fromkeys(list(left) + list(right)) if left.get(path) != right.get(path)]
        if fields:
            title = new.localization.gettext(content_file.title)
            changes.append(EntityChange(name, content_file.pattern, title, "changed", fields=fields))
    return changes


def _describe_file_field(name: str, path: tuple[str, ...], old: Any, new: Any, sides: _Sides) -> str:
    words = sides.words
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
    return _generic_sentence(path, old, new, sides)


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
# Labels come from the fields' titles and values are written by their fields' types (model/fields.py).


@dataclass(frozen=True)
class _Sides:
    """Where a changed path sits: the model it starts at, at both revisions, and the two Manuals."""

    before: BaseModel
    after: BaseModel
    old_manual: Manual
    new_manual: Manual
    unnamed: int = 0  # leading parts of the path the heading already says ("authority" under a role)

    @property
    def words(self) -> Localization:
        return self.new_manual.localization


def _title(manual: Manual, reference: RefTo, entity_id: Any) -> str:
    """A referenced entity by its title; an id the revision does not know (or a removed one) as written."""
    if not isinstance(entity_id, str):
        return str(entity_id)
    kind, _, target = entity_id.partition(":") if reference.kind == "*" else (reference.kind, "", entity_id)
    if kind == "channel":
        return manual.channel_name(target)
    entity = manual.get(kind, target)
    return entity.display_title if entity is not None else entity_id


def _shown(field_type: FieldType | None, typed: Any, plain: Any, manual: Manual) -> str:
    """One side's value in words: a reference by its entity's title, a typed value the locale's way, a list
    item by item, and anything else as written."""
    words = manual.localization
    if field_type is not None and field_type.reference is not None and typed is not None:
        return _title(manual, field_type.reference, typed)
    if typed is not None:
        text = written(typed, words, field_type)
        if text is not None:
            return text
    if isinstance(typed, (list, tuple)) and field_type is not None and field_type.item is not None and typed:
        return ", ".join(_shown(field_type.item, item, item, manual) for item in typed)
    return _short(plain, words)


def _words(value: Any, words: Localization) -> str:
    if value is None:
        return words.gettext("nothing")
    if isinstance(value, bool):
        return words.gettext("yes") if value else words.gettext("no")
    if isinstance(value, list):
        return ", ".join(_words(item, words) for item in value) or words.gettext("none")
    if isinstance(value, Quantity) and value.kind != "reference":
        return words.quantity(value)
    return str(value)


def _label(path: tuple[str, ...], sides: _Sides) -> str:
    """("levels", "#2", "role") -> "Levels › 2 › Role", each part the field's own label;
    ("rules", "[window]", "text") -> "Rules › window › Text"; a typed item known by its kind reads as one
    phrase with its field: ("limits", "[credit]", "up_to") -> "Credit up to"."""
    words = sides.words
    steps = walk(type(sides.after), path)
    parts: list[str] = []
    index = 0
    while index < len(steps):
        step = steps[index]
        following = steps[index + 1] if index + 1 < len(steps) else None
        named = _named_by_model(path[: index + 1], sides) if step.owner is None else None
        if step.owner is not None:
            parts.append(label(step.owner, step.part, words))
        elif named is not None:
            parts.append(named)
        elif step.part.startswith("#"):
            parts.append(step.part[1:])
        elif step.part.startswith("[") and _known_by_kind(step) and following is not None and following.owner:
            item = value_at(sides.after, path[: index + 1]) or value_at(sides.before, path[: index + 1])
            name = item.name(words) if hasattr(item, "name") and callable(item.name) else step.part[1:-1]
            title = field_info(following.owner, following.part).title or following.part
            parts[-1:] = [words.gettext("%(item)s %(field)s", item=capital(name), field=words.gettext(title))]
            index += 1
        elif step.part.startswith("["):
            parts.append(step.part[1:-1])
        else:  # a mapping's key: "email" under targets reads "E-mail"
            container = steps[index - 1].type if index else None
            key_type = container.key if container is not None else None
            names = key_type.choice_names if key_type is not None else {}
            if key_type is not None and key_type.reference is not None:
                parts.append(_title(sides.new_manual, key_type.reference, step.part))
            else:
                parts.append(words.gettext(names[step.part]) if step.part in names else step.part)
        index += 1
    return " › ".join(parts[sides.unnamed:] if sides.unnamed < len(parts) else parts)


def _named_by_model(path: tuple[str, ...], sides: _Sides) -> str | None:
    """What a file's model calls an item or key of its own data (service-levels.yaml names a level by its
    values' names, a metric key by the metric's name), at the new revision or, for a removed one, the old."""
    for model in (sides.after, sides.before):
        part_name = getattr(model, "part_name", None)
        named = part_name(path) if callable(part_name) else None
        if named is not None:
            return named
    return None


def _known_by_kind(step: PathStep) -> bool:
    """An item of a list of typed things (a role's limits), keyed by its kind rather than an id."""
    model = step.type.model if step.type is not None else None
    return model is not None and "kind" in model.model_fields and "id" not in model.model_fields


def _leaf_type(path: tuple[str, ...], sides: _Sides) -> FieldType | None:
    steps = walk(type(sides.after), path)
    return steps[-1].type if steps else None


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
    sides = _Sides(before, after, old_manual, new_manual)
    field_type = _leaf_type(path, sides)
    reference = field_type.reference if field_type is not None else None
    if kind == "routing":
        subject = _routing_subject(after, new_manual)
        if path == ("route_to",) and new is None:
            return words.gettext("%(subject)s: now sent to the executive named for each account", subject=subject)
        if path == ("route_to",):
            return words.gettext("%(subject)s: now sent to %(new)s instead of %(old)s", subject=subject,
                                 new=_role_title(new_manual, new), old=_role_title(old_manual, old))
    if kind == "policy" and len(path) == 3 and path[0] == "rules" and path[2] == "value":
        rule_id = path[1].strip("[]")
        return words.gettext("%(rule)s: %(old)s -> %(new)s", rule=capital(rule_id.replace("-", " ")),
                             old=_words(old, words), new=_words(new, words))
    if kind == "role" and path and path[0] == "authority":
        # "Refund up to", not "Authority › Refund up to": a role's limits are all authority
        sides = _Sides(before, after, old_manual, new_manual, unnamed=1)
    if reference is not None and reference.kind == "role" and not isinstance(old, list):
        return words.gettext("%(field)s: now %(new)s instead of %(old)s", field=_label(path, sides),
                             new=_role_title(new_manual, new), old=_role_title(old_manual, old))
    return _generic_sentence(path, old, new, sides)


def _role_title(manual: Manual, role_id: Any) -> str:
    if role_id is None:
        return manual.localization.gettext("nobody in particular")
    return _title(manual, RefTo("role"), role_id)


def _generic_sentence(path: tuple[str, ...], old: Any, new: Any, sides: _Sides) -> str:
    # The entity is named in the heading these sentences sit under, so they start at the field.
    words = sides.words
    field = _label(path, sides)
    field_type = _leaf_type(path, sides)

    def before() -> str:
        return _shown(field_type, value_at(sides.before, path), old, sides.old_manual)

    def after() -> str:
        return _shown(field_type, value_at(sides.after, path), new, sides.new_manual)

    if old is None:
        return words.gettext("%(field)s added: %(new)s", field=field, new=after())
    if new is None:
        return words.gettext("%(field)s removed (was %(old)s)", field=field, old=before())
    if isinstance(old, list) and isinstance(new, list):
        item_type = field_type.item if field_type is not None else None
        gone = [_shown(item_type, item, item, sides.old_manual) for item in old if item not in new]
        came = [_shown(item_type, item, item, sides.new_manual) for item in new if item not in old]
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
                             new=words.quoted(_short(new, words)),
                             old=words.quoted(_short(old, words)))
    return words.gettext("%(field)s: %(old)s -> %(new)s", field=field, old=before(), new=after())


def kind_label(kind: Kind, words: Localization) -> str:
    """A kind's name for headings and lists in the manual's language: "Escalation chain", "Eskalationskette"."""
    return capital(words.gettext(kind.singular))


def _quoted_items(items: list[Any], words: Localization) -> str:
    return ", ".join(words.quoted(_short(item, words, 80)) for item in items)


def _short(value: Any, words: Localization, limit: int = 120) -> str:
    text = _words(value, words).replace("\n", " ").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
