"""A production topology on one machine: PostgreSQL, Redis, two app servers, Varnish in
front of both, and two task workers (docs/how-to/deploy.md). ``scripts/topology`` starts
it for a look; ``benchmarks/load.py --topology`` runs the load test through it.

Every service is a child process of this one, on loopback ports chosen at start, with
its log in the work directory; :meth:`Topology.stop` stops all of them.
"""

from __future__ import annotations

import glob
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example_project"
VCL_TEMPLATE = ROOT / "deploy" / "varnish.vcl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def wait_until_ready(process, port: int, path: str, timeout: float = 90.0) -> None:
    """Until the server answers 200 on ``path`` (or its process ends: an error)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on {port} exited with status {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server on {port} did not answer 200 on {path} in {timeout:.0f} s")


def _gunicorn_has_setting(name: str) -> bool:
    from gunicorn.config import KNOWN_SETTINGS

    return any(setting.name == name for setting in KNOWN_SETTINGS)


def gunicorn_command(port: int, workers: int, worker_class: str = "sync") -> list[str]:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "demo_site.wsgi:application",
        "--chdir",
        str(EXAMPLE),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--threads",
        "4" if worker_class == "gthread" else "1",
        "--timeout",
        "60",
        # A backlog above the reader count: no connection is refused while workers are busy.
        "--backlog",
        "512",
        "--error-logfile",
        "-",
        "--log-level",
        "info",
    ]
    if _gunicorn_has_setting("control_socket_disable"):
        # Newer gunicorns open a control socket in ~/.gunicorn/ unless told not to.
        command.append("--no-control-socket")
    return command


def spawn(command: list[str], log: Path, env: dict | None = None, **extra):
    """A child in its own session (Ctrl+C reaches only us; we stop it), output to ``log``."""
    with log.open("ab") as handle:
        return subprocess.Popen(  # noqa: S603 - fixed programs, our own arguments
            command,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **extra,
        )


def stop_process(process, grace: float = 10.0, sig: int = signal.SIGTERM) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def kill_process(process) -> None:
    """As a crash does: SIGKILL to the whole process group, no chance to clean up."""
    stop_process(process, grace=10.0, sig=signal.SIGKILL)


def start_gunicorn(port: int, workers: int, worker_class: str, env: dict, log: Path):
    return spawn(gunicorn_command(port, workers, worker_class), log, env)


def task_result_model():
    """django-tasks' database queue model (where the workers' tasks are)."""
    from ankasam_pubs.management.commands.requeue_orphaned_tasks import task_result_model

    return task_result_model()


# -- PostgreSQL --------------------------------------------------------------------------
def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run its programs as ``postgres``."""
    if os.geteuid() != 0:
        return command
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(_quote(part) for part in command)]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@dataclass
class Postgres:
    """A throwaway cluster in a temporary directory (as CI starts one)."""

    workdir: Path
    port: int = field(default_factory=free_port)
    bindir: str = ""

    def start(self) -> str:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key)
        if not found:
            raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
        self.bindir = found[-1]
        self.workdir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres")
        data = self.workdir / "data"
        subprocess.run(  # noqa: S603
            _as_postgres(
                [f"{self.bindir}/initdb", "-D", str(data), "-U", "postgres", "-A", "trust"]
                + ["-E", "UTF8", "--locale=C.UTF-8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(  # noqa: S603
            _as_postgres(
                [f"{self.bindir}/pg_ctl", "-D", str(data), "-l", str(self.workdir / "log")]
                + ["-w", "-o", options, "start"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(  # noqa: S603
            _as_postgres([f"{self.bindir}/createdb", "-h", "127.0.0.1", "-p", str(self.port)]) + [],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if not self.bindir:
            return
        subprocess.run(  # noqa: S603
            _as_postgres(
                [f"{self.bindir}/pg_ctl", "-D", str(self.workdir / "data"), "-m", "fast", "stop"]
            ),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in Path(path).parent.name.split(".") if part.isdigit())


# -- the topology ------------------------------------------------------------------------
@dataclass
class Service:
    name: str
    where: str
    process: subprocess.Popen | None = None
    log: Path | None = None


class Topology:
    """Redis, two gunicorns, Varnish and two ``db_worker`` processes around one database.

    ``env`` is the environment every Django process gets (DATABASE_URL and the like);
    the topology adds the Redis, Varnish and task settings the example site reads.
    """

    def __init__(self, workdir: Path, env: dict, *, app_workers: int = 2, task_workers: int = 2):
        self.workdir = workdir
        self.app_workers = app_workers
        self.redis_port = free_port()
        self.app_ports = [free_port(), free_port()]
        self.varnish_port = free_port()
        self.purge_port = free_port()
        self.task_workers = task_workers
        self.env = {
            **env,
            "DJANGO_REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DJANGO_VARNISH_URL": f"http://127.0.0.1:{self.purge_port}",
            "DJANGO_TASKS": "database",
            "PYTHONPATH": os.pathsep.join([str(EXAMPLE), str(ROOT)]),
        }
        self.services: dict[str, Service] = {}

    # Settings for this process too (the editor acts through the ORM, as an app would).
    def django_env(self) -> dict[str, str]:
        keys = ("DJANGO_REDIS_URL", "DJANGO_VARNISH_URL", "DJANGO_TASKS")
        return {key: self.env[key] for key in keys}

    def start(self, ready_path: str = "/en/") -> None:
        """Everything not started yet (Redis may already run: migrations need the cache)."""
        self.start_redis()
        for number in (1, 2):
            self.start_app(number)
        for number in (1, 2):
            service = self.services[f"app{number}"]
            wait_until_ready(service.process, self.app_ports[number - 1], ready_path)
        self._start_varnish()
        for number in range(1, self.task_workers + 1):
            self.start_worker(number)

    def start_redis(self) -> None:
        if "redis" in self.services:
            return
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.workdir / "redis.log"
        process = spawn(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)],
            log,
        )
        wait_for_port(self.redis_port, process=process)
        self.services["redis"] = Service("Redis", f"127.0.0.1:{self.redis_port}", process, log)

    def start_app(self, number: int) -> None:
        port = self.app_ports[number - 1]
        log = self.workdir / f"app{number}.log"
        process = start_gunicorn(port, self.app_workers, "sync", self.env, log)
        self.services[f"app{number}"] = Service(
            f"app server {number} (gunicorn, {self.app_workers} workers)",
            f"127.0.0.1:{port}",
            process,
            log,
        )

    def _start_varnish(self) -> None:
        # varnishd reads its VCL as its own unprivileged user: a directory it may enter
        # (the work directory may be private to us).
        home = Path(tempfile.mkdtemp(prefix="ankasam-varnish-"))
        home.chmod(0o755)
        self.varnish_home = home
        vcl = home / "varnish.vcl"
        text = VCL_TEMPLATE.read_text()
        text = text.replace("@APP1_PORT@", str(self.app_ports[0]))
        text = text.replace("@APP2_PORT@", str(self.app_ports[1]))
        vcl.write_text(text)
        state = home / "state"
        state.mkdir()
        log = self.workdir / "varnish.log"
        process = spawn(
            ["varnishd", "-F", "-n", str(state), "-f", str(vcl), "-s", "malloc,256m"]
            + ["-a", f"public=127.0.0.1:{self.varnish_port}"]
            + ["-a", f"purge=127.0.0.1:{self.purge_port}"]
            + ["-T", f"127.0.0.1:{free_port()}"]
            # Bans are checked by the lurker quickly: banned objects leave memory soon.
            + ["-p", "ban_lurker_sleep=0.01"],
            log,
        )
        wait_for_port(self.varnish_port, process=process)
        wait_for_port(self.purge_port, process=process)
        self.varnish_state = state
        self.services["varnish"] = Service(
            "Varnish (readers; PURGE on its own listener)",
            f"127.0.0.1:{self.varnish_port} (purge 127.0.0.1:{self.purge_port})",
            process,
            log,
        )

    def worker_id(self, number: int) -> str:
        return f"topology-worker-{number}"

    def start_worker(self, number: int) -> None:
        """``manage.py db_worker``; tasks a killed worker had claimed go back to the queue
        first (the update task is idempotent: running one twice changes nothing)."""
        log = self.workdir / f"worker{number}.log"
        manage = [sys.executable, str(EXAMPLE / "manage.py")]
        subprocess.run(  # noqa: S603
            [*manage, "requeue_orphaned_tasks", "--worker-id", self.worker_id(number)],
            env=self.env,
            cwd=EXAMPLE,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        process = spawn(
            [*manage, "db_worker", "--worker-id", self.worker_id(number)]
            + ["--interval", "0.2", "--no-startup-delay", "--no-reload"],
            log,
            self.env,
            cwd=EXAMPLE,
        )
        self.services[f"worker{number}"] = Service(
            f"task worker {number} (db_worker)", self.worker_id(number), process, log
        )

    def kill(self, name: str) -> None:
        kill_process(self.services[name].process)

    def varnish_stats(self) -> dict[str, int]:
        """Varnish's own counters (``varnishstat``): hits, misses, passes, bans."""
        import json

        output = subprocess.run(  # noqa: S603
            ["varnishstat", "-n", str(self.varnish_state), "-1", "-j"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        data = json.loads(output)
        counters = data.get("counters", data)
        wanted = {
            "MAIN.cache_hit": "hits",
            "MAIN.cache_miss": "misses",
            "MAIN.s_pass": "passes",
            "MAIN.bans_added": "bans",
            "MAIN.n_object": "objects",
        }
        return {label: counters[key]["value"] for key, label in wanted.items() if key in counters}

    def describe(self) -> list[str]:
        return [f"{service.name:<46} {service.where}" for service in self.services.values()]

    def stop(self) -> None:
        # Readers' door first, then the servers, workers last of the app, Redis at the end.
        order = ["varnish", "app1", "app2"] + [n for n in self.services if n.startswith("worker")]
        for name in [*order, "redis"]:
            service = self.services.get(name)
            if service is not None:
                stop_process(service.process)
        if getattr(self, "varnish_home", None):
            shutil.rmtree(self.varnish_home, ignore_errors=True)


def main() -> int:
    """Start the topology on the demo site and wait: ``scripts/topology``."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="logs and state (default: a new temp dir)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ankasam-topology-"))
    postgres = Postgres(workdir / "postgres")
    topology = None
    try:
        server = postgres.start()
        database = server.rsplit("/", 1)[0] + "/ankasam_topology"
        subprocess.run(  # noqa: S603
            _as_postgres(
                [f"{postgres.bindir}/createdb", "-h", "127.0.0.1", "-p", str(postgres.port)]
                + ["ankasam_topology"]
            ),
            check=True,
        )
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "DJANGO_SETTINGS_MODULE": "demo_site.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        }
        topology = Topology(workdir, env)
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--noinput"], ["load_demo_content"]):
            # Before the services start: plain settings, tasks run at once.
            subprocess.run([*manage, *command], env=env, cwd=EXAMPLE, check=True)  # noqa: S603
        topology.start()
        print(f"PostgreSQL{'':<36} 127.0.0.1:{postgres.port} (database ankasam_topology)")
        print("\n".join(topology.describe()))
        print(f"logs in {workdir}")
        print(f"readers: http://127.0.0.1:{topology.varnish_port}/ (Ctrl+C stops everything)")
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        if topology is not None:
            topology.stop()
        postgres.stop()
        print("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
