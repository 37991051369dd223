"""Employers: the firms and households that post work, and their credit grade."""
