// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: socket mediation (mediation.md 1.5, 7). Every socket operation
 * asks each confined profile of the caller's label for one permission on
 * the socket's (family, type); unix sockets of profiles compiled with
 * fine-grained unix rules go to af_unix.c instead. Sockets remember the
 * label of their creator and, for unix connections, their peer's.
 *
 * Checks run under RCU with each profile followed to its newest version
 * (no allocation), so the same code serves hooks that may not sleep.
 */
#include <linux/audit.h>
#include <linux/file.h>
#include <linux/in.h>
#include <linux/ipv6.h>
#include <linux/lsm_hooks.h>
#include <linux/net.h>
#include <linux/rcupdate.h>
#include <linux/security.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>
#include "audit.h"
#include "cred.h"
#include "dfa.h"
#include "lsm.h"
#include "mediate.h"
#include "net.h"
#include "params.h"
#include "perms.h"
#include "policy.h"

/*
 * Every AF_* family whose name is upper case, in numeric order
 * (kernel-interfaces.md 4.2): family= of records and the af_mask feature.
 * AF_DECnet (12) has lower-case letters and no name here.
 */
static const char *const rp_net_families[AF_MAX] = {
	[AF_UNSPEC] = "unspec", [AF_UNIX] = "unix", [AF_INET] = "inet",
	[AF_AX25] = "ax25", [AF_IPX] = "ipx", [AF_APPLETALK] = "appletalk",
	[AF_NETROM] = "netrom", [AF_BRIDGE] = "bridge",
	[AF_ATMPVC] = "atmpvc", [AF_X25] = "x25", [AF_INET6] = "inet6",
	[AF_ROSE] = "rose", [AF_NETBEUI] = "netbeui",
	[AF_SECURITY] = "security", [AF_KEY] = "key",
	[AF_NETLINK] = "netlink", [AF_PACKET] = "packet", [AF_ASH] = "ash",
	[AF_ECONET] = "econet", [AF_ATMSVC] = "atmsvc", [AF_RDS] = "rds",
	[AF_SNA] = "sna", [AF_IRDA] = "irda", [AF_PPPOX] = "pppox",
	[AF_WANPIPE] = "wanpipe", [AF_LLC] = "llc", [AF_IB] = "ib",
	[AF_MPLS] = "mpls", [AF_CAN] = "can", [AF_TIPC] = "tipc",
	[AF_BLUETOOTH] = "bluetooth", [AF_IUCV] = "iucv",
	[AF_RXRPC] = "rxrpc", [AF_ISDN] = "isdn", [AF_PHONET] = "phonet",
	[AF_IEEE802154] = "ieee802154", [AF_CAIF] = "caif", [AF_ALG] = "alg",
	[AF_NFC] = "nfc", [AF_VSOCK] = "vsock", [AF_KCM] = "kcm",
	[AF_QIPCRTR] = "qipcrtr", [AF_SMC] = "smc", [AF_XDP] = "xdp",
	[AF_MCTP] = "mctp",
};

/* a new family needs its name above (and changes af_mask) */
static_assert(AF_MAX == 46);

/* The names above, space separated (each at most 11 bytes long). */
char rp_net_af_mask[RP_NET_AF_MASK_SIZE] __ro_after_init;
static_assert(AF_MAX * 12 <= RP_NET_AF_MASK_SIZE);

static const char *const rp_net_types[] = {
	[SOCK_STREAM] = "stream", [SOCK_DGRAM] = "dgram", [SOCK_RAW] = "raw",
	[SOCK_RDM] = "rdm", [SOCK_SEQPACKET] = "seqpacket",
	[SOCK_DCCP] = "dccp", [SOCK_PACKET] = "packet",
};

/* The names of the network bits, in the order records list them. */
static const struct {
	u32 bit;
	const char *name;
} rp_net_bits[] = {
	{ RP_NET_SEND, "send" }, { RP_NET_RECEIVE, "receive" },
	{ RP_NET_CREATE, "create" }, { RP_NET_SHUTDOWN, "shutdown" },
	{ RP_NET_CONNECT, "connect" }, { RP_NET_SETATTR, "setattr" },
	{ RP_NET_GETATTR, "getattr" }, { RP_NET_ACCEPT, "accept" },
	{ RP_NET_BIND, "bind" }, { RP_NET_LISTEN, "listen" },
	{ RP_NET_SETOPT, "setopt" }, { RP_NET_GETOPT, "getopt" },
};

/* rp_net_family_name() - family= of a record, NULL if it has no name */
const char *rp_net_family_name(unsigned int family)
{
	return family < AF_MAX ? rp_net_families[family] : NULL;
}

/* rp_net_type_name() - sock_type= of a record, NULL if it has no name */
const char *rp_net_type_name(unsigned int type)
{
	return type < ARRAY_SIZE(rp_net_types) ? rp_net_types[type] : NULL;
}

/**
 * rp_net_mask_names() - the names of the network bits of @mask
 * @mask: permission bits (others are ignored)
 * @buf: where to write them, space separated, NUL-terminated
 * @size: size of @buf
 *
 * Return: the length written.
 */
size_t rp_net_mask_names(u32 mask, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(rp_net_bits); i++)
		if (mask & rp_net_bits[i].bit)
			n += scnprintf(buf + n, size - n, "%s%s", n ? " " : "",
				       rp_net_bits[i].name);
	return n;
}

/**
 * rp_net_coarse_key() - the 6.12 query after the class byte
 * @key: out: BE16(family) BE16(type) (mediation-encoding.md 5)
 * @family: the address family
 * @type: the socket type
 *
 * The protocol is not part of it.
 */
void rp_net_coarse_key(u8 key[4], u16 family, u16 type)
{
	key[0] = family >> 8;
	key[1] = family & 0xff;
	key[2] = type >> 8;
	key[3] = type & 0xff;
}

static void rp_net_inet_fields(struct audit_buffer *ab, const struct sock *sk)
{
	const struct inet_sock *inet = inet_sk(sk);

	if (sk->sk_family == AF_INET) {
		if (inet->inet_rcv_saddr)
			audit_log_format(ab, " laddr=%pI4", &inet->inet_rcv_saddr);
		if (inet->inet_sport)
			audit_log_format(ab, " lport=%d", ntohs(inet->inet_sport));
		if (inet->inet_daddr)
			audit_log_format(ab, " faddr=%pI4", &inet->inet_daddr);
		if (inet->inet_dport)
			audit_log_format(ab, " fport=%d", ntohs(inet->inet_dport));
	}
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6) {
		if (!ipv6_addr_any(&sk->sk_v6_rcv_saddr))
			audit_log_format(ab, " laddr=%pI6c", &sk->sk_v6_rcv_saddr);
		if (inet->inet_sport)
			audit_log_format(ab, " lport=%d", ntohs(inet->inet_sport));
		if (!ipv6_addr_any(&sk->sk_v6_daddr))
			audit_log_format(ab, " faddr=%pI6c", &sk->sk_v6_daddr);
		if (inet->inet_dport)
			audit_log_format(ab, " fport=%d", ntohs(inet->inet_dport));
	}
#endif
}

static void rp_net_mask_field(struct audit_buffer *ab, const char *key,
			      u32 mask)
{
	char buf[96];

	rp_net_mask_names(mask, buf, sizeof(buf));
	audit_log_format(ab, " %s=\"%s\"", key, buf);
}

/**
 * struct rp_net_rec - what a network record shows beyond the header
 * @obj: the socket
 * @request: everything asked for: a denial shows it all as requested_mask
 *           (a success only the audited bits, which the record carries)
 * @ux: the fine-grained unix fields, or NULL
 */
struct rp_net_rec {
	const struct rp_net_obj *obj;
	u32 request;
	const struct rp_unix_rec *ux;
};

/* The net class's fields of a record (mediation.md 13.3, af-unix.md 10). */
static void rp_net_audit_cb(struct audit_buffer *ab, const struct rp_audit *a)
{
	const struct rp_net_rec *rec = a->data;
	const struct rp_net_obj *o = rec->obj;
	u32 request = a->denied ? rec->request : a->request;
	const char *name;

	if (o->sk && o->family != AF_UNIX)
		rp_net_inet_fields(ab, o->sk);
	name = rp_net_family_name(o->family);
	if (name)
		audit_log_format(ab, " family=\"%s\"", name);
	else
		audit_log_format(ab, " family=\"unknown(%d)\"", o->family);
	name = rp_net_type_name(o->type);
	if (name)
		audit_log_format(ab, " sock_type=\"%s\"", name);
	else
		audit_log_format(ab, " sock_type=\"unknown(%d)\"", o->type);
	audit_log_format(ab, " protocol=%d", o->protocol);
	if (request & RP_NET_ALL) {
		rp_net_mask_field(ab, "requested_mask", request);
		if (a->denied & RP_NET_ALL)
			rp_net_mask_field(ab, "denied_mask", a->denied);
	}
	if (rec->ux)
		rp_unix_audit_fields(ab, a, rec->ux, request);
}

/**
 * rp_net_decide() - one component's decision on a network request
 * @p: the component (confined)
 * @op: operation=
 * @info: info= (a failed step of a unix walk), or NULL
 * @perms: what @p grants
 * @request: the permissions wanted
 * @o: the socket, for the record
 * @u: the unix fields of the record, or NULL
 *
 * Return: 0 or -EACCES.
 */
int rp_net_decide(const struct rp_profile *p, const char *op,
		  const char *info, const struct rp_perms *perms, u32 request,
		  const struct rp_net_obj *o, const struct rp_unix_rec *u)
{
	struct rp_net_rec rec;
	struct rp_audit a;

	/* the usual answer: granted, nothing to log */
	if (rp_grant_is_silent(p, perms, request))
		return 0;
	rec = (struct rp_net_rec){ .obj = o, .request = request, .ux = u };
	a = (struct rp_audit){
		.op = op, .class_name = "net", .info = info,
		.error = info ? -EACCES : 0, .profile = p,
		.extra = rp_net_audit_cb, .data = &rec, .no_kill = true,
	};
	return rp_audit_decide(&a, p, perms, request, -EACCES);
}

/* What @p's network rules grant a socket like @o; NULL: not mediated. */
static const struct rp_perms *rp_net_coarse_perms(const struct rp_profile *p,
						  const struct rp_net_obj *o)
{
	unsigned int state = rp_class_start(p, RP_CLASS_NET);
	u8 key[4];

	if (state == RP_DFA_DEAD)
		return NULL;
	rp_net_coarse_key(key, o->family, o->type);
	state = rp_policy_match_len(p, state, key, sizeof(key));
	return rp_policy_perms(p, state);
}

/**
 * rp_net_coarse() - the 6.12 check of one component (mediation.md 7)
 * @p: the component (confined)
 * @op: operation=
 * @request: the permissions wanted
 * @o: the socket
 * @quiet: if not NULL, cleared unless the answer is a grant with nothing
 *         to log
 *
 * Return: 0 or -EACCES; a profile that does not mediate the network
 * class allows everything.
 */
int rp_net_coarse(const struct rp_profile *p, const char *op, u32 request,
		  const struct rp_net_obj *o, bool *quiet)
{
	const struct rp_perms *perms = rp_net_coarse_perms(p, o);

	if (!perms || rp_grant_is_silent(p, perms, request))
		return 0;
	if (quiet)
		*quiet = false;
	return rp_net_decide(p, op, NULL, perms, request, o, NULL);
}

/*
 * Ask each confined profile of @label about @r: fine unix checks for the
 * profiles that have them, the coarse one for the others (unless @r is
 * only for fine profiles). The last error is the answer. *@plain (if
 * given) tells whether every answer was a coarse grant with nothing to
 * log, one that holds as long as the profiles do.
 */
static int rp_net_label_check(const struct rp_label *label,
			      const struct rp_sock_req *r, bool *plain)
{
	const struct rp_profile *p;
	bool quiet = true;
	unsigned int start;
	int err = 0, e;
	u32 i;

	if (rp_label_is_unconfined(label))
		return 0;
	rcu_read_lock();
	rp_label_for_each_live(label, i, p) {
		e = 0;
		if (r->obj.family == AF_UNIX && rp_unix_fine(p, &start)) {
			quiet = false;
			e = rp_unix_check(p, start, r);
		} else if (r->op) {
			e = rp_net_coarse(p, r->op, r->request, &r->obj,
					  &quiet);
		}
		if (e)
			err = e;
	}
	rcu_read_unlock();
	if (plain)
		*plain = quiet && !err;
	return err;
}

/*
 * A check by the caller on its socket @sk. The socket's creator label
 * asking again for what its profiles already granted without a word is
 * answered from @granted, as long as those profiles are current and the
 * global audit mode does not log every grant (mediation.md 12.2).
 */
static int rp_sk_check(struct sock *sk, struct rp_sock_req *r)
{
	struct rp_label *label = rp_current_label();
	struct rp_sk_ctx *ctx;
	bool plain;
	int err;

	if (!sk)
		return 0;
	ctx = rp_sk(sk);
	if (ctx->kern)
		return 0;
	if (label == ctx->label && !(r->request & ~READ_ONCE(ctx->granted)) &&
	    READ_ONCE(rp_global_audit) != RP_AUDIT_ALL &&
	    !rp_label_is_stale(label))
		return 0;
	r->sk = sk;
	r->obj.family = sk->sk_family;
	r->obj.type = sk->sk_type;
	r->obj.protocol = sk->sk_protocol;
	r->obj.sk = sk;
	err = rp_net_label_check(label, r, &plain);
	/*
	 * Only a fresh label's answer is kept: once stale, it stays stale.
	 * Racing updates may drop bits (a later miss), never add unchecked
	 * ones.
	 */
	if (plain && label == ctx->label && !rp_label_is_stale(label))
		WRITE_ONCE(ctx->granted, READ_ONCE(ctx->granted) | r->request);
	return err;
}

static int rp_socket_create(int family, int type, int protocol, int kern)
{
	struct rp_sock_req r = {
		.op = "create", .request = RP_NET_CREATE, .kind = RP_SOCK_CREATE,
		.obj = { .family = family, .type = type, .protocol = protocol },
	};

	if (kern)
		return 0;
	return rp_net_label_check(rp_current_label(), &r, NULL);
}

static void rp_sk_set_label(struct sock *sk, struct rp_label *label,
			    bool kern)
{
	struct rp_sk_ctx *ctx = rp_sk(sk);
	struct rp_label *old = ctx->label;

	ctx->label = rp_label_get(label);
	ctx->kern = kern;
	ctx->granted = 0;
	rp_label_put(old);
}

static int rp_socket_post_create(struct socket *sock, int family, int type,
				 int protocol, int kern)
{
	struct rp_label *label;

	if (!sock->sk)
		return 0;
	if (kern) {
		rp_sk_set_label(sock->sk, NULL, true);
		return 0;
	}
	label = rp_current_label();
	if (likely(!rp_label_is_stale(label))) {
		rp_sk_set_label(sock->sk, label, false);
		return 0;
	}
	label = rp_label_newest(label);
	rp_sk_set_label(sock->sk, label ?: rp_current_label(), false);
	rp_label_put(label);
	return 0;
}

static int rp_socket_bind(struct socket *sock, struct sockaddr *address,
			  int addrlen)
{
	struct rp_sock_req r = {
		.op = "bind", .request = RP_NET_BIND, .kind = RP_SOCK_BIND,
		.addr = address, .addrlen = addrlen,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_connect(struct socket *sock, struct sockaddr *address,
			     int addrlen)
{
	struct rp_sock_req r = {
		.op = "connect", .request = RP_NET_CONNECT,
		.kind = RP_SOCK_PEER_ONLY,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_listen(struct socket *sock, int backlog)
{
	struct rp_sock_req r = {
		.op = "listen", .request = RP_NET_LISTEN, .kind = RP_SOCK_LISTEN,
		.arg = backlog,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_accept(struct socket *sock, struct socket *newsock)
{
	struct rp_sock_req r = {
		.op = "accept", .request = RP_NET_ACCEPT, .kind = RP_SOCK_LOCAL,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_sendmsg(struct socket *sock, struct msghdr *msg,
			     int size)
{
	struct rp_sock_req r = {
		.op = "sendmsg", .request = RP_NET_SEND,
		.kind = RP_SOCK_PEER_ONLY,
	};
	struct sock *sk = sock->sk;
	int err;

	err = rp_sk_check(sk, &r);
	if (err)
		return err;
	/* a fast-open send connects too: check that as a connect */
	if (msg->msg_name && (msg->msg_flags & MSG_FASTOPEN) &&
	    (sk_is_tcp(sk) ||
	     (sk_is_inet(sk) && sk->sk_type == SOCK_STREAM &&
	      sk->sk_protocol == IPPROTO_MPTCP))) {
		r.op = "connect";
		r.request = RP_NET_CONNECT;
		err = rp_sk_check(sk, &r);
	}
	return err;
}

static int rp_socket_recvmsg(struct socket *sock, struct msghdr *msg,
			     int size, int flags)
{
	struct rp_sock_req r = {
		.op = "recvmsg", .request = RP_NET_RECEIVE,
		.kind = RP_SOCK_PEER_ONLY,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_getsockname(struct socket *sock)
{
	struct rp_sock_req r = {
		.op = "getsockname", .request = RP_NET_GETATTR,
		.kind = RP_SOCK_LOCAL,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_getpeername(struct socket *sock)
{
	struct rp_sock_req r = {
		.op = "getpeername", .request = RP_NET_GETATTR,
		.kind = RP_SOCK_LOCAL,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_getsockopt(struct socket *sock, int level, int optname)
{
	struct rp_sock_req r = {
		.op = "getsockopt", .request = RP_NET_GETOPT,
		.kind = RP_SOCK_OPT, .arg = optname,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_setsockopt(struct socket *sock, int level, int optname)
{
	struct rp_sock_req r = {
		.op = "setsockopt", .request = RP_NET_SETOPT,
		.kind = RP_SOCK_OPT, .arg = optname,
	};

	return rp_sk_check(sock->sk, &r);
}

static int rp_socket_shutdown(struct socket *sock, int how)
{
	struct rp_sock_req r = {
		.op = "socket_shutdown", .request = RP_NET_SHUTDOWN,
		.kind = RP_SOCK_LOCAL,
	};

	return rp_sk_check(sock->sk, &r);
}

/**
 * rp_sock_file_perm() - revalidation of a socket file (mediation.md 2.8)
 * @file: an open file; only sockets are checked
 * @op: operation= (file_perm, file_receive, file_inherit, ...)
 * @request: file bits wanted (read = receive, write = send)
 * @label: the label using the file (newest version, held by the caller)
 *
 * For file.c, once it has found that @label has not vouched for @file
 * with @request yet. Other files without a name (pipes, ...) pass.
 *
 * Return: 0 or the errno to fail with.
 */
int rp_sock_file_perm(struct file *file, const char *op, u32 request,
		      struct rp_label *label)
{
	struct socket *sock = sock_from_file(file);
	struct rp_sock_req r = {
		.op = op, .request = request, .kind = RP_SOCK_FILE,
	};

	/* sockets being set up or torn down have no sock yet or any more */
	if (!sock || !sock->sk || rp_sk(sock->sk)->kern)
		return 0;
	r.sk = sock->sk;
	r.obj = (struct rp_net_obj){
		.family = sock->sk->sk_family, .type = sock->sk->sk_type,
		.protocol = sock->sk->sk_protocol, .sk = sock->sk,
	};
	if (r.obj.family == AF_UNIX)
		return rp_unix_file_check(label, &r);
	return rp_net_label_check(label, &r, NULL);
}

static void rp_sk_free_security(struct sock *sk)
{
	struct rp_sk_ctx *ctx = rp_sk(sk);

	rp_label_put(ctx->label);
	rp_label_put(ctx->peer);
	ctx->label = NULL;
	ctx->peer = NULL;
}

/* A sock made from another (TCP accept) is labelled as its parent. */
static void rp_sk_clone_security(const struct sock *sk, struct sock *newsk)
{
	const struct rp_sk_ctx *ctx = rp_sk(sk);
	struct rp_sk_ctx *new = rp_sk(newsk);

	rp_label_put(new->label);
	rp_label_put(new->peer);
	new->label = rp_label_get(ctx->label);
	new->peer = rp_label_get(ctx->peer);
	new->kern = ctx->kern;
	new->granted = 0;
}

/* A sock that never passed post_create gets the grafting task's label. */
static void rp_sock_graft(struct sock *sk, struct socket *parent)
{
	struct rp_sk_ctx *ctx = rp_sk(sk);

	if (!ctx->label && !ctx->kern)
		ctx->label = rp_label_get(rp_current_label());
}

/* SO_PEERSEC: the recorded peer's label, as procattr shows labels. */
static int rp_socket_getpeersec_stream(struct socket *sock,
				       sockptr_t out, sockptr_t outlen,
				       unsigned int room)
{
	struct rp_label *peer = sock->sk ? READ_ONCE(rp_sk(sock->sk)->peer) :
					   NULL;
	struct rp_label *newest;
	unsigned int n;
	char *text;
	int err = 0;

	if (!peer)
		return -ENOPROTOOPT;	/* never connected, or not unix */
	newest = rp_label_newest(peer);
	text = rp_label_render_alloc(newest ?: peer,
				     rp_label_ns(rp_current_label()),
				     RP_RENDER_SUBNS | RP_RENDER_MODE |
				     RP_RENDER_HIDDEN_UNCONFINED, "",
				     GFP_KERNEL);
	rp_label_put(newest);
	if (!text)
		return -ENOMEM;
	n = strlen(text);
	if (n > room)
		err = -ERANGE;
	else if (copy_to_sockptr(out, text, n))
		err = -EFAULT;
	if (!err || err == -ERANGE) {
		if (copy_to_sockptr(outlen, &n, sizeof(n)))
			err = -EFAULT;
	}
	kfree(text);
	return err;
}

static int rp_socket_getpeersec_dgram(struct socket *sock,
				      struct sk_buff *pkt, u32 *id)
{
	return -ENOPROTOOPT;	/* datagrams carry no peer label */
}

static struct security_hook_list rp_net_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(sk_free_security, rp_sk_free_security),
	LSM_HOOK_INIT(sk_clone_security, rp_sk_clone_security),
	LSM_HOOK_INIT(sock_graft, rp_sock_graft),
	LSM_HOOK_INIT(socket_create, rp_socket_create),
	LSM_HOOK_INIT(socket_post_create, rp_socket_post_create),
	LSM_HOOK_INIT(socket_bind, rp_socket_bind),
	LSM_HOOK_INIT(socket_connect, rp_socket_connect),
	LSM_HOOK_INIT(socket_listen, rp_socket_listen),
	LSM_HOOK_INIT(socket_accept, rp_socket_accept),
	LSM_HOOK_INIT(socket_sendmsg, rp_socket_sendmsg),
	LSM_HOOK_INIT(socket_recvmsg, rp_socket_recvmsg),
	LSM_HOOK_INIT(socket_getsockname, rp_socket_getsockname),
	LSM_HOOK_INIT(socket_getpeername, rp_socket_getpeername),
	LSM_HOOK_INIT(socket_getsockopt, rp_socket_getsockopt),
	LSM_HOOK_INIT(socket_setsockopt, rp_socket_setsockopt),
	LSM_HOOK_INIT(socket_shutdown, rp_socket_shutdown),
	LSM_HOOK_INIT(socket_getpeersec_stream, rp_socket_getpeersec_stream),
	LSM_HOOK_INIT(socket_getpeersec_dgram, rp_socket_getpeersec_dgram),
};

void __init rp_net_init(void)
{
	size_t i, n = 0;

	for (i = 0; i < AF_MAX; i++)
		if (rp_net_families[i])
			n += scnprintf(rp_net_af_mask + n,
				       sizeof(rp_net_af_mask) - n, "%s%s",
				       n ? " " : "", rp_net_families[i]);
	security_add_hooks(rp_net_hooks, ARRAY_SIZE(rp_net_hooks), &rp_lsmid);
	rp_unix_init();
}
