# The two commands of the README. Each sets up what it needs first (idempotent), then does its job.
.PHONY: run test lint bench sample

run:  ## set up and start the dashboard on http://localhost:8501
	@scripts/setup.sh
	.venv/bin/python scripts/serve.py --server.port $${PORT:-8501}

test:  ## set up (incl. Chromium) and run lint, the type check, and every test tier
	@scripts/setup.sh --test
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	.venv/bin/python -m pytest

bench:  ## speed and size ratios (see bench/README.md)
	@scripts/setup.sh --test
	.venv/bin/python bench/run_all.py

sample:  ## regenerate nextround/data/sample_applications.xlsx from its seed
	@scripts/setup.sh
	.venv/bin/python scripts/make_sample_data.py
