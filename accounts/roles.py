"""The portal's roles, as auth groups created by a data migration."""

AGENCY_STAFF = "Agency staff"
CENTER_EDITORS = "Center editors"
ORGANIZERS = "Organizers"
