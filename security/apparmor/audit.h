/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: audit records in AppArmor's format (mediation.md 13).
 */
#ifndef _RAMPART_AUDIT_H
#define _RAMPART_AUDIT_H

#include <linux/types.h>
#include <linux/uidgid.h>
#include <rampart/abi.h>

struct audit_buffer;
struct rp_label;
struct rp_perms;
struct rp_profile;

/**
 * struct rp_audit - one record's fields (mediation.md 13.2), unset = absent
 * @type: the apparmor= event type ("DENIED", "ALLOWED", "STATUS", ...);
 *        rp_audit_decide() sets it
 * @op: operation=
 * @class_name: class=, or NULL for records without a class
 * @info: info=, and with it error= when @error is not 0
 * @error: the errno the operation returns
 * @profile: the one profile the record is about (namespace=, profile=);
 *           NULL: the caller's label
 * @name: name=
 * @request: file permissions asked for; without file bits, no requested_mask=,
 *           denied_mask=, fsuid= and ouid= (rp_audit_decide() sets it)
 * @denied: file permissions refused (rp_audit_decide() sets it)
 * @ouid: the file's owner
 * @target_name: target= as written, or NULL
 * @target: target= as a label seen from @profile's namespace, or NULL
 * @ns_name: the trailing ns= of policy changes, or NULL
 * @extra: writes the class's own fields (mediation.md 13.3) after the
 *         common ones, or NULL; file-class records get their masks and
 *         uids from @request, @denied and @ouid instead
 * @data: what @extra needs
 * @no_kill: kill mode logs KILLED but sends no signal (classes decided by
 *           the generic policy check: ptrace, signal, net, ...)
 */
struct rp_audit {
	const char *type;
	const char *op;
	const char *class_name;
	const char *info;
	int error;
	const struct rp_profile *profile;
	const char *name;
	u32 request;
	u32 denied;
	kuid_t ouid;
	const char *target_name;
	const struct rp_label *target;
	const char *ns_name;
	void (*extra)(struct audit_buffer *ab, const struct rp_audit *a);
	const void *data;
	bool no_kill;
};

/**
 * struct rp_outcome - what one component makes of a request
 * @error: 0 to allow, else the errno to fail with
 * @type: the record to log ("AUDIT", "ALLOWED", "DENIED", "KILLED"), or
 *        NULL for none
 * @shown: the permissions the record lists
 * @kill: send SIGKILL to the task
 */
struct rp_outcome {
	int error;
	const char *type;
	u32 shown;
	bool kill;
};

void rp_audit_log(const struct rp_audit *a);
void rp_audit_str(struct audit_buffer *ab, const char *key,
		  const char *value);
void rp_audit_label(struct audit_buffer *ab, const char *key,
		    const struct rp_label *label, const struct rp_profile *p);
bool rp_grant_is_silent(const struct rp_profile *p,
			const struct rp_perms *perms, u32 request);
void rp_outcome(const struct rp_profile *p, const struct rp_perms *perms,
		u32 request, int error, struct rp_outcome *out);
enum rp_mode rp_profile_mode(const struct rp_profile *p);
enum rp_audit_mode rp_profile_audit(const struct rp_profile *p);
int rp_audit_decide(struct rp_audit *a, const struct rp_profile *p,
		    const struct rp_perms *perms, u32 request, int error);
void rp_audit_status(const char *op, const char *info, int error,
		     const char *name, const char *ns_name);

#endif /* _RAMPART_AUDIT_H */
