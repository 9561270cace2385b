"""What the claim frames cost: the core with its frame stage and without it, in one run.

    python -m benchmarks.frames_cost                 # 1 MB of the seeded corpus, 5 rounds
    python -m benchmarks.frames_cost --kb 300 --rounds 3

Issue 14 allows the frames at most 20% of the core's throughput. Both sides run in this
interpreter, in turn, on the same text, each round once (the best CPU time of each side
counts), so the machine's load falls on both alike. "Without" replaces the frame stage
(``framing._frames``) by one that makes the claims with no frame: everything else (reading,
rules, building the claims, grouping them by sentence) runs on both sides.

    cost = 1 - (time without frames) / (time with frames)

i.e. the share of the throughput the frames take.
"""

from __future__ import annotations

import argparse
import time

from service.core import extract, framing, warm
from service.core.build import claim

from .corpus import generate
from .provenance import provenance

KB = 1000


def _unframed(ctx, group) -> list:  # type: ignore[no-untyped-def]
    return [claim(item, None, None, None, None) for item in group]


def measure(size: int = 1000 * KB, rounds: int = 5) -> dict[str, object]:
    """Time ``extract`` with and without the frame stage on ``size`` bytes, ``rounds`` each."""
    text = generate(size, 1)
    warm()
    extract(text[: 100 * KB])
    framed_stage = framing._frames
    sides: dict[str, list[float]] = {"with frames": [], "without frames": []}
    claims: dict[str, int] = {}
    try:
        for _ in range(rounds):
            for name, stage in (("with frames", framed_stage), ("without frames", _unframed)):
                framing._frames = stage  # type: ignore[assignment]
                started = time.process_time()
                found = extract(text)
                sides[name].append(time.process_time() - started)
                claims[name] = len(found)
    finally:
        framing._frames = framed_stage  # type: ignore[assignment]
    with_frames, without = min(sides["with frames"]), min(sides["without frames"])
    return {
        "bytes": size,
        "rounds": rounds,
        "claims": claims,
        "with_frames_cpu_seconds": with_frames,
        "without_frames_cpu_seconds": without,
        "runs": sides,
        "cost": 1 - without / with_frames,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the frames' cost; exit 0 (a benchmark reports, it does not judge)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=1000, help="corpus size in KB (1000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per side (5)")
    args = parser.parse_args(argv)
    result = measure(args.kb * KB, args.rounds)
    stamp = provenance()
    print(f"Claim frames' cost, measured {stamp['date']} at {stamp['commit']}")
    print(
        f"{args.kb} KB of the seeded corpus, best CPU time of {args.rounds} rounds "
        f"(claims: {result['claims']})"
    )
    for name, key in (("with frames", "with_frames"), ("without frames", "without_frames")):
        seconds = result[f"{key}_cpu_seconds"]
        print(f"  {name:15s} {seconds:.3f} s  {args.kb / seconds:7.0f} KB/s")  # type: ignore[operator]
    print(f"  cost of the frames: {result['cost']:.1%} of the throughput (budget 20%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
