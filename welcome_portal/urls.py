from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from accounts.views import signup_refused

from . import views
from .sitemaps import SITEMAPS

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Welcome Portal"
admin.site.site_title = "Welcome Portal"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("metrics", views.metrics_view, name="metrics"),
    path("language/<str:code>/", views.switch_language, name="switch_language"),
    path("accounts/signup/", signup_refused, name="signup_refused"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
]
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("accessibility/", views.PageView.as_view(page="accessibility"), name="accessibility"),
    path("accessibility/report/", include("feedback.urls")),
    path("leichte-sprache/", views.PageView.as_view(page="easy_read"), name="easy_read"),
    path("privacy/", views.PageView.as_view(page="privacy"), name="privacy"),
    path("imprint/", views.PageView.as_view(page="imprint"), name="imprint"),
    path("centers/", include("centers.urls")),
    path("regions/", include("centers.region_urls")),
    path("partners/", include("partners.urls")),
    path("events/", include("events.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
