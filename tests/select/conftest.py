"""Fixtures for selection tests: the invented clusters of ``select_fixtures``.

The suite runs with ``--import-mode=importlib``, so this folder is put on the path
here for the test modules to import the helpers (``build``, ``find``, ``STORM``).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from select_fixtures import storm, storm_with_copy  # noqa: E402,F401
