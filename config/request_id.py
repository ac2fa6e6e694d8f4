"""A request ID for every request, and one access-log line per request with no personal data.

The ID is taken from a sane incoming `X-Request-ID` (set by the load balancer, so one request
can be followed across services) or made with uuid4, kept in a context variable for every log
record written while the request is handled, and echoed in the response's `X-Request-ID`.

The access line names the method, the path WITHOUT its query string (search terms can be
personal), the status and the duration; never the body, the user or the client address.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits and - _ . : only, at most 64 characters; anything else is replaced.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
access_logger = logging.getLogger("portal.access")


def incoming_or_new_request_id(value: str | None) -> str:
    if value and SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request ID on every log record (`-` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = incoming_or_new_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)
