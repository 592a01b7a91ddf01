from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every .po catalogue of the project into .mo (pure Python, no gettext needed)."

    def handle(self, *args, **options):
        folders = {Path(p) for p in settings.LOCALE_PATHS}
        folders |= {
            Path(app.path) / "locale"
            for app in apps.get_app_configs()
            if Path(app.path).parent == settings.BASE_DIR
        }
        compiled = 0
        for folder in folders:
            for po_path in folder.glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
