"""The app's blueprints, one per concern."""

from . import docs, extract, health, metrics

BLUEPRINTS = (extract.bp, health.bp, docs.bp, metrics.bp)

__all__ = ["BLUEPRINTS"]
