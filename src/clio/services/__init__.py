"""Service functions: the one place the CLI and the web app call into the core."""
