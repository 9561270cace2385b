"""Marshmallow schemas of the HTTP API: they import only marshmallow and the core's types."""
