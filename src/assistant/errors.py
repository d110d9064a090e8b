"""One error hierarchy. Every message is Vietnamese, written for the person using the app or the CLI.

The edges (app.py, cli.py) show `str(error)` of an `AssistantError` as it is, and `user_message()`
for anything else: never an internal exception name.
"""

from __future__ import annotations

import errno


class AssistantError(Exception):
    """Something the user can act on; the message says what happened and what to do."""


class IndexMissing(AssistantError):
    """No usable index yet (or it was built by a model that is not available)."""


class DocumentUnreadable(AssistantError):
    """A file whose text cannot be read (corrupt, encrypted, scanned image, unknown encoding)."""


class NotInLibrary(AssistantError):
    """A document named by the user is not in the knowledge folder."""


class ConfigError(AssistantError):
    """A setting that cannot work as given (unreadable login file, public address without login...)."""


GENERIC = "Đã có lỗi ngoài dự kiến; thao tác chưa thực hiện được. Hãy thử lại, nếu vẫn lỗi hãy báo quản trị viên."


def user_message(exc: BaseException) -> str:
    """What to show for an error: our own message, or a plain sentence (details stay in the log)."""
    if isinstance(exc, AssistantError):
        return str(exc) or GENERIC
    if isinstance(exc, OSError):
        return _OS_ERRORS.get(exc.errno or 0, "Không đọc/ghi được tệp trên máy chủ.")
    return GENERIC


_OS_ERRORS = {
    errno.EACCES: "Máy chủ không có quyền đọc/ghi tệp này.",
    errno.ENOSPC: "Ổ đĩa của máy chủ đã đầy.",
    errno.ENOENT: "Không tìm thấy tệp trên máy chủ.",
}
