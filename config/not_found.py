"""A URL naming a record that cannot exist, or does not, is a 404 in every view.

Third-party views (django-otp's device pages in the admin, …) look records up with `.get()`
and let DoesNotExist escape, and an id beyond any database integer (`<int:pk>` matches
"9999…9") reaches the database as an OverflowError. Both are the visitor's bad URL, not the
server's failure: answered with the 404 page instead of a 500.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

BIGGEST_ID = 2**63 - 1  # bigint, the widest integer column of any backend we run on


class MissingRecordIs404Middleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and not -BIGGEST_ID - 1 <= value <= BIGGEST_ID:
                raise Http404

    def process_exception(self, request, exception):
        if isinstance(exception, ObjectDoesNotExist):
            raise Http404 from exception
