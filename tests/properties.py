#!/usr/bin/env python3
"""Generated inputs for tests/properties.bats (fixed seeds).

properties.py sentences SEED N   N sentences of tagger traps, as plain text lines
properties.py pages SEED N       N pages of mixed prose, menus and headlines,
                                 separated by lines holding only "@@@"
"""
import random
import sys

WORDS = ("yang dan di ke dari Presiden Joko Widodo Kementerian Dalam Negeri (Kemendagri) "
         "Rp1,5 juta 30.505 3,5 persen Kamis (4/8) 13.28 WIB 28/9/2022 Agustus 2022 "
         "info@contoh.go.id https://contoh.com/a?b=1 Jl. Sudirman No. 5 Kab. Bogor "
         "Suhajar Diantoro kata ujar Bapak Dr. H. Anas ( ) , . \" ' - / é ñ Ünal 東京 "
         "🙂 BSKDN Badan Strategi Kebijakan Dalam Negeri Jabar 12% $5 US$ 2.000 ribu "
         "triliun miliar Senin Januari 1945 pukul 07.00 WITA 10 km 5 kg").split()


def sentences(rng, n):
    for _ in range(n):
        print(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40))))


def pages(rng, n):
    for p in range(n):
        for _ in range(rng.randint(0, 30)):
            kind = rng.random()
            if kind < 0.2:
                print()
            elif kind < 0.4:
                print(" | ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))))
            else:
                print(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 60))) + rng.choice(["", ".", "?"]))
        if p + 1 < n:
            print("@@@")


if __name__ == "__main__":
    what, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    {"sentences": sentences, "pages": pages}[what](random.Random(seed), n)
