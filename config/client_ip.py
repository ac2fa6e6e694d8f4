"""The client's IP address, for throttling (never stored: callers hash it or keep it in memory).

Behind the TLS proxy every request comes from the proxy, so with `TRUSTED_PROXY_COUNT=n` the
address is the n-th from the right of `X-Forwarded-For` (the one our own proxy appended);
entries further left are the client's to forge and are ignored. With 0 (no proxy, `make run`)
it is `REMOTE_ADDR`.
"""

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < hops:
        return remote
    return forwarded[-hops]
