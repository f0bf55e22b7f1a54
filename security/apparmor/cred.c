// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: cred and task blob hooks. A cred carries its label from fork to
 * exec; a task carries pending onexec and hat-return state, which a child
 * inherits.
 */
#include <linux/lsm_hooks.h>
#include "cred.h"
#include "lsm.h"

static int rp_cred_alloc_blank(struct cred *cred, gfp_t gfp)
{
	rp_cred(cred)->label = NULL;
	return 0;
}

static void rp_cred_free(struct cred *cred)
{
	struct rp_cred *rc = rp_cred(cred);

	rp_label_put(rc->label);
	rc->label = NULL;
}

static int rp_cred_prepare(struct cred *new, const struct cred *old,
			   gfp_t gfp)
{
	rp_cred(new)->label = rp_label_get(rp_cred(old)->label);
	return 0;
}

static void rp_cred_transfer(struct cred *new, const struct cred *old)
{
	rp_cred(new)->label = rp_label_get(rp_cred(old)->label);
}

static int rp_task_alloc(struct task_struct *task, unsigned long clone_flags)
{
	const struct rp_task *parent = rp_task(current);
	struct rp_task *child = rp_task(task);

	child->onexec = rp_label_get(parent->onexec);
	child->onexec_stack = parent->onexec_stack;
	child->previous = rp_label_get(parent->previous);
	child->token = parent->token;
	child->nnp = rp_label_get(parent->nnp);
	return 0;
}

static void rp_task_free(struct task_struct *task)
{
	struct rp_task *t = rp_task(task);

	rp_label_put(t->onexec);
	rp_label_put(t->previous);
	rp_label_put(t->nnp);
	t->onexec = NULL;
	t->previous = NULL;
	t->nnp = NULL;
}

static struct security_hook_list rp_cred_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(cred_alloc_blank, rp_cred_alloc_blank),
	LSM_HOOK_INIT(cred_free, rp_cred_free),
	LSM_HOOK_INIT(cred_prepare, rp_cred_prepare),
	LSM_HOOK_INIT(cred_transfer, rp_cred_transfer),
	LSM_HOOK_INIT(task_alloc, rp_task_alloc),
	LSM_HOOK_INIT(task_free, rp_task_free),
};

/* Confine the boot task (and so every task) by the root unconfined label. */
void __init rp_cred_init(void)
{
	/* The boot task's cred is not shared yet: its blob is ours to set. */
	struct cred *cred = (struct cred *)current_cred();

	rp_cred(cred)->label = rp_label_get(&rp_root_ns->unconfined->label);
	security_add_hooks(rp_cred_hooks, ARRAY_SIZE(rp_cred_hooks),
			   &rp_lsmid);
}
