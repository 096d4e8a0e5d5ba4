"""``training/*.yaml``: onboarding, library, workshops, hiring profile, monitoring and knowledge checks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..locale import N_
from .base import AnyRef, Entity, Markdown, RefTo, Slug, Strict, Text

RESOURCE_FORMATS = {"course": N_("course"), "video": N_("video"), "case-study": N_("case study"),
                    "article": N_("article"), "checklist": N_("checklist")}


class OnboardingStage(Strict):
    id: Slug
    title: Text
    when: Text = Field(description="like 'Day 1' or 'Week 2'")
    goals: list[Text] = Field(min_length=1)
    read: list[AnyRef] = Field(default_factory=list, description="pages to study, like policy:refunds")
    activities: list[Text] = Field(default_factory=list)


class OnboardingPlan(Strict):
    title: Text
    summary: Markdown
    stages: list[OnboardingStage] = Field(min_length=1)


class Resource(Entity):
    kind = "resource"
    title: Text
    format: Literal[tuple(RESOURCE_FORMATS)]  # type: ignore[valid-type]
    length: Text
    description: Text
    covers: list[AnyRef] = Field(default_factory=list)


class Workshop(Entity):
    kind = "workshop"
    title: Text
    frequency: Text
    led_by: Annotated[Slug, RefTo("role")]
    description: Text


class TrainingLibrary(Strict):
    resources: list[Resource] = Field(min_length=1)
    workshops: list[Workshop] = Field(default_factory=list)


class HiringProfile(Strict):
    title: Text
    summary: Markdown
    qualities: list[Text] = Field(min_length=1)
    warning_signs: list[Text] = Field(default_factory=list)
    interview_questions: list[Text] = Field(default_factory=list)


class Monitoring(Strict):
    title: Text
    summary: Markdown
    methods: list[Text] = Field(min_length=1)
    reassessment: Text
    follow_up_training: Text


class KnowledgeCheck(Entity):
    kind = "question"
    question: Text
    choices: list[Text] = Field(min_length=2, max_length=6)
    answer: int = Field(ge=1, description="the number of the right choice, counting from 1")
    explanation: Text
    tests: AnyRef = Field(description="the page this question checks, like policy:refunds")

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> KnowledgeCheck:
        if self.answer > len(self.choices):
            raise ValueError(f"answer is {self.answer} but there are only {len(self.choices)} choices")
        return self


class KnowledgeChecks(Strict):
    questions: list[KnowledgeCheck] = Field(min_length=1)
    pass_mark: int | None = Field(default=None, ge=1, description="how many right answers pass the check")

    @model_validator(mode="after")
    def _pass_mark_is_reachable(self) -> KnowledgeChecks:
        if self.pass_mark is not None and self.pass_mark > len(self.questions):
            raise ValueError(f"pass_mark is {self.pass_mark} but there are only {len(self.questions)} questions")
        return self
