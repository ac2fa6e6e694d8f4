"""Invalid UTF-8 and NUL bytes in paths, query strings and form bodies: never a 500.

Bytes are percent-encoded by hand and decoded by the test client into PATH_INFO and
QUERY_STRING exactly as a WSGI server does, so what reaches Django is what a broken or hostile
client sends.
"""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.pages import row_counts
from tests.fuzz.strategies import encode_pairs, examples
from tests.fuzz.urlwalk import all_routes

BAD_BYTES = [
    b"\xff",  # never valid in UTF-8
    b"\xc0\xaf",  # overlong "/"
    b"\xed\xa0\x80",  # a lone surrogate, as CESU-8 sends it
    b"\xe2\x82",  # truncated sequence
    b"\x00",  # NUL
    b"a\x00b",
    b"%",  # a stray percent sign (sent encoded as %25)
]
PREFIXES = sorted({route.template.split("%(")[0] for route in all_routes()})


@pytest.mark.parametrize("raw", BAD_BYTES, ids=repr)
def test_bad_bytes_after_every_pattern_prefix_and_in_public_parameters_are_404s(raw, admin_client):
    # Admin parameters with bad bytes are in test_malformed_urls ("%00", NUL, unicode).
    bad = quote_from_bytes(raw, safe="")
    paths = [prefix + bad for prefix in PREFIXES] + [
        route.path(**dict.fromkeys(route.params, bad))
        for route in all_routes()
        if route.params and not route.is_admin
    ]
    statuses = {path: admin_client.get(path, follow=True).status_code for path in paths}
    assert {path: status for path, status in statuses.items() if status != 404} == {}


@examples(20)
@given(raw=st.binary(min_size=1, max_size=30))
def test_arbitrary_bytes_in_a_path_are_never_a_500(raw, client, db):
    path = "/pl/" + quote_from_bytes(raw, safe="/")

    assert client.get(path).status_code < 500


@examples(30)
@given(
    prefix=st.sampled_from([p for p in PREFIXES if "%" not in p]),
    name=st.binary(max_size=12),
    value=st.binary(max_size=40),
)
def test_arbitrary_bytes_in_a_query_string_are_never_a_500(prefix, name, value, client, db):
    response = client.get(f"{prefix}?{encode_pairs([(name, value)])}")

    assert response.status_code < 500


@pytest.mark.parametrize("raw", BAD_BYTES, ids=repr)
def test_bad_bytes_in_a_form_body_are_refused_like_any_bad_value(raw, admin_client):
    before = row_counts()

    response = admin_client.post(
        "/pl/admin/projects/organisation/add/",
        encode_pairs([("name", raw), ("kind", raw), ("town", raw)]),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert 'class="errornote"' in response.content.decode()
    assert row_counts() == before
