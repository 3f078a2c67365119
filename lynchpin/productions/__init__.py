"""Productions: the production itself, its units and episodes, members with roles, invitations."""
