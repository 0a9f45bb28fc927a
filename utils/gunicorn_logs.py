"""Two lines Gunicorn writes that say nothing is wrong, dropped from its log with the
reason known (gunicorn.conf.py says what is logged instead):

- "Error while closing socket [Errno 9] Bad file descriptor" at every worker's stop:
  Uvicorn's worker has closed its listening socket already, and Gunicorn closes it again.
- "Listening at:  (pid)" with no address, when each worker binds its own SO_REUSEPORT
  socket (several workers): the master then holds no socket to name. gunicorn.conf.py's
  `when_ready` logs the address instead.
"""

from __future__ import annotations

import errno
import logging


class UnderstoodNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.msg == "Error while closing socket %s" and args:
            return f"[Errno {errno.EBADF}]" not in str(args[0])
        if record.msg == "Listening at: %s (%s)" and args:
            return bool(args[0])
        return True
