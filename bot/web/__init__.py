"""briefbot's one HTTP server: health, readiness and metrics, and Slack's events endpoint."""
