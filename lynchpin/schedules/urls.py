"""Pages of the schedules app, under /productions/<production_id>/schedules/."""

from __future__ import annotations

from django.urls import path

from lynchpin.schedules.views import board, compare, facts, feeds, proposals

app_name = "schedules"

urlpatterns = [
    path("", board.schedule_list, name="list"),
    path("new/", board.schedule_create, name="create"),
    path("compare/", compare.compare, name="compare"),
    path("facts/", facts.facts, name="facts"),
    path("facts/import/", facts.facts_import, name="facts_import"),
    path("facts/performers/new/", facts.performer_edit, name="performer_new"),
    path("facts/performers/<int:performer_id>/", facts.performer_edit, name="performer"),
    path("facts/performers/<int:performer_id>/delete/", facts.performer_delete,
         name="performer_delete"),
    path("facts/locations/new/", facts.location_edit, name="location_new"),
    path("facts/locations/<int:location_id>/", facts.location_edit, name="location"),
    path("facts/locations/<int:location_id>/delete/", facts.location_delete,
         name="location_delete"),
    path("facts/moves/new/", facts.move_add, name="move_new"),
    path("facts/moves/<int:move_id>/delete/", facts.move_delete, name="move_delete"),
    path("calendar/", feeds.calendar, name="calendar"),
    path("calendar/<str:token>.ics", feeds.calendar_feed, name="calendar_feed"),
    path("proposals/<int:proposal_id>/", proposals.proposal, name="proposal"),
    path("proposals/<int:proposal_id>/apply/", proposals.proposal_apply, name="proposal_apply"),
    path("proposals/<int:proposal_id>/discard/", proposals.proposal_discard,
         name="proposal_discard"),
    path("proposals/<int:proposal_id>/stop/", proposals.proposal_stop, name="proposal_stop"),
    path("<int:schedule_id>/", board.board, name="board"),
    path("<int:schedule_id>/move/", board.strip_move, name="move"),
    path("<int:schedule_id>/days/add/", board.day_add, name="day_add"),
    path("<int:schedule_id>/days/<int:day_id>/remove/", board.day_remove, name="day_remove"),
    path("<int:schedule_id>/days/<int:day_id>/banners/", board.banner_add, name="banner_add"),
    path("<int:schedule_id>/banners/<int:banner_id>/remove/", board.banner_remove,
         name="banner_remove"),
    path("<int:schedule_id>/copy/", board.schedule_copy, name="copy"),
    path("<int:schedule_id>/lock/", board.schedule_lock, name="lock"),
    path("<int:schedule_id>/unlock/", board.schedule_unlock, name="unlock"),
    path("<int:schedule_id>/delete/", board.schedule_delete, name="delete"),
    path("<int:schedule_id>/optimise/", proposals.optimise, name="optimise"),
    path("<int:schedule_id>/replan/", proposals.replan, name="replan"),
    path("<int:schedule_id>/reprice/", proposals.reprice, name="reprice"),
    path("<int:schedule_id>/dood/", board.dood, name="dood"),
    path("<int:schedule_id>/download/<str:kind>", board.download, name="download"),
]
