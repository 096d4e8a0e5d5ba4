"""The kinds registry: every kind of content declared once, and everything else derived from it.

Two tables. ``SETTINGS_FILES`` are the files that hold one thing each (``company.yaml``, ``roles.yaml``,
...): where each lives, its model and whether the manual needs it (the Manual reads each by its model,
with a typed property per file: ``manual.company``).
``KINDS`` are the addressable entities (a policy, a role, a glossary term): their model, their names in
messages, where the site shows them, and, for kinds kept one per file, their folder and the scaffold
``new`` writes. The loader, the checker, the URL map, the site's page list, ``new``, ``diff`` and the
JSON Schemas all read these tables; adding a kind means a model, an entry here and a template.

A settings file can also show on pages that belong to others and on the desk card, by declaration: its
``sections`` name the pages it adds a section to (drawn by the macros of its one template in
``site/templates/sections/``), and its ``card_part`` names the desk-card part its model's
``desk_card(manual, day)`` fills with plain lists (:mod:`.card`). ``DESK_CARD_PARTS`` is derived from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

from ..locale import N_
from .base import CHANNEL_KINDS, Entity, Strict
from .call_log import CallLog, LoggingGuide
from .company import ChannelDefinition, Company, Executive
from .escalation import Chain, KeyAccount, Role, RoleList, Routing, RoutingRule
from .glossary import Glossary, Term
from .hours import ServiceHours, ServiceLine
from .manual_settings import AudienceDefinition, ManualSettings
from .metric import Metric, MetricList
from .policy import Policy
from .procedure import Procedure
from .product import Product
from .schedule import Category, ResponseSchedule
from .script import Script
from .service_levels import ServiceLevels
from .standard import Standard
from .training import (
    HiringProfile,
    KnowledgeCheck,
    KnowledgeChecks,
    Monitoring,
    OnboardingPlan,
    Resource,
    TrainingLibrary,
    Workshop,
)
from .variables import Variables


@dataclass(frozen=True)
class ContentFile:
    """One kind of content file: its place, its model, and whether the manual needs it."""

    name: str  # the kind's name in messages and schema file names
    pattern: str  # relative to the content folder; '*' matches one file name
    model: type[Strict]
    required: bool
    title: str  # what the file holds, for messages and the schema's title (English; translated where shown)
    # The pages it adds a section to, named by their path without ".md" and "/index": "company",
    # "response-times". Each page calls the macro of that name (hyphens as underscores) in section_template.
    sections: tuple[str, ...] = ()
    card_part: str | None = None  # the name mkdocs.yml's desk_card.parts gives what it prints on the card

    @property
    def section_template(self) -> str:
        return f"sections/{self.name.replace('-', '_')}.md.j2"

    @property
    def is_folder(self) -> bool:
        return "*" in self.pattern

    def matches(self, relative_path: str) -> bool:
        if self.is_folder:
            folder, _, glob = self.pattern.rpartition("/")
            parent, _, name = relative_path.rpartition("/")
            return parent == folder and (fnmatch(name, glob) or fnmatch(name, glob.replace(".yaml", ".yml")))
        return relative_path in (self.pattern, self.pattern.replace(".yaml", ".yml"))


@dataclass(frozen=True)
class Kind:
    """One kind of entity.

    ``page`` says where the site shows an entity: ``policies/{id}.md`` is a page of its own,
    ``escalation/index.md#role-{id}`` a section of a shared page. A kind with a ``folder`` keeps one
    entity per file there; its ``scaffold`` is the file ``new`` writes (``$id``, ``$title``, ``$today``,
    ``$next_year`` and ``$<kind>``, an id of that kind the project already has).
    """

    model: type[Entity]
    singular: str  # in messages: "unknown escalation chain 'x'"
    plural: str
    page: str
    section: str | None = None  # the site section of a kind with pages of its own
    folder: str | None = None
    title: str = ""  # what one file holds, for messages and the schema's title
    scaffold: str = ""
    # Ids every manual has without declaring them (the built-in channels): references to them resolve, and
    # they are offered in "did you mean".
    built_in: tuple[str, ...] = ()
    # Listed in the printed handbook's index, with the page it is on: what a reader looks up by name.
    in_index: bool = False

    @property
    def name(self) -> str:
        return self.model.kind

    @property
    def label(self) -> str:
        """The singular with a capital, for headings and lists: "Escalation chain"."""
        return self.singular[:1].upper() + self.singular[1:]

    @property
    def has_own_page(self) -> bool:
        return "#" not in self.page

    @property
    def content_file(self) -> ContentFile | None:
        if self.folder is None:
            return None
        return ContentFile(self.name, f"{self.folder}/*.yaml", self.model, False, self.title)


SETTINGS_FILES: tuple[ContentFile, ...] = (
    ContentFile("manual", "manual.yaml", ManualSettings, True, N_("The manual: title, edition and audiences")),
    ContentFile("company", "company.yaml", Company, True, N_("The company: mission, promises, history, executives")),
    ContentFile("variables", "variables.yaml", Variables, True, N_("Values filled into script placeholders")),
    ContentFile("roles", "roles.yaml", RoleList, True, N_("Roles and their authority limits")),
    ContentFile("routing", "routing.yaml", Routing, True, N_("Routing rules and key accounts")),
    ContentFile("schedules", "schedules.yaml", ResponseSchedule, True, N_("Response times by category and channel")),
    ContentFile("service-hours", "service-hours.yaml", ServiceHours, False,
                N_("Opening hours per line, always-open lines, holidays and closures"),
                sections=("company", "response-times"), card_part="opening-hours"),
    ContentFile("service-levels", "service-levels.yaml", ServiceLevels, False,
                N_("Service levels: targets by plan, severity or any dimension, each on its clock"),
                sections=("response-times",), card_part="service-levels"),
    ContentFile("logging", "logging.yaml", LoggingGuide, True, N_("How to log a contact")),
    ContentFile("metrics", "metrics.yaml", MetricList, True, N_("Performance metrics")),
    ContentFile("glossary", "glossary.yaml", Glossary, True, N_("Glossary of terms")),
    ContentFile("onboarding", "training/onboarding.yaml", OnboardingPlan, True, N_("Onboarding plan")),
    ContentFile("library", "training/library.yaml", TrainingLibrary, True, N_("Training library and workshops")),
    ContentFile("hiring", "training/hiring.yaml", HiringProfile, True, N_("Hiring profile")),
    ContentFile("monitoring", "training/monitoring.yaml", Monitoring, True, N_("Monitoring and reassessment")),
    ContentFile("knowledge-checks", "training/knowledge-checks.yaml", KnowledgeChecks, True, N_("Knowledge checks")),
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind(Policy, N_("policy"), "policies", "policies/{id}.md", "policies", "policies", N_("A policy"), """\
id: $id
title: $title
owner: $role
version: "1.0"
effective: $today
review_by: $next_year
summary: |
  What this policy is for, in a sentence or two.
rules:
  - id: main-rule
    text: The rule itself, in plain words.
""", in_index=True),
    Kind(Product, N_("product"), "products", "products/{id}.md", "products", "products", N_("A product"), """\
id: $id
name: $title
summary: One line on what it is.
description: |
  What the product does and who it is for.
features:
  - A feature customers ask about
""", in_index=True),
    Kind(Standard, N_("standard"), "standards", "standards/{id}.md", "standards", "standards",
         N_("A behaviour standard"), """\
id: $id
title: $title
summary: |
  What good looks like, and why it matters.
acceptable:
  - behaviour: Something we always do.
unacceptable:
  - behaviour: Something we never do.
"""),
    Kind(Script, N_("script"), "scripts", "scripts/{id}.md", "standards", "scripts", N_("A script"), """\
id: $id
title: $title
purpose: What this script achieves for the customer.
when_to_use:
  - The situation in which to use it.
channels:
  - phone
steps:
  - say: Hello. How can I help?
  - do: What to do next.
""", in_index=True),
    Kind(Procedure, N_("procedure"), "procedures", "procedures/{id}.md", "procedures", "procedures",
         N_("A procedure"), """\
id: $id
title: $title
purpose: |
  What this procedure is for.
steps:
  - title: First step
    action: What to do.
    owner: $role
""", in_index=True),
    Kind(Chain, N_("escalation chain"), "escalation chains", "escalation/{id}.md", "escalation", "escalation",
         N_("An escalation chain"), """\
id: $id
title: $title
summary: |
  When this chain is used and how far it goes.
triggers:
  - The situation that starts it.
levels:
  - role: $role
    respond_within: immediate
    hand_on_when: When the case needs more authority.
""", in_index=True),
    Kind(CallLog, N_("call log"), "call logs", "call-logs/{id}.md", "call-logs", "call-logs",
         N_("A sample call log"), """\
id: $id
title: $title
date: $today
time: "09:00"
channel: phone
category: $category
representative: Your name
customer: The customer's name
summary: What the customer needed.
actions:
  - What you did.
outcome: How it ended.
annotation:
  verdict: good-practice
  comment: What this log shows new staff.
"""),
    Kind(Role, N_("role"), "roles", "escalation/index.md#role-{id}", in_index=True),
    Kind(RoutingRule, N_("routing rule"), "routing rules", "escalation/index.md#routing-{id}"),
    Kind(KeyAccount, N_("key account"), "key accounts", "escalation/index.md#account-{id}"),
    Kind(Executive, N_("executive"), "executives", "company/index.md#executive-{id}"),
    Kind(ChannelDefinition, N_("channel"), "channels", "company/index.md#channel-{id}", built_in=tuple(CHANNEL_KINDS)),
    Kind(ServiceLine, N_("service line"), "service lines", "company/index.md#line-{id}"),
    Kind(Category, N_("schedule category"), "schedule categories", "response-times.md#category-{id}"),
    Kind(Resource, N_("training resource"), "training resources", "training/library.md#resource-{id}"),
    Kind(Workshop, N_("workshop"), "workshops", "training/library.md#workshop-{id}"),
    Kind(KnowledgeCheck, N_("knowledge check"), "knowledge checks", "training/knowledge-checks.md#question-{id}"),
    Kind(Metric, N_("metric"), "metrics", "metrics.md#metric-{id}"),
    Kind(Term, N_("glossary term"), "glossary terms", "glossary.md#term-{id}", in_index=True),
    Kind(AudienceDefinition, N_("audience"), "audiences", "about.md#audience-{id}"),
)}

CONTENT_FILES: tuple[ContentFile, ...] = SETTINGS_FILES + tuple(
    kind.content_file for kind in KINDS.values() if kind.content_file is not None
)

# The desk card's parts, as mkdocs.yml names them: the card's own, laid out by desk-card.typ, then the
# parts settings files contribute as plain lists.
CARD_PART_SOURCES: dict[str, ContentFile] = {cf.card_part: cf for cf in SETTINGS_FILES if cf.card_part}
# Each part is named for what it prints; the card prints them in the order mkdocs.yml lists them, which is
# their priority when the card runs out of room.
DESK_CARD_PARTS: tuple[str, ...] = ("authority", "time-limits", "routing", "escalation-chains", "response-times",
                                    "scripts", "contacts", *CARD_PART_SOURCES)
# The names of parts before they said what they print; check warns about them, the card still takes them.
DESK_CARD_PART_RENAMES: dict[str, tuple[str, ...]] = {"escalation": ("authority", "time-limits"),
                                                      "thresholds": ("routing",)}


def page_sections(page: str) -> list[ContentFile]:
    """The settings files that add a section to ``page`` ("company"), in the registry's order."""
    return [content_file for content_file in SETTINGS_FILES if page in content_file.sections]


def content_file_for(relative_path: str) -> ContentFile | None:
    return next((content_file for content_file in CONTENT_FILES if content_file.matches(relative_path)), None)
