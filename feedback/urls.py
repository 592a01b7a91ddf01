from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.BarrierReportView.as_view(), name="barrier_report"),
    path("thanks/", views.BarrierThanksView.as_view(), name="barrier_thanks"),
]
