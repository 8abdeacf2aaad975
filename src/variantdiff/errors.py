"""Errors raised by variantdiff.

Every error the library raises on purpose derives from :class:`VariantdiffError`;
the command line turns it into one line on stderr and exit code 2::

    VariantdiffError
    ├── InputError      a file that cannot be read as text (missing, binary,
    │                   empty, undecodable, a directory)
    ├── UsageError      options that do not make sense together
    └── WorkerError     a worker process stopped (killed, out of memory)
"""

from __future__ import annotations


class VariantdiffError(Exception):
    """Base class: a problem the user can fix; the message says how."""


class InputError(VariantdiffError):
    """An input file that cannot be used. ``str(err)`` names the file."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        from .files import display_path

        self.path = display_path(path)
        self.problem = problem
        self.hint = hint
        message = f"{self.path}: {problem}"
        if hint:
            message += f"; {hint}"
        super().__init__(message)


class UsageError(VariantdiffError):
    """Options or arguments that cannot work together."""


class WorkerError(VariantdiffError):
    """A worker process stopped before finishing its work (killed, or out of memory)."""
