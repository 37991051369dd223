"""Background jobs: one seam for enqueueing, arq on Redis in production, an in-process runner by default."""
