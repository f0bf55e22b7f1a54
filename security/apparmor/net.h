/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: socket mediation (mediation.md 1.5, 7; af-unix.md): what a
 * socket carries, the network permission bits, the names records use, and
 * the glue between the coarse check (net.c) and the AF_UNIX one (af_unix.c).
 */
#ifndef _RAMPART_NET_H
#define _RAMPART_NET_H

#include <linux/init.h>
#include <linux/lsm_hooks.h>
#include <linux/socket.h>
#include <linux/types.h>
#include <net/sock.h>
#include <rampart/abi.h>

struct audit_buffer;
struct file;
struct rp_audit;
struct rp_label;
struct rp_profile;

/* Network permissions: file bits reused, plus socket-only ones. */
#define RP_NET_SEND		RP_MAY_WRITE
#define RP_NET_RECEIVE		RP_MAY_READ
#define RP_NET_CREATE		RP_MAY_CREATE
#define RP_NET_SHUTDOWN		RP_MAY_DELETE
#define RP_NET_CONNECT		RP_MAY_OPEN
#define RP_NET_SETATTR		RP_MAY_SETATTR
#define RP_NET_GETATTR		RP_MAY_GETATTR
#define RP_NET_ACCEPT		0x00100000u
#define RP_NET_BIND		0x00200000u
#define RP_NET_LISTEN		0x00400000u
#define RP_NET_SETOPT		0x01000000u
#define RP_NET_GETOPT		0x02000000u

#define RP_NET_ALL (RP_NET_SEND | RP_NET_RECEIVE | RP_NET_CREATE | \
		    RP_NET_SHUTDOWN | RP_NET_CONNECT | RP_NET_SETATTR | \
		    RP_NET_GETATTR | RP_NET_ACCEPT | RP_NET_BIND | \
		    RP_NET_LISTEN | RP_NET_SETOPT | RP_NET_GETOPT)
/* The permissions a unix record shows a peer address for. */
#define RP_NET_PEER_BITS (RP_NET_SEND | RP_NET_RECEIVE | RP_NET_CONNECT | \
			  RP_NET_ACCEPT)

/* features network_v8/af_mask: the family names, built at boot (net.c) */
#define RP_NET_AF_MASK_SIZE 576
extern char rp_net_af_mask[RP_NET_AF_MASK_SIZE];

/**
 * struct rp_sk_ctx - Rampart's part of a sock
 * @label: the label of the task that made the socket (a reference), or
 *         NULL for a socket the kernel made for itself (never checked)
 * @peer: the label of the socket at the other end of a unix connection
 *        or socketpair (a reference), reported by SO_PEERSEC; NULL if none
 * @kern: made by the kernel for itself: never checked
 * @granted: network permissions that @label's profiles, as they were when
 *           @label was not stale, grant this socket with nothing to log
 *           (coarse checks only): a task of @label asking for no more is
 *           answered without a walk while @label stays fresh
 *
 * Set while the sock is being set up (post_create, socketpair,
 * unix_stream_connect, clone) before anyone else can see it, and dropped
 * when it is freed; labels never change afterwards (af-unix.md 8.1).
 */
struct rp_sk_ctx {
	struct rp_label *label;
	struct rp_label *peer;
	bool kern;
	u32 granted;
};

extern struct lsm_blob_sizes rp_blob_sizes;

static inline struct rp_sk_ctx *rp_sk(const struct sock *sk)
{
	return sk->sk_security + rp_blob_sizes.lbs_sock;
}

/**
 * struct rp_net_obj - the socket a network record is about
 * @family: the address family
 * @type: the socket type
 * @protocol: the protocol
 * @sk: the socket, for the inet address fields (NULL at create)
 */
struct rp_net_obj {
	u16 family;
	u16 type;
	int protocol;
	const struct sock *sk;
};

/* What a socket hook asks, as af_unix.c needs to know it. */
enum rp_sock_kind {
	RP_SOCK_CREATE,		/* socket(): create, no address */
	RP_SOCK_BIND,		/* bind(): the requested address */
	RP_SOCK_LISTEN,		/* listen(): the backlog follows */
	RP_SOCK_OPT,		/* get/setsockopt(): the option follows */
	RP_SOCK_LOCAL,		/* the socket's own address, nothing after */
	RP_SOCK_PEER_ONLY,	/* connect/send/receive: unix_* hooks do it */
	RP_SOCK_FILE,		/* revalidation of a socket file */
};

/**
 * struct rp_sock_req - one socket check
 * @op: operation=
 * @request: the permissions wanted
 * @kind: what it is, for unix sockets in fine mode
 * @obj: the socket's family, type and protocol
 * @sk: the socket (NULL at create)
 * @addr: bind(): the address asked for
 * @addrlen: its length
 * @arg: listen(): the backlog; socket options: the option name
 */
struct rp_sock_req {
	const char *op;
	u32 request;
	enum rp_sock_kind kind;
	struct rp_net_obj obj;
	struct sock *sk;
	const struct sockaddr *addr;
	int addrlen;
	int arg;
};

struct rp_perms;
struct rp_unix_rec;

const char *rp_net_family_name(unsigned int family);
const char *rp_net_type_name(unsigned int type);
size_t rp_net_mask_names(u32 mask, char *buf, size_t size);
void rp_net_coarse_key(u8 key[4], u16 family, u16 type);
int rp_net_decide(const struct rp_profile *p, const char *op,
		  const char *info, const struct rp_perms *perms, u32 request,
		  const struct rp_net_obj *o, const struct rp_unix_rec *u);
int rp_net_coarse(const struct rp_profile *p, const char *op, u32 request,
		  const struct rp_net_obj *o, bool *quiet);
int rp_sock_file_perm(struct file *file, const char *op, u32 request,
		      struct rp_label *label);

/* af_unix.c: fine-grained AF_UNIX mediation (af-unix.md) */
bool rp_unix_fine(const struct rp_profile *p, unsigned int *start);
int rp_unix_check(const struct rp_profile *p, unsigned int start,
		  const struct rp_sock_req *r);
int rp_unix_file_check(const struct rp_label *label,
		       const struct rp_sock_req *r);
void rp_unix_audit_fields(struct audit_buffer *ab, const struct rp_audit *a,
			  const struct rp_unix_rec *u, u32 request);
void __init rp_unix_init(void);

#endif /* _RAMPART_NET_H */
