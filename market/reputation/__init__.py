"""Ratings and worker reliability (issue 13): two-way ratings after a completed order, over a rolling window."""
