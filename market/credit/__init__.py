"""Employer credit grades A/B/C/D (issue 13): rule-based over 12 months, explained, with notice, review and effects."""
