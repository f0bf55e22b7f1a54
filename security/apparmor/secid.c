// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: secids, the numbers the rest of the kernel (audit above all)
 * uses to name a task's security context. Every label gets one when it
 * is made and gives it back when it is freed; the text of a secid is the
 * label as seen from the root namespace, with its mode only when the
 * sysctl apparmor_display_secid_mode asks for it. Audit's SYSCALL and
 * USER records then carry subj=<label>, as on stock 6.12.
 */
#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xarray.h>
#include <kunit/visibility.h>
#include "cred.h"
#include "lsm.h"
#include "policy.h"

/*
 * secid -> label. 0 means "no context" to the LSM core and 1 is kept for
 * a wildcard (mediation.md 1.1): labels get 2 and up.
 */
static DEFINE_XARRAY_FLAGS(rp_secids, XA_FLAGS_ALLOC | XA_FLAGS_LOCK_IRQ);
#define RP_SECID_FIRST	2

/* sysctl kernel.apparmor_display_secid_mode */
int rp_display_secid_mode;

/**
 * rp_secid_assign() - give @label a secid of its own
 * @label: a label being made (not yet visible)
 * @gfp: allocation flags
 *
 * Return: 0, or -ENOMEM (or -EBUSY when every secid is taken).
 */
int rp_secid_assign(struct rp_label *label, gfp_t gfp)
{
	unsigned long flags;
	int err;

	xa_lock_irqsave(&rp_secids, flags);
	err = __xa_alloc(&rp_secids, &label->secid, label,
			 XA_LIMIT(RP_SECID_FIRST, INT_MAX), gfp);
	xa_unlock_irqrestore(&rp_secids, flags);
	if (err)
		label->secid = 0;
	return err;
}

/* rp_secid_release() - @label's secid names nothing any more */
void rp_secid_release(struct rp_label *label)
{
	unsigned long flags;

	if (!label->secid)
		return;
	xa_lock_irqsave(&rp_secids, flags);
	__xa_erase(&rp_secids, label->secid);
	xa_unlock_irqrestore(&rp_secids, flags);
}

/* The secid that stands for @label now: a replaced profile's successor's. */
static u32 rp_label_secid(const struct rp_label *label)
{
	u32 secid;

	rcu_read_lock();
	if (label->size == 1)
		secid = rp_profile_newest_rcu(label->vec[0])->label.secid;
	else
		secid = label->secid;
	rcu_read_unlock();
	return secid;
}

static void rp_current_getsecid_subj(u32 *secid)
{
	*secid = rp_label_secid(rp_current_label());
}

static void rp_task_getsecid_obj(struct task_struct *p, u32 *secid)
{
	rcu_read_lock();
	*secid = rp_label_secid(rp_cred(__task_cred(p))->label);
	rcu_read_unlock();
}

/*
 * The context text of @secid (its length only when @secdata is NULL);
 * -EINVAL for a secid that names no label (audit then leaves subj= out).
 */
VISIBLE_IF_KUNIT
int rp_secid_to_secctx(u32 secid, char **secdata, u32 *seclen)
{
	unsigned int opts = RP_RENDER_SUBNS | RP_RENDER_HIDDEN_UNCONFINED;
	struct rp_label *label;
	int len;

	rcu_read_lock();
	label = secid ? xa_load(&rp_secids, secid) : NULL;
	if (label && !kref_get_unless_zero(&label->ref))
		label = NULL;
	rcu_read_unlock();
	if (!label)
		return -EINVAL;
	if (READ_ONCE(rp_display_secid_mode))
		opts |= RP_RENDER_MODE;
	if (secdata) {
		*secdata = rp_label_render_alloc(label, rp_root_ns, opts, "",
						 GFP_ATOMIC);
		len = *secdata ? strlen(*secdata) : -ENOMEM;
	} else {
		len = rp_label_render(label, rp_root_ns, opts, NULL, 0);
	}
	rp_label_put(label);
	if (len < 0)
		return len;
	*seclen = len;
	return 0;
}

/*
 * A context text back to its secid: the label it names, read from the
 * root namespace; a stack no task has is not made (KI 6.5).
 */
VISIBLE_IF_KUNIT
int rp_secctx_to_secid(const char *secdata, u32 seclen, u32 *secid)
{
	struct rp_label *label;
	char *text = kmemdup_nul(secdata, seclen, GFP_KERNEL);

	if (!text)
		return -ENOMEM;
	label = rp_label_parse(rp_root_ns, text, 0);
	kfree(text);
	if (IS_ERR_OR_NULL(label))
		return label ? PTR_ERR(label) : -ENOMEM;
	*secid = READ_ONCE(label->secid);
	rp_label_put(label);
	return 0;
}

static void rp_release_secctx(char *secdata, u32 seclen)
{
	kfree(secdata);
}

static struct security_hook_list rp_secid_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(current_getsecid_subj, rp_current_getsecid_subj),
	LSM_HOOK_INIT(task_getsecid_obj, rp_task_getsecid_obj),
	LSM_HOOK_INIT(secid_to_secctx, rp_secid_to_secctx),
	LSM_HOOK_INIT(secctx_to_secid, rp_secctx_to_secid),
	LSM_HOOK_INIT(release_secctx, rp_release_secctx),
};

void __init rp_secid_init(void)
{
	security_add_hooks(rp_secid_hooks, ARRAY_SIZE(rp_secid_hooks),
			   &rp_lsmid);
}
