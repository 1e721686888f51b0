"""Delivery: posters per platform, the delivery ledger, fan-out, retries and the scheduler."""
