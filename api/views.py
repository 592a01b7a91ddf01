"""The read-only open-data API: centers, partners and public meetings, and the downloads."""

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from centers.models import Center, ContactPerson
from events.models import Meeting, Session, Speaker
from partners.models import ContactPerson as PartnerContact
from partners.models import Cooperation, Partner

from . import downloads, serializers
from .filters import CenterApiFilter, MeetingApiFilter, PartnerApiFilter, StrictFilterBackend
from .responses import FirstRenderer, open_data_response
from .schema import EnglishSchemaView
from .throttling import OpenDataThrottle


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class OpenDataView(generics.GenericAPIView):
    # Anonymous, read-only, throttled; one format per endpoint; filters as on the pages.

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [OpenDataThrottle]
    content_negotiation_class = FirstRenderer
    renderer_classes = [JSONRenderer]
    filter_backends = [StrictFilterBackend]
    pagination_class = Pages
    lookup_field = "slug"
    lookup_url_kwarg = "id"

    @classmethod
    def as_view(cls, **initkwargs):
        return open_data_response(super().as_view(**initkwargs))


def centers():
    return (
        Center.objects.active()
        .for_listing()
        .prefetch_related(
            "served_states",
            "opening_hours",
            "closures",
            Prefetch(
                "contacts",
                queryset=ContactPerson.objects.filter(publication_consent=True),
                to_attr="public_contacts",
            ),
        )
    )


def partners():
    return (
        Partner.objects.for_directory()
        .select_related("parent")
        .prefetch_related(
            Prefetch(
                "cooperations",
                queryset=Cooperation.objects.exclude(center__status=Center.Status.CLOSED)
                .select_related("center")
                .order_by("center__name", "pk"),
                to_attr="public_cooperations",
            ),
            Prefetch(
                "contacts",
                queryset=PartnerContact.objects.filter(publication_consent=True),
                to_attr="public_contacts",
            ),
        )
    )


def meetings():
    sessions = Session.objects.prefetch_related(
        Prefetch("speakers", queryset=Speaker.objects.select_related("partner")), "topics"
    )
    return (
        Meeting.objects.public()
        .select_related("host_center")
        .prefetch_related(Prefetch("sessions", queryset=sessions))
    )


class ListView(OpenDataView, generics.ListAPIView):
    pass


class DetailView(OpenDataView, generics.RetrieveAPIView):
    filter_backends = []


@extend_schema_view(
    get=extend_schema(
        summary="Welcome Centers",
        description=(
            "The centers of the directory (closed ones never), with the directory's filters and "
            "their meaning: `q` full text, `near` a German town (German or English name) or "
            "postal code, nearest first, `state`, `service`, `language`. Ordered by name, or "
            "by distance with `near`, or by relevance with `q`; ties by id."
        ),
        tags=["centers"],
    )
)
class CenterList(ListView):
    queryset = centers()
    serializer_class = serializers.CenterSerializer
    filterset_class = CenterApiFilter


ID = OpenApiParameter(
    "id",
    str,
    OpenApiParameter.PATH,
    required=True,
    pattern=r"^[-a-zA-Z0-9_]+$",
    description="The id (the slug of its page), e.g. `welcome-center-thuringia`.",
)


@extend_schema_view(
    get=extend_schema(summary="One Welcome Center", tags=["centers"], parameters=[ID])
)
class CenterDetail(DetailView):
    queryset = centers()
    serializer_class = serializers.CenterSerializer


@extend_schema_view(
    get=extend_schema(
        summary="Partners",
        description=(
            "The active partners of the directory (Goethe-Institut locations, ministries, "
            "service points, projects) with the directory's filters: `q` (every word in name, "
            "place, country, topic or description), `kind`, `country`, `topic`. By name."
        ),
        tags=["partners"],
    )
)
class PartnerList(ListView):
    queryset = partners()
    serializer_class = serializers.PartnerSerializer
    filterset_class = PartnerApiFilter


@extend_schema_view(get=extend_schema(summary="One partner", tags=["partners"], parameters=[ID]))
class PartnerDetail(DetailView):
    queryset = partners()
    serializer_class = serializers.PartnerSerializer


@extend_schema_view(
    get=extend_schema(
        summary="Public meetings",
        description=(
            "Meetings the public pages show (published, closed or archived; drafts never), "
            "with their days, sessions and speakers. Never a participant, never the online "
            "link. Latest start first; `when=upcoming` soonest first."
        ),
        tags=["meetings"],
    )
)
class MeetingList(ListView):
    queryset = meetings()
    serializer_class = serializers.MeetingSerializer
    filterset_class = MeetingApiFilter


@extend_schema_view(
    get=extend_schema(summary="One public meeting", tags=["meetings"], parameters=[ID])
)
class MeetingDetail(DetailView):
    queryset = meetings()
    serializer_class = serializers.MeetingSerializer


class DownloadView(OpenDataView, generics.ListAPIView):
    # The whole filtered directory in one file, as flat rows.

    pagination_class = None
    row = None

    def list(self, request, *args, **kwargs):
        rows = [self.row(obj, request) for obj in self.filter_queryset(self.get_queryset())]
        response = Response(rows)
        extension = self.renderer_classes[0].format
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.{extension}"'
        return response

    def handle_exception(self, exc):
        # Errors (bad filter, 429) answer in JSON like the rest of the API, not as a file.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


def download_schema(summary: str, media_type: str, tag: str):
    body = OpenApiTypes.STR if media_type == "text/csv" else serializers.FeatureCollection
    return extend_schema_view(
        get=extend_schema(
            summary=summary,
            description=(
                "The whole directory in one file, one flat row per entry (lists joined by `|`); "
                "the filters of the list narrow it down."
            ),
            tags=[tag],
            responses={
                (200, media_type): OpenApiResponse(body),
                (400, "application/json"): OpenApiTypes.OBJECT,
            },
        )
    )


@download_schema("Welcome Centers as CSV", "text/csv", "centers")
class CenterCSV(DownloadView):
    queryset = Center.objects.active().for_listing()
    filterset_class = CenterApiFilter
    renderer_classes = [downloads.CSVRenderer]
    row = staticmethod(downloads.center_row)
    columns = downloads.CENTER_COLUMNS
    filename = "welcome-centers"


@download_schema("Welcome Centers as GeoJSON", "application/geo+json", "centers")
class CenterGeoJSON(CenterCSV):
    renderer_classes = [downloads.GeoJSONRenderer]


@download_schema("Partners as CSV", "text/csv", "partners")
class PartnerCSV(DownloadView):
    queryset = Partner.objects.for_directory().select_related("parent")
    filterset_class = PartnerApiFilter
    renderer_classes = [downloads.CSVRenderer]
    row = staticmethod(downloads.partner_row)
    columns = downloads.PARTNER_COLUMNS
    filename = "partners"


@download_schema("Partners as GeoJSON", "application/geo+json", "partners")
class PartnerGeoJSON(PartnerCSV):
    renderer_classes = [downloads.GeoJSONRenderer]


class Schema(EnglishSchemaView):
    """The OpenAPI 3 description (YAML; `?format=json` for JSON), with the API's headers."""

    authentication_classes = []
    throttle_classes = [OpenDataThrottle]

    @classmethod
    def as_view(cls, **initkwargs):
        return open_data_response(super().as_view(**initkwargs))


@extend_schema_view(
    get=extend_schema(
        summary="What the API offers, its licence and where it is described",
        tags=["overview"],
        responses={200: OpenApiTypes.OBJECT},
    )
)
class ApiRoot(OpenDataView):
    # Links to everything, so that a client needs only this address.

    pagination_class = None
    filter_backends = []

    def get(self, request):
        def url(name):
            return request.build_absolute_uri(reverse(f"api:{name}"))

        return Response(
            {
                "centers": url("center-list"),
                "partners": url("partner-list"),
                "meetings": url("meeting-list"),
                "downloads": {
                    name: url(name)
                    for name in ("center-csv", "center-geojson", "partner-csv", "partner-geojson")
                },
                "schema": url("schema"),
                "documentation": url("docs"),
                "license": settings.SPECTACULAR_SETTINGS["LICENSE"],
            }
        )


class ApiDocs(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's static files; its start script is a file too,
    so the page keeps the portal's Content-Security-Policy."""

    template_name = "api/docs.html"
    url_name = "api:schema"
    title = "Welcome Portal \N{EN DASH} open-data API"
