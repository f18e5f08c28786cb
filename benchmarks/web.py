"""Web load benchmark: answer-a-review latency and throughput against a trivial endpoint.

Starts ``clio serve`` (uvicorn; ``--workers N`` processes) on 127.0.0.1 with a fresh data folder
and a fresh database (SQLite, or a new database on the PostgreSQL server given by
``--postgres``), then loads it from this second process in these runs:

0. each endpoint with one client, one request at a time (the time the server takes alone);
1. trivial endpoint ``GET /api/health``, 50 clients, closed loop (each sends when answered);
2. answer a review ``POST /api/reviews``, closed loop (the server's saturation throughput);
3. answer a review with 50 clients at a study pace (each answers about every 2 s, faster than
   a learner who reads the card, recalls and reveals it), which is the latency a class of 50 sees.

Prints p50/p95/p99 latency and requests per second for each, and review throughput as a ratio
to the trivial endpoint's in the same run. Target: p99 <= 50 ms for run 3 (issue 7).

The load comes from a minimal HTTP/1.1 keep-alive client on asyncio streams (one connection
per client): a general client such as httpx spends more CPU per request than the server's
trivial endpoint, and here it shares the cores with the server.

    python benchmarks/web.py [--clients 50] [--seconds 8] [--workers N] [--postgres URL]
    python benchmarks/web.py --matrix --postgres URL --repeat 3   # 1 and 2 workers on SQLite,
                                                                   # 2 on PostgreSQL; medians
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

TOPIC = "china-and-the-ussr"


@dataclass
class Run:
    """Latencies (ms) and wall time of one load run."""

    name: str
    latencies: list[float]
    seconds: float
    errors: int

    def pct(self, share: float) -> float:
        """The ``share`` quantile of the latencies."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    @property
    def rps(self) -> float:
        """Completed requests per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        """One printed row."""
        return (
            f"{self.name:<34} n={len(self.latencies):5d}  {self.rps:7.1f} req/s  "
            f"p50 {self.pct(0.5):6.1f}  p95 {self.pct(0.95):6.1f}  "
            f"p99 {self.pct(0.99):6.1f} ms  errors {self.errors}"
        )


@dataclass(frozen=True)
class Setup:
    """One server configuration: worker processes and database."""

    workers: int
    postgres: str | None

    @property
    def label(self) -> str:
        """How the setup is printed."""
        plural = "s" if self.workers > 1 else ""
        return f"{self.workers} worker{plural}, {'PostgreSQL' if self.postgres else 'SQLite'}"


class Connection:
    """One keep-alive HTTP/1.1 connection sending small JSON requests."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes | None = None) -> int:
        """Send one request, read the whole answer, return its status."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + (body or b""))
        try:
            header = await self.reader.readuntil(b"\r\n\r\n")
            status = int(header[9:12])
            length = 0
            for line in header.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
                elif line.lower() == b"connection: close":
                    await self._reconnect_later()
            await self.reader.readexactly(length)
        except (asyncio.IncompleteReadError, ConnectionError):
            await self._reconnect_later()
            raise
        return status

    async def _reconnect_later(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def close(self) -> None:
        """Close the connection."""
        await self._reconnect_later()


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def fresh_postgres(server_url: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of ``server_url``, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    name = f"clio_bench_{os.getpid()}_{int(time.time() * 1000) % 10**8}"
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_server(
    data_dir: Path, port: int, *, workers: int, db: str | None
) -> subprocess.Popen[bytes]:
    """``clio serve`` in a subprocess, with its own data folder (and database)."""
    src = Path(__file__).resolve().parent.parent / "src"
    env = {
        **os.environ,
        "CLIO_DATA_DIR": str(data_dir),
        "CLIO_SECRET_KEY": "benchmark",
        "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    env.pop("CLIO_DATABASE_URL", None)
    command = [sys.executable, "-m", "clio", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers)]
    if db:
        command += ["--db", db]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 90.0) -> None:
    """Poll the health endpoint until the server answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"server exited: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not start in time")


def _cpu_ticks(root: int) -> int:
    """CPU ticks used so far by process ``root`` and its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
    family, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(ticks.get(pid, 0) for pid in family)


def wait_idle(server: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """Wait until the server's processes stop using CPU (start-up work such as loading the
    sentence model in the background), so it does not eat into the first runs."""
    if not Path("/proc/self/stat").exists():
        time.sleep(5)
        return
    per_second = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + timeout
    last = _cpu_ticks(server.pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = _cpu_ticks(server.pid)
        if (now - last) / per_second < 0.05:  # under 10% of a core over half a second
            return
        last = now


async def load(
    name: str,
    port: int,
    send: Callable[[Connection, random.Random], Awaitable[int]],
    *,
    clients: int,
    seconds: float,
    requests: int,
    pace: float = 0.0,
) -> Run:
    """Run ``clients`` workers until ``requests`` are done or ``seconds`` pass."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    budget = [requests]

    async def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        conn = Connection("127.0.0.1", port)
        if pace:
            await asyncio.sleep(rng.uniform(0, pace))  # spread the clients out
        while budget[0] > 0 and time.perf_counter() < stop:
            budget[0] -= 1
            began = time.perf_counter()
            try:
                status = await send(conn, rng)
                if status >= 400:
                    errors += 1
                else:
                    latencies.append((time.perf_counter() - began) * 1000)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
            if pace:
                await asyncio.sleep(
                    max(0.0, rng.uniform(0.5, 1.5) * pace - (time.perf_counter() - began))
                )
        await conn.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(clients)))
    return Run(name=name, latencies=latencies, seconds=time.perf_counter() - began, errors=errors)


async def main_async(port: int, card_ids: list[int], args: argparse.Namespace) -> list[Run]:
    """The runs against one server."""

    async def health(c: Connection, rng: random.Random) -> int:
        return await c.request("GET", "/api/health")

    async def review(c: Connection, rng: random.Random) -> int:
        body = {"item_id": rng.choice(card_ids), "rating": rng.choice((1, 2, 3, 3, 3, 4))}
        return await c.request("POST", "/api/reviews", json.dumps(body).encode())

    await load("warm-up", port, review, clients=4, seconds=2, requests=200)
    await load("warm-up", port, health, clients=4, seconds=1, requests=200)
    many = {"clients": args.clients, "seconds": args.seconds, "requests": args.requests}
    one = {"clients": 1, "seconds": 3, "requests": 500}
    paced = f"POST /api/reviews (paced {args.pace:g} s)"
    return [
        await load("GET /api/health (1 client)", port, health, **one),
        await load("POST /api/reviews (1 client)", port, review, **one),
        await load("GET /api/health (closed loop)", port, health, **many),
        await load("POST /api/reviews (closed loop)", port, review, **many),
        await load(paced, port, review, **many, pace=args.pace),
    ]


def run_setup(setup: Setup, args: argparse.Namespace) -> list[Run]:
    """Start a fresh server for ``setup``, load it, stop it."""
    with contextlib.ExitStack() as stack:
        db = stack.enter_context(fresh_postgres(setup.postgres)) if setup.postgres else None
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(folder, port, workers=setup.workers, db=db)
        try:
            wait_ready(base, server)
            wait_idle(server)
            cards = httpx.get(f"{base}/api/topics/{TOPIC}/items", params={"kind": "card"}).json()
            return asyncio.run(main_async(port, [c["item_id"] for c in cards], args))
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    raise AssertionError("unreachable")


def print_runs(setup: Setup, runs: list[Run], args: argparse.Namespace) -> None:
    """The table of one setup's runs, with the ratio and the target's verdict."""
    print(f"clio web benchmark: {setup.label}, {args.clients} concurrent clients, "
          f"{os.cpu_count()} CPUs, load avg {os.getloadavg()[0]:.1f}")  # fmt: skip
    for run in runs:
        print(run.line())
    alone_health, alone_review, trivial, closed, paced = runs
    ratio = closed.rps / trivial.rps if trivial.rps else 0.0
    print(f"review throughput / trivial endpoint throughput: {ratio:.2f} (closed loop); "
          f"one client: {alone_review.rps / alone_health.rps:.2f}")  # fmt: skip
    verdict = "met" if paced.pct(0.99) <= 50 else "NOT met"
    print(f"target p99 <= 50 ms at study pace: {verdict} ({paced.pct(0.99):.1f} ms); "
          f"closed-loop p99 {closed.pct(0.99):.1f} ms")  # fmt: skip
    print()


def summary_row(setup: Setup, repeats: list[list[Run]]) -> str:
    """One row of medians over repeated runs of a setup."""

    def med(pick: Callable[[list[Run]], float]) -> float:
        return statistics.median(pick(runs) for runs in repeats)

    return (
        f"| {setup.label} | {med(lambda r: r[0].rps):.0f} | {med(lambda r: r[1].rps):.0f} | "
        f"{med(lambda r: r[1].rps / r[0].rps):.2f} | {med(lambda r: r[2].rps):.0f} | "
        f"{med(lambda r: r[3].rps):.0f} | {med(lambda r: r[3].rps / r[2].rps):.2f} | "
        f"{med(lambda r: r[3].pct(0.99)):.0f} | {med(lambda r: r[4].pct(0.5)):.1f} | "
        f"{med(lambda r: r[4].pct(0.99)):.1f} |"
    )


def main() -> None:
    """Start the server(s), load them, print the tables (and medians when repeated)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument(
        "--pace", type=float, default=2.0, help="seconds between a client's answers"
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--postgres", metavar="URL", help="a PostgreSQL server (a fresh database is made on it)"
    )
    parser.add_argument(
        "--matrix",
        action="store_true",
        help="1 and 2 workers on SQLite, and 2 on PostgreSQL when --postgres is given",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each setup (medians)")
    args = parser.parse_args()
    if args.matrix:
        setups = [Setup(1, None), Setup(2, None)]
        if args.postgres:
            setups.append(Setup(2, args.postgres))
    else:
        setups = [Setup(args.workers, args.postgres)]
    results: dict[Setup, list[list[Run]]] = {s: [] for s in setups}
    for _ in range(args.repeat):
        for setup in setups:  # interleaved, so a busy spell hits every setup alike
            runs = run_setup(setup, args)
            results[setup].append(runs)
            print_runs(setup, runs, args)
    print(f"medians of {args.repeat} run(s) each; req/s and ms")
    print(
        "| setup | health 1 client | review 1 client | ratio | health closed loop | "
        "review closed loop | ratio | review closed p99 | paced p50 | paced p99 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for setup in setups:
        print(summary_row(setup, results[setup]))


if __name__ == "__main__":
    main()
