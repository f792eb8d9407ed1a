ANKASAM_PUBS = {
    "BASE_TEMPLATE": "base.html",
    "ORGANISATION_NAME": "Your Centre",
}
