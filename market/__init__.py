"""Linggong market service: the web app, tables, domain services, background jobs and CLI."""
