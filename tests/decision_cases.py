"""Shared by the decision tests: the software company with authority of several kinds, and requests
generated from a decision table (amounts at and around every limit, zero, negative, decimals, other
scripts' digits, every kind, tier, category and urgency), the same for a given seed."""

from __future__ import annotations

import random
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

SOFTWARE = Path(__file__).resolve().parent / "fixtures" / "software" / "content"

# The software company's roles hold only typed limits: credits in money, a discount, a fee waiver, a
# trial extension of its own in days and usage minutes counted; a chain answers by urgency; one rule routes on tiers
# and the amount asked for, one sends a category up a chain with no role named.
SOFTWARE_ROLES = """\
roles:
- id: rep
  title: Support Engineer
  description: Answers tickets on every channel and fixes most problems on the spot.
  authority:
    limits:
    - {kind: credit, up_to: 50}
    - {kind: extension, label: Trial extension, up_to: 14 days}
    - {kind: usage-credit, label: Usage credit, up_to: 500, counts: {one: usage minute, other: usage minutes}}
- id: care-manager
  title: Support Manager
  description: Runs the support desk and decides on exceptions.
  authority:
    max_discount_percent: 15
    limits:
    - {kind: credit, up_to: 500}
    - {kind: extension, label: Trial extension, up_to: 21 days}
    - {kind: fee-waiver}
    - {kind: usage-credit, label: Usage credit, formula: current usage + 2 × the failed minutes}
- id: director
  title: Director of Support
  description: Executive responsible for support.
  authority:
    max_discount_percent: 40
    limits:
    - {kind: credit, up_to: 2500.50}
    - {kind: fee-waiver}
"""

SOFTWARE_CHAIN = """\
id: support
title: Support escalation
summary: When a ticket needs more than the engineer may give.
triggers:
- The customer asks for more than the engineer may give.
levels:
- role: rep
  respond_within: immediate
  hand_on_when: The request is beyond the engineer's limits.
- role: care-manager
  respond_by_urgency:
    urgent: 30 minutes
    timely: 1 hour
    not urgent: 2 hours
  hand_on_when: The request is beyond the manager's limits.
- role: director
  hand_on_when: Never; the director decides.
"""

SOFTWARE_ROUTING = """\
rules:
- id: executive-threshold
  title: Orders over the executive threshold
  when: {}
  route_to: director
- id: large-credits
  title: Large credits on paid plans
  when:
    amount_requested_over: 1000
    account_tier: [premium, ultimate]
  route_to: director
  chain: support
- id: management
  title: Management decisions
  when:
    category: management-decision
  chain: support
"""


def software_content(destination: Path) -> Path:
    """tests/fixtures/software's content with the roles, chain and rules above."""
    content = destination / "content"
    shutil.copytree(SOFTWARE, content)
    (content / "roles.yaml").write_text(SOFTWARE_ROLES, encoding="utf-8")
    (content / "routing.yaml").write_text(SOFTWARE_ROUTING, encoding="utf-8")
    (content / "escalation" / "support.yaml").write_text(SOFTWARE_CHAIN, encoding="utf-8")
    return content


# Other scripts' digits 0-9, as their keyboards type them.
DIGITS = ["٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９", "০১২৩৪৫৬৭৮৯", "๐๑๒๓๔๕๖๗๘๙"]


def _amounts(table: dict[str, Any], kind: dict[str, Any], chance: random.Random) -> str:
    marks = table["numbers"]
    limits = [Decimal(step["upTo"]) for step in kind["steps"]] or [Decimal(100)]
    near = chance.choice(limits) + chance.choice([Decimal(0), Decimal("0.01"), Decimal("-0.01"), Decimal(1)])
    number = chance.choice([
        near, near, chance.randint(1, int(max(limits)) * 2 + 2),
        Decimal(chance.randint(1, 400000)) / 100, Decimal(0), Decimal(100), Decimal(101),
    ])
    text = format(number, "f")
    form = chance.randrange(10)
    if form == 0:
        return "-" + text
    if form == 1:
        table_of = chance.choice(DIGITS)
        return "".join(table_of[int(char)] if char.isdigit() else char for char in text)
    if form == 2:
        whole, _, fraction = text.partition(".")
        grouped = f"{int(whole):,}".replace(",", marks["group"])
        return grouped + (marks["decimal"] + fraction if fraction else "")
    if form == 3:
        return chance.choice(["", "abc", "12.", ".5", "1e3", "--5", "0.00", "-0", " 250 ", "\u2212" + "40",
                              "99999999999999999999.99", "1'500", "1\u00a0500"])
    return text.replace(".", marks["decimal"])


def generated_requests(table: dict[str, Any], count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` requests over every kind and rule of ``table``, the same ones for the same seed."""
    chance = random.Random(seed)
    kinds = table["kinds"] + table["rules"]
    tiers = [None, "not-a-tier", *table["tiers"]]
    # Mostly no category, so a rule on one does not answer most requests.
    # "constructor" names a property of every JavaScript object, never an urgency or a category of the data.
    categories = [None] * 3 + ["constructor"] + [category["id"] for category in table["categories"]]
    urgencies = [None, "not an urgency", "constructor", *table["urgencies"]]
    requests = []
    for index in range(count):
        kind = kinds[index % len(kinds)]  # every kind as often as the others
        requests.append({
            "kind": kind["id"],
            "amount": _amounts(table, kind, chance) if kind.get("unit") in ("money", "percent") else "",
            "tier": chance.choice(tiers),
            "category": chance.choice(categories),
            "urgency": chance.choice(urgencies),
        })
    return requests
