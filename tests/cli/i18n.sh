# scripts/i18n.sh, the check of the pages' messages: passes on this tree,
# and fails, naming what is wrong, on each rule broken in a tree of its
# own: a placeholder of another syntax, a key in one language only, a
# problem code worded under a key of a page's own.
. tests/cli/lib.sh
check=$(pwd)/scripts/i18n.sh

run sh "$check"
eq "this tree's messages pass" "$rc $(echo "$out" | grep -c '^not ok')" "0 0"

# tree NAME: a tree with one good pair of catalogs and a page wording a
# problem as it should; the cases below break one rule each.
tree() {
	d=$T/$1
	mkdir -p "$d/web/i18n" "$d/web/templates"
	printf '{\n  "p.n": "{1} of {2}",\n  "problem.no_sheet": "no sheet {1}"\n}\n' >"$d/web/i18n/en-p.json"
	printf '{\n  "p.n": "{2}件中{1}件",\n  "problem.no_sheet": "シートなし {1}"\n}\n' >"$d/web/i18n/ja-p.json"
	printf '<form data-problem-no-sheet="{{pattern problem.no_sheet}}">\n' >"$d/web/templates/page.html"
}

tree good
run sh "$check" "$T/good"
eq "a good tree passes" "$rc $out" "0 ok - web/i18n/en-p.json placeholders
ok - web/i18n/ja-p.json placeholders
ok - web/i18n/en-p.json and web/i18n/ja-p.json keys
ok - web/i18n/en-p.json problem codes
ok - web/i18n/ja-p.json problem codes
ok - web/templates/page.html problem codes
6 passed, 0 failed"

tree syntax
printf '{\n  "p.n": "{v1} of {n}, %%1",\n  "problem.no_sheet": "no sheet {1}"\n}\n' >"$T/syntax/web/i18n/en-p.json"
run sh "$check" "$T/syntax"
eq "another placeholder syntax fails" "$rc $(echo "$out" | grep -v '^ok')" '1 not ok - web/i18n/en-p.json placeholders: "p.n" has {v1} (a placeholder is {1}..{9})
not ok - web/i18n/en-p.json placeholders: "p.n" has {n} (a placeholder is {1}..{9})
not ok - web/i18n/en-p.json placeholders: "p.n" has %1 (a placeholder is {1}..{9})
5 passed, 1 failed'

tree keys
printf '{\n  "p.n": "{1} of {2}",\n  "p.only_en": "x",\n  "problem.no_sheet": "no sheet {1}"\n}\n' >"$T/keys/web/i18n/en-p.json"
printf '{\n  "p.only_ja": "x",\n  "problem.no_sheet": "シートなし {1}"\n}\n' >"$T/keys/web/i18n/ja-p.json"
run sh "$check" "$T/keys"
eq "a key in one language only fails" "$rc $(echo "$out" | grep -v '^ok')" '1 not ok - web/i18n/en-p.json and web/i18n/ja-p.json keys: "p.n" is in web/i18n/en-p.json only
not ok - web/i18n/en-p.json and web/i18n/ja-p.json keys: "p.only_en" is in web/i18n/en-p.json only
not ok - web/i18n/en-p.json and web/i18n/ja-p.json keys: "p.only_ja" is in web/i18n/ja-p.json only
5 passed, 1 failed'

tree lonely
rm "$T/lonely/web/i18n/en-p.json"
run sh "$check" "$T/lonely"
eq "a language's file without the other's fails" "$rc $(echo "$out" | grep -v '^ok')" '1 not ok - web/i18n/ja-p.json keys: no web/i18n/en-p.json
3 passed, 1 failed'

tree twice
printf '<form data-problem-no-sheet="{{pattern problem.no_sheet}}"\n data-problem-empty="{{t page.empty}}">\n' \
	>"$T/twice/web/templates/page.html"
run sh "$check" "$T/twice"
eq "a problem code under a page's own key fails" "$rc $(echo "$out" | grep -v '^ok')" '1 not ok - web/templates/page.html problem codes: line 2: data-problem-empty is {{t page.empty}}, not {{pattern problem.empty}}
5 passed, 1 failed'

tree code
printf '{\n  "p.n": "{1} of {2}",\n  "problem.no_sheet": "no sheet {1}",\n  "problem.No-Sheet": "x"\n}\n' >"$T/code/web/i18n/en-p.json"
printf '{\n  "p.n": "{2}件中{1}件",\n  "problem.no_sheet": "シートなし {1}",\n  "problem.No-Sheet": "x"\n}\n' >"$T/code/web/i18n/ja-p.json"
run sh "$check" "$T/code"
eq "a problem key that is no attribute name fails" "$rc $(echo "$out" | grep -v '^ok')" '1 not ok - web/i18n/en-p.json problem codes: "problem.No-Sheet" is not problem.CODE with CODE of a-z, 0-9 and _
not ok - web/i18n/ja-p.json problem codes: "problem.No-Sheet" is not problem.CODE with CODE of a-z, 0-9 and _
4 passed, 2 failed'

finish
