"""Analysis page types: abstract mixins with the behaviour, thin concrete pages."""
