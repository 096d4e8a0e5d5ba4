"""``glossary.yaml``: terms and abbreviations, marked up across the site."""

from __future__ import annotations

from pydantic import Field

from .base import Entity, Strict, Text


class Term(Entity):
    kind = "term"
    term: Text
    abbreviation: Text | None = Field(default=None, description="the short form marked up on every page")
    definition: Text


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)
