"""Letter-spacing repair (spacing.py) measured: lines changed per file, and the accuracy of the
segmentation on simulated letter spacing of clean text.

    python bench/spacing.py                       # knowledge/, bench/*/knowledge/, ../shared/corpus/knowledge
    python bench/spacing.py DIR_OR_FILE ... [-v]  # -v: every changed line, before and after
    python bench/spacing.py --simulate [--runs 4000]

Lines changed: physical lines and logical lines (structure.py) whose text repair_spacing changes;
a clean file must show 0. The simulation breaks each syllable of runs of clean syllables
(knowledge/ and bench/*/knowledge/) at each letter (digraphs ch gh kh ng ngh nh ph qu th tr kept)
with probability 0.5, and counts the syllables segment_run gives back exactly.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant import spacing  # noqa: E402
from assistant.documents import load_file  # noqa: E402
from assistant.structure import logical_lines  # noqa: E402

SUFFIXES = {".txt", ".md", ".html", ".docx", ".pdf"}


def _files(args: list[str]) -> list[Path]:
    roots = [Path(a) for a in args] or [ROOT / "knowledge", *sorted(ROOT.glob("bench/*/knowledge")), ROOT.parent / "shared" / "corpus" / "knowledge"]
    out: list[Path] = []
    for root in roots:
        out += [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES)
    return out


def changed_lines(paths: list[Path], verbose: bool) -> None:
    total = 0
    for path in paths:
        lines = load_file(path).lines
        physical = [(k + 1, line, spacing.repair_spacing(line)) for k, line in enumerate(lines)]
        physical = [x for x in physical if x[1] != x[2]]
        logical = [e for e in logical_lines(lines) if spacing.repair_spacing(e.text) != e.text]
        total += len(physical)
        print(f"{len(physical):4d} physical {len(logical):4d} logical  {path}")
        if verbose:
            for n, before, after in physical:
                print(f"      {n}: {before}\n   -> {n}: {after}")
    print(f"{total} physical lines changed in {len(paths)} files")


_UNITS = re.compile(r"ngh|ng|nh|ch|gh|kh|ph|th|tr|qu|.", re.I)


def simulate(n_runs: int, seed: int = 2) -> None:
    runs = []
    for path in _files([str(ROOT / "knowledge"), *map(str, sorted(ROOT.glob("bench/*/knowledge")))]):
        for line in load_file(path).lines:
            for run in spacing._runs(line):
                tokens = [m.group(0) for m in run]
                if len(tokens) >= 2 and all(map(spacing.is_syllable, tokens)):
                    runs.append(tokens)
    rng = random.Random(seed)
    rng.shuffle(runs)
    runs = runs[:n_runs]

    def spans(words: list[str]) -> set[tuple[int, int]]:
        out, pos = set(), 0
        for w in words:
            out.add((pos, pos + len(w)))
            pos += len(w)
        return out

    for case in ("as written", "UPPER"):
        ok = total = exact = 0
        for tokens in runs:
            tokens = [t.upper() for t in tokens] if case == "UPPER" else tokens
            fragments = []
            for t in tokens:
                units = _UNITS.findall(t)
                fragments.append(units[0])
                for u in units[1:]:
                    if rng.random() < 0.5:
                        fragments.append(u)
                    else:
                        fragments[-1] += u
            want, got = spans(tokens), spans(["".join(g) for g in spacing.segment_run(fragments)])
            ok += len(want & got)
            total += len(want)
            exact += want == got
        print(f"{case}: {len(runs)} runs, syllables {ok / total:.2%}, runs exact {exact / len(runs):.2%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--simulate", action="store_true")
    ap.add_argument("--runs", type=int, default=4000)
    args = ap.parse_args()
    if args.simulate:
        simulate(args.runs)
    else:
        changed_lines(_files(args.paths), args.verbose)


if __name__ == "__main__":
    main()
