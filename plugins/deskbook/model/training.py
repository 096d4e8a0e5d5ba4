"""``training/*.yaml``: onboarding, library, workshops, hiring profile, monitoring and knowledge checks."""


from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..locale import N_
from .base import AnyRef, Choices, Entity, Markdown, RefTo, Slug, Strict, Text, no_items

RESOURCE_FORMATS = {
    "course": N_("course"),
    "video": N_("video"),
    "case-study": N_("case study"),
    "article": N_("article"),
    "checklist": N_("checklist"),
}


class OnboardingStage(Strict):
    id: Slug = Field(title=N_("id"), description="the stage's id, like 'week-1'")
    title: Text = Field(title=N_("title"), description="the stage in a few words")
    when: Text = Field(title=N_("when"), description="like 'Day 1' or 'Week 2'")
    goals: list[Text] = Field(min_length=1, title=N_("goals"), description="what a new hire can do after it")
    read: list[AnyRef] = Field(
        default_factory=no_items, title=N_("study"), description="pages to study, like policy:refunds"
    )
    activities: list[Text] = Field(default_factory=no_items, title=N_("activities"), description="what a new hire does")


class OnboardingPlan(Strict):
    title: Text = Field(title=N_("title"), description="the onboarding page's heading")
    summary: Markdown = Field(title=N_("summary"), description="what the plan is for, in a sentence or two")
    stages: list[OnboardingStage] = Field(min_length=1, title=N_("stages"), description="the plan's stages, in order")


class Resource(Entity):
    kind = "resource"
    title: Text = Field(title=N_("title"), description="the resource's name")
    format: Annotated[Literal[tuple(RESOURCE_FORMATS)], Choices(RESOURCE_FORMATS)] = Field(  # type: ignore[valid-type]
        title=N_("format"), description="course, video, case-study, article or checklist"
    )
    length: Text = Field(title=N_("length"), description="how long it takes, like '45 minutes'")
    description: Text = Field(title=N_("description"), description="what it teaches")
    covers: list[AnyRef] = Field(
        default_factory=no_items, title=N_("covers"), description="pages it covers, like policy:refunds"
    )


class Workshop(Entity):
    kind = "workshop"
    title: Text = Field(title=N_("title"), description="the workshop's name")
    frequency: Text = Field(title=N_("frequency"), description="how often it runs, like 'monthly'")
    led_by: Annotated[Slug, RefTo("role")] = Field(title=N_("led by"), description="the role that leads it")
    description: Text = Field(title=N_("description"), description="what it covers")


class TrainingLibrary(Strict):
    resources: list[Resource] = Field(min_length=1, title=N_("resources"), description="courses, videos, articles, ...")
    workshops: list[Workshop] = Field(default_factory=no_items, title=N_("workshops"),
                                      description="sessions staff attend")


class HiringProfile(Strict):
    title: Text = Field(title=N_("title"), description="the hiring page's heading")
    summary: Markdown = Field(title=N_("summary"), description="who the desk hires, in a sentence or two")
    qualities: list[Text] = Field(min_length=1, title=N_("qualities"), description="what a good hire brings")
    warning_signs: list[Text] = Field(
        default_factory=no_items, title=N_("warning signs"), description="what to look out for in an interview"
    )
    interview_questions: list[Text] = Field(
        default_factory=no_items, title=N_("interview questions"), description="questions to ask"
    )


class Monitoring(Strict):
    title: Text = Field(title=N_("title"), description="the monitoring page's heading")
    summary: Markdown = Field(title=N_("summary"), description="why and how quality is monitored")
    methods: list[Text] = Field(min_length=1, title=N_("methods"), description="how contacts are reviewed")
    reassessment: Text = Field(title=N_("reassessment"), description="when and how staff are assessed again")
    follow_up_training: Text = Field(title=N_("follow-up training"), description="what happens after a weak review")


class KnowledgeCheck(Entity):
    kind = "question"
    question: Text = Field(title=N_("question"), description="the question, in a sentence")
    choices: list[Text] = Field(min_length=2, max_length=6, title=N_("choices"), description="two to six answers")
    answer: int = Field(ge=1, title=N_("answer"), description="the number of the right choice, counting from 1")
    explanation: Text = Field(title=N_("explanation"), description="why the right choice is right")
    tests: AnyRef = Field(title=N_("tests"), description="the page this question checks, like policy:refunds")

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> "KnowledgeCheck":
        if self.answer > len(self.choices):
            raise ValueError(f"answer is {self.answer} but there are only {len(self.choices)} choices")
        return self


class KnowledgeChecks(Strict):
    questions: list[KnowledgeCheck] = Field(min_length=1, title=N_("questions"), description="the questions")
    pass_mark: int | None = Field(
        default=None, ge=1, title=N_("pass mark"), description="how many right answers pass the check"
    )

    @model_validator(mode="after")
    def _pass_mark_is_reachable(self) -> "KnowledgeChecks":
        if self.pass_mark is not None and self.pass_mark > len(self.questions):
            raise ValueError(f"pass_mark is {self.pass_mark} but there are only {len(self.questions)} questions")
        return self
