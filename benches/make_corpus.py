#!/usr/bin/env python3
"""Writes a large Indonesian test text for the whole-process speed comparison
of `selaras segment` with ICU (`../shared/bench/icu_segment.py`): the `text`
fields of the development segmentation sets (UD Indonesian CSUI and GSD,
CC BY-SA 4.0), one document per line, repeated up to SIZE megabytes.

Usage: python3 benches/make_corpus.py OUT.txt [SIZE_MB=100]
"""
import json
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
data = here.parent.parent / "shared" / "data" / "segmentation"
out_path = sys.argv[1]
size = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 100_000_000
docs = []
for name in ("csui-train.jsonl", "gsd-dev.jsonl"):
    with open(data / name, encoding="utf-8") as f:
        docs.extend(json.loads(line)["text"] for line in f if line.strip())
blob = "\n".join(docs) + "\n"
written = 0
with open(out_path, "w", encoding="utf-8") as out:
    while written < size:
        out.write(blob)
        written += len(blob.encode("utf-8"))
print(f"{out_path}: {written} bytes")
