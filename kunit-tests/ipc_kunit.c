// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: ipc.c. Signal numbers map to AppArmor's bytes and record text;
 * ptrace and signal questions are asked of profiles apparmor_parser 3.0.8
 * compiled (tools/gen-ipc-vectors.py), one side at a time and then from
 * both ends, with stacked peers, peers in another namespace, unconfined
 * peers and profiles compiled without either class.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/limits.h>
#include <linux/signal.h>
#include "ipc.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

#include "ipc_vectors.h"

/* ---- signal numbers ---- */

/**
 * struct rp_sig_case - a kernel signal number and how AppArmor sees it
 * @desc: what the case shows
 * @sig: the kernel's number
 * @mapped: the byte rules are compiled for
 * @text: the record's signal= field
 */
struct rp_sig_case {
	const char *desc;
	int sig;
	u8 mapped;
	const char *text;
};

static const struct rp_sig_case rp_sig_cases[] = {
	{ "signal 0 is the existence probe", 0, 35, " signal=exists" },
	{ "SIGHUP", SIGHUP, 1, " signal=hup" },
	{ "SIGINT", SIGINT, 2, " signal=int" },
	{ "SIGQUIT", SIGQUIT, 3, " signal=quit" },
	{ "SIGILL", SIGILL, 4, " signal=ill" },
	{ "SIGTRAP", SIGTRAP, 5, " signal=trap" },
	{ "SIGABRT", SIGABRT, 6, " signal=abrt" },
	{ "SIGIOT is SIGABRT", SIGIOT, 6, " signal=abrt" },
	{ "SIGBUS", SIGBUS, 7, " signal=bus" },
	{ "SIGFPE", SIGFPE, 8, " signal=fpe" },
	{ "SIGKILL", SIGKILL, 9, " signal=kill" },
	{ "SIGUSR1", SIGUSR1, 10, " signal=usr1" },
	{ "SIGSEGV", SIGSEGV, 11, " signal=segv" },
	{ "SIGUSR2", SIGUSR2, 12, " signal=usr2" },
	{ "SIGPIPE", SIGPIPE, 13, " signal=pipe" },
	{ "SIGALRM", SIGALRM, 14, " signal=alrm" },
	{ "SIGTERM", SIGTERM, 15, " signal=term" },
#ifdef SIGSTKFLT
	{ "SIGSTKFLT", SIGSTKFLT, 16, " signal=stkflt" },
#endif
	{ "SIGCHLD", SIGCHLD, 17, " signal=chld" },
	{ "SIGCONT", SIGCONT, 18, " signal=cont" },
	{ "SIGSTOP", SIGSTOP, 19, " signal=stop" },
	{ "SIGTSTP is called stp", SIGTSTP, 20, " signal=stp" },
	{ "SIGTTIN", SIGTTIN, 21, " signal=ttin" },
	{ "SIGTTOU", SIGTTOU, 22, " signal=ttou" },
	{ "SIGURG", SIGURG, 23, " signal=urg" },
	{ "SIGXCPU", SIGXCPU, 24, " signal=xcpu" },
	{ "SIGXFSZ", SIGXFSZ, 25, " signal=xfsz" },
	{ "SIGVTALRM", SIGVTALRM, 26, " signal=vtalrm" },
	{ "SIGPROF", SIGPROF, 27, " signal=prof" },
	{ "SIGWINCH", SIGWINCH, 28, " signal=winch" },
	{ "SIGIO", SIGIO, 29, " signal=io" },
	{ "SIGPOLL is SIGIO", SIGPOLL, 29, " signal=io" },
	{ "SIGPWR", SIGPWR, 30, " signal=pwr" },
#ifdef SIGSYS
	{ "SIGSYS", SIGSYS, 31, " signal=sys" },
#endif
	{ "SIGRTMIN is rtmin+0", SIGRTMIN, 128, " signal=rtmin+0" },
	{ "glibc's SIGRTMIN is rtmin+2", SIGRTMIN + 2, 130, " signal=rtmin+2" },
	{ "SIGRTMIN+3", SIGRTMIN + 3, 131, " signal=rtmin+3" },
	{ "SIGRTMAX is the last real-time signal", SIGRTMAX,
	  128 + SIGRTMAX - SIGRTMIN, " signal=rtmin+32" },
	{ "past SIGRTMAX is unknown, printed without a leading space",
	  SIGRTMAX + 1, 0, "signal=unknown(65)" },
	{ "a negative number is unknown", -1, 0, "signal=unknown(-1)" },
	{ "a huge number is unknown", INT_MAX, 0, "signal=unknown(2147483647)" },
};

KUNIT_ARRAY_PARAM_DESC(rp_sig, rp_sig_cases, desc);

static void rp_signal_maps_by_name(struct kunit *test)
{
	const struct rp_sig_case *c = test->param_value;
	char text[RP_SIG_TEXT_SIZE];
	u8 mapped = rp_signal_map(c->sig);

	KUNIT_EXPECT_EQ(test, mapped, c->mapped);
	rp_signal_text(mapped, c->sig, text, sizeof(text));
	KUNIT_EXPECT_STREQ(test, text, c->text);
}

static void rp_signal_standard_numbers_are_all_named(struct kunit *test)
{
	int sig;

	/* x86: every number below SIGRTMIN is a signal with a name */
	for (sig = 1; sig < SIGRTMIN; sig++) {
		u8 mapped = rp_signal_map(sig);

		KUNIT_EXPECT_NE_MSG(test, mapped, RP_SIG_UNKNOWN, "signal %d",
				    sig);
		KUNIT_EXPECT_LT_MSG(test, mapped, RP_SIG_EXISTS, "signal %d",
				    sig);
	}
}

static void rp_signal_text_fits_its_buffer(struct kunit *test)
{
	char text[RP_SIG_TEXT_SIZE];

	KUNIT_EXPECT_LT(test, rp_signal_text(0, INT_MIN, text, sizeof(text)),
			RP_SIG_TEXT_SIZE);
	KUNIT_EXPECT_STREQ(test, text, "signal=unknown(-2147483648)");
	/* a short buffer is cut, not overrun */
	rp_signal_text(15, SIGTERM, text, 5);
	KUNIT_EXPECT_STREQ(test, text, " sig");
}

static void rp_mask_names_are_exact(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, rp_ptrace_mask_name(RP_MAY_READ), "read");
	KUNIT_EXPECT_STREQ(test, rp_ptrace_mask_name(RP_MAY_WRITE), "trace");
	KUNIT_EXPECT_STREQ(test, rp_ptrace_mask_name(RP_PTRACE_READBY),
			   "readby");
	KUNIT_EXPECT_STREQ(test, rp_ptrace_mask_name(RP_PTRACE_TRACEDBY),
			   "tracedby");
	KUNIT_EXPECT_EQ(test, RP_PTRACE_READBY, 0x10u);
	KUNIT_EXPECT_EQ(test, RP_PTRACE_TRACEDBY, 0x8u);
	/* a mask of two, or none, has no name */
	KUNIT_EXPECT_STREQ(test, rp_ptrace_mask_name(RP_MAY_READ |
						     RP_MAY_WRITE), "");
	KUNIT_EXPECT_STREQ(test, rp_ptrace_mask_name(0), "");
	KUNIT_EXPECT_STREQ(test, rp_signal_mask_name(RP_MAY_WRITE), "send");
	KUNIT_EXPECT_STREQ(test, rp_signal_mask_name(RP_MAY_READ), "receive");
	KUNIT_EXPECT_STREQ(test, rp_signal_mask_name(RP_MAY_READ |
						     RP_MAY_WRITE), "receive");
	KUNIT_EXPECT_STREQ(test, rp_signal_mask_name(RP_MAY_EXEC), "");
}

/* ---- profiles ---- */

/* The fixture's profiles; U_* are namespace-unconfined, END ends a list. */
enum {
	P_IPC, P_CHILD_1, P_TRACED_1, P_DEBUGGER, P_SELF, P_NONE,
	P_OLD, P_OLDNOCAP,
	P_TRACED_2,	/* root, no rules at all */
	P_NS1_CHILD,	/* "child_1" of namespace ns1, no rules */
	U_ROOT, U_NS1, P_COUNT, END = -1
};

static const char *const rp_ipc_names[P_TRACED_2] = {
	[P_IPC] = "ipc", [P_CHILD_1] = "child_1", [P_TRACED_1] = "traced_1",
	[P_DEBUGGER] = "debugger", [P_SELF] = "self", [P_NONE] = "none",
	[P_OLD] = "old", [P_OLDNOCAP] = "oldnocap",
};

struct rp_ipc_fixture {
	struct rp_ns *root;
	struct rp_ns *ns1;
	struct rp_profile *p[P_COUNT];
};

/* Give each record of @policy to the fixture profile of its name. */
static void rp_ipc_load(struct kunit *test, struct rp_ipc_fixture *fx,
			const u8 *policy, size_t size)
{
	struct rp_unpack_error err;
	struct rp_unpacked *u, *tmp;
	LIST_HEAD(records);
	int ret, i;

	ret = rp_unpack(policy, size, &records, &err);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s in %s at %zu", err.info,
			    err.name, err.offset);
	list_for_each_entry_safe(u, tmp, &records, list) {
		for (i = 0; i < P_TRACED_2; i++)
			if (!strcmp(u->name, rp_ipc_names[i]))
				break;
		if (i == P_TRACED_2 || fx->p[i])
			continue;
		fx->p[i] = rp_profile_alloc(fx->root, u->name,
					    RP_MODE_ENFORCE, GFP_KERNEL);
		if (!fx->p[i])
			break;
		list_del(&u->list);
		fx->p[i]->rules = u;
	}
	rp_unpacked_free_all(&records);
}

static int rp_ipc_test_init(struct kunit *test)
{
	struct rp_ipc_fixture *fx;
	int i;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	test->priv = fx;
	fx->root = rp_ns_create(NULL, "root");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->root));
	fx->ns1 = rp_ns_create(fx->root, "ns1");
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->ns1));
	rp_ipc_load(test, fx, rp_ipc_policy, sizeof(rp_ipc_policy) - 1);
	rp_ipc_load(test, fx, rp_ipc_old_policy,
		    sizeof(rp_ipc_old_policy) - 1);
	fx->p[P_TRACED_2] = rp_profile_alloc(fx->root, "traced_2",
					     RP_MODE_ENFORCE, GFP_KERNEL);
	fx->p[P_NS1_CHILD] = rp_profile_alloc(fx->ns1, "child_1",
					      RP_MODE_ENFORCE, GFP_KERNEL);
	fx->p[U_ROOT] = fx->root->unconfined;
	fx->p[U_NS1] = fx->ns1->unconfined;
	for (i = 0; i < P_COUNT; i++)
		KUNIT_ASSERT_NOT_NULL_MSG(test, fx->p[i], "profile %d", i);
	return 0;
}

static void rp_ipc_test_exit(struct kunit *test)
{
	struct rp_ipc_fixture *fx = test->priv;
	int i;

	if (!fx)
		return;
	for (i = 0; i < U_ROOT; i++)
		if (fx->p[i])
			rp_label_put(&fx->p[i]->label);
	if (!IS_ERR_OR_NULL(fx->ns1)) {
		rp_ns_remove(fx->ns1);
		rp_ns_put(fx->ns1);
	}
	if (!IS_ERR_OR_NULL(fx->root))
		rp_ns_put(fx->root);
}

/* The label of the END-terminated profiles @idx (a reference), or NULL. */
static struct rp_label *rp_ipc_label(struct kunit *test,
				     struct rp_ipc_fixture *fx, const int *idx)
{
	struct rp_profile *vec[4];
	struct rp_label *label;
	u32 n = 0;

	while (n < ARRAY_SIZE(vec) && idx[n] != END) {
		vec[n] = fx->p[idx[n]];
		n++;
	}
	if (n == 1)
		return rp_label_get(&vec[0]->label);
	label = rp_label_stack(vec, n, GFP_KERNEL);
	KUNIT_EXPECT_FALSE(test, IS_ERR_OR_NULL(label));
	return IS_ERR(label) ? NULL : label;
}

enum { RP_SIGNAL, RP_PTRACE };

/**
 * struct rp_perms_case - one profile's answer toward a peer
 * @desc: what the case shows
 * @class: RP_SIGNAL or RP_PTRACE
 * @subj: the asking profile
 * @peer: the peer's profiles, END-terminated
 * @sig: the kernel's signal number (signals)
 * @mediated: whether @subj mediates the class
 * @allow: what is granted, of the class's permissions
 * @quiet: what is refused quietly, of the class's permissions
 */
struct rp_perms_case {
	const char *desc;
	int class;
	int subj;
	int peer[4];
	int sig;
	bool mediated;
	u32 allow;
	u32 quiet;
};

#define RW	(RP_MAY_READ | RP_MAY_WRITE)
#define BY	(RP_PTRACE_READBY | RP_PTRACE_TRACEDBY)

static const struct rp_perms_case rp_perms_cases[] = {
	{ "a send rule names the signal and the peer",
	  RP_SIGNAL, P_IPC, { P_CHILD_1, END }, SIGTERM, true, RP_MAY_WRITE },
	{ "a signal outside the set is not granted",
	  RP_SIGNAL, P_IPC, { P_CHILD_1, END }, SIGHUP, true, 0 },
	{ "a receive rule from unconfined",
	  RP_SIGNAL, P_IPC, { U_ROOT, END }, SIGHUP, true, RP_MAY_READ },
	{ "a rule without peer covers any peer",
	  RP_SIGNAL, P_IPC, { P_NONE, END }, SIGRTMIN + 3, true, RW },
	{ "a deny rule refuses quietly",
	  RP_SIGNAL, P_IPC, { P_CHILD_1, END }, SIGSTOP, true, 0,
	  RP_MAY_WRITE },
	{ "an unknown signal matches no rule",
	  RP_SIGNAL, P_IPC, { P_NONE, END }, SIGRTMAX + 1, true, 0 },
	{ "the existence probe is outside a set",
	  RP_SIGNAL, P_IPC, { P_CHILD_1, END }, 0, true, 0 },
	{ "a rule without set covers the existence probe",
	  RP_SIGNAL, P_SELF, { P_SELF, END }, 0, true, RW },
	{ "@{profile_name} does not cover another profile",
	  RP_SIGNAL, P_SELF, { P_NONE, END }, SIGUSR1, true, 0 },
	{ "a stack is granted only what each member is",
	  RP_SIGNAL, P_IPC, { P_CHILD_1, P_TRACED_2, END }, SIGTERM, true, 0 },
	{ "a peer only in another namespace is not restricted",
	  RP_SIGNAL, P_IPC, { P_NS1_CHILD, END }, SIGHUP, true, RW },
	{ "another namespace's unconfined is not the peer unconfined",
	  RP_SIGNAL, P_NONE, { U_NS1, END }, SIGHUP, true, RW },
	{ "a profile with no rules at all mediates no signal",
	  RP_SIGNAL, P_TRACED_2, { P_IPC, END }, SIGTERM, false },
	{ "old policy mediates no signal",
	  RP_SIGNAL, P_OLD, { P_IPC, END }, SIGTERM, false },
	{ "a profile with no signal rules mediates signals",
	  RP_SIGNAL, P_NONE, { P_NONE, END }, SIGTERM, true, 0 },
	{ "a ptrace rule with a peer glob",
	  RP_PTRACE, P_IPC, { P_TRACED_1, END }, 0, true, RW },
	{ "the passive ptrace permissions",
	  RP_PTRACE, P_IPC, { P_DEBUGGER, END }, 0, true, BY },
	{ "a peer no ptrace rule names",
	  RP_PTRACE, P_IPC, { P_NONE, END }, 0, true, 0 },
	{ "unconfined is a peer like any other",
	  RP_PTRACE, P_IPC, { U_ROOT, END }, 0, true, 0 },
	{ "a stack of two matching peers, matched one by one",
	  RP_PTRACE, P_IPC, { P_TRACED_1, P_TRACED_2, END }, 0, true, RW },
	{ "a stack's members from another namespace are left out",
	  RP_PTRACE, P_IPC, { P_DEBUGGER, P_NS1_CHILD, END }, 0, true, BY },
	{ "ptrace peer=@{profile_name} covers the profile itself",
	  RP_PTRACE, P_SELF, { P_SELF, END }, 0, true, RW | BY },
	{ "old policy mediates no ptrace",
	  RP_PTRACE, P_OLDNOCAP, { P_IPC, END }, 0, false },
};

KUNIT_ARRAY_PARAM_DESC(rp_perms, rp_perms_cases, desc);

static void rp_ipc_perms_of_compiled_rules(struct kunit *test)
{
	const struct rp_perms_case *c = test->param_value;
	struct rp_ipc_fixture *fx = test->priv;
	const u32 bits = c->class == RP_SIGNAL ? RW : RW | BY;
	struct rp_perms perms = { .allow = 0xdead, .quiet = 0xbeef };
	struct rp_label *peer = rp_ipc_label(test, fx, c->peer);
	const struct rp_profile *p = fx->p[c->subj];
	bool mediated;

	KUNIT_ASSERT_NOT_NULL(test, peer);
	if (c->class == RP_SIGNAL)
		mediated = rp_signal_perms(p, rp_signal_map(c->sig), peer,
					   RP_MAY_WRITE, &perms);
	else
		mediated = rp_ptrace_perms(p, peer, RP_MAY_READ, &perms);
	rp_label_put(peer);
	KUNIT_ASSERT_EQ(test, mediated, c->mediated);
	if (!mediated) {
		/* untouched */
		KUNIT_EXPECT_EQ(test, perms.allow, 0xdeadu);
		return;
	}
	KUNIT_EXPECT_EQ(test, perms.allow & ~perms.deny & bits, c->allow);
	KUNIT_EXPECT_EQ(test, perms.quiet & bits, c->quiet);
}

/**
 * struct rp_xcheck_case - a signal or ptrace between two labels
 * @desc: what the case shows
 * @class: RP_SIGNAL or RP_PTRACE
 * @actor: the sender's or tracer's profiles, END-terminated
 * @other: the target's or tracee's profiles
 * @arg: the signal, or the ptrace request (RP_MAY_READ, RP_MAY_WRITE)
 * @err: the answer
 */
struct rp_xcheck_case {
	const char *desc;
	int class;
	int actor[3];
	int other[3];
	int arg;
	int err;
};

static const struct rp_xcheck_case rp_xcheck_cases[] = {
	{ "send and receive both granted", RP_SIGNAL,
	  { P_IPC, END }, { P_CHILD_1, END }, SIGTERM, 0 },
	{ "the sender may not send it", RP_SIGNAL,
	  { P_IPC, END }, { P_CHILD_1, END }, SIGHUP, -EACCES },
	{ "a deny rule refuses", RP_SIGNAL,
	  { P_IPC, END }, { P_CHILD_1, END }, SIGSTOP, -EACCES },
	{ "a real-time signal both ways", RP_SIGNAL,
	  { P_IPC, END }, { P_CHILD_1, END }, SIGRTMIN + 3, 0 },
	{ "the existence probe needs a rule", RP_SIGNAL,
	  { P_IPC, END }, { P_CHILD_1, END }, 0, -EACCES },
	{ "the target receives from unconfined by rule", RP_SIGNAL,
	  { U_ROOT, END }, { P_IPC, END }, SIGHUP, 0 },
	{ "an unconfined sender is refused by the target", RP_SIGNAL,
	  { U_ROOT, END }, { P_IPC, END }, SIGTERM, -EACCES },
	{ "no signal rules refuse unconfined's signals", RP_SIGNAL,
	  { U_ROOT, END }, { P_NONE, END }, SIGUSR1, -EACCES },
	{ "no signal rules refuse sending to unconfined", RP_SIGNAL,
	  { P_NONE, END }, { U_ROOT, END }, SIGTERM, -EACCES },
	{ "a profile signals itself by @{profile_name}", RP_SIGNAL,
	  { P_SELF, END }, { P_SELF, END }, SIGUSR2, 0 },
	{ "... and probes itself", RP_SIGNAL,
	  { P_SELF, END }, { P_SELF, END }, 0, 0 },
	{ "... but nobody else", RP_SIGNAL,
	  { P_SELF, END }, { P_IPC, END }, SIGUSR2, -EACCES },
	{ "a peer in another namespace is not the sender's to restrict",
	  RP_SIGNAL, { P_IPC, END }, { P_NS1_CHILD, END }, SIGHUP, 0 },
	{ "old policy does not mediate signals", RP_SIGNAL,
	  { P_OLD, END }, { P_OLDNOCAP, END }, SIGTERM, 0 },
	{ "every member of a stacked sender must send", RP_SIGNAL,
	  { P_IPC, P_SELF, END }, { P_CHILD_1, END }, SIGTERM, -EACCES },
	{ "tracer reads, tracee is read by", RP_PTRACE,
	  { P_IPC, END }, { P_TRACED_1, END }, RP_MAY_READ, 0 },
	{ "tracer traces, tracee is traced by", RP_PTRACE,
	  { P_IPC, END }, { P_TRACED_1, END }, RP_MAY_WRITE, 0 },
	{ "the tracer has no rule for the tracee", RP_PTRACE,
	  { P_IPC, END }, { P_DEBUGGER, END }, RP_MAY_READ, -EACCES },
	{ "the tracee grants tracedby to its tracer", RP_PTRACE,
	  { P_DEBUGGER, END }, { P_IPC, END }, RP_MAY_WRITE, 0 },
	{ "the tracee grants readby to its tracer", RP_PTRACE,
	  { P_DEBUGGER, END }, { P_IPC, END }, RP_MAY_READ, 0 },
	{ "the tracee refuses a tracer it does not name", RP_PTRACE,
	  { P_TRACED_1, END }, { P_IPC, END }, RP_MAY_READ, -EACCES },
	{ "no ptrace rules: unconfined cannot be read", RP_PTRACE,
	  { P_NONE, END }, { U_ROOT, END }, RP_MAY_READ, -EACCES },
	{ "an unconfined tracer needs no tracedby", RP_PTRACE,
	  { U_ROOT, END }, { P_NONE, END }, RP_MAY_WRITE, 0 },
	{ "a profile traces itself by @{profile_name}", RP_PTRACE,
	  { P_SELF, END }, { P_SELF, END }, RP_MAY_WRITE, 0 },
	{ "old policy: capability sys_ptrace lets it trace", RP_PTRACE,
	  { P_OLD, END }, { U_ROOT, END }, RP_MAY_WRITE, 0 },
	{ "old policy: without sys_ptrace, EPERM", RP_PTRACE,
	  { P_OLDNOCAP, END }, { U_ROOT, END }, RP_MAY_READ, -EPERM },
	{ "old policy: its own label needs no capability", RP_PTRACE,
	  { P_OLDNOCAP, END }, { P_OLDNOCAP, END }, RP_MAY_WRITE, 0 },
	{ "old policy: the tracee's rules still apply", RP_PTRACE,
	  { P_OLD, END }, { P_IPC, END }, RP_MAY_READ, -EACCES },
	{ "a tracee in another namespace", RP_PTRACE,
	  { P_IPC, END }, { P_NS1_CHILD, END }, RP_MAY_WRITE, 0 },
};

KUNIT_ARRAY_PARAM_DESC(rp_xcheck, rp_xcheck_cases, desc);

static void rp_ipc_checks_both_ends(struct kunit *test)
{
	const struct rp_xcheck_case *c = test->param_value;
	struct rp_ipc_fixture *fx = test->priv;
	struct rp_label *actor = rp_ipc_label(test, fx, c->actor);
	struct rp_label *other = rp_ipc_label(test, fx, c->other);
	int err;

	KUNIT_ASSERT_NOT_NULL(test, actor);
	KUNIT_ASSERT_NOT_NULL(test, other);
	if (c->class == RP_SIGNAL)
		err = rp_signal_check(actor, other, c->arg);
	else
		err = rp_ptrace_check(actor, other, c->arg);
	rp_label_put(actor);
	rp_label_put(other);
	KUNIT_EXPECT_EQ(test, err, c->err);
}

static void rp_ipc_complain_mode_allows(struct kunit *test)
{
	struct rp_ipc_fixture *fx = test->priv;
	struct rp_profile *p = fx->p[P_NONE];

	p->mode = RP_MODE_COMPLAIN;
	KUNIT_EXPECT_EQ(test, rp_signal_check(&p->label,
					      &fx->p[U_ROOT]->label, SIGTERM),
			0);
	KUNIT_EXPECT_EQ(test, rp_ptrace_check(&p->label,
					      &fx->p[U_ROOT]->label,
					      RP_MAY_WRITE), 0);
	/* the deny rule stays: explicit and quiet */
	fx->p[P_IPC]->mode = RP_MODE_COMPLAIN;
	KUNIT_EXPECT_EQ(test, rp_signal_check(&fx->p[P_IPC]->label,
					      &fx->p[U_ROOT]->label, SIGSTOP),
			-EACCES);
	p->mode = RP_MODE_ENFORCE;
	fx->p[P_IPC]->mode = RP_MODE_ENFORCE;
}

static void rp_ipc_unconfined_mode_profile_is_not_checked(struct kunit *test)
{
	struct rp_ipc_fixture *fx = test->priv;
	struct rp_profile *p = fx->p[P_NONE];

	/* flags=(unconfined): the label is unconfined, nothing is asked */
	p->label.flags |= RP_LABEL_UNCONFINED;
	KUNIT_EXPECT_EQ(test, rp_signal_check(&p->label, &p->label, SIGTERM),
			0);
	KUNIT_EXPECT_EQ(test, rp_ptrace_check(&p->label, &p->label,
					      RP_MAY_READ), 0);
	p->label.flags &= ~RP_LABEL_UNCONFINED;
}

static void rp_ipc_empty_peer_is_nobody_to_restrict(struct kunit *test)
{
	struct rp_ipc_fixture *fx = test->priv;
	struct rp_label empty = { .size = 0 };
	struct rp_perms perms;

	/* no component at all: nothing in the profile's namespace */
	KUNIT_EXPECT_TRUE(test, rp_signal_perms(fx->p[P_NONE], SIGTERM,
						&empty, RP_MAY_WRITE, &perms));
	KUNIT_EXPECT_EQ(test, perms.allow, ~0u);
	KUNIT_EXPECT_TRUE(test, rp_ptrace_perms(fx->p[P_NONE], &empty,
						RP_MAY_READ, &perms));
	KUNIT_EXPECT_EQ(test, perms.allow, ~0u);
}

static struct kunit_case rp_ipc_test_cases[] = {
	KUNIT_CASE_PARAM(rp_signal_maps_by_name, rp_sig_gen_params),
	KUNIT_CASE(rp_signal_standard_numbers_are_all_named),
	KUNIT_CASE(rp_signal_text_fits_its_buffer),
	KUNIT_CASE(rp_mask_names_are_exact),
	KUNIT_CASE_PARAM(rp_ipc_perms_of_compiled_rules, rp_perms_gen_params),
	KUNIT_CASE_PARAM(rp_ipc_checks_both_ends, rp_xcheck_gen_params),
	KUNIT_CASE(rp_ipc_complain_mode_allows),
	KUNIT_CASE(rp_ipc_unconfined_mode_profile_is_not_checked),
	KUNIT_CASE(rp_ipc_empty_peer_is_nobody_to_restrict),
	{}
};

static struct kunit_suite rp_ipc_test_suite = {
	.name = "rampart-ipc",
	.init = rp_ipc_test_init,
	.exit = rp_ipc_test_exit,
	.test_cases = rp_ipc_test_cases,
};

kunit_test_suite(rp_ipc_test_suite);
