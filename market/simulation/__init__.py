"""A simulated city (`linggong simulate`): N days of employers and workers driven through the real services."""
