"""ankasam-pubs: the publishing platform of a research centre, as a Wagtail app."""

__version__ = "0.1.0.dev0"
