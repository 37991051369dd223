"""Shared building blocks of the market service used by every domain package."""
