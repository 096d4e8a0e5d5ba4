"""Where each kind of content lives under ``content/``, and which model reads it.

This table is the one place that ties files to models: the loader, the JSON Schema writer, the editor
wiring and the ``new`` scaffolder all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

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
    title: str  # what the file holds, for messages and the schema's title

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
    ContentFile("manual", "manual.yaml", ManualSettings, True, "The manual: title, edition and audiences"),
    ContentFile("company", "company.yaml", Company, True, "The company: mission, promises, history, executives"),
    ContentFile("variables", "variables.yaml", Variables, True, "Values filled into script placeholders"),
    ContentFile("roles", "roles.yaml", RoleList, True, "Roles and their authority limits"),
    ContentFile("routing", "routing.yaml", Routing, True, "Routing rules and key accounts"),
    ContentFile("schedules", "schedules.yaml", ResponseSchedule, True, "Response times by category and channel"),
    ContentFile("logging", "logging.yaml", LoggingGuide, True, "How to log a contact"),
    ContentFile("metrics", "metrics.yaml", MetricList, True, "Performance metrics"),
    ContentFile("glossary", "glossary.yaml", Glossary, True, "Glossary of terms"),
    ContentFile("onboarding", "training/onboarding.yaml", OnboardingPlan, True, "Onboarding plan"),
    ContentFile("library", "training/library.yaml", TrainingLibrary, True, "Training library and workshops"),
    ContentFile("hiring", "training/hiring.yaml", HiringProfile, True, "Hiring profile"),
    ContentFile("monitoring", "training/monitoring.yaml", Monitoring, True, "Monitoring and reassessment"),
    ContentFile("knowledge-checks", "training/knowledge-checks.yaml", KnowledgeChecks, True, "Knowledge checks"),
    ContentFile("policy", "policies/*.yaml", Policy, False, "A policy"),
    ContentFile("product", "products/*.yaml", Product, False, "A product"),
    ContentFile("script", "scripts/*.yaml", Script, False, "A script"),
    ContentFile("standard", "standards/*.yaml", Standard, False, "A behaviour standard"),
    ContentFile("procedure", "procedures/*.yaml", Procedure, False, "A procedure"),
    ContentFile("chain", "escalation/*.yaml", Chain, False, "An escalation chain"),
    ContentFile("call-log", "call-logs/*.yaml", CallLog, False, "A sample call log"),
)


def content_file_for(relative_path: str) -> ContentFile | None:
    return next((kind for kind in CONTENT_FILES if kind.matches(relative_path)), None)


def content_file_named(name: str) -> ContentFile:
    return next(kind for kind in CONTENT_FILES if kind.name == name)
