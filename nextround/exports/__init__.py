"""Downloads as bytes from pure functions: the cleaned table (the plan's own are in ``nextround.plan``)."""
