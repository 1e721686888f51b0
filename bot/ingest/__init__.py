"""Ingestion: articles from URLs, files and feeds, fetched with limits and an address guard."""
