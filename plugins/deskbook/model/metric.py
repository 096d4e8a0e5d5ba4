"""``metrics.yaml``: how service quality is measured."""


from typing import Annotated

from pydantic import Field

from ..locale import N_
from .base import Entity, RefTo, Slug, Strict, Text


class Metric(Entity):
    kind = "metric"
    name: Text = Field(title=N_("name"), description="the metric's name, like 'First contact resolution'")
    abbreviation: Text | None = Field(default=None, title=N_("abbreviation"), description="its short form, like 'FCR'")
    definition: Text = Field(title=N_("definition"), description="what it measures")
    formula: Text = Field(title=N_("formula"), description="how it is worked out")
    target: Text = Field(title=N_("target"), description="the level aimed for, like 'at least 80%'")
    frequency: Text = Field(title=N_("frequency"), description="how often it is measured, like 'weekly'")
    owner: Annotated[Slug, RefTo("role")] = Field(
        title=N_("owner"), description="the role that answers for this metric"
    )
    source: Text = Field(title=N_("source"), description="where the numbers come from")


class MetricList(Strict):
    metrics: list[Metric] = Field(min_length=1, title=N_("metrics"), description="how service quality is measured")
