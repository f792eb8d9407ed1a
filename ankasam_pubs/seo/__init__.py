"""How pages leave the site: sitemaps (and later feeds, metadata)."""
