import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from welcome_portal.listing import distance_label


@pytest.mark.parametrize("km", [0.0, 0.49, 0.5, 2.5, 12.4999, 12.5, 99.95, 1234.5, 20037.5])
@pytest.mark.parametrize("language", ["de", "en"])
def test_a_cards_distance_reads_as_the_template_filter_writes_it(km, language):
    with translation.override(language):
        words = {"de": "km entfernt", "en": "km away"}[language]
        assert distance_label(km) == f"{floatformat(km, 0)} {words}"


def test_a_card_without_a_distance_says_nothing_about_one():
    assert distance_label(None) == ""
