from django.urls import path, register_converter

from . import views


class StateCodeConverter:
    """An ISO 3166-2 code of a German state (`DE-TH`); anything else is a 404, not a query."""

    regex = "DE-[A-Z]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(StateCodeConverter, "state_code")

app_name = "regions"
urlpatterns = [
    path("", views.StateListView.as_view(), name="list"),
    path("<state_code:code>/", views.StateDetailView.as_view(), name="detail"),
]
