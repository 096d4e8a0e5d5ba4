"""Strict YAML reading with positions (no MkDocs here)."""

from .strict_yaml import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    Mark,
    SourceMap,
    StrictYamlError,
    YamlFloat,
    YamlInt,
    read_yaml,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "Mark",
    "SourceMap",
    "StrictYamlError",
    "YamlFloat",
    "YamlInt",
    "read_yaml",
]
