"""Agreement of the blind second pass (second_pass/relabel.tsv) with the labels in pairs/test.jsonl."""
import json, pathlib
D = pathlib.Path(__file__).resolve().parents[1]
first = {json.loads(l)['id']: json.loads(l) for l in open(D / 'pairs/test.jsonl')}
blind = {json.loads(l)['k']: json.loads(l)['id'] for l in open(D / 'second_pass/blind.jsonl')}
n = same_agree = both_same = drift_agree = 0
for line in open(D / 'second_pass/relabel.tsv'):
    if line.startswith('#') or not line.strip(): continue
    k, same, drift = line.split()
    r = first[blind[k]]
    n += 1
    s2 = same == '1'
    if s2 == r['same']: same_agree += 1
    else: print('same differs:', k, r['id'], r['kind'], '| first', r['same'], '| second', s2, '|', r['note'])
    if s2 and r['same']:
        both_same += 1
        if (drift == '1') == bool(r['drift']): drift_agree += 1
        else: print('drift differs:', k, r['id'], r['drift'], drift)
print(f'pairs {n}; same/not-same agreement {same_agree}/{n} = {same_agree / n:.3f}; '
      f'drift agreement on pairs both passes call same {drift_agree}/{both_same} = {drift_agree / both_same:.3f}')
fs = sum(first[blind[k]]['same'] for k in blind)
print('first pass same:', fs, 'of', n)
