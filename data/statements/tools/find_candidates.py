"""List quoted spans that share word n-grams across files (candidate pairs to READ; labels are
decided by hand). Usage: find_candidates.py ROOT N [MINSHARED] > out.txt"""

import argparse
import collections
import itertools
import pathlib
import re

QUOTE = re.compile(r'“([^”]{10,1200})”|"([^"\n]{10,1200})"|«\s*([^»]{10,800})»|„([^“]{10,800})“')
MAX_SPANS_PER_NGRAM = 12  # n-grams in more spans than this are boilerplate

# (file relative to root, line number, quoted text, words of the text)
Span = tuple[str, int, str, list[str]]


def words(text: str) -> list[str]:
    """Lower-cased word tokens, with curly apostrophes made straight."""
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def collect_spans(root: pathlib.Path, n: int) -> list[Span]:
    """Every quoted span of at least n words in the .txt then .md files under root."""
    spans: list[Span] = []
    for path in sorted(root.rglob("*.txt")) + sorted(root.rglob("*.md")):
        lines = path.read_text(errors="replace").splitlines()
        for line_no, line in enumerate(lines, 1):
            for match in QUOTE.finditer(line):
                text = next(group for group in match.groups() if group)
                span_words = words(text)
                if len(span_words) >= n:
                    spans.append((str(path.relative_to(root)), line_no, text, span_words))
    return spans


def index_ngrams(spans: list[Span], n: int) -> dict[tuple[str, ...], set[int]]:
    """Map each word n-gram to the indices of the spans that contain it."""
    index: dict[tuple[str, ...], set[int]] = collections.defaultdict(set)
    for i, (_, _, _, span_words) in enumerate(spans):
        for k in range(len(span_words) - n + 1):
            index[tuple(span_words[k : k + n])].add(i)
    return index


def count_shared(
    spans: list[Span], index: dict[tuple[str, ...], set[int]]
) -> collections.Counter[tuple[int, int]]:
    """Count, per pair of spans in different files, the n-grams they share."""
    shared: collections.Counter[tuple[int, int]] = collections.Counter()
    for ids in index.values():
        if len(ids) > MAX_SPANS_PER_NGRAM:
            continue
        for i, j in itertools.combinations(sorted(ids), 2):
            if spans[i][0] != spans[j][0]:
                shared[i, j] += 1
    return shared


def print_candidates(
    spans: list[Span], shared: collections.Counter[tuple[int, int]], minshared: int
) -> None:
    """Print pairs sharing at least minshared n-grams, ordered by the first span's file."""
    ordered = sorted(shared.items(), key=lambda item: (spans[item[0][0]][0], item[0]))
    for (i, j), count in ordered:
        if count < minshared:
            continue
        a, b = spans[i], spans[j]
        print(f"## {count}\nA {a[0]}:{a[1]}\n  {a[2]}\nB {b[0]}:{b[1]}\n  {b[2]}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=pathlib.Path, help="folder searched for .txt and .md files")
    parser.add_argument("n", type=int, help="n-gram length in words")
    parser.add_argument(
        "minshared", type=int, nargs="?", default=1, help="least shared n-grams to list a pair"
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    spans = collect_spans(args.root, args.n)
    shared = count_shared(spans, index_ngrams(spans, args.n))
    print_candidates(spans, shared, args.minshared)


if __name__ == "__main__":
    main()
