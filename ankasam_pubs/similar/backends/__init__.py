"""Backends that find candidates; every backend writes into the same tables."""
