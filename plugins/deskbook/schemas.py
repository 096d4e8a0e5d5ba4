"""JSON Schemas for editors, generated from the same pydantic models that validate the content."""

from __future__ import annotations

import json
from pathlib import Path

from .model import CONTENT_FILES


def schema_for(content_file) -> dict:
    schema = content_file.model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = content_file.title
    return schema


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for content_file in CONTENT_FILES:
        path = out_dir / f"{content_file.name}.schema.json"
        text = json.dumps(schema_for(content_file), indent=2, sort_keys=True) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def write_vscode_settings(settings_path: Path, schema_dir: Path, content_dir: Path) -> Path:
    """Map each content file pattern to its schema for the YAML extension (redhat.vscode-yaml)."""
    settings: dict = {}
    if settings_path.exists():
        settings = json.loads(settings_path.read_text(encoding="utf-8") or "{}")
    workspace = settings_path.resolve().parent.parent
    mapping = {
        _schema_reference(schema_dir / f"{cf.name}.schema.json", workspace): [f"{content_dir.as_posix()}/{cf.pattern}"]
        for cf in CONTENT_FILES
    }
    settings["yaml.schemas"] = mapping
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    settings_path.write_text(json.dumps(settings, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return settings_path


def _schema_reference(schema_path: Path, workspace: Path) -> str:
    """A schema inside the workspace is named relative to it ('./schemas/x.json', so the settings can be
    committed); one written elsewhere (``schema --out /tmp/x``) by its file URI, which still works."""
    resolved = schema_path.resolve()
    try:
        return f"./{resolved.relative_to(workspace).as_posix()}"
    except ValueError:
        return resolved.as_uri()
