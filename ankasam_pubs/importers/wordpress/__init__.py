"""Import a WordPress (WXR) export: posts, notes, authors, translations, images, redirects.

``wxr`` reads the file as a stream into plain data, ``content`` turns a post's HTML into
body blocks and notes (pure), ``mapping`` says where categories and tags go, ``importer``
writes pages and ``report`` tells what happened. The command is ``import_wordpress``.
"""
