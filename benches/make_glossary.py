#!/usr/bin/env python3
"""Synthetic inputs for the glossary benches (nothing big is committed).

    make_glossary.py text OUT.txt MEGABYTES
        Indonesian text of about MEGABYTES MB: examples/korea-utara/source.id.txt
        (plus, only when SELARAS_BENCH_DATA=DIR is set, the `text` fields of
        DIR/segmentation/*.jsonl), repeated.
    make_glossary.py glossary TEXT N OUT.tsv [SEED]
        N distinct terms (TSV `term<TAB>TERM-en`): random 1-3-word n-grams
        taken from TEXT's words, so that many of them occur.

The end-to-end comparison (release build, files in /tmp, nothing committed; BENCH is the
folder of the ratio and pyahocorasick scripts the team keeps beside the repository):

    python3 benches/make_glossary.py text /tmp/gbench/text50.txt 50
    python3 benches/make_glossary.py glossary /tmp/gbench/text50.txt 1000 /tmp/gbench/g1k.tsv
    python3 benches/make_glossary.py glossary /tmp/gbench/text50.txt 100000 /tmp/gbench/g100k.tsv
    python3 $BENCH/ratio.py 5 \
        'target/release/selaras glossary apply --format counts --no-default-glossary -g /tmp/gbench/g1k.tsv /tmp/gbench/text50.txt' \
        'python3 $BENCH/ac_counts.py /tmp/gbench/g1k.tsv /tmp/gbench/text50.txt'
"""
import glob, json, os, random, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get('SELARAS_BENCH_DATA')


def base_text():
    parts = [open(os.path.join(ROOT, 'examples/korea-utara/source.id.txt'), encoding='utf-8').read()]
    for path in sorted(glob.glob(os.path.join(DATA, 'segmentation/*.jsonl'))) if DATA else []:
        for line in open(path, encoding='utf-8'):
            parts.append(json.loads(line)['text'] + '\n')
    return ''.join(parts)


def make_text(out, megabytes):
    chunk = base_text()
    target = int(float(megabytes) * 1_000_000)
    with open(out, 'w', encoding='utf-8') as f:
        written = 0
        while written < target:
            f.write(chunk)
            written += len(chunk.encode('utf-8'))


def make_glossary(text_path, n, out, seed=1):
    rng = random.Random(int(seed))
    n = int(n)
    text = open(text_path, encoding='utf-8').read(4_000_000)
    words = re.findall(r'\w+', text)
    terms = set()
    # Real n-grams first (they occur), then invented ones once the text runs dry.
    attempts = 0
    while len(terms) < n and attempts < 20 * n:
        attempts += 1
        k = rng.choice((1, 2, 2, 3))
        i = rng.randrange(len(words) - k)
        terms.add(' '.join(words[i:i + k]))
    vocabulary = sorted(set(words))
    while len(terms) < n:
        k = rng.choice((1, 2, 3))
        terms.add(' '.join(rng.choice(vocabulary) for _ in range(k)))
    with open(out, 'w', encoding='utf-8') as f:
        for term in sorted(terms):
            f.write(f'{term}\t{term.upper()}-en\n')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    elif sys.argv[1] == 'text':
        make_text(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == 'glossary':
        make_glossary(*sys.argv[2:])
    else:
        sys.exit(__doc__)
