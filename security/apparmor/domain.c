// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: domain changes. Those a task asks for itself through procattr
 * writes (kernel-interfaces.md 5.4, mediation.md 4): change_profile,
 * stack, and the onexec change armed for the next exec; and the one every
 * exec makes (mediation.md 3): each profile of the task's label picks its
 * successor from its exec rules, or attaches a profile by the
 * executable's name when unconfined.
 *
 * Every change is decided on the caller's newest label; a refusal
 * changes nothing.
 */
#define pr_fmt(fmt) "AppArmor: " fmt

#include <linux/binfmts.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/ctype.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/lsm_hooks.h>
#include <uapi/linux/lsm.h>
#include <linux/personality.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include "audit.h"
#include "cred.h"
#include "dfa.h"
#include "domain.h"
#include "file.h"
#include "mediate.h"
#include "ipc.h"
#include "path.h"
#include "lsm.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"
#include <rampart/abi.h>

/* sysctl apparmor_restrict_unprivileged_unconfined (mediation.md 4.6) */
int rp_restrict_unprivileged_unconfined;

/* The file rules of @p (see rp_file_rules_of()), NULL if it has none. */
static const struct rp_policydb *rp_file_rules(const struct rp_profile *p,
					       unsigned int *start)
{
	return p->rules ? rp_file_rules_of(p->rules, start) : NULL;
}

/* A DENIED record of a domain change by @p (NULL: the caller's label). */
static void rp_audit_change(const char *op, const struct rp_profile *p,
			    const char *info, int error, const char *name,
			    const struct rp_label *target)
{
	struct rp_audit a = {
		.type = "DENIED", .op = op, .class_name = "file", .info = info,
		.error = error, .profile = p, .name = name, .target = target,
		.target_name = target ? NULL : name,
	};

	rp_audit_log(&a);
}

/* A DENIED exec record: @p refused @path (mediation.md 13.4). */
static void rp_audit_exec(const struct rp_profile *p, const char *info,
			  int error, const char *path, kuid_t ouid, bool xmask,
			  const struct rp_label *target)
{
	struct rp_audit a = {
		.type = "DENIED", .op = "exec", .class_name = "file",
		.info = info, .error = error, .profile = p, .name = path,
		.request = xmask ? RP_MAY_EXEC : 0,
		.denied = xmask ? RP_MAY_EXEC : 0, .ouid = ouid,
		.target = target, .target_name = target ? NULL : path,
	};

	rp_audit_log(&a);
}

/* What @p's file rules grant the key at @state (owner set iff fsuid 0). */
static u32 rp_file_allow(const struct rp_policydb *db, unsigned int state)
{
	const struct rp_perms *perms;
	bool other = !uid_eq(current_fsuid(), GLOBAL_ROOT_UID);

	perms = rp_perms_lookup(db->perms, db->nperms, db->dfa->accept[state],
				other);
	return perms ? perms->allow & ~perms->deny : 0;
}

/*
 * Does @p allow @request (change_profile or onexec) to @target? The key is
 * the target as @p's namespace names it, "&" first for a stack; if the
 * whole stack is not granted, every component must be on its own.
 */
static bool rp_may_change_to(const struct rp_profile *p,
			     const struct rp_label *target, bool stack,
			     u32 request)
{
	const struct rp_policydb *db;
	unsigned int start, state;
	char *key;
	u32 i;
	bool ok;

	db = rp_file_rules(p, &start);
	if (!db)
		return false;
	key = rp_label_render_alloc(target, p->ns, RP_RENDER_SUBNS, "",
				    GFP_KERNEL);
	if (!key)
		return false;
	state = start;
	if (stack)
		state = rp_dfa_step(db->dfa, state, '&');
	state = rp_dfa_match(db->dfa, state, key);
	kfree(key);
	if (rp_file_allow(db, state) & request)
		return true;
	if (target->size == 1)
		return false;
	ok = true;
	for (i = 0; i < target->size && ok; i++) {
		key = rp_label_render_alloc(&target->vec[i]->label, p->ns,
					    RP_RENDER_SUBNS, "", GFP_KERNEL);
		if (!key)
			return false;
		state = stack ? rp_dfa_step(db->dfa, start, '&') : start;
		state = rp_dfa_match(db->dfa, state, key);
		ok = rp_file_allow(db, state) & request;
		kfree(key);
	}
	return ok;
}

/*
 * Set one of the calling task's label slots. Other tasks read them under
 * RCU (procattr), so the new value is published before the old one goes.
 */
static void rp_task_set(struct rp_label **slot, struct rp_label *label)
{
	struct rp_label *old = *slot;

	WRITE_ONCE(*slot, rp_label_get(label));
	rp_label_put(old);
}

/* Is every confined profile of @old (an NNP snapshot) still in @new? */
static bool rp_label_keeps(const struct rp_label *old,
			   const struct rp_label *new)
{
	const struct rp_profile *p;
	u32 i;

	rp_label_for_each_confined(old, i, p)
		if (!rp_label_within(&p->label, new))
			return false;
	return true;
}

/*
 * Under no_new_privs a confined task may only move to labels that keep
 * the confinement it had when NNP was first seen (mediation.md 3.6).
 * Records that snapshot on first use.
 */
static bool rp_nnp_allows(struct rp_label *cur, const struct rp_label *new)
{
	struct rp_task *t = rp_task(current);

	if (!task_no_new_privs(current) || rp_label_is_unconfined(cur))
		return true;
	if (!t->nnp)
		rp_task_set(&t->nnp, cur);
	return rp_label_keeps(t->nnp, new);
}

/*
 * The label a change_profile (non-stack) leaves: @target in place of the
 * components of @cur's namespace, the others kept.
 */
static struct rp_label *rp_label_replace_ns(struct rp_label *cur,
					    struct rp_label *target)
{
	struct rp_profile *vec[RP_LABEL_MAX_STACK];
	const struct rp_ns *ns = rp_label_ns(cur);
	u32 n = 0, i;

	for (i = 0; i < cur->size; i++)
		if (cur->vec[i]->ns != ns && n < RP_LABEL_MAX_STACK)
			vec[n++] = cur->vec[i];
	for (i = 0; i < target->size && n < RP_LABEL_MAX_STACK; i++)
		vec[n++] = target->vec[i];
	return rp_label_stack(vec, n, GFP_KERNEL);
}

/* Clear the hat and onexec state of the calling task. */
static void rp_task_clear_changes(struct rp_task *t)
{
	rp_task_set(&t->onexec, NULL);
	rp_task_set(&t->previous, NULL);
	t->onexec_stack = false;
	t->token = 0;
}

/* Install @label as the calling task's, now. */
static int rp_set_current_label(struct rp_label *label)
{
	struct cred *new;
	struct rp_cred *rc;

	/* not while running with credentials borrowed by override_creds() */
	const struct cred *real = current_real_cred();

	if (real != current_cred())
		return -EBUSY;
	new = prepare_creds();	/* the caller's own, to change */
	if (!new)
		return -ENOMEM;
	rc = rp_cred(new);
	rp_label_put(rc->label);
	rc->label = rp_label_get(label);
	return commit_creds(new);
}

/*
 * A change to a label that does not exist, asked by @cur: a complain-mode
 * profile of @cur's namespace moves to its learning profile for @name
 * instead (mediation.md 4.2). ERR_PTR(-ENOENT) when there is none.
 */
static struct rp_label *rp_change_learn(struct rp_label *cur, const char *name)
{
	const struct rp_ns *ns = rp_label_ns(cur);
	struct rp_profile *learn;
	u32 i;

	for (i = 0; i < cur->size; i++) {
		struct rp_profile *p = cur->vec[i];

		if (p->ns != ns || rp_profile_mode(p) != RP_MODE_COMPLAIN)
			continue;
		learn = rp_profile_learning(p, name, false);
		return learn ? &learn->label : ERR_PTR(-ENOMEM);
	}
	return ERR_PTR(-ENOENT);
}

/*
 * With apparmor_restrict_unprivileged_unconfined set, a task that is its
 * namespace's unconfined and lacks CAP_MAC_OVERRIDE in the initial user
 * namespace may only stack, never leave unconfined.
 */
static bool rp_unconfined_is_restricted(const struct rp_label *cur)
{
	const struct rp_ns *ns = rp_label_ns(cur);
	u32 i;

	if (!READ_ONCE(rp_restrict_unprivileged_unconfined))
		return false;
	for (i = 0; i < cur->size; i++)
		if (cur->vec[i]->ns == ns &&
		    !rp_profile_is_ns_unconfined(cur->vec[i]))
			return false;
	return !ns_capable_noaudit(&init_user_ns, CAP_MAC_OVERRIDE);
}

/* Is a profile of @label in namespace @ns in complain mode? */
static bool rp_label_complains(const struct rp_label *label,
			       const struct rp_ns *ns)
{
	u32 i;

	for (i = 0; i < label->size; i++)
		if (label->vec[i]->ns == ns &&
		    rp_profile_mode(label->vec[i]) == RP_MODE_COMPLAIN)
			return true;
	return false;
}

/*
 * change_profile, stack and onexec arming: @name as written (a leading
 * "&" asks for a stack), @onexec for the exec file's commands, @test for
 * permprofile.
 */
static int rp_change_profile(const char *name, bool stack, bool onexec,
			     bool test)
{
	const char *op = onexec ? (stack ? "stack_onexec" : "change_onexec") :
				  (stack ? "stack" : "change_profile");
	u32 request = onexec ? RP_MAY_ONEXEC : RP_MAY_CHANGE_PROFILE;
	struct rp_label *cur, *target, *new = NULL;
	struct rp_task *t = rp_task(current);
	const struct rp_ns *ns;
	int err = 0;
	u32 i;

	name = skip_spaces(name);
	if (*name == '&') {
		stack = true;
		name = skip_spaces(name + 1);
	}
	if (!*name)
		return -EINVAL;
	cur = rp_current_label_newest();
	ns = rp_label_ns(cur);
	if (!stack && !test && rp_unconfined_is_restricted(cur)) {
		struct rp_audit a = {
			.type = "AUDIT", .op = op, .class_name = "file",
			.info = "change_profile unprivileged unconfined converted to stacking",
			.name = name,
		};

		rp_audit_log(&a);
		stack = true;
	}
	target = rp_label_parse(rp_label_ns(cur), name, GFP_KERNEL);
	if (target == ERR_PTR(-ENOENT) && !test)
		target = rp_change_learn(cur, name);
	if (IS_ERR(target)) {
		err = PTR_ERR(target);
		rp_audit_change(op, NULL, err == -ENOENT ? "label not found" :
				NULL, err, name, NULL);
		goto out_cur;
	}
	for (i = 0; i < cur->size; i++) {
		const struct rp_profile *p = cur->vec[i];

		if (p->ns != ns || rp_label_is_unconfined(&p->label))
			continue;
		if (rp_may_change_to(p, target, stack, request))
			continue;
		if (rp_profile_mode(p) == RP_MODE_COMPLAIN) {
			/* complain mode: allowed, and logged as such */
			struct rp_audit a = {
				.type = "ALLOWED", .op = op,
				.class_name = "file", .profile = p,
				.name = name, .target = target,
			};

			rp_audit_log(&a);
			continue;
		}
		err = -EACCES;
		rp_audit_change(op, p, NULL, err, name, target);
		goto out;
	}
	/*
	 * A confined tracer must be able to follow (mediation.md 4.2 step
	 * 3); only its ptrace records tell of a refusal, and a profile of
	 * the namespace in complain mode lets the change through.
	 */
	err = rp_ptrace_may_change(target);
	if (err && !rp_label_complains(cur, ns))
		goto out;
	err = 0;
	if (test)
		goto out;
	new = stack ? rp_label_union(cur, target) :
		      rp_label_replace_ns(cur, target);
	if (!new) {
		err = -ENOMEM;
		goto out;
	}
	/* stock refuses an onexec change that NNP would refuse at exec */
	if (!stack && !rp_nnp_allows(cur, new)) {
		err = -EPERM;
		goto out;
	}
	if (onexec) {
		rp_task_set(&t->onexec, target);
		t->onexec_stack = stack;
		goto out;
	}
	err = rp_set_current_label(new);
	if (!err && (rp_label_is_unconfined(new) || rp_label_ns(new) != ns))
		rp_task_clear_changes(t);
out:
	rp_label_put(new);
	rp_label_put(target);
out_cur:
	rp_label_put(cur);
	return err;
}

/* An EINVAL that procattr audits: a command it does not know. */
static int rp_bad_command(const char *info)
{
	struct rp_audit a = {
		.type = "DENIED", .op = "setprocattr", .info = info,
		.error = -EINVAL,
	};

	rp_audit_log(&a);
	return -EINVAL;
}

/* ---- change_hat (mediation.md 4.1) ---- */

/* At most this many hat names of one request are tried. */
#define RP_HAT_MAX_NAMES	16

/* The child of @p's base (its parent, for a hat) named @name, or NULL. */
static struct rp_profile *rp_hat_child(struct rp_profile *p, const char *name,
				       bool *has_children)
{
	struct rp_profile *base = (p->flags & RP_PROFILE_HAT) && p->parent ?
				  p->parent : p, *c;

	list_for_each_entry_rcu(c, &base->children, list) {
		*has_children = true;
		if (!strcmp(c->base, name))
			return c;
	}
	/* in complain mode, the learning hat stands in for a missing one */
	if (rp_profile_mode(p) != RP_MODE_COMPLAIN)
		return NULL;
	list_for_each_entry_rcu(c, &base->children, list)
		if ((c->flags & RP_PROFILE_NULL) &&
		    !strncmp(c->base, "null-", 5) && !strcmp(c->base + 5, name))
			return c;
	return NULL;
}

/*
 * The label @cur would have in hat @name: each of its profiles in the
 * current namespace switched to that hat, the others kept. Fails with
 * -ENOENT when some profile lacks it, -EPERM when one is no hat.
 */
static struct rp_label *rp_hat_label(struct rp_label *cur, const char *name,
				     bool *has_children)
{
	struct rp_profile *vec[RP_LABEL_MAX_STACK], *c;
	const struct rp_ns *ns = rp_label_ns(cur);
	struct rp_label *label = NULL;
	u32 i, n = 0;

	rcu_read_lock();
	for (i = 0; i < cur->size; i++) {
		struct rp_profile *p = cur->vec[i];

		if (p->ns != ns) {
			vec[n++] = p;
			continue;
		}
		c = rp_hat_child(p, name, has_children);
		if (!c) {
			label = ERR_PTR(-ENOENT);
			break;
		}
		if (!(c->flags & RP_PROFILE_HAT)) {
			label = ERR_PTR(-EPERM);
			break;
		}
		vec[n++] = c;
	}
	/* the children are held by their parents, which @cur holds */
	if (!label)
		label = rp_label_stack(vec, n, GFP_ATOMIC);
	rcu_read_unlock();
	return label ?: ERR_PTR(-ENOMEM);
}

/*
 * In complain mode a missing hat counts as found: make the learning hat
 * "null-@name" for each complain-mode profile of the current namespace
 * that lacks it, so that the search below finds it.
 */
static void rp_hat_learn(struct rp_label *cur, const char *name)
{
	const struct rp_ns *ns = rp_label_ns(cur);
	struct rp_profile *base, *learn;
	bool found, any = false;
	u32 i;

	for (i = 0; i < cur->size; i++) {
		struct rp_profile *p = cur->vec[i];

		if (p->ns != ns || rp_profile_mode(p) != RP_MODE_COMPLAIN)
			continue;
		base = (p->flags & RP_PROFILE_HAT) && p->parent ? p->parent : p;
		rcu_read_lock();
		found = rp_hat_child(p, name, &any);
		rcu_read_unlock();
		if (found)
			continue;
		learn = rp_profile_learning(base, name, true);
		rp_label_put(learn ? &learn->label : NULL);
	}
}

/* A wrong token: the task is killed, as stock does in every mode. */
static int rp_hat_token_mismatch(void)
{
	struct rp_audit a = {
		.type = "KILLED", .op = "change_hat", .class_name = "file",
		.info = "failed token match", .error = -EACCES,
	};

	rp_audit_log(&a);
	force_sig(SIGKILL);
	return -EACCES;
}

static void rp_audit_hat(const char *type, const char *info, int error,
			 const char *name)
{
	struct rp_audit a = {
		.type = type, .op = "change_hat", .class_name = "file",
		.info = info, .error = error, .name = name,
	};

	rp_audit_log(&a);
}

/*
 * "changehat TOKEN^HAT\0HAT..." (@args, @len bytes) or, with @test,
 * "permhat".
 */
static int rp_change_hat(char *args, size_t len, bool test)
{
	const char *names[RP_HAT_MAX_NAMES];
	struct rp_task *t = rp_task(current);
	struct rp_label *cur, *new = NULL;
	char *end = args + len, *s, *caret;
	bool has_children = false;
	unsigned int n = 0, i;
	u64 token;
	int err;

	caret = memchr(args, '^', len);
	s = args;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (!caret || caret == s)
		return -EINVAL;
	for (token = 0; s < caret; s++) {
		if (!isxdigit(*s))
			return -EINVAL;
		token = (token << 4) | hex_to_bin(*s);
	}
	for (s = caret + 1; s < end && n < RP_HAT_MAX_NAMES; s += strlen(s) + 1)
		if (*s)
			names[n++] = s;
	if (!token && !n)
		return -EINVAL;

	cur = rp_current_label_newest();
	if (!n) {
		/* return from the hat */
		if (!t->previous || test) {
			err = 0;
			goto out;
		}
		new = rp_label_newest(t->previous);
		if (!new) {
			err = -ENOMEM;
			goto out;
		}
		if (!rp_nnp_allows(cur, new)) {
			err = -EPERM;
			goto out;
		}
		if (token != t->token) {
			err = rp_hat_token_mismatch();
			goto out;
		}
		err = rp_set_current_label(new);
		if (!err)
			rp_task_clear_changes(t);
		goto out;
	}
	if (rp_label_is_unconfined(cur)) {
		err = -EPERM;
		rp_audit_hat("DENIED", "unconfined can not change_hat", err,
			     names[0]);
		goto out;
	}
	if (!test)
		rp_hat_learn(cur, names[0]);
	err = -ENOENT;
	for (i = 0; i < n && err == -ENOENT; i++) {
		new = rp_hat_label(cur, names[i], &has_children);
		err = IS_ERR(new) ? PTR_ERR(new) : 0;
	}
	if (err) {
		const char *info = err == -EPERM ? "target not hat" :
				   has_children ? "hat not found" :
				   "no hats defined";

		if (err == -ENOENT && !has_children)
			err = -ECHILD;
		/* single-name probes are silent */
		if (err == -EPERM || n > 1)
			rp_audit_hat("DENIED", info, err, names[n - 1]);
		new = NULL;
		goto out;
	}
	/* as at exec, a confined tracer must be able to follow into the hat */
	err = rp_ptrace_may_change(new);
	if (err) {
		rp_audit_hat("DENIED", "ptrace prevents transition", err, NULL);
		goto out;
	}
	if (!rp_nnp_allows(cur, new)) {
		err = -EPERM;
		goto out;
	}
	if (test)
		goto out;
	if (t->previous && token != t->token) {
		err = rp_hat_token_mismatch();
		goto out;
	}
	err = rp_set_current_label(new);
	if (err)
		goto out;
	if (!t->previous) {
		rp_task_set(&t->previous, cur);
		t->token = token;
	}
	rp_task_set(&t->onexec, NULL);
	t->onexec_stack = false;
out:
	if (!IS_ERR_OR_NULL(new))
		rp_label_put(new);
	rp_label_put(cur);
	return err;
}

static int rp_setprocattr(const char *attr, void *value, size_t size)
{
	char *buf, *cmd, *args, *end;
	bool current_file;
	int err;

	current_file = !strcmp(attr, "current");
	if (!current_file && strcmp(attr, "exec"))
		return rp_bad_command("invalid");
	if (!size)
		return -EINVAL;
	buf = kmemdup_nul(value, size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	/* white space goes from both ends; hat names may hold NULs */
	end = buf + size;
	while (end > buf && (isspace(end[-1]) || !end[-1]))
		end--;
	*end = '\0';
	cmd = buf;
	while (cmd < end && isspace(*cmd))
		cmd++;
	args = memchr(cmd, ' ', end - cmd);
	if (!args) {
		err = -EINVAL;
		goto out;
	}
	*args++ = '\0';
	while (args < end && *args == ' ')
		args++;
	if (args == end) {
		err = -EINVAL;
		goto out;
	}
	if (current_file && !strcmp(cmd, "changehat"))
		err = rp_change_hat(args, end - args, false);
	else if (current_file && !strcmp(cmd, "permhat"))
		err = rp_change_hat(args, end - args, true);
	else if (current_file && !strcmp(cmd, "changeprofile"))
		err = rp_change_profile(args, false, false, false);
	else if (current_file && !strcmp(cmd, "permprofile"))
		err = rp_change_profile(args, false, false, true);
	else if (current_file && !strcmp(cmd, "stack"))
		err = rp_change_profile(args, true, false, false);
	else if (!current_file && !strcmp(cmd, "exec"))
		err = rp_change_profile(args, false, true, false);
	else if (!current_file && !strcmp(cmd, "stack"))
		err = rp_change_profile(args, true, true, false);
	else
		err = rp_bad_command(attr);
out:
	kfree(buf);
	return err ?: size;
}

/*
 * lsm_set_self_attr(2): @ctx carries the same commands as a write to
 * attr/current or attr/exec (the LSM core has checked its id and size).
 */
static int rp_setselfattr(unsigned int attr, struct lsm_ctx *ctx, u32 size,
			  u32 flags)
{
	const char *file = attr == LSM_ATTR_CURRENT ? "current" :
			   attr == LSM_ATTR_EXEC ? "exec" : NULL;
	int ret;

	if (!file)
		return -EOPNOTSUPP;
	ret = rp_setprocattr(file, ctx->ctx, ctx->ctx_len);
	return ret < 0 ? ret : 0;
}

/* ---- exec (mediation.md 3) ---- */

/* May the attachment DFA of @u exec at @state? */
static bool rp_xmatch_exec(const struct rp_unpacked *u, unsigned int state)
{
	return rp_perms_lookup(u->xmatch.perms, u->xmatch.nperms,
			       u->xmatch.dfa->accept[state],
			       false)->allow & RP_MAY_EXEC;
}

/*
 * Does @p attach to @path, and how well? An exact name scores UINT_MAX;
 * a pattern its left-match length. *@state is where the pattern's walk
 * ended, for the xattr conditions (rp_attach_xattrs()).
 */
static bool rp_attach_score(const struct rp_profile *p, const char *path,
			    unsigned int *score, unsigned int *state)
{
	const struct rp_unpacked *u = p->rules;
	unsigned int literal;

	if (!u || !u->xmatch.dfa) {
		*score = UINT_MAX;	/* an exact name beats every pattern */
		return !strcmp(p->base, path);
	}
	*state = rp_dfa_leftmatch(u->xmatch.dfa, u->xmatch.start, path,
				  &literal);
	if (!rp_xmatch_exec(u, *state))
		return false;
	*score = max(literal, u->xmatch_len);
	return true;
}

/*
 * The xattr conditions of @p's attachment (mediation-encoding.md 9.2),
 * walked on from @state: an out-of-band step leads from the path to the
 * first xattr and from each to the next; a present one must match its
 * value, an absent one must not be required (its step must not be dead).
 * Return the number matched, or -1 if @dentry does not qualify. Sleeps.
 */
static int rp_attach_xattrs(const struct rp_profile *p, unsigned int state,
			    struct dentry *dentry)
{
	const struct rp_unpacked *u = p->rules;
	const struct rp_dfa *dfa = u->xmatch.dfa;
	int matched = 0;
	ssize_t len;
	char *value;
	u32 i;

	state = rp_dfa_oob_step(dfa, state);	/* from the path to the xattrs */
	for (i = 0; i < u->nxattrs; i++) {
		value = NULL;
		len = dentry ? vfs_getxattr_alloc(&nop_mnt_idmap, dentry,
						  u->xattrs[i], &value, 0,
						  GFP_KERNEL) : -ENODATA;
		if (len >= 0) {
			state = rp_dfa_null_step(dfa, state);
			state = rp_dfa_match_len(dfa, state, value, len);
			kfree(value);
			if (!rp_xmatch_exec(u, state))
				return -1;
			matched++;
		}
		/* on to the next element; only an optional one may be skipped */
		state = rp_dfa_oob_step(dfa, state);
		if (len < 0 && state == RP_DFA_DEAD)
			return -1;
	}
	return matched;
}

/* The best attachment so far (mediation.md 3.3). */
struct rp_attach_best {
	struct rp_profile *p;
	unsigned int score;
	int xattrs;
	bool tie;
};

static void rp_attach_rank(struct rp_attach_best *b, struct rp_profile *p,
			   unsigned int score, int xattrs)
{
	if (!b->p || score > b->score ||
	    (score == b->score && xattrs > b->xattrs)) {
		b->p = p;
		b->score = score;
		b->xattrs = xattrs;
		b->tie = false;
	} else if (score == b->score && xattrs == b->xattrs) {
		b->tie = true;
	}
}

/* Candidates with xattr conditions are judged after the RCU walk. */
#define RP_ATTACH_MAX_XATTR_CANDIDATES	8

/**
 * rp_attach_file() - the profile an executable attaches to
 * @list: a namespace's top-level profiles or a profile's children, newest
 *        first (an RCU list)
 * @path: the executable's name
 * @dentry: the executable, for xattr conditions; NULL: it has no xattrs
 *
 * mediation.md 3.3: an exact name wins at once; else the attachment with
 * the longest literal left part, then the most xattrs matched; a tie for
 * the best is no attachment. May sleep (xattrs are read).
 *
 * Return: the profile with a reference, or NULL.
 */
struct rp_profile *rp_attach_file(struct list_head *list, const char *path,
				  struct dentry *dentry)
{
	struct rp_profile *cand[RP_ATTACH_MAX_XATTR_CANDIDATES], *p;
	unsigned int score, state = 0, at[RP_ATTACH_MAX_XATTR_CANDIDATES];
	unsigned int scores[RP_ATTACH_MAX_XATTR_CANDIDATES];
	struct rp_attach_best best = { };
	unsigned int n = 0, i;
	int x;

	rcu_read_lock();
	list_for_each_entry_rcu(p, list, list) {
		if (rp_profile_is_ns_unconfined(p) ||
		    !rp_attach_score(p, path, &score, &state))
			continue;
		if (score == UINT_MAX) {
			best = (struct rp_attach_best){ .p = p };
			break;
		}
		if (!p->rules->nxattrs) {
			rp_attach_rank(&best, p, score, 0);
			continue;
		}
		if (n == ARRAY_SIZE(cand) ||
		    !kref_get_unless_zero(&p->label.ref))
			continue;
		cand[n] = p;
		at[n] = state;
		scores[n++] = score;
	}
	if (best.p && !kref_get_unless_zero(&best.p->label.ref))
		best.p = NULL;
	rcu_read_unlock();

	/* the xattr candidates compete now that sleeping is allowed */
	for (i = 0; i < n; i++) {
		if (best.p && best.score == UINT_MAX)
			break;
		x = rp_attach_xattrs(cand[i], at[i], dentry);
		if (x < 0)
			continue;
		p = best.p;
		rp_attach_rank(&best, cand[i], scores[i], x);
		if (best.p != p) {
			rp_label_get(&cand[i]->label);
			rp_label_put(p ? &p->label : NULL);
		}
	}
	for (i = 0; i < n; i++)
		rp_label_put(&cand[i]->label);
	if (best.tie) {
		rp_label_put(best.p ? &best.p->label : NULL);
		return NULL;
	}
	return best.p;
}

/**
 * rp_attach() - rp_attach_file() for a name alone (no xattrs)
 * @list: the candidates
 * @path: the executable's name
 *
 * Return: the profile with a reference, or NULL.
 */
struct rp_profile *rp_attach(struct list_head *list, const char *path)
{
	return rp_attach_file(list, path, NULL);
}

/**
 * struct rp_exec - one exec being decided
 * @bprm: the exec
 * @path: the executable's name, or NULL if it has none
 * @path_len: strlen() of @path
 * @ouid: the executable's owner
 * @secure: some component asked for a secure exec
 */
struct rp_exec {
	struct linux_binprm *bprm;
	const char *path;
	size_t path_len;
	kuid_t ouid;
	bool secure;
};

/* What @p's file rules grant @x's executable. */
static const struct rp_perms *rp_exec_perms(const struct rp_profile *p,
					    const struct rp_exec *x,
					    unsigned int *statep)
{
	static const struct rp_perms none;
	const struct rp_policydb *db;
	unsigned int state;

	db = rp_file_rules(p, &state);
	if (!db || !x->path)
		return &none;
	state = rp_file_match(p, db, state, x->path, x->path_len);
	if (statep)
		*statep = state;
	return rp_perms_lookup(db->perms, db->nperms, db->dfa->accept[state],
			       !uid_eq(current_fsuid(), x->ouid));
}

/* The label an exec rule of @p names (a TABLE entry), with a reference. */
static struct rp_label *rp_exec_table(struct rp_profile *p, u32 index,
				      bool *stack)
{
	const struct rp_policydb *db;
	unsigned int start;
	const char *name;

	db = rp_file_rules(p, &start);
	if (!db || index >= db->nxtable)
		return ERR_PTR(-ENOENT);
	name = db->xtable[index];
	*stack = *name == '&';
	return rp_label_parse(p->ns, *stack ? name + 1 : name, GFP_KERNEL);
}

/*
 * @p may not exec @x's file. In complain mode it moves to its learning
 * profile for the file, and the exec is logged as allowed; a learning
 * profile itself stays where it is. Otherwise -EACCES.
 */
static struct rp_label *rp_exec_learn(struct rp_profile *p, struct rp_exec *x)
{
	struct rp_profile *learn;
	struct rp_audit a = {
		.type = "ALLOWED", .op = "exec", .class_name = "file",
		.profile = p, .name = x->path, .request = RP_MAY_EXEC,
		.denied = RP_MAY_EXEC, .ouid = x->ouid,
	};

	if (rp_profile_mode(p) != RP_MODE_COMPLAIN)
		return ERR_PTR(-EACCES);
	learn = rp_profile_learning(p, x->path, false);
	if (!learn)
		return ERR_PTR(-ENOMEM);
	a.target = &learn->label;
	rp_audit_log(&a);
	return &learn->label;
}

/* The label @p moves to at @x (mediation.md 3.2), with a reference. */
static struct rp_label *rp_exec_successor(struct rp_profile *p,
					  struct rp_exec *x)
{
	struct rp_label *target = NULL, *stacked = NULL, *ret;
	const struct rp_perms *perms;
	struct rp_profile *found;
	u32 xi, type;
	bool stack = false;

	if (rp_label_is_unconfined(&p->label)) {
		found = x->path ? rp_attach_file(&p->ns->profiles, x->path,
						 x->bprm->file->f_path.dentry) :
				  NULL;
		return found ? &found->label : rp_label_get(&p->label);
	}
	if (!x->path)
		return ERR_PTR(-EACCES);
	perms = rp_exec_perms(p, x, NULL);
	if (!(perms->allow & RP_MAY_EXEC) || (perms->deny & RP_MAY_EXEC))
		return rp_exec_learn(p, x);
	xi = perms->xindex;
	type = xi & RP_X_TYPE_MASK;
	if (type == RP_X_TABLE) {
		stacked = rp_exec_table(p, xi & RP_X_INDEX_MASK, &stack);
		if (IS_ERR(stacked)) {
			stacked = NULL;
		} else if (!stack) {
			target = stacked;
			stacked = NULL;
		}
	}
	if (!target && (type == RP_X_NAME || stack)) {
		found = rp_attach_file(xi & RP_X_CHILD ? &p->children :
				       &p->ns->profiles, x->path,
				       x->bprm->file->f_path.dentry);
		if (found)
			target = &found->label;
	}
	if (!target) {
		if (xi & RP_X_INHERIT)
			target = rp_label_get(&p->label);
		else if (xi & RP_X_UNCONFINED)
			target = rp_label_get(&p->ns->unconfined->label);
		else if (!type)
			target = rp_label_get(&p->label);
	}
	if (!target) {
		rp_label_put(stacked);
		ret = rp_exec_learn(p, x);
		/* in enforce mode: the profile transition was not found */
		return ret == ERR_PTR(-EACCES) ? ERR_PTR(-ESRCH) : ret;
	}
	/* staying in @p (ix, or an inherit fallback) never scrubs */
	if (!(xi & RP_X_UNSAFE) && target != &p->label)
		x->secure = true;
	if (!stacked)
		return target;
	ret = rp_label_union(target, stacked);
	rp_label_put(target);
	rp_label_put(stacked);
	return ret ?: ERR_PTR(-ENOMEM);
}

/*
 * With an onexec label armed: may @p (of the current namespace, confined)
 * exec @x's file into @target? The file must grant onexec, and so must
 * the file's name, a NUL and the target (mediation.md 3.5).
 */
static bool rp_exec_onexec_allowed(struct rp_profile *p, struct rp_exec *x,
				   struct rp_label *target, bool stack)
{
	const struct rp_policydb *db;
	const struct rp_perms *perms;
	unsigned int state, start;
	char *key;
	u32 allow;

	perms = rp_exec_perms(p, x, &state);
	if (!(perms->allow & RP_MAY_ONEXEC))
		return false;
	db = rp_file_rules(p, &start);
	key = rp_label_render_alloc(target, p->ns, RP_RENDER_SUBNS, "",
				    GFP_KERNEL);
	if (!key)
		return false;
	state = rp_dfa_null_step(db->dfa, state);
	if (stack)
		state = rp_dfa_step(db->dfa, state, '&');
	state = rp_dfa_match(db->dfa, state, key);
	kfree(key);
	allow = rp_perms_lookup(db->perms, db->nperms, db->dfa->accept[state],
				!uid_eq(current_fsuid(), GLOBAL_ROOT_UID))->allow;
	if (!(perms->xindex & RP_X_UNSAFE))
		x->secure = true;
	return allow & RP_MAY_ONEXEC;
}

/*
 * The executable's name for rules (mediation.md 2.1), made with the path
 * flags of @cur's first confined profile (an unconfined label attaches by
 * the default name). Return: the name, NULL if it has none, or
 * ERR_PTR(-ENOMEM).
 */
static const char *rp_exec_name(struct linux_binprm *bprm,
				const struct rp_label *cur, struct rp_name *n)
{
	u32 flags = RP_PATH_MEDIATE_DELETED, i;

	for (i = 0; i < cur->size; i++) {
		const struct rp_profile *p = cur->vec[i];

		if (!rp_label_is_unconfined(&p->label) && p->rules) {
			flags = p->rules->path_flags;
			break;
		}
	}
	n->buf = rp_buf_get(GFP_KERNEL);
	if (!n->buf)
		return ERR_PTR(-ENOMEM);
	return rp_path_name(&bprm->file->f_path, flags, n) ? NULL : n->str;
}

/*
 * Can this exec leave @cur as it is without looking? Only if nothing is
 * armed and every profile is unconfined in a namespace without profiles
 * to attach: the usual exec on a system without policy, which then costs
 * no name lookup and no allocation.
 */
static bool rp_exec_is_trivial(const struct rp_label *cur,
			       const struct rp_task *t)
{
	u32 i;

	if (t->onexec)
		return false;
	for (i = 0; i < cur->size; i++)
		if (!rp_label_is_unconfined(&cur->vec[i]->label) ||
		    !list_empty(&cur->vec[i]->ns->profiles))
			return false;
	return true;
}

static int rp_bprm_creds_for_exec(struct linux_binprm *bprm)
{
	struct rp_task *t = rp_task(current);
	struct rp_label *cur, *next, *new = NULL, *part;
	struct rp_exec x = { .bprm = bprm };
	const struct rp_ns *ns;
	struct rp_name name = { };
	u32 i;
	int err = 0;

	cur = rp_current_label_newest();
	/* (a stale label still goes the long way, to be brought up to date) */
	if (cur == rp_current_label() && rp_exec_is_trivial(cur, t))
		goto out;
	ns = rp_label_ns(cur);
	x.ouid = file_inode(bprm->file)->i_uid;
	x.path = rp_exec_name(bprm, cur, &name);
	if (IS_ERR(x.path)) {
		err = PTR_ERR(x.path);
		goto out;
	}
	x.path_len = x.path ? name.len : 0;
	if (task_no_new_privs(current) && !rp_label_is_unconfined(cur) &&
	    !t->nnp)
		rp_task_set(&t->nnp, cur);

	for (i = 0; i < cur->size; i++) {
		struct rp_profile *p = cur->vec[i];

		if (t->onexec && p->ns == ns) {
			if (!rp_label_is_unconfined(&p->label) &&
			    !rp_exec_onexec_allowed(p, &x, t->onexec,
						    t->onexec_stack)) {
				err = -EACCES;
				rp_audit_exec(p, "no change_onexec valid for executable",
					      err, x.path, x.ouid, false,
					      t->onexec);
				goto out;
			}
			part = t->onexec_stack ?
			       rp_label_union(&p->label, t->onexec) :
			       rp_label_get(t->onexec);
			if (!part)
				part = ERR_PTR(-ENOMEM);
		} else {
			part = rp_exec_successor(p, &x);
		}
		if (IS_ERR(part)) {
			err = PTR_ERR(part);
			if (err == -ESRCH) {
				err = -EACCES;
				rp_audit_exec(p, "profile transition not found",
					      err, x.path, x.ouid, true, NULL);
			} else if (err == -EACCES) {
				rp_audit_exec(p, NULL, err, x.path, x.ouid,
					      true, NULL);
			}
			goto out;
		}
		next = new ? rp_label_union(new, part) : rp_label_get(part);
		rp_label_put(part);
		rp_label_put(new);
		new = next;
		if (!new) {
			err = -ENOMEM;
			goto out;
		}
	}
	if (t->nnp && !(t->onexec && t->onexec_stack) &&
	    !rp_label_keeps(t->nnp, new)) {
		err = -EPERM;
		for (i = 0; i < cur->size; i++)
			if (!rp_label_is_unconfined(&cur->vec[i]->label))
				rp_audit_exec(cur->vec[i], "no new privs", err,
					      x.path, x.ouid, true, new);
		goto out;
	}
	/* a confined tracer must be able to follow (mediation.md 3.1) */
	if (bprm->unsafe & LSM_UNSAFE_PTRACE) {
		err = rp_ptrace_may_change(new);
		if (err) {
			for (i = 0; i < cur->size; i++)
				rp_audit_exec(cur->vec[i],
					      "ptrace prevents transition",
					      err, x.path, x.ouid, true, new);
			goto out;
		}
	}
	if (x.secure)
		bprm->secureexec = 1;	/* AT_SECURE for the new image */
	/* a change of domain drops the personality flags a setid exec would */
	bprm->per_clear |= new == cur ? 0 : PER_CLEAR_ON_SETID;
	rp_label_put(rp_cred(bprm->cred)->label);
	rp_cred(bprm->cred)->label = new;
	new = NULL;
out:
	rp_label_put(new);
	rp_label_put(cur);
	rp_buf_put(name.buf);
	return err;
}

/*
 * About to switch to the exec's cred: a new confinement revalidates the
 * files the task keeps (mediation.md 2.9), drops the parent-death
 * signal, as a setid exec would, and applies its resource limits.
 */
static void rp_bprm_committing_creds(const struct linux_binprm *bprm)
{
	struct rp_label *old = rp_current_label();
	struct rp_label *new = rp_cred(bprm->cred)->label;

	if (new == old || rp_label_is_unconfined(new))
		return;
	rp_file_inherit(bprm->cred);
	current->pdeath_signal = 0;	/* as for a setid exec */
	rp_rlimit_enter(old, new);
}

/* A successful exec ends the onexec and hat state it started with. */
static void rp_bprm_committed_creds(const struct linux_binprm *bprm)
{
	rp_task_clear_changes(rp_task(current));
}

static struct security_hook_list rp_domain_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(setprocattr, rp_setprocattr),
	LSM_HOOK_INIT(setselfattr, rp_setselfattr),
	LSM_HOOK_INIT(bprm_creds_for_exec, rp_bprm_creds_for_exec),
	LSM_HOOK_INIT(bprm_committing_creds, rp_bprm_committing_creds),
	LSM_HOOK_INIT(bprm_committed_creds, rp_bprm_committed_creds),
};

void __init rp_domain_init(void)
{
	security_add_hooks(rp_domain_hooks, ARRAY_SIZE(rp_domain_hooks),
			   &rp_lsmid);
}
