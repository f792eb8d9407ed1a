"""Structured footnotes: notes as data, numbered by a pure function, rendered accessibly."""
