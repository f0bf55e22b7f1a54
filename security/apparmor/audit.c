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
#include <linux/string.h>
#include "audit.h"
#include "cred.h"
#include "params.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

/* " key=value", the value quoted or hex as audit's untrusted strings are */
void rp_audit_str(struct audit_buffer *ab, const char *key,
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
				     GFP_ATOMIC);
	if (text)
		rp_audit_str(ab, "label", text);
	kfree(text);
}

/* File permission bits and the characters the masks show them as. */
static const struct {
	u32 bit;
	char c;
} rp_file_chars[] = {
	{ 0x1, 'x' }, { 0x2, 'w' }, { 0x4, 'r' }, { 0x8, 'a' }, { 0x10, 'c' },
	{ 0x20, 'd' }, { 0x8000, 'k' }, { 0x10000, 'm' }, { 0x40000, 'l' },
};

/* The bits a file record's masks can show; none: no masks, no uids. */
#define RP_AUDIT_FILE_BITS (RP_MAY_READ | RP_MAY_WRITE | RP_MAY_EXEC | \
			    RP_MAY_APPEND | RP_MAY_CREATE | RP_MAY_DELETE | \
			    RP_MAY_GETATTR | RP_MAY_SETATTR | RP_MAY_CHMOD | \
			    RP_MAY_CHOWN | RP_MAY_LOCK | RP_MAY_MMAP_EXEC | \
			    RP_MAY_LINK)

static void rp_audit_mask(struct audit_buffer *ab, const char *key, u32 mask)
{
	char buf[ARRAY_SIZE(rp_file_chars) + 1];
	size_t i, n = 0;

	/* attribute changes show as writes, attribute reads as reads */
	if (mask & (RP_MAY_SETATTR | RP_MAY_CHMOD | RP_MAY_CHOWN))
		mask |= RP_MAY_WRITE;
	if (mask & RP_MAY_GETATTR)
		mask |= RP_MAY_READ;
	for (i = 0; i < ARRAY_SIZE(rp_file_chars); i++)
		if (mask & rp_file_chars[i].bit)
			buf[n++] = rp_file_chars[i].c;
	buf[n] = '\0';
	audit_log_format(ab, " %s=\"%s\"", key, buf);
}

/**
 * rp_audit_log() - write one record
 * @a: its fields
 *
 * Never sleeps for the audit backlog: like stock, a record that finds it
 * full is lost (and counted by audit).
 */
void rp_audit_log(const struct rp_audit *a)
{
	struct audit_buffer *ab;
	char comm[TASK_COMM_LEN];
	char *text;

	ab = audit_log_start(audit_context(), GFP_ATOMIC | __GFP_NOWARN,
			     AUDIT_AVC);
	if (!ab)
		return;
	if (READ_ONCE(rp_audit_header))
		audit_log_format(ab, "apparmor=\"%s\" ", a->type);
	audit_log_format(ab, "operation=\"%s\"", a->op);
	if (a->class_name && READ_ONCE(rp_audit_class))
		audit_log_format(ab, " class=\"%s\"", a->class_name);
	if (a->info) {
		audit_log_format(ab, " info=\"%s\"", a->info);
		if (a->error)
			audit_log_format(ab, " error=%d", a->error);
	}
	if (a->profile)
		rp_audit_subject(ab, &a->profile->label);
	else
		rp_audit_subject(ab, rp_current_label());
	if (a->name)
		rp_audit_str(ab, "name", a->name);
	audit_log_format(ab, " pid=%d", task_tgid_nr(current));
	/* no task_lock: records are made under it (setrlimit) */
	strscpy_pad(comm, current->comm, sizeof(comm));
	rp_audit_str(ab, "comm", comm);
	if ((a->request & RP_AUDIT_FILE_BITS) && a->class_name &&
	    !strcmp(a->class_name, "file")) {
		rp_audit_mask(ab, "requested_mask", a->request);
		if (a->denied & RP_AUDIT_FILE_BITS)
			rp_audit_mask(ab, "denied_mask", a->denied);
		/* signed, as stock prints them */
		audit_log_format(ab, " fsuid=%d ouid=%d",
				 (int)from_kuid(&init_user_ns, current_fsuid()),
				 (int)from_kuid(&init_user_ns, a->ouid));
	}
	if (a->target && a->profile) {
		text = rp_label_render_alloc(a->target, a->profile->ns,
					     RP_RENDER_SUBNS, "", GFP_ATOMIC);
		if (text)
			rp_audit_str(ab, "target", text);
		kfree(text);
	} else if (a->target_name) {
		rp_audit_str(ab, "target", a->target_name);
	}
	if (a->extra)
		a->extra(ab, a);
	if (a->ns_name)
		rp_audit_str(ab, "ns", a->ns_name);
	audit_log_end(ab);
}

/**
 * rp_audit_label() - " key=label", as seen from @p's namespace
 * @ab: the record
 * @key: the field name (peer)
 * @label: the label
 * @p: the profile the record is about (its namespace is the view), or
 *     NULL for the root namespace
 *
 * Only components in that very namespace are shown (kernel-interfaces.md
 * 6.5: peer= has no sub-namespace view); nothing visible is written "---"
 * as stock does.
 */
void rp_audit_label(struct audit_buffer *ab, const char *key,
		    const struct rp_label *label, const struct rp_profile *p)
{
	char *text = rp_label_render_alloc(label, p ? p->ns : rp_root_ns, 0,
					   "", GFP_ATOMIC);

	rp_audit_str(ab, key, text && *text ? text : "---");
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
	struct rp_audit a = {
		.type = "STATUS", .op = op, .info = info, .error = error,
		.name = name, .ns_name = ns_name,
	};

	rp_audit_log(&a);
}

/**
 * rp_profile_mode() - how @p treats a denial, the global mode applied
 * @p: a profile
 *
 * Complain wins over kill wherever either comes from; "user" is enforce.
 *
 * Return: RP_MODE_ENFORCE, RP_MODE_COMPLAIN or RP_MODE_KILL, or
 * RP_MODE_UNCONFINED for a profile that mediates nothing.
 */
enum rp_mode rp_profile_mode(const struct rp_profile *p)
{
	enum rp_mode global = READ_ONCE(rp_global_mode);

	if (rp_label_is_unconfined(&p->label))
		return RP_MODE_UNCONFINED;

	if (p->mode == RP_MODE_COMPLAIN || global == RP_MODE_COMPLAIN)
		return RP_MODE_COMPLAIN;
	if (p->mode == RP_MODE_KILL || global == RP_MODE_KILL)
		return RP_MODE_KILL;
	return RP_MODE_ENFORCE;
}

/**
 * rp_profile_audit() - @p's audit mode: the global one unless it is normal
 * @p: a profile
 *
 * Return: an RP_AUDIT_* mode.
 */
enum rp_audit_mode rp_profile_audit(const struct rp_profile *p)
{
	enum rp_audit_mode global = READ_ONCE(rp_global_audit);

	if (global != RP_AUDIT_NORMAL)
		return global;
	return p->rules && p->rules->audit_all ? RP_AUDIT_ALL : RP_AUDIT_NORMAL;
}

/**
 * rp_grant_is_silent() - is this the common case: granted, nothing to log?
 * @p: the component profile
 * @perms: what its rules grant the object
 * @request: the permissions asked for
 *
 * A quick test hot paths make before building a record.
 *
 * Return: true if rp_outcome() would allow @request without a record.
 */
bool rp_grant_is_silent(const struct rp_profile *p,
			const struct rp_perms *perms, u32 request)
{
	return !(request & (~perms->allow | perms->deny | perms->audit)) &&
	       rp_profile_audit(p) != RP_AUDIT_ALL;
}

/**
 * rp_outcome() - one component's outcome for a request (mediation.md 12.2)
 * @p: the component profile (confined)
 * @perms: what its rules grant the object
 * @request: the permissions asked for
 * @error: what a denial returns (-EACCES, -EPERM for capabilities, or a
 *         name-lookup errno)
 * @out: the outcome
 *
 * A granted request is logged only when the rule or the audit mode asks,
 * and shows only the audited bits. A denial shows the bits refused; those
 * a rule quiets are dropped, and if nothing is left the denial is silent
 * and stands even in complain mode. Otherwise complain mode allows it
 * (unless the error is not a permission one) with an ALLOWED record; kill
 * mode, or a rule's own kill bit, adds SIGKILL. A global audit mode that
 * silences the record also keeps the denial, complain or not (as stock).
 */
void rp_outcome(const struct rp_profile *p, const struct rp_perms *perms,
		u32 request, int error, struct rp_outcome *out)
{
	/* what is asked for and not granted, or granted and also denied */
	u32 denied = request & ~(perms->allow & ~perms->deny);
	enum rp_audit_mode am = rp_profile_audit(p);
	enum rp_mode mode;
	u32 rule_kill;

	memset(out, 0, sizeof(*out));
	if (!denied) {
		out->shown = am == RP_AUDIT_ALL ? request & 0xffff :
			     request & perms->audit;
		if (out->shown && am != RP_AUDIT_QUIET)
			out->type = "AUDIT";
		return;
	}
	out->error = error;
	/* a rule's own kill bit beats complain mode and is never quieted */
	rule_kill = denied & perms->kill;
	if (am != RP_AUDIT_NOQUIET && am != RP_AUDIT_ALL)
		denied = denied & ~perms->quiet;
	if (!denied)
		return;
	mode = rp_profile_mode(p);
	if (rule_kill)
		out->type = "KILLED";
	else if (mode == RP_MODE_COMPLAIN)
		out->type = "ALLOWED";
	else
		out->type = "DENIED";
	out->shown = denied;
	/* a silenced record leaves the outcome unchanged, complain or not */
	if (am == RP_AUDIT_QUIET ||
	    (am == RP_AUDIT_QUIET_DENIED && !rule_kill &&
	     mode != RP_MODE_COMPLAIN)) {
		out->type = NULL;
		return;
	}
	if (!rule_kill && mode == RP_MODE_KILL)
		out->type = "KILLED";
	out->kill = out->type[0] == 'K';
	if (out->type[0] == 'A' && (error == -EACCES || error == -EPERM))
		out->error = 0;
}

/**
 * rp_audit_decide() - rp_outcome(), carried out
 * @a: the record; its subject, op, class, name and object fields are the
 *     caller's, the type and masks are set here
 * @p: the component profile (confined)
 * @perms: what its rules grant the object
 * @request: the permissions asked for
 * @error: what a denial returns
 *
 * Logs the record the outcome asks for and sends SIGKILL to the caller
 * when it says so.
 *
 * Return: 0 if the component allows, else the errno.
 */
int rp_audit_decide(struct rp_audit *a, const struct rp_profile *p,
		    const struct rp_perms *perms, u32 request, int error)
{
	struct rp_outcome out;

	rp_outcome(p, perms, request, error, &out);
	if (out.type) {
		a->type = out.type;
		a->request = out.shown;
		a->denied = strcmp(out.type, "AUDIT") ? out.shown : 0;
		rp_audit_log(a);
	}
	if (out.kill && !a->no_kill)
		send_sig_info(SIGKILL, SEND_SIG_PRIV, current);
	return out.error;
}
