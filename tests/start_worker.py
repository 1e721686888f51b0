"""A ``briefbot`` process that imports everything, then waits for a line on stdin to start.

The concurrent-start test releases several of these at the same instant, so that their first
syncs of the briefs folder really overlap (a process's import time varies by more than the
whole sync takes). Arguments are the briefbot command line.
"""

from __future__ import annotations

import sys

import bot.cli

if __name__ == "__main__":
    print("ready", flush=True)
    sys.stdin.readline()
    sys.argv = ["briefbot", *sys.argv[1:]]
    bot.cli.main()
