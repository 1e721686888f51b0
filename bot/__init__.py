"""briefbot: news briefings and who-said-what answers for Slack, Discord and the console."""
