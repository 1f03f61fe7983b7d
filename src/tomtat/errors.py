"""Errors tomtat reports to the user as one clear line (never a traceback)."""

from __future__ import annotations


class TomtatError(Exception):
    """Base class: the message is meant for the user as it is."""


class InputError(TomtatError):
    """The input cannot be read or understood (missing path, bad encoding, bad JSON)."""


class BudgetError(TomtatError):
    """A length budget that makes no sense (negative words, ratio above 1, ...)."""
