"""Orders: one worker's acceptance of a job, and its life until the wage is confirmed."""
