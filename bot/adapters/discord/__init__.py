"""Discord adapter: /brief app commands, embed briefings, persistent buttons, a REST poster.

discord.py is imported here first, with one known warning silenced: it imports the standard
library's deprecated ``audioop`` for voice, which briefbot never uses, and a test run with
warnings as errors would otherwise fail on import.
"""

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "'audioop' is deprecated", DeprecationWarning)
    import discord  # noqa: F401
