"""Downloads as bytes from pure functions: the cleaned table and formula safety (the plan has its own)."""
