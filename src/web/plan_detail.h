/*
 * plan_detail: a plan history entry's detail as data, so that the plan
 * page words it in its own language. The service stores each detail as a
 * short English line (service/plans.c: "answer partial, due none",
 * "answer now implemented", "A → B", "3 milestones, 1 done", "BANK:
 * DATE", "BANK: removed (was DATE)"); the API gives it as stored, for its
 * clients. Pure reshaping, every argument borrowed.
 *
 * plan_detail_words(what, detail) returns a new object (yours):
 *   created     {created, st: {STATUS: true}, due?}   the answer's status
 *   reopened, closed  {answer_now, st: {STATUS: true}}
 *   due         {due_change, from?, to?}        (absent: none)
 *   status      {ps_change, ps_from: {S: true}, ps_to: {S: true}}
 *   milestones  {ms, ms_n, ms_done}
 *   required    {req, bank, req_due} or {req_removed, bank, req_was}
 *   anything else, or a detail not in its entry's form: {raw: detail}
 *               (a note is the person's own text)
 */
#ifndef SHINSA_WEB_PLAN_DETAIL_H
#define SHINSA_WEB_PLAN_DETAIL_H

#include <jansson.h>

json_t *plan_detail_words(const char *what, const char *detail);

#endif
