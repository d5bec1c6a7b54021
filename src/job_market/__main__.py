"""``python -m job_market`` runs the raw data generator's CLI."""
import sys

from .generator import main

sys.exit(main())
