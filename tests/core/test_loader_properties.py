"""Property tests: whatever bytes or YAML-like text arrive, the loader gives a value or a located
error, never another exception."""

from __future__ import annotations

import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskbook.load import StrictYamlError, read_yaml
from deskbook.manual import load_manual

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

YAML_ALPHABET = st.sampled_from(list("abc:-[]{}&*!|>#'\"\n\t ,?%@`0129.~") + ["NO", "0012", "17:30", "---", "\\x"])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)),
    max_leaves=20,
)


def _loads_or_locates(data: bytes) -> None:
    try:
        read_yaml(data)
    except StrictYamlError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.mark.line >= 1 and problem.mark.column >= 1
            assert problem.message


@FAST
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data):
    _loads_or_locates(data)


@FAST
@given(st.lists(YAML_ALPHABET, max_size=80).map("".join))
def test_yaml_like_text(text):
    _loads_or_locates(text.encode("utf-8"))


@FAST
@given(trees, st.integers(min_value=0, max_value=40), st.sampled_from(["", "&a ", "*a", "!!str ", "\t", "\n---\n"]))
def test_dumped_structures_with_a_mutation(tree, position, insertion):
    text = yaml.safe_dump(tree, allow_unicode=True)
    position = min(position, len(text))
    _loads_or_locates((text[:position] + insertion + text[position:]).encode("utf-8"))


@FAST
@given(trees)
def test_valid_yaml_structures_round_trip_as_data(tree):
    """What safe_dump writes (no aliases) is read back as a value or refused for a stated reason."""
    _loads_or_locates(yaml.safe_dump({"root": tree}).encode("utf-8"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_manual_with_an_arbitrary_policy_file_never_crashes(tmp_path_factory, example_content, text):
    content = tmp_path_factory.mktemp("prop") / "content"
    shutil.copytree(example_content, content)
    (content / "policies" / "refunds.yaml").write_text(text, encoding="utf-8")
    manual, diagnostics = load_manual(content, allow_partial=True)
    if manual is None or diagnostics.errors:
        assert all(item.location.path.startswith("content/") or "/" in item.location.path for item in diagnostics.items)
    else:
        assert manual.settings.title
