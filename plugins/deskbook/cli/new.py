"""``new KIND ID``: scaffold an entity that ``check`` accepts at once.

The file comes from the kind's scaffold in the registry; every reference in it names an entity the
project already has, so ``new`` never writes the example company's ids into another company's manual.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from string import Template

import click

from ..manual import Manual
from ..model import KINDS, Kind
from ..model.base import SLUG_MAX_LENGTH, is_slug
from ..safety import RESERVED_PAGE_IDS

SCAFFOLDED = {name: kind for name, kind in KINDS.items() if kind.folder is not None}
FOLDERS = {name: kind.folder for name, kind in KINDS.items() if kind.folder is not None}


class MissingReference(Exception):
    """The project has no entity of a kind the scaffold must refer to."""


def _existing_id(manual: Manual, new_kind: str, kind: str) -> str:
    """The id of ``kind`` that entities of ``new_kind`` refer to most (a new policy gets the role that
    owns most policies); with none yet, manual.yaml's default_owner for a role, else the first one."""
    counts: dict[str, int] = {}
    for reference in manual.references:
        if reference.source is not None and reference.source.entity.kind == new_kind:
            target_kind, target_id = reference.target_kind_and_id
            if target_kind == kind and manual.get(kind, target_id) is not None:
                counts[target_id] = counts.get(target_id, 0) + 1
    if counts:
        return max(counts, key=lambda role_id: counts[role_id])
    if kind == "role" and manual.settings.default_owner:
        return manual.settings.default_owner
    entities = manual.entities(kind)
    if not entities:
        raise MissingReference(f"a new {KINDS[new_kind].singular} refers to a {KINDS[kind].singular}, and "
                               f"the project has none yet; add one first")
    return entities[0].id


def scaffold(kind: Kind, entity_id: str, manual: Manual, today: dt.date) -> str:
    """YAML text for a new entity; ``$role``, ``$category`` ... become ids the project has."""
    template = Template(kind.scaffold)
    values = {
        "id": entity_id,
        "title": entity_id.replace("-", " ").capitalize(),
        "today": today.isoformat(),
        # A year on, or the last day there is (SOURCE_DATE_EPOCH may say 9999-12-31).
        "next_year": (today + dt.timedelta(days=min(365, (dt.date.max - today).days))).isoformat(),
    }
    for name in set(re.findall(r"\$([a-z_]+)", kind.scaffold)) - set(values):
        values[name] = _existing_id(manual, kind.name, name.replace("_", "-"))
    modeline = f"# yaml-language-server: $schema=../../schemas/{kind.name}.schema.json\n"
    return modeline + template.substitute(values)


@click.command()
@click.argument("kind", type=click.Choice(sorted(SCAFFOLDED)))
@click.argument("entity_id", metavar="ID")
@click.option("--content", "content_dir", default="content", show_default=True, type=click.Path(path_type=Path))
def new(kind: str, entity_id: str, content_dir: Path) -> int:
    """Create content/<folder>/ID.yaml for a new entity of KIND, ready to edit."""
    from ..clock import today
    from ..manual import load_manual
    from .reporting import report

    if not is_slug(entity_id):
        raise click.UsageError(f"'{entity_id}' is not a valid id: use lowercase letters, digits and single "
                               f"hyphens, at most {SLUG_MAX_LENGTH} characters, like 'late-delivery'")
    if entity_id in RESERVED_PAGE_IDS:
        raise click.UsageError(f"'{entity_id}' is taken by the site's list of {kind} pages; choose another id")
    manual, diagnostics = load_manual(content_dir, content_dir.resolve().parent)
    if manual is None:
        report(diagnostics, "text", summary=False)
        click.echo(f"error: new {kind} needs content that loads; fix the errors above first", err=True)
        return 1
    target = content_dir / FOLDERS[kind] / f"{entity_id}.yaml"
    if target.exists():
        click.echo(f"error: {target} already exists; choose another id or edit that file", err=True)
        return 1
    existing = manual.get(kind, entity_id)
    if existing is not None:
        click.echo(f"{manual.record(existing).location('id')}: error: a {kind} with id '{entity_id}' already "
                   "exists here; choose another id or edit that file", err=True)
        return 1
    try:
        text = scaffold(SCAFFOLDED[kind], entity_id, manual, today())
    except MissingReference as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {target}")
    return 0
