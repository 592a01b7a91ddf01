from django.views.generic import DetailView, ListView

from .models import Partner


class PartnerListView(ListView):
    model = Partner
    paginate_by = 20


class PartnerDetailView(DetailView):
    model = Partner
