#!/usr/bin/env python3
"""Builds the benchmark corpus: the sample documents re-issued under other city names, numbers varied.

    python3 bench/make-corpus.py --samples corpus/samples --out bench/out/corpus --count 10000 --seed 1

Each output document is one sample with every prefecture-level city of the gazetteer
(Sources/PlanCorpus/Resources/gazetteer.tsv) it names, and the template placeholders ([地区名称], xx市),
replaced by another real city, and every number that is not a year replaced by
a random number with as many digits. The same seed gives the same corpus byte for byte. Most documents are
UTF-8 .txt; one in twenty is GB18030 and one in twenty an .html page, so loading meets what real corpora hold.
Documents go in folders of 100 so the loader walks subfolders.
"""
import argparse, html, os, random, re, shutil

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--samples", default=os.path.join(here, "..", "corpus", "samples"))
parser.add_argument("--out", default=os.path.join(here, "out", "corpus"))
parser.add_argument("--count", type=int, default=10000)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

# Prefecture-level cities (name 包头市, short 包头) from the project's gazetteer.
cities, shorts = [], []
gazetteer = os.path.join(here, "..", "Sources", "PlanCorpus", "Resources", "gazetteer.tsv")
for line in open(gazetteer, encoding="utf-8"):
    row = line.rstrip("\n").split("\t")
    if len(row) >= 4 and row[3] == "prefecture" and row[1].endswith("市") and len(row[2]) >= 2:
        cities.append(row[1])
        shorts.append(row[2])
if not cities:
    raise SystemExit(f"make-corpus: no prefecture-level cities in {gazetteer}")
samples = []
for name in sorted(os.listdir(args.samples)):
    if name.endswith(".txt") and not name.upper().startswith(("README", "SOURCES", "LICENSE")):
        samples.append(open(os.path.join(args.samples, name), encoding="utf-8").read())
if not samples:
    raise SystemExit(f"make-corpus: no samples in {args.samples}")

placeholders = ["[地区名称]", "xx市", "XX市", "××市"]
number = re.compile(r"\d+")

# City names each sample mentions (short names, so 包头 and 包头市 both change), found once.
named = [[short for short in shorts if short in sample] for sample in samples]

def reissue(index, rng):
    text = samples[index]
    city = rng.choice(cities)
    for old in placeholders:
        text = text.replace(old, city)
    for short in named[index]:
        text = text.replace(short, rng.choice(shorts))

    def vary(m):
        digits = m.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return digits                     # keep years, so plan periods stay plausible
        if len(digits) == 1:
            return str(rng.randint(1, 9)) if digits != "0" else digits
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))
    return number.sub(vary, text)

if os.path.isdir(args.out):
    shutil.rmtree(args.out)
rng = random.Random(args.seed)
total = 0
for i in range(args.count):
    text = reissue(i % len(samples), rng)
    folder = os.path.join(args.out, f"{i // 100:03d}")
    os.makedirs(folder, exist_ok=True)
    if i % 20 == 7:
        data, ext = text.encode("gb18030"), "txt"
    elif i % 20 == 13:
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
        page = f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{i}</title>" \
               f"<script>var x = 1;</script></head>\n<body>\n{body}</body></html>\n"
        data, ext = page.encode("utf-8"), "html"
    else:
        data, ext = text.encode("utf-8"), "txt"
    with open(os.path.join(folder, f"{i:05d}.{ext}"), "wb") as f:
        f.write(data)
    total += len(data)
print(f"make-corpus: {args.count} documents, {total} bytes in {args.out}")
