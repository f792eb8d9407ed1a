"""HTTP caching of reader pages and front-end cache purging when analyses change."""
