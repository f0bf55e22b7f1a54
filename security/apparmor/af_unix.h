/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the keys of fine-grained AF_UNIX mediation (af-unix.md 4):
 * socket addresses as keys see them and the byte layout of a query.
 */
#ifndef _RAMPART_AF_UNIX_H
#define _RAMPART_AF_UNIX_H

#include <linux/types.h>
#include <linux/un.h>

struct path;
struct rp_profile;
struct sock;
struct sockaddr;

/* The class byte of the "fine unix rules" marker (af-unix.md 2.4, 3). */
#define RP_CLASS_UNIX_MARK	4

/* The address byte of an unbound socket. */
#define RP_UNIX_ANON_BYTE	1

/* Command bytes after the local part (af-unix.md 4.1). */
#define RP_UNIX_CMD_PEER	1
#define RP_UNIX_CMD_LISTEN	2
#define RP_UNIX_CMD_OPT		4

/**
 * enum rp_unix_addr_kind - what a unix socket is bound to
 * @RP_UNIX_ANON: nothing (key byte 1, shown "none")
 * @RP_UNIX_AUTOBIND: bind() with no name: no key bytes, shown "none"
 * @RP_UNIX_ABSTRACT: a NUL and a name, every byte in the key
 * @RP_UNIX_PATH: a filesystem path: file rules decide, never a key
 */
enum rp_unix_addr_kind {
	RP_UNIX_ANON,
	RP_UNIX_AUTOBIND,
	RP_UNIX_ABSTRACT,
	RP_UNIX_PATH,
};

/**
 * struct rp_unix_addr - a socket address as keys and records use it
 * @kind: its kind
 * @bytes: the key bytes (for a path, the path; not NUL-terminated)
 * @len: their number
 * @path: a bound pathname socket's path, or NULL
 */
struct rp_unix_addr {
	enum rp_unix_addr_kind kind;
	const u8 *bytes;
	unsigned int len;
	const struct path *path;
};

/**
 * struct rp_unix_query - one fine-mode question
 * @type: the socket type
 * @protocol: the protocol (socket() only; 0 later)
 * @local: the socket's address, or NULL to stop after the protocol
 * @cmd: 0 to stop after the local part, else an RP_UNIX_CMD_* byte
 * @arg: the backlog or the option name
 * @peer: RP_UNIX_CMD_PEER: the other socket's address
 */
struct rp_unix_query {
	u16 type;
	u16 protocol;
	const struct rp_unix_addr *local;
	u8 cmd;
	u16 arg;
	const struct rp_unix_addr *peer;
};

/* The parts of a key, each with its failure info= */
enum rp_unix_part {
	RP_UNIX_FAMILY,
	RP_UNIX_TYPE,
	RP_UNIX_PROTOCOL,
	RP_UNIX_LADDR,
	RP_UNIX_LLABEL,
	RP_UNIX_CMD,
	RP_UNIX_BACKLOG,
	RP_UNIX_OPTNAME,
	RP_UNIX_PADDR,
	RP_UNIX_PARTS,
};

/* family, type, protocol, two addresses with their NULs, the rest */
#define RP_UNIX_KEY_MAX	(6 + 2 * (UNIX_PATH_MAX + 1) + 1 + 1 + 2)
#define RP_UNIX_KEY_PARTS 8

/**
 * struct rp_unix_key - an encoded query
 * @buf: the bytes after the class byte
 * @len: their number
 * @nparts: how many parts
 * @end: where each part ends in @buf
 * @part: what each part is
 */
struct rp_unix_key {
	u8 buf[RP_UNIX_KEY_MAX];
	unsigned int len;
	unsigned int nparts;
	unsigned int end[RP_UNIX_KEY_PARTS];
	enum rp_unix_part part[RP_UNIX_KEY_PARTS];
};

/**
 * struct rp_unix_rec - the unix fields of a record (af-unix.md 10.1)
 * @addr: addr=, the local address (NULL: none)
 * @peer_addr: peer_addr=, shown for peer permissions (NULL: none)
 * @peer: peer=, the peer profile matched, or NULL
 */
struct rp_unix_rec {
	const struct rp_unix_addr *addr;
	const struct rp_unix_addr *peer_addr;
	const struct rp_profile *peer;
};

#if IS_ENABLED(CONFIG_KUNIT)
void rp_unix_addr_of_sk(const struct sock *sk, struct rp_unix_addr *a);
int rp_unix_addr_of_bind(const struct sockaddr *sa, int addrlen,
			 struct rp_unix_addr *a);
void rp_unix_encode(const struct rp_unix_query *q, struct rp_unix_key *k);
#endif

#endif /* _RAMPART_AF_UNIX_H */
