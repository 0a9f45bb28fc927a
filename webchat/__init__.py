"""The web chat's own server pieces: the sign-in kept across reloads, and its headers."""
