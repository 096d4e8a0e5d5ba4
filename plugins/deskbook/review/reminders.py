"""Reviews brought to the people who do them: a CODEOWNERS file from the policy owners, and the text of
the reminder issue listing overdue and soon-due reviews.

A policy's ``owner`` is a role; the role's ``reviewers`` (roles.yaml) are the GitHub users, teams or
email addresses behind it. CODEOWNERS asks them to review every pull request that changes the policy's
file; the scheduled workflow keeps one issue listing the reviews due, mentioning them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..check import review_status
from ..locale import N_
from ..manual import Manual
from ..model import KINDS
from ..text import markdown_escape
from .pages import _days_from


def _reviewers(manual: Manual, role_id: str | None) -> list[str]:
    role = manual.get("role", role_id) if role_id else None
    return list(role.reviewers) if role is not None else []


def _from_repository(path: Path, repo_root: Path) -> str:
    """A path as CODEOWNERS names it: from the repository's root, with a leading slash."""
    return "/" + path.resolve().relative_to(repo_root.resolve()).as_posix()


def codeowners(manual: Manual, project_root: Path, repo_root: Path) -> str:
    """CODEOWNERS lines: each policy file with its owner role's reviewers, after a line giving the
    folder of policies to the default owner's reviewers (a new policy has reviewers before it is listed).
    GitHub takes the last matching line, so the file-by-file lines win."""
    lines = ["# Written by `deskbook reviewers --codeowners` from the policy owners and the reviewers of",
             "# their roles (roles.yaml). Change those, then write this file again; do not edit it by hand.",
             ""]
    default = manual.settings.default_owner
    folder = _from_repository(manual.content_dir / str(KINDS["policy"].folder), repo_root) + "/"
    if _reviewers(manual, default):
        lines.append(f"{folder} {' '.join(_reviewers(manual, default))}")
    elif default:
        lines.append(f"# {folder}: the default owner '{default}' has no reviewers in roles.yaml")
    files = {policy.id: _from_repository(project_root / manual.record(policy).location("id").path, repo_root)
             for policy in manual.entities("policy")}
    for policy in sorted(manual.entities("policy"), key=lambda item: files[item.id]):
        handles = _reviewers(manual, policy.owner)
        if handles:
            lines.append(f"{files[policy.id]} {' '.join(handles)}")
        else:
            lines.append(f"# {files[policy.id]}: its owner '{policy.owner}' has no reviewers in roles.yaml")
    return "\n".join(lines) + "\n"


def due_reviews(manual: Manual, today: dt.date) -> list:
    """The policies overdue or due within ``review_warning_days``, soonest date first."""
    warning_days = manual.settings.review_warning_days
    return [policy for policy in sorted(manual.entities("policy"), key=lambda item: (item.review_by, item.id))
            if review_status(policy, today, warning_days) != "current"]


def reminder_markdown(manual: Manual, today: dt.date) -> str:
    """The reminder issue: a heading (the issue's title) and one row per review due, in the manual's
    language; mentioning the reviewers notifies them."""
    words = manual.localization
    warning_days = manual.settings.review_warning_days
    lines = ["# " + markdown_escape(words.gettext("Policy reviews due")), ""]
    due = due_reviews(manual, today)
    if not due:
        return "\n".join(lines + [markdown_escape(words.gettext("Every policy is current.")), ""])
    lines += [markdown_escape(words.ngettext(
                  "Policies past their review-by date, or due within %(num)d day of %(today)s.",
                  "Policies past their review-by date, or due within %(num)d days of %(today)s.",
                  warning_days, today=words.date(today)))
              + " " + words.gettext("Owners review the policy and move its %(key)s date forward.", key="`review_by`"),
              ""]
    header = " | ".join(words.gettext(name) for name in (N_("Status"), N_("Policy"), N_("Owner"), N_("Reviewers"),
                                                          N_("Review by"), N_("When")))
    lines += [f"| {header} |", "|---|---|---|---|---|---|"]
    for policy in due:
        status = review_status(policy, today, warning_days)
        label = f"**{words.gettext('Overdue')}**" if status == "overdue" else words.gettext("Due soon")
        owner = manual.get("role", policy.owner)
        where = manual.record(policy).location("review_by")
        # Mentioned as written, so GitHub notifies them (the model lets no Markdown into a reviewer).
        handles = " ".join(_reviewers(manual, policy.owner)) or "—"
        lines.append(f"| {label} | {markdown_escape(policy.title)} ({markdown_escape(str(where))}) | "
                     f"{markdown_escape(owner.title if owner else policy.owner)} | {handles} | "
                     f"{markdown_escape(words.date(policy.review_by))} | "
                     f"{markdown_escape(_days_from(today, policy.review_by, words))} |")
    return "\n".join(lines + [""])
