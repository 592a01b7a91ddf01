from django.views.generic import TemplateView


class MeetingListView(TemplateView):
    template_name = "events/meeting_list.html"
