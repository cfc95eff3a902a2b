#!/bin/sh
# Checks the links between README.md and docs/*.md: every relative link
# must name a file that exists, and a #anchor must be a heading of the
# file it points into (the link's own file for a bare #anchor). Anchors
# follow GitHub's rule: lower case, punctuation other than '-' and '_'
# dropped (letters of any script, Japanese included, kept), each space a
# '-', and a repeated heading gets -1, -2, ... Links inside code (fenced
# blocks, `spans`) and to other sites (http:, https:, mailto:) are not
# links here. Prints "ok - FILE:LINE TARGET" or "not ok - FILE:LINE
# TARGET: why" per link and "N passed, M failed" (as tests/cli/lib.sh's
# finish does, so scripts/test.sh counts them); exits 1 on any failure.
cd "$(dirname "$0")/.." || exit 2
exec python3 - README.md docs/*.md <<'PY'
import os, re, sys, unicodedata

def slug(text):
    text = re.sub(r'<[^>]*>', '', text).strip().lower()
    keep = []
    for c in text:
        cat = unicodedata.category(c)
        if c in '-_ ' or cat[0] in 'LNM':
            keep.append(c)
    return ''.join(keep).replace(' ', '-')

def lines_outside_code(path):
    """(line number, line, line without its `code spans`) outside fences."""
    fence = None
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            m = re.match(r'^\s*(```+|~~~+)', line)
            if m:
                if fence is None:
                    fence = m.group(1)[:3]
                elif m.group(1).startswith(fence):
                    fence = None
                continue
            if fence is None:
                line = line.rstrip('\n')
                yield n, line, re.sub(r'`+[^`]*`+', '', line)

anchors = {}
def anchors_of(path):
    if path not in anchors:
        seen, found = {}, set()
        for _, line, _ in lines_outside_code(path):
            m = re.match(r'^#{1,6}\s+(.*?)\s*#*\s*$', line)
            if not m:
                continue
            s = slug(m.group(1))
            k = seen.get(s, 0)
            seen[s] = k + 1
            found.add(s if k == 0 else '%s-%d' % (s, k))
        anchors[path] = found
    return anchors[path]

passed = failed = 0
link = re.compile(r'\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')
for doc in sys.argv[1:]:
    for n, _, line in lines_outside_code(doc):
        for target in link.findall(line):
            if re.match(r'^[a-z][a-z0-9+.-]*:', target):
                continue
            path, _, anchor = target.partition('#')
            dest = os.path.normpath(os.path.join(os.path.dirname(doc), path)) if path else doc
            why = None
            if not os.path.exists(dest):
                why = 'no file %s' % dest
            elif anchor and dest.endswith('.md') and anchor not in anchors_of(dest):
                why = 'no heading for #%s in %s' % (anchor, dest)
            if why:
                failed += 1
                print('not ok - %s:%d %s: %s' % (doc, n, target, why))
            else:
                passed += 1
                print('ok - %s:%d %s' % (doc, n, target))
print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
