from django.template.response import TemplateResponse


def signup_refused(request):
    """No public sign-up: agency staff create accounts and send the invitation."""
    return TemplateResponse(request, "account/signup_closed.html", status=403)
