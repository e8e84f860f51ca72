"""Dialogs; each has an `ask(...)` classmethod returning the result or None."""
