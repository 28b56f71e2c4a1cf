"""The plan written as files: pure functions that turn a PlanDocument into the bytes of one format each
(``nextround.plan.formats`` names them for the page and the command line)."""
