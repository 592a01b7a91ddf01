"""What the open-data API shows of centers, partners and meetings (field names close to HSDS 3).

Each serializer expects the queryset of its view (views.py), which prefetches everything it
reads: the number of queries does not grow with the number of rows.
"""

from datetime import timedelta

from django.utils.timezone import localdate
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from centers.models import Center, Closure, ContactPerson, Language, OpeningHours, Service, State
from events.models import Meeting, Session, Speaker
from partners.models import ContactPerson as PartnerContact
from partners.models import Cooperation, Partner, PartnerKind, Topic

from .fields import TRANSLATED_SCHEMA, TranslatedField, WebUrlField, api_url

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # iCalendar / HSDS schedule.byday

NAMES_SCHEMA = {
    "type": "object",
    "properties": {key: {"type": "string"} for key in ("de", "en", "short_de", "short_en")},
    "required": ["de", "en", "short_de", "short_en"],
}


@extend_schema_field({"type": "string", "pattern": r"^\d{2}:\d{2}$", "example": "09:00"})
class HourMinuteField(serializers.TimeField):
    """Local (Berlin) wall-clock time as HH:MM, as the pages show it."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class NamedMixin(serializers.Serializer):
    """`name` (the official, German name) and `names` in both languages with their short
    names, from one place. An English name left empty is the German one, as on the pages."""

    name = serializers.SerializerMethodField()
    names = serializers.SerializerMethodField()

    @staticmethod
    def names_of(obj) -> dict[str, str]:
        return {
            "de": obj.name,
            "en": obj.name_en or obj.name,
            "short_de": obj.short_name or obj.name,
            "short_en": obj.short_name_en or obj.short_name or obj.name_en or obj.name,
        }

    def get_name(self, obj) -> str:
        return self.names_of(obj)["de"]

    @extend_schema_field(NAMES_SCHEMA)
    def get_names(self, obj):
        return self.names_of(obj)


# --- shared vocabularies ----------------------------------------------------------------------


class StateSerializer(serializers.ModelSerializer):
    name = TranslatedField("name")

    class Meta:
        model = State
        fields = ["code", "name"]


class ServiceSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="slug")
    name = TranslatedField("name")

    class Meta:
        model = Service
        fields = ["id", "name"]


class LanguageSerializer(serializers.ModelSerializer):
    name = TranslatedField("name")

    class Meta:
        model = Language
        fields = ["code", "name"]


class TopicSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="slug")
    name = TranslatedField("name")

    class Meta:
        model = Topic
        fields = ["id", "name"]


class PartnerKindSerializer(TopicSerializer):
    class Meta(TopicSerializer.Meta):
        model = PartnerKind


# --- centers ----------------------------------------------------------------------------------


class ScheduleSerializer(serializers.ModelSerializer):
    byday = serializers.SerializerMethodField()
    opens_at = HourMinuteField(source="opens")
    closes_at = HourMinuteField(source="closes")
    notes = TranslatedField("notes")

    class Meta:
        model = OpeningHours
        fields = ["weekday", "byday", "opens_at", "closes_at", "notes"]

    def get_byday(self, obj) -> str:
        return BYDAY[obj.weekday]


class ClosureSerializer(serializers.ModelSerializer):
    """A day or days the center is closed (HSDS: a schedule with a closed period)."""

    notes = serializers.SerializerMethodField()

    class Meta:
        model = Closure
        fields = ["starts_on", "ends_on", "notes"]

    @extend_schema_field(TRANSLATED_SCHEMA)
    def get_notes(self, obj):
        return {"de": obj.note_de, "en": obj.note_en or obj.note_de}


class CenterContactSerializer(serializers.ModelSerializer):
    title = TranslatedField("role")

    class Meta:
        model = ContactPerson
        fields = ["name", "title", "email", "phone"]


class CenterSerializer(NamedMixin, serializers.ModelSerializer):
    id = serializers.CharField(source="slug")
    url = serializers.SerializerMethodField()
    web_url = WebUrlField()
    state = StateSerializer()
    area_served = serializers.SerializerMethodField()
    host_organization = serializers.CharField(source="host_organisation")
    address = serializers.SerializerMethodField()
    description = TranslatedField("description")
    services = ServiceSerializer(source="service_list", many=True)
    languages = LanguageSerializer(source="language_list", many=True)
    channels = serializers.SerializerMethodField()
    target_groups = TranslatedField("target_groups")
    accessibility = serializers.SerializerMethodField()
    schedules = ScheduleSerializer(source="opening_hours", many=True)
    closures = ClosureSerializer(many=True)
    contacts = CenterContactSerializer(source="public_contacts", many=True)
    last_checked = serializers.DateTimeField(source="last_verified_at", allow_null=True)
    modified = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Center
        fields = [
            "id",
            "url",
            "web_url",
            "name",
            "names",
            "kind",
            "status",
            "state",
            "area_served",
            "host_organization",
            "address",
            "latitude",
            "longitude",
            "email",
            "phone",
            "website",
            "description",
            "services",
            "languages",
            "channels",
            "target_groups",
            "accessibility",
            "schedules",
            "closures",
            "contacts",
            "last_checked",
            "modified",
        ]

    def get_url(self, obj) -> str:
        return api_url(self.context.get("request"), "center-detail", obj.slug)

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "states": {"type": "array", "items": {"type": "string"}},
                "districts": {"type": "array", "items": {"type": "string"}},
                "description": TRANSLATED_SCHEMA,
            },
        }
    )
    def get_area_served(self, obj):
        return {
            "states": [state.code for state in obj.served_states.all()],
            "districts": [d.strip() for d in obj.served_districts.splitlines() if d.strip()],
            "description": {"de": obj.region_served_de, "en": obj.region_served_en},
        }

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                key: {"type": "string"}
                for key in ("address_1", "postal_code", "city", "state_province", "country")
            },
        }
    )
    def get_address(self, obj):
        return {
            "address_1": obj.street,
            "postal_code": obj.postal_code,
            "city": obj.city,
            "state_province": obj.state.code,
            "country": "DE",
        }

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                key: {"type": "boolean"} for key in ("in_person", "phone", "video", "email")
            },
        }
    )
    def get_channels(self, obj):
        return {
            "in_person": obj.offers_in_person,
            "phone": obj.offers_phone,
            "video": obj.offers_video,
            "email": obj.offers_email,
        }

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "step_free_access": {"type": "boolean", "nullable": True},
                "description": TRANSLATED_SCHEMA,
            },
        }
    )
    def get_accessibility(self, obj):
        return {
            "step_free_access": obj.step_free_access,
            "description": {"de": obj.accessibility_de, "en": obj.accessibility_en},
        }


# --- partners ---------------------------------------------------------------------------------


class PartnerContactSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="role")

    class Meta:
        model = PartnerContact
        fields = ["name", "title", "email", "phone"]


class CooperationSerializer(serializers.ModelSerializer):
    center = serializers.CharField(source="center.slug")
    center_url = serializers.SerializerMethodField()

    class Meta:
        model = Cooperation
        fields = ["center", "center_url", "kind", "since"]

    def get_center_url(self, obj) -> str:
        return api_url(self.context.get("request"), "center-detail", obj.center.slug)


class PartnerSerializer(NamedMixin, serializers.ModelSerializer):
    id = serializers.CharField(source="slug")
    url = serializers.SerializerMethodField()
    web_url = WebUrlField()
    kind = PartnerKindSerializer()
    country = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    description = TranslatedField("description")
    topics = TopicSerializer(many=True)
    parent = serializers.SerializerMethodField()
    cooperations = CooperationSerializer(source="public_cooperations", many=True)
    contacts = PartnerContactSerializer(source="public_contacts", many=True)
    last_checked = serializers.DateTimeField(source="last_verified_at", allow_null=True)
    modified = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Partner
        fields = [
            "id",
            "url",
            "web_url",
            "name",
            "names",
            "kind",
            "location_type",
            "country",
            "city",
            "address",
            "latitude",
            "longitude",
            "email",
            "phone",
            "website",
            "description",
            "topics",
            "parent",
            "cooperations",
            "contacts",
            "last_checked",
            "modified",
        ]

    def get_url(self, obj) -> str:
        return api_url(self.context.get("request"), "partner-detail", obj.slug)

    def get_parent(self, obj) -> str | None:
        """The parent's id while it is in the directory (an inactive one has no page)."""
        parent = obj.parent
        return parent.slug if parent and parent.status == Partner.Status.ACTIVE else None


# --- meetings ---------------------------------------------------------------------------------


class SpeakerSerializer(serializers.ModelSerializer):
    role = TranslatedField("role")
    partner = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Speaker
        fields = ["name", "organisation", "role", "partner"]


class SessionSerializer(serializers.ModelSerializer):
    title = TranslatedField("title")
    description = TranslatedField("description")
    starts = HourMinuteField()
    ends = HourMinuteField()
    speakers = SpeakerSerializer(many=True)
    topics = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Session
        fields = ["day", "starts", "ends", "title", "description", "kind", "room"]
        fields += ["speakers", "topics"]


class MeetingSerializer(serializers.ModelSerializer):
    """A public meeting. Never its online link, seats taken or anything of a participant."""

    id = serializers.CharField(source="slug")
    url = serializers.SerializerMethodField()
    web_url = WebUrlField()
    title = TranslatedField("title")
    description = TranslatedField("description")
    host_center = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    registration = serializers.SerializerMethodField()
    days = serializers.SerializerMethodField()
    sessions = SessionSerializer(many=True)
    modified = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "url",
            "web_url",
            "title",
            "description",
            "kind",
            "format",
            "status",
            "year",
            "starts_at",
            "ends_at",
            "venue",
            "host_center",
            "registration",
            "days",
            "sessions",
            "modified",
        ]

    def get_url(self, obj) -> str:
        return api_url(self.context.get("request"), "meeting-detail", obj.slug)

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "mode": {"type": "string", "enum": Meeting.RegistrationMode.values},
                "opens_at": {"type": "string", "format": "date-time", "nullable": True},
                "closes_at": {"type": "string", "format": "date-time", "nullable": True},
                "is_open": {"type": "boolean"},
            },
        }
    )
    def get_registration(self, obj):
        field = serializers.DateTimeField()
        return {
            "mode": obj.registration_mode,
            "opens_at": field.to_representation(obj.registration_opens_at)
            if obj.registration_opens_at
            else None,
            "closes_at": field.to_representation(obj.registration_closes_at)
            if obj.registration_closes_at
            else None,
            "is_open": obj.is_open_for_registration(),
        }

    @extend_schema_field({"type": "array", "items": {"type": "string", "format": "date"}})
    def get_days(self, obj):
        """The days of the programme; without one, every calendar day of the meeting (Berlin)."""
        days = {session.day for session in obj.sessions.all()}
        if not days:
            first, last = localdate(obj.starts_at), localdate(obj.ends_at)
            days = {first + timedelta(days=n) for n in range((last - first).days + 1)}
        return [day.isoformat() for day in sorted(days)]


# --- downloads --------------------------------------------------------------------------------


@extend_schema_serializer(many=False)  # one collection, though the view lists rows
class FeatureCollection(serializers.Serializer):
    """GeoJSON (RFC 7946): a Feature per entry, `geometry` null without coordinates."""

    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = serializers.ListField(child=serializers.DictField())
