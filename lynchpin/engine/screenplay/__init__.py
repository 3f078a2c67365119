"""Screenplay import: Fountain, Final Draft .fdx and PDF into one `Script` value, and pagination."""
