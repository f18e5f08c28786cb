"""The one exception root of Clio, and its few subclasses.

Every edge (CLI, web) catches :class:`ClioError` in one place and turns it into a message,
an exit code, an HTML page or JSON: the attributes below tell it how.
"""

from __future__ import annotations


class ClioError(Exception):
    """Root of every error Clio raises on purpose."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(ClioError):
    """The user asked for something that cannot be done as asked (bad option, unknown name)."""

    exit_code = 2
    http_status = 400


class InputError(ClioError):
    """Input that cannot be used: names the file, the line and the reason."""

    exit_code = 3
    http_status = 400

    def __init__(
        self,
        reason: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        super().__init__(self._format())

    def _format(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        if self.field:
            where += f", field {self.field!r}"
        return f"{where}: {self.reason}"


class NotFoundError(ClioError):
    """Something named does not exist (a topic, a learner, an item)."""

    exit_code = 3
    http_status = 404


class PermissionDenied(ClioError):
    """The current user may not see or change this."""

    exit_code = 3
    http_status = 403


class ConflictError(ClioError):
    """The request clashes with what is stored (duplicate name, stale version)."""

    exit_code = 3
    http_status = 409
