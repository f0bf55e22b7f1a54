#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Make kunit-tests/net_vectors.h: network policy and queries for net_kunit.c.

Two policies are compiled by apparmor_parser 3.0.8: COARSE with the Linux
6.12 feature set of shared/testdata, FINE with the same set plus
network/af_unix (af-unix.md 2.1), which makes the parser compile unix
rules into the policydb. Every query below is encoded here from the
af-unix.md 4 layout (independently of the kernel's encoder), run through
the compiled policy by shared/tools/aa-policy-dump --match, and written
out with the permissions it grants; net_kunit.c encodes the same query
with the kernel's encoder, compares the bytes and walks its own DFA.

usage: gen-net-vectors.py FEATURES_DIR > kunit-tests/net_vectors.h
(tools/lib.sh names the directory RAMPART_FEATURES, the decoder
RAMPART_POLICY_DUMP)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

COARSE = """profile c {
  network inet stream,
  network unix dgram,
  deny network inet raw,
  network netlink,
}
"""

# af-unix.md 4.7, profile m
FINE = """profile m {
  unix (create) type=stream,
  unix (bind, listen, accept, getattr, shutdown, getopt, setopt) type=stream addr=@srv,
  unix (bind, getattr) type=dgram addr=auto,
  unix (getopt, setopt, getattr) type=seqpacket addr=none,
  unix (connect, send, receive) type=stream peer=(label=srvprof, addr=@srv),
  unix (accept, send, receive) type=stream addr=@srv peer=(label=cli),
  unix (send) type=dgram peer=(addr=none),
  audit unix (receive) type=dgram peer=(label=sender//hat),
  unix (send, receive) type=seqpacket peer=(label=a),
  deny unix (send) type=seqpacket peer=(label=b),
  audit deny unix (receive) type=seqpacket peer=(label=c),
}
profile d {
  unix (bind) type=dgram addr=@srv,
  unix (connect) type=stream peer=(label=srv),
}
profile n {
  network inet stream,
}
"""

STREAM, DGRAM, SEQPACKET = 1, 2, 5
ANON, AUTOBIND, ABSTRACT = "RP_UNIX_ANON", "RP_UNIX_AUTOBIND", "RP_UNIX_ABSTRACT"
PEER, LISTEN, OPT = 1, 2, 4


def be16(v):
    return bytes([v >> 8, v & 0xff])


def addr_bytes(kind, name):
    if kind == ANON:
        return b"\x01"
    if kind == AUTOBIND:
        return b""
    return b"\x00" + name


# desc, type, protocol, local (kind, name) or None, cmd, arg,
# peer (kind, name) or None, peer label or None[, profile (default m)]
QUERIES = [
    ("create stream", STREAM, 0, None, 0, 0, None, None),
    ("create stream, protocol 1", STREAM, 1, None, 0, 0, None, None),
    ("create dgram has no rule", DGRAM, 0, None, 0, 0, None, None),
    ("bind @srv", STREAM, 0, (ABSTRACT, b"srv"), 0, 0, None, None),
    ("bind @srv2 dies in the address", STREAM, 0, (ABSTRACT, b"srv2"), 0, 0,
     None, None),
    ("bind @srv padded dies in the address", STREAM, 0,
     (ABSTRACT, b"srv\x00\x00"), 0, 0, None, None),
    ("listen on @srv, backlog 2", STREAM, 0, (ABSTRACT, b"srv"), LISTEN, 2,
     None, None),
    ("listen on @srv, backlog 4096", STREAM, 0, (ABSTRACT, b"srv"), LISTEN,
     4096, None, None),
    ("getsockopt SO_RCVTIMEO on @srv", STREAM, 0, (ABSTRACT, b"srv"), OPT,
     20, None, None),
    ("autobind request, dgram", DGRAM, 0, (AUTOBIND, b""), 0, 0, None, None),
    ("autobound address", DGRAM, 0, (ABSTRACT, b"1f2e3"), 0, 0, None, None),
    ("autobound address in upper case", DGRAM, 0, (ABSTRACT, b"1F2E3"), 0, 0,
     None, None),
    ("anonymous seqpacket, local", SEQPACKET, 0, (ANON, b""), 0, 0, None,
     None),
    ("anonymous seqpacket, option", SEQPACKET, 0, (ANON, b""), OPT, 20, None,
     None),
    ("client connect to @srv", STREAM, 0, (ANON, b""), PEER, 0,
     (ABSTRACT, b"srv"), b"srvprof"),
    ("client connect, peer label too long", STREAM, 0, (ANON, b""), PEER, 0,
     (ABSTRACT, b"srv"), b"srvprof2"),
    ("client connect, peer label too short", STREAM, 0, (ANON, b""), PEER, 0,
     (ABSTRACT, b"srv"), b"srvpro"),
    ("client connect, wrong peer address", STREAM, 0, (ANON, b""), PEER, 0,
     (ABSTRACT, b"srvX"), b"srvprof"),
    ("listener side, peer cli", STREAM, 0, (ABSTRACT, b"srv"), PEER, 0,
     (ANON, b""), b"cli"),
    ("listener side, peer unconfined", STREAM, 0, (ABSTRACT, b"srv"), PEER, 0,
     (ANON, b""), b"unconfined"),
    ("dgram send to an anonymous peer", DGRAM, 0, (ANON, b""), PEER, 0,
     (ANON, b""), b"whatever"),
    ("dgram send to an abstract peer", DGRAM, 0, (ANON, b""), PEER, 0,
     (ABSTRACT, b"foo"), b"whatever"),
    ("a hat as the peer", DGRAM, 0, (ANON, b""), PEER, 0, (ANON, b""),
     b"sender//hat"),
    ("seqpacket peer a", SEQPACKET, 0, (ANON, b""), PEER, 0, (ANON, b""),
     b"a"),
    ("seqpacket peer b (deny)", SEQPACKET, 0, (ANON, b""), PEER, 0,
     (ANON, b""), b"b"),
    ("seqpacket peer c (audit deny)", SEQPACKET, 0, (ANON, b""), PEER, 0,
     (ANON, b""), b"c"),
    ("a profile without unix rules dies at the family", STREAM, 0, None, 0,
     0, None, None, "n"),
    ("create under a profile with only peer rules grants nothing", STREAM, 0, None, 0, 0, None,
     None, "d"),
    ("a name no rule has dies in the local address", DGRAM, 0,
     (ABSTRACT, b"my sock"), 0, 0, None, None, "d"),
    ("bind @srv under d", DGRAM, 0, (ABSTRACT, b"srv"), 0, 0, None, None,
     "d"),
    ("no listen rule dies at the command", DGRAM, 0, (ABSTRACT, b"srv"),
     LISTEN, 5, None, None, "d"),
    ("connect to another label grants nothing", STREAM, 0,
     (ANON, b""), PEER, 0, (ABSTRACT, b"x"), b"other", "d"),
    ("connect to srv", STREAM, 0, (ANON, b""), PEER, 0, (ABSTRACT, b"x"),
     b"srv", "d"),
]


def encode(q):
    _, typ, proto, local, cmd, arg, peer, label = q[:8]
    key = be16(1) + be16(typ) + be16(proto)
    if local is None:
        return key, b""
    key += addr_bytes(*local) + b"\x00" + b"\x00"
    if cmd:
        key += bytes([cmd])
        if cmd in (LISTEN, OPT):
            key += be16(arg)
        else:
            key += addr_bytes(*peer) + b"\x00"
    return key, label or b""


def esc(b):
    return "".join(f"\\x{c:02x}" for c in b)


def compile_policy(features, text, name):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name + ".profile")
        out = os.path.join(tmp, name + ".bin")
        with open(src, "w") as f:
            f.write(text)
        subprocess.run(["apparmor_parser", "--config-file", "/dev/null",
                        "-Q", "-M", features, "-o", out, src], check=True)
        with open(out, "rb") as f:
            return f.read()


def match(dump, data, key, profile):
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(data)
        f.flush()
        out = subprocess.run([dump, "--profile", profile,
                              "--match", "policy=" + esc(key), f.name],
                             check=True, capture_output=True,
                             text=True).stdout
    state = int(re.search(r"final state (\d+)", out).group(1))
    m = re.search(r"allow\s+0x([0-9a-f]+)", out)
    return state, int(m.group(1), 16) if m else 0


def blob(name, data):
    print(f"static const u8 {name}[] __aligned(8) =")
    for i in range(0, len(data), 16):
        end = ";" if i + 16 >= len(data) else ""
        print('\t"' + esc(data[i:i + 16]) + '"' + end)
    print()


def main():
    features = sys.argv[1] if len(sys.argv) > 1 else \
        os.environ["RAMPART_FEATURES"]
    dump = os.environ.get("RAMPART_POLICY_DUMP") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)),
        "../../shared/tools/aa-policy-dump")
    with tempfile.TemporaryDirectory() as tmp:
        fine_features = os.path.join(tmp, "features")
        shutil.copytree(features, fine_features)
        os.mkdir(os.path.join(fine_features, "network"))
        with open(os.path.join(fine_features, "network/af_unix"), "w") as f:
            f.write("yes\n")
        shutil.copy(os.path.join(fine_features, "network_v8/af_mask"),
                    os.path.join(fine_features, "network/af_mask"))
        coarse = compile_policy(features, COARSE, "c")
        fine = compile_policy(fine_features, FINE, "m")

    print("/* SPDX-License-Identifier: GPL-2.0-only */")
    print("/*\n * Generated by tools/gen-net-vectors.py from its COARSE and"
          " FINE profiles\n * and QUERIES (apparmor_parser 3.0.8, answers by"
          " aa-policy-dump);\n * do not edit.\n */")
    print("#ifndef _RAMPART_NET_VECTORS_H\n#define _RAMPART_NET_VECTORS_H\n")
    blob("rp_net_coarse_policy", coarse)
    blob("rp_net_fine_policy", fine)
    print("static const struct rp_net_vector rp_net_vectors[] = {")
    for q in QUERIES:
        key, label = encode(q)
        prof = q[8] if len(q) > 8 else "m"
        state, allow = match(dump, fine, b"\x0e" + key + label, prof)
        desc, typ, proto, local, cmd, arg, peer, _ = q[:8]
        lk, ln = local if local else ("RP_UNIX_ANON", b"")
        pk, pn = peer if peer else ("RP_UNIX_ANON", b"")
        print(f'\t{{ "{desc}",')
        print(f'\t  "{prof}", {typ}, {proto}, {1 if local else 0}, {lk},')
        print(f'\t  "{esc(ln)}", {len(ln)}, {cmd}, {arg}, {pk}, "{esc(pn)}",'
              f' {len(pn)},')
        print(f'\t  {"NULL" if not q[7] else chr(34) + q[7].decode() + chr(34)},')
        print(f'\t  "{esc(key)}",')
        print(f'\t  {len(key)}, {"true" if state == 0 else "false"},'
              f' 0x{allow:08x} }},')
    print("};\n")
    print("#endif /* _RAMPART_NET_VECTORS_H */")


if __name__ == "__main__":
    main()
