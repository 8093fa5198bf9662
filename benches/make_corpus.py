#!/usr/bin/env python3
"""Writes a large Indonesian test text for the whole-process speed comparison
of `selaras segment` with ICU: the `text` fields of a folder of segmentation
sets in the development data's layout (UD Indonesian CSUI and GSD,
CC BY-SA 4.0: DATA_DIR/segmentation/{csui-train,gsd-dev}.jsonl), one document
per line, repeated up to SIZE megabytes. The data folder is named explicitly:
nothing outside the repository is read unless asked.

Usage: python3 benches/make_corpus.py DATA_DIR OUT.txt [SIZE_MB=100]
"""
import json
import pathlib
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
data = pathlib.Path(sys.argv[1]) / "segmentation"
out_path = sys.argv[2]
size = int(float(sys.argv[3]) * 1_000_000) if len(sys.argv) > 3 else 100_000_000
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
