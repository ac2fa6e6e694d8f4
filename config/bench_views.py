"""The baseline for bench/load.py: a Django view doing no work. Routed only when BENCH_VIEWS=1."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")
