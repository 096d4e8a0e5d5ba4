"""The content model: one module per kind of content, all pure pydantic (no MkDocs).

The modules that define pydantic classes do without ``from __future__ import annotations``: pydantic would
compile and evaluate every field's annotation string while building the classes, which every ``check``
pays (tests/core/test_architecture.py says so when one is added back). A method's annotation that names its
own class, or a name imported only for type checking, is written in quotes.
"""

from .base import CHANNEL_KINDS, Duration, Entity, Money, RefTo, Strict, locale_context
from .call_log import CallLog, LoggingGuide
from .company import ChannelDefinition, Company, ContactChannel, Executive
from .escalation import Authority, Chain, KeyAccount, Level, Role, RoleList, Routing, RoutingRule
from .glossary import Glossary, Term
from .manual_settings import AudienceDefinition, Edition, ManualSettings
from .metric import Metric, MetricList
from .policy import Policy, PolicyRule
from .procedure import Procedure
from .product import Product
from .registry import CONTENT_FILES, KINDS, SETTINGS_FILES, ContentFile, Kind, content_file_for
from .schedule import Category, ResponseSchedule
from .script import Script, ScriptStep
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

__all__ = [
    "CHANNEL_KINDS",
    "CONTENT_FILES",
    "KINDS",
    "SETTINGS_FILES",
    "AudienceDefinition",
    "Authority",
    "CallLog",
    "Category",
    "Chain",
    "ChannelDefinition",
    "Company",
    "ContactChannel",
    "ContentFile",
    "Duration",
    "Edition",
    "Entity",
    "Executive",
    "Glossary",
    "HiringProfile",
    "KeyAccount",
    "Kind",
    "KnowledgeCheck",
    "KnowledgeChecks",
    "Level",
    "LoggingGuide",
    "ManualSettings",
    "Metric",
    "MetricList",
    "Money",
    "Monitoring",
    "OnboardingPlan",
    "Policy",
    "PolicyRule",
    "Procedure",
    "Product",
    "RefTo",
    "Resource",
    "ResponseSchedule",
    "Role",
    "RoleList",
    "Routing",
    "RoutingRule",
    "Script",
    "ScriptStep",
    "Standard",
    "Strict",
    "Term",
    "TrainingLibrary",
    "Variables",
    "Workshop",
    "content_file_for",
    "content_file_named",
    "locale_context",
]
