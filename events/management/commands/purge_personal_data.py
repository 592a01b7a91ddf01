from django.core.management.base import BaseCommand

from events.services import personal_data_purge


class Command(BaseCommand):
    help = "Anonymise the registrations of meetings whose retention period has ended."

    def handle(self, *args, **options):
        count = personal_data_purge()
        self.stdout.write(f"Anonymised {count} registration(s).")
