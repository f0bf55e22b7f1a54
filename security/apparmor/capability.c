// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: capabilities (mediation.md 8). A confined profile grants the
 * capabilities in its allow set; the kernel's own check runs first, so
 * this is only asked about capabilities the task has. Each CPU remembers
 * which capabilities it last reported for which profile and does not
 * report them again until another profile is reported there.
 *
 * capable() may be called where sleeping is not allowed: nothing here
 * allocates, and replaced profiles are followed under RCU.
 */
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/security.h>
#include "audit.h"
#include "cred.h"
#include "lsm.h"
#include "mediate.h"
#include "policy.h"
#include "unpack.h"

/* Capability names as policy and records spell them, by number. */
static const char *const rp_cap_names[] = {
	"chown", "dac_override", "dac_read_search", "fowner", "fsetid",
	"kill", "setgid", "setuid", "setpcap", "linux_immutable",
	"net_bind_service", "net_broadcast", "net_admin", "net_raw",
	"ipc_lock", "ipc_owner", "sys_module", "sys_rawio", "sys_chroot",
	"sys_ptrace", "sys_pacct", "sys_admin", "sys_boot", "sys_nice",
	"sys_resource", "sys_time", "sys_tty_config", "mknod", "lease",
	"audit_write", "audit_control", "setfcap", "mac_override",
	"mac_admin", "syslog", "wake_alarm", "block_suspend", "audit_read",
	"perfmon", "bpf", "checkpoint_restore",
};

static_assert(ARRAY_SIZE(rp_cap_names) == CAP_LAST_CAP + 1);

/**
 * struct rp_cap_seen - the capabilities a CPU last reported
 * @serial: the profile they were reported for (rp_profile.serial)
 * @caps: the capability bits reported for it
 */
struct rp_cap_seen {
	u64 serial;
	u64 caps;
};

static DEFINE_PER_CPU(struct rp_cap_seen, rp_cap_seen);

/* " capability=N  capname="name"" (stock's spacing: item 9 ends in one) */
static void rp_cap_fields(struct audit_buffer *ab, const struct rp_audit *a)
{
	int cap = *(const int *)a->data;

	audit_log_format(ab, " capability=%d ", cap);
	rp_audit_str(ab, "capname", rp_cap_names[cap]);
}

static const char rp_allowed[] = "ALLOWED";
static const char rp_denied[] = "DENIED";
static const char rp_killed[] = "KILLED";

/* Has this CPU already reported @cap for @p? Remembers it if not. */
static bool rp_cap_reported(const struct rp_profile *p, int cap)
{
	struct rp_cap_seen *seen = get_cpu_ptr(&rp_cap_seen);
	bool old;

	if (seen->serial != p->serial) {
		seen->serial = p->serial;
		seen->caps = 0;
	}
	old = seen->caps & BIT_ULL(cap);
	seen->caps |= BIT_ULL(cap);
	put_cpu_ptr(&rp_cap_seen);
	return old;
}

/**
 * rp_capable_profile() - may @p (confined, live) use @cap?
 * @p: the profile
 * @cap: the capability
 * @how: CAP_OPT_* (CAP_OPT_NOAUDIT: log only in complain mode)
 *
 * Logs as mediation.md 8 and 12 say, once per CPU and profile.
 *
 * Return: 0 or -EPERM.
 */
int rp_capable_profile(const struct rp_profile *p, int cap, unsigned int how)
{
	const struct rp_unpacked *u = p->rules;
	enum rp_audit_mode am = rp_profile_audit(p);
	enum rp_mode mode = rp_profile_mode(p);
	u64 bit = BIT_ULL(cap);
	int error = u && (u->caps[0] & bit) ? 0 : -EPERM;
	struct rp_audit a = {
		.op = "capable", .class_name = "cap", .profile = p,
		.extra = rp_cap_fields, .data = &cap,
	};

	/* asked quietly: only complain mode tells */
	if (how & CAP_OPT_NOAUDIT) {
		if (mode != RP_MODE_COMPLAIN)
			return error;
		a.info = "optional: no audit";
		a.error = error;
	}
	if (!error) {
		if (am != RP_AUDIT_ALL && !(u->caps[1] & bit))
			return 0;
		a.type = "AUDIT";
	} else if (mode == RP_MODE_KILL) {
		a.type = rp_killed;
	} else {
		/* a quiet deny rule: refused without a word, even in complain */
		if (u && (u->caps[2] & bit) && am != RP_AUDIT_NOQUIET &&
		    am != RP_AUDIT_ALL)
			return error;
		a.type = mode == RP_MODE_COMPLAIN ? rp_allowed : rp_denied;
	}
	/* already reported on this CPU: same answer, no record, no kill */
	if (rp_cap_reported(p, cap))
		return a.type == rp_allowed ? 0 : error;
	/* the global audit mode may silence it, and then complain is moot */
	if (am == RP_AUDIT_QUIET ||
	    (am == RP_AUDIT_QUIET_DENIED && a.type == rp_denied))
		return error;
	rp_audit_log(&a);
	if (a.type == rp_killed)
		send_sig_info(SIGKILL, SEND_SIG_PRIV, current);
	return a.type == rp_allowed ? 0 : error;
}

/**
 * rp_capable_label() - may @label use @cap?
 * @label: the label (the caller keeps it alive)
 * @cap: the capability
 * @opts: CAP_OPT_* (CAP_OPT_NOAUDIT: log only in complain mode)
 *
 * Every confined component must grant it; each refusal has its record.
 *
 * Return: 0 or -EPERM.
 */
int rp_capable_label(struct rp_label *label, int cap, unsigned int opts)
{
	const struct rp_profile *p;
	int err = 0, e;
	u32 i;

	if (rp_label_is_unconfined(label))
		return 0;
	rcu_read_lock();
	rp_label_for_each_live(label, i, p) {
		e = rp_capable_profile(p, cap, opts);
		if (e)
			err = e;
	}
	rcu_read_unlock();
	return err;
}

static int rp_capable(const struct cred *cred, struct user_namespace *ns,
		      int cap, unsigned int how)
{
	return rp_capable_label(rp_cred(cred)->label, cap, how);
}

/*
 * What capget() shows: a confined profile (not in complain mode) hides
 * the effective and permitted capabilities it does not grant.
 */
static int rp_capget(const struct task_struct *target,
		     kernel_cap_t *effective, kernel_cap_t *inheritable,
		     kernel_cap_t *permitted)
{
	const struct rp_label *label;
	const struct rp_profile *p;
	u32 i;

	rcu_read_lock();
	label = rp_cred(__task_cred(target))->label;
	rp_label_for_each_live(label, i, p) {
		if (!p->rules || rp_profile_mode(p) == RP_MODE_COMPLAIN)
			continue;
		effective->val &= p->rules->caps[0];
		permitted->val &= p->rules->caps[0];
	}
	rcu_read_unlock();
	return 0;
}

static struct security_hook_list rp_cap_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(capable, rp_capable),
	LSM_HOOK_INIT(capget, rp_capget),
};

void __init rp_cap_init(void)
{
	security_add_hooks(rp_cap_hooks, ARRAY_SIZE(rp_cap_hooks), &rp_lsmid);
}
