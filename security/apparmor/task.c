// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the two classes a profile answers at its class state alone:
 * creating user namespaces (class 21) and io_uring's SQPOLL rings and
 * credential overrides (class 22), mediation.md 10. apparmor_parser 3.0.8
 * has no syntax for either, so its profiles never mediate them; newer
 * parsers' policy does.
 */
#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/security.h>
#include "audit.h"
#include "cred.h"
#include "dfa.h"
#include "lsm.h"
#include "mediate.h"
#include "perms.h"
#include "policy.h"

#define RP_USERNS_CREATE	0x8u	/* class 21 */
#define RP_URING_OVERRIDE	0x8u	/* class 22 */
#define RP_URING_SQPOLL		0x10u	/* class 22 */

/**
 * struct rp_task_event - what a class 21 or 22 record shows
 * @what: the request's name (userns_create, sqpoll, override_creds)
 * @tcontext: the credentials' label for override_creds, else NULL
 */
struct rp_task_event {
	const char *what;
	const struct rp_label *tcontext;
};

/* " requested=..." [" denied=..."] [" tcontext=label"] */
static void rp_task_fields(struct audit_buffer *ab, const struct rp_audit *a)
{
	const struct rp_task_event *ev = a->data;

	rp_audit_str(ab, "requested", ev->what);
	if (a->denied)
		rp_audit_str(ab, "denied", ev->what);
	if (ev->tcontext)
		rp_audit_label(ab, "tcontext", ev->tcontext, a->profile);
}

/*
 * Ask every confined component of @label that mediates @class for
 * @request, at the class state or, with @peer, after the peer's name.
 */
static int rp_class_check(struct rp_label *label, u8 class, u32 request,
			  const char *op, const char *class_name,
			  const struct rp_task_event *ev,
			  const struct rp_label *peer)
{
	const struct rp_profile *p;
	int err = 0, e;
	u32 i;

	if (rp_label_is_unconfined(label))
		return 0;
	rp_label_for_each_confined(label, i, p) {
		struct rp_audit a = {
			.op = op, .class_name = class_name, .profile = p,
			.extra = rp_task_fields, .data = ev, .no_kill = true,
		};
		struct rp_perms perms;
		unsigned int state;

		state = rp_class_start(p, class);
		if (state == RP_DFA_DEAD)
			continue;
		if (!peer || !rp_peer_perms(p, state, peer, request, &perms))
			perms = *rp_policy_perms(p, state);
		e = rp_audit_decide(&a, p, &perms, request, -EACCES);
		if (e)
			err = e;
	}
	return err;
}

static int rp_userns_create(const struct cred *cred)
{
	static const struct rp_task_event ev = { .what = "userns_create" };

	return rp_class_check(rp_cred(cred)->label, RP_CLASS_NS,
			      RP_USERNS_CREATE, "userns_create", "namespace",
			      &ev, NULL);
}

#ifdef CONFIG_IO_URING
static int rp_uring_sqpoll(void)
{
	static const struct rp_task_event ev = { .what = "sqpoll" };

	return rp_class_check(rp_current_label(), RP_CLASS_IO_URING,
			      RP_URING_SQPOLL, "uring_sqpoll", "io_uring", &ev,
			      NULL);
}

static int rp_uring_override_creds(const struct cred *new)
{
	struct rp_task_event ev = {
		.what = "override_creds", .tcontext = rp_cred(new)->label,
	};

	return rp_class_check(rp_current_label(), RP_CLASS_IO_URING,
			      RP_URING_OVERRIDE, "uring_override", "io_uring",
			      &ev, ev.tcontext);
}
#endif

static struct security_hook_list rp_task_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(userns_create, rp_userns_create),
#ifdef CONFIG_IO_URING
	LSM_HOOK_INIT(uring_override_creds, rp_uring_override_creds),
	LSM_HOOK_INIT(uring_sqpoll, rp_uring_sqpoll),
#endif
};

void __init rp_task_init(void)
{
	security_add_hooks(rp_task_hooks, ARRAY_SIZE(rp_task_hooks),
			   &rp_lsmid);
}
