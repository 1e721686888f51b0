"""Thin adapters per platform: console, Slack, Discord. Each holds the core; none is inherited."""
