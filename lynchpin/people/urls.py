"""Pages of people, under /productions/<production_id>/people/."""

from __future__ import annotations

from django.urls import path

from lynchpin.people import views

app_name = "people"

urlpatterns = [
    path("", views.contacts, name="contacts"),
    path("contacts/new/", views.contact_new, name="contact_new"),
    path("contacts/<int:contact_id>/", views.person, name="person"),
    path("contacts/<int:contact_id>/edit/", views.contact_edit, name="contact_edit"),
    path("crew/", views.crew, name="crew"),
    path("cast/", views.cast, name="cast"),
    path("vendors/", views.vendors, name="vendors"),
    path("vendors/new/", views.vendor_new, name="vendor_new"),
    path("vendors/<int:vendor_id>/edit/", views.vendor_edit, name="vendor_edit"),
    path("engagements/new/", views.engagement_new, name="engagement_new"),
    path("engagements/<int:engagement_id>/edit/", views.engagement_edit,
         name="engagement_edit"),
    path("engagements/<int:engagement_id>/end/", views.engagement_end, name="engagement_end"),
    path("engagements/<int:engagement_id>/deal/", views.deal_memo, name="deal_memo"),
]
