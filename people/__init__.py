"""People who sign in: accounts, roles in organisations, tokens, one-time links, single
sign-on. May import `tenancy`, `config` and `utils`."""
