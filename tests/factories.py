"""factory_boy factories, one section per app."""

import factory
from django.conf import settings

# --- accounts ---------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Faker("name")
    password = factory.django.Password("correct-horse-battery")


# --- centers ----------------------------------------------------------------------------------

# --- partners ---------------------------------------------------------------------------------

# --- events -----------------------------------------------------------------------------------
