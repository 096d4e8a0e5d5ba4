"""Rules over the whole Manual: references resolve, no cycles, authority rises, schedules are complete.

Every rule adds located diagnostics and carries on, so one run reports every problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .clock import today as build_today
from .diagnostics import Diagnostics, Location, display_path
from .limits import Suggestions, check_limits
from .locale import catalogue_problems, parse_locale, project_catalogues
from .manual import EntityRecord, Manual
from .model import KINDS, Duration, Money, Policy, Role
from .model.base import PLACEHOLDER
from .model.escalation import LIMIT_LABELS, Authority, Limit
from .model.fields import field_info, type_of
from .model.quantity import Quantity
from .prose import check_prose_references, check_rule_values, check_stale_prose, check_typography
from .safety import check_safety

FRESHNESS = "freshness"


def check_manual(
    manual: Manual,
    diagnostics: Diagnostics,
    today: dt.date | None = None,
) -> Diagnostics:
    suggestions = Suggestions()
    check_references(manual, diagnostics, suggestions)
    check_role_hierarchy(manual, diagnostics)
    check_chain_cycles(manual, diagnostics)
    check_authority_rises(manual, diagnostics)
    check_schedule_coverage(manual, diagnostics)
    check_service_levels(manual, diagnostics, suggestions)
    check_placeholders(manual, diagnostics, suggestions)
    check_log_fields(manual, diagnostics, suggestions)
    check_prose_references(manual, diagnostics)
    check_rule_values(manual, diagnostics)
    check_stale_prose(manual, diagnostics)
    check_typography(manual, diagnostics)
    check_unique_local_ids(manual, diagnostics)
    check_assets(manual, diagnostics)
    check_freshness(manual, diagnostics, today)
    check_limits(manual, diagnostics)
    check_safety(manual, diagnostics)
    check_catalogues(manual, diagnostics)
    return diagnostics


def check_catalogues(manual: Manual, diagnostics: Diagnostics) -> None:
    """The project's own translations of Deskbook's words (``locale/<lang>/LC_MESSAGES/deskbook.po``)."""
    project_dir = manual.content_dir.parent
    try:
        locale = parse_locale(manual.settings.locale.language)
    except ValueError:
        return  # the settings check has reported the language
    for path in project_catalogues(locale, project_dir):
        for line, message in catalogue_problems(path):
            diagnostics.error(Location(display_path(path, project_dir), line, 1 if line else 0), message)


def check_references(manual: Manual, diagnostics: Diagnostics, suggestions: Suggestions | None = None) -> None:
    suggestions = suggestions or Suggestions()
    known_ids: dict[str, str] = {}
    uses = [(ref.location, ref.kind, ref.target) for ref in manual.references]
    for location, kind, target in uses + manual.references_of_failed_files:
        _check_reference(manual, location, kind, target, diagnostics, suggestions, known_ids)


def _check_reference(manual: Manual, location: Location, kind: str, target: str, diagnostics: Diagnostics,
                     suggestions: Suggestions, known_ids: dict[str, str]) -> None:
    target_id = target
    if kind == "*":
        kind, _, target_id = target.partition(":")
    if kind not in KINDS:
        guess = suggestions.closest(kind, "kinds", KINDS)
        hint = f"; did you mean '{guess}:{target_id}'?" if guess else f"; kinds are: {', '.join(KINDS)}"
        diagnostics.error(location, f"unknown kind '{kind}' in reference '{target}'{hint}")
        return
    built_in = KINDS[kind].built_in
    if manual.get(kind, target_id) is not None or target_id in built_in or kind in manual.incomplete_kinds:
        return
    known = list(dict.fromkeys([*manual.records.get(kind, {}), *built_in]))
    guess = suggestions.closest(target_id, kind, known, cutoff=0.5)
    if guess:
        hint = f"; did you mean '{guess}'?"
    elif known:
        if kind not in known_ids:  # once per kind, however many names are unknown
            known_ids[kind] = ", ".join(sorted(known)[:12]) + (", ..." if len(known) > 12 else "")
        hint = f"; known {KINDS[kind].singular} ids: {known_ids[kind]}"
    else:
        hint = f"; there are no {KINDS[kind].plural} yet"
    diagnostics.error(location, f"unknown {KINDS[kind].singular} '{target_id}'{hint}")


def _find_cycles(edges: dict[str, str | None]) -> list[list[str]]:
    """Cycles in a graph where each node has at most one successor; each cycle reported once."""
    cycles: list[list[str]] = []
    seen_in_cycle: set[str] = set()
    for start in edges:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in edges and node not in path:
            path.append(node)
            node = edges[node]
        if node is not None and node in path:
            cycle = path[path.index(node) :]
            if not seen_in_cycle.intersection(cycle):
                seen_in_cycle.update(cycle)
                cycles.append(cycle)
    return cycles


def _report_cycles(manual: Manual, diagnostics: Diagnostics, kind: str, link: str, message: str) -> None:
    edges = {entity.id: getattr(entity, link) for entity in manual.entities(kind)}
    for cycle in _find_cycles(edges):
        record = manual.records[kind][cycle[0]]
        diagnostics.error(record.location(link), message.format(loop=" -> ".join(cycle + [cycle[0]])))


def check_role_hierarchy(manual: Manual, diagnostics: Diagnostics) -> None:
    _report_cycles(
        manual,
        diagnostics,
        "role",
        "reports_to",
        "roles report to each other in a circle ({loop}); one of them must report to nobody or higher up",
    )


def check_chain_cycles(manual: Manual, diagnostics: Diagnostics) -> None:
    _report_cycles(
        manual,
        diagnostics,
        "chain",
        "then",
        "escalation chains hand on to each other in a circle ({loop}); a case would never reach an end",
    )


# A role's amounts and percentages, found by their fields' types, with the fields' English labels
# ("refund up to"): check's messages stay English (issue 9 allows it).
_AUTHORITY_LIMITS = {
    name: field_info(Authority, name).title or name
    for name in Authority.model_fields
    if type_of(Authority, name).annotation is Money or type_of(Authority, name).is_percent
}


Size = int | Money | Quantity


def _format_limit(manual: Manual, value: Size) -> str:
    words = manual.localization
    if isinstance(value, Quantity):
        return words.quantity(value)
    return words.money(value) if isinstance(value, Money) else words.percent(value)


def _holds(value: Size | None) -> bool:
    if isinstance(value, Quantity):
        return value.numbers[-1] > 0
    return value is not None and (value.amount if isinstance(value, Money) else value) > 0


def _below(size: Size, lower: Size) -> bool:
    """Whether ``size`` is less than ``lower``. Limits in two currencies have no order without an exchange
    rate, and days have none against seats, so neither is below the other."""
    if isinstance(size, Quantity) and isinstance(lower, Quantity):
        return (size.kind, size.unit) == (lower.kind, lower.unit) and size.numbers[-1] < lower.numbers[-1]
    if isinstance(size, Quantity) or isinstance(lower, Quantity):
        return False
    if isinstance(size, Money) and isinstance(lower, Money):
        return size.currency == lower.currency and size < lower
    if isinstance(size, Money) or isinstance(lower, Money):
        return False
    return size < lower


def _limits_held(role: Role) -> dict[str, tuple[str, Size]]:
    """kind -> (label, size) of every sized authority a role holds; none of a kind is not holding it."""
    held: dict[str, tuple[str, Size]] = {}
    for field_name, label in _AUTHORITY_LIMITS.items():
        value = getattr(role.authority, field_name)
        if _holds(value):
            held[field_name] = (label, value)
    for limit in role.authority.limits:
        if limit.size is not None and _holds(limit.size):
            # check's messages stay English (issue 9 allows it): the kind's English name, not the manual's.
            name = limit.label or LIMIT_LABELS[limit.kind]
            held[f"limit:{limit.kind}"] = (f"{name.lower()} {field_info(Limit, 'up_to').title}", limit.size)
    return held


def check_authority_rises(manual: Manual, diagnostics: Diagnostics) -> None:
    """Up a chain, each kind of authority rises among the levels that hold that kind: a level with none of
    a kind (a network operations centre with no money authority) is passed over for that kind."""
    for chain in manual.entities("chain"):
        record = manual.record(chain)
        highest: dict[str, tuple[int, Role]] = {}  # kind -> (the level below that last held it, its role)
        gift_giver: tuple[int, Role] | None = None
        previous: Role | None = None
        for index, level in enumerate(chain.levels):
            role = manual.get("role", level.role)
            if role is None:
                previous = None
                continue
            for kind, (label, size) in _limits_held(role).items():
                below = highest.get(kind)
                if below is not None:
                    lower_index, lower_role = below
                    _, lower = _limits_held(lower_role)[kind]
                    if _below(size, lower):
                        diagnostics.error(
                            record.location("levels", index, "role"),
                            f"authority must rise up the chain: level {index + 1} ({role.id}) may give "
                            f"{'an' if label[0] in 'aeiou' else 'a'} {label} {_format_limit(manual, size)}, less than "
                            f"level {lower_index + 1} ({lower_role.id}) at {_format_limit(manual, lower)}; "
                            f"reorder the levels or raise {role.id}'s authority in roles.yaml",
                        )
                highest[kind] = (index, role)
            if role.authority.free_gift:
                gift_giver = (index, role)
            elif gift_giver is not None and _limits_held(role):
                diagnostics.error(
                    record.location("levels", index, "role"),
                    f"authority must rise up the chain: {gift_giver[1].id} may give a free gift but {role.id}, "
                    "a higher level with money authority, may not",
                )
            if previous is not None and level.role == previous.id:
                diagnostics.error(
                    record.location("levels", index, "role"),
                    f"level {index + 1} repeats the role '{role.id}' of the level before",
                )
            previous = role


def check_schedule_coverage(manual: Manual, diagnostics: Diagnostics) -> None:
    schedule = manual.schedule
    document = next(doc for doc in manual.documents if doc.content_file.name == "schedules")
    channels = schedule.channels
    for index, category in enumerate(schedule.categories):
        missing = [channel for channel in channels if channel not in category.targets]
        if missing:
            diagnostics.error(
                document.location(("categories", index, "targets")),
                f"category '{category.id}' has no response target for {', '.join(missing)}; every category "
                f"needs a target for each channel in 'channels' ({', '.join(channels)})",
            )
        for channel in category.targets:
            if channel not in channels:
                diagnostics.error(
                    document.location(("categories", index, "targets", channel), key=True),
                    f"channel '{channel}' is not listed in 'channels' at the top of the schedule; add it there",
                )
        if not any(category.takes(channel) for channel in channels):
            diagnostics.error(
                document.location(("categories", index, "targets")),
                f"category '{category.id}' is 'not taken' on every channel; at least one channel must take it",
            )
        if category.flag and any(t.seconds > 3600 for t in category.targets.values() if isinstance(t, Duration)):
            diagnostics.warning(
                document.location(("categories", index, "flag")),
                f"category '{category.id}' is flagged for immediate attention but allows more than an hour",
            )


def check_service_levels(manual: Manual, diagnostics: Diagnostics, suggestions: Suggestions) -> None:
    """service-levels.yaml names only its own dimensions, values and metrics, and clocks that exist."""
    levels = manual.service_levels
    if levels is None:
        return
    document = next(doc for doc in manual.documents if doc.content_file.name == "service-levels")
    lines = [line.id for line in manual.service_hours.lines] if manual.service_hours is not None else []
    closest = lambda wanted, group, known: suggestions.closest(wanted, group, known, cutoff=0.5)  # noqa: E731
    for path, key, message in levels.problems(lines, closest):
        diagnostics.error(document.location(path, key=key), message)


def _placeholder_sites(manual: Manual) -> Iterable[tuple[EntityRecord, tuple, str]]:
    for script in manual.entities("script"):
        record = manual.record(script)
        for index, step in enumerate(script.steps):
            for field_name in ("say", "do"):
                text = getattr(step, field_name)
                if text:
                    yield record, ("steps", index, field_name), text
    for standard in manual.entities("standard"):
        record = manual.record(standard)
        for index, step in enumerate(standard.steps):
            if step.say:
                yield record, ("steps", index, "say"), step.say


def check_placeholders(manual: Manual, diagnostics: Diagnostics, suggestions: Suggestions | None = None) -> None:
    suggestions = suggestions or Suggestions()
    known = set(manual.variables.values) | set(manual.variables.blanks)
    for record, path, text in _placeholder_sites(manual):
        for name in PLACEHOLDER.findall(text):
            if name in known:
                continue
            guess = suggestions.closest(name, "placeholders", known)
            hint = f"; did you mean '{{{guess}}}'?" if guess else "; add it to variables.yaml"
            diagnostics.error(record.location(*path), f"unknown placeholder '{{{name}}}'{hint}")
        unbalanced = PLACEHOLDER.sub("", text)
        if "{" in unbalanced or "}" in unbalanced:
            diagnostics.error(record.location(*path), "unmatched '{' or '}'; placeholders are written {name}")


def check_log_fields(manual: Manual, diagnostics: Diagnostics, suggestions: Suggestions) -> None:
    """A sample log's ticket fields are fields logging.yaml declares, each with one of its values when it
    has a closed list."""
    declared = {field.id: field for field in manual.logging_guide.fields}
    for log in manual.entities("call-log"):
        record = manual.record(log)
        for name, value in log.fields.items():
            field = declared.get(name)
            if field is None:
                guess = suggestions.closest(name, "log fields", declared, cutoff=0.5)
                hint = f"; did you mean '{guess}'?" if guess else f"; logging.yaml's fields are: {', '.join(declared)}"
                diagnostics.error(record.location("fields", name, key=True),
                                  f"unknown log field '{name}'{hint}")
            elif field.values and value not in field.values:
                guess = suggestions.closest(value, f"values of {name}", field.values, cutoff=0.5)
                hint = f"; did you mean '{guess}'?" if guess else ""
                diagnostics.error(record.location("fields", name),
                                  f"'{value}' is not one of the values of {name}: {', '.join(field.values)}{hint}")


def check_unique_local_ids(manual: Manual, diagnostics: Diagnostics) -> None:
    """Ids inside one entity (policy rules, standard steps, known issues) must be unique there."""
    for record in manual.all_records():
        entity = record.entity
        fields = type(entity).model_fields  # getattr of a field it lacks costs pydantic a raised AttributeError
        for field_name in ("rules", "steps", "known_issues"):
            items = getattr(entity, field_name, None) if field_name in fields else None
            if not isinstance(items, list):
                continue
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                item_id = getattr(item, "id", None)
                if item_id is None:
                    continue
                if item_id in seen:
                    diagnostics.error(
                        record.location(field_name, index, "id"),
                        f"duplicate id '{item_id}' in {field_name} (also item {seen[item_id] + 1})",
                    )
                else:
                    seen[item_id] = index


def check_assets(manual: Manual, diagnostics: Diagnostics) -> None:
    """The logo must be a file inside the content folder: the PDFs may print nothing else."""
    logo = manual.settings.logo
    if logo is None:
        return
    document = next(doc for doc in manual.documents if doc.content_file.name == "manual")
    content_dir = manual.content_dir.resolve()
    path = (content_dir / logo).resolve()
    if content_dir not in path.parents:
        diagnostics.error(
            document.location(("logo",)), f"logo '{logo}' is outside the content folder; put it under content/assets/"
        )
    elif not path.is_file():
        diagnostics.error(
            document.location(("logo",)),
            f"logo '{logo}' does not exist (looked for {path.relative_to(content_dir.parent)})",
        )


def review_status(policy: Policy, today: dt.date, warning_days: int) -> str:
    """'overdue', 'due-soon' or 'current'."""
    if policy.review_by < today:
        return "overdue"
    if (policy.review_by - today).days <= warning_days:
        return "due-soon"
    return "current"


def check_freshness(manual: Manual, diagnostics: Diagnostics, today: dt.date | None) -> None:
    """An overdue review is a warning (``--strict`` fails on it); one coming due is a notice."""
    today = today or build_today()
    warning_days = manual.settings.review_warning_days
    for policy in manual.entities("policy"):
        status = review_status(policy, today, warning_days)
        location = manual.record(policy).location("review_by")
        if status == "overdue":
            message = (
                f"policy '{policy.id}' was due for review on {policy.review_by.isoformat()} "
                f"({(today - policy.review_by).days} days ago); its owner ({policy.owner}) should review it "
                "and move review_by forward"
            )
            diagnostics.warning(location, message, rule=FRESHNESS)
        elif status == "due-soon":
            diagnostics.notice(
                location,
                f"policy '{policy.id}' is due for review on {policy.review_by.isoformat()} "
                f"(in {(policy.review_by - today).days} days)",
                rule=FRESHNESS,
            )
