"""The market's figures (issue 14): each defined once, by day/week/month, district and station, fast on a year."""
