"""Offline who-said-what extraction: raw article text to statements and a structured summary."""

from bot.extract.statements import ExtractedStatement, extract_statements

__all__ = ["ExtractedStatement", "extract_statements"]
