# shinsa init / catalog list / show / map, as a user runs them.
. tests/cli/lib.sh

run "$SHINSA" init
eq "init succeeds" "$rc" 0
eq "init reports what it loaded" "$out" "database $SHINSA_DB: schema version 18 (was 0)
catalog api-checklist-2018-08: 45 items, added
catalog bank-criteria-sample: 57 items, added
mapping bank-criteria-sample.api-checklist-2018-08: 57 rows, added
server secret: created $T/secret.key (keep it: without it the signing keys cannot be used)"
eq "the secret is the owner's alone" "$(stat -c %a "$T/secret.key")" 600
run "$SHINSA" init
eq "init again changes nothing" "$out" "database $SHINSA_DB: schema version 18, up to date
catalog api-checklist-2018-08: 45 items, unchanged
catalog bank-criteria-sample: 57 items, unchanged
mapping bank-criteria-sample.api-checklist-2018-08: 57 rows, unchanged"

run "$SHINSA" catalog list
eq "catalog list" "$out" "ID                       KIND       ITEMS  TITLE
api-checklist-2018-08    checklist     45  「API接続チェックリスト原案(フォーマット)」(A3横Excel版)サンプル
bank-criteria-sample     criteria      57  電子決済等代行業者に求める基準"
run "$SHINSA" catalog list --json
eq "catalog list --json" "$(echo "$out" | jq -c .)" '[{"id":"api-checklist-2018-08","kind":"checklist","title":"「API接続チェックリスト原案(フォーマット)」(A3横Excel版)サンプル","publisher":"API接続チェックリストワーキンググループ","date":"2018-08-02","item_count":45},{"id":"bank-criteria-sample","kind":"criteria","title":"電子決済等代行業者に求める基準","publisher":null,"date":null,"item_count":57}]'

run "$SHINSA" catalog show api-checklist-2018-08 --json
j=$out
eq "checklist header" "$(echo "$j" | jq -c '[.id, .title, .publisher, .date]')" \
	'["api-checklist-2018-08","「API接続チェックリスト原案(フォーマット)」(A3横Excel版)サンプル","API接続チェックリストワーキンググループ","2018-08-02"]'
eq "45 items" "$(echo "$j" | jq '.items | length')" 45
eq "party counts" "$(echo "$j" | jq -c '[.items | group_by(.party)[] | {(.[0].party): length}] | add')" \
	'{"bank":6,"common":9,"connector":30}'
eq "common items" "$(echo "$j" | jq -c '[.items[] | select(.party == "common") | .no]')" '[9,12,13,14,15,16,17,35,36]'
eq "items without refs" "$(echo "$j" | jq -c '[.items[] | select(.refs == []) | .no]')" '[8,19,25,26,27,33,34,38,41]'
eq "item 3 as JSON" "$(echo "$j" | jq -c '.items[2]')" \
	'{"no":3,"key":"ism-03","category":"情報・セキュリティ管理態勢","objective":"役職員に情報管理方法を周知し、セキュリティ管理態勢の定着を図る。","party":"connector","refs":[{"doc":"銀行API報告書・セキュリティ原則","clauses":["3.3.1 API接続先の適格性 d","3.3.3 内部からの不正アクセス対策 e"]},{"doc":"FISC・安対基準","clauses":["統13","監1"]}],"notes":""}'
eq "item 36 has one ref with two clauses" "$(echo "$j" | jq -c '.items[35].refs')" \
	'[{"doc":"銀行API報告書・セキュリティ原則","clauses":["3.3.2 外部からの不正アクセス対策 t","3.3.4 不正アクセス発生時の対応 b"]}]'

# Every objective and category equals the seed's once whitespace is removed.
seed=catalog/sources/004_f11c7a6eb96fd414.txt
want=$(awk -F'\t' '$1 ~ /^[0-9]+$/ { print $1 "|" $2 "|" $3 }' "$seed" | sed 's/ //g; s/　//g')
got=$(echo "$j" | jq -r '.items[] | "\(.no)|\(.category)|\(.objective)"' | sed 's/[ 　]//g')
eq "objectives and categories equal the seed's" "$got" "$want"

run "$SHINSA" catalog show bank-criteria-sample --json
j=$out
eq "57 criteria" "$(echo "$j" | jq '.items | length')" 57
eq "only (1)-12 damaged" "$(echo "$j" | jq -c '[.items[] | select(.damaged) | .key]')" '["(1)-12"]'
eq "(1)-12 keeps no text" "$(echo "$j" | jq -c '.items[11] | [.key, .category, .text]')" '["(1)-12","外部委託管理",null]'
eq "(1)-13 and (1)-14 have their text" "$(echo "$j" | jq -c '[.items[12,13] | .text]')" \
	'["外部委託事業者における委託業務の実施内容に問題がないことを確認する","外部委託事業者における委託業務の実施状況を確認する"]'
eq "keys" "$(echo "$j" | jq -r '[.items[].key] | join(" ")')" \
	"$(i=1; while [ $i -le 55 ]; do printf '(1)-%d ' $i; i=$((i + 1)); done)(2)-1 (2)-2"
eq "category carried down" "$(echo "$j" | jq -c '[.items[1,10,26,27,40] | .category]')" \
	'["情報・セキュリティ管理態勢","情報・セキュリティ管理態勢","オフィス設備管理","システム開発・運用管理","システム開発・運用管理"]'
eq "sections" "$(echo "$j" | jq -r '[.items[].section] | unique | .[]')" "(1)業務に関して取得する利用者に関する情報の適正な取扱い及び安全管理のために行うべき措置
(2)業務の執行が法令に適合することを確保するために整備すべき体制"

run "$SHINSA" catalog show bank-criteria-sample
eq "damaged row in text output" "$(echo "$out" | grep -A1 '^(1)-12 ')" "(1)-12  外部委託管理
        (damaged: the source lost this row's text)"

run "$SHINSA" catalog map bank-criteria-sample api-checklist-2018-08 --json
j=$out
eq "map: criterion to items" "$(echo "$j" | jq -c '.criteria_to_items[22]')" \
	'{"criterion":"(1)-23","text":"政治状況、法規制の変化に対応しやすい状況下におく","relation":"intersects","items":[18,11],"note":"データの保管場所に関する政治・法制度の変更リスク。チェックリストでは削除または他の項目に統合","note_en":"political/legal-change (data location) risk; dropped or merged in the checklist"}'
eq "map: item to criteria" "$(echo "$j" | jq -c '.items_to_criteria[21]')" \
	'{"no":22,"objective":"システムや情報資産への不正アクセスを抑制し、顧客情報の漏洩や改竄の防止を図る。","criteria":[{"criterion":"(1)-28","relation":"subset"},{"criterion":"(1)-29","relation":"subset"},{"criterion":"(1)-39","relation":"subset"},{"criterion":"(1)-40","relation":"intersects"}]}'
eq "map: criteria with no counterpart" "$(echo "$j" | jq -c '[.criteria_to_items[] | select(.relation == "none") | .criterion]')" \
	'["(1)-10","(1)-12","(2)-1","(2)-2"]'
eq "map: items no criterion covers" "$(echo "$j" | jq -c '[.items_to_criteria[] | select(.criteria == []) | .no]')" \
	'[8,39,40,41,42,43]'
run "$SHINSA" catalog map bank-criteria-sample api-checklist-2018-08
eq "map: text output" "$(echo "$out" | sed -n '1,3p;60,61p')" "bank-criteria-sample -> api-checklist-2018-08
  (1)-1   intersects 1  # 経営陣による主体的な管理は、チェックリストでは「責任の所在」（統4）に含めて確認する
  (1)-2   equal      1
api-checklist-2018-08 -> bank-criteria-sample
    1  (1)-1 intersects, (1)-2 equal"

fails "unknown catalog id" 1 'shinsa: no catalog "nope" (shinsa catalog list shows them)' \
	"$SHINSA" catalog show nope
fails "map with an unknown catalog" 1 'shinsa: no catalog "x" (shinsa catalog list shows them)' \
	"$SHINSA" catalog map bank-criteria-sample x
fails "map the wrong way round" 1 'shinsa: no mapping from api-checklist-2018-08 to bank-criteria-sample' \
	"$SHINSA" catalog map api-checklist-2018-08 bank-criteria-sample
fails "show without an id" 2 'shinsa: catalog show: missing argument (usage: shinsa catalog show ID [--json])' \
	"$SHINSA" catalog show
fails "unknown option" 2 'shinsa: catalog list: unknown option --yaml (usage: shinsa catalog list [--json])' \
	"$SHINSA" catalog list --yaml
fails "unknown subcommand" 2 'shinsa: catalog: unknown subcommand "remove" (want list, show or map) (usage: shinsa catalog list|show|map ...)' \
	"$SHINSA" catalog remove
fails "unknown command" 2 'shinsa: unknown command "frobnicate" (see shinsa help)' "$SHINSA" frobnicate
fails "database not initialised" 1 "shinsa: database $T/none.db does not exist (run shinsa init)" \
	"$SHINSA" --db "$T/none.db" catalog list
fails "--db after the command" 1 "shinsa: database $T/none2.db does not exist (run shinsa init)" \
	"$SHINSA" catalog list --db "$T/none2.db"

finish
