"""JSON logs: one object per line, with a request ID, and no personal data."""

import io
import json
import logging

import pytest
from django.urls import reverse

from config.logging_json import JsonFormatter
from config.request_id import RequestIdFilter


@pytest.fixture
def log_lines():
    """Captures what the production handler writes: JSON lines with the request ID."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("portal.access")
    logger.addHandler(handler)
    previous_level = logger.level
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(previous_level)


def test_a_request_logs_one_json_line_without_the_query_string(client, db, log_lines):
    response = client.get("/pl/?szukaj=Kowalska+Anna&pesel=02270803628")

    [line] = log_lines()
    assert line["logger"] == "portal.access"
    assert line["level"] == "INFO"
    assert line["method"] == "GET"
    assert line["path"] == "/pl/"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["request_id"] == response.headers["X-Request-ID"]
    assert set(line) == {
        "time", "level", "logger", "message", "request_id", "method", "path", "status",
        "duration_ms",
    }  # fmt: skip
    raw = json.dumps(line)
    assert "Kowalska" not in raw and "02270803628" not in raw and "szukaj" not in raw


def test_post_bodies_and_user_names_are_not_logged(client, superuser, log_lines):
    client.post(
        reverse("admin:login"),
        {"username": "administrator", "password": "correct horse battery"},
    )

    raw = json.dumps(log_lines())
    assert "administrator" not in raw
    assert "correct horse" not in raw


@pytest.mark.parametrize(
    ("incoming", "kept"),
    [
        ("lb-7f3a9c21-0001", True),
        ("0123456789abcdef0123456789abcdef", True),
        ("short", False),
        ("x" * 65, False),
        ("<script>alert(1)</script>", False),
        ("id with spaces and\nnewline", False),
    ],
)
def test_a_sane_incoming_request_id_is_kept_and_echoed_else_a_new_one_is_made(
    client, db, incoming, kept
):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})

    echoed = response.headers["X-Request-ID"]
    if kept:
        assert echoed == incoming
    else:
        assert echoed != incoming
        assert len(echoed) == 32 and int(echoed, 16) >= 0  # a uuid4 in hex


def test_log_records_outside_a_request_have_a_placeholder_id():
    record = logging.LogRecord(
        "portal", logging.WARNING, __file__, 1, "nothing %s", ("here",), None
    )
    RequestIdFilter().filter(record)

    assert json.loads(JsonFormatter().format(record))["request_id"] == "-"
    assert json.loads(JsonFormatter().format(record))["message"] == "nothing here"
