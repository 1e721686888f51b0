"""Persistence: one ``Store`` interface, SQLite by default, chosen by ``DATABASE_URL``."""

from bot.store.base import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
