# The isolation matrix: every route of src/web/routes.c, called as every
# role of every organisation foreign to connector A's data (connector B,
# banks X and Y), by an API token, and unauthenticated, with the exact
# status (401 not signed in, 404 for another's objects, 403 for role or
# kind) and none of A's data in any body — but for what A's consent opens
# to bank X (its inbox, reading the shared submission and reviewing it,
# the plans of items partial in it, its re-assessment cycle with A), which
# ends with the revoke.
. tests/http/lib.sh
fresh_orgs A B X Y
ROLES="admin editor reviewer viewer approver"
for r in $ROLES; do
	add_user "$A" "$r@a.test" "$r"
	add_user "$B" "$r@b.test" "$r"
	add_user "$X" "$r@x.test" "$r"
	add_user "$Y" "$r@y.test" "$r"
done
TOKEN=$("$SHINSA" token create --user editor@b.test --name matrix | tail -n 1)
# Token 2 is A's: nobody else may revoke it.
"$SHINSA" token create --user editor@a.test --name a >/dev/null
answer_all "$A"
# A plan for item 38 (partial), in what A shares with X: X sees that plan.
"$SHINSA" answers set --org "$A" --item 38 --status partial --issues 課題 --plan 計画 --plan-due 2026-09-30 >/dev/null
"$SHINSA" answers set --org "$B" --item 1 --status implemented --current "B社の回答" >/dev/null
# A's evidence file, attachment 1: nobody foreign may list, change or read it.
printf '%%PDF-1.4\nA社の規程\n' >"$T/a-rules.pdf"
"$SHINSA" attach add --org "$A" --item 1 "$T/a-rules.pdf" --title A社の規程 >/dev/null
ASHA=$(sha256sum "$T/a-rules.pdf" | cut -c1-64)
start_server

login editor@a.test
api POST /api/v1/submissions
SUB=$(echo "$body" | jq -r .id)
SHA=$(echo "$body" | jq -r .sha256)
api POST /api/v1/submissions/$SUB/shares "{\"bank\":\"$X\"}"
SHARE=$(echo "$body" | jq -r .id)
eq "A submits and shares with X" "$code $SUB $SHARE" "201 1 1"
# A file A uploaded to the submission's threads and sent to no one: not
# even X, which the share lets into the threads, may read it.
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\37\25\304\211' >"$T/a-shot.png"
req -b "$T/jar.$WHO" -X POST -H "X-CSRF-Token: $CSRF" --data-binary "@$T/a-shot.png" "$URL/api/v1/reviews/$SUB/files?name=a.png"
FSHA=$(echo "$body" | jq -r .sha256)
eq "A uploads a file to the threads" "$code" 201

# Every route, with the request that reaches A's objects where it has any:
# "PATTERN|PATH|BODY" ("-": no body). The session is ended last.
MATRIX="GET /healthz|/healthz|-
GET /api/v1/openapi.json|/api/v1/openapi.json|-
GET /|/|-
GET /login|/login|-
GET /static/{name}|/static/shinsa.css|-
GET /lang/{code}|/lang/en|-
GET /answers|/answers|-
GET /submissions|/submissions|-
GET /submissions/{id}|/submissions/$SUB|-
GET /submissions/{id}/diff/{other}|/submissions/$SUB/diff/$SUB|-
GET /shares|/shares|-
GET /account|/account|-
GET /account/password|/account/password|-
GET /admin/users|/admin/users|-
GET /audit|/audit|-
POST /api/v1/session|/api/v1/session|{}
GET /api/v1/me|/api/v1/me|-
PUT /api/v1/me|/api/v1/me|{}
POST /api/v1/me/password|/api/v1/me/password|{}
POST /api/v1/me/totp|/api/v1/me/totp|{\"password\":\"$TEST_PASSWORD\"}
POST /api/v1/me/totp/confirm|/api/v1/me/totp/confirm|{}
GET /api/v1/me/tokens|/api/v1/me/tokens|-
POST /api/v1/me/tokens|/api/v1/me/tokens|{}
DELETE /api/v1/me/tokens/{id}|/api/v1/me/tokens/2|-
GET /api/v1/users|/api/v1/users|-
POST /api/v1/users|/api/v1/users|{}
PUT /api/v1/users/{id}|/api/v1/users/1|{\"disabled\":true,\"password\":\"correct horse battery staple\"}
POST /api/v1/users/{id}/password-reset|/api/v1/users/1/password-reset|{\"password\":\"correct horse battery staple\"}
GET /api/v1/catalogs|/api/v1/catalogs|-
GET /api/v1/catalogs/{id}|/api/v1/catalogs/api-checklist-2018-08|-
GET /api/v1/answers|/api/v1/answers|-
GET /api/v1/answers/check|/api/v1/answers/check|-
PUT /api/v1/answers/{no}|/api/v1/answers/1|{\"notes\":\"B\"}
POST /api/v1/answers/import|/api/v1/answers/import|-
GET /api/v1/answers/export|/api/v1/answers/export|-
GET /api/v1/audit|/api/v1/audit|-
GET /api/v1/audit/csv|/api/v1/audit/csv|-
POST /api/v1/submissions|/api/v1/submissions|-
GET /api/v1/submissions|/api/v1/submissions|-
GET /api/v1/submissions/{id}|/api/v1/submissions/$SUB|-
GET /api/v1/submissions/{id}/diff/{other}|/api/v1/submissions/$SUB/diff/$SUB|-
GET /api/v1/submissions/{id}/attachments|/api/v1/submissions/$SUB/attachments|-
GET /api/v1/submissions/{id}/attachments/{sha256}|/api/v1/submissions/$SUB/attachments/$ASHA|-
GET /api/v1/submissions/{id}/package|/api/v1/submissions/$SUB/package|-
POST /api/v1/submissions/{id}/shares|/api/v1/submissions/$SUB/shares|{\"bank\":\"$Y\"}
DELETE /api/v1/submissions/{id}/shares/{share}|/api/v1/submissions/$SUB/shares/$SHARE|-
GET /api/v1/shares|/api/v1/shares|-
GET /api/v1/banks|/api/v1/banks?q=%E9%8A%80%E8%A1%8C|-
GET /api/v1/inbox|/api/v1/inbox|-
POST /api/v1/criteria|/api/v1/criteria|-
POST /api/v1/criteria/preview|/api/v1/criteria/preview|-
GET /api/v1/criteria|/api/v1/criteria|-
PUT /api/v1/criteria/{key}/mapping|/api/v1/criteria/(1)-1/mapping|{\"relation\":\"none\"}
GET /api/v1/criteria/suggestions|/api/v1/criteria/suggestions|-
GET /api/v1/reviews|/api/v1/reviews|-
GET /api/v1/reviews/{submission}|/api/v1/reviews/$SUB?bank=$X|-
GET /api/v1/reviews/{submission}/criteria|/api/v1/reviews/$SUB/criteria|-
PUT /api/v1/reviews/{submission}/items/{no}|/api/v1/reviews/$SUB/items/1|{\"verdict\":\"accepted\"}
PUT /api/v1/reviews/{submission}/items/{no}/answer|/api/v1/reviews/$SUB/items/39/answer|{\"notes\":\"X\"}
POST /api/v1/reviews/{submission}/items/{no}/messages|/api/v1/reviews/$SUB/items/1/messages|{\"text\":\"x\"}
POST /api/v1/reviews/{submission}/files|/api/v1/reviews/$SUB/files?name=b.pdf|-
GET /api/v1/reviews/{submission}/files/{sha256}|/api/v1/reviews/$SUB/files/$FSHA|-
POST /api/v1/reviews/{submission}/decision|/api/v1/reviews/$SUB/decision|{\"decision\":\"meets\"}
GET /api/v1/reviews/{submission}/decision|/api/v1/reviews/$SUB/decision?bank=$X|-
POST /api/v1/reviews/{submission}/decision/approve|/api/v1/reviews/$SUB/decision/approve|-
POST /api/v1/reviews/{submission}/decision/reject|/api/v1/reviews/$SUB/decision/reject|{\"reason\":\"r\"}
GET /api/v1/org|/api/v1/org|-
PUT /api/v1/org|/api/v1/org|{\"require_approval\":false}
GET /api/v1/banks/{bank}/questions|/api/v1/banks/$X/questions|-
PUT /api/v1/banks/{bank}/questions/{key}|/api/v1/banks/$X/questions/(2)-1|{\"answer\":\"B\"}
GET /api/v1/reviews/{submission}/questions|/api/v1/reviews/$SUB/questions?bank=$X|-
POST /api/v1/attachments|/api/v1/attachments?name=b.pdf&items=1|-
GET /api/v1/attachments|/api/v1/attachments|-
PATCH /api/v1/attachments/{id}|/api/v1/attachments/1|{\"title\":\"B\"}
DELETE /api/v1/attachments/{id}|/api/v1/attachments/1|-
GET /api/v1/attachments/{id}/file|/api/v1/attachments/1/file|-
GET /api/v1/plans|/api/v1/plans|-
GET /api/v1/plans/{id}|/api/v1/plans/1|-
PUT /api/v1/plans/{id}|/api/v1/plans/1|{\"status\":\"done\"}
PUT /api/v1/plans/{id}/required|/api/v1/plans/1/required|{\"due\":null}
GET /api/v1/cycles|/api/v1/cycles|-
PUT /api/v1/cycles/{connector}|/api/v1/cycles/$A|{\"months\":12}
GET /api/v1/portfolio|/api/v1/portfolio|-
GET /inbox|/inbox|-
GET /reviews|/reviews|-
GET /reviews/{submission}|/reviews/$SUB?bank=$X|-
GET /reviews/{submission}/criteria|/reviews/$SUB/criteria|-
GET /criteria|/criteria|-
GET /portfolio|/portfolio|-
GET /plans|/plans|-
GET /plans/{id}|/plans/1|-
GET /notifications|/notifications|-
GET /api/v1/notifications|/api/v1/notifications|-
POST /api/v1/notifications/read|/api/v1/notifications/read|{\"ids\":[3]}
PUT /api/v1/notifications/email|/api/v1/notifications/email|{\"email\":true}
DELETE /api/v1/session|/api/v1/session|-"

# A route added to routes.c and not here fails this, so none is forgotten.
eq "the matrix covers every route of routes.c" \
	"$(grep -o '{ "[A-Z]*", "[^"]*"' src/web/routes.c | sed 's/{ "\([A-Z]*\)", "\(.*\)"/\1 \2/' | sort)" \
	"$(echo "$MATRIX" | cut -d'|' -f1 | sort)"

NOT_FOUND='{"error":{"code":"not_found","message":"no submission 1"}}'
FOR_CONNECTORS='{"error":{"code":"forbidden","message":"this is for connectors"}}'
FOR_BANKS='{"error":{"code":"forbidden","message":"this is for banks"}}'
NO_CRITERIA='{"error":{"code":"not_found","message":"no criteria imported yet"}}'

# want KIND ORG ROLE PATTERN: the exact "STATUS BODY" ("STATUS *": any body)
# for a caller of that kind ("none" unauthenticated, "token" by API token).
want() {
	kind=$1 org=$2 role=$3 pat=$4
	may_share=false may_review=false
	case $role in admin | editor) may_share=true ;; esac
	case $role in admin | reviewer | approver) may_review=true ;; esac
	ROLE_NO="403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role ($role) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"$role\"]}]}}"
	case "$pat" in
	"GET /healthz" | "GET /api/v1/openapi.json" | "GET /login" | "GET /static/{name}") echo "200 *"; return ;;
	"GET /" | "GET /lang/{code}") echo "303 *"; return ;;
	# The connector's pages (page_connector.h): sign-in first, the 403
	# page for a bank, the caller's own organisation's data otherwise.
	"GET /answers" | "GET /submissions" | "GET /shares")
		if [ "$kind" = none ]; then echo "303 *"
		elif [ "$kind" = bank ]; then echo "403 *"
		else echo "200 *"; fi
		return ;;
	# A bank compares two versions shared with it (here A's one with itself).
	"GET /submissions/{id}/diff/{other}")
		if [ "$kind" = none ]; then echo "303 *"
		elif [ "$org" = X ]; then echo "200 *"
		else echo "404 *"; fi
		return ;;
	"GET /submissions/{id}")
		if [ "$kind" = none ]; then echo "303 *"
		elif [ "$kind" = bank ]; then echo "403 *"
		else echo "404 *"; fi
		return ;;
	"POST /api/v1/session") echo '400 {"error":{"code":"bad_request","message":"email is required","problems":[{"cell":"","code":"required","args":["email"]}]}}'; return ;;
	# One's own account pages: any signed-in caller; a page sends the
	# unauthenticated to the sign-in page.
	"GET /account" | "GET /account/password")
		if [ "$kind" = none ]; then echo "303 *"; else echo "200 *"; fi
		return ;;
	# The users and audit pages: administrators; a refusal is a page.
	"GET /admin/users" | "GET /audit")
		if [ "$kind" = none ]; then echo "303 *"
		elif [ "$role" = admin ]; then echo "200 *"
		else echo "403 *"; fi
		return ;;
	esac
	# Pages: a visitor is sent to sign in; a refusal is a page (any body).
	case "$pat" in
	"GET /inbox" | "GET /reviews" | "GET /reviews/{submission}" | "GET /reviews/{submission}/criteria" | \
	"GET /criteria" | "GET /portfolio" | "GET /plans" | "GET /plans/{id}" | "GET /notifications")
		if [ "$kind" = none ]; then echo "303 *"; return; fi ;;
	esac
	if [ "$kind" = none ]; then
		echo '401 {"error":{"code":"unauthorized","message":"not signed in"}}'
		return
	fi
	case "$pat" in
	"GET /api/v1/me" | "POST /api/v1/me/totp" | "GET /api/v1/catalogs" | "GET /api/v1/catalogs/{id}") echo "200 *" ;;
	"POST /api/v1/me/password") echo '400 {"error":{"code":"bad_request","message":"current is required","problems":[{"cell":"","code":"required","args":["current"]}]}}' ;;
	"POST /api/v1/me/totp/confirm" | "POST /api/v1/me/tokens") echo '400 {"error":{"code":"bad_request","message":"password is required","problems":[{"cell":"","code":"required","args":["password"]}]}}' ;;
	"GET /api/v1/me/tokens") echo "200 *" ;;
	# Notifications: the caller's own only. X's admin and reviewer were
	# told of A's share (by consent); nobody else has any, and id 3, the
	# first of A's (X's messages during the matrix), is no one else's.
	"GET /notifications") echo "200 *" ;;
	"GET /api/v1/notifications")
		if [ "$org" = X ] && { [ "$role" = admin ] || [ "$role" = reviewer ]; }; then echo "200 *"
		else echo '200 {"unread":0,"email":true,"notifications":[],"next":null,"unread_threads":[]}'; fi ;;
	"POST /api/v1/notifications/read") echo '404 {"error":{"code":"not_found","message":"no notification 3","problems":[{"cell":"","code":"no_notification","args":["3"]}]}}' ;;
	"PUT /api/v1/notifications/email") echo '200 {"email":true}' ;;
	# Users: an admin's own organisation's only (user 1 is A's admin).
	"PUT /api/v1/me") echo '400 {"error":{"code":"bad_request","message":"nothing to change: give name or department","problems":[{"cell":"","code":"nothing_to_set","args":[]}]}}' ;;
	"GET /api/v1/users" | "POST /api/v1/users" | "PUT /api/v1/users/{id}" | "POST /api/v1/users/{id}/password-reset")
		if [ "$role" != admin ]; then echo "$ROLE_NO"
		elif [ "${pat%% *}" = GET ]; then echo "200 *"
		elif [ "$pat" = "POST /api/v1/users" ]; then echo '400 {"error":{"code":"bad_request","message":"email is required","problems":[{"cell":"","code":"required","args":["email"]}]}}'
		else echo '404 {"error":{"code":"not_found","message":"no user 1"}}'; fi ;;
	"DELETE /api/v1/me/tokens/{id}") echo '404 {"error":{"code":"not_found","message":"no API token 2"}}' ;;
	"DELETE /api/v1/session")
		if [ "$kind" = token ]; then
			echo '400 {"error":{"code":"bad_request","message":"no session to end: this request came with an API token"}}'
		else
			echo '200 {"signed_out":true}'
		fi ;;
	"POST /api/v1/submissions")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		elif $may_share; then echo "422 *"
		else echo "403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role ($role) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"$role\"]}]}}"; fi ;;
	# The banks to share with (q=銀行): on one server their names are no
	# secret; a connector's never listed, the body compared whole.
	"GET /api/v1/banks")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		else echo "200 {\"banks\":[{\"name\":\"$X\"},{\"name\":\"$Y\"}],\"more\":false}"; fi ;;
	"GET /api/v1/submissions" | "GET /api/v1/shares")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"; else echo "200 []"; fi ;;
	"GET /api/v1/submissions/{id}")
		if [ "$org" = X ]; then echo "200 *"; else echo "404 $NOT_FOUND"; fi ;;
	"GET /api/v1/submissions/{id}/diff/{other}")
		if [ "$org" = X ]; then echo "200 *"; else echo "404 $NOT_FOUND"; fi ;;
	# The sealed files and the package: X through its share, as the
	# submission; everyone else as if it did not exist.
	"GET /api/v1/submissions/{id}/attachments" | "GET /api/v1/submissions/{id}/attachments/{sha256}" | \
		"GET /api/v1/submissions/{id}/package")
		if [ "$org" = X ]; then echo "200 *"; else echo "404 $NOT_FOUND"; fi ;;
	"POST /api/v1/submissions/{id}/shares" | "DELETE /api/v1/submissions/{id}/shares/{share}")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		elif ! $may_share; then echo "403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role ($role) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"$role\"]}]}}"
		elif [ "${pat%% *}" = POST ]; then echo "404 $NOT_FOUND"
		else echo '404 {"error":{"code":"not_found","message":"no share 1"}}'; fi ;;
	"GET /api/v1/answers" | "GET /api/v1/answers/export" | "GET /api/v1/answers/check")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"; else echo "200 *"; fi ;;
	"PUT /api/v1/answers/{no}" | "POST /api/v1/answers/import")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		elif ! $may_share; then echo "403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role ($role) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"$role\"]}]}}"
		elif [ "${pat%% *}" = PUT ]; then echo "200 *"
		else echo '415 {"error":{"code":"unsupported_media_type","message":"the request body must be an .xlsx file (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)"}}'; fi ;;
	"GET /api/v1/audit" | "GET /api/v1/audit/csv")
		# The caller's own organisation's trail: read before any bank
		# read of A's submission (the matrix lists it first).
		if [ "$role" = admin ]; then echo "200 *"
		else echo "403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role (${role}) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"${role}\"]}]}}"; fi ;;
	"POST /api/v1/criteria" | "POST /api/v1/criteria/preview" | "PUT /api/v1/criteria/{key}/mapping")
		# A bank's own criteria: banks only, CRITERIA_EDIT to change. X and
		# Y have imported none, so a permitted call finds nothing.
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif [ "$role" != admin ] && [ "$role" != reviewer ]; then echo "403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role ($role) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"$role\"]}]}}"
		elif [ "${pat%% *}" = POST ]; then echo '400 {"error":{"code":"bad_request","message":"say the format with ?format=tsv|csv|xlsx|text|docx (or a name ending .tsv, .csv, .xlsx, .txt or .docx)","problems":[{"cell":"","code":"criteria_format_unknown","args":[]}]}}'
		else echo "404 $NO_CRITERIA"; fi ;;
	"GET /api/v1/criteria" | "GET /api/v1/criteria/suggestions")
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"; else echo "404 $NO_CRITERIA"; fi ;;
	"GET /api/v1/inbox")
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif [ "$org" = X ]; then echo "200 *"
		else echo "200 []"; fi ;;
	"GET /api/v1/reviews")
		if [ "$org" = X ]; then echo "200 *"; else echo "200 []"; fi ;;
	"GET /api/v1/reviews/{submission}")
		if [ "$org" = X ]; then echo "200 *"; else echo "404 $NOT_FOUND"; fi ;;
	"GET /api/v1/reviews/{submission}/decision")
		if [ "$org" = X ]; then echo "404 {\"error\":{\"code\":\"not_found\",\"message\":\"the review of submission 1 by $X is not decided yet\"}}"
		else echo "404 $NOT_FOUND"; fi ;;
	"GET /api/v1/reviews/{submission}/criteria")
		# The bank's review by its criteria: X reaches it by consent but has
		# imported no criteria.
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif [ "$org" = Y ]; then echo "404 $NOT_FOUND"
		else echo "404 $NO_CRITERIA"; fi ;;
	"PUT /api/v1/reviews/{submission}/items/{no}" | "PUT /api/v1/reviews/{submission}/items/{no}/answer" | \
	"POST /api/v1/reviews/{submission}/decision")
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif ! $may_review; then echo "403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role ($role) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"$role\"]}]}}"
		elif [ "$org" = Y ]; then echo "404 $NOT_FOUND"
		elif [ "${pat##*/}" = decision ]; then echo "409 *"
		else echo "200 *"; fi ;;
	# Approval (X requires none: nothing awaits it) and the bank's setting.
	"POST /api/v1/reviews/{submission}/decision/approve" | "POST /api/v1/reviews/{submission}/decision/reject")
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif [ "$role" != approver ]; then echo "$ROLE_NO"
		elif [ "$org" = Y ]; then echo "404 $NOT_FOUND"
		else echo '409 {"error":{"code":"conflict","message":"no decision of submission 1 is awaiting approval"}}'; fi ;;
	"GET /api/v1/org") echo "200 *" ;;
	"PUT /api/v1/org")
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif [ "$role" != admin ]; then echo "$ROLE_NO"
		else echo "200 *"; fi ;;
	"POST /api/v1/reviews/{submission}/items/{no}/messages")
		# The action depends on the kind: REVIEW for a bank, ANSWERS_EDIT
		# for a connector, which must also say whose review.
		if { [ "$kind" = bank ] && ! $may_review; } || { [ "$kind" != bank ] && ! $may_share; }; then
			echo "403 {\"error\":{\"code\":\"forbidden\",\"message\":\"your role ($role) may not do this\",\"problems\":[{\"cell\":\"\",\"code\":\"role\",\"args\":[\"$role\"]}]}}"
		elif [ "$kind" != bank ]; then echo '400 {"error":{"code":"bad_request","message":"bank is required: say whose review","problems":[{"cell":"","code":"bank_required","args":[]}]}}'
		elif [ "$org" = Y ]; then echo "404 $NOT_FOUND"
		else echo "201 *"; fi ;;
	# Files in threads: the same actions as a message; only X reaches the
	# threads (the check of the file comes after), and A's file sent to no
	# one is not X's.
	"POST /api/v1/reviews/{submission}/files")
		if { [ "$kind" = bank ] && ! $may_review; } || { [ "$kind" != bank ] && ! $may_share; }; then echo "$ROLE_NO"
		elif [ "$org" != X ]; then echo "404 $NOT_FOUND"
		else echo '400 {"error":{"code":"bad_request","message":"file \"b.pdf\" is empty","problems":[{"cell":"","code":"attachment_empty","args":["b.pdf"]}]}}'; fi ;;
	"GET /api/v1/reviews/{submission}/files/{sha256}")
		if [ "$org" != X ]; then echo "404 $NOT_FOUND"
		else echo "404 {\"error\":{\"code\":\"not_found\",\"message\":\"no file $FSHA\",\"problems\":[{\"cell\":\"\",\"code\":\"review_file_not_found\",\"args\":[\"$FSHA\"]}]}}"; fi ;;
	# Supplementary questions: a bank's are for any connector (X has
	# imported no criteria, so none); A's answers to them only to X, by
	# consent, through the review's route.
	"GET /api/v1/banks/{bank}/questions")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"; else echo "200 []"; fi ;;
	"PUT /api/v1/banks/{bank}/questions/{key}")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		elif ! $may_share; then echo "$ROLE_NO"
		else echo "404 {\"error\":{\"code\":\"not_found\",\"message\":\"$X has no question \\\"(2)-1\\\"\",\"problems\":[{\"cell\":\"\",\"code\":\"no_question\",\"args\":[\"$X\",\"(2)-1\"]}]}}"; fi ;;
	"GET /api/v1/reviews/{submission}/questions")
		if [ "$org" = X ]; then echo "200 *"; else echo "404 $NOT_FOUND"; fi ;;
	# Evidence files: a connector's own only; A's attachment 1 is 404 to
	# every other connector, and a bank has none (403).
	"POST /api/v1/attachments")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		elif ! $may_share; then echo "$ROLE_NO"
		else echo '400 {"error":{"code":"bad_request","message":"file \"b.pdf\" is empty","problems":[{"cell":"","code":"attachment_empty","args":["b.pdf"]}]}}'; fi ;;
	"GET /api/v1/attachments")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"; else echo "200 []"; fi ;;
	"PATCH /api/v1/attachments/{id}" | "DELETE /api/v1/attachments/{id}" | "GET /api/v1/attachments/{id}/file")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		elif ! $may_share && [ "${pat%% *}" != GET ]; then echo "$ROLE_NO"
		else echo '404 {"error":{"code":"not_found","message":"no attachment 1","problems":[{"cell":"","code":"attachment_not_found","args":["1"]}]}}'; fi ;;
	# Plans and cycles: X sees A's plan 1 and its pair with A by consent.
	"GET /api/v1/plans" | "GET /api/v1/cycles" | "GET /api/v1/portfolio")
		if [ "$org" = X ]; then echo "200 *"; else echo "200 []"; fi ;;
	"GET /api/v1/plans/{id}")
		if [ "$org" = X ]; then echo "200 *"; else echo '404 {"error":{"code":"not_found","message":"no plan 1"}}'; fi ;;
	"PUT /api/v1/plans/{id}")
		if [ "$kind" = bank ]; then echo "403 $FOR_CONNECTORS"
		elif ! $may_share; then echo "$ROLE_NO"
		else echo '404 {"error":{"code":"not_found","message":"no plan 1"}}'; fi ;;
	"PUT /api/v1/plans/{id}/required")
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif ! $may_review; then echo "$ROLE_NO"
		elif [ "$org" = X ]; then echo "200 *"
		else echo '404 {"error":{"code":"not_found","message":"no plan 1"}}'; fi ;;
	"PUT /api/v1/cycles/{connector}")
		if [ "$kind" != bank ]; then echo "403 $FOR_BANKS"
		elif ! $may_review; then echo "$ROLE_NO"
		elif [ "$org" = X ]; then echo "200 *"
		else echo "404 {\"error\":{\"code\":\"not_found\",\"message\":\"no connector \\\"$A\\\"\"}}"; fi ;;
	"GET /inbox" | "GET /criteria")
		# A bank's own criteria page: X and Y have none (a sentence, 200).
		if [ "$kind" = bank ]; then echo "200 *"; else echo "403 *"; fi ;;
	"GET /reviews" | "GET /portfolio" | "GET /plans") echo "200 *" ;;
	"GET /plans/{id}")
		if [ "$org" = X ]; then echo "200 *"; else echo "404 *"; fi ;;
	"GET /reviews/{submission}")
		if [ "$org" = X ]; then echo "200 *"; else echo "404 *"; fi ;;
	"GET /reviews/{submission}/criteria")
		# X has imported no criteria: the page says so (200).
		if [ "$kind" != bank ]; then echo "403 *"
		elif [ "$org" = X ]; then echo "200 *"
		else echo "404 *"; fi ;;
	*) echo "no expectation for $pat" ;;
	esac
}

# What of A must never be in a foreign body.
leaks() {
	for s in "$SHA" "A社の回答" "A社の規程" "a-rules.pdf" "$A" "@a.test" '"submission":1' '"share":1'; do
		grep -qF -- "$s" "$T/b" && { echo "$s"; return; }
	done
	[ "$1" != X ] && grep -qF -- "$X" "$T/b" && echo "$X"
}

# call KIND ORG ROLE: every route as that caller, one check each.
call() {
	kind=$1 org=$2 role=$3
	echo "$MATRIX" | while IFS='|' read -r pat path data; do
		m=${pat%% *}
		set --
		[ "$data" != - ] && set -- -H 'Content-Type: application/json' --data-binary "$data"
		case $kind in
		none) req -X "$m" "$@" "$URL$path" ;;
		token) req -X "$m" -H "Authorization: Bearer $TOKEN" "$@" "$URL$path" ;;
		*) req -b "$T/jar.$WHO" -X "$m" -H "X-CSRF-Token: $CSRF" "$@" "$URL$path" ;;
		esac
		w=$(want "$kind" "$org" "$role" "$pat")
		got="$code $body"
		[ "${w#* }" = "*" ] && got="$code *"
		consent=false
		[ "$org" = X ] && case "$pat" in "GET /api/v1/submissions/{id}" | "GET /api/v1/inbox" | *reviews*) consent=true ;; esac
		[ "$org" = X ] && case "$pat" in "GET /api/v1/submissions/{id}" | "GET /api/v1/inbox" | "GET /inbox" | \
			"GET /api/v1/submissions/{id}/diff/{other}" | "GET /submissions/{id}/diff/{other}" | \
			"GET /api/v1/plans" | "GET /api/v1/plans/{id}" | "PUT /api/v1/plans/{id}/required" | \
			"GET /api/v1/cycles" | "PUT /api/v1/cycles/{connector}" | "GET /api/v1/portfolio" | \
			"GET /portfolio" | "GET /plans" | "GET /plans/{id}" | "GET /notifications" | \
			"GET /api/v1/notifications" | "GET /api/v1/submissions/{id}/attachments" | \
			"GET /api/v1/submissions/{id}/attachments/{sha256}" | "GET /api/v1/submissions/{id}/package") consent=true ;; esac
		# The name in this 404 is the one the caller sent, and the body is
		# compared whole.
		[ "$pat" = "PUT /api/v1/cycles/{connector}" ] && [ "$code" = 404 ] && consent=true
		[ "$pat" = "PUT /api/v1/banks/{bank}/questions/{key}" ] && [ "$code" = 404 ] && consent=true
		[ "$pat" = "GET /api/v1/banks" ] && [ "$code" = 200 ] && consent=true
		leak=
		$consent || leak=$(leaks "$org")
		if [ "$got" = "$w" ] && [ -z "$leak" ]; then
			echo "ok - $org $role: $pat"
		else
			echo "not ok - $org $role: $pat"
			echo "    got:  $code $(echo "$body" | cut -c1-300)"
			echo "    want: $w"
			[ -n "$leak" ] && echo "    A's data in the body: $leak"
		fi
	done >"$T/matrix"
	cat "$T/matrix"
	_count=$((_count + $(grep -c '^ok\|^not ok' "$T/matrix")))
	_fails=$((_fails + $(grep -c '^not ok' "$T/matrix")))
}

call none - -
call token B editor
for o in B X Y; do
	lower=$(echo "$o" | tr A-Z a-z)
	case $o in B) kind=connector ;; *) kind=bank ;; esac
	for r in $ROLES; do
		login "$r@$lower.test"
		[ "$code" = 200 ] || { not_ok "sign in as $r@$lower.test" "$code $body"; continue; }
		call "$kind" "$o" "$r"
	done
done

# A's notifications (the messages of X's admin, reviewer and approver) were read by no one else; X's
# reviewer was told of A's share and nothing more.
login editor@a.test
api GET /api/v1/notifications
eq "A's editor: X's messages, all unread" "$code $(echo "$body" | jq -c '[.unread, ([.notifications[] | select(.read)] | length), ([.notifications[].kind] | unique)]')" \
	'200 [3,0,["bank_message"]]'
login reviewer@x.test
api GET /api/v1/notifications
eq "X's reviewer: the share" "$code $(echo "$body" | jq -c '[.notifications[] | [.id, .kind, .connector]]')" "200 [[2,\"shared\",\"$A\"]]"

# The consent itself: X read it, each a read of the share: each role
# sixteen times (the submission, its review and A's answers to X's
# questions, each by the API and by the review page; the review again by
# the criteria page, X having no criteria; the plans listed and plan 1, by
# the API and by their pages; the diff by the API and by its page; the
# files listed, the file and the package), and seventeen for the roles that may require a
# date of plan 1, the answer being the plan. Y never could; A's list shows
# each read with user and time; after the revoke X gets 404.
login editor@a.test
api GET /api/v1/shares
eq "A sees X's reads" "$code $(echo "$body" | jq -c '[.[] | [.bank, .in_force, [.accesses[] | .user + " " + .at]]]')" \
	"200 [[\"$X\",true,[$(for r in admin editor reviewer viewer approver; do n=16; case $r in admin | reviewer | approver) n=17 ;; esac
		for i in $(seq $n); do printf '"%s@x.test 2026-04-01T09:00:00Z",' $r; done; done | sed 's/,$//')]]]"
login viewer@x.test
api GET /api/v1/portfolio
eq "before the revoke X's portfolio counts A's plan" "$code $(echo "$body" | jq -c '[.[] | [.connector, .open_plans]]')" \
	"200 [[\"$A\",1]]"
login editor@a.test
api DELETE /api/v1/submissions/$SUB/shares/$SHARE
eq "A revokes" "$code" 200
login viewer@x.test
api GET /api/v1/portfolio
eq "after the revoke X keeps the pair, without the plan" "$code $(echo "$body" | jq -c '[.[] | [.connector, .open_plans]]')" \
	"200 [[\"$A\",0]]"
api GET /api/v1/submissions/$SUB
eq "after the revoke X gets 404" "$code $body" "404 $NOT_FOUND"
api GET /api/v1/inbox
eq "after the revoke X's inbox is empty" "$code $body" "200 []"
api GET /api/v1/reviews/$SUB
eq "after the revoke X gets 404 for its review" "$code $body" "404 $NOT_FOUND"
api GET /api/v1/reviews/$SUB/questions
eq "after the revoke X gets 404 for A's answers to its questions" "$code $body" "404 $NOT_FOUND"
api GET /api/v1/submissions/$SUB/diff/$SUB
eq "after the revoke X gets 404 for the diff" "$code $body" "404 $NOT_FOUND"
for what in attachments "attachments/$ASHA" package; do
	api GET "/api/v1/submissions/$SUB/$what"
	eq "after the revoke X gets 404 for …/${what%%/*}" "$code $body" "404 $NOT_FOUND"
done
login viewer@y.test
api GET /api/v1/submissions/$SUB
eq "Y still gets 404" "$code $body" "404 $NOT_FOUND"
stop_server
finish
