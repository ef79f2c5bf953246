#!/usr/bin/env python3
"""Builds Sources/PlanCorpus/Resources/jieba-hmm.txt, the HMM planq's segmenter uses for unknown words.

Source: jieba 0.42.1 (MIT licence, Copyright 2012-2017 Sun Junyi), folder jieba/finalseg:
prob_start.py, prob_trans.py, prob_emit.py (a B/M/E/S character-tagging HMM; 14,632 characters).
Get it as for make-dictionary.py (Debian python3-jieba 0.42.1-3, or the PyPI sdist jieba 0.42.1).
Run:  python3 scripts/segmentation/make-hmm.py PATH/TO/jieba/finalseg > Sources/PlanCorpus/Resources/jieba-hmm.txt

Format (deterministic):
  start <TAB> B <TAB> M <TAB> E <TAB> S              log start probabilities
  trans <TAB> FROM <TAB> B <TAB> M <TAB> E <TAB> S    log transition probabilities (one line per FROM state)
  CHAR <TAB> B <TAB> M <TAB> E <TAB> S               log emission probabilities
Impossible values (jieba's -3.14e100, or a missing entry) are written as `-`. Probabilities are rounded
to 4 decimals, which changes no Viterbi decision that matters and keeps the file small. Characters are
sorted by code point.
"""
import os, sys

STATES = "BMES"

def load(folder, name):
    scope = {}
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        exec(f.read(), scope)
    return scope["P"]

def fmt(x):
    return "-" if x is None or x < -1e30 else "%.4f" % x

def main(folder):
    start, trans, emit = load(folder, "prob_start.py"), load(folder, "prob_trans.py"), load(folder, "prob_emit.py")
    out = sys.stdout
    out.write("# jieba 0.42.1 finalseg HMM (MIT, Copyright 2012-2017 Sun Junyi); see scripts/segmentation/make-hmm.py\n")
    out.write("start\t" + "\t".join(fmt(start.get(s)) for s in STATES) + "\n")
    for a in STATES:
        out.write("trans\t" + a + "\t" + "\t".join(fmt(trans.get(a, {}).get(b)) for b in STATES) + "\n")
    chars = sorted(set().union(*[set(v) for v in emit.values()]))
    for c in chars:
        out.write(c + "\t" + "\t".join(fmt(emit[s].get(c)) for s in STATES) + "\n")

if __name__ == "__main__":
    main(sys.argv[1])
