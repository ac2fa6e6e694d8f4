"""A per-client rate limit for the public forms, in the shared cache.

The client is known by a keyed hash of their IP address (HMAC with SECRET_KEY, truncated), so
neither the cache nor anything else holds the address itself; the window is fixed (the first
submission starts it).
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from config.client_ip import client_ip


def client_key(request, scope: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}:{client_ip(request)}".encode(), hashlib.sha256
    ).hexdigest()
    return f"throttle:{scope}:{digest[:32]}"


def is_limited(request, scope: str, limit: int) -> bool:
    """True when the client has already used up `limit` attempts in the current window."""
    return (cache.get(client_key(request, scope)) or 0) >= limit


def hit(request, scope: str, window_seconds: int) -> int:
    """Count one attempt; returns the count in the current window."""
    key = client_key(request, scope)
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window_seconds)
        return 1
