"""Wage complaints and cases: one file per case, owners, working-day deadlines, a hash-chained trail (issue 12)."""
