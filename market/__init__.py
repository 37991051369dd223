"""Linggong market service: the web app, its data, its background jobs and its command line."""

import os

# Piccolo finds its configuration through this variable; the market sets it so nobody else has to.
os.environ.setdefault("PICCOLO_CONF", "market.piccolo_conf")
