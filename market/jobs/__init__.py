"""Jobs: postings with a place, a time, a headcount and pay."""
