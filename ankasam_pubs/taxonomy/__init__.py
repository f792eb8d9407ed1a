"""Editable taxonomies: series, topics and regions (labels translated field by field)."""
