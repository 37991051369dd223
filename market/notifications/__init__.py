"""Notifications: the outbox every state change writes to, in its own transaction."""
