"""People: contacts, vendors, crew and cast engagements, and their deal memos (confidential)."""
