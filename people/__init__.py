"""People who sign in: accounts, roles in organisations, tokens, one-time links."""
