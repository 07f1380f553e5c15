"""`python -m sidelines.bench`: time builds of a synthetic corpus."""

from sidelines.bench.run import main

raise SystemExit(main())
