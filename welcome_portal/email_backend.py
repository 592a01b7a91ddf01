"""The default e-mail backend without EMAIL_URL: every message on the console and in a file of
its own under var/mail/ (`<time>-<random>.eml`), so that a batch of invitations can be read one
by one and opened in a mail program."""

import sys
import uuid
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class ConsoleAndFileBackend(BaseEmailBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_path = Path(file_path or settings.EMAIL_FILE_PATH)

    def send_messages(self, email_messages) -> int:
        self.file_path.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            mime = message.message()
            stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
            name = f"{stamp}-{uuid.uuid4().hex[:12]}.eml"
            (self.file_path / name).write_bytes(mime.as_bytes())
            sys.stdout.write(mime.as_string() + "\n" + "-" * 79 + "\n")
        sys.stdout.flush()
        return len(email_messages)
