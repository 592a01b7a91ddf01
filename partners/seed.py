"""Demo partners for seed_demo: idempotent, bulk, and never touching rows staff have edited."""

from dataclasses import replace

from .models import Cooperation, Partner, PartnerKind, Topic
from .seed_data import FEDERAL_PARTNERS, GOETHE, PartnerSpec, goethe_specs


def _specs(scale: int) -> list[PartnerSpec]:
    branches = goethe_specs()
    specs = [*branches, *FEDERAL_PARTNERS]
    # --scale N: N-1 numbered copies of every branch, for benchmarks.
    for copy in range(2, scale + 1):
        specs += [
            replace(
                b,
                slug=f"{b.slug}-{copy}",
                name=f"{b.name} ({copy})",
                name_en=f"{b.name_en} ({copy})" if b.name_en else "",
            )
            for b in branches
            if b.parent
        ]
    return specs


def _partner(spec: PartnerSpec, kinds, parents) -> Partner:
    return Partner(
        slug=spec.slug,
        name=spec.name,
        name_en=spec.name_en,
        short_name=spec.short_name,
        short_name_en=spec.short_name_en,
        kind=kinds[spec.kind],
        parent=parents.get(spec.parent),
        location_type=spec.location_type,
        country=spec.country,
        city=spec.city,
        city_en=spec.city_en,
        address=spec.address,
        latitude=spec.latitude,
        longitude=spec.longitude,
        website=spec.website,
        email=spec.email,
        phone=spec.phone,
        description_de=spec.description_de,
        description_en=spec.description_en,
    )


def seed_partners(*, scale: int, centers) -> list[Partner]:
    """Create the missing demo partners, their topics and cooperations; return all partners."""
    kinds = {k.slug: k for k in PartnerKind.objects.all()}
    specs = _specs(scale)
    existing = set(Partner.objects.values_list("slug", flat=True))
    new = [s for s in specs if s.slug not in existing]
    Partner.objects.bulk_create(
        [_partner(s, kinds, {}) for s in new if not s.parent], batch_size=500
    )
    parents = {p.slug: p for p in Partner.objects.filter(slug=GOETHE)}
    Partner.objects.bulk_create(
        [_partner(s, kinds, parents) for s in new if s.parent], batch_size=500
    )
    partners = {p.slug: p for p in Partner.objects.filter(slug__in=[s.slug for s in new])}
    _add_topics(new, partners)
    _add_cooperations(specs, list(centers))
    return list(Partner.objects.all())


def _add_topics(specs: list[PartnerSpec], partners: dict[str, Partner]) -> None:
    topics = {t.slug: t for t in Topic.objects.all()}
    Link = Partner.topics.through
    Link.objects.bulk_create(
        [
            Link(partner_id=partners[s.slug].pk, topic_id=topics[slug].pk)
            for s in specs
            for slug in s.topics
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )


def _add_cooperations(specs: list[PartnerSpec], centers: list) -> None:
    """Every center works with the federal partners; the Goethe branches are shared out."""
    if not centers:
        return
    ids = dict(Partner.objects.values_list("slug", "pk"))
    pairs = [(s, center) for s in FEDERAL_PARTNERS[2:] for center in centers]
    branches = [s for s in specs if s.parent]
    pairs += [(b, centers[i % len(centers)]) for i, b in enumerate(branches)]
    Cooperation.objects.bulk_create(
        [
            Cooperation(partner_id=ids[spec.slug], center=center, kind=spec.cooperation)
            for spec, center in pairs
            if spec.slug in ids
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
