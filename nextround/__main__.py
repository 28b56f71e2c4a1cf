"""``python -m nextround`` runs the command line."""

import sys

from nextround.cli import main

sys.exit(main())
