import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _polish_by_default():
    # A request to /uk/ leaves Ukrainian active on the thread; reverse() would then build /uk/.
    with translation.override("pl"):
        yield
