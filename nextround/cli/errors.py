"""The error a command raises to stop with a one-line reason (exit code 2)."""


class CliError(Exception):
    """The command cannot go on; str(error) is the one-line reason."""
