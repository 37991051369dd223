"""Gig stations (零工驿站) and the staff who work there."""
