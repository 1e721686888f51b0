"""Offline who-said-what extraction: raw article text to statements and a structured summary.

``extract_statements`` is the fast path (who said what, nothing else); ``extract_summary``
builds the full, schema-valid ``Summary`` marked as machine-extracted and unreviewed.
"""

from bot.extract.records import ExtractedStatement
from bot.extract.statements import extract_statements
from bot.extract.summary import extract_summary

__all__ = ["ExtractedStatement", "extract_statements", "extract_summary"]
