"""Plain-language questions: the one entry point every adapter calls with what a user typed.

``answer_text`` takes the raw text of a mention, a DM, a ``/brief`` argument or a console line
("@briefbot what did Quigley say about the Europeans?", "who Rubio") and returns the same
neutral ``Answer`` values as the command engine. Reading the question is ``understand``'s job
(see ``bot.core.grammar``); answering it is the engine's (``bot.core.answers``).
"""

from __future__ import annotations

import datetime as dt

from bot.core.answers import Answer, answer
from bot.core.briefing import BriefingSpec
from bot.core.commands import parse
from bot.core.library import Library


async def answer_text(
    library: Library,
    text: str,
    *,
    now: dt.datetime,
    spec: BriefingSpec = BriefingSpec(),
) -> Answer:
    """Answer what a user typed, in their own words or as a /brief command.

    Admin commands ("subscribe", "post", ...) are the adapters' business: check
    ``parse(text).is_admin`` first; here they get usage.
    """
    return await answer(parse(text), library, now=now, spec=spec)
