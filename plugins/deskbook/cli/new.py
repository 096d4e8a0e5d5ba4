"""``new KIND ID``: scaffold an entity that ``check`` accepts at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..model import CONTENT_FILES
from ..model.base import is_slug

FOLDER_KINDS = {cf.name: cf for cf in CONTENT_FILES if cf.is_folder}


def _first(manual, kind: str, fallback: str) -> str:
    entities = manual.entities(kind) if manual is not None else []
    return entities[0].id if entities else fallback


def _policy_owner(manual) -> str:
    """The role that already owns the most policies: policies belong to managers, not to the front line."""
    owners = [policy.owner for policy in manual.entities("policy")] if manual is not None else []
    if owners:
        return max(dict.fromkeys(owners), key=owners.count)
    return _first(manual, "role", "rep")


def scaffold(kind: str, entity_id: str, manual, today: dt.date) -> tuple[str, str]:
    """YAML text for a new entity and its folder; references point at entities that exist in ``manual``."""
    title = entity_id.replace("-", " ").capitalize()
    role = _first(manual, "role", "rep")
    body = {
        "policy": f"""id: {entity_id}
title: {title}
owner: {_policy_owner(manual)}
version: "1.0"
effective: {today.isoformat()}
review_by: {today.replace(year=today.year + 1).isoformat()}
summary: |
  What this policy is for, in a sentence or two.
rules:
  - id: main-rule
    text: The rule itself, in plain words.
""",
        "product": f"""id: {entity_id}
name: {title}
summary: One line on what it is.
description: |
  What the product does and who it is for.
features:
  - A feature customers ask about
""",
        "script": f"""id: {entity_id}
title: {title}
purpose: What this script achieves for the customer.
when_to_use:
  - The situation in which to use it.
channels:
  - phone
steps:
  - say: Hello, you're through to {{company_name}}. How can I help?
  - do: What to do next.
""",
        "standard": f"""id: {entity_id}
title: {title}
summary: |
  What good looks like, and why it matters.
acceptable:
  - behaviour: Something we always do.
unacceptable:
  - behaviour: Something we never do.
""",
        "procedure": f"""id: {entity_id}
title: {title}
purpose: |
  What this procedure is for.
steps:
  - title: First step
    action: What to do.
    owner: {role}
""",
        "chain": f"""id: {entity_id}
title: {title}
summary: |
  When this chain is used and how far it goes.
triggers:
  - The situation that starts it.
levels:
  - role: {role}
    respond_within: immediate
    hand_on_when: When the case needs more authority.
""",
        "call-log": f"""id: {entity_id}
title: {title}
date: {today.isoformat()}
time: "09:00"
channel: phone
category: {_first(manual, "category", "product-question")}
representative: Your name
customer: The customer's name
summary: What the customer needed.
actions:
  - What you did.
outcome: How it ended.
annotation:
  verdict: good-practice
  comment: What this log shows new staff.
""",
    }[kind]
    folder = next(cf for cf in CONTENT_FILES if cf.name == kind).pattern.rpartition("/")[0]
    return f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n" + body, folder


@click.command()
@click.argument("kind", type=click.Choice(sorted(FOLDER_KINDS)))
@click.argument("entity_id", metavar="ID")
@click.option("--content", "content_dir", default="content", show_default=True, type=click.Path(path_type=Path))
def new(kind: str, entity_id: str, content_dir: Path) -> int:
    """Create content/<folder>/ID.yaml for a new entity of KIND, ready to edit."""
    from ..clock import today
    from ..manual import load_manual

    if not is_slug(entity_id):
        raise click.UsageError(f"'{entity_id}' is not a valid id: use lowercase letters, digits and single "
                               "hyphens, like 'late-delivery'")
    manual, _ = load_manual(content_dir, content_dir.resolve().parent)
    text, folder = scaffold(kind, entity_id, manual, today())
    target = content_dir / folder / f"{entity_id}.yaml"
    if target.exists():
        click.echo(f"error: {target} already exists; choose another id or edit that file", err=True)
        return 1
    existing = manual.get(kind, entity_id) if manual is not None else None
    if existing is not None:
        click.echo(f"{manual.record(existing).location('id')}: error: a {kind} with id '{entity_id}' already "
                   "exists here; choose another id or edit that file", err=True)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {target}")
    return 0


COMMANDS = [new]
