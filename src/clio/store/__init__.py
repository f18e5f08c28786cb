"""Storage: the only package that talks to the database (SQLAlchemy 2 + Alembic)."""
