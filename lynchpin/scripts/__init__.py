"""Scripts: screenplay drafts (revision colours), scenes, characters and the breakdown.

A production's screenplay is stored as `ScriptVersion`s. The first draft is applied directly;
a later draft waits as ``pending_review`` with its revision report until someone applies or
discards it. The current (``ready``) draft's scenes carry the breakdown: `SceneElement`s
linking each scene to the production's `BreakdownElement`s, suggested by the engine and
accepted, rejected, added or edited by people. See docs/web/scripts.md.
"""
