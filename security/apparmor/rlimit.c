// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: resource limits (mediation.md 9). A profile may cap the hard
 * limit of some resources: entering it lowers them, and a confined task
 * may not raise them past the cap. Another task's limits are only the
 * business of a task with the same label or with sys_resource.
 */
#include <linux/audit.h>
#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/posix-timers.h>
#include <linux/rcupdate.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/security.h>
#include "audit.h"
#include "cred.h"
#include "lsm.h"
#include "mediate.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

static const char *const rp_rlimit_names[RP_RLIMIT_COUNT] = {
	"cpu", "fsize", "data", "stack", "core", "rss", "nproc", "nofile",
	"memlock", "as", "locks", "sigpending", "msgqueue", "nice", "rtprio",
	"rttime",
};

static_assert(RLIM_NLIMITS <= RP_RLIMIT_COUNT);

/**
 * struct rp_rlimit_event - what a setrlimit record shows
 * @resource: the resource
 * @value: the hard limit asked for
 * @peer: the other task's label, or NULL
 */
struct rp_rlimit_event {
	unsigned int resource;
	u64 value;
	const struct rp_label *peer;
};

/* " rlimit=name value=N" [" peer=label"] */
static void rp_rlimit_fields(struct audit_buffer *ab, const struct rp_audit *a)
{
	const struct rp_rlimit_event *ev = a->data;

	audit_log_format(ab, " rlimit=%s value=%llu",
			 rp_rlimit_names[ev->resource], ev->value);
	if (ev->peer)
		rp_audit_label(ab, "peer", ev->peer, a->profile);
}

/* One component's answer, through the outcome table of file-like classes. */
static int rp_rlimit_decide(const struct rp_profile *p, bool ok,
			    const char *info, const struct rp_rlimit_event *ev)
{
	static const struct rp_perms granted = { .allow = ~0u };
	static const struct rp_perms refused;
	struct rp_audit a = {
		.op = "setrlimit", .class_name = "rlimits", .profile = p,
		.info = info, .error = info ? -EACCES : 0,
		.extra = rp_rlimit_fields, .data = ev,
	};

	/* the record shows no mask: any bit stands for the request */
	return rp_audit_decide(&a, p, ok ? &granted : &refused, 1, -EACCES);
}

/*
 * Called under the target's task_lock: nothing here may sleep, so replaced
 * profiles are followed per component under RCU instead of through
 * rp_label_newest().
 */
static int rp_task_setrlimit(struct task_struct *task, unsigned int resource,
			     struct rlimit *new)
{
	struct rp_label *label = rp_current_label();
	struct rp_rlimit_event ev = { .resource = resource,
				      .value = new->rlim_max };
	const struct rp_profile *p;
	const char *why = NULL;
	int err = 0, e;
	u32 i;

	if (rp_label_is_unconfined(label))
		return 0;
	rcu_read_lock();
	ev.peer = rp_cred(__task_cred(task))->label;
	/* another confinement's limits need sys_resource */
	if (ev.peer != label &&
	    rp_capable_label(label, CAP_SYS_RESOURCE, CAP_OPT_NOAUDIT))
		why = "cap_sys_resource";
	else
		ev.peer = NULL;
	rp_label_for_each_live(label, i, p) {
		const struct rp_unpacked *u = p->rules;

		if (why)
			e = rp_rlimit_decide(p, false, why, &ev);
		else if (u && (u->rlimit_mask & BIT(resource)))
			e = rp_rlimit_decide(p, new->rlim_max <=
					     u->rlimits[resource], NULL, &ev);
		else
			e = 0;
		if (e)
			err = e;
	}
	rcu_read_unlock();
	return err;
}

/**
 * rp_rlimit_enter() - limits on entering @new from @old at exec
 * @old: the label the task leaves
 * @new: the label it enters (confined)
 *
 * Soft limits of what @old capped go back to the lower of the hard limit
 * and init's soft limit; then @new's caps lower the hard limits, and soft
 * limits follow them down (mediation.md 9).
 */
void rp_rlimit_enter(const struct rp_label *old, const struct rp_label *new)
{
	struct rlimit *rl = current->signal->rlim;
	const struct rlimit *init_rl = init_task.signal->rlim;
	const struct rp_profile *p;
	unsigned int r;
	u32 i;

	rp_label_for_each_confined(old, i, p) {
		const struct rp_unpacked *u = p->rules;

		if (!u)
			continue;
		for (r = 0; r < RLIM_NLIMITS; r++)
			if (u->rlimit_mask & BIT(r))
				rl[r].rlim_cur = min(rl[r].rlim_max,
						     init_rl[r].rlim_cur);
	}
	rp_label_for_each_confined(new, i, p) {
		const struct rp_unpacked *u = p->rules;

		if (!u)
			continue;
		for (r = 0; r < RLIM_NLIMITS; r++) {
			if (!(u->rlimit_mask & BIT(r)))
				continue;
			rl[r].rlim_max = min_t(u64, rl[r].rlim_max,
					       u->rlimits[r]);
			rl[r].rlim_cur = min(rl[r].rlim_cur, rl[r].rlim_max);
			if (IS_ENABLED(CONFIG_POSIX_TIMERS) && r == RLIMIT_CPU &&
			    rl[r].rlim_cur != RLIM_INFINITY)
				update_rlimit_cpu(current->group_leader,
						  rl[r].rlim_cur);
		}
	}
}

static struct security_hook_list rp_rlimit_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(task_setrlimit, rp_task_setrlimit),
};

void __init rp_rlimit_init(void)
{
	security_add_hooks(rp_rlimit_hooks, ARRAY_SIZE(rp_rlimit_hooks),
			   &rp_lsmid);
}
