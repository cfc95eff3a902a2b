#include "web/page_connector.h"

#include <stdlib.h>
#include <string.h>

#include "core/user.h"
#include "service/attachments.h"
#include "service/plans.h"
#include "web/page.h"
#include "web/page_refs.h"

/* The chip class of a status name ("unset" for none). */
static const char *status_chip(const char *status)
{
	static const struct {
		const char *status, *chip;
	} chips[] = {
		{ "implemented", "good" },
		{ "partial", "warn" },
		{ "not_implemented", "bad" },
		{ "not_applicable", "info" },
	};
	for (size_t i = 0; i < sizeof chips / sizeof chips[0]; i++)
		if (strcmp(status, chips[i].status) == 0)
			return chips[i].chip;
	return "none";
}

/* One row of the grid: the catalog item it and its answer a. */
static json_t *grid_row(const json_t *it, const json_t *a, bool can_edit)
{
	const char *status = json_is_string(json_object_get(a, "status")) ? page_text(a, "status") : "unset";
	const char *party = page_text(it, "party");
	bool bank = strcmp(party, "bank") == 0;
	bool open_plan = *page_text(a, "plan") || *page_text(a, "plan_due");
	json_t *st = json_object();
	json_object_set_new(st, status, json_true());
	json_t *row = json_pack("{s:O, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:b}", "no",
			 json_object_get(it, "no"), "objective", page_text(it, "objective"), "party", party, "status",
			 status, "chip", status_chip(status), "st", st, "current", page_text(a, "current"), "issues",
			 page_text(a, "issues"), "plan", page_text(a, "plan"), "plan_due", page_text(a, "plan_due"), "notes",
			 page_text(a, "notes"), "revision", page_text(a, "revision"), "editable", !bank && can_edit,
			 "open_plan", open_plan, "bank", bank);
	json_object_set_new(row, "common", json_boolean(strcmp(party, "common") == 0));
	json_object_set_new(row, "form", page_refs_cells(it));
	return row;
}

json_t *page_connector_answer_grid(const json_t *answers, const json_t *catalog, bool can_edit)
{
	const json_t *items = json_object_get(answers, "items");
	const json_t *cat_items = json_object_get(catalog, "items");
	if (!json_is_array(items) || !json_is_array(cat_items))
		return NULL;
	json_t *groups = json_array(), *group = NULL;
	json_t *counts = json_pack("{s:i, s:i, s:i, s:i, s:i}", "implemented", 0, "partial", 0, "not_implemented", 0,
				   "not_applicable", 0, "unset", 0);
	json_int_t total = 0;
	size_t i;
	const json_t *it;
	json_array_foreach (cat_items, i, it) {
		const json_t *a = page_item(items, json_integer_value(json_object_get(it, "no")));
		if (!a)
			continue;
		const char *category = page_text(it, "category");
		if (!group || strcmp(page_text(group, "category"), category) != 0) {
			group = json_pack("{s:s, s:[]}", "category", category, "items");
			json_array_append_new(groups, group);
		}
		json_t *row = grid_row(it, a, can_edit);
		json_array_append_new(json_object_get(group, "items"), row);
		if (json_is_true(json_object_get(row, "bank")))
			continue;
		const char *status = page_text(row, "status");
		json_object_set_new(counts, status, json_integer(json_integer_value(json_object_get(counts, status)) + 1));
		total++;
	}
	return json_pack("{s:o, s:o, s:I}", "groups", groups, "counts", counts, "total", total);
}

/* Whether the signed-in person's role may edit the answers. */
static bool can_edit(const struct http_request *req)
{
	return req->who.user && user_role_can(req->who.user->role, ACTION_ANSWERS_EDIT);
}

/* What the evidence partials need (connector_evidence.html): today (the
 * server's, so a test's clock is the page's), the file size limit, and the
 * organisation's files as GET /api/v1/attachments gives them, in the page
 * (data-files, JSON) so that its script draws them without a request of
 * its own at load — one a quick reader's next page would cut short. */
static int page_connector_evidence(struct http_request *req, struct http_response *resp, json_t *grid)
{
	char today[PLAN_DATE_LEN + 1];
	struct err e = { 0 };
	if (plans_today(today, &e) < 0)
		today[0] = '\0'; /* no marks rather than no page */
	json_t *files = NULL;
	if (page_fetch(req, resp, "/api/v1/attachments", true, &files) != 200)
		return -1;
	char *text = json_dumps(files, JSON_COMPACT);
	json_decref(files);
	json_object_set_new(grid, "evidence", json_pack("{s:s, s:I, s:I, s:s}", "today", today, "max_bytes",
							 (json_int_t)ATTACHMENTS_FILE_MAX, "max_mib",
							 (json_int_t)(ATTACHMENTS_FILE_MAX >> 20), "files",
							 text ? text : "[]"));
	free(text);
	return 0;
}

void page_answers(struct http_request *req, struct http_response *resp)
{
	json_t *answers = NULL, *catalog = NULL;
	if (page_fetch(req, resp, "/api/v1/answers", true, &answers) != 200)
		return;
	if (page_fetch_catalog(req, resp, page_text(answers, "catalog"), true, &catalog) != 200) {
		json_decref(answers);
		return;
	}
	json_t *grid = page_connector_answer_grid(answers, catalog, can_edit(req));
	json_decref(catalog);
	if (!grid) {
		json_decref(answers);
		page_refused(req, resp, 500, "internal", "the answers are not in the shape the API gives");
		return;
	}
	json_object_set(grid, "catalog", json_object_get(answers, "catalog"));
	json_object_set(grid, "org", json_object_get(answers, "org"));
	json_object_set_new(grid, "nav", json_pack("{s:b}", "answers", 1));
	json_object_set_new(grid, "scripts", json_pack("[s, s, s, s, s]", "connector.js", "table_view.js", "answers_table.js", "missing.js", "evidence.js"));
	json_decref(answers);
	if (page_connector_evidence(req, resp, grid) < 0) {
		json_decref(grid);
		return;
	}
	json_object_set_new(grid, "view_target", json_string("grid"));
	page_render(req, resp, 200, "connector_answers", "connector.answers.title", grid);
}
