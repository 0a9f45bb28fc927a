"""The Model Context Protocol server at /mcp: our assistants and documents as tools and
resources for other AI clients, each call made through the REST views in-process."""
