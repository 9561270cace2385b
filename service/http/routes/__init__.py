"""The app's blueprints, one per concern."""

from . import docs, extract, health, metrics, playground

BLUEPRINTS = (extract.bp, health.bp, docs.bp, metrics.bp, playground.bp)

__all__ = ["BLUEPRINTS"]
