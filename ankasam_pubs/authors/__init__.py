"""Author profiles: translated field by field, ordered on analyses."""
