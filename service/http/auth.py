"""Optional API keys: with ``FIGURES_API_KEYS`` set, every route but the probes needs one.

A client sends ``Authorization: Bearer <key>``. The key is compared in constant time with every
configured key (no early exit, so the time taken says nothing about which key came close), and
it is never logged nor echoed: the rate limiter and the logs see a digest of it only.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from flask import Flask, g, request
from werkzeug.exceptions import Unauthorized

# Probes stay open so that an orchestrator needs no key. Keep in sync with docs/reliability.md.
OPEN_ENDPOINTS = frozenset({"health.healthz", "health.readyz"})
SCHEME = "bearer"
CHALLENGE = 'Bearer realm="figures"'


class MissingKey(Unauthorized):
    """A request without a valid key: 401 with the ``WWW-Authenticate`` challenge."""

    description = "Send a valid API key as 'Authorization: Bearer <key>'."

    def get_headers(self, environ=None, scope=None) -> list[tuple[str, str]]:
        """Add the challenge that RFC 9110 requires on a 401."""
        return [*super().get_headers(environ, scope), ("WWW-Authenticate", CHALLENGE)]


class ApiKeys:
    """The configured keys, and who (by digest) presented one."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = tuple(key.encode("utf-8") for key in keys)

    @classmethod
    def from_setting(cls, raw: object) -> ApiKeys:
        """Read keys from a comma-separated string (``FIGURES_API_KEYS``) or a list of strings."""
        items = raw.split(",") if isinstance(raw, str) else list(raw or ())
        return cls(key.strip() for key in items if key.strip())

    def __bool__(self) -> bool:
        return bool(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def client(self, presented: str | None) -> str | None:
        """Return the digest of ``presented`` when it is one of the keys, else None."""
        if presented is None:
            return None
        given = presented.encode("utf-8", "surrogatepass")
        matched = False
        for key in self._keys:  # compare with every key: no early exit
            matched |= hmac.compare_digest(given, key)
        return digest(given) if matched else None


def digest(key: bytes) -> str:
    """Name a key without revealing it, for rate-limit buckets and logs."""
    return "key:" + hashlib.sha256(key).hexdigest()[:16]


def bearer_token() -> str | None:
    """Return the token of an ``Authorization: Bearer`` header, or None."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != SCHEME or not token.strip():
        return None
    return token.strip()


def current_client(keys: ApiKeys) -> str | None:
    """Return the digest of the request's valid key, computed once per request."""
    if "figures_client" not in g:
        g.figures_client = keys.client(bearer_token()) if keys else None
    return g.figures_client


def install(app: Flask, keys: ApiKeys) -> None:
    """Refuse requests without a valid key, when ``keys`` has any."""
    if not keys:
        return

    @app.before_request
    def _authenticate() -> None:
        if request.endpoint in OPEN_ENDPOINTS:
            return
        if current_client(keys) is None:
            raise MissingKey()
