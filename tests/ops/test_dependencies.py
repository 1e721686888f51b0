"""Dependencies mean what they say: used, pinned in the constraints files, public APIs only."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
REGENERATE = "regenerate with .ci/lock after changing pyproject.toml"

# Distribution → the module it is imported as, where the names differ.
MODULES = {"discord-py": "discord", "pyyaml": "yaml", "python-dotenv": "dotenv"}
# Needed at run time without an import of ours, each for a stated reason.
NOT_IMPORTED = {
    "tzdata": "zoneinfo reads its zone files on machines without a system database",
    "lxml-html-clean": "trafilatura's justext imports lxml.html.clean",
}


def requirements(extra: str | None = None) -> list[Requirement]:
    raw = PROJECT["dependencies"] if extra is None else PROJECT["optional-dependencies"][extra]
    return [Requirement(line) for line in raw]


def every_requirement() -> list[Requirement]:
    found = requirements()
    for extra in PROJECT["optional-dependencies"]:
        found += requirements(extra)
    return found


def imported_modules() -> set[str]:
    """Top-level modules imported anywhere in bot/ (also inside functions)."""
    found: set[str] = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def pins(name: str) -> dict[str, Version]:
    pinned = {}
    for line in (ROOT / name).read_text("utf-8").splitlines():
        requirement = line.split("#")[0].strip()
        if "==" in requirement:
            package, _, version = requirement.partition("==")
            pinned[canonicalize_name(package.split("[")[0])] = Version(version.strip())
    return pinned


def test_every_runtime_dependency_is_imported() -> None:
    imported = imported_modules()
    for requirement in requirements():
        name = canonicalize_name(requirement.name)
        if name in NOT_IMPORTED:
            continue
        module = MODULES.get(name, name.replace("-", "_"))
        assert module in imported, f"{requirement.name} is declared but never imported"


def test_every_dependency_has_a_ceiling_but_data_packages() -> None:
    for requirement in every_requirement():
        operators = {spec.operator for spec in requirement.specifier}
        assert ">=" in operators, f"{requirement} needs a floor"
        if canonicalize_name(requirement.name) != "tzdata":
            assert "<" in operators, f"{requirement} needs a ceiling"


@pytest.mark.parametrize("name", ["constraints.txt", "constraints-lowest.txt"])
def test_constraints_pin_every_direct_dependency_within_its_range(name: str) -> None:
    pinned = pins(name)
    for requirement in every_requirement():
        key = canonicalize_name(requirement.name)
        assert key in pinned, f"{name} lacks {requirement.name}: {REGENERATE}"
        assert pinned[key] in requirement.specifier, f"{name}: {key}=={pinned[key]}: {REGENERATE}"


def test_the_lowest_constraints_hold_each_direct_dependency_at_its_floor() -> None:
    """What CI's lowest-versions run installs is each floor itself: a floor that the other
    dependencies push up is not a floor (raise it in pyproject.toml)."""
    pinned = pins("constraints-lowest.txt")
    for requirement in every_requirement():
        floor = next(Version(s.version) for s in requirement.specifier if s.operator == ">=")
        got = pinned[canonicalize_name(requirement.name)]
        assert got == floor, f"{requirement}: the lowest resolvable is {got}"


def test_the_discord_poster_uses_only_public_discord_api() -> None:
    """discord.http's HTTPClient and handle_message_parameters are internals."""
    tree = ast.parse((ROOT / "bot/adapters/discord/poster.py").read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.module == "discord" or not node.module.startswith("discord."), node.module
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "discord"
        ):
            assert not node.attr.startswith("_") and node.attr != "http", node.attr
