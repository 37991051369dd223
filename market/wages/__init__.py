"""Wage protection: the pay-by watch and graded warnings (蓝/黄/红) on a board (issue 12)."""
