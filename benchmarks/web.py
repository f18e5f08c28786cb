"""Web load benchmark: answer-a-review latency and throughput against a trivial endpoint.

Starts ``clio serve`` (uvicorn, one process) on 127.0.0.1 with a fresh data folder, then loads
it from this second process with httpx (async), in these runs:

0. each endpoint with one client, one request at a time (the time the server takes alone);
1. trivial endpoint ``GET /api/health``, 50 clients, closed loop (each sends when answered);
2. answer a review ``POST /api/reviews``, closed loop (the server's saturation throughput);
3. answer a review with 50 clients at a study pace (each answers about every 2 s, faster than
   a learner who reads the card, recalls and reveals it), which is the latency a class of 50 sees.

Prints p50/p95/p99 latency and requests per second for each, and review throughput as a ratio
to the trivial endpoint's in the same run. Target: p99 <= 50 ms for run 3 (issue 7).

    python benchmarks/web.py [--clients 50] [--seconds 8] [--requests 4000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
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
            f"p50 {statistics.median(self.latencies):6.1f}  p95 {self.pct(0.95):6.1f}  "
            f"p99 {self.pct(0.99):6.1f} ms  errors {self.errors}"
        )


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """``clio serve`` in a subprocess, with its own data folder."""
    src = Path(__file__).resolve().parent.parent / "src"
    env = {
        **os.environ,
        "CLIO_DATA_DIR": str(data_dir),
        "CLIO_SECRET_KEY": "benchmark",
        "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    env.pop("CLIO_DATABASE_URL", None)
    command = [sys.executable, "-m", "clio", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
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
            time.sleep(0.2)
    raise RuntimeError("server did not start in time")


async def load(
    name: str,
    client: httpx.AsyncClient,
    send: Callable[[httpx.AsyncClient, random.Random], Awaitable[httpx.Response]],
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
        if pace:
            await asyncio.sleep(rng.uniform(0, pace))  # spread the clients out
        while budget[0] > 0 and time.perf_counter() < stop:
            budget[0] -= 1
            began = time.perf_counter()
            try:
                response = await send(client, rng)
                if response.status_code >= 400:
                    errors += 1
                else:
                    latencies.append((time.perf_counter() - began) * 1000)
            except httpx.HTTPError:
                errors += 1
            if pace:
                await asyncio.sleep(
                    max(0.0, rng.uniform(0.5, 1.5) * pace - (time.perf_counter() - began))
                )

    began = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(clients)))
    return Run(name=name, latencies=latencies, seconds=time.perf_counter() - began, errors=errors)


async def main_async(base: str, args: argparse.Namespace) -> list[Run]:
    """The three runs."""
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        cards = (await client.get(f"/api/topics/{TOPIC}/items", params={"kind": "card"})).json()
        card_ids = [c["item_id"] for c in cards]

        async def health(c: httpx.AsyncClient, rng: random.Random) -> httpx.Response:
            return await c.get("/api/health")

        async def review(c: httpx.AsyncClient, rng: random.Random) -> httpx.Response:
            body = {"item_id": rng.choice(card_ids), "rating": rng.choice((1, 2, 3, 3, 3, 4))}
            return await c.post("/api/reviews", json=body)

        await load("warm-up", client, review, clients=4, seconds=2, requests=100)
        alone = [
            await load(
                "GET /api/health (1 client)", client, health, clients=1, seconds=3, requests=300
            ),
            await load(
                "POST /api/reviews (1 client)", client, review, clients=1, seconds=3, requests=300
            ),
        ]
        runs = [
            await load(
                "GET /api/health (closed loop)",
                client,
                health,
                clients=args.clients,
                seconds=args.seconds,
                requests=args.requests,
            ),
            await load(
                "POST /api/reviews (closed loop)",
                client,
                review,
                clients=args.clients,
                seconds=args.seconds,
                requests=args.requests,
            ),
            await load(
                f"POST /api/reviews (paced {args.pace:g} s)",
                client,
                review,
                clients=args.clients,
                seconds=args.seconds,
                requests=args.requests,
                pace=args.pace,
            ),
        ]
    return alone + runs


def main() -> None:
    """Start the server, load it, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument(
        "--pace", type=float, default=2.0, help="seconds between a client's answers"
    )
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        server = start_server(Path(folder), port)
        try:
            wait_ready(base, server)
            runs = asyncio.run(main_async(base, args))
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"clio web benchmark: {args.clients} concurrent clients, uvicorn (1 process), SQLite, "
          f"{os.cpu_count()} CPUs, load avg {os.getloadavg()[0]:.1f}")  # fmt: skip
    for run in runs:
        print(run.line())
    trivial, closed, paced = runs[2:]
    ratio = closed.rps / trivial.rps if trivial.rps else 0.0
    print(f"review throughput / trivial endpoint throughput: {ratio:.2f}")
    verdict = "met" if paced.pct(0.99) <= 50 else "NOT met"
    print(f"target p99 <= 50 ms at study pace: {verdict} ({paced.pct(0.99):.1f} ms); "
          f"closed-loop p99 {closed.pct(0.99):.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
