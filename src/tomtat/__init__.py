"""tomtat: attributed multi-document summaries of Vietnamese news clusters.

>>> import tomtat
>>> s = tomtat.summarize(["Hà Nội mưa lớn. Nhiều tuyến phố ngập sâu.",
...                       "Mưa lớn khiến nhiều tuyến phố ở Hà Nội ngập sâu."], words=20)
>>> s.word_count <= 20
True
"""

from tomtat.api import clean, summarize, summarize_cluster
from tomtat.errors import InputError, TomtatError
from tomtat.model import (
    Article,
    Budget,
    CleanArticle,
    Cluster,
    Entity,
    Extract,
    Removal,
    Sentence,
    Summary,
    TimelineEvent,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Budget",
    "CleanArticle",
    "Cluster",
    "Entity",
    "Extract",
    "InputError",
    "Removal",
    "Sentence",
    "Summary",
    "TimelineEvent",
    "TomtatError",
    "clean",
    "summarize",
    "summarize_cluster",
    "__version__",
]
