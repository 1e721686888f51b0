"""What an operator can see of a running bot: Prometheus metrics and readiness probes.

Platform-neutral (no aiohttp here): the HTTP server in ``bot.web`` exposes both, and every
part of the bot reports into them with one-line hooks.
"""
