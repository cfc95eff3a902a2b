# The blank form as people will print it: written by `shinsa form`, rendered
# by LibreOffice to PDF, and checked page by page with poppler.
#
#   SHINSA=build/shinsa sh tests/render/form_pdf.sh
#   FORM_XLSX=some.xlsx SHINSA=x sh tests/render/form_pdf.sh   (check that file)
#
# Checks: every page is A3 landscape; there are at least 2; the title and
# header are on every page; a Japanese font is embedded (no tofu boxes); and
# every catalog cell of every item (通番, 区分, セキュリティ対応目標, 対象者,
# 関連規定, 関連規定箇所) shows its whole text, nothing missing or cut off.
#
# Clipping. LibreOffice leaves out of the PDF a line of a cell that falls
# wholly below the cell, but keeps a line that the cell's bottom cuts
# through (found by rendering rows made too short on purpose). So the words
# are put back into their cells, with the header texts giving the columns
# and each row's 通番 its top: a missing line shows as a cell whose text
# differs from the catalog's, a cut line as a word whose bottom lies below
# its row (row top + the row's height in the .xlsx × the print scale, which
# the distances between row tops give).
#
# Prints "ok - ..." or "not ok - ..." per check and "N passed, M failed".
# The PDF and a PNG of page 1 are kept in build/test-artifacts/ to look at.
set -u
: "${SHINSA:?set SHINSA to the shinsa binary}"
catalog=catalog/api-checklist-2018-08.json
artifacts=$(dirname "$SHINSA")/test-artifacts
tmp=$(mktemp -d /tmp/shinsa-render-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
# check WHAT FILE: passes if FILE, the problems found, is empty.
check() {
	if [ -s "$2" ]; then
		failed=$((failed + 1)); echo "not ok - $1"; sed 's/^/    /' "$2"
	else
		ok "$1"
	fi
}
die() { echo "not ok - $*"; echo "$passed passed, $((failed + 1)) failed"; exit 1; }
# Whitespace (and the U+3000 ideographic space) is layout, not text.
ideographic_space=$(printf '\343\200\200')
squeeze() { tr -d ' \t\n\r\f' | sed "s/$ideographic_space//g"; }

for tool in soffice pdfinfo pdftotext pdftoppm pdffonts jq unzip timeout; do
	command -v "$tool" >/dev/null || die "$tool is installed (scripts/deps.sh test installs it)"
done

if [ -n "${FORM_XLSX:-}" ]; then
	cp "$FORM_XLSX" "$tmp/form.xlsx" || die "copy $FORM_XLSX"
else
	"$SHINSA" --db "$tmp/db" init >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "shinsa init"; }
	"$SHINSA" --db "$tmp/db" form api-checklist-2018-08 -o "$tmp/form.xlsx" >"$tmp/log" 2>&1 ||
		{ cat "$tmp/log"; die "shinsa form api-checklist-2018-08"; }
fi

# A private profile, so that parallel runs and a user's open LibreOffice do
# not meet; the timeout, because a stuck soffice would otherwise hang CI.
timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$tmp/lo" \
	--convert-to pdf --outdir "$tmp" "$tmp/form.xlsx" >"$tmp/log" 2>&1
[ -s "$tmp/form.pdf" ] || { cat "$tmp/log"; die "LibreOffice renders the form to PDF"; }
pdf=$tmp/form.pdf
if mkdir -p "$artifacts" && cp "$pdf" "$artifacts/form.pdf" &&
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$pdf" "$artifacts/form-page1"; then
	ok "PDF and page 1 kept in $artifacts"
else
	echo "cannot write $artifacts" >"$tmp/problems"
	check "PDF and page 1 kept in $artifacts" "$tmp/problems"
fi
pdffonts "$pdf" | grep -q 'Carlito' ||
	echo "note: no Carlito standing in for Calibri: LibreOffice's columns are wider than Excel's, so this is lenient"

pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 2 ] && ok "$pages pages" || { echo "${pages:-no} pages" >"$tmp/problems"; check "at least 2 pages" "$tmp/problems"; }
pdfinfo -f 1 -l "${pages:-1}" "$pdf" | awk '
	/^Page +[0-9]+ size:/ {
		n++
		if ($4 < 1190 || $4 > 1192 || $6 < 841 || $6 > 843) print "page " $2 " is " $4 " x " $6 " pt"
	}
	END { if (n == 0) print "pdfinfo gave no page sizes" }' >"$tmp/problems"
check "every page is A3 landscape (1191 x 842 pt)" "$tmp/problems"

pdffonts "$pdf" | grep -q 'IPAex' || echo "no IPAex font embedded" >"$tmp/problems"
check "a Japanese font is embedded" "$tmp/problems"

title=$(jq -r .title "$catalog" | squeeze)
: >"$tmp/problems"
n=1
while [ "$n" -le "${pages:-0}" ]; do
	page=$(pdftotext -f "$n" -l "$n" -layout "$pdf" - | squeeze)
	for want in "$title" セキュリティ対応目標 関連規定箇所; do
		case $page in *"$want"*) ;; *) echo "page $n lacks $want" >>"$tmp/problems" ;; esac
	done
	n=$((n + 1))
done
check "title and header on every page" "$tmp/problems"

# The cell texts the form must show, one item per line: 通番, 区分, 目標,
# 対象者, 関連規定, 関連規定箇所 (refs joined by the ----- line).
jq -r '.items[] | [(.no | tostring), .category, .objective,
	({connector: "API接続先", bank: "銀行", common: "共通"}[.party]),
	([.refs[].doc] | join("-----")),
	([.refs[] | .clauses | join("")] | join("-----"))] | @tsv' "$catalog" >"$tmp/want.tsv" ||
	die "read $catalog"
[ "$(wc -l <"$tmp/want.tsv")" -eq 45 ] || die "$catalog has 45 items"

# Row heights and column widths as the .xlsx sets them: "row NO HEIGHT",
# "col N WIDTH".
unzip -p "$tmp/form.xlsx" xl/worksheets/sheet1.xml | awk '{ gsub(/<row /, "\n<row "); gsub(/<col /, "\n<col "); print }' | awk '
	/^<row / && match($0, /ht="[0-9.]+"/) {
		ht = substr($0, RSTART + 4, RLENGTH - 5)
		if (match($0, /<c r="A[0-9]+" s="[0-9]+"><v>[0-9]+<\/v>/)) {
			v = substr($0, RSTART, RLENGTH); sub(/.*<v>/, "", v); sub(/<.*/, "", v)
			print "row", v, ht
		}
	}
	/^<col / && match($0, /width="[0-9.]+"/) { print "col", ++c, substr($0, RSTART + 7, RLENGTH - 8) }
' >"$tmp/sheet.txt"

# Every word with its place, "PAGE NO COL Y X TEXT", into words.tsv; the
# words reaching below their row into clipped.txt; problems with the layout
# itself on stdout.
: >"$tmp/clipped.txt"
pdftotext -bbox "$pdf" - | awk -v sheet="$tmp/sheet.txt" -v words="$tmp/words.tsv" -v clipped="$tmp/clipped.txt" \
	-v scale="$tmp/scale" '
	BEGIN {
		split("通番 区分 セキュリティ対応目標 対象者 現在の対応状況 課題認識 課題への対応計画 関連規定 関連規定箇所 備考", hdr, " ")
		while ((getline line < sheet) > 0) {
			split(line, f, " ")
			if (f[1] == "row") ht[f[2]] = f[3]; else width[f[2]] = f[3]
		}
		printf "" > words
	}
	function attr(name,   s) {
		s = $0; sub(".*" name "=\"", "", s); sub("\".*", "", s); return s + 0
	}
	function flush(   i, k, mm, md, sxy, sxx, a, b, s, row, col) {
		if (!nw) return
		# The header row gives each column centre; the widths in the .xlsx
		# how LibreOffice turned Excel units into points: W = a * width + b.
		hy = -1
		for (i = 1; i <= nw; i++) if (t[i] == hdr[3]) hy = y0[i]
		if (hy < 0) { print "page " page ": no header row"; nw = 0; return }
		for (k = 1; k <= 10; k++) {
			c[k] = -1
			for (i = 1; i <= nw; i++) if (t[i] == hdr[k] && y0[i] < hy + 1 && y0[i] > hy - 1) c[k] = (x0[i] + x1[i]) / 2
			if (c[k] < 0) { print "page " page ": header " hdr[k] " not found"; nw = 0; return }
		}
		mm = md = 0
		for (k = 2; k <= 10; k++) { m[k] = (width[k - 1] + width[k]) / 2; d[k] = c[k] - c[k - 1]; mm += m[k] / 9; md += d[k] / 9 }
		sxy = sxx = 0
		for (k = 2; k <= 10; k++) { sxy += (m[k] - mm) * (d[k] - md); sxx += (m[k] - mm) ^ 2 }
		a = sxy / sxx; b = md - a * mm
		for (k = 1; k <= 10; k++) left[k] = c[k] - (a * width[k] + b) / 2
		# Row tops: the 通番 numbers in column A, below the header and
		# above the footer (which is in the bottom margin), kept in order of
		# height because LibreOffice draws the cells in any order.
		nr = 0
		for (i = 1; i <= nw; i++)
			if (y0[i] > hy + 1 && y0[i] < ph - 54 && t[i] ~ /^[0-9]+$/ && (x0[i] + x1[i]) / 2 < left[2]) {
				for (k = ++nr; k > 1 && rtop[k - 1] > y0[i]; k--) { rno[k] = rno[k - 1]; rtop[k] = rtop[k - 1] }
				rno[k] = t[i]; rtop[k] = y0[i]
			}
		for (k = 1; k < nr; k++) {
			sd += rtop[k + 1] - rtop[k]; sh += ht[rno[k]]
			pair[++npair] = page " " rno[k] " " rtop[k + 1] - rtop[k]
		}
		for (i = 1; i <= nw; i++) {
			if (y0[i] <= hy + 1 || y0[i] >= ph - 54) continue
			row = 0
			for (k = 1; k <= nr; k++) if (rtop[k] <= y0[i] + 1) row = k
			if (!row) continue
			col = 1
			for (k = 2; k <= 10; k++) if ((x0[i] + x1[i]) / 2 > left[k]) col = k
			printf "%d\t%d\t%d\t%.2f\t%.2f\t%s\n", page, rno[row], col, y0[i], x0[i], t[i] > words
			low[++nlow] = page " " rno[row] " " rtop[row] " " y1[i] " " t[i]
		}
		nw = 0
	}
	/<page / { flush(); page++; ph = attr("height") }
	/<word / {
		nw++; x0[nw] = attr("xMin"); y0[nw] = attr("yMin"); x1[nw] = attr("xMax"); y1[nw] = attr("yMax")
		s = $0; sub(/^[^>]*>/, "", s); sub(/<\/word>.*/, "", s)
		gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
		t[nw] = s
	}
	END {
		flush()
		if (sd <= 0 || sh <= 0) { print "no two rows to measure the print scale by"; exit }
		s = sd / sh
		printf "%.3f\n", s > scale
		for (k = 1; k <= npair; k++) {
			split(pair[k], f, " ")
			if (f[3] - ht[f[2]] * s > 0.75 || ht[f[2]] * s - f[3] > 0.75)
				printf "page %s, 通番 %s: row is %.1f pt, not %s × %.3f\n", f[1], f[2], f[3], ht[f[2]], s
		}
		# a row ends at its top + height × scale; no word may reach below
		for (k = 1; k <= nlow; k++) {
			split(low[k], f, " ")
			if (f[4] > f[3] + ht[f[2]] * s + 0.5)
				printf "page %s, 通番 %s: \"%s\" reaches %.1f pt below its row\n", f[1], f[2], f[5], f[4] - f[3] - ht[f[2]] * s > clipped
		}
	}' >"$tmp/problems"
check "rows are at the heights the .xlsx sets (print scale $(cat "$tmp/scale" 2>/dev/null))" "$tmp/problems"
check "no text is cut off at the bottom of its cell" "$tmp/clipped.txt"

# The words of each cell in reading order, against the catalog. Words on
# one line may differ a little in height (one font for kana, another for
# Latin), so a line is every word starting within 2 pt of its first. The 、
# joining statute numbers is dropped on both sides: the catalog keeps the
# numbers apart and the form joins them.
sort -t "$(printf '\t')" -k1,1n -k2,2n -k3,3n -k4,4n -k5,5n "$tmp/words.tsv" | awk -F '\t' -v want="$tmp/want.tsv" '
	function cell(   i, j, p, q, best, s) {
		s = ""
		for (i = 1; i <= cn; i = j + 1) {
			for (j = i; j < cn && cy[j + 1] <= cy[i] + 2; j++) ;
			for (p = i; p <= j; p++) used[p] = 0
			for (q = i; q <= j; q++) {
				best = 0
				for (p = i; p <= j; p++) if (!used[p] && (!best || cx[p] < cx[best])) best = p
				used[best] = 1; s = s ct[best]
			}
		}
		if (cn) got[key] = s
		cn = 0
	}
	BEGIN { while ((getline line < want) > 0) { split(line, f, "\t"); no[++n] = f[1]; for (k = 2; k <= 6; k++) w[f[1], k] = f[k] } }
	$2 SUBSEP $3 != key { cell(); key = $2 SUBSEP $3 }
	{ cn++; cy[cn] = $4; cx[cn] = $5; ct[cn] = $6; seen[$2] = 1 }
	END {
		cell()
		split("1 2 3 4 8 9", cols, " ")
		split("通番 区分 セキュリティ対応目標 対象者 関連規定 関連規定箇所", name, " ")
		for (i = 1; i <= n; i++) {
			if (!seen[no[i]]) { print "通番 " no[i] " is not in the PDF"; continue }
			for (k = 1; k <= 6; k++) {
				g = got[no[i], cols[k]]; e = k == 1 ? no[i] : w[no[i], k]
				gsub(/[ \t\r\f\n]/, "", e)
				if (k >= 5) { gsub(/、/, "", g); gsub(/、/, "", e) }
				if (g != e) print "通番 " no[i] " " name[k] ": PDF shows \"" g "\", catalog has \"" e "\""
			}
		}
	}' >"$tmp/problems"
check "all 45 items show their catalog text whole" "$tmp/problems"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
