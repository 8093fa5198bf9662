#!/usr/bin/env python3
"""Check the shipped selaras glossaries (glossaries/*.tsv) against their conventions.

Usage: python3 tools/cldr/check_tsv.py [FILE.tsv ...]
With no arguments, checks every glossaries/*.tsv of the repository this script is in.
Prints one `file:line: message` per violation and exits 1 if there is any, else 0.
Standard library only.

Rules (see glossaries/README.md):
  * UTF-8 without BOM, NFC, LF line endings (no CR), ends with a newline;
  * the first line is a `#` comment (the file's header); `#` lines are comments;
  * every data line has exactly three TAB-separated fields: source, target, comment
    (the comment may be empty); no empty lines;
  * source and target are non-empty; no field has leading or trailing whitespace,
    control characters, NBSP (U+00A0, U+202F) or zero-width / BOM characters;
  * data rows sorted by source in plain byte order (ties keep file order);
  * no duplicate (source, target) pair in a file;
  * no two sources in a file differ only by letter case, unless one of them is an
    all-capital acronym of up to 5 letters (those are matched case-sensitively);
  * the same source in several files has the same preferred (first) target;
  * a shipped file that selaras layers after another (LAYERS, the order of SHIPPED in
    src/glossary/mod.rs) replaces that file's entry for a shared source, so it must
    admit every target the earlier file gives (countries.tsv gives `Denmark` -> Danish;
    a news.tsv entry for `Denmark` without Danish would silently drop it);
  * a header line `# N source terms, M rows.` states the file's true counts.
"""

import os
import re
import sys
import unicodedata

FORBIDDEN = {
    "\u00a0": "NBSP",
    "\u202f": "narrow NBSP",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "BOM / zero-width no-break space",
    "\u00ad": "soft hyphen",
}
COUNTS = re.compile(r"^# (\d+) source terms, (\d+) rows\.$")
ACRONYM = re.compile(r"^[A-Z]{1,5}$")
# Layering order of the shipped glossaries (src/glossary/mod.rs, SHIPPED): a later
# file's entry replaces an earlier file's entry for the same source (case-folded).
LAYERS = ("countries.tsv", "calendar.tsv", "news.tsv")


def check_file(path, errors, preferred, targets_of=None):
    def err(line, msg):
        errors.append(f"{path}:{line}: {msg}")

    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        err(1, "starts with a UTF-8 BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        err(0, f"not UTF-8 at byte {e.start}")
        return
    if "\r" in text:
        err(text[: text.index("\r")].count("\n") + 1, "CR character (line endings must be LF)")
    if text != unicodedata.normalize("NFC", text):
        for i, line in enumerate(text.split("\n"), 1):
            if line != unicodedata.normalize("NFC", line):
                err(i, "not NFC")
    if not text.endswith("\n"):
        err(text.count("\n") + 1, "no newline at end of file")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("#"):
        err(1, "first line must be a '#' header comment")

    rows = []  # (line number, source, target)
    for i, line in enumerate(lines, 1):
        if line.startswith("#"):
            continue
        if line == "":
            err(i, "empty line")
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            err(i, f"expected 3 TAB-separated fields (source, target, comment), got {len(fields)}")
            continue
        for name, value in zip(("source", "target", "comment"), fields):
            if value != value.strip():
                err(i, f"{name} has leading or trailing whitespace: {value!r}")
            for ch, what in FORBIDDEN.items():
                if ch in value:
                    err(i, f"{name} contains {what} (U+{ord(ch):04X})")
            for ch in value:
                if unicodedata.category(ch) == "Cc":
                    err(i, f"{name} contains control character U+{ord(ch):04X}")
        source, target, _ = fields
        if not source.strip():
            err(i, "empty source")
        if not target.strip():
            err(i, "empty target")
        rows.append((i, source, target))

    # Sorted by source, plain byte order.
    for (la, a, _), (lb, b, _) in zip(rows, rows[1:]):
        if a.encode("utf-8") > b.encode("utf-8"):
            err(lb, f"not sorted by source: {b!r} after {a!r} (line {la})")

    # Duplicates and case variants.
    pairs = {}
    folded = {}
    first_target = {}
    for i, s, t in rows:
        if (s, t) in pairs:
            err(i, f"duplicate pair {s!r} -> {t!r} (first at line {pairs[(s, t)]})")
        else:
            pairs[(s, t)] = i
        first_target.setdefault(s, (t, i))
        if ACRONYM.match(s):
            continue
        key = s.casefold()
        if key in folded and folded[key][0] != s:
            if (s, t) != (s, first_target[s][0]):
                continue  # reported at this source's first row
            err(i, f"source {s!r} differs only in case from {folded[key][0]!r} (line {folded[key][1]})")
        else:
            folded.setdefault(key, (s, i))

    # A header line "# N source terms, M rows." must state the true counts.
    for i, line in enumerate(lines, 1):
        m = COUNTS.match(line)
        if m and (int(m.group(1)), int(m.group(2))) != (len(first_target), len(rows)):
            err(i, f"header says {m.group(1)} source terms, {m.group(2)} rows; "
                   f"the file has {len(first_target)} source terms, {len(rows)} rows")

    for s, (t, i) in first_target.items():
        preferred.setdefault(s, []).append((path, i, t))
    if targets_of is not None:
        for i, s, t in rows:
            entry = targets_of.setdefault(s.casefold(), (s, i, []))
            if t not in entry[2]:
                entry[2].append(t)
    return len(first_target), len(rows)


def check_layers(by_file, errors):
    """A later layer must admit every target of an earlier layer's shared source."""
    order = [name for name in LAYERS if name in by_file]
    for a, earlier in enumerate(order):
        for later in order[a + 1:]:
            path_e, targets_e = by_file[earlier]
            path_l, targets_l = by_file[later]
            for key, (source, line, later_targets) in sorted(targets_l.items()):
                if key not in targets_e:
                    continue
                dropped = [t for t in targets_e[key][2] if t not in later_targets]
                if dropped:
                    errors.append(
                        f"{path_l}:{line}: {source!r} replaces the entry of {path_e}:{targets_e[key][1]} "
                        f"but does not admit its targets {', '.join(repr(t) for t in dropped)}"
                    )


def main(argv):
    if len(argv) > 1:
        paths = argv[1:]
    else:
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
        gdir = os.path.join(root, "glossaries")
        paths = sorted(os.path.join(gdir, n) for n in os.listdir(gdir) if n.endswith(".tsv"))
        paths = [os.path.relpath(p) for p in paths]
    if not paths:
        print("check_tsv: no .tsv files to check", file=sys.stderr)
        return 1
    errors = []
    preferred = {}
    by_file = {}
    for p in paths:
        targets_of = {}
        counts = check_file(p, errors, preferred, targets_of)
        if os.path.basename(p) in LAYERS:
            by_file[os.path.basename(p)] = (p, targets_of)
        if counts:
            print(f"{p}: {counts[0]} source terms, {counts[1]} rows")
    # Cross-file: a source shared by several files must prefer the same target.
    for s, where in sorted(preferred.items()):
        targets = {t for _, _, t in where}
        if len(targets) > 1:
            desc = "; ".join(f"{p}:{i} {t!r}" for p, i, t in where)
            errors.append(f"{where[-1][0]}:{where[-1][1]}: source {s!r} has different preferred targets across files: {desc}")
    check_layers(by_file, errors)
    for e in errors:
        print(e)
    if errors:
        print(f"check_tsv: {len(errors)} violation(s)")
        return 1
    print(f"check_tsv: {len(paths)} file(s) OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
