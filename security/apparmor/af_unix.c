// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: fine-grained AF_UNIX mediation (af-unix.md), for profiles the
 * parser compiled with unix rules (the [4] marker). Each operation is one
 * policydb walk over family, type, protocol, the socket's address, an
 * empty local label and an operation tail; peer operations end in the
 * other socket's address and label and are checked from both ends.
 * Sockets bound to a filesystem path are checked with file rules on the
 * path instead. Profiles without the marker keep the 6.12 check (net.c).
 *
 * unix_stream_connect and unix_may_send run with socket locks held:
 * everything here runs under RCU and allocates only with GFP_ATOMIC.
 */
#include <linux/audit.h>
#include <linux/fs.h>
#include <linux/lsm_hooks.h>
#include <linux/mount.h>
#include <linux/net.h>
#include <linux/rcupdate.h>
#include <linux/un.h>
#include <net/af_unix.h>
#include <net/sock.h>
#include <kunit/visibility.h>
#include "af_unix.h"
#include "audit.h"
#include "cred.h"
#include "dfa.h"
#include "lsm.h"
#include "mediate.h"
#include "net.h"
#include "params.h"
#include "path.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

/* What the walk reports when it dies in each part (af-unix.md 4.1). */
static const char *const rp_unix_part_info[RP_UNIX_PARTS] = {
	[RP_UNIX_FAMILY] = "failed af match",
	[RP_UNIX_TYPE] = "failed type match",
	[RP_UNIX_PROTOCOL] = "failed protocol match",
	[RP_UNIX_LADDR] = "failed local address match",
	[RP_UNIX_LLABEL] = "failed local label match",
	[RP_UNIX_CMD] = "failed cmd selection match",
	[RP_UNIX_BACKLOG] = "failed listen backlog match",
	[RP_UNIX_OPTNAME] = "failed sockopt match",
	[RP_UNIX_PADDR] = "failed peer address match",
};

static const u8 rp_unix_anon_byte = RP_UNIX_ANON_BYTE;

/**
 * rp_unix_addr_of_sk() - the address of a unix socket, as keys use it
 * @sk: a unix socket (held by the caller)
 * @a: out
 */
VISIBLE_IF_KUNIT void rp_unix_addr_of_sk(const struct sock *sk,
					 struct rp_unix_addr *a)
{
	/* pairs with the release in unix_bind()/autobind: addr is complete */
	const struct unix_address *ua = smp_load_acquire(&unix_sk(sk)->addr);

	memset(a, 0, sizeof(*a));
	a->kind = RP_UNIX_ANON;
	a->bytes = &rp_unix_anon_byte;
	a->len = 1;
	if (!ua || ua->len <= offsetof(struct sockaddr_un, sun_path))
		return;
	a->bytes = (const u8 *)ua->name->sun_path;
	a->len = ua->len - offsetof(struct sockaddr_un, sun_path);
	if (a->bytes[0]) {
		a->kind = RP_UNIX_PATH;
		a->len = strnlen(ua->name->sun_path, a->len);
		a->path = &unix_sk(sk)->path;
	} else {
		a->kind = RP_UNIX_ABSTRACT;
	}
}

/**
 * rp_unix_addr_of_bind() - the address a bind() asks for
 * @sa: the address (already copied in)
 * @addrlen: its length
 * @a: out
 *
 * Return: 0, or -EINVAL for a length the socket layer refuses anyway.
 */
VISIBLE_IF_KUNIT int rp_unix_addr_of_bind(const struct sockaddr *sa,
					  int addrlen, struct rp_unix_addr *a)
{
	const struct sockaddr_un *sun = (const struct sockaddr_un *)sa;
	const int hdr = offsetof(struct sockaddr_un, sun_path);

	memset(a, 0, sizeof(*a));
	if (addrlen < hdr || addrlen > (int)sizeof(*sun))
		return -EINVAL;
	a->bytes = (const u8 *)sun->sun_path;
	a->len = addrlen - hdr;
	if (!a->len)
		a->kind = RP_UNIX_AUTOBIND;
	else if (sun->sun_path[0])
		a->kind = RP_UNIX_PATH;
	else
		a->kind = RP_UNIX_ABSTRACT;
	return 0;
}

static void rp_key_put(struct rp_unix_key *k, const void *src, size_t n)
{
	memcpy(k->buf + k->len, src, n);
	k->len += n;
}

static void rp_key_be16(struct rp_unix_key *k, u16 v)
{
	u8 b[2] = { v >> 8, v & 0xff };

	rp_key_put(k, b, 2);
}

static void rp_key_end(struct rp_unix_key *k, enum rp_unix_part part)
{
	k->part[k->nparts] = part;
	k->end[k->nparts++] = k->len;
}

/**
 * rp_unix_encode() - the bytes of a query after the class byte
 * @q: the query
 * @k: out: the key and where each of its parts ends
 *
 * The peer label is not part of it: each of the peer's profiles is
 * matched on from where the key ends.
 */
VISIBLE_IF_KUNIT void rp_unix_encode(const struct rp_unix_query *q,
				     struct rp_unix_key *k)
{
	k->len = 0;
	k->nparts = 0;
	rp_key_be16(k, AF_UNIX);
	rp_key_end(k, RP_UNIX_FAMILY);
	rp_key_be16(k, q->type);
	rp_key_end(k, RP_UNIX_TYPE);
	rp_key_be16(k, q->protocol);
	rp_key_end(k, RP_UNIX_PROTOCOL);
	if (!q->local)
		return;
	rp_key_put(k, q->local->bytes, q->local->len);
	rp_key_put(k, "", 1);
	rp_key_end(k, RP_UNIX_LADDR);
	/* no local label: rules cannot name one */
	rp_key_put(k, "", 1);
	rp_key_end(k, RP_UNIX_LLABEL);
	if (!q->cmd)
		return;
	rp_key_put(k, &q->cmd, 1);
	rp_key_end(k, RP_UNIX_CMD);
	switch (q->cmd) {
	case RP_UNIX_CMD_LISTEN:
		rp_key_be16(k, q->arg);
		rp_key_end(k, RP_UNIX_BACKLOG);
		break;
	case RP_UNIX_CMD_OPT:
		rp_key_be16(k, q->arg);
		rp_key_end(k, RP_UNIX_OPTNAME);
		break;
	case RP_UNIX_CMD_PEER:
		rp_key_put(k, q->peer->bytes, q->peer->len);
		rp_key_put(k, "", 1);
		rp_key_end(k, RP_UNIX_PADDR);
		break;
	}
}

/**
 * rp_unix_fine() - does @p mediate unix sockets finely, and from where?
 * @p: a confined profile
 * @start: out: the state unix keys start from (class 14, else class 4)
 *
 * Return: true if @p's policydb has the [4] marker (af-unix.md 3).
 */
bool rp_unix_fine(const struct rp_profile *p, unsigned int *start)
{
	unsigned int s4 = rp_class_start(p, RP_CLASS_UNIX_MARK);
	unsigned int s14;

	if (s4 == RP_DFA_DEAD)
		return false;
	s14 = rp_class_start(p, RP_CLASS_NET);
	*start = s14 != RP_DFA_DEAD ? s14 : s4;
	return true;
}

/* Walk @k part by part; *@info names the part the walk died in. */
static unsigned int rp_unix_walk(const struct rp_profile *p,
				 unsigned int state,
				 const struct rp_unix_key *k, const char **info)
{
	unsigned int i, from = 0;

	*info = NULL;
	for (i = 0; i < k->nparts; i++) {
		state = rp_policy_match_len(p, state, k->buf + from,
					    k->end[i] - from);
		if (state == RP_DFA_DEAD) {
			*info = rp_unix_part_info[k->part[i]];
			return state;
		}
		from = k->end[i];
	}
	return state;
}

/* " key=<address>" as af-unix.md 4.2 renders it. */
static void rp_unix_addr_field(struct audit_buffer *ab, const char *key,
			       const struct rp_unix_addr *a)
{
	char name[UNIX_PATH_MAX + 1];
	bool plain = true;
	unsigned int i;

	audit_log_format(ab, " %s=", key);
	switch (a ? a->kind : RP_UNIX_ANON) {
	case RP_UNIX_ABSTRACT:
		for (i = 1; i < a->len; i++)
			if (a->bytes[i] == '"' || a->bytes[i] < 0x21 ||
			    a->bytes[i] > 0x7e)
				plain = false;
		audit_log_format(ab, "\"@");
		for (i = 1; i < a->len; i++)
			audit_log_format(ab, plain ? "%c" : "%02X", a->bytes[i]);
		audit_log_format(ab, "%c", '"');
		break;
	case RP_UNIX_PATH:
		memcpy(name, a->bytes, a->len);
		name[a->len] = '\0';
		audit_log_untrustedstring(ab, name);
		break;
	default:
		audit_log_format(ab, "none");
	}
}

/*
 * The unix fields of a fine-mode net record (af-unix.md 10.1, 6-8).
 *
 * These fields are Rampart's own (stock 6.12 writes no fine unix record),
 * so with audit_class=N they take the shape libapparmor 3.0.8 reads, as
 * the rest of the record does: its grammar has no peer_addr key and wants
 * addr quoted, so peer_addr is left out, and so is an addr of "none",
 * whose absence says the same.
 */
void rp_unix_audit_fields(struct audit_buffer *ab, const struct rp_audit *a,
			  const struct rp_unix_rec *u, u32 request)
{
	bool full = READ_ONCE(rp_audit_class);

	if (full || (u->addr && (u->addr->kind == RP_UNIX_ABSTRACT ||
				 u->addr->kind == RP_UNIX_PATH)))
		rp_unix_addr_field(ab, "addr", u->addr);
	if (full && (request & RP_NET_PEER_BITS))
		rp_unix_addr_field(ab, "peer_addr", u->peer_addr);
	if (u->peer)
		rp_audit_label(ab, "peer", &u->peer->label, a->profile);
}

/* Network bits that have a file meaning, as file bits (af-unix.md 7). */
static u32 rp_unix_file_request(u32 request)
{
	return request & (RP_NET_SEND | RP_NET_RECEIVE | RP_NET_CREATE |
			  RP_NET_SHUTDOWN | RP_NET_CONNECT | RP_NET_SETATTR |
			  RP_NET_GETATTR);
}

/*
 * A pathname socket's check: @p's file rules for @request on @path, as a
 * file record. A path that is gone (socket torn down) passes.
 */
static int rp_unix_path_check(const struct rp_profile *p, const char *op,
			      u32 request, const struct path *path)
{
	struct rp_audit a = { .op = op, .class_name = "file", .profile = p };
	const struct rp_policydb *db;
	const struct rp_perms *perms;
	struct rp_name n = { };
	struct inode *ino;
	unsigned int state;
	u32 flags;
	int err;

	request = rp_unix_file_request(request);
	if (!request || !path->dentry || !p->rules ||
	    rp_class_start(p, RP_CLASS_FILE) == RP_DFA_DEAD)
		return 0;
	ino = d_backing_inode(path->dentry);
	if (!ino)
		return 0;
	a.ouid = vfsuid_into_kuid(i_uid_into_vfsuid(mnt_idmap(path->mnt),
						    ino));
	n.buf = rp_buf_get(GFP_ATOMIC);
	if (!n.buf)
		return -ENOMEM;
	flags = p->rules->path_flags | RP_PATH_DELEGATE_DELETED;
	err = rp_path_name(path, flags, &n);
	a.name = n.str;
	if (err) {
		static const struct rp_perms none;

		a.info = n.info;
		a.error = err;
		err = rp_audit_decide(&a, p, &none, request, err);
		goto out;
	}
	db = rp_file_rules_of(p->rules, &state);
	if (db) {
		state = rp_dfa_match(db->dfa, state, n.str);
		perms = rp_perms_lookup(db->perms, db->nperms,
					db->dfa->accept[state],
					!uid_eq(current_fsuid(), a.ouid));
	} else {
		static const struct rp_perms none;

		perms = &none;
	}
	err = rp_audit_decide(&a, p, perms, request, -EACCES);
out:
	rp_buf_put(n.buf);
	return err;
}

/*
 * One fine component's check of @q. With @peer, each of the peer label's
 * profiles (in its own namespace) is matched on after the key and must
 * grant @request; each refusal has its own record.
 */
static int rp_unix_query_check(const struct rp_profile *p, unsigned int start,
			       const char *op, u32 request, const struct rp_unix_query *q,
			       const struct rp_label *peer)
{
	struct rp_net_obj o = { .family = AF_UNIX, .type = q->type,
				.protocol = q->protocol };
	struct rp_unix_rec u = { .addr = q->local, .peer_addr = q->peer };
	static const struct rp_perms none;
	const struct rp_profile *c;
	const struct rp_ns *ns;
	struct rp_unix_key k;
	const char *info, *why;
	unsigned int state, s;
	int err = 0, e;
	u32 i;

	rp_unix_encode(q, &k);
	state = rp_unix_walk(p, start, &k, &info);
	if (!peer)
		return rp_net_decide(p, op, info,
				     info ? &none : rp_policy_perms(p, state),
				     request, &o, &u);
	ns = rp_label_ns(peer);
	for (i = 0; i < peer->size; i++) {
		c = rp_profile_newest_rcu(peer->vec[i]);
		if (c->ns != ns)
			continue;
		why = info;
		s = RP_DFA_DEAD;
		if (!why) {
			s = rp_policy_match(p, state, c->hname);
			if (s == RP_DFA_DEAD)
				why = "failed peer label match";
		}
		u.peer = c;
		e = rp_net_decide(p, op, why, rp_policy_perms(p, s), request,
				  &o, &u);
		if (e)
			err = e;
	}
	return err;
}

/**
 * rp_unix_check() - a local operation of one fine component (4.3, 7)
 * @p: the component (confined, fine)
 * @start: where its unix keys start (rp_unix_fine())
 * @r: the operation
 *
 * Return: 0 or the errno.
 */
int rp_unix_check(const struct rp_profile *p, unsigned int start,
		  const struct rp_sock_req *r)
{
	struct rp_unix_query q = { .type = r->obj.type };
	struct rp_unix_addr local;

	switch (r->kind) {
	case RP_SOCK_CREATE:
		q.protocol = r->obj.protocol;
		return rp_unix_query_check(p, start, r->op, r->request, &q,
					   NULL);
	case RP_SOCK_BIND:
		if (rp_unix_addr_of_bind(r->addr, r->addrlen, &local))
			return 0;
		/* a path is the mknod file check's (path_mknod) */
		if (local.kind == RP_UNIX_PATH)
			return 0;
		break;
	case RP_SOCK_LISTEN:
		q.cmd = RP_UNIX_CMD_LISTEN;
		q.arg = r->arg;
		rp_unix_addr_of_sk(r->sk, &local);
		break;
	case RP_SOCK_OPT:
		q.cmd = RP_UNIX_CMD_OPT;
		q.arg = r->arg;
		rp_unix_addr_of_sk(r->sk, &local);
		break;
	case RP_SOCK_LOCAL:
		rp_unix_addr_of_sk(r->sk, &local);
		break;
	default:
		/* connect, send, receive: unix_stream_connect/may_send */
		return 0;
	}
	if (local.kind == RP_UNIX_PATH)
		return rp_unix_path_check(p, r->op, r->request, local.path);
	q.local = &local;
	return rp_unix_query_check(p, start, r->op, r->request, &q, NULL);
}

/**
 * struct rp_unix_side - one end of a peer check (af-unix.md 6.2)
 * @label: the subject: the acting task's label or a socket's
 * @sk: the subject's socket
 * @other_sk: the socket at the other end
 * @peer_label: the label matched as the peer
 * @op: operation=
 * @request: the permissions wanted
 */
struct rp_unix_side {
	const struct rp_label *label;
	struct sock *sk;
	struct sock *other_sk;
	const struct rp_label *peer_label;
	const char *op;
	u32 request;
};

/*
 * Every fine component of @s->label checks its peer. A pathname socket
 * at the other end makes it a file check on that path; else a pathname
 * socket at this end, on this path (af-unix.md 7). Coarse components do
 * nothing here (6.12 has no such check).
 */
static int rp_unix_side_check(const struct rp_unix_side *s)
{
	struct rp_unix_addr local, peer;
	struct rp_unix_query q = {
		.type = s->sk->sk_type, .local = &local,
		.cmd = RP_UNIX_CMD_PEER, .peer = &peer,
	};
	const struct rp_profile *p;
	unsigned int start;
	bool addrs = false;
	int err = 0, e;
	u32 i;

	if (!s->label || rp_label_is_unconfined(s->label))
		return 0;
	rp_label_for_each_live(s->label, i, p) {
		if (!rp_unix_fine(p, &start))
			continue;
		/* the addresses only matter to a fine component */
		if (!addrs) {
			rp_unix_addr_of_sk(s->sk, &local);
			rp_unix_addr_of_sk(s->other_sk, &peer);
			addrs = true;
		}
		if (peer.kind == RP_UNIX_PATH)
			e = rp_unix_path_check(p, s->op, s->request, peer.path);
		else if (local.kind == RP_UNIX_PATH)
			e = rp_unix_path_check(p, s->op, s->request, local.path);
		else
			e = rp_unix_query_check(p, start, s->op, s->request,
						&q, s->peer_label);
		if (e)
			err = e;
	}
	return err;
}

/*
 * Both ends of an exchange between @sk (the caller's) and @other. The
 * other end's error wins, as it is checked last.
 */
static int rp_unix_both(const struct rp_label *label, struct sock *sk,
			struct sock *other, const char *op, u32 mine,
			u32 theirs, bool other_end)
{
	struct rp_sk_ctx *ctx = rp_sk(sk), *octx = rp_sk(other);
	struct rp_unix_side s = {
		.label = label, .sk = sk, .other_sk = other,
		.peer_label = octx->label, .op = op, .request = mine,
	};
	int err, e;

	/* sockets the kernel made for itself are never checked */
	if (ctx->kern || octx->kern || !octx->label)
		return 0;
	err = rp_unix_side_check(&s);
	if (!other_end)
		return err;
	s = (struct rp_unix_side){
		.label = octx->label, .sk = other, .other_sk = sk,
		.peer_label = label, .op = op, .request = theirs,
	};
	e = rp_unix_side_check(&s);
	return e ?: err;
}

/* Set a socket's label slot; SO_PEERSEC may read it at the same time. */
static void rp_label_swap(struct rp_label **slot, struct rp_label *label)
{
	struct rp_label *old = *slot;

	WRITE_ONCE(*slot, rp_label_get(label));
	rp_label_put(old);
}

/*
 * Stream and seqpacket connect, both socket states locked: the client
 * toward the listener, the listener toward the client (unless it is a
 * pathname listener). On success the server-side socket takes the
 * listener's label and both ends record each other's.
 */
static int rp_unix_stream_connect(struct sock *sk, struct sock *other,
				  struct sock *newsk)
{
	struct rp_sk_ctx *ctx = rp_sk(sk), *octx = rp_sk(other);
	struct rp_sk_ctx *nctx = rp_sk(newsk);
	struct rp_unix_addr listener;
	int err;

	rp_unix_addr_of_sk(other, &listener);
	rcu_read_lock();
	err = rp_unix_both(rp_current_label(), sk, other, "connect",
			   RP_NET_CONNECT | RP_NET_SEND | RP_NET_RECEIVE,
			   RP_NET_ACCEPT | RP_NET_SEND | RP_NET_RECEIVE,
			   listener.kind != RP_UNIX_PATH);
	rcu_read_unlock();
	if (err)
		return err;
	rp_label_swap(&nctx->label, octx->label);
	nctx->kern = octx->kern;
	rp_label_swap(&ctx->peer, octx->label);
	rp_label_swap(&nctx->peer, ctx->label);
	return 0;
}

/* A datagram (or datagram connect) from @sock to @other. */
static int rp_unix_may_send(struct socket *sock, struct socket *other)
{
	int err;

	rcu_read_lock();
	err = rp_unix_both(rp_current_label(), sock->sk, other->sk, "sendmsg",
			   RP_NET_SEND, RP_NET_RECEIVE, true);
	rcu_read_unlock();
	return err;
}

/* socketpair(): no check; each end records the other's label. */
static int rp_socket_socketpair(struct socket *socka, struct socket *sockb)
{
	struct rp_sk_ctx *a = rp_sk(socka->sk), *b = rp_sk(sockb->sk);

	rp_label_swap(&a->peer, b->label);
	rp_label_swap(&b->peer, a->label);
	return 0;
}

/**
 * rp_unix_file_check() - revalidation of a unix socket file (6.3)
 * @label: the task's label (newest version)
 * @r: the request (file bits: read = receive, write = send)
 *
 * Coarse components get the 6.12 check. Fine ones: a connected pathname
 * socket is a file check on its own path; a connected socket whose peer
 * is a pathname one, on the peer's path; otherwise both ends of the
 * connection check each other for send and receive. An unconnected
 * socket needs nothing.
 *
 * Return: 0 or the errno.
 */
int rp_unix_file_check(const struct rp_label *label,
		       const struct rp_sock_req *r)
{
	struct sock *sk = r->sk, *peer;
	struct rp_unix_addr local, paddr;
	const struct rp_profile *p;
	unsigned int start;
	bool fine = false;
	int err = 0, e;
	u32 i;

	/* the other end, held (not unix_peer_get(): CONFIG_UNIX may be off) */
	unix_state_lock(sk);
	peer = unix_peer(sk);
	if (peer)
		sock_hold(peer);
	unix_state_unlock(sk);
	rp_unix_addr_of_sk(sk, &local);
	if (peer)
		rp_unix_addr_of_sk(peer, &paddr);
	rcu_read_lock();
	rp_label_for_each_live(label, i, p) {
		if (!rp_unix_fine(p, &start)) {
			e = rp_net_coarse(p, r->op, r->request, &r->obj,
					  NULL);
		} else if (!peer) {
			e = 0;
		} else if (local.kind == RP_UNIX_PATH) {
			e = rp_unix_path_check(p, r->op, r->request,
					       local.path);
		} else if (paddr.kind == RP_UNIX_PATH) {
			e = rp_unix_path_check(p, r->op, r->request,
					       paddr.path);
		} else {
			fine = true;
			continue;
		}
		if (e)
			err = e;
	}
	if (fine) {
		/* the policydb rows: this end's fine profiles, then the other */
		e = rp_unix_both(label, sk, peer, r->op,
				 RP_NET_SEND | RP_NET_RECEIVE,
				 RP_NET_SEND | RP_NET_RECEIVE, true);
		if (e)
			err = e;
	}
	rcu_read_unlock();
	if (peer)
		sock_put(peer);
	return err;
}

static struct security_hook_list rp_unix_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(unix_stream_connect, rp_unix_stream_connect),
	LSM_HOOK_INIT(unix_may_send, rp_unix_may_send),
	LSM_HOOK_INIT(socket_socketpair, rp_socket_socketpair),
};

void __init rp_unix_init(void)
{
	security_add_hooks(rp_unix_hooks, ARRAY_SIZE(rp_unix_hooks),
			   &rp_lsmid);
}
