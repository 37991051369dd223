"""Worker profiles: who a worker is, what they can do, where and for how much."""
