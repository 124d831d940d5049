"""Format the hand-written pair labels into data/statements/pairs/{dev,test}.jsonl and check them.

Input (hand-written, see GUIDE.md): quotes.tsv (QID, source, speaker, text) and labels.tsv
(story, QID a, QID b, same 1/0, kind, drift 1/0/-, note) plus '@split STORY dev|test' lines.
This script decides no label: it fills outlet and date from the source file's name or front
matter, checks that each text occurs verbatim on the cited line, that kinds/drift are
consistent, and writes JSONL. Usage: .venv/bin/python data/statements/tools/build_pairs.py
"""
import json, pathlib, re, sys, collections
HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
SHARED = pathlib.Path('/work/shared')
OUTLETS = {'breitbart': 'Breitbart', 'huff-post': 'HuffPost', 'nyt': 'New York Times', 'politico': 'Politico',
           'usa-today': 'USA Today', 'wash-post': 'Washington Post', 'west-journal': 'Western Journal'}
KINDS = {'copy', 'punctuation', 'ellipsis', 'brackets', 'partial', 'translation', 'hard_negative', 'negative'}
errors = []

def front(path):
    meta = {}
    text = path.read_text()
    m = re.match(r'---\n(.*?)\n---\n', text, re.S)
    for line in (m.group(1) if m else '').splitlines():
        k, _, v = line.partition(':')
        meta[k.strip()] = v.strip().strip('"')
    return meta

def resolve(src):
    """-> (outlet, date, line text or None, source string for the JSON)"""
    if src.startswith('fictional|'):
        _, outlet, date = src.split('|')
        return outlet, date, None, 'fictional (quote variant written for this set)'
    path, _, line = src.rpartition(':')
    if path.startswith('polnear/'):
        full = SHARED / path
        pub, date = full.stem.split('_')[:2]
        outlet = OUTLETS[pub]
        shown = '../shared/' + path + ':' + line
    else:
        full = (SHARED / path) if path.startswith(('corpus/', 'briefings/')) and not (REPO / path).exists() else REPO / path
        meta = front(full)
        outlet, date = meta.get('outlet', '?'), meta.get('date', '?')
        shown = path + ':' + line
        if path.startswith('tests/data/statements/'):
            shown += ' (fictional)'
    lines = full.read_text(errors='replace').splitlines()
    return outlet, date, lines[int(line) - 1], shown

quotes = {}
for n, row in enumerate((HERE / 'quotes.tsv').read_text().splitlines(), 1):
    if not row.strip() or row.startswith('#'):
        continue
    parts = row.split('\t')
    if len(parts) != 4:
        errors.append(f'quotes.tsv:{n}: {len(parts)} fields'); continue
    qid, src, speaker, text = parts
    if qid in quotes:
        errors.append(f'quotes.tsv:{n}: duplicate {qid}')
    outlet, date, line, shown = resolve(src)
    if line is not None and text not in line:
        errors.append(f'quotes.tsv:{n}: {qid} text not on {src}')
    quotes[qid] = {'text': text, 'speaker': speaker, 'outlet': outlet, 'date': date, 'source': shown}

split, pairs, seen = {}, [], set()
for n, row in enumerate((HERE / 'labels.tsv').read_text().splitlines(), 1):
    if not row.strip() or row.startswith('#'):
        continue
    if row.startswith('@split'):
        _, story, part = row.split()
        split[story] = part; continue
    parts = row.split('\t')
    if len(parts) != 7:
        errors.append(f'labels.tsv:{n}: {len(parts)} fields'); continue
    story, qa, qb, same, kind, drift, note = parts
    for q in (qa, qb):
        if q not in quotes: errors.append(f'labels.tsv:{n}: unknown {q}')
    key = frozenset((qa, qb))
    if key in seen or qa == qb: errors.append(f'labels.tsv:{n}: duplicate pair {qa} {qb}')
    seen.add(key)
    if kind not in KINDS: errors.append(f'labels.tsv:{n}: kind {kind}')
    same_b = same == '1'
    if same_b != (kind not in ('hard_negative', 'negative')): errors.append(f'labels.tsv:{n}: same/kind mismatch')
    if (drift == '-') == same_b: errors.append(f'labels.tsv:{n}: drift must be - iff not same')
    if kind == 'hard_negative' and quotes.get(qa, {}).get('speaker') != quotes.get(qb, {}).get('speaker'):
        errors.append(f'labels.tsv:{n}: hard negative with different speakers')
    pairs.append((story, qa, qb, same_b, kind, None if drift == '-' else drift == '1', note))
# 'extra:STORY' rows are labelled like the rest but kept out of dev/test (pairs/extra.jsonl) to keep
# the main sets at least half hard negatives; their split is that of STORY.

for s in {p[0].removeprefix('extra:') for p in pairs} - set(split):
    errors.append(f'story {s} has no @split')
if errors:
    print('\n'.join(errors)); sys.exit(1)
out = {'dev': [], 'test': [], 'extra': []}
for i, (story, qa, qb, same, kind, drift, note) in enumerate(pairs, 1):
    part = 'extra' if story.startswith('extra:') else split[story]
    story = story.removeprefix('extra:')
    out[part].append({'id': f'p{i:04d}', 'story': story, 'a': quotes[qa], 'b': quotes[qb], 'same': same,
                              'kind': kind, 'drift': drift, 'note': note})
dest = HERE.parent / 'pairs'
for part, rows in out.items():
    with open(dest / f'{part}.jsonl', 'w') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
# no quote may appear in both dev and test
where = collections.defaultdict(set)
for story, qa, qb, *_ in pairs:
    if not story.startswith('extra:'):
        where[qa].add(split[story]); where[qb].add(split[story])
leak = sorted(q for q, s in where.items() if len(s) > 1)
if leak:
    print('quotes in both splits:', leak); sys.exit(1)
pairs = [p for p in pairs if not p[0].startswith('extra:')]
c = collections.Counter((split[p[0]], p[4]) for p in pairs)
real = sum(1 for p in pairs if not (quotes[p[1]]['source'].startswith(('fictional', 'tests/')) and quotes[p[2]]['source'].startswith(('fictional', 'tests/'))))
for part in ('dev', 'test'):
    print(part, len(out[part]), dict(sorted((k, v) for (s, k), v in c.items() if s == part)))
print('total', len(pairs), 'same', sum(p[3] for p in pairs), 'hard_negative', sum(p[4] == 'hard_negative' for p in pairs),
      'negative', sum(p[4] == 'negative' for p in pairs), 'drift', sum(bool(p[5]) for p in pairs), 'real (>=1 real side)', real)
