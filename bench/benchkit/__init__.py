"""The benchmark behind `make bench` (bench/run.py): common, data, commands, runs, summary."""
