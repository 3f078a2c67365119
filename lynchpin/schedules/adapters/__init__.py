"""Rows <-> engine values: the only place where the schedules app meets the engine.

- `strips`: scene rows of a draft -> engine strips (cached per draft version)
- `cast`: the people app's cast engagements and deal memos -> board numbers, daily costs
- `facts`, `facts_import`: facts rows <-> the engine `Production` of a production file
- `plan`: facts + strips + board -> `ScheduleProblem` and `Schedule` (`Plan`)
- `board`: board rows <-> engine `Schedule`; proposal JSON
- `conflicts`: engine violations tied to strips; `view`: what the stripboard shows
"""
