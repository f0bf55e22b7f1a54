// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: writing audit records. Every record is type 1400 (AUDIT_AVC);
 * the AppArmor event type travels in the leading apparmor="..." field,
 * which the audit_header parameter can turn off. Fields follow the fixed
 * order of mediation.md 13.2.
 */
#include <linux/audit.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include "audit.h"
#include "cred.h"
#include "params.h"
#include "policy.h"

/* " key=value", the value quoted or hex as audit's untrusted strings are */
static void rp_audit_str(struct audit_buffer *ab, const char *key,
			 const char *value)
{
	audit_log_format(ab, " %s=", key);
	audit_log_untrustedstring(ab, value);
}

/* namespace=, profile= or label=: who did it, as seen from the root. */
static void rp_audit_subject(struct audit_buffer *ab,
			     const struct rp_label *label)
{
	const struct rp_profile *p = label->vec[0];
	char *text;

	if (label->size == 1) {
		if (p->ns->parent)
			rp_audit_str(ab, "namespace", p->ns->hname);
		rp_audit_str(ab, "profile", p->hname);
		return;
	}
	text = rp_label_render_alloc(label, rp_root_ns, RP_RENDER_SUBNS, "",
				     GFP_KERNEL);
	if (text)
		rp_audit_str(ab, "label", text);
	kfree(text);
}

/**
 * rp_audit_status() - log a STATUS record of a policy change
 * @op: "profile_load", "profile_replace" or "profile_remove"
 * @info: why it failed or what happened, or NULL
 * @error: the errno returned (0 on success); shown only with @info
 * @name: the profile concerned, or NULL
 * @ns_name: the namespace the request named, or NULL
 */
void rp_audit_status(const char *op, const char *info, int error,
		     const char *name, const char *ns_name)
{
	struct audit_buffer *ab;
	char comm[TASK_COMM_LEN];

	/*
	 * No sleeping allocation: with GFP_KERNEL a full audit backlog would
	 * hold the writer until kauditd drains it, as stock's records never do.
	 */
	ab = audit_log_start(audit_context(), GFP_ATOMIC | __GFP_NOWARN,
			     AUDIT_AVC);
	if (!ab)
		return;
	if (READ_ONCE(rp_audit_header))
		audit_log_format(ab, "apparmor=\"STATUS\" ");
	audit_log_format(ab, "operation=\"%s\"", op);
	if (info) {
		audit_log_format(ab, " info=\"%s\"", info);
		if (error)
			audit_log_format(ab, " error=%d", error);
	}
	rp_audit_subject(ab, rp_current_label());
	if (name)
		rp_audit_str(ab, "name", name);
	audit_log_format(ab, " pid=%d", task_tgid_nr(current));
	rp_audit_str(ab, "comm", get_task_comm(comm, current));
	if (ns_name)
		rp_audit_str(ab, "ns", ns_name);
	audit_log_end(ab);
}
