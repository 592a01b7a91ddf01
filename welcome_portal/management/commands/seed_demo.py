from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from accounts.seed import seed_accounts
from centers.seed import seed_centers
from events.seed import seed_events
from partners.seed import seed_partners


class Command(BaseCommand):
    help = "Load the demo data (idempotent): states, centers, partners, meetings, demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Multiply centers, partners and participants."
        )
        parser.add_argument(
            "--with-accounts",
            action="store_true",
            help="Create the demo accounts even with DEBUG off.",
        )

    def handle(self, *args, scale, with_accounts, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        create_accounts = settings.DEBUG or with_accounts
        with transaction.atomic():
            users = seed_accounts() if create_accounts else {}
            centers = seed_centers(scale=scale, editor=users.get("editor@example.org"))
            partners = seed_partners(scale=scale, centers=centers)
            seed_events(
                scale=scale,
                centers=centers,
                partners=partners,
                organizer=users.get("organizer@example.org"),
            )
        if connection.vendor == "postgresql":
            # Fresh statistics: without them the planner takes the tables for empty until
            # autovacuum comes round, and picks plans a hundred times slower than it should.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if not create_accounts:
            self.stdout.write("DEBUG is off: no demo accounts created (use --with-accounts).")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
