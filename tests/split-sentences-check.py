#!/usr/bin/env python3
"""Helpers of tests/split-sentences.bats.

usage: split-sentences-check.py lossless INPUT OUTPUT [NAME]
       split-sentences-check.py random SEED PARAGRAPHS

lossless: OUTPUT (split-sentences' records for INPUT, read as NAME, '-' by
default) keeps every paragraph of INPUT, in order: its sentences joined by
one space are the paragraph with white space folded (Python's str.split),
SENT counts from 1, and an empty paragraph gives no record.  Prints the
first difference and exits 1 otherwise.

random: PARAGRAPHS random paragraphs full of sentence-boundary traps, plain
lines and DOC LINE TEXT records mixed, the same for the same SEED.
"""

import random
import sys

UNESCAPE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def unescape(field):
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field) and field[i + 1] in UNESCAPE:
            out.append(UNESCAPE[field[i + 1]])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def escape(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def records(path):
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    for n, raw in enumerate(lines, 1):
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        yield n, raw.decode("utf-8", "replace")


def lossless(inp, outp, name="-"):
    want = []
    for n, line in records(inp):
        if "\t" in line:
            f = line.split("\t")
            if len(f) != 3:
                continue
            key, text = (f[0], f[1]), unescape(f[2])
        else:
            key, text = (escape(name), str(n)), line
        folded = " ".join(text.split())
        if folded:
            want.append((key, folded))
    got = []
    for n, line in records(outp):
        f = line.split("\t")
        if len(f) != 4:
            return "output line %d: want 4 fields, got %d" % (n, len(f))
        key = (f[0], f[1])
        if got and got[-1][0] == key:
            got[-1][1].append(unescape(f[3]))
            got[-1][2].append(f[2])
        else:
            got.append((key, [unescape(f[3])], [f[2]]))
    for i, (key, folded) in enumerate(want):
        if i >= len(got):
            return "paragraph %s:%s missing" % key
        gkey, sents, nums = got[i]
        if gkey != key:
            return "paragraph %d is %s:%s, want %s:%s" % ((i + 1,) + gkey + key)
        if " ".join(sents) != folded:
            return "paragraph %s:%s: %r != %r" % (key + (" | ".join(sents), folded))
        if nums != [str(k) for k in range(1, len(sents) + 1)]:
            return "paragraph %s:%s: SENT %s" % (key + (",".join(nums),))
        if any(s == "" or s != s.strip() for s in sents):
            return "paragraph %s:%s: empty or padded sentence" % key
    if len(got) > len(want):
        return "extra paragraph %s:%s" % got[len(want)][0]
    return None


WORDS = ["harga", "naik", "Jakarta", "Presiden", "dia", "The", "U.S.", "Mr.", "e.g.",
         "a.m.", "No.", "Prof.", "Dr.", "Ir.", "H.", "S.H.,", "M.Si.", "Kab.", "Kec.",
         "Jl.", "dkk.", "dll.", "dsb.", "tsb.", "Tbk.", "AS.", "30.505", "Rp1,5",
         "13.28", "WIB", "28/9/2022", "Mediaindonesia.com", "DIALEKSIS.COM", "...",
         "…", ". . .", ".", "?", "!", "(BBNI)", "[...]", "1.", "2.", "a)", "b)", "•",
         "⁃3.", "I.", "E.", "Dia", "Namun", "It", "co.", "\\", "x\x00y", "é", "Éric",
         "“Kami", "datang.”", "'kata'", "\"Apa?\"", "tanya", "5.", "$100.00.", "p.",
         "Hello!?", "Yahoo!", "ok.)", "(He", "kata", "Rp", "10.000,-", ":", ";", "—"]
ENDS = ["", "", "", ".", ".", ".", "?", "!", ",", ".\"", ".”", ".)", "...", "?!", ".'"]
SPACES = [" ", " ", " ", " ", "  ", "\u00a0", "\u2003", "\u3000", "\t", "\x0b", "\x85"]


def paragraph(rng):
    out = []
    for _ in range(rng.randint(0, 40)):
        w = rng.choice(WORDS)
        if rng.random() < 0.3:
            w = w.capitalize()
        out.append(w + rng.choice(ENDS))
        out.append(rng.choice(SPACES))
    if rng.random() < 0.2:
        out.insert(0, rng.choice(SPACES))
    return "".join(out)


def generate(seed, count):
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        text = paragraph(rng)
        if "\t" in text or "\x0b" in text or rng.random() < 0.5:
            lines.append("doc\\%d\t%d\t%s" % (i % 3, i + 1, escape(text)))
        else:
            lines.append(text.replace("\x85", " "))
    sys.stdout.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) in (4, 5) and sys.argv[1] == "lossless":
        why = lossless(*sys.argv[2:])
        if why:
            print("not lossless: " + why, file=sys.stderr)
            sys.exit(1)
    elif len(sys.argv) == 4 and sys.argv[1] == "random":
        generate(int(sys.argv[2]), int(sys.argv[3]))
    else:
        print(__doc__.split("\n\n")[0].split("\n", 1)[1], file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
