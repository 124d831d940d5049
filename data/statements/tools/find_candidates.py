"""List quoted spans that share word n-grams across files (candidate pairs to READ; labels are
decided by hand). Usage: find_candidates.py ROOT N [MINSHARED] > out.txt"""
import re, sys, collections, pathlib, itertools
QUOTE = re.compile(r'“([^”]{10,1200})”|"([^"\n]{10,1200})"|«\s*([^»]{10,800})»|„([^“]{10,800})“')
def words(s): return re.findall(r"[a-z0-9']+", s.lower().replace('’', "'"))
root = pathlib.Path(sys.argv[1]); n = int(sys.argv[2]); minshared = int(sys.argv[3]) if len(sys.argv) > 3 else 1
spans = []
for p in sorted(root.rglob('*.txt')) + sorted(root.rglob('*.md')):
    for ln, line in enumerate(p.read_text(errors='replace').splitlines(), 1):
        for m in QUOTE.finditer(line):
            t = next(g for g in m.groups() if g)
            w = words(t)
            if len(w) >= n: spans.append((str(p.relative_to(root)), ln, t, w))
idx = collections.defaultdict(set)
for i, (_, _, _, w) in enumerate(spans):
    for k in range(len(w) - n + 1): idx[tuple(w[k:k + n])].add(i)
shared = collections.Counter()
for ids in idx.values():
    if len(ids) > 12: continue  # boilerplate
    for i, j in itertools.combinations(sorted(ids), 2):
        if spans[i][0] != spans[j][0]: shared[i, j] += 1
for (i, j), c in sorted(shared.items(), key=lambda x: (spans[x[0][0]][0], x[0])):
    if c < minshared: continue
    a, b = spans[i], spans[j]
    print(f"## {c}\nA {a[0]}:{a[1]}\n  {a[2]}\nB {b[0]}:{b[1]}\n  {b[2]}")
