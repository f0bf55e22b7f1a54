// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: ptrace and signal mediation (mediation.md 6). Each question is
 * asked from both ends: every confined profile of the acting task must
 * grant the act toward the other task's label, then every confined
 * profile of the other task must grant the passive side of it (readby,
 * tracedby, receive) toward the actor's label. Each refusing profile logs
 * its own record; the last refusal is the answer.
 *
 * Context: task_kill runs under RCU, often under a siglock or the
 * tasklist lock; ptrace_access_check under task_lock(); ptrace_traceme
 * under the tasklist lock. So nothing here sleeps: labels are read from
 * creds under RCU without taking references, replaced profiles are
 * followed per component (rp_label_for_each_live()), and the only
 * allocations are the GFP_ATOMIC ones of record text.
 */
#include <kunit/visibility.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "audit.h"
#include "cred.h"
#include "dfa.h"
#include "ipc.h"
#include "lsm.h"
#include "mediate.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

/* Every permission a ptrace record's masks can name. */
#define RP_PTRACE_PERMS	(RP_MAY_READ | RP_MAY_WRITE | RP_PTRACE_READBY | \
			 RP_PTRACE_TRACEDBY)
/* Every permission a signal record's masks can name. */
#define RP_SIGNAL_PERMS	(RP_MAY_READ | RP_MAY_WRITE)

/* ---- signal numbers ---- */

/*
 * The kernel's standard signals by name, to AppArmor's numbers. A zero
 * entry is a number this architecture does not use: it maps to unknown.
 */
static const u8 rp_signal_bytes[SIGRTMIN] = {
	[0] = RP_SIG_EXISTS,
	[SIGHUP] = 1, [SIGINT] = 2, [SIGQUIT] = 3, [SIGILL] = 4,
	[SIGTRAP] = 5, [SIGABRT] = 6, [SIGBUS] = 7, [SIGFPE] = 8,
	[SIGKILL] = 9, [SIGUSR1] = 10, [SIGSEGV] = 11, [SIGUSR2] = 12,
	[SIGPIPE] = 13, [SIGALRM] = 14, [SIGTERM] = 15,
#ifdef SIGSTKFLT
	[SIGSTKFLT] = 16,
#endif
	[SIGCHLD] = 17, [SIGCONT] = 18, [SIGSTOP] = 19, [SIGTSTP] = 20,
	[SIGTTIN] = 21, [SIGTTOU] = 22, [SIGURG] = 23, [SIGXCPU] = 24,
	[SIGXFSZ] = 25, [SIGVTALRM] = 26, [SIGPROF] = 27, [SIGWINCH] = 28,
	[SIGIO] = 29, [SIGPWR] = 30,
#if defined(SIGSYS)
	[SIGSYS] = 31,
#endif
#if defined(SIGEMT)
	[SIGEMT] = 32,
#endif
#if defined(SIGLOST) && SIGLOST != SIGPWR
	[SIGLOST] = 33,
#endif
};

/* What records call AppArmor's signal numbers below RP_SIG_NAMED. */
static const char *const rp_signal_names[RP_SIG_NAMED] = {
	"unknown", "hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe",
	"kill", "usr1", "segv", "usr2", "pipe", "alrm", "term", "stkflt",
	"chld", "cont", "stop", "stp", "ttin", "ttou", "urg", "xcpu", "xfsz",
	"vtalrm", "prof", "winch", "io", "pwr", "sys", "emt", "lost", "unused",
	"exists",
};

static_assert(SIGRTMAX - SIGRTMIN + RP_SIG_RT_BASE <= U8_MAX,
	      "real-time signals must map to one byte");

/**
 * rp_signal_map() - AppArmor's number for a kernel signal number
 * @sig: the signal as kill(2) takes it (0: the existence probe)
 *
 * Return: the byte policy rules are compiled for (mediation-encoding.md
 * 8): standard signals by name, SIGRTMIN + n as 128 + n, and
 * RP_SIG_UNKNOWN for anything else.
 */
VISIBLE_IF_KUNIT u8 rp_signal_map(int sig)
{
	if (sig < 0 || sig > SIGRTMAX)
		return RP_SIG_UNKNOWN;
	if (sig >= SIGRTMIN)
		return RP_SIG_RT_BASE + (sig - SIGRTMIN);
	return rp_signal_bytes[sig];
}

/**
 * rp_signal_text() - the signal= field of a record
 * @mapped: rp_signal_map() of @sig
 * @sig: the kernel's number, shown for an unknown signal
 * @buf: where to write it
 * @size: size of @buf (RP_SIG_TEXT_SIZE is enough)
 *
 * " signal=term", " signal=rtmin+2", " signal=exists"; an unknown signal
 * is written "signal=unknown(<n>)" without the leading space, as stock
 * 6.12 writes it (mediation.md 13.3).
 *
 * Return: the length written.
 */
VISIBLE_IF_KUNIT int rp_signal_text(u8 mapped, int sig, char *buf,
				    size_t size)
{
	if (mapped == RP_SIG_UNKNOWN)
		return scnprintf(buf, size, "signal=unknown(%d)", sig);
	if (mapped < RP_SIG_NAMED)
		return scnprintf(buf, size, " signal=%s",
				 rp_signal_names[mapped]);
	return scnprintf(buf, size, " signal=rtmin+%d",
			 mapped - RP_SIG_RT_BASE);
}

/* ---- records ---- */

/**
 * struct rp_ipc_event - what a ptrace or signal record names
 * @peer: the other task's label
 * @sig: the kernel's signal number (signals only)
 * @mapped: rp_signal_map() of @sig (signals only)
 */
struct rp_ipc_event {
	const struct rp_label *peer;
	int sig;
	u8 mapped;
};

/**
 * rp_ptrace_mask_name() - a ptrace record's name for one permission
 * @mask: exactly one of read, trace, readby, tracedby
 *
 * Return: its name, or "" for anything else.
 */
VISIBLE_IF_KUNIT const char *rp_ptrace_mask_name(u32 mask)
{
	static const struct {
		u32 perm;
		const char *text;
	} names[] = {
		{ RP_MAY_READ, "read" }, { RP_MAY_WRITE, "trace" },
		{ RP_PTRACE_READBY, "readby" },
		{ RP_PTRACE_TRACEDBY, "tracedby" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].perm == mask)
			return names[i].text;
	return "";
}

/**
 * rp_signal_mask_name() - a signal record's name for a request
 * @mask: permissions; receive (read) wins over send (write)
 *
 * Return: "receive", "send" or "".
 */
VISIBLE_IF_KUNIT const char *rp_signal_mask_name(u32 mask)
{
	return mask & RP_MAY_READ ? "receive" :
	       mask & RP_MAY_WRITE ? "send" : "";
}

/* The requested_mask= and denied_mask= pair of a class's record. */
static void rp_ipc_masks(struct audit_buffer *ab, const struct rp_audit *a,
			 u32 class_perms, const char *(*name)(u32 mask))
{
	if (!(a->request & class_perms))
		return;
	audit_log_format(ab, " %s=\"%s\"", "requested_mask",
			 name(a->request));
	if (a->denied & class_perms)
		audit_log_format(ab, " %s=\"%s\"", "denied_mask",
				 name(a->denied));
}

/* requested_mask=, denied_mask= and peer= of a ptrace record */
static void rp_ptrace_fields(struct audit_buffer *ab, const struct rp_audit *a)
{
	const struct rp_ipc_event *ev = a->data;

	rp_ipc_masks(ab, a, RP_PTRACE_PERMS, rp_ptrace_mask_name);
	rp_audit_label(ab, "peer", ev->peer, a->profile);
}

/* requested_mask=, denied_mask=, signal= and peer= of a signal record */
static void rp_signal_fields(struct audit_buffer *ab, const struct rp_audit *a)
{
	const struct rp_ipc_event *ev = a->data;
	char text[RP_SIG_TEXT_SIZE];

	rp_ipc_masks(ab, a, RP_SIGNAL_PERMS, rp_signal_mask_name);
	rp_signal_text(ev->mapped, ev->sig, text, sizeof(text));
	audit_log_format(ab, "%s", text);
	rp_audit_label(ab, "peer", ev->peer, a->profile);
}

/* ---- labels ---- */

/*
 * What @p grants toward @peer from @state. A peer with no profile in
 * @p's namespace is not @p's to restrict: everything is granted (and an
 * audit-all profile still logs it).
 */
static void rp_ipc_peer_perms(const struct rp_profile *p, unsigned int state,
			      const struct rp_label *peer, u32 request,
			      struct rp_perms *out)
{
	if (rp_peer_perms(p, state, peer, request, out))
		return;
	memset(out, 0, sizeof(*out));
	out->allow = ~0u;
}

/*
 * One component's decision on a signal or ptrace request (@op is also the
 * class): the usual quiet grant returns before any record is prepared.
 */
static int rp_ipc_decide(const struct rp_profile *p, const char *op,
			 void (*fields)(struct audit_buffer *ab,
					const struct rp_audit *a),
			 const struct rp_ipc_event *ev,
			 const struct rp_perms *perms, u32 request)
{
	struct rp_audit a;

	if (rp_grant_is_silent(p, perms, request))
		return 0;
	a = (struct rp_audit){
		.op = op, .class_name = op, .profile = p, .extra = fields,
		.data = ev, .no_kill = true,
	};
	return rp_audit_decide(&a, p, perms, request, -EACCES);
}

/* ---- signals ---- */

/**
 * rp_signal_perms() - what @p's signal rules grant toward @peer
 * @p: a confined profile
 * @mapped: the signal, as rp_signal_map() gives it
 * @peer: the other task's label
 * @request: send (write) or receive (read)
 * @out: the answer
 *
 * The key is the class byte, the signal byte, then the peer's name
 * (mediation-encoding.md 8, 9.1).
 *
 * Return: false if @p does not mediate signals (@out untouched): then
 * it allows every signal.
 */
VISIBLE_IF_KUNIT bool rp_signal_perms(const struct rp_profile *p, u8 mapped,
				      const struct rp_label *peer, u32 request,
				      struct rp_perms *out)
{
	unsigned int state = rp_class_start(p, RP_CLASS_SIGNAL);

	if (state == RP_DFA_DEAD)
		return false;
	state = rp_policy_step(p, state, mapped);
	rp_ipc_peer_perms(p, state, peer, request, out);
	return true;
}

/* One side of a signal: every confined profile of @subj toward @peer. */
static int rp_signal_side(const struct rp_label *subj,
			  const struct rp_label *peer, u32 request, int sig,
			  u8 mapped)
{
	struct rp_ipc_event ev = { .peer = peer, .sig = sig, .mapped = mapped };
	const struct rp_profile *p;
	struct rp_perms perms;
	int err = 0, e;
	u32 i;

	rp_label_for_each_live(subj, i, p) {
		if (!rp_signal_perms(p, mapped, peer, request, &perms))
			continue;
		e = rp_ipc_decide(p, "signal", rp_signal_fields, &ev, &perms,
				  request);
		if (e)
			err = e;
	}
	return err;
}

/*
 * A signal between two tasks of one single-profile label (threads of a
 * process, a supervisor and its workers): both ends ask the same profile
 * about the same peer, so one walk serves send and then receive.
 */
static int rp_signal_within(const struct rp_label *label, int sig, u8 mapped)
{
	struct rp_ipc_event ev = { .peer = label, .sig = sig, .mapped = mapped };
	struct rp_profile *p = rp_profile_newest_rcu(label->vec[0]);
	struct rp_perms perms;
	int err, e;

	if (rp_label_is_unconfined(&p->label) ||
	    !rp_signal_perms(p, mapped, label, RP_MAY_WRITE | RP_MAY_READ,
			     &perms))
		return 0;
	err = rp_ipc_decide(p, "signal", rp_signal_fields, &ev, &perms,
			    RP_MAY_WRITE);
	e = rp_ipc_decide(p, "signal", rp_signal_fields, &ev, &perms,
			  RP_MAY_READ);
	return e ?: err;
}

/**
 * rp_signal_check() - may @sender send @sig to a task labelled @target?
 * @sender: the sender's label (live versions)
 * @target: the target's label (live versions)
 * @sig: the kernel's signal number
 *
 * The sender's profiles must grant send toward @target, and the target's
 * receive toward @sender, even when the sender is unconfined.
 *
 * Return: 0 or the errno of the last refusal.
 */
VISIBLE_IF_KUNIT int rp_signal_check(const struct rp_label *sender,
				     const struct rp_label *target, int sig)
{
	u8 mapped = rp_signal_map(sig);
	int err, e;

	if (sender == target && sender->size == 1)
		return rp_signal_within(sender, sig, mapped);
	err = rp_signal_side(sender, target, RP_MAY_WRITE, sig, mapped);
	e = rp_signal_side(target, sender, RP_MAY_READ, sig, mapped);
	return e ?: err;
}

static int rp_task_kill(struct task_struct *target,
			struct kernel_siginfo *info, int sig,
			const struct cred *cred)
{
	const struct rp_label *sender, *receiver;
	int err = 0;

	rcu_read_lock();
	/* an async I/O completion signals with the submitter's cred */
	sender = rp_cred(cred ?: current_cred())->label;
	receiver = rp_cred(__task_cred(target))->label;
	if (rp_label_may_mediate(sender) || rp_label_may_mediate(receiver))
		err = rp_signal_check(sender, receiver, sig);
	rcu_read_unlock();
	return err;
}

/* ---- ptrace ---- */

/**
 * rp_ptrace_perms() - what @p's ptrace rules grant toward @peer
 * @p: a confined profile
 * @peer: the other task's label
 * @request: read or trace (tracer side), readby or tracedby (tracee side)
 * @out: the answer
 *
 * The key starts in the label class, then the ptrace class byte and the
 * peer's name (mediation-encoding.md 7); whether @p mediates ptrace at
 * all is told by the ptrace class itself.
 *
 * Return: false if @p does not mediate ptrace (@out untouched).
 */
VISIBLE_IF_KUNIT bool rp_ptrace_perms(const struct rp_profile *p,
				      const struct rp_label *peer, u32 request,
				      struct rp_perms *out)
{
	unsigned int state;

	if (rp_class_start(p, RP_CLASS_PTRACE) == RP_DFA_DEAD)
		return false;
	state = rp_class_start(p, RP_CLASS_LABEL);
	if (state != RP_DFA_DEAD)
		state = rp_policy_step(p, state, RP_CLASS_PTRACE);
	rp_ipc_peer_perms(p, state, peer, request, out);
	return true;
}

/*
 * A tracer profile compiled without ptrace rules (older policy) may trace
 * only its own label, or with capability sys_ptrace (mediation.md 6.1).
 * The capability is asked of the profile's capability rules alone (the
 * allow, audit and quiet sets of its record), not of the task's
 * capabilities: the kernel's own capability check has been made by the
 * ptrace code already. Outcomes follow mediation.md 12.2 for the cap
 * record, and then a ptrace record without masks reports the result:
 * EPERM on refusal, SIGKILL in kill mode.
 */
static int rp_ptrace_by_capability(const struct rp_profile *t,
				   const struct rp_label *tracee)
{
	struct rp_ipc_event ev = { .peer = tracee };
	struct rp_audit a = {
		.op = "ptrace", .class_name = "ptrace", .profile = t,
		.extra = rp_ptrace_fields, .data = &ev,
	};
	enum rp_audit_mode am = rp_profile_audit(t);
	enum rp_mode mode = rp_profile_mode(t);
	int err;

	if (tracee->size == 1 && rp_profile_newest_rcu(tracee->vec[0]) == t)
		return 0;
	/* the capability check and its record, shared with capable() */
	err = rp_capable_profile(t, CAP_SYS_PTRACE, CAP_OPT_NONE);
	if (!err)
		a.type = am == RP_AUDIT_ALL ? "AUDIT" : NULL;
	else if (mode == RP_MODE_COMPLAIN)
		a.type = "ALLOWED";
	else if (am == RP_AUDIT_QUIET || am == RP_AUDIT_QUIET_DENIED)
		a.type = NULL;
	else
		a.type = mode == RP_MODE_KILL ? "KILLED" : "DENIED";
	if (am == RP_AUDIT_QUIET)
		a.type = NULL;
	if (a.type)
		rp_audit_log(&a);
	if (a.type && a.type[0] == 'K')
		send_sig_info(SIGKILL, SEND_SIG_PRIV, current);
	if (mode == RP_MODE_COMPLAIN && am != RP_AUDIT_QUIET)
		err = 0;
	return err;
}

/* The tracer's side: each of its confined profiles toward @tracee. */
static int rp_ptrace_tracer_side(const struct rp_label *tracer,
				 const struct rp_label *tracee, u32 request)
{
	struct rp_ipc_event ev = { .peer = tracee };
	const struct rp_profile *p;
	struct rp_perms perms;
	int err = 0, e;
	u32 i;

	rp_label_for_each_live(tracer, i, p) {
		if (rp_ptrace_perms(p, tracee, request, &perms))
			e = rp_ipc_decide(p, "ptrace", rp_ptrace_fields, &ev,
					  &perms, request);
		else
			e = rp_ptrace_by_capability(p, tracee);
		if (e)
			err = e;
	}
	return err;
}

/* The tracee's side: readby or tracedby toward a confined @tracer. */
static int rp_ptrace_tracee_side(const struct rp_label *tracee,
				 const struct rp_label *tracer, u32 request)
{
	struct rp_ipc_event ev = { .peer = tracer };
	const struct rp_profile *p;
	struct rp_perms perms;
	int err = 0, e;
	u32 i;

	if (!rp_label_may_mediate(tracer))
		return 0;
	rp_label_for_each_live(tracee, i, p) {
		if (!rp_ptrace_perms(p, tracer, request, &perms))
			continue;
		e = rp_ipc_decide(p, "ptrace", rp_ptrace_fields, &ev, &perms,
				  request);
		if (e)
			err = e;
	}
	return err;
}

/**
 * rp_ptrace_check() - may a task labelled @tracer read or trace @tracee?
 * @tracer: the tracer's label (live versions)
 * @tracee: the tracee's label (live versions)
 * @request: RP_MAY_READ or RP_MAY_WRITE (trace)
 *
 * Return: 0 or the errno of the last refusal.
 */
VISIBLE_IF_KUNIT int rp_ptrace_check(const struct rp_label *tracer,
				     const struct rp_label *tracee,
				     u32 request)
{
	int err, e;

	err = rp_ptrace_tracer_side(tracer, tracee, request);
	/* readby for read, tracedby for trace */
	e = rp_ptrace_tracee_side(tracee, tracer, request << 2);
	return e ?: err;
}

/* rp_ptrace_check() on two creds' labels; under RCU. */
static int rp_ptrace_creds(const struct cred *tracer_cred,
			   const struct cred *tracee_cred, u32 request)
{
	const struct rp_label *tracer = rp_cred(tracer_cred)->label;

	/* an unconfined tracer answers to nobody: no side is checked */
	if (!rp_label_may_mediate(tracer))
		return 0;
	return rp_ptrace_check(tracer, rp_cred(tracee_cred)->label, request);
}

static int rp_ptrace_access_check(struct task_struct *child,
				  unsigned int mode)
{
	u32 request = mode & PTRACE_MODE_READ ? RP_MAY_READ : RP_MAY_WRITE;
	int err;

	rcu_read_lock();
	err = rp_ptrace_creds(current_cred(), __task_cred(child), request);
	rcu_read_unlock();
	return err;
}

/* PTRACE_TRACEME: the parent becomes the tracer of the caller. */
static int rp_ptrace_traceme(struct task_struct *parent)
{
	int err;

	rcu_read_lock();
	err = rp_ptrace_creds(__task_cred(parent), current_cred(),
			      RP_MAY_WRITE);
	rcu_read_unlock();
	return err;
}

/**
 * rp_ptrace_may_change() - may the caller's tracer follow it into @to?
 * @to: the label a domain change is about to give the caller
 *
 * A traced task changes domain only if a confined tracer may trace the
 * new label (mediation.md 3.1 step 4); an untraced task or one traced by
 * an unconfined task always may.
 *
 * Return: 0 or the errno of the refusal (the caller logs the exec record,
 * info "ptrace prevents transition").
 */
int rp_ptrace_may_change(const struct rp_label *to)
{
	struct task_struct *parent;
	int err = 0;

	rcu_read_lock();
	parent = ptrace_parent(current);
	if (parent) {
		const struct rp_label *tracer = rp_cred(__task_cred(parent))->label;

		if (rp_label_may_mediate(tracer))
			err = rp_ptrace_check(tracer, to, RP_MAY_WRITE);
	}
	rcu_read_unlock();
	return err;
}

static struct security_hook_list rp_ipc_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(ptrace_access_check, rp_ptrace_access_check),
	LSM_HOOK_INIT(ptrace_traceme, rp_ptrace_traceme),
	LSM_HOOK_INIT(task_kill, rp_task_kill),
};

void __init rp_ipc_init(void)
{
	security_add_hooks(rp_ipc_hooks, ARRAY_SIZE(rp_ipc_hooks), &rp_lsmid);
}
