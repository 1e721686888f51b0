"""Suggestions while a user types a speaker's name (Discord autocomplete)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.library import Library
from bot.core.text import name_key

SCAN_LIMIT = 60  # name keys looked up per suggestion list; aliases make several per speaker


@dataclass(frozen=True)
class Suggestion:
    """One speaker: a label to show and the value that ``who`` will find."""

    label: str
    value: str


async def suggest_speakers(library: Library, typed: str, limit: int = 25) -> list[Suggestion]:
    """Speakers whose name or alias contains what was typed, names starting with it first;
    one entry per speaker, however many aliases matched, labelled with the canonical name."""
    wanted = name_key(typed)
    names = await library.speaker_names()
    found = [n for n in names if wanted in n] if wanted else list(names)
    found.sort(key=lambda name: (not name.startswith(wanted), len(name), name))
    suggestions: dict[str, Suggestion] = {}
    for key in found[:SCAN_LIMIT]:
        for speaker in await library.speakers_named(key):
            if speaker.key in suggestions or len(suggestions) >= limit:
                continue
            label = f"{speaker.name}, {speaker.role}" if speaker.role else speaker.name
            suggestions[speaker.key] = Suggestion(label, speaker.name)
    return list(suggestions.values())
