"""The 500s the fuzz tests found in the admin, pinned down one by one."""

from django.urls import reverse

from tests.fuzz.pages import row_counts
from tests.fuzz.strategies import encode_pairs


def test_a_malformed_id_in_an_autocomplete_field_is_the_forms_error_not_a_500(admin_client):
    before = row_counts()

    response = admin_client.post(
        reverse("admin:services_consultation_add"),
        encode_pairs([("person", "1,5"), ("family", "abc"), ("duration_minutes", "30")]),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_person_error"' in html
    assert "Wybierz poprawną wartość. Podana nie jest jednym z dostępnych wyborów." in html
    assert row_counts() == before


def test_a_year_beyond_any_date_in_the_date_hierarchy_is_refused_like_a_bad_filter(admin_client):
    url = reverse("admin:projects_project_changelist")

    response = admin_client.get(url, {"start_date__year": "9" * 30})

    assert response.status_code == 302
    assert response.url == f"{url}?e=1"


def test_a_missing_user_or_group_is_a_404_not_a_redirect_to_the_index(admin_client):
    assert admin_client.get(reverse("admin:auth_user_change", args=[999999])).status_code == 404
    assert admin_client.get(reverse("admin:auth_group_change", args=["abc"])).status_code == 404


def test_ids_no_row_can_have_in_select_fields_are_the_forms_error_not_a_500(admin_client):
    before = row_counts()

    response = admin_client.post(
        reverse("admin:auth_group_add"),
        encode_pairs([("name", "Zespół"), ("permissions", "9" * 40)]),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert 'id="id_permissions_error"' in response.content.decode()
    assert row_counts() == before


def test_an_id_no_row_can_have_in_a_foreign_key_select_is_the_forms_error(admin_client):
    response = admin_client.post(
        reverse("admin:projects_staffprofile_add"),
        encode_pairs([("user", "9" * 40), ("organisation", "9" * 40)]),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert 'id="id_user_error"' in response.content.decode()
