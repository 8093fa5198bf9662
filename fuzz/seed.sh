#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs taken from the repository's
# own examples and fixtures (nothing outside the repository), plus a few
# short cases that once crashed or hung selaras. libFuzzer grows the
# corpus from there; corpus/ is not committed.
set -euo pipefail
cd "$(dirname "$0")"
root=..
seed() { mkdir -p "corpus/$1"; }

texts=("$root"/examples/korea-utara/*.txt "$root"/tests/fixtures/diff/*.txt)
for target in segment numbers; do
  seed "$target"
  for file in "${texts[@]}"; do
    cp "$file" "corpus/$target/$(basename "$(dirname "$file")")-$(basename "$file")"
  done
  printf 'Rapat pukul 9.30 di kafe.' > "corpus/$target/time-before-accent"
  printf 'KTT \xe2\x80\x9cG20\xe2\x80\x9d digelar.' > "corpus/$target/code-after-quote"
  printf 'Harga naik 2,5 persen menjadi Rp 10.000 pada 14.23 WIB.' > "corpus/$target/numbers"
done

seed pipeline
sample="$root/examples/korea-utara"
for draft in draft draft-errors; do
  { cat "$sample/source.id.txt"; printf '\0'; cat "$sample/$draft.en.txt"; } > "corpus/pipeline/$draft"
done
{ cat "$root/tests/fixtures/diff/hostile.id.txt"; printf '\0'; cat "$root/tests/fixtures/diff/hostile.en.txt"; } > corpus/pipeline/hostile
printf 'Rapat pukul 9.30 di kafe.\0The meeting at 9:30 caf\xc3\xa9.' > corpus/pipeline/time-before-accent
printf 'KTT \xe2\x80\x9cG20\xe2\x80\x9d digelar.\0The \xe2\x80\x9cG20\xe2\x80\x9d summit was held.' > corpus/pipeline/code-after-quote
for n in 1 2 3 4 5 6 7 8; do printf 'Ya.\n'; done > corpus/pipeline/ya
printf '\0' >> corpus/pipeline/ya
for n in 1 2 3 4 5 6 7 8; do printf 'Yes.\n'; done >> corpus/pipeline/ya

seed glossary_tsv
for file in "$root"/tests/fixtures/glossary/*.tsv "$root"/glossaries/*.tsv "$root/tests/fixtures/schemas/glossary/samples/omegat-glossary.utf8"; do
  cp "$file" "corpus/glossary_tsv/$(basename "$(dirname "$file")")-$(basename "$file")"
done
seed glossary_csv
cp "$root"/tests/fixtures/schemas/glossary/samples/*.csv corpus/glossary_csv/
seed glossary_tbx
cp "$root"/tests/fixtures/schemas/tbx/samples/*.tbx corpus/glossary_tbx/
seed glossary_json
cat > corpus/glossary_json/native.json <<'JSON'
{
  "version": 1,
  "entries": [
    {
      "sources": ["Korea Utara", "Korut"],
      "preferred": "North Korea",
      "admitted": ["North Korean"],
      "forbidden": ["Korea North"],
      "case_sensitive": false,
      "note": "Adjective: North Korean.",
      "domain": "countries",
      "match": "exact"
    },
    {"sources": ["pukul"], "preferred": "hit", "match": "affix"}
  ]
}
JSON

seed xliff
cp "$root"/tests/fixtures/xliff/*.xlf corpus/xliff/

seed project
cp "$root/examples/ci/selaras.toml" corpus/project/ci.toml
cat > corpus/project/full.toml <<'TOML'
glossaries = ["glossary/project.tsv"]
default_glossary = false
ignore = ["articles/archive/**", "drafts/*"]
fail_on = "warning"

[[pairs]]
source = "articles/**/*.id.txt"
target = "{dir}/{stem}.en.txt"

[[pairs]]
source = "/**"
target = "../{stem}.txt"

[rules]
punct = "info"
"entity.name" = "off"
TOML
echo "seeded: $(ls corpus | tr '\n' ' ')"
