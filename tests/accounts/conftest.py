import pytest

from projects.models import StaffRole
from tests.factories import make_project, make_staff


@pytest.fixture
def ewa():
    """Ewa, a caseworker of Alfa (the staff member of the sign-in tests)."""
    return make_staff(make_project("alfa"), StaffRole.CASEWORKER, username="ewa")
