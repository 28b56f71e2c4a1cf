"""After a rejection: who to follow up with, the email drafts, and the interview reflection."""
