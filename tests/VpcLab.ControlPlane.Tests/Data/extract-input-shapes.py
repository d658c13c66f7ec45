"""Regenerates ec2-input-shapes.json: the botocore EC2 input shapes of every action that has a
<Action>Request record in src/VpcLab.ControlPlane. Run from the repository root:
    python3 tests/VpcLab.ControlPlane.Tests/Data/extract-input-shapes.py [path/to/service-2.json.gz]
botocore's model is Apache-2.0 licensed."""
import glob, gzip, json, re, sys

MODEL = sys.argv[1] if len(sys.argv) > 1 else \
    '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data/ec2/2016-11-15/service-2.json.gz'
m = json.load(gzip.open(MODEL))
S = m['shapes']
src = ''.join(open(f).read() for f in glob.glob('src/VpcLab.ControlPlane/**/*.cs', recursive=True))
ops = sorted(set(re.findall(r'public sealed record (\w+)Request\b', src)) & set(m['operations']))
shapes = {}


def visit(name):
    if name in shapes or S[name]['type'] != 'structure':
        return
    entry = shapes[name] = {}
    for key, value in S[name]['members'].items():
        ms = S[value['shape']]
        e = {'type': ms['type']}
        if ms['type'] == 'structure':
            e['shape'] = value['shape']
            visit(value['shape'])
        elif ms['type'] == 'list':
            inner = ms['member']['shape']
            e['member'] = S[inner]['type']
            if S[inner]['type'] == 'structure':
                e['shape'] = inner
                visit(inner)
        entry[key] = e


out = {'source': 'botocore data/ec2/2016-11-15/service-2.json (Apache-2.0), input shapes of the actions the ControlPlane implements',
       'operations': {}, 'shapes': shapes}
for op in ops:
    out['operations'][op] = m['operations'][op]['input']['shape']
    visit(out['operations'][op])
json.dump(out, open('tests/VpcLab.ControlPlane.Tests/Data/ec2-input-shapes.json', 'w'), indent=1, sort_keys=True)
print(len(ops), 'operations,', len(shapes), 'shapes')
