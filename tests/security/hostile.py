"""Hostile text, as a manager might paste it from a customer's e-mail, and a way to put it everywhere.

``PAYLOADS`` holds one sample of each family of script-injection we know of; ``inject_everywhere``
appends them to every string of a content folder that can take them (a field that must stay an id, a
date or a duration is put back, found from the checker's own located errors), so a test needs no list of
text fields that would go stale as the model grows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

OUTSIDE = "https://evil.example"

PAYLOADS = {
    "script element": "<script>alert('script')</script>",
    "event handler": "<img src=x onerror=alert('onerror')>",
    "javascript and data links": "[js](javascript:alert('js')) [data](data:text/html,<script>alert(1)</script>)",
    "attr_list attributes": "![p](x){: onerror=alert('attr') } *a*{: onmouseover=alert('attr2') }",
    "tooltip re-read as HTML": '<a title="<img src=x onerror=alert(\'title\')>">hover</a>',
    "theme config override": (
        '<div id="__config">{"base": ".", "features": [], "search": "data:text/javascript,alert(\'config\')"}</div>'
    ),
    "svg and frames": "<svg onload=alert('svg')></svg><iframe src=\"javascript:alert('frame')\"></iframe>",
    "outside resources": f"![remote]({OUTSIDE}/x.png) <link rel=stylesheet href={OUTSIDE}/x.css>"
    f" <span style=\"background:url({OUTSIDE}/bg.png)\">styled</span>",
    "template and reference syntax": "{{ 7 * 191 }} {% raw %} [[policy:refunds.rules.window.value]] {name}",
}
PAYLOAD = " " + " ".join(PAYLOADS.values())


def _string_leaves(value: Any, path: tuple = ()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _string_leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_leaves(item, path + (index,))
    elif isinstance(value, str):
        yield path


def _set(data: Any, path: tuple, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _leaf_lines(text: str) -> dict[int, tuple]:
    """Line (1-based) of every scalar of a YAML text, mapped to its key path."""
    lines: dict[int, tuple] = {}

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for key, item in node.value:
                walk(item, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, path + (index,))
        else:
            lines[node.start_mark.line + 1] = path
            lines.setdefault(node.end_mark.line + 1, path)

    walk(yaml.compose(text), ())
    return lines


def inject_everywhere(content: Path, payload: str = PAYLOAD, rounds: int = 6) -> int:
    """Append ``payload`` to every string of the YAML in ``content`` that stays valid with it; returns how
    many strings carry it."""
    from deskbook.pipeline import load_checked

    originals = {path: yaml.safe_load(path.read_text(encoding="utf-8")) for path in content.rglob("*.yaml")}
    refused: set[tuple[Path, tuple]] = set()
    for _ in range(rounds):
        written: dict[Path, str] = {}
        carried = 0
        for path, original in originals.items():
            data = yaml.safe_load(yaml.safe_dump(original))
            for leaf in _string_leaves(data):
                if (path, leaf) not in refused:
                    _set(data, leaf, _get(data, leaf) + payload)
                    carried += 1
            text = yaml.safe_dump(data, width=10**6, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
            written[path] = text
        _, diagnostics = load_checked(content)
        new = set()
        for error in diagnostics.errors:
            path = (content.parent / error.location.path).resolve()
            if path not in written:
                path = (content / error.location.path).resolve()
            lines = _leaf_lines(written.get(path, ""))
            if error.location.line in lines:
                new.add((path, lines[error.location.line]))
        if not diagnostics.errors:
            return carried
        if not new - refused:
            raise AssertionError("cannot place the payload:\n" + "\n".join(map(str, diagnostics.errors)))
        refused |= new
    raise AssertionError("the payload still breaks the content after several rounds")


def build_site_only(project: Path) -> Path:
    """Build a hostile project's site (no PDFs: the browser tests read pages) and return the site folder."""
    from projects import build_project

    os.environ["DESKBOOK_PDF"] = "false"
    try:
        assert build_project(project, strict=False) == 0
    finally:
        os.environ.pop("DESKBOOK_PDF", None)
    return project / "site"
