"""Property tests: no brief file, however malformed, escapes the loader as anything but a
one-line BriefError naming the file; a good file next to it still loads (issue 13).

Bounded in time: a fixed number of examples per property and no per-example deadline (the
machine is shared), so the suite's run time does not depend on luck.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import BriefError
from bot.loader import parse_summary, sync_folder
from bot.store import open_store
from tests.conftest import SEED_BRIEF

BOUNDED = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SEED_DOCUMENT: dict[str, Any] = yaml.safe_load(SEED_BRIEF.read_text("utf-8"))

#: Characters that YAML gives meaning to, so random text reaches the parser's corners.
YAML_ALPHABET = "[]{}:,-?&*!|>'\"#%@`~ \n\t\\0123456789.eE+abxyz\u00e9\u2028\ufeff"

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.dates().map(str)
    | st.sampled_from(["0000-01-01", "9999-12-31T23:59:59-05:00", "9" * 5000, "-0", ""])
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)


def check_outcome(data: bytes, path: Path) -> None:
    """The property itself: a Summary, or a BriefError of one line that names the file."""
    try:
        parse_summary(data, path)
    except BriefError as err:
        message = str(err)
        assert message.startswith(f"{path}: "), message
        assert "\n" not in message and "\r" not in message, message


@BOUNDED
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".yaml", ".json"]))
def test_any_bytes_are_a_summary_or_one_reported_error(data: bytes, suffix: str) -> None:
    check_outcome(data, Path("briefs") / f"fuzz{suffix}")


@BOUNDED
@given(text=st.text(alphabet=YAML_ALPHABET, max_size=300))
def test_yaml_shaped_text_is_a_summary_or_one_reported_error(text: str) -> None:
    check_outcome(text.encode("utf-8", "surrogatepass"), Path("briefs/fuzz.yaml"))


@settings(BOUNDED, max_examples=40)
@given(depth=st.integers(1, 1500), opener=st.sampled_from(["[", "{a: ", "- ", '{"a": ']))
def test_nesting_of_any_depth_is_reported_not_raised(depth: int, opener: str) -> None:
    closer = {"[": "]", "{a: ": "}", "- ": "", '{"a": ': "}"}[opener]
    if opener == "- ":
        text = "".join("  " * i + "- \n" for i in range(depth))
    else:
        text = opener * depth + closer * depth
    for suffix in (".yaml", ".json"):
        check_outcome(text.encode(), Path(f"briefs/deep{suffix}"))


def _set(document: Any, path: list[Any], value: Any) -> Any:
    """A copy of ``document`` with the value at ``path`` (keys or indexes) replaced."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(document, dict):
        copy = dict(document)
        copy[head] = _set(document.get(head), rest, value)
        return copy
    if isinstance(document, list) and document:
        copy = list(document)
        index = head % len(copy) if isinstance(head, int) else 0
        copy[index] = _set(copy[index], rest, value)
        return copy
    return value


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[list[Any]]:
    """Every key/index path into a document."""
    found = [list(prefix)]
    if isinstance(document, dict):
        for key, child in document.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(document, list):
        for index, child in enumerate(document):
            found += _paths(child, (*prefix, index))
    return found


SEED_PATHS = _paths(SEED_DOCUMENT)


@settings(BOUNDED, max_examples=80)
@given(
    path=st.sampled_from(SEED_PATHS),
    value=values,
    as_json=st.booleans(),
)
def test_a_valid_brief_with_any_field_replaced_is_loaded_or_reported(
    path: list[Any], value: Any, as_json: bool
) -> None:
    document = _set(SEED_DOCUMENT, path, value)
    if as_json:
        data = json.dumps(document, default=str).encode("utf-8", "surrogatepass")
    else:
        data = yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass")
    check_outcome(data, Path("briefs") / ("mutated.json" if as_json else "mutated.yaml"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.lists(
        st.tuples(
            st.sampled_from([".yaml", ".json", ".yml"]),
            st.one_of(
                st.binary(max_size=300),
                values.map(lambda v: yaml.safe_dump(v).encode()),
                st.tuples(st.sampled_from(SEED_PATHS), values).map(
                    lambda pv: yaml.safe_dump(_set(SEED_DOCUMENT, pv[0], pv[1])).encode(
                        "utf-8", "surrogatepass"
                    )
                ),
            ),
        ),
        max_size=4,
    )
)
def test_sync_never_raises_and_the_good_brief_always_loads(files: list[tuple[str, bytes]]) -> None:
    """Through the store: whatever sits beside it, the seed brief is stored and every other
    file is either stored or reported (nothing is silently dropped)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "briefs"
        folder.mkdir()
        (folder / "0-seed.yaml").write_bytes(SEED_BRIEF.read_bytes())
        for number, (suffix, data) in enumerate(files):
            (folder / f"fuzz{number}{suffix}").write_bytes(data)
        report = asyncio.run(_sync(folder, Path(scratch) / "db.sqlite3"))
    assert "reuters-putin-aims-beyond-ukraine" in report[0]
    assert len(report[0]) + report[1] == 1 + len(files)
    assert all("\n" not in message for message in report[2])


async def _sync(folder: Path, database: Path) -> tuple[list[str], int, list[str]]:
    store = await open_store(f"sqlite:///{database}")
    try:
        report = await sync_folder(store, folder)
        return report.loaded, len(report.errors), [str(e) for e in report.errors]
    finally:
        await store.close()
