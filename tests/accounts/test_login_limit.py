"""allauth's own limits answer with the portal's 429 page, in the user's language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Please try again later."),
        ("de", "Bitte versuchen Sie es später wieder."),
    ],
)
def test_too_many_logins_from_one_address_get_the_429_page_not_a_server_error(
    client, settings, language, text
):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    answers = [
        client.post(
            "/accounts/login/",
            {"login": "someone@example.org", "password": f"wrong {n}"},
            HTTP_ACCEPT_LANGUAGE=language,
        )
        for n in range(3)
    ]

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert text in answers[-1].content.decode()
