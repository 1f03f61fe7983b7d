"""Cleaning: web debris out, content kept, every removal recorded with its reason."""

from tomtat.clean.cleaner import clean_article, clean_cluster
from tomtat.clean.normalize import normalize_text

__all__ = ["clean_article", "clean_cluster", "normalize_text"]
