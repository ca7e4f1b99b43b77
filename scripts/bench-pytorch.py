#!/usr/bin/env python3
"""The PyTorch reference for `swift run -c release bench`: the same MLP training steps, timed the same way.

For each network (sizes such as 3-256-256-1 and a batch size) it builds nn.Linear layers with ReLU
between them, and times one training step: forward, MSE loss, backward, Adam step, all float32 on the
CPU, with torch.set_num_threads(--threads) and subnormals flushed to zero as in the kit
(torch.set_flush_denormal(True)). It also times one float32 n×n·n×n matrix product per
--gemm size. Timing: a warm-up, then the median over five rounds of the mean time per call, each round
a fifth of --time-budget seconds (as the kit's bench does).

It writes one JSON object to stdout:
    {"torch": "2.x.y", "threads": 1, "python": "3.11.7", "flushDenormal": true,
     "steps": [{"network": "3-256-256-1", "batch": 256, "microseconds": 1234.5}, ...],
     "gemm": [{"n": 256, "microseconds": 210.0, "gflops": 160.1}, ...]}
and exits 0; without PyTorch it prints one line to stderr and exits 3; on bad arguments, 2.

    python3 scripts/bench-pytorch.py --threads 1 --network 3-64-64-1:64 --network 3-256-256-1:256
"""
import argparse
import json
import platform
import sys
import time

EXIT_NO_TORCH = 3


def parse_network(text):
    """'3-256-256-1:256' -> ([3, 256, 256, 1], 256)."""
    try:
        sizes_text, batch_text = text.split(":")
        sizes = [int(s) for s in sizes_text.split("-")]
        batch = int(batch_text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected SIZES:BATCH such as 3-64-64-1:64, got {text!r}")
    if len(sizes) < 2 or min(sizes) < 1 or batch < 1:
        raise argparse.ArgumentTypeError(f"sizes and batch must be positive, at least two sizes: {text!r}")
    return sizes, batch


def time_per_call(body, time_budget):
    """The median over five rounds of the mean time per call of body, in seconds, after a warm-up."""
    calls = 0
    start = time.perf_counter()
    while calls < 3 or time.perf_counter() - start < time_budget / 10:
        body()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    calls_per_round = max(1, int(time_budget / 5 / per_call))
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(calls_per_round):
            body()
        rounds.append((time.perf_counter() - start) / calls_per_round)
    return sorted(rounds)[2]


def time_step(torch, sizes, batch, time_budget):
    """Seconds per training step (forward, MSE loss, backward, Adam step) of an MLP with ReLU."""
    torch.manual_seed(0)
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    network = torch.nn.Sequential(*layers)
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    x = torch.randn(batch, sizes[0], dtype=torch.float32)
    y = torch.randn(batch, sizes[-1], dtype=torch.float32)

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = torch.nn.functional.mse_loss(network(x), y)
        loss.backward()
        optimizer.step()

    return time_per_call(step, time_budget)


def time_gemm(torch, n, time_budget):
    """Seconds per float32 n×n·n×n product into a preallocated result."""
    torch.manual_seed(1)
    a = torch.randn(n, n, dtype=torch.float32)
    b = torch.randn(n, n, dtype=torch.float32)
    c = torch.empty(n, n, dtype=torch.float32)
    return time_per_call(lambda: torch.mm(a, b, out=c), time_budget)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    parser.add_argument("--network", type=parse_network, action="append", default=[],
                        help="SIZES:BATCH, e.g. 3-64-64-1:64 (repeatable)")
    parser.add_argument("--gemm", type=int, action="append", default=[], help="n of an n×n·n×n product (repeatable)")
    parser.add_argument("--time-budget", type=float, default=1.0, help="seconds per measurement (default 1)")
    args = parser.parse_args()
    if args.threads < 1 or args.time_budget <= 0 or any(n < 1 for n in args.gemm):
        parser.error("--threads, --gemm and --time-budget must be positive")

    try:
        import torch
    except Exception as error:  # ImportError, or a broken installation
        print(f"PyTorch cannot be imported by {sys.executable}: {error}", file=sys.stderr)
        return EXIT_NO_TORCH

    torch.set_num_threads(args.threads)
    # The kit flushes subnormal results to zero (MXCSR's FTZ, Sources/CKernels/SubnormalFlush.c); PyTorch does the
    # same here (its switch also sets DAZ, which changes nothing when no subnormal is ever made), so that neither
    # pays Intel's microcode assists for them.
    flushed = torch.set_flush_denormal(True)
    steps = []
    for sizes, batch in args.network:
        seconds = time_step(torch, sizes, batch, args.time_budget)
        steps.append({"network": "-".join(map(str, sizes)), "batch": batch, "microseconds": seconds * 1e6})
    gemm = []
    with torch.no_grad():
        for n in args.gemm:
            seconds = time_gemm(torch, n, args.time_budget)
            gemm.append({"n": n, "microseconds": seconds * 1e6, "gflops": 2 * n ** 3 / seconds / 1e9})
    json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(),
               "python": platform.python_version(), "flushDenormal": bool(flushed),
               "steps": steps, "gemm": gemm}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
