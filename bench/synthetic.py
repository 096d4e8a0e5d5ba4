"""Synthetic content of a chosen size, as Deskbook YAML and as the same pages hand-written in Markdown.

Both benchmarks use it: Deskbook builds the YAML, the baselines (plain mkdocs-material, mkdocs-to-pdf)
build the Markdown. Text is generated from a fixed seed, so every run measures the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

WORDS = (
    "customer order refund receipt delivery courier replacement warranty account invoice store credit "
    "exchange supervisor representative escalate apologise confirm follow up record schedule channel "
    "promise quality quickly listen clarify resolve check thank policy manager return original condition "
    "privacy consent address phone e-mail chat ticket priority discount gift threshold executive review"
).split()

FOLDER_KINDS = ("policy", "product", "script", "procedure", "standard", "call-log")
_FOLDERS = {
    "policy": "policies",
    "product": "products",
    "script": "scripts",
    "procedure": "procedures",
    "standard": "standards",
    "call-log": "call-logs",
}


def _sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


@dataclass
class SyntheticEntity:
    kind: str
    id: str
    title: str
    data: dict
    markdown: str = field(default="")


def _singletons(rng: random.Random) -> dict[str, dict]:
    roles = [
        {"id": "rep", "title": "Customer Service Representative", "description": _sentence(rng),
         "reports_to": "lead", "authority": {"max_discount_percent": 10, "max_refund": 50, "free_gift": True,
                                             "max_gift_value": 25, "may_consult_staff": True}},
        {"id": "lead", "title": "Team Lead", "description": _sentence(rng), "reports_to": "supervisor",
         "authority": {"max_discount_percent": 15, "max_refund": 150, "free_gift": True, "max_gift_value": 50,
                       "may_consult_staff": True}},
        {"id": "supervisor", "title": "Supervisor", "description": _sentence(rng), "reports_to": "director",
         "authority": {"max_discount_percent": 20, "max_refund": 500, "free_gift": True, "max_gift_value": 100,
                       "may_consult_staff": True, "may_override_policy": True}},
        {"id": "director", "title": "Director of Customer Care", "description": _sentence(rng),
         "authority": {"max_discount_percent": 50, "max_refund": 5000, "free_gift": True,
                       "max_gift_value": 500, "may_consult_staff": True, "may_override_policy": True}},
    ]
    categories = [
        {"id": "product-question", "name": "Product question", "description": _sentence(rng),
         "targets": {"phone": "immediate", "email": "24 hours", "chat": "5 minutes"}},
        {"id": "management-decision", "name": "Management decision", "description": _sentence(rng),
         "flag": True, "targets": {"phone": "immediate", "email": "1 hour", "chat": "immediate"},
         "handling": "Call the customer."},
        {"id": "suggestion", "name": "Suggestion", "description": _sentence(rng),
         "targets": {"phone": "immediate", "email": "5 working days", "chat": "1 hour"}},
    ]
    return {
        "manual.yaml": {
            "title": "Synthetic Manual", "edition": {"number": "1", "date": "2026-01-01"},
            "audiences": [{"id": "rep", "name": "Representatives", "description": _sentence(rng)},
                          {"id": "manager", "name": "Managers", "description": _sentence(rng)}],
        },
        "company.yaml": {
            "name": "Synthetic Goods", "mission": _paragraph(rng), "vision": _paragraph(rng),
            "promises": [{"title": "Quality", "text": _sentence(rng)}],
            "history": [{"year": 2001, "event": _sentence(rng)}, {"year": 2010, "event": _sentence(rng)}],
            "executives": [{"id": "ceo", "name": "Alex Example", "title": "Chief Executive", "role": "director",
                            "bio": _paragraph(rng)}],
            "contact_channels": [{"channel": "phone", "label": "Help line", "address": "+1 555 0100",
                                  "hours": "Mon-Fri 8:00-18:00", "live_person": "Press 0 at any time."}],
        },
        "variables.yaml": {"values": {"company_name": "Synthetic Goods", "support_phone": "+1 555 0100"},
                           "blanks": {"customer_name": "the customer's name"}},
        "roles.yaml": {"roles": roles},
        "routing.yaml": {"rules": [{"id": "big-orders", "title": "Large orders", "when": {"order_value_over": 500},
                                    "route_to": "director"}]},
        "schedules.yaml": {"title": "Response times", "summary": _sentence(rng),
                           "channels": ["phone", "email", "chat"], "categories": categories},
        "logging.yaml": {"title": "Logging", "purpose": _paragraph(rng),
                         "fields": [{"id": "date", "label": "Date", "description": _sentence(rng)},
                                    {"id": "summary", "label": "Summary", "description": _sentence(rng)}],
                         "steps": [_sentence(rng), _sentence(rng)], "email_review": _paragraph(rng)},
        "metrics.yaml": {"metrics": [{"id": "csat", "name": "Customer satisfaction", "abbreviation": "CSAT",
                                      "definition": _sentence(rng), "formula": "satisfied / responses",
                                      "target": "90 %", "frequency": "monthly", "owner": "director",
                                      "source": "surveys"}]},
        "glossary.yaml": {"terms": [{"id": "csr", "term": "Customer service representative",
                                     "abbreviation": "CSR", "definition": _sentence(rng)}]},
        "training/onboarding.yaml": {"title": "Onboarding", "summary": _paragraph(rng),
                                     "stages": [{"id": "day-1", "title": "First day", "when": "Day 1",
                                                 "goals": [_sentence(rng)]}]},
        "training/library.yaml": {"resources": [{"id": "basics", "title": "Basics", "format": "course",
                                                 "length": "1 hour", "description": _sentence(rng)}]},
        "training/hiring.yaml": {"title": "Hiring", "summary": _paragraph(rng), "qualities": [_sentence(rng)]},
        "training/monitoring.yaml": {"title": "Monitoring", "summary": _paragraph(rng),
                                     "methods": [_sentence(rng)], "reassessment": _sentence(rng),
                                     "follow_up_training": _sentence(rng)},
        "training/knowledge-checks.yaml": {"questions": [{"id": "q1", "question": "Which role?",
                                                          "choices": ["Rep", "Director"], "answer": 2,
                                                          "explanation": _sentence(rng),
                                                          "tests": "routing:big-orders"}]},
    }


def _entity(kind: str, index: int, rng: random.Random, previous_ids: dict[str, list[str]]) -> SyntheticEntity:
    entity_id = f"{kind}-{index:04d}"
    title = f"{kind.replace('-', ' ').title()} {index}: {' '.join(rng.choice(WORDS) for _ in range(3))}"
    paragraphs = [_paragraph(rng) for _ in range(3)]
    if kind == "policy":
        rules = [{"id": f"rule-{n}", "text": _sentence(rng), "value": rng.randint(1, 90), "unit": "days"}
                 for n in range(4)]
        data = {"id": entity_id, "title": title, "owner": "supervisor", "version": "1.0",
                "effective": "2026-01-01", "review_by": "2030-01-01", "summary": "\n\n".join(paragraphs),
                "rules": rules}
        body = "\n".join(f"- {rule['text']} ({rule['value']} days)" for rule in rules)
    elif kind == "product":
        faq = [{"question": _sentence(rng, 5, 9).rstrip(".") + "?", "answer": _sentence(rng)} for _ in range(3)]
        data = {"id": entity_id, "name": title, "summary": _sentence(rng), "description": "\n\n".join(paragraphs),
                "features": [_sentence(rng, 4, 8) for _ in range(4)],
                "specs": [{"name": "Weight", "value": f"{rng.randint(1, 20)} kg"}], "faq": faq,
                "related_policies": previous_ids["policy"][-1:]}
        body = "\n".join(f"**{item['question']}** {item['answer']}\n" for item in faq)
    elif kind == "script":
        steps = [{"say": _sentence(rng) + " {customer_name}"} if n % 2 == 0 else {"do": _sentence(rng)}
                 for n in range(5)]
        data = {"id": entity_id, "title": title, "purpose": _sentence(rng), "when_to_use": [_sentence(rng)],
                "channels": ["phone", "email"], "steps": steps, "notes": paragraphs[0]}
        body = "\n".join(f"{n + 1}. {step.get('say') or step.get('do')}" for n, step in enumerate(steps))
    elif kind == "procedure":
        steps = [{"title": f"Step {n + 1}", "action": _sentence(rng)} for n in range(5)]
        data = {"id": entity_id, "title": title, "purpose": "\n\n".join(paragraphs), "steps": steps}
        body = "| Step | Action |\n|---|---|\n" + "\n".join(f"| {s['title']} | {s['action']} |" for s in steps)
    elif kind == "standard":
        steps = [{"id": f"step-{n}", "title": f"Step {n + 1}", "do": _sentence(rng)} for n in range(4)]
        data = {"id": entity_id, "title": title, "summary": "\n\n".join(paragraphs), "steps": steps,
                "acceptable": [{"behaviour": _sentence(rng)}], "unacceptable": [{"behaviour": _sentence(rng)}]}
        body = "\n".join(f"- **{s['title']}**: {s['do']}" for s in steps)
    else:  # call-log
        data = {"id": entity_id, "title": title, "date": "2026-02-03", "time": "10:15", "channel": "phone",
                "category": "product-question", "representative": "Sam", "customer": "Pat",
                "summary": paragraphs[0], "actions": [_sentence(rng), _sentence(rng)], "outcome": _sentence(rng),
                "annotation": {"verdict": "good-practice", "comment": _sentence(rng)}}
        body = "\n".join(f"- {action}" for action in data["actions"])
    markdown = f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n\n" + body + "\n"
    return SyntheticEntity(kind, entity_id, title, data, markdown)


def synthetic_entities(entities: int, seed: int = 20261122) -> list[SyntheticEntity]:
    """``entities`` entity pages spread evenly over the folder kinds (policies first, so products can refer)."""
    rng = random.Random(seed)
    previous: dict[str, list[str]] = {kind: [] for kind in FOLDER_KINDS}
    result = []
    for index in range(entities):
        kind = FOLDER_KINDS[index % len(FOLDER_KINDS)]
        if kind == "product" and not previous["policy"]:
            kind = "policy"
        entity = _entity(kind, index, rng, previous)
        previous[kind].append(entity.id)
        result.append(entity)
    return result


def write_synthetic_content(dest: Path, entities: int, seed: int = 20261122) -> Path:
    """Write a valid content/ folder at ``dest`` with ``entities`` entity files plus the singletons."""
    rng = random.Random(seed + 1)
    dest.mkdir(parents=True, exist_ok=True)
    for relative, data in _singletons(rng).items():
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for entity in synthetic_entities(entities, seed):
        path = dest / _FOLDERS[entity.kind] / f"{entity.id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(entity.data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest


def write_handwritten_markdown(dest: Path, entities: int, seed: int = 20261122) -> Path:
    """The same entity pages as hand-written Markdown (the baselines' input), one page per entity."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "index.md").write_text("# Synthetic Manual\n\nWelcome.\n", encoding="utf-8")
    for entity in synthetic_entities(entities, seed):
        folder = dest / _FOLDERS[entity.kind]
        folder.mkdir(exist_ok=True)
        (folder / f"{entity.id}.md").write_text(entity.markdown, encoding="utf-8")
    return dest


if __name__ == "__main__":  # pragma: no cover - a manual aid: python -m bench.synthetic DEST N
    import sys

    write_synthetic_content(Path(sys.argv[1]), int(sys.argv[2]))
