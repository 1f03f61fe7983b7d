"""The HTTP service: a JSON API and a web page to read a summary beside its sources.

Needs the ``server`` extra (FastAPI, uvicorn). ``tomtat serve`` runs it;
``create_app(ServerConfig(...))`` builds the ASGI app for any other server.
"""

from tomtat.server.app import create_app
from tomtat.server.config import ServerConfig

__all__ = ["ServerConfig", "create_app"]
