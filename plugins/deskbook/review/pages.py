"""The "Due for review" and "What changed in this edition" pages, as safe Markdown.

Every piece of user text goes through ``markdown_escape``, so a policy title cannot become markup or
attribute syntax on these pages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..check import review_status
from ..locale import N_, Localization
from ..manual import Manual
from ..model import KINDS
from ..text import markdown_escape
from .changes import diff_manuals, kind_label
from .editions import previous_edition


def _md(text: str) -> str:
    return markdown_escape(text)


def due_for_review_markdown(manual: Manual, today: dt.date) -> str:
    words = manual.localization
    warning_days = manual.settings.review_warning_days
    rows = []
    for policy in sorted(manual.entities("policy"), key=lambda p: p.review_by):
        status = review_status(policy, today, warning_days)
        if status == "current":
            continue
        owner = manual.get("role", policy.owner)
        label = f"**{words.gettext('Overdue')}**" if status == "overdue" else words.gettext("Due soon")
        rows.append(f"| {label} | {_md(policy.title)} | {_md(owner.title if owner else policy.owner)} | "
                    f"{_md(words.date(policy.review_by))} | {_md(_days_from(today, policy.review_by, words))} |")
    lines = ["# " + _md(words.gettext("Due for review")), "",
             _md(words.ngettext(
                 "Policies past their review-by date, or due within %(num)d day of %(today)s.",
                 "Policies past their review-by date, or due within %(num)d days of %(today)s.",
                 warning_days, today=words.date(today)))
             + " " + words.gettext("Owners review the policy and move its %(key)s date forward.", key="`review_by`"),
             ""]
    if not rows:
        return "\n".join(lines + [_md(words.gettext("Every policy is current.")), ""])
    header = " | ".join(words.gettext(name) for name in (N_("Status"), N_("Policy"), N_("Owner"), N_("Review by"),
                                                          N_("When")))
    return "\n".join(lines + [f"| {header} |", "|---|---|---|---|---|", *rows, ""])


def _days_from(today: dt.date, day: dt.date, words: Localization) -> str:
    days = (day - today).days
    if days == 0:
        return words.gettext("today")
    if days > 0:
        return words.ngettext("in %(num)d day", "in %(num)d days", days)
    return words.ngettext("%(num)d day ago", "%(num)d days ago", -days)


# One sentence per status, so each language words it with the kind's own gender and number.
STATUS_WITH_KIND = {"added": N_("%(kind)s added: %(title)s"), "removed": N_("%(kind)s removed: %(title)s"),
                     "renamed": N_("%(kind)s renamed: %(title)s"), "changed": N_("%(kind)s changed: %(title)s")}
STATUS_ALONE = {"added": N_("Added: %(title)s"), "removed": N_("Removed: %(title)s"),
                 "renamed": N_("Renamed: %(title)s"), "changed": N_("Changed: %(title)s")}


def whats_new_markdown(manual: Manual, project_root: Path | None, audience: str | None = None) -> str:
    """What changed since the previous edition; with ``audience``, only what that audience may see (a
    printed edition never describes a change to something left out of it)."""
    words = manual.localization
    edition = manual.settings.edition
    heading = ["# " + words.gettext("What changed in edition %(number)s", number=_md(edition.number)), ""]
    previous = previous_edition(manual, project_root)  # None without a previous_tag
    if previous is None:
        return "\n".join(heading + [words.gettext(
            "This is the first edition; there is no earlier edition to compare with."), ""])
    tag = _md(previous.tag)
    if not previous.in_git:
        return "\n".join(heading + [words.gettext(
            "The previous edition (%(tag)s) could not be read: the project is not in a git repository, so no "
            "comparison is shown.", tag=tag), ""])
    if previous.manual is None:
        return "\n".join(heading + [words.gettext("The previous edition (%(tag)s) could not be read: %(reason)s.",
                                                   tag=tag, reason=_md(previous.problem or "")), ""])
    changes = diff_manuals(previous.manual.for_audience(audience), manual.for_audience(audience))
    lines = heading + [words.gettext("Compared with the previous edition (%(tag)s).", tag=tag), ""]
    for change in changes.changes:
        if change.kind == "manual":  # the edition's own number, date and tag: the heading already says so
            change.fields = [f for f in change.fields if f.path[0] != "edition"]
            if not change.fields:
                continue
        title = _md(change.title)
        if change.kind in KINDS:
            kind = kind_label(KINDS[change.kind], words)
            lines.append("- " + words.gettext(STATUS_WITH_KIND[change.status], kind=kind, title=title))
        else:
            lines.append("- " + words.gettext(STATUS_ALONE[change.status], title=title))
        lines.extend(f"    - {_md(field.sentence)}" for field in change.fields)
    if len(lines) == 4:
        lines.append(words.gettext("Nothing in the content changed."))
    return "\n".join(lines + [""])
