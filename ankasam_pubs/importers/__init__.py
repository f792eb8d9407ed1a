"""Importers that bring content from other systems into the app's pages."""
