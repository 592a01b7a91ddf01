"""Django's own messages that the portal words differently in German.

Django's German catalogue addresses the reader with "du" ("Gib eine gültige E-Mail Adresse
an."); the portal speaks "Sie". Naming the message ids here keeps them in the project's
catalogue (locale/, first in LOCALE_PATHS) when `make messages-project` extracts it afresh.
"""

from django.utils.translation import gettext_noop

OVERRIDDEN = (gettext_noop("Enter a valid email address."),)
