#!/usr/bin/env bash
# The Debian/Ubuntu packages the guide's build and tests need, installed with apt-get
# when missing (apt-get update runs only then). Used by .ci/run and the
# GitHub workflow; run it as root (sudo) on a machine of your own too.
#
# Chromium is skipped when CHROME_PATH names a browser that runs: on GitHub's
# Ubuntu runners the chromium package is a snap stub, and the workflow points
# CHROME_PATH at the runner's Google Chrome instead
# (sudo --preserve-env=CHROME_PATH scripts/install-system-packages.sh).
set -euo pipefail

packages=(
  fonts-noto-cjk                                   # CJK glyphs in headless Chromium
  iproute2 iptables nftables iputils-ping          # the labs
  containernetworking-plugins                      # the real CNI plugins (/usr/lib/cni) the CNI labs run
  socat dnsmasq conntrack tcpdump procps python3   # lab tools
  bpftool radvd slirp4netns passt uidmap wireguard-tools  # Part 4's labs (eBPF, IPv6, rootless, WireGuard)
  shellcheck                                       # the labs' shell scripts are linted
  poppler-utils epubcheck                          # the tests read the PDF books (pdftotext, pdfinfo, pdffonts) and check the EPUBs
  kmod zstd cpio binutils debian-archive-keyring seabios  # the lab VM's image (scripts/lab-vm/build.sh)
)
if [[ -n "${CHROME_PATH:-}" && -x "$CHROME_PATH" ]]; then
  echo "Using the browser at CHROME_PATH=$CHROME_PATH; not installing chromium."
else
  packages+=(chromium) # browser tests, Lighthouse
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "System packages: all ${#packages[@]} installed."
  exit 0
fi
if ((EUID != 0)); then
  echo "Missing packages: ${missing[*]}. Run this script as root (sudo $0)." >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
