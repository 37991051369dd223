"""Training courses and the suggestions that point workers one step from a short trade at them (issue 14)."""
