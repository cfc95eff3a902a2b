# A bank received from another server (received_at set: it reached this
# database through a received decision) has no reviewers here: the
# connector's bank picker (GET /api/v1/banks) never offers it, and a
# share to it is refused with its code (bank_received); nothing written.
. tests/http/lib.sh
fresh_orgs A X
add_user "$A" admin@a.test admin
answer_all "$A"
"$SHINSA" submit --org "$A" >/dev/null
"$SHINSA" org add --kind bank --name 遠隔銀行 >/dev/null || { echo "adding 遠隔銀行 failed"; exit 1; }
sqlite3 "$SHINSA_DB" "UPDATE org SET received_at = '2026-04-01T09:00:00Z' WHERE name = '遠隔銀行'"
start_server
login admin@a.test
api GET /api/v1/banks
eq "no q: the local bank only" "$code $body" "200 {\"banks\":[{\"name\":\"$X\"}],\"more\":false}"
api GET "/api/v1/banks?q=$(jq -rn '"遠隔"|@uri')"
eq "q=遠隔: the received bank is not offered" "$code $body" '200 {"banks":[],"more":false}'
api POST /api/v1/submissions/1/shares '{"bank":"遠隔銀行"}'
eq "a share to the received bank: refused, coded" "$code $body" \
	'400 {"error":{"code":"bad_request","message":"bank \"遠隔銀行\" is on another server: send it a package instead","problems":[{"cell":"","code":"bank_received","args":["遠隔銀行"]}]}}'
eq "nothing written" "$(sqlite3 "$SHINSA_DB" 'SELECT count(*) FROM share')" "0"
api POST /api/v1/submissions/1/shares "{\"bank\":\"$X\"}"
eq "a share to the local bank still made" "$code" "201"
stop_server
finish
