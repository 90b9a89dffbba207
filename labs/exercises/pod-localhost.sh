# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/pod-localhost.sh` keeps: the node
# pod-node, the pod sandbox pod-a (10.244.1.5, pinned at /run/netns/pod-a)
# with its app on 127.0.0.1:8080 and its sidecar proxy on 0.0.0.0:9090, and
# pod-b with a server of its own on 127.0.0.1:8080 (servers answer for an hour).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise loopback-down
#: break
ip -n pod-a link set lo down
#: check
# The node asks the sidecar on the pod IP, which asks the app on localhost.
answer=$(ip netns exec pod-node timeout 5 socat -T 3 -u TCP:10.244.1.5:9090 -)
echo "answer: '$answer'"
[[ $answer == "hello from app" ]]
#: fix
ip -n pod-a link set lo up

#: exercise app-crash
#: break
# The app container dies: stop the process that listens on 127.0.0.1:8080 in pod-a.
app=$(ip netns exec pod-a ss -Hltnp 'src 127.0.0.1 and sport = :8080' | grep -o 'pid=[0-9]*' | head -n 1)
kill "${app#pid=}"
#: check
answer=$(ip netns exec pod-node timeout 5 socat -T 3 -u TCP:10.244.1.5:9090 -)
echo "answer: '$answer'"
[[ $answer == "hello from app" ]]
#: fix
# The kubelet restarts the container: a new process joins the same network
# namespace, pinned by its bind mount whatever became of the pause process.
nsenter --net=/run/netns/pod-a unshare --pid --fork --kill-child --mount-proc \
  timeout 3600 socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:'echo hello from app' </dev/null >/dev/null 2>&1 &
