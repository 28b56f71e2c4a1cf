"""Since last time: what changed between two versions of the user's tracker, and the applications the
two have in common (company + role + date applied)."""
