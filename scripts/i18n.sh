#!/bin/sh
# Checks the web interface's messages (web/i18n/LANG-PART.json) against
# the rules the pages and their scripts rely on:
#   - a placeholder is {1}..{9} and nothing else ({v1}, {n}, {minutes},
#     %1 are other syntaxes: the server's {{t}} and the scripts' fill()
#     would leave them in the text);
#   - en-PART.json and ja-PART.json have the same keys;
#   - a file problem code has one translation, problem.CODE: every
#     data-problem-CODE attribute of web/templates/*.html is exactly
#     {{pattern problem.CODE}} (CODE with '-' for '_'), so no page words
#     a code under a key of its own.
# Usage: scripts/i18n.sh [ROOT] (the tree holding web/; default this one).
# Prints "ok - ..." or "not ok - ...: why" per file and "N passed, M
# failed" (as tests/cli/lib.sh's finish does, so scripts/test.sh counts
# them); exits 1 on any failure.
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2
exec python3 - <<'PY'
import glob, json, os, re, sys

passed = failed = 0
def report(what, problems):
    global passed, failed
    if problems:
        failed += 1
        for p in problems:
            print('not ok - %s: %s' % (what, p))
    else:
        passed += 1
        print('ok - %s' % what)

brace = re.compile(r'\{[^{}]*\}|%[0-9]')
catalogs = {}
for path in sorted(glob.glob('web/i18n/*.json')):
    with open(path, encoding='utf-8') as f:
        catalogs[path] = json.load(f)
    bad = []
    for key, text in catalogs[path].items():
        for m in brace.findall(text):
            if not re.fullmatch(r'\{[1-9]\}', m):
                bad.append('"%s" has %s (a placeholder is {1}..{9})' % (key, m))
    report(path + ' placeholders', bad)

for path in sorted(catalogs):
    m = re.fullmatch(r'web/i18n/en-(.*)\.json', path)
    if not m:
        continue
    other = 'web/i18n/ja-%s.json' % m.group(1)
    en, ja = catalogs[path], catalogs.get(other, {})
    bad = ['"%s" is in %s only' % (k, path) for k in en if k not in ja]
    bad += ['"%s" is in %s only' % (k, other) for k in ja if k not in en]
    report('%s and %s keys' % (path, other), bad)
for path in sorted(catalogs):
    m = re.fullmatch(r'web/i18n/ja-(.*)\.json', path)
    if m and 'web/i18n/en-%s.json' % m.group(1) not in catalogs:
        report(path + ' keys', ['no web/i18n/en-%s.json' % m.group(1)])

# Every problem.CODE is on every page's <body> as data-problem-CODE
# ({{patterns problem}}), which takes only codes of a-z, 0-9 and '_'.
for path in sorted(catalogs):
    keys = [k for k in catalogs[path] if k.startswith('problem.')]
    if keys:
        report(path + ' problem codes', ['"%s" is not problem.CODE with CODE of a-z, 0-9 and _' % k
                                         for k in keys if not re.fullmatch(r'problem\.[a-z0-9_]+', k)])

attr = re.compile(r'data-problem-([a-z0-9-]+)="([^"]*)"')
for path in sorted(glob.glob('web/templates/*.html')):
    bad, seen = [], False
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            for code, value in attr.findall(line):
                seen = True
                want = '{{pattern problem.%s}}' % code.replace('-', '_')
                if value != want:
                    bad.append('line %d: data-problem-%s is %s, not %s' % (n, code, value, want))
    if seen:
        report(path + ' problem codes', bad)

print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
