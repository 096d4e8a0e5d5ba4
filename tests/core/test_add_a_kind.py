"""A content kind added the README's way (a model, its entry in the registry, its section, its template)
loads, passes ``check``, and shows in the site menu and the printed handbook, in one reading order.

The package is copied and the kind added to the copy, so the test runs what a contributor would write.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import deskbook

PACKAGE = Path(deskbook.__file__).parent

FAQ_MODEL = '''\
"""``faqs/*.yaml``: one question customers ask, with the answer to give."""

from __future__ import annotations

from .base import Entity, Markdown, Text


class Faq(Entity):
    kind = "faq"
    question: Text
    answer: Markdown
'''

FAQ_TEMPLATE = """\
{% import "_macros.j2" as m with context %}
# {{ title|md }}

<div class="deskbook">
{{ m.audience_badges(entity) }}
{{ entity.answer|markdown }}
</div>
"""

# What the copy prints: the menu entry of the new section, and the handbook's chapters with their pages.
PROBE = """\
import datetime as dt, json, sys
from pathlib import Path
import deskbook
from deskbook.cli import main
from deskbook.manual import load_manual
from deskbook.site.navigation import build_navigation
from deskbook.site.pages import SiteOptions, render_site_pages
from deskbook.handbook.data import handbook_data
from deskbook.handbook.specs import EditionSpec, PrintOptions

content = Path(sys.argv[1])
status = main(["check", "--content", str(content)])
manual, _ = load_manual(content)
pages = render_site_pages(manual, SiteOptions(today=dt.date(2026, 1, 1)))
nav = build_navigation(manual, pages, [], 100)
book = handbook_data(manual, EditionSpec("handbook", "Handbook"), PrintOptions(printed=dt.datetime(2026, 1, 1)))
print(json.dumps({
    "package": deskbook.__file__,
    "check": status,
    "menu": [entry for entry in nav if isinstance(entry, dict) and "Questions" in entry],
    "chapters": [[chapter["key"], [article["title"] for article in chapter["articles"]]]
                 for chapter in book["chapters"]],
}))
"""


def _add(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}; update this test to the README's way"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_new_kind_in_four_files_shows_in_the_menu_and_the_book(tmp_path, minimal_content):
    package = tmp_path / "lib" / "deskbook"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    # 1. the model
    (package / "model" / "faq.py").write_text(FAQ_MODEL, encoding="utf-8")
    # 2. its entry in the kinds registry
    registry = package / "model" / "registry.py"
    _add(registry, "from .glossary import", "from .faq import Faq\nfrom .glossary import")
    _add(registry, "    Kind(Role,", '    Kind(Faq, N_("question"), "questions", "faqs/{id}.md", "faqs", "faqs",\n'
                                    '         N_("A question customers ask")),\n    Kind(Role,')
    # 3. its section, where the site and the book put it
    _add(package / "model" / "sections.py", '    Section("glossary",',
         '    Section("faqs", N_("Questions")),\n    Section("glossary",')
    # 4. its page template
    (package / "site" / "templates" / "faq.md.j2").write_text(FAQ_TEMPLATE, encoding="utf-8")

    content = tmp_path / "content"
    shutil.copytree(minimal_content, content)
    (content / "faqs").mkdir()
    # File names run against the reading order: "order" and then the title decide, in menu and book alike.
    (content / "faqs" / "a-returns.yaml").write_text(textwrap.dedent("""\
        id: a-returns
        question: Can I return a gift?
        answer: Yes, within 30 days.
        """), encoding="utf-8")
    (content / "faqs" / "z-hours.yaml").write_text(textwrap.dedent("""\
        id: z-hours
        order: 1
        question: When are you open?
        answer: Every weekday.
        """), encoding="utf-8")

    environment = {**os.environ, "PYTHONPATH": str(package.parent), "NO_MKDOCS_2_WARNING": "1"}
    finished = subprocess.run([sys.executable, "-c", PROBE, str(content)], capture_output=True, text=True,
                              env=environment, cwd=tmp_path, check=False)
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.strip().splitlines()[-1])

    assert Path(result["package"]).is_relative_to(package), "the copy with the new kind ran"
    assert result["check"] == 0, finished.stderr
    assert result["menu"] == [{"Questions": [{"When are you open?": "faqs/z-hours.md"},
                                             {"Can I return a gift?": "faqs/a-returns.md"}]}]
    chapters = dict((key, titles) for key, titles in result["chapters"])
    assert chapters["faqs"] == ["When are you open?", "Can I return a gift?"]
    keys = [key for key, _ in result["chapters"]]
    assert keys.index("metrics") < keys.index("faqs") < keys.index("glossary"), "the declared order"
