"""Downloads of the plan: pure functions that return the bytes of one file each."""
