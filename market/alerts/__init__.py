"""Pools, invitations and tiered job alerts (issue 13): the pool first, then the best-ranked, then the rest."""
