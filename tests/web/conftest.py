"""The local fakes of Slack and Discord, shared with those platforms' tests."""

from tests.discord.conftest import fake_discord
from tests.slack.conftest import fake_slack

__all__ = ["fake_discord", "fake_slack"]
