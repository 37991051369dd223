"""Exports for the bureau (issue 14): CSV (and xlsx) of every figure and raw list, masked, each one recorded."""
