"""`python -m sidelines` runs the command line."""

from sidelines.cli import main

raise SystemExit(main())
