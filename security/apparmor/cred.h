/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: what the LSM keeps in a cred and in a task: the label the task
 * is confined by, and the pending and saved labels of domain changes.
 */
#ifndef _RAMPART_CRED_H
#define _RAMPART_CRED_H

#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/sched.h>
#include "policy.h"

extern struct lsm_blob_sizes rp_blob_sizes;

/**
 * struct rp_cred - Rampart's part of a cred
 * @label: the label the task is confined by (a reference); never NULL once
 *         the cred is in use
 */
struct rp_cred {
	struct rp_label *label;
};

/**
 * struct rp_task - Rampart's part of a task
 * @onexec: label to change to at the next exec, or NULL
 * @onexec_stack: @onexec is stacked on the current label, not put in its
 *                place
 * @previous: label to return to from a hat, or NULL
 * @token: the change_hat token guarding @previous
 * @nnp: the label the task had when it was first seen to run with
 *       no_new_privs while confined, or NULL; domain changes must keep
 *       its confined profiles
 *
 * Only the task itself changes these (its children get copies).
 */
struct rp_task {
	struct rp_label *onexec;
	bool onexec_stack;
	struct rp_label *previous;
	u64 token;
	struct rp_label *nnp;
};

static inline struct rp_cred *rp_cred(const struct cred *cred)
{
	return cred->security + rp_blob_sizes.lbs_cred;
}

static inline struct rp_task *rp_task(const struct task_struct *task)
{
	return task->security + rp_blob_sizes.lbs_task;
}

/* The caller's label; valid while the caller's cred is (no reference). */
static inline struct rp_label *rp_current_label(void)
{
	return rp_cred(current_cred())->label;
}

/* The caller's label with replaced profiles followed (a reference). */
static inline struct rp_label *rp_current_label_newest(void)
{
	return rp_label_newest(rp_current_label());
}

void __init rp_cred_init(void);

#endif /* _RAMPART_CRED_H */
