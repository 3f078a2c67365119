"""Pages of timecards, under /productions/<production_id>/timecards/ (namespace
``timecards``): a section of its own beside People, because crew and cast open their own
timecards here without being able to open the people pages."""

from __future__ import annotations

from django.urls import path

from lynchpin.people.timecards import views

app_name = "timecards"

urlpatterns = [
    path("", views.index, name="index"),
    path("planned-day/", views.planned, name="planned"),
    path("payroll-accounts/", views.accounts, name="accounts"),
    path("<int:engagement_id>/", views.week, name="week"),
    path("<int:engagement_id>/submit/", views.week_action, {"action": "submit"},
         name="submit"),
    path("<int:engagement_id>/approve/", views.week_action, {"action": "approve"},
         name="approve"),
    path("<int:engagement_id>/send-back/", views.week_action, {"action": "send_back"},
         name="send_back"),
]
