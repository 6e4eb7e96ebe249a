#!/usr/bin/env bash
# carnews on many machines with GNU parallel, tested on this one: three
# hosts in network namespaces (an sshd each on a veth address; traffic
# stays on this machine), a JSON Lines corpus piped to them in blocks of
# records, one host killed mid-run.  The merged output must equal the
# single-machine run: every record once, none lost, none twice.
#   test_parallel.sh BINARY SOURCE_DIR
# Needs root (ip netns), GNU parallel and openssh-server (build.sh test-dist
# installs them).  Prints "1 passed, 0 failed" or exits non-zero.
set -euo pipefail
bin=$(readlink -f "$1") src=$(readlink -f "$2")
HOSTS=3
RECORDS=${CARNEWS_DIST_RECORDS:-600}
BLOCK=20                        # records per job
NET=10.203                      # 10.203.N.0/30 for host N, inside our namespaces only
tmp=$(mktemp -d)
tag=cn$$
cleanup() {
    for n in $(seq 1 $HOSTS); do
        ip netns pids "$tag-h$n" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
        ip netns del "$tag-h$n" 2>/dev/null || true
        ip link del "$tag-v$n" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in ip parallel sshd ssh ssh-keygen python3; do
    command -v "$t" >/dev/null || fail "$t is not installed (./build.sh test-dist installs it)"
done

# Keys: one for the client, one host key shared by the test hosts.
ssh-keygen -q -t ed25519 -N '' -f "$tmp/id" 
ssh-keygen -q -t ed25519 -N '' -f "$tmp/hostkey"
cp "$tmp/id.pub" "$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"
mkdir -p /run/sshd
cat > "$tmp/ssh_config" <<CONF
Host *
    IdentityFile $tmp/id
    IdentitiesOnly yes
    StrictHostKeyChecking no
    UserKnownHostsFile /dev/null
    LogLevel ERROR
    ConnectTimeout 5
    BatchMode yes
CONF

: > "$tmp/hosts"
for n in $(seq 1 $HOSTS); do
    ns=$tag-h$n
    ip netns add "$ns"
    ip link add "$tag-v$n" type veth peer name "$tag-p$n"
    ip link set "$tag-p$n" netns "$ns"
    ip addr add "$NET.$n.1/30" dev "$tag-v$n"
    ip link set "$tag-v$n" up
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" ip addr add "$NET.$n.2/30" dev "$tag-p$n"
    ip netns exec "$ns" ip link set "$tag-p$n" up
    ip netns exec "$ns" /usr/sbin/sshd -f /dev/null -h "$tmp/hostkey" \
        -o ListenAddress="$NET.$n.2" -o AuthorizedKeysFile="$tmp/authorized_keys" \
        -o PermitRootLogin=prohibit-password -o PasswordAuthentication=no \
        -o StrictModes=no -o MaxStartups=100 -o PidFile="$tmp/sshd$n.pid" -E "$tmp/sshd$n.log"
    # 1 job slot per host, reached with our client config.
    echo "1/ssh -F $tmp/ssh_config root@$NET.$n.2" >> "$tmp/hosts"
done
for n in $(seq 1 $HOSTS); do
    for _ in $(seq 50); do
        ssh -F "$tmp/ssh_config" "root@$NET.$n.2" true 2>/dev/null && break
        sleep 0.1
    done
    ssh -F "$tmp/ssh_config" "root@$NET.$n.2" true || fail "host $n does not answer"
done

# The corpus: JSON Lines records with an id and a text, made from the
# project's own test articles.
python3 - "$src" "$RECORDS" > "$tmp/corpus.jsonl" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[1] + "/tests/cli")
import cliutil
for i in range(int(sys.argv[2])):
    print(json.dumps({"id": "r%05d" % i, "text": cliutil.article(i)[0]}))
PY

worker="$bin analyze --records jsonl -f jsonl -q -j1 -"
# The single-machine run.
$worker < "$tmp/corpus.jsonl" > "$tmp/single.jsonl"
[ "$(wc -l < "$tmp/single.jsonl")" -eq "$RECORDS" ] || fail "single run gave $(wc -l < "$tmp/single.jsonl") lines"

# The cluster run: blocks of records to the hosts, in order; a job that
# fails (its host died) is retried on another host.  Host 2 is killed once
# a fifth of the jobs are done.
(
    done_jobs() { [ -f "$tmp/joblog" ] && echo $(($(wc -l < "$tmp/joblog") - 1)) || echo 0; }
    while [ "$(done_jobs)" -lt $((RECORDS / BLOCK / 5)) ]; do
        sleep 0.05
    done
    ip netns pids "$tag-h2" | xargs -r kill -9
    done_jobs > "$tmp/killed"
) &
killer=$!
parallel --pipe -N "$BLOCK" --keep-order --sshloginfile "$tmp/hosts" --retries 3 \
    --joblog "$tmp/joblog" --halt soon,fail=1 "$worker" < "$tmp/corpus.jsonl" > "$tmp/cluster.jsonl"
wait "$killer"
[ -f "$tmp/killed" ] || fail "host 2 was never killed"

# Every record once, none lost, none twice, in order, same results.
cmp -s "$tmp/single.jsonl" "$tmp/cluster.jsonl" || {
    diff <(cut -c1-120 "$tmp/single.jsonl") <(cut -c1-120 "$tmp/cluster.jsonl") | head -20 >&2
    fail "cluster output differs from the single-machine run"
}
at_kill=$(cat "$tmp/killed")
jobs=$((RECORDS / BLOCK))
[ "$at_kill" -lt "$jobs" ] || fail "host 2 was killed after the last job"
after=$(awk -F'\t' -v k="$at_kill" 'NR > k + 1 && $2 ~ /\.2\.2$/' "$tmp/joblog" | wc -l)
echo "test_parallel: $RECORDS records in $jobs jobs on $HOSTS hosts; host 2 killed after" \
     "$at_kill jobs, $after of the later jobs logged on it; output identical to the" \
     "single-machine run"
echo "1 passed, 0 failed"
