"""The HTTP layer: a thin Flask app that loads a request, calls the core and dumps its claims."""

from .app import create_app

__all__ = ["create_app"]
