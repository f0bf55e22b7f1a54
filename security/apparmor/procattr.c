// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: reading a task's labels through /proc/<pid>/attr/{apparmor/,}
 * {current,prev,exec} and lsm_get_self_attr(2). Labels are rendered
 * relative to the reader's namespace; a label the reader cannot see is
 * refused with -EACCES.
 */
#include <linux/lsm_hooks.h>
#include <linux/rcupdate.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/lsm.h>
#include "cred.h"
#include "lsm.h"

#define RP_PROCATTR_OPTS (RP_RENDER_SUBNS | RP_RENDER_MODE | \
			  RP_RENDER_HIDDEN_UNCONFINED)

/* A counted reference to a label published in an RCU-protected slot. */
static struct rp_label *rp_label_get_rcu(struct rp_label *label)
{
	return label && kref_get_unless_zero(&label->ref) ? label : NULL;
}

/* Which label @name names for @task: -EINVAL for unknown or unset names. */
static struct rp_label *rp_task_attr_label(struct task_struct *task,
					   const char *name)
{
	struct rp_label *label = NULL;

	rcu_read_lock();
	if (strcmp(name, "current") == 0)
		label = rp_label_get_rcu(rp_cred(__task_cred(task))->label);
	else if (strcmp(name, "prev") == 0)
		label = rp_label_get_rcu(READ_ONCE(rp_task(task)->previous));
	else if (strcmp(name, "exec") == 0)
		label = rp_label_get_rcu(READ_ONCE(rp_task(task)->onexec));
	rcu_read_unlock();
	return label;
}

/*
 * Render @label for the calling task, with @suffix appended; the caller
 * frees *value. Return the length or a negative errno.
 */
static int rp_render_for_current(struct rp_label *label, const char *suffix,
				 char **value)
{
	struct rp_ns *view = rp_label_ns(rp_current_label());

	if (!rp_ns_within(rp_label_ns(label), view))
		return -EACCES;
	*value = rp_label_render_alloc(label, view, RP_PROCATTR_OPTS, suffix,
				       GFP_KERNEL);
	return *value ? strlen(*value) : -ENOMEM;
}

static int rp_getprocattr(struct task_struct *task, const char *name,
			  char **value)
{
	struct rp_label *label = rp_task_attr_label(task, name), *newest;
	int ret;

	if (!label)
		return -EINVAL;
	/* a replaced profile shows as its new version */
	newest = rp_label_newest(label);
	rp_label_put(label);
	if (!newest)
		return -ENOMEM;
	ret = rp_render_for_current(newest, "\n", value);
	rp_label_put(newest);
	return ret;
}

static int rp_getselfattr(unsigned int attr, struct lsm_ctx __user *ctx,
			  u32 *size, u32 flags)
{
	struct rp_label *label;
	char *value = NULL;
	int ret;

	switch (attr) {
	case LSM_ATTR_CURRENT:
		label = rp_task_attr_label(current, "current");
		break;
	case LSM_ATTR_PREV:
		label = rp_task_attr_label(current, "prev");
		break;
	case LSM_ATTR_EXEC:
		label = rp_task_attr_label(current, "exec");
		break;
	default:
		return -EOPNOTSUPP;
	}
	if (!label)
		return -ENOENT;

	ret = rp_render_for_current(label, "", &value);
	rp_label_put(label);
	if (ret >= 0)
		ret = lsm_fill_user_ctx(ctx, size, value, ret, LSM_ID_APPARMOR,
					0);
	kfree(value);
	return ret < 0 ? ret : 1;
}

static struct security_hook_list rp_procattr_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(getprocattr, rp_getprocattr),
	LSM_HOOK_INIT(getselfattr, rp_getselfattr),
};

void __init rp_procattr_init(void)
{
	security_add_hooks(rp_procattr_hooks, ARRAY_SIZE(rp_procattr_hooks),
			   &rp_lsmid);
}
