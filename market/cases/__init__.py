"""Wage complaints and cases (一案一档): one queue for every channel, an owner, clocks, a trail, a follow-up."""
