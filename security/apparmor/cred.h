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
 * @previous: label to return to from a hat, or NULL
 * @token: the change_hat token guarding @previous
 */
struct rp_task {
	struct rp_label *onexec;
	struct rp_label *previous;
	u64 token;
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

void __init rp_cred_init(void);

#endif /* _RAMPART_CRED_H */
