"""The sections of the site and of the printed handbook, declared once: their names and titles, in the
order both show them (``manual.yaml``'s ``sections`` may move some to the front).

A kind with pages of its own names its section in the registry (``Kind.section``); settings files' pages
belong to one too. The site's menu, the handbook's chapters and the ``sections`` setting all read this.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..locale import N_


@dataclass(frozen=True)
class Section:
    name: str  # in manual.yaml's `sections` and in the kinds registry: "call-logs"
    title: str  # English, translated where shown (the menu, the handbook's chapters)


# In the order a new hire needs them: who we are, the onboarding plan that walks through the rest, then
# how we behave and what we sell, the rules and who decides, and reference last.
SECTIONS: tuple[Section, ...] = (
    Section("company", N_("Company")),
    Section("training", N_("Training")),
    Section("standards", N_("Standards & Scripts")),
    Section("products", N_("Products")),
    Section("policies", N_("Policies")),
    Section("escalation", N_("Escalation")),
    Section("response-times", N_("Response times")),
    Section("procedures", N_("Procedures")),
    Section("call-logs", N_("Call logs")),
    Section("metrics", N_("Metrics")),
    Section("glossary", N_("Glossary")),
)
SECTION_NAMES: tuple[str, ...] = tuple(section.name for section in SECTIONS)
SECTION_TITLES: dict[str, str] = {section.name: section.title for section in SECTIONS}
