"""A Django project served by ``manage.py runserver`` in a subprocess, for tests that
must see a site as a reader or an editor does: its own process, settings and database.

::

    with Server(PROJECT, env, tmp_path / "server.log") as server:
        requests.get(server.url + "/en/")

:meth:`Server.start` returns at once, so several servers can start side by side before
:meth:`Server.wait_until_ready`. A server that dies or does not answer in time fails
the test with the end of its log.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

#: How much of the end of a server's log a failure shows.
LOG_TAIL = 10_000


def free_port() -> int:
    """A TCP port nobody listens on now (the server binds it a moment later)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``manage.py runserver --noreload`` of ``project`` on a free port of 127.0.0.1.

    ``python`` runs ``manage.py`` (another virtualenv's interpreter, for instance);
    ``ready_path`` is the page that answers 200 once the project is up.
    """

    def __init__(
        self,
        project: Path,
        env: dict[str, str],
        log: Path,
        *,
        python: str = sys.executable,
        ready_path: str = "/admin/login/",
        timeout: float = 60,
    ):
        self.project = project
        self.env = env
        self.log = log
        self.python = python
        self.ready_path = ready_path
        self.timeout = timeout
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> Server:
        with self.log.open("w") as out:
            self.process = subprocess.Popen(  # noqa: S603 - our own or the tutorial's project
                [self.python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
                cwd=self.project,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        return self

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-LOG_TAIL:] if self.log.exists() else ""

    def wait_until_ready(self) -> None:
        """Return once ``ready_path`` answers 200; fail if the server exits or the
        timeout passes first."""
        assert self.process is not None, "start() the server first"
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                urllib.request.urlopen(self.url + self.ready_path, timeout=5)  # noqa: S310
                return
            except (urllib.error.URLError, ConnectionError) as error:
                problem = error
            assert self.process.poll() is None, (
                f"the server on {self.url} exited with status {self.process.returncode}:\n"
                + self.log_tail()
            )
            assert time.monotonic() < deadline, (
                f"the server on {self.url} did not answer {self.ready_path} within "
                f"{self.timeout:g} s (last: {problem}):\n" + self.log_tail()
            )
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def __enter__(self) -> Server:
        self.start()
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
