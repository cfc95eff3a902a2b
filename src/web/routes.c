#include "web/routes.h"

#include "web/api_answers.h"
#include "web/api_attachments.h"
#include "web/api_banks.h"
#include "web/api_approvals.h"
#include "web/api_audit.h"
#include "web/api_catalog.h"
#include "web/api_criteria.h"
#include "web/api_meta.h"
#include "web/api_notifications.h"
#include "web/api_pages.h"
#include "web/page_account.h"
#include "web/api_review_files.h"
#include "web/api_reviews.h"
#include "web/api_plans.h"
#include "web/api_questions.h"
#include "web/api_session.h"
#include "web/api_shares.h"
#include "web/api_submission_files.h"
#include "web/api_submissions.h"
#include "web/page_connector.h"
#include "web/page_submissions.h"
#include "web/page_criteria.h"
#include "web/page_notifications.h"
#include "web/page_plans.h"
#include "web/page_review.h"
#include "web/api_users.h"

/*
 * Access is ROUTE_SIGNED_IN unless a line says ROUTE_PUBLIC; flags and
 * action are checked by router_authorize (router.h, web/gate.c), nowhere
 * else. body_limit 0 is ROUTE_BODY_DEFAULT (1 MiB); an upload route names
 * its own.
 *   { method, pattern, handler, flags, body_limit, action }
 */
const struct route routes[] = {
	{ "GET", "/healthz", api_healthz, ROUTE_PUBLIC, 0, 0 },
	{ "GET", "/api/v1/openapi.json", api_openapi, ROUTE_PUBLIC, 0, 0 },

	/* Pages */
	{ "GET", "/", page_root, ROUTE_PAGE, 0, 0 },
	{ "GET", "/login", page_login, ROUTE_PUBLIC, 0, 0 },
	{ "GET", "/lang/{code}", page_lang_switch, ROUTE_PUBLIC, 0, 0 },
	{ "GET", "/static/{name}", page_static, ROUTE_PUBLIC, 0, 0 },
	/* Pages: the connector's (page_connector.h, page_submissions.h) */
	{ "GET", "/answers", page_answers, ROUTE_PAGE | ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "GET", "/submissions", page_submissions, ROUTE_PAGE | ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "GET", "/submissions/{id}", page_submission, ROUTE_PAGE | ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "GET", "/submissions/{id}/diff/{other}", page_submission_diff, ROUTE_PAGE, 0, ACTION_READ },
	{ "GET", "/shares", page_shares, ROUTE_PAGE | ROUTE_CONNECTOR, 0, ACTION_READ },
	/* Pages: reviews, both sides, and the bank's inbox (page_review.h) */
	{ "GET", "/inbox", page_inbox, ROUTE_PAGE | ROUTE_BANK, 0, ACTION_READ },
	{ "GET", "/reviews", page_reviews, ROUTE_PAGE, 0, ACTION_READ },
	{ "GET", "/reviews/{submission}", page_review, ROUTE_PAGE, 0, ACTION_READ },
	{ "GET", "/reviews/{submission}/criteria", page_review_criteria, ROUTE_PAGE | ROUTE_BANK, 0, ACTION_READ },
	{ "GET", "/criteria", page_criteria, ROUTE_PAGE | ROUTE_BANK, 0, ACTION_READ },
	{ "GET", "/portfolio", page_portfolio, ROUTE_PAGE, 0, ACTION_READ },
	{ "GET", "/plans", page_plans, ROUTE_PAGE, 0, ACTION_READ },
	{ "GET", "/plans/{id}", page_plan, ROUTE_PAGE, 0, ACTION_READ },
	/* Pages: account (page_account.h) */
	{ "GET", "/account/password", page_account_password, ROUTE_PAGE | ROUTE_PASSWORD_CHANGE, 0, 0 },
	{ "GET", "/account", page_account, ROUTE_PAGE, 0, 0 },
	{ "GET", "/admin/users", page_admin_users, ROUTE_PAGE, 0, ACTION_ADMIN_USERS },
	{ "GET", "/audit", page_audit, ROUTE_PAGE, 0, ACTION_AUDIT_READ },
	{ "GET", "/notifications", page_notifications, ROUTE_PAGE, 0, 0 },

	/* Signing in and the caller's own account */
	{ "POST", "/api/v1/session", api_session_create, ROUTE_PUBLIC, 0, 0 },
	{ "DELETE", "/api/v1/session", api_session_delete, ROUTE_PASSWORD_CHANGE, 0, 0 },
	{ "GET", "/api/v1/me", api_me, ROUTE_PASSWORD_CHANGE, 0, 0 },
	{ "PUT", "/api/v1/me", api_me_update, 0, 0, 0 },
	{ "POST", "/api/v1/me/password", api_me_password, ROUTE_PASSWORD_CHANGE, 0, 0 },
	{ "POST", "/api/v1/me/totp", api_me_totp_begin, 0, 0, 0 },
	{ "POST", "/api/v1/me/totp/confirm", api_me_totp_confirm, 0, 0, 0 },
	{ "GET", "/api/v1/me/tokens", api_me_tokens_list, 0, 0, 0 },
	{ "POST", "/api/v1/me/tokens", api_me_tokens_create, 0, 0, 0 },
	{ "DELETE", "/api/v1/me/tokens/{id}", api_me_tokens_revoke, 0, 0, 0 },

	/* The caller's own notifications, either kind (api_notifications.h) */
	{ "GET", "/api/v1/notifications", api_notifications_list, 0, 0, 0 },
	{ "POST", "/api/v1/notifications/read", api_notifications_read, 0, 0, 0 },
	{ "PUT", "/api/v1/notifications/email", api_notifications_email, 0, 0, 0 },

	/* An organisation's users, by its administrators (api_users.h) */
	{ "GET", "/api/v1/users", api_users_list, 0, 0, ACTION_ADMIN_USERS },
	{ "POST", "/api/v1/users", api_users_add, 0, 0, ACTION_ADMIN_USERS },
	{ "PUT", "/api/v1/users/{id}", api_users_update, 0, 0, ACTION_ADMIN_USERS },
	{ "POST", "/api/v1/users/{id}/password-reset", api_users_reset, 0, 0, ACTION_ADMIN_USERS },

	/* Catalogs: any signed-in user */
	{ "GET", "/api/v1/catalogs", api_catalog_list, 0, 0, ACTION_READ },
	{ "GET", "/api/v1/catalogs/{id}", api_catalog_show, 0, 0, ACTION_READ },

	/* Submissions and consent (api_submissions.h, api_shares.h). A
	 * submission is read by its connector, or by a bank through a share in
	 * force: that route has no kind flag, the handler tells them apart. */
	{ "POST", "/api/v1/submissions", api_submission_create, ROUTE_CONNECTOR, 0, ACTION_SUBMIT },
	{ "GET", "/api/v1/submissions", api_submission_list, ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "GET", "/api/v1/submissions/{id}", api_submission_show, 0, 0, ACTION_READ },
	{ "GET", "/api/v1/submissions/{id}/diff/{other}", api_submission_diff, 0, 0, ACTION_READ },
	{ "POST", "/api/v1/submissions/{id}/shares", api_share_create, ROUTE_CONNECTOR, 0, ACTION_SHARE },
	{ "DELETE", "/api/v1/submissions/{id}/shares/{share}", api_share_revoke, ROUTE_CONNECTOR, 0, ACTION_SHARE },
	{ "GET", "/api/v1/shares", api_share_list, ROUTE_CONNECTOR, 0, ACTION_READ },
	/* A submission's sealed files and its package, under the same rule
	 * (api_submission_files.h) */
	{ "GET", "/api/v1/submissions/{id}/attachments", api_submission_files_list, 0, 0, ACTION_READ },
	{ "GET", "/api/v1/submissions/{id}/attachments/{sha256}", api_submission_files_get, 0, 0, ACTION_READ },
	{ "GET", "/api/v1/submissions/{id}/package", api_submission_package, 0, 0, ACTION_READ },
	/* The banks to share with, for the share form's list (api_banks.h) */
	{ "GET", "/api/v1/banks", api_banks_list, ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "GET", "/api/v1/inbox", api_inbox, ROUTE_BANK, 0, ACTION_READ },

	/* The connector's answer set, and the organisation's audit trail */
	{ "GET", "/api/v1/answers", api_answers_show, ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "GET", "/api/v1/answers/check", api_answers_check, ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "PUT", "/api/v1/answers/{no}", api_answers_put, ROUTE_CONNECTOR, 0, ACTION_ANSWERS_EDIT },
	{ "POST", "/api/v1/answers/import", api_answers_import, ROUTE_CONNECTOR, ANSWERS_IMPORT_MAX, ACTION_ANSWERS_EDIT },
	{ "GET", "/api/v1/answers/export", api_answers_export, ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "GET", "/api/v1/audit", api_audit_list, 0, 0, ACTION_AUDIT_READ },
	{ "GET", "/api/v1/audit/csv", api_audit_csv, 0, 0, ACTION_AUDIT_READ },

	/* A bank's own criteria and its cross-walk (api_criteria.h) */
	{ "POST", "/api/v1/criteria", api_criteria_import, ROUTE_BANK, CRITERIA_UPLOAD_MAX, ACTION_CRITERIA_EDIT },
	{ "POST", "/api/v1/criteria/preview", api_criteria_preview, ROUTE_BANK, CRITERIA_UPLOAD_MAX, ACTION_CRITERIA_EDIT },
	{ "GET", "/api/v1/criteria", api_criteria_show, ROUTE_BANK, 0, ACTION_READ },
	{ "PUT", "/api/v1/criteria/{key}/mapping", api_criteria_map, ROUTE_BANK, 0, ACTION_CRITERIA_EDIT },
	{ "GET", "/api/v1/criteria/suggestions", api_criteria_suggest, ROUTE_BANK, 0, ACTION_READ },
	/* Reviews (api_reviews.h). Both kinds read them and post messages: no
	 * kind flag, the handler tells them apart (and checks the role for a
	 * message, whose action depends on the kind); the bank's writes are
	 * ROUTE_BANK with REVIEW. */
	{ "GET", "/api/v1/reviews", api_review_list, 0, 0, ACTION_READ },
	{ "GET", "/api/v1/reviews/{submission}", api_review_show, 0, 0, ACTION_READ },
	{ "GET", "/api/v1/reviews/{submission}/criteria", api_review_criteria, ROUTE_BANK, 0, ACTION_READ },
	{ "PUT", "/api/v1/reviews/{submission}/items/{no}", api_review_verdict, ROUTE_BANK, 0, ACTION_REVIEW },
	{ "PUT", "/api/v1/reviews/{submission}/items/{no}/answer", api_review_bank_answer, ROUTE_BANK, 0, ACTION_REVIEW },
	{ "POST", "/api/v1/reviews/{submission}/items/{no}/messages", api_review_message, 0, 0, ACTION_READ },
	/* Files in its threads (api_review_files.h): both kinds, the handler
	 * checking each kind's action as for a message. */
	{ "POST", "/api/v1/reviews/{submission}/files", api_review_files_upload, ROUTE_FILE_UPLOAD,
	  ATTACHMENTS_UPLOAD_MAX, ACTION_READ },
	{ "GET", "/api/v1/reviews/{submission}/files/{sha256}", api_review_files_download, 0, 0, ACTION_READ },
	{ "POST", "/api/v1/reviews/{submission}/decision", api_approval_decide, ROUTE_BANK, 0, ACTION_REVIEW },
	{ "POST", "/api/v1/reviews/{submission}/decision/approve", api_approval_approve, ROUTE_BANK, 0, ACTION_APPROVE },
	{ "POST", "/api/v1/reviews/{submission}/decision/reject", api_approval_reject, ROUTE_BANK, 0, ACTION_APPROVE },
	{ "GET", "/api/v1/org", api_org_show, 0, 0, ACTION_READ },
	{ "PUT", "/api/v1/org", api_org_update, ROUTE_BANK, 0, ACTION_ADMIN_USERS },
	{ "GET", "/api/v1/reviews/{submission}/decision", api_review_decision_file, 0, 0, ACTION_READ },
	/* Supplementary questions (api_questions.h): a bank's questions are
	 * listed and answered by connectors; a review's are read by both
	 * sides, the handler telling them apart as GET .../reviews/{submission}
	 * does. */
	{ "GET", "/api/v1/banks/{bank}/questions", api_questions_list, ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "PUT", "/api/v1/banks/{bank}/questions/{key}", api_questions_answer, ROUTE_CONNECTOR, 0, ACTION_ANSWERS_EDIT },
	{ "GET", "/api/v1/reviews/{submission}/questions", api_questions_review, 0, 0, ACTION_READ },
	/* Remediation plans and re-assessment cycles (api_plans.h). The lists
	 * and a plan's page are for both sides: the handler tells them apart,
	 * and a bank sees a plan only under consent. */
	{ "GET", "/api/v1/plans", api_plan_list, 0, 0, ACTION_READ },
	{ "GET", "/api/v1/plans/{id}", api_plan_show, 0, 0, ACTION_READ },
	{ "PUT", "/api/v1/plans/{id}", api_plan_update, ROUTE_CONNECTOR, 0, ACTION_ANSWERS_EDIT },
	{ "PUT", "/api/v1/plans/{id}/required", api_plan_required, ROUTE_BANK, 0, ACTION_REVIEW },
	{ "GET", "/api/v1/cycles", api_cycle_list, 0, 0, ACTION_READ },
	{ "PUT", "/api/v1/cycles/{connector}", api_cycle_set, ROUTE_BANK, 0, ACTION_REVIEW },
	/* A connector's evidence files (api_attachments.h): the upload's
	 * body limit is the largest file, one figure with the service's. */
	{ "POST", "/api/v1/attachments", api_attachments_add, ROUTE_CONNECTOR | ROUTE_FILE_UPLOAD, ATTACHMENTS_UPLOAD_MAX,
	  ACTION_ANSWERS_EDIT },
	{ "GET", "/api/v1/attachments", api_attachments_list, ROUTE_CONNECTOR, 0, ACTION_READ },
	{ "PATCH", "/api/v1/attachments/{id}", api_attachments_set, ROUTE_CONNECTOR, 0, ACTION_ANSWERS_EDIT },
	{ "DELETE", "/api/v1/attachments/{id}", api_attachments_remove, ROUTE_CONNECTOR, 0, ACTION_ANSWERS_EDIT },
	{ "GET", "/api/v1/attachments/{id}/file", api_attachments_file, ROUTE_CONNECTOR, 0, ACTION_READ },
	/* Where each counterpart stands (service/portfolio.h): both kinds. */
	{ "GET", "/api/v1/portfolio", api_portfolio, 0, 0, ACTION_READ },
};

const size_t n_routes = sizeof routes / sizeof routes[0];
