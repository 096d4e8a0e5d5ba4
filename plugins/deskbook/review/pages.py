"""The "Due for review" and "What changed in this edition" pages, as safe Markdown.

Every piece of user text goes through ``markdown_escape``, so a policy title cannot become markup or
attribute syntax on these pages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..check import review_status
from ..manual import Manual
from ..model import KINDS
from ..pipeline import previous_edition
from ..text import markdown_escape
from .changes import diff_manuals


def _md(text: str) -> str:
    return markdown_escape(text)


def due_for_review_markdown(manual: Manual, today: dt.date) -> str:
    warning_days = manual.settings.review_warning_days
    rows = []
    for policy in sorted(manual.entities("policy"), key=lambda p: p.review_by):
        status = review_status(policy, today, warning_days)
        if status == "current":
            continue
        owner = manual.get("role", policy.owner)
        label = "**Overdue**" if status == "overdue" else "Due soon"
        rows.append(f"| {label} | {_md(policy.title)} | {_md(owner.title if owner else policy.owner)} | "
                    f"{policy.review_by.isoformat()} | {_days_from(today, policy.review_by)} |")
    lines = ["# Due for review", "",
             f"Policies past their review-by date, or due within {warning_days} days of "
             f"{today.isoformat()}. Owners review the policy and move its `review_by` date forward.", ""]
    if not rows:
        return "\n".join(lines + ["Every policy is current.", ""])
    return "\n".join(lines + ["| Status | Policy | Owner | Review by | When |", "|---|---|---|---|---|", *rows, ""])


def _days_from(today: dt.date, day: dt.date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    unit = "day" if abs(days) == 1 else "days"
    return f"in {days} {unit}" if days > 0 else f"{-days} {unit} ago"


def whats_new_markdown(manual: Manual, project_root: Path | None, audience: str | None = None) -> str:
    """What changed since the previous edition; with ``audience``, only what that audience may see (a
    printed edition never describes a change to something left out of it)."""
    edition = manual.settings.edition
    heading = [f"# What changed in edition {_md(edition.number)}", ""]
    if not edition.previous_tag:
        return "\n".join(heading + ["This is the first edition; there is no earlier edition to compare with.", ""])
    previous = previous_edition(manual, project_root)
    if not previous.in_git:
        return "\n".join(heading + [f"The previous edition ({_md(edition.previous_tag)}) could not be read: "
                                    "the project is not in a git repository, so no comparison is shown.", ""])
    if previous.manual is None:
        return "\n".join(heading + [f"The previous edition ({_md(edition.previous_tag)}) could not be read: "
                                    f"{_md(previous.problem)}.", ""])
    changes = diff_manuals(previous.manual.for_audience(audience), manual.for_audience(audience))
    lines = heading + [f"Compared with the previous edition ({_md(edition.previous_tag)}).", ""]
    for change in changes.changes:
        if change.kind == "manual":  # the edition's own number, date and tag: the heading already says so
            change.fields = [f for f in change.fields if f.path[0] != "edition"]
            if not change.fields:
                continue
        verb = {"added": "New", "removed": "Removed", "renamed": "Renamed", "changed": "Changed"}[change.status]
        kind = KINDS.get(change.kind)
        lines.append(f"- {verb} {kind.singular}: {_md(change.title)}" if kind else f"- {verb}: {_md(change.title)}")
        lines.extend(f"    - {_md(field.sentence)}" for field in change.fields)
    if len(lines) == 4:
        lines.append("Nothing in the content changed.")
    return "\n".join(lines + [""])
