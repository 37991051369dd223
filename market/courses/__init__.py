"""Training courses and suggestions (issue 14): courses by stations and admins, short trades, the nearest one."""
