"""``python -m tomtat`` is the ``tomtat`` command."""

from tomtat.cli import main

raise SystemExit(main())
