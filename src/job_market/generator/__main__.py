"""``python -m job_market.generator`` runs the generator's command line."""
import sys

from .api import main

sys.exit(main())
