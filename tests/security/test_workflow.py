"""Issue 23, case 8: the CI workflow (this repository's and the one ``init`` writes) runs the pull request's
code with a read-only token that is not kept on disk, posts the summary from a job that runs none of it,
pins every action by commit, cancels superseded runs, and edits only its own marked comment."""

from __future__ import annotations

import re

import pytest
import yaml


@pytest.fixture(params=["repository", "starter"])
def workflow(request, repo_root, tmp_path):
    if request.param == "repository":
        return yaml.safe_load((repo_root / ".github" / "workflows" / "deskbook.yml").read_text())
    from deskbook.cli import main

    assert main(["init", str(tmp_path / "manual"), "--name", "Acme"]) == 0
    return yaml.safe_load((tmp_path / "manual" / ".github" / "workflows" / "manual.yml").read_text())


def _steps(workflow):
    return [(name, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def test_the_checkout_keeps_no_token_on_disk(workflow):
    checkouts = [step for _, step in _steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_only_a_job_that_runs_no_project_code_may_write_to_the_pull_request(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    writers = {name: job for name, job in workflow["jobs"].items()
               if "write" in (job.get("permissions") or {}).values()}
    assert list(writers) == ["comment"]
    assert writers["comment"]["permissions"] == {"pull-requests": "write"}
    comment_steps = writers["comment"]["steps"]
    assert not [step for step in comment_steps if "checkout" in step.get("uses", "")]
    assert not [step for step in comment_steps if re.search(r"(^|\s)(deskbook|python3?|pip|make)\s", step.get("run", ""))]
    assert writers["comment"]["needs"] == "manual"


def test_every_action_is_pinned_by_commit(workflow):
    uses = [step["uses"] for _, step in _steps(workflow) if "uses" in step]
    assert uses
    for action in uses:
        assert re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", action), action


def test_superseded_runs_are_cancelled(workflow):
    assert workflow["concurrency"]["group"] == "${{ github.workflow }}-${{ github.ref }}"
    assert "pull_request" in workflow["concurrency"]["cancel-in-progress"]


def test_the_comment_edits_only_its_own_marked_comment(workflow):
    script = next(step["run"] for _, step in _steps(workflow) if "gh pr comment" in step.get("run", ""))
    assert "--edit-last" not in script
    marker = re.search(r"marker='(<!-- [^']+ -->)'", script).group(1)
    assert 'echo "$marker"; cat change.md' in script
    assert 'select(.user.login == \\"github-actions[bot]\\" and (.body | startswith(\\"$marker\\")))' in script
    assert marker.startswith("<!-- deskbook")
