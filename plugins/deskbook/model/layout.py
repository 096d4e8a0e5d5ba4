"""Where each kind of content lives under ``content/``, and which model reads it.

This table is the one place that ties files to models: the loader, the JSON Schema writer, the editor
wiring and the ``new`` scaffolder all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

from ..locale import N_
from .base import Strict
from .call_log import CallLog, LoggingGuide
from .company import Company
from .escalation import Chain, RoleList, Routing
from .glossary import Glossary
from .manual_settings import ManualSettings
from .metric import MetricList
from .policy import Policy
from .procedure import Procedure
from .product import Product
from .schedule import ResponseSchedule
from .script import Script
from .standard import Standard
from .training import HiringProfile, KnowledgeChecks, Monitoring, OnboardingPlan, TrainingLibrary
from .variables import Variables


@dataclass(frozen=True)
class ContentFile:
    """One kind of content file: its place, its model, and whether the manual needs it."""

    name: str  # the kind's name in messages and schema file names
    pattern: str  # relative to the content folder; '*' matches one file name
    model: type[Strict]
    required: bool
    title: str  # what the file holds, for messages and the schema's title (English; translated where shown)

    @property
    def is_folder(self) -> bool:
        return "*" in self.pattern

    def matches(self, relative_path: str) -> bool:
        if self.is_folder:
            folder, _, glob = self.pattern.rpartition("/")
            parent, _, name = relative_path.rpartition("/")
            return parent == folder and (fnmatch(name, glob) or fnmatch(name, glob.replace(".yaml", ".yml")))
        return relative_path in (self.pattern, self.pattern.replace(".yaml", ".yml"))


CONTENT_FILES: tuple[ContentFile, ...] = (
    ContentFile("manual", "manual.yaml", ManualSettings, True, N_("The manual: title, edition and audiences")),
    ContentFile("company", "company.yaml", Company, True, N_("The company: mission, promises, history, executives")),
    ContentFile("variables", "variables.yaml", Variables, True, N_("Values filled into script placeholders")),
    ContentFile("roles", "roles.yaml", RoleList, True, N_("Roles and their authority limits")),
    ContentFile("routing", "routing.yaml", Routing, True, N_("Routing rules and key accounts")),
    ContentFile("schedules", "schedules.yaml", ResponseSchedule, True, N_("Response times by category and channel")),
    ContentFile("logging", "logging.yaml", LoggingGuide, True, N_("How to log a contact")),
    ContentFile("metrics", "metrics.yaml", MetricList, True, N_("Performance metrics")),
    ContentFile("glossary", "glossary.yaml", Glossary, True, N_("Glossary of terms")),
    ContentFile("onboarding", "training/onboarding.yaml", OnboardingPlan, True, N_("Onboarding plan")),
    ContentFile("library", "training/library.yaml", TrainingLibrary, True, N_("Training library and workshops")),
    ContentFile("hiring", "training/hiring.yaml", HiringProfile, True, N_("Hiring profile")),
    ContentFile("monitoring", "training/monitoring.yaml", Monitoring, True, N_("Monitoring and reassessment")),
    ContentFile("knowledge-checks", "training/knowledge-checks.yaml", KnowledgeChecks, True, N_("Knowledge checks")),
    ContentFile("policy", "policies/*.yaml", Policy, False, N_("A policy")),
    ContentFile("product", "products/*.yaml", Product, False, N_("A product")),
    ContentFile("script", "scripts/*.yaml", Script, False, N_("A script")),
    ContentFile("standard", "standards/*.yaml", Standard, False, N_("A behaviour standard")),
    ContentFile("procedure", "procedures/*.yaml", Procedure, False, N_("A procedure")),
    ContentFile("chain", "escalation/*.yaml", Chain, False, N_("An escalation chain")),
    ContentFile("call-log", "call-logs/*.yaml", CallLog, False, N_("A sample call log")),
)


def content_file_for(relative_path: str) -> ContentFile | None:
    return next((kind for kind in CONTENT_FILES if kind.matches(relative_path)), None)


def content_file_named(name: str) -> ContentFile:
    return next(kind for kind in CONTENT_FILES if kind.name == name)
