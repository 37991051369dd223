"""Accounts: users, roles, login and the guards that check them."""
