"""``briefbot init [DIR]``: a working folder from nothing, for a bot installed with pip or pipx.

It writes the documented config, the Slack app manifest and an example brief, the same files
a checkout has in ``config/`` and ``briefs/`` (listed in ``shipped.txt``; the wheel carries
copies made at build time in ``bot/_shipped/``, see setup.py). Existing files are kept
unless ``--force``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.base import app, fail

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

CHECKOUT = Path(__file__).resolve().parents[2]


def shipped_names() -> list[str]:
    """The shipped files' paths relative to the folder they are written into."""
    from importlib import resources

    listing = resources.files("bot.cli").joinpath("shipped.txt").read_text("utf-8")
    return listing.split()


def shipped_file(name: str) -> Traversable | Path:
    """A shipped file: the wheel's copy, else the checkout's original."""
    from importlib import resources

    packaged = resources.files("bot").joinpath("_shipped", *name.split("/"))
    if packaged.is_file():
        return packaged
    original = CHECKOUT / name
    if original.is_file():
        return original
    raise FileNotFoundError(f"{name} is not in this installation (a broken build?)")


def write_skeleton(folder: Path, *, force: bool = False) -> list[tuple[Path, bool]]:
    """Write every shipped file under ``folder``; (path, written) each, False when kept."""
    done = []
    for name in shipped_names():
        target = folder / name
        if target.exists() and not force:
            done.append((target, False))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(shipped_file(name).read_bytes())
        done.append((target, True))
    return done


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="Where to create config/ and briefs/ (default: here).")
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Create a documented config, an example brief and the Slack app manifest."""
    if folder.exists() and not folder.is_dir():
        raise fail(f"{folder}: not a folder")
    for path, written in write_skeleton(folder, force=force):
        typer.echo(f"{'wrote' if written else 'kept (exists)'} {path}")
    where = "" if folder.resolve() == Path.cwd().resolve() else f"cd {folder} && "
    typer.echo(
        f"next: {where}briefbot check && briefbot run --console "
        "(tokens in the environment or .env: see the comments in config/briefbot.toml)"
    )
