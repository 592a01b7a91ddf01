from allauth.account.adapter import DefaultAccountAdapter

from .tools import tools_for


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After logging in, each lands on their tool (organizers on their dashboard, staff in
        the back office, editors on their center's form); others on the usual page."""
        tools = tools_for(request.user)
        return tools[0]["url"] if tools else super().get_login_redirect_url(request)
