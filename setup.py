"""Build hook: ship the example config, the Slack manifest and an example brief in the wheel.

The files stay where a checkout has them (config/, briefs/), which are their one source of
truth; building copies the ones listed in bot/cli/shipped.txt into bot/_shipped/ so that
`briefbot init` can write them from an installed wheel. A checkout (editable install) reads
them from their folders directly. Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
LIST = ROOT / "bot" / "cli" / "shipped.txt"


class BuildWithShipped(build_py):
    """build_py that also copies the shipped files into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib, "bot", "_shipped")
        for line in LIST.read_text("utf-8").split():
            destination = target / line
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / line, destination)


setup(cmdclass={"build_py": BuildWithShipped})
