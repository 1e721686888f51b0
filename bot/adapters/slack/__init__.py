"""The Slack adapter: /brief, Block Kit briefings, scheduled posts, buttons and thread follow-ups."""
