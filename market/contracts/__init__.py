"""Electronic contracts inside the market: issuing one when an order is accepted, storing and serving it."""
