"""``metrics.yaml``: how service quality is measured."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Entity, RefTo, Slug, Strict, Text


class Metric(Entity):
    kind = "metric"
    name: Text
    abbreviation: Text | None = None
    definition: Text
    formula: Text
    target: Text
    frequency: Text
    owner: Annotated[Slug, RefTo("role")]
    source: Text = Field(description="where the numbers come from")


class MetricList(Strict):
    metrics: list[Metric] = Field(min_length=1)
