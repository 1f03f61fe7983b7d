"""Story structure of a cluster: timeline, actors, sub-events and keywords.

``analyze(articles, sentences) -> Story`` is the entry point the pipeline calls after
splitting. One module per job: ``dates`` (time expressions), ``timeline`` (dated
events merged across articles), ``entities`` (people, organisations, places),
``events`` (sub-events and which sentence tells which), ``keywords``.
"""

from tomtat.story.stage import Story, analyze
from tomtat.story.events import SubEvent, event_index

__all__ = ["Story", "SubEvent", "analyze", "event_index"]
