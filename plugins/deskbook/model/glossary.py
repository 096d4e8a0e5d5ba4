"""``glossary.yaml``: terms and abbreviations, marked up across the site."""


from pydantic import Field

from ..locale import N_
from .base import Entity, Strict, Text


class Term(Entity):
    kind = "term"
    term: Text = Field(title=N_("term"), description="the word or phrase, like 'first contact resolution'")
    abbreviation: Text | None = Field(default=None, title=N_("abbreviation"),
                                      description="the short form marked up on every page")
    definition: Text = Field(title=N_("definition"), description="what it means, in a sentence")


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1, title=N_("terms"), description="the glossary's terms")
