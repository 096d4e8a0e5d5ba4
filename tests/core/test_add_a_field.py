"""A Money field added to policies shows on the policy's site page, in the printed handbook, on the desk card
and in ``diff``, with its label and its amount in the manual's locale, when the model file and the policy
page's template are all that change: every output reads the field's meaning (label, type) from the model.

The package is copied and the field added to the copy, so the test runs what a contributor would write.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import deskbook

PACKAGE = Path(deskbook.__file__).parent

FIELD = '''\
    max_goodwill: Money | None = Field(
        default=None, title=N_("goodwill up to"),
        description="the most a representative may offer as goodwill under this policy, like '40 USD'",
    )
    summary: Markdown'''

# The site page, the handbook's print data and diff's report, from the copy with the field.
PROBE = """\
import datetime as dt, json, sys
from pathlib import Path
import deskbook
from deskbook.cli import main
from deskbook.manual import load_manual
from deskbook.site.pages import SiteOptions, render_site_pages
from deskbook.handbook.card import desk_card_data
from deskbook.handbook.data import handbook_data
from deskbook.handbook.specs import DeskCardSpec, EditionSpec, PrintOptions
from deskbook.review.changes import diff_manuals
from deskbook.review.report import to_markdown

old_content, new_content = Path(sys.argv[1]), Path(sys.argv[2])
status = main(["check", "--content", str(new_content)])
old, _ = load_manual(old_content)
new, _ = load_manual(new_content)
page = next(page for page in render_site_pages(new, SiteOptions(today=dt.date(2026, 1, 1)))
            if page.src_uri == "policies/refunds.md")
printed = PrintOptions(printed=dt.datetime(2026, 1, 1))
book = handbook_data(new, EditionSpec("handbook", "Handbook"), printed)
card = desk_card_data(new, DeskCardSpec(), printed)
report = to_markdown(diff_manuals(old, new), old, new, [], None, "main", "working tree")
print(json.dumps({"package": deskbook.__file__, "check": status, "page": page.markdown,
                  "book": json.dumps(book, ensure_ascii=False), "card": json.dumps(card, ensure_ascii=False),
                  "diff": report}))
"""


def _add(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}; update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_money_field_added_to_the_model_and_the_page_template_shows_everywhere(tmp_path, minimal_content):
    package = tmp_path / "lib" / "deskbook"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    # 1. the model: the field, its label and its type
    policy_model = package / "model" / "policy.py"
    _add(policy_model, "from .base import Date, Entity, Markdown,", "from .base import Date, Entity, Markdown, Money,")
    _add(policy_model, "    summary: Markdown", FIELD)
    # 2. the policy page's template: where on the page the field goes
    _add(package / "site" / "templates" / "policy.md.j2", '("owner", "version", "effective", "review_by")',
         '("owner", "version", "effective", "review_by", "max_goodwill")')

    old_content, new_content = tmp_path / "old", tmp_path / "new"
    shutil.copytree(minimal_content, old_content)
    shutil.copytree(minimal_content, new_content)
    _add(old_content / "policies" / "refunds.yaml", "review_by: 2099-12-31\n",
         "review_by: 2099-12-31\nmax_goodwill: 40 USD\n")
    _add(new_content / "policies" / "refunds.yaml", "review_by: 2099-12-31\n",
         "review_by: 2099-12-31\nmax_goodwill: 1250 USD\n")

    environment = {**os.environ, "PYTHONPATH": str(package.parent), "NO_MKDOCS_2_WARNING": "1"}
    finished = subprocess.run([sys.executable, "-c", PROBE, str(old_content), str(new_content)],
                              capture_output=True, text=True, env=environment, cwd=tmp_path, check=False)
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.strip().splitlines()[-1])

    assert Path(result["package"]).is_relative_to(package), "the copy with the new field ran"
    assert result["check"] == 0, finished.stderr
    # The label from the field's title, the amount grouped, with its currency sign, as en_US writes it.
    assert "<th>Goodwill up to</th> <td>$1,250</td>" in result["page"], result["page"][:1500]
    assert "Goodwill up to" in result["book"] and "$1,250" in result["book"]
    # On the card, among the policies' windows and limits: the policy, the amount, the field's label.
    assert '"label": "Refunds", "value": "$1,250", "note": "Goodwill up to"' in result["card"], result["card"]
    assert "Goodwill up to: $40 -> $1,250" in result["diff"], result["diff"]
