"""``python -m clio`` runs the CLI."""

from clio.cli import entrypoint

entrypoint()
