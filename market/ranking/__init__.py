"""Matching wired into the service: the change table, the per-process matching state and the ranked lists."""
