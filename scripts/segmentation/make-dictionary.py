#!/usr/bin/env python3
"""Builds Sources/PlanCorpus/Resources/jieba-dict.txt, the word list of planq's segmenter.

Source: jieba 0.42.1 (MIT licence, Copyright 2012-2017 Sun Junyi), file jieba/dict.txt
(349,046 words with corpus counts and part-of-speech tags). Either copy works, they are identical:
  Debian:  apt-get download python3-jieba && dpkg-deb -x python3-jieba_0.42.1-3_all.deb x
           -> x/usr/lib/python3/dist-packages/jieba/dict.txt
  PyPI:    pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz
           -> jieba-0.42.1/jieba/dict.txt
Run:     python3 scripts/segmentation/make-dictionary.py DICT.txt > Sources/PlanCorpus/Resources/jieba-dict.txt

What it does (deterministic):
- drops the part-of-speech tags (planq does not use them);
- keeps words with a count >= MIN_COUNT (5), which keeps ~136k of the 349k words and a third of the
  size; the dropped words are mostly rare names and idioms seen 1-4 times;
- writes a first line `# total N` with the sum of ALL counts of the full list, so a kept word has the
  same log-probability log(count / N) as in jieba, and the segmentation of text made of kept words
  is jieba's (cut with HMM=False).
Lines keep the order of the source file: `word count`.
"""
import sys

MIN_COUNT = 5

def main(path):
    total = 0
    kept = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.strip().split(" ")
            if len(parts) < 2 or not parts[0]:
                continue
            word, count = parts[0], int(parts[1])
            total += count
            if count >= MIN_COUNT:
                kept.append((word, count))
    out = sys.stdout
    out.write("# jieba 0.42.1 dict.txt (MIT, Copyright 2012-2017 Sun Junyi), words with count >= %d; see scripts/segmentation/make-dictionary.py\n" % MIN_COUNT)
    out.write("# total %d\n" % total)
    for word, count in kept:
        out.write("%s %d\n" % (word, count))

if __name__ == "__main__":
    main(sys.argv[1])
