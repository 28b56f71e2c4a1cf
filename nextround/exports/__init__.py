"""Downloads as bytes, from pure functions: the cleaned table (the action plan lives in ``nextround.plan``)."""
