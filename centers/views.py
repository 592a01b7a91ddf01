from django.views.generic import DetailView, ListView

from .models import Center, State


class CenterListView(ListView):
    model = Center
    paginate_by = 20


class CenterDetailView(DetailView):
    model = Center


class StateListView(ListView):
    model = State


class StateDetailView(DetailView):
    model = State
    slug_field = "code"
    slug_url_kwarg = "code"
