"""Route modules, one per page or area; each handler calls the services and renders."""
