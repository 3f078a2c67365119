"""Django plumbing every app shares: user model, base models, roles and capabilities, access
checks, application errors, audit log and background-task progress. Imports no Lynchpin app."""
