"""The back office (issue 14): stations, staff, users, bars, trades, the admin side of courses, the admin log."""
