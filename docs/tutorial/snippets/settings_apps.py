INSTALLED_APPS = [
    # modeltranslation patches models and admin forms: it comes before every app using them.
    "modeltranslation",
    "ankasam_pubs",
    "wagtail.contrib.simple_translation",  # the admin's "Translate" action
    "wagtail.contrib.table_block",  # tables in analysis bodies
    "wagtail.contrib.routable_page",  # citation exports below each analysis
    "wagtail.contrib.settings",  # per-site citation style
    "wagtail.locales",  # Settings → Locales in the admin
] + INSTALLED_APPS
