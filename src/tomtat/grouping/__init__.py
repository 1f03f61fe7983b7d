"""Story grouping: a stream of articles -> clusters of articles about one story.

Named ``grouping`` (not ``cluster``) so it never reads as ``tomtat.model.Cluster``.
``group_articles(articles, options)`` returns ``ArticleGroup`` objects whose ``to_dict()`` is
the cluster JSONL line ``tomtat batch`` reads.
"""

from tomtat.grouping.group import ArticleGroup, GroupingOptions, group_articles

__all__ = ["ArticleGroup", "GroupingOptions", "group_articles"]
