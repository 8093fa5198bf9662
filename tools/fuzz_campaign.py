#!/usr/bin/env python3
"""Mutational fuzz campaign over every selaras subcommand, from the outside.

The cargo-fuzz targets in fuzz/ drive the library; this drives the binary as
a user or a CI job does: mutated texts, glossaries (TSV, CSV, TBX, JSON),
XLIFF files, selaras.toml projects and command-line values go through
segment, check (every format, pairs, XLIFF, projects), diff (terminal and
HTML), align (text, JSON Lines, TMX, projects), export xliff, glossary
apply/lint/convert/suggest, `check --pairs-jsonl` and explain. A run
fails when selaras

  * exits with anything but 0, 1 or 2 (101 is a panic, negative a signal),
  * prints a panic message, or
  * uses more than --timeout seconds of processor time (10 by default;
    measured as CPU time with RLIMIT_CPU, so that a machine shared with
    compilers does not turn slow runs into false hangs), or gets no answer
    within six times that of wall-clock time (a hang that does not spin);

and, as a second, separate count, when a machine format it wrote does not
parse (JSON, JSON Lines, SARIF; TMX, XLIFF, TBX and JUnit as XML; a glossary
it converted that it cannot read back).

Usage (from the repository root, after `cargo build --release`):

    python3 tools/fuzz_campaign.py --runs 30000 --jobs 2 --seed 12
    python3 tools/fuzz_campaign.py --runs 2000 --binary target/release/selaras --out /tmp/failures

Every failure is saved under --out (default: a temporary folder) with the
command line, the input files and what selaras printed, so it can be
replayed. The script reads only the repository's own examples and fixtures.
"""

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PRLIMIT = shutil.which("prlimit")

INTERESTING = [
    "“", "”", "‘", "’", "–", "—", "…", "«", "»", "„", "\u00a0", "\u202f", "\u200b", "\u00ad",
    "\u202e", "\u2066", "\u2069", "\x1b]0;title\x07", "\x1b[31m", "\x1b[2J", "\x00", "\x01", "\x7f",
    "\x85", "\r", "\r\n", "\n", "\n\n", "\t", "\u2028", "é", "e\u0301", "한국", "北朝鮮", "𝕏", "🙂",
    "\ufeff", "\ufffd", "\ufffe", ".", ",", ":", ";", "-", "%", "$", "Rp", "Rp.", "US$", "€", "10.000",
    "2,5", "9.30", "10.00", "14:23", "1,5 juta", "8.000", "3,5 triliun", "G20", "Hwasong-19", "COVID-19",
    "pukul", "Jumat", "Friday", "Januari", "Korea Utara", "North Korea", "Menteri Luar Negeri",
    "Foreign Minister", "(", ")", "[", "]", "{", "}", '"', "'", "?", "!", "<", ">", "&", "&amp;",
    '<g id="1">', "</g>", '<x id="2"/>', '<ph id="3">x</ph>', "]]>", "<![CDATA[", "&#0;", "&#x1F;",
    "&lt;", "&bogus;", "<!ENTITY a 'b'>", "Dr.", "Jl.", "dll.", "U.S.", "a.m.", "p.m.", "1.2.3",
    "0,5%", "½", "٣", "５", "²", "₂", "ⅳ", "−", "1e9", "99999999999999999999", "-0", "0x1F",
    "http://x.y/a.b", "a@b.co", "MOSKOW - ", "(ahm)", "Lihat Juga :", "Baca Juga:", "\t\t",
    "  ", "-nya", "kawan-kawan", "meN", "memukul", "pen", "AS", "PBB", "#", "\\", "/", "*", "**",
    "{stem}", "{dir}", "..", "%0A", "::error", "=", "[rules]", "[[pairs]]", "true", "null",
]

RULES = ["glossary.missing", "number.changed", "punct", "entity.name", "omission", "untranslated",
         "calendar", "nosuch", "punct.whitespace", "repeat.inconsistent", "source.repeated"]
LEVELS = ["off", "info", "warning", "error", "never", "loud", ""]


def read_seeds():
    def texts(paths):
        return [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()]

    korea = REPO / "examples" / "korea-utara"
    diff = REPO / "tests" / "fixtures" / "diff"
    seeds = {
        "source": texts([korea / "source.id.txt", diff / "hostile.id.txt"]),
        "draft": texts([korea / "draft.en.txt", korea / "draft-errors.en.txt", diff / "draft-earlier.en.txt",
                        diff / "hostile.en.txt"]),
        "tsv": texts(sorted((REPO / "tests" / "fixtures" / "glossary").glob("*.tsv"))
                     + [REPO / "tests/fixtures/schemas/glossary/samples/omegat-glossary.utf8"]),
        "csv": texts(sorted((REPO / "tests/fixtures/schemas/glossary/samples").glob("*.csv"))),
        "tbx": texts(sorted((REPO / "tests/fixtures/schemas/tbx/samples").glob("*.tbx"))),
        "xlf": texts(sorted((REPO / "tests" / "fixtures" / "xliff").glob("*.xlf"))),
        "toml": texts([REPO / "examples" / "ci" / "selaras.toml"]),
    }
    # Short ones too: mutations of a few lines reach corners faster.
    seeds["source"] += ["Rapat pukul 9.30 di kafe.", "KTT “G20” digelar.", "Harga naik 2,5 persen menjadi Rp 10.000.",
                        "Rapat dimulai pukul 10.00 “tepat waktu” di Jakarta.\n\nJumat, 1 Januari 2024."]
    seeds["draft"] += ["The meeting at 9:30 café.", "The “G20” summit was held.", "Prices rose 2.5 percent to Rp 10,000.",
                       "The meeting started at 10:00 “on time” in Jakarta.\n\nFriday, January 1, 2024."]
    seeds["json"] = []
    return seeds


def random_char(rng):
    ranges = [(0x20, 0x7e), (0x00, 0x1f), (0x80, 0x24f), (0x2000, 0x206f), (0x0300, 0x036f),
              (0xac00, 0xd7a3), (0x4e00, 0x9fff), (0x1f300, 0x1f6ff), (0xfe00, 0xfeff), (0x0600, 0x06ff),
              (0xff00, 0xffef)]
    low, high = rng.choice(ranges)
    return chr(rng.randint(low, high))


def mutate_text(rng, text, seeds_of_kind):
    """One to five edits on a string: inserts, deletions, repeats, splices."""
    for _ in range(rng.randint(1, 5)):
        n = len(text)
        at = rng.randint(0, n)
        op = rng.randrange(12)
        if op == 0:
            text = text[:at] + rng.choice(INTERESTING) + text[at:]
        elif op == 1:
            text = text[:at] + "".join(random_char(rng) for _ in range(rng.randint(1, 8))) + text[at:]
        elif op == 2 and n:
            end = min(n, at + rng.randint(1, 200))
            text = text[:at] + text[end:]
        elif op == 3 and n:
            end = min(n, at + rng.randint(1, 400))
            text = text[:end] + text[at:end] * rng.randint(1, 4) + text[end:]
        elif op == 4 and seeds_of_kind:
            other = rng.choice(seeds_of_kind)
            start = rng.randint(0, len(other))
            text = text[:at] + other[start:start + rng.randint(1, 2000)] + text[at:]
        elif op == 5:
            text = text[:at]
        elif op == 6:
            # A number glued to punctuation or letters of several bytes.
            number = rng.choice(["9.30", "10.000", "2,5", "1.2", "14:23", "0", "100", "3,5", "G20"])
            text = text[:at] + rng.choice(INTERESTING) + number + rng.choice(INTERESTING) + text[at:]
        elif op == 7:
            # A longer stretch: one line or block repeated many times.
            piece = text[at:at + rng.randint(1, 80)] or rng.choice(INTERESTING)
            text = text[:at] + piece * rng.randint(50, 3000) + text[at:]
        elif op == 8:
            text = "".join(c if rng.random() > 0.05 else rng.choice(INTERESTING) for c in text[:20000]) + text[20000:]
        elif op == 9:
            text = text.replace("\n", rng.choice([" ", "\r\n", "\n\n", "\r", "\u2028", ""]))
        elif op == 10:
            nest = rng.choice(['<g id="1">', "“", "(", "[", "<mrk mtype=\"seg\" mid=\"1\">", "\""])
            k = rng.randint(10, 3000)
            text = text[:at] + nest * k + text[at:]
        else:
            text = text[:at] + rng.choice(INTERESTING) * rng.randint(1, 40) + text[at:]
    return text[:400_000]


def to_bytes(rng, text):
    data = text.encode("utf-8", errors="surrogatepass")
    if data and rng.random() < 0.05:
        # Invalid UTF-8 somewhere: a stray continuation byte or a cut character.
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.choice([0x80, 0xff, 0xc3, 0xe2, 0xf0])]) + data[at:]
    if rng.random() < 0.03:
        data = b"\xef\xbb\xbf" + data
    return data


class Campaign:
    def __init__(self, args):
        self.args = args
        self.binary = str(Path(args.binary).resolve())
        self.out = Path(args.out or tempfile.mkdtemp(prefix="selaras-fuzz-failures-"))
        self.out.mkdir(parents=True, exist_ok=True)
        self.seeds = read_seeds()
        self.lock = threading.Lock()
        self.runs = 0
        self.failures = 0
        self.invalid_outputs = 0
        self.by_command = {}
        self.exit_codes = {}
        self.slowest = (0.0, "")
        self.errors = {}

    # -- running one command -------------------------------------------------

    def run(self, workdir, argv, stdin=None, outputs=(), kind=""):
        """Runs selaras once; records failures; returns (code, stdout)."""
        start = time.monotonic()
        env = dict(os.environ, SOURCE_DATE_EPOCH="0", NO_COLOR="1", RUST_BACKTRACE="0")
        env.pop("CI", None)
        cpu_limit = int(self.args.timeout)
        # The limit is set by `prlimit` when there is one: a preexec_fn is
        # not safe in a program with threads.
        if PRLIMIT:
            command, preexec = [PRLIMIT, f"--cpu={cpu_limit}:{cpu_limit + 1}", self.binary, *argv], None
        else:
            command = [self.binary, *argv]

            def preexec():
                resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 1))

        try:
            done = subprocess.run(command, cwd=workdir, input=stdin, capture_output=True,
                                  timeout=6 * self.args.timeout, env=env, preexec_fn=preexec)
            code, stdout, stderr = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired as timeout:
            code, stdout, stderr = "timeout", timeout.stdout or b"", timeout.stderr or b""
        elapsed = time.monotonic() - start
        problem = None
        if code == "timeout":
            problem = f"no answer after {6 * self.args.timeout} s"
        elif code in (-signal.SIGXCPU, -signal.SIGKILL):
            problem = f"more than {cpu_limit} s of processor time"
        elif code not in (0, 1, 2):
            problem = f"exit status {code}"
        elif b"panicked" in stderr:
            problem = "panic message"
        invalid = None
        if problem is None and code in (0, 1):
            invalid = self.invalid_output(kind, workdir, stdout, outputs)
        with self.lock:
            self.runs += 1
            self.by_command[argv[0] if argv else "?"] = self.by_command.get(argv[0] if argv else "?", 0) + 1
            self.exit_codes[str(code)] = self.exit_codes.get(str(code), 0) + 1
            if code == 2:
                # What the refusals were about, to see that mutations still
                # reach past the readers: the message without its details.
                first = stderr.decode("utf-8", "replace").strip().splitlines()[:1] or [""]
                words = [w for w in first[0].split() if not any(ch.isdigit() for ch in w) and "/" not in w][:6]
                key = " ".join(argv[:1] + words)[:80]
                self.errors[key] = self.errors.get(key, 0) + 1
            if elapsed > self.slowest[0]:
                self.slowest = (elapsed, " ".join(argv))
            if problem:
                self.failures += 1
            if invalid:
                self.invalid_outputs += 1
            number = self.failures + self.invalid_outputs
        if problem or invalid:
            self.save(number, workdir, argv, stdin, code, stdout, stderr, problem or invalid, "failure" if problem else "invalid-output")
        return code, stdout

    def invalid_output(self, kind, workdir, stdout, outputs):
        """A message when a machine format selaras wrote does not parse."""
        try:
            if kind in ("json", "sarif"):
                json.loads(stdout)
            elif kind == "jsonl":
                for line in stdout.splitlines():
                    json.loads(line)
            elif kind == "xml":
                ET.fromstring(stdout)
            for path in outputs:
                full = Path(workdir) / path
                if full.suffix in (".xlf", ".tmx", ".tbx", ".xml") and full.exists():
                    ET.parse(full)
        except (ValueError, ET.ParseError) as error:
            return f"{kind or 'output'} does not parse: {error}"
        return None

    def save(self, number, workdir, argv, stdin, code, stdout, stderr, why, category):
        target = self.out / f"{category}-{number:05d}"
        shutil.copytree(workdir, target, dirs_exist_ok=True)
        (target / "command.txt").write_text(
            f"{why}\ncd {target} && {self.binary} {' '.join(repr(a) for a in argv)}\nexit: {code}\n", encoding="utf-8")
        if stdin is not None:
            (target / "stdin.bin").write_bytes(stdin)
        (target / "stdout.bin").write_bytes(stdout[:1_000_000])
        (target / "stderr.bin").write_bytes(stderr[:1_000_000])
        print(f"{category}: {why}: {' '.join(argv)} (saved in {target})", file=sys.stderr, flush=True)

    # -- inputs ----------------------------------------------------------------

    def text(self, rng, kind):
        seed = rng.choice(self.seeds[kind] or self.seeds["source"])
        return seed if rng.random() < 0.1 else mutate_text(rng, seed, self.seeds[kind])

    def write(self, rng, workdir, name, kind):
        (Path(workdir) / name).write_bytes(to_bytes(rng, self.text(rng, kind)))
        return name

    def glossary(self, rng, workdir, name_stem="g"):
        kind = rng.choice(["tsv", "tsv", "csv", "tbx", "json"])
        if kind == "json" and not self.seeds["json"]:
            kind = "tsv"
        return self.write(rng, workdir, f"{name_stem}.{kind}", kind)

    # -- one iteration per command family ----------------------------------------

    def iteration(self, index):
        rng = random.Random(self.args.seed * 1_000_003 + index)
        with tempfile.TemporaryDirectory(prefix="selaras-fuzz-") as workdir:
            family = rng.choice([self.segment, self.check, self.check, self.diff, self.align, self.export,
                                 self.check_xliff, self.apply, self.lint, self.convert, self.project, self.explain,
                                 self.pairs_jsonl])
            family(rng, workdir)

    def segment(self, rng, workdir):
        name = self.write(rng, workdir, "s.txt", rng.choice(["source", "draft"]))
        argv = ["segment", name, "--lang", rng.choice(["id", "en"]), "--format", rng.choice(["text", "jsonl"]),
                "--paragraphs", rng.choice(["auto", "lines", "blank"])]
        if rng.random() < 0.2:
            data = (Path(workdir) / name).read_bytes()
            argv[1] = "-"
            self.run(workdir, argv, stdin=data, kind="jsonl" if "jsonl" in argv else "")
        else:
            self.run(workdir, argv, kind="jsonl" if "jsonl" in argv else "")

    def pair(self, rng, workdir):
        source = self.write(rng, workdir, "s.id.txt", "source")
        draft = self.write(rng, workdir, "d.en.txt", "draft")
        return source, draft

    def check(self, rng, workdir):
        source, draft = self.pair(rng, workdir)
        fmt = rng.choice(["human", "json", "sarif", "github", "junit"])
        argv = ["check", source, draft, "--format", fmt]
        if rng.random() < 0.2:
            argv.append("--segmented")
        if rng.random() < 0.3:
            argv += ["-g", self.glossary(rng, workdir)]
        if rng.random() < 0.1:
            argv.append("--no-default-glossary")
        if rng.random() < 0.2:
            argv += ["--rule", f"{rng.choice(RULES)}={rng.choice(LEVELS)}"]
        if rng.random() < 0.2:
            argv += ["--fail-on", rng.choice(["error", "warning", "info", "never"])]
        outputs = []
        if rng.random() < 0.1:
            argv += ["--write-baseline", "b.json"]
        elif rng.random() < 0.1:
            self.write(rng, workdir, "b.json", "draft")
            argv += ["--baseline", "b.json"]
        if rng.random() < 0.1:
            argv += ["-o", rng.choice(["out.txt", draft, "-", "/dev/null"])]
        stdin = None
        if rng.random() < 0.1:
            stdin = (Path(workdir) / source).read_bytes()
            argv[1] = "-"
            if rng.random() < 0.3:
                argv[2] = "-"
        kind = {"json": "json", "sarif": "sarif", "junit": "xml"}.get(fmt, "")
        if "-o" in argv or "--write-baseline" in argv:
            kind = ""
        self.run(workdir, argv, stdin=stdin, kind=kind, outputs=outputs)

    def diff(self, rng, workdir):
        source, draft = self.pair(rng, workdir)
        argv = ["diff", source, draft, "--color", rng.choice(["never", "always"])]
        if rng.random() < 0.4:
            argv += ["--previous", self.write(rng, workdir, "p.en.txt", "draft")]
        if rng.random() < 0.3:
            argv += ["--html", rng.choice(["page.html", "page.html", draft])]
        else:
            width = rng.choice(["0", "19", "20", "21", "60", "99", "100", "120", "999", "1000", "1001", "200000",
                                "18446744073709551615", "1000000000", "-5", "x"])
            argv += ["--width", width]
        if rng.random() < 0.2:
            argv.append("--segmented")
        if rng.random() < 0.2:
            argv.append("--no-collapse")
        if rng.random() < 0.2:
            argv += ["-g", self.glossary(rng, workdir)]
        self.run(workdir, argv)

    def align(self, rng, workdir):
        source, draft = self.pair(rng, workdir)
        fmt = rng.choice(["text", "jsonl", "tmx"])
        argv = ["align", source, draft, "--format", fmt]
        if rng.random() < 0.3:
            argv.append("--segmented")
        if rng.random() < 0.2:
            argv += ["-g", self.write(rng, workdir, "g.tsv", "tsv")]
        self.run(workdir, argv, kind={"jsonl": "jsonl", "tmx": "xml"}.get(fmt, ""))

    def export(self, rng, workdir):
        source, draft = self.pair(rng, workdir)
        version = rng.choice(["1.2", "2.0"])
        argv = ["export", "xliff", source] + ([draft] if rng.random() < 0.8 else []) + ["--xliff-version", version, "-o", "out.xlf"]
        if rng.random() < 0.2:
            argv += ["-g", self.glossary(rng, workdir)]
        code, _ = self.run(workdir, argv, outputs=["out.xlf"])
        if code == 0 and (Path(workdir) / "out.xlf").exists():
            text = (Path(workdir) / "out.xlf").read_text(encoding="utf-8")
            with self.lock:
                if len(self.seeds["xlf"]) < 40:
                    self.seeds["xlf"].append(text)
            self.run(workdir, ["check", "out.xlf", "--format", rng.choice(["human", "json"])])

    def check_xliff(self, rng, workdir):
        name = self.write(rng, workdir, rng.choice(["f.xlf", "f.xliff", "f.sdlxliff"]), "xlf")
        fmt = rng.choice(["human", "json", "sarif", "github", "junit"])
        self.run(workdir, ["check", name, "--format", fmt], kind={"json": "json", "sarif": "sarif", "junit": "xml"}.get(fmt, ""))

    def apply(self, rng, workdir):
        name = self.write(rng, workdir, "s.txt", "source")
        fmt = rng.choice(["text", "jsonl", "skeleton", "counts"])
        argv = ["glossary", "apply", name, "--format", fmt]
        for idx in range(rng.randint(0, 2)):
            argv += ["-g", self.glossary(rng, workdir, f"g{idx}")]
        if rng.random() < 0.1:
            argv.append("--no-default-glossary")
        self.run(workdir, argv, kind="jsonl" if fmt == "jsonl" else "")

    def lint(self, rng, workdir):
        names = [self.glossary(rng, workdir, f"g{idx}") for idx in range(rng.randint(1, 3))]
        if rng.random() < 0.05:
            names.append("-")
        self.run(workdir, ["glossary", "lint", *names], stdin=b"" if "-" in names else None)

    def convert(self, rng, workdir):
        names = [self.glossary(rng, workdir, f"g{idx}") for idx in range(rng.randint(1, 2))]
        to = rng.choice(["tsv", "csv", "tbx", "tbx-v2", "json"])
        extension = {"tbx-v2": "tbx"}.get(to, to)
        out = f"out.{extension}"
        code, _ = self.run(workdir, ["glossary", "convert", *names, "--to", to, "-o", out],
                           outputs=[out] if extension == "tbx" else [])
        if code == 0 and (Path(workdir) / out).exists():
            text = (Path(workdir) / out).read_text(encoding="utf-8")
            if to == "json":
                with self.lock:
                    if len(self.seeds["json"]) < 20:
                        self.seeds["json"].append(text)
            # What selaras writes it must read back.
            code, stdout = self.run(workdir, ["glossary", "lint", out])
            if code == 2 or b"[malformed]" in stdout or b"[unreadable]" in stdout:
                with self.lock:
                    self.invalid_outputs += 1
                    number = self.failures + self.invalid_outputs
                self.save(number, workdir, ["glossary", "lint", out], None, code, stdout, b"",
                          "a converted glossary does not read back", "invalid-output")

    def project(self, rng, workdir):
        root = Path(workdir)
        (root / "articles").mkdir()
        (root / "glossary").mkdir()
        for stem in ["a", "b", "c"][: rng.randint(1, 3)]:
            (root / "articles" / f"{stem}.id.txt").write_bytes(to_bytes(rng, self.text(rng, "source")))
            if rng.random() < 0.8:
                (root / "articles" / f"{stem}.en.txt").write_bytes(to_bytes(rng, self.text(rng, "draft")))
        (root / "glossary" / "project.tsv").write_bytes(to_bytes(rng, self.text(rng, "tsv")))
        if rng.random() < 0.2:
            os.symlink(".", root / "loop")
            os.symlink("..", root / "articles" / "loop")
        if rng.random() < 0.1:
            # A draft that cannot be read: a folder where the file should be.
            draft = root / "articles" / "c.en.txt"
            if draft.is_file():
                draft.unlink()
            draft.mkdir(exist_ok=True)
        toml = self.text(rng, "toml")
        if rng.random() < 0.3:
            toml = toml.replace("articles/*.id.txt", rng.choice(["**/*.id.txt", "/**", "../../*", "articles/[", "articles/**",
                                                                 "*/*.id.txt", "articles/*.*.txt"]))
        (root / "selaras.toml").write_bytes(to_bytes(rng, toml))
        what = rng.random()
        if what < 0.55:
            fmt = rng.choice(["human", "json", "sarif", "github", "junit"])
            self.run(workdir, ["check", "--format", fmt], kind={"json": "json", "sarif": "sarif", "junit": "xml"}.get(fmt, ""))
        elif what < 0.75:
            self.run(workdir, ["align", "--format", "tmx", "-o", "memory.tmx"], outputs=["memory.tmx"])
        elif what < 0.95:
            # Mining the project's own pairs for glossary entries.
            fmt = rng.choice(["tsv", "jsonl"])
            argv = ["glossary", "suggest", "--format", fmt]
            argv += ["--min-count", rng.choice(["1", "1", "2", "3", "0", "-1", "99999999999"])]
            if rng.random() < 0.3:
                argv.append(rng.choice(["--include-known", "--no-default-glossary"]))
            outputs = ()
            if rng.random() < 0.3:
                out = rng.choice(["s.tsv", "articles/a.id.txt", "selaras.toml", "-"])
                argv += ["-o", out]
                outputs = (out,)
            self.run(workdir, argv, outputs=outputs, kind="jsonl" if fmt == "jsonl" and "-o" not in argv else "")
        else:
            # The project's glossaries, linted without naming them.
            self.run(workdir, ["glossary", "lint"])

    def pairs_jsonl(self, rng, workdir):
        """`check --pairs-jsonl`: JSON Lines of pairs (some broken) from a
        file or standard input; every answer line must parse."""
        lines = []
        for index in range(rng.randint(1, 6)):
            shape = rng.random()
            pair_id = rng.choice([index, f"a{index}", None, [index], {"n": index}])
            record = {"id": pair_id, "source": self.text(rng, "source"), "draft": self.text(rng, "draft")}
            if shape < 0.1:
                record.pop("source")
            elif shape < 0.15:
                record["draft"] = 42
            line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
            if shape > 0.9:
                line = mutate_text(rng, line, [])
            lines.append(line)
            if rng.random() < 0.1:
                lines.append("")
        data = b"".join(to_bytes(rng, line) + b"\n" if rng.random() < 0.1 else (line + "\n").encode("utf-8", "surrogatepass")
                        for line in lines)
        argv = ["check", "--pairs-jsonl"]
        if rng.random() < 0.2:
            argv.append("--segmented")
        if rng.random() < 0.2:
            argv += ["--rule", rng.choice(["number.extra=off", "glossary.missing=error", "nope=off", "entity.name=loud"])]
        if rng.random() < 0.2:
            argv += ["-g", self.glossary(rng, workdir)]
        if rng.random() < 0.3:
            argv.append("-")
            self.run(workdir, argv, stdin=data, kind="jsonl")
        else:
            (Path(workdir) / "pairs.jsonl").write_bytes(data)
            argv.append("pairs.jsonl")
            if rng.random() < 0.1:
                argv += ["-o", rng.choice(["pairs.jsonl", "out.jsonl"])]
            self.run(workdir, argv, kind="jsonl" if "-o" not in argv else "")

    def explain(self, rng, workdir):
        argv = ["explain"] + ([rng.choice(RULES + ["", "x" * 1000, "\x1b[31m"])] if rng.random() < 0.8 else [])
        self.run(workdir, argv)

    # -- the campaign ---------------------------------------------------------------

    def main(self):
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=self.args.jobs) as pool:
            index = 0
            while self.runs < self.args.runs:
                batch = list(range(index, index + 64))
                index += 64
                list(pool.map(self.iteration, batch))
                if self.args.verbose:
                    print(f"{self.runs} runs, {self.failures} failures", file=sys.stderr, flush=True)
        elapsed = time.monotonic() - started
        summary = {
            "runs": self.runs,
            "failures": self.failures,
            "invalid_outputs": self.invalid_outputs,
            "seconds": round(elapsed, 1),
            "runs_by_command": dict(sorted(self.by_command.items())),
            "exit_codes": dict(sorted(self.exit_codes.items())),
            "slowest_run": {"seconds": round(self.slowest[0], 2), "command": self.slowest[1]},
            "commonest_refusals": dict(sorted(self.errors.items(), key=lambda item: -item[1])[:15]),
            "saved_in": str(self.out),
        }
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 1 if self.failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30000, help="selaras invocations in all (at least)")
    parser.add_argument("--jobs", type=int, default=2, help="runs at the same time")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds of processor time before a run counts as a hang")
    parser.add_argument("--binary", default=str(REPO / "target" / "release" / "selaras"))
    parser.add_argument("--out", help="where failing cases are saved")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not Path(args.binary).exists():
        sys.exit(f"{args.binary} does not exist: run `cargo build --release` first")
    sys.exit(Campaign(args).main())


if __name__ == "__main__":
    main()
