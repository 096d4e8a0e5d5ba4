"""Editions never print what is not theirs: a full build of a fixture project in a git repository, with
audience-restricted entities and a restricted script changed since the previous edition's tag, each PDF's
text searched for what its audience may not see."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from projects import BUILD_EPOCH, build_project, copy_example_project

pytestmark = pytest.mark.pdf

SECRET_STEP = "Quote the supervisor-only goodwill code ZEBRA-7731 to the caller."
RESTRICTED_SCRIPT = "Reaching out to a quiet customer"


def _git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[str, str]:
    project = copy_example_project(tmp_path_factory.mktemp("editions") / "project")
    content = project / "content"
    # The outreach script becomes supervisor-only; the rep edition must then know nothing of it.
    _replace(content / "scripts" / "outreach.yaml", "title: Reaching out to a quiet customer",
             "title: Reaching out to a quiet customer\naudience:\n  - supervisor\n  - manager")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "edition 1")
    _git(project, "tag", "edition-1")
    _replace(content / "scripts" / "outreach.yaml",
             "  - do: Read the customer's record first",
             f"  - do: {SECRET_STEP}\n  - do: Read the customer's record first")
    manual = (content / "manual.yaml").read_text(encoding="utf-8")
    manual = re.sub(r"(\n  number: [^\n]+)", r"\1\n  previous_tag: edition-1", manual, count=1)
    (content / "manual.yaml").write_text(manual, encoding="utf-8")
    _git(project, "commit", "-q", "-am", "edition 2: a supervisor-only step")

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    try:
        assert build_project(project, strict=False) == 0
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    pdfs = project / "site" / "pdf"
    texts = {}
    for path in pdfs.glob("*.pdf"):
        reader = PdfReader(path)
        texts[path.stem] = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))
        texts[path.stem + " bookmarks"] = _bookmarks(reader.outline)
    return texts


def _bookmarks(items) -> list[str]:
    titles = []
    for item in items:
        titles.extend(_bookmarks(item) if isinstance(item, list) else [item.title])
    return titles


def test_the_changed_restricted_script_is_in_its_own_editions_only(editions):
    for name in ("handbook", "handbook-supervisor"):
        assert "What changed in this edition" in editions[name]
        assert "ZEBRA-7731" in editions[name], f"{name} shows the change to a script it includes"
    rep = editions["handbook-rep"]
    assert "What changed in this edition" in rep
    assert "ZEBRA-7731" not in rep
    assert RESTRICTED_SCRIPT not in rep.split("What changed in this edition")[-1]


def test_no_edition_prints_an_id_for_what_it_leaves_out(editions):
    rep = editions["handbook-rep"]
    restricted_ids = ["service-research", "policy-review", "performance-review", "key-accounts"]
    for entity_id in restricted_ids:
        found = [rep[max(0, m.start() - 80):m.end() + 40] for m in re.finditer(re.escape(entity_id), rep)]
        assert found == [], f"the rep edition prints the id {entity_id}"
    # Leaving them out, the rep edition still names nothing as "Chain: privacy" or "Scripts: outreach".
    assert not re.search(r"(Chain|Scripts|Policies|Procedures|Standards): (privacy|outreach)\b", rep)
    # A reference to the left-out script keeps its title, without a link or a page number.
    assert RESTRICTED_SCRIPT in rep
    assert not re.search(re.escape(RESTRICTED_SCRIPT) + r"\s*\(see page", rep)


def test_bookmarks_list_only_the_editions_own_pages(editions):
    assert RESTRICTED_SCRIPT not in editions["handbook-rep bookmarks"]
    assert RESTRICTED_SCRIPT in editions["handbook-supervisor bookmarks"]
    assert "Privacy requests" not in " ".join(editions["handbook-rep bookmarks"])


def test_answer_key_and_index_pages_follow_the_edition(editions):
    rep = editions["handbook-rep"]
    key = rep.split("Answer key")[-1]
    assert RESTRICTED_SCRIPT not in key
    supervisor = editions["handbook-supervisor"]
    assert RESTRICTED_SCRIPT in supervisor
    assert "Answer key" in rep and "Answer key" in supervisor
