#!/usr/bin/env python3
"""`selaras check --pairs-jsonl` against project mode on the same pairs.

    python3 benches/pairs_jsonl.py [N_PAIRS=100000] [RUNS=3] [SELARAS=target/release/selaras]

Builds N_PAIRS pairs from the sample article (paragraph k of
examples/korea-utara/source.id.txt with paragraph k of draft.en.txt, every
pair made distinct by a running number in both texts), once as a JSON Lines
stream and once as a project (two files per pair and a selaras.toml), in a
temporary folder. Then runs, alternately, RUNS times each after one warm-up:

    A: selaras check --pairs-jsonl pairs.jsonl --fail-on never
    B: selaras check --format json --fail-on never       (in the project)

both on one core (RAYON_NUM_THREADS=1 and, where `taskset` exists, pinned to
CPU 0), so that the figures are throughput per core. It prints, per mode, the
median wall seconds, CPU seconds (user + system) and pairs per CPU second, and
the ratio of the stream's CPU time to the project's (below 1.10 = within 10 %).
Then the peak memory (max RSS) of the stream at N_PAIRS/10 and at N_PAIRS
pairs, which should be about the same: the stream holds one batch at a time.

Reads nothing outside the repository; writes only to its temporary folder.
"""
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def paragraphs(name):
    with open(os.path.join(ROOT, "examples/korea-utara", name), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def make_pairs(n_pairs):
    source, draft = paragraphs("source.id.txt"), paragraphs("draft.en.txt")
    # The draft translates the first copy of the scraped body only.
    n = min(len(source), len(draft))
    for i in range(n_pairs):
        k = i % n
        yield i, f"{source[k]} ({i})", f"{draft[k]} ({i})"


def write_inputs(folder, n_pairs):
    stream = os.path.join(folder, f"pairs-{n_pairs}.jsonl")
    project = os.path.join(folder, f"project-{n_pairs}")
    os.makedirs(os.path.join(project, "articles"))
    with open(stream, "w", encoding="utf-8") as out:
        for i, source, draft in make_pairs(n_pairs):
            out.write(json.dumps({"id": i, "source": source, "draft": draft}, ensure_ascii=False) + "\n")
            with open(os.path.join(project, "articles", f"{i:06d}.id.txt"), "w", encoding="utf-8") as f:
                f.write(source + "\n")
            with open(os.path.join(project, "articles", f"{i:06d}.en.txt"), "w", encoding="utf-8") as f:
                f.write(draft + "\n")
    with open(os.path.join(project, "selaras.toml"), "w", encoding="utf-8") as f:
        f.write('[[pairs]]\nsource = "articles/*.id.txt"\ntarget = "articles/{stem}.en.txt"\n')
    return stream, project


def run(argv, cwd=None):
    """Wall seconds, CPU seconds and the children's max RSS so far (KiB) of one run of argv."""
    env = dict(os.environ, RAYON_NUM_THREADS="1", CI="1")
    prefix = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.run(prefix + argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed ({process.returncode}): {stderr.decode()[:300]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def main():
    n_pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    selaras = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, "target/release/selaras"))
    folder = tempfile.mkdtemp(prefix="selaras-pairs-bench-")
    try:
        stream, project = write_inputs(folder, n_pairs)
        a = [selaras, "check", "--pairs-jsonl", stream, "--fail-on", "never"]
        b = [selaras, "check", "--format", "json", "--fail-on", "never"]
        run(a)
        run(b, cwd=project)
        times = {"stream": [], "project": []}
        for _ in range(runs):
            times["stream"].append(run(a)[:2])
            times["project"].append(run(b, cwd=project)[:2])
        cpu = {}
        for mode, samples in times.items():
            wall = statistics.median(s[0] for s in samples)
            cpu[mode] = statistics.median(s[1] for s in samples)
            print(f"{mode:8} {n_pairs} pairs, 1 core: wall {wall:.2f} s, cpu {cpu[mode]:.2f} s, {n_pairs / cpu[mode]:,.0f} pairs per cpu second")
        print(f"stream cpu / project cpu = {cpu['stream'] / cpu['project']:.3f}")
        # Peak memory is per process; RUSAGE_CHILDREN keeps the largest, so
        # measure each size in a fresh interpreter.
        small_stream, _ = write_inputs(folder, n_pairs // 10) if n_pairs >= 10 else (stream, None)
        for path, n in [(small_stream, n_pairs // 10), (stream, n_pairs)]:
            code = (
                "import resource,subprocess,sys;"
                "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
            )
            rss = subprocess.run(
                [sys.executable, "-c", code, selaras, "check", "--pairs-jsonl", path, "--fail-on", "never"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            print(f"stream   {n} pairs: max RSS {int(rss) / 1024:.1f} MiB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
