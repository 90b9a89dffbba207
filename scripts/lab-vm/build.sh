#!/usr/bin/env bash
# Builds the Linux VM that runs the labs in v86 (an x86 emulator in
# WebAssembly): Debian 12 i386 packages and kernel, a tiny initramfs, and a
# root file system that v86 serves over 9p, one content-addressed file at a
# time, so a reader downloads only the files the VM opens.
#
#   npm run build:lab-vm                  build, or say "up to date" (ensure.ts runs this,
#                                         then saves the VM's state)
#   npm run build:lab-vm -- --force       rebuild the output from the cached packages
#   npm run build:lab-vm -- --relock      resolve the packages anew and rewrite packages.lock
#   bash scripts/lab-vm/build.sh --can-build   say what this machine lacks to build, build nothing
#
# Runs as root on Debian or Ubuntu; needs apt-get, dpkg-deb, depmod (kmod),
# zstd, cpio, readelf (binutils), debian-archive-keyring and seabios
# (scripts/install-system-packages.sh installs them). Nothing runs inside the
# image: no chroot, no maintainer scripts; what those would do (alternatives,
# users, the linker cache) is done here.
# Output: LAB_VM_DIR, by default .cache/lab-vm/out (see README.md beside this
# file); downloads and staging: LAB_VM_CACHE/work (default .cache/lab-vm/work).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${LAB_VM_CACHE:-$REPO/.cache/lab-vm}
WORK=$CACHE/work
OUT=${LAB_VM_DIR:-$CACHE/out}
LOCK=$HERE/packages.lock

MIRROR=${LAB_VM_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${LAB_VM_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
SUITE=bookworm
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
KERNEL_META=linux-image-686
# Every file in the image gets this modification time, so two builds from the
# same lock give the same index (2023-06-10, Debian 12's release).
SOURCE_DATE_EPOCH=1686355200
# 9p message size: larger messages mean fewer round trips through the
# emulated virtio ring when a file is read.
MSIZE=512000
# console=ttyS0: the shell is on the first serial port, which v86 exposes as
# bytes. The rest cuts boot time in the emulator: no crypto self-tests, no
# ISA PnP probing, no zeroing of every allocation, and no initcalls that took
# seconds there and that the labs do not need (kprobe events, a key derivation
# self-test, the built-in certificates: unsigned-module checking is not
# enforced, so modules still load).
CMDLINE="console=ttyS0 loglevel=3 nokaslr tsc=reliable no_timer_check mitigations=off nowatchdog init_on_alloc=0 cryptomgr.notests noisapnp pnpbios=off cgroup_no_v1=all audit=0 apparmor=0 8250.nr_uarts=1 random.trust_cpu=on initcall_blacklist=init_kprobe_trace,crypto_kdf108_init,load_system_certificate_list"

# What the labs run (labs/*.sh and labs/lib.sh), plus tools for labs to come
# (Open vSwitch, IPVS). Their dependencies are resolved by apt.
PACKAGES=(
  base-files netbase bash dash coreutils util-linux mount diffutils grep sed mawk findutils
  procps kmod libc-bin ncurses-base
  iproute2 iptables nftables iputils-ping tcpdump conntrack socat dnsmasq-base
  python3-minimal libpython3.11-stdlib containernetworking-plugins jq
  openvswitch-switch ipvsadm
  bpftool wireguard-tools passt slirp4netns uidmap radvd
  busybox-static
)
# Pulled in by the dependencies above but not needed at run time in a VM with
# no package manager, no init system and no logins.
SKIP_IN_ROOTFS=(
  busybox-static adduser debconf dpkg init-system-helpers lsb-base passwd perl perl-base
  perl-modules-5.36 libperl5.36 libfile-find-rule-perl libnumber-compare-perl libtext-glob-perl
  libgdbm-compat4 libgdbm6 sysvinit-utils usrmerge uuid-runtime libpam-modules libpam-modules-bin
  tar media-types libpam-runtime
)
# Kernel modules the labs may load, with everything they depend on (modules.dep).
MODULE_DIRS=(
  kernel/net/netfilter kernel/net/ipv4 kernel/net/ipv6 kernel/net/bridge kernel/net/sched
  kernel/net/openvswitch kernel/net/8021q kernel/net/core kernel/net/802 kernel/net/llc
  kernel/net/nsh kernel/net/mpls kernel/net/packet kernel/net/psample kernel/net/xfrm kernel/net/key
  kernel/drivers/net/vxlan kernel/drivers/net/wireguard kernel/drivers/net/ipvlan
  kernel/drivers/net/veth.ko kernel/drivers/net/geneve.ko kernel/drivers/net/macvlan.ko
  kernel/drivers/net/macvtap.ko kernel/drivers/net/tap.ko kernel/drivers/net/tun.ko
  kernel/drivers/net/dummy.ko kernel/drivers/net/ifb.ko kernel/drivers/net/vrf.ko
  kernel/drivers/net/nlmon.ko kernel/drivers/net/bonding
  kernel/drivers/virtio/virtio_balloon.ko
  kernel/crypto kernel/arch/x86/crypto
)
# What the initramfs loads to mount the 9p root.
INITRAMFS_MODULES=(virtio_pci 9pnet_virtio 9p)

FORCE=0 RELOCK=0 CAN_BUILD=0
for arg in "$@"; do
  case $arg in
    --force) FORCE=1 ;;
    --relock) RELOCK=1 FORCE=1 ;;
    --can-build) CAN_BUILD=1 ;;
    *) echo "build.sh: unknown argument '$arg' (known: --force, --relock, --can-build)" >&2; exit 2 ;;
  esac
done

log() { printf '[lab-vm %(%T)T] %s\n' -1 "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# What this machine lacks to build, all of it at once (ensure.ts shows the list).
SEABIOS=/usr/share/seabios
TSX=$REPO/node_modules/.bin/tsx
lacking=()
[[ $(uname -s) == Linux ]] || lacking+=("Linux (this is $(uname -s))")
[[ $(id -u) -eq 0 ]] || lacking+=("root: dpkg-deb keeps file owners, mknod makes /dev/console (sudo npm run build:lab-vm)")
for tool in apt-get:apt apt-cache:apt dpkg-deb:dpkg depmod:kmod zstd:zstd cpio:cpio readelf:binutils; do
  command -v "${tool%%:*}" >/dev/null || lacking+=("'${tool%%:*}' (apt-get install ${tool#*:})")
done
[[ -r $KEYRING ]] || lacking+=("$KEYRING (apt-get install debian-archive-keyring)")
[[ -r $SEABIOS/bios-256k.bin && -r $SEABIOS/vgabios-stdvga.bin ]] \
  || lacking+=("$SEABIOS/bios-256k.bin and vgabios-stdvga.bin (apt-get install seabios)")
[[ -x $TSX ]] || lacking+=("$TSX (npm ci)")
if [[ ${#lacking[@]} -gt 0 ]]; then
  printf 'build.sh: cannot build the lab VM on this machine; it lacks:\n' >&2
  printf '  - %s\n' "${lacking[@]}" >&2
  printf 'On Debian or Ubuntu, sudo scripts/install-system-packages.sh installs the packages; then: sudo npm run build:lab-vm\n' >&2
  exit 1
fi
if [[ $CAN_BUILD -eq 1 ]]; then
  echo "build.sh: this machine can build the lab VM"
  exit 0
fi

# The inputs that decide the output (layout.ts hashes them): when none
# changed, there is nothing to do.
inputs_key() { "$TSX" "$HERE/layout.ts"; }
INPUTS_KEY=$(inputs_key)
[[ $INPUTS_KEY =~ ^[0-9a-f]{16}$ ]] || die "layout.ts gave no inputs key: '$INPUTS_KEY'"
if [[ $FORCE -eq 0 && -r $OUT/manifest.json ]] && grep -q "\"inputsKey\": \"$INPUTS_KEY\"" "$OUT/manifest.json"; then
  log "up to date: $OUT (inputs $INPUTS_KEY; --force rebuilds)"
  exit 0
fi

# --- apt, private to this build: i386 lists without touching the host's dpkg
APTDIR=$WORK/apt
mkdir -p "$APTDIR"/{lists/partial,archives/partial} "$WORK/debs"
: >"$APTDIR/status"
cat >"$APTDIR/sources.list" <<EOF
deb [arch=i386 signed-by=$KEYRING] $MIRROR $SUITE main
deb [arch=i386 signed-by=$KEYRING] $MIRROR $SUITE-updates main
deb [arch=i386 signed-by=$KEYRING] $SECURITY_MIRROR $SUITE-security main
EOF
cat >"$APTDIR/apt.conf" <<EOF
APT::Architecture "i386";
APT::Architectures { "i386"; };
APT::Install-Recommends "false";
APT::Sandbox::User "root";
Dir::Etc::SourceList "$APTDIR/sources.list";
Dir::Etc::SourceParts "$APTDIR/none";
Dir::Etc::Preferences "$APTDIR/none";
Dir::Etc::PreferencesParts "$APTDIR/none";
Dir::State "$APTDIR";
Dir::State::Lists "$APTDIR/lists";
Dir::State::status "$APTDIR/status";
Dir::Cache "$APTDIR";
Dir::Cache::archives "$APTDIR/archives";
Debug::NoLocking "true";
EOF
mkdir -p "$APTDIR/none"
export APT_CONFIG=$APTDIR/apt.conf

# Package lists are needed to resolve (--relock) and to download what the
# cache lacks; a build from a full cache runs offline.
lists_fresh=0
update_lists() {
  [[ $lists_fresh -eq 1 ]] && return
  log "apt-get update (i386, $SUITE)"
  apt-get -q update >"$WORK/apt-update.log" 2>&1 || { cat "$WORK/apt-update.log" >&2; die "apt-get update failed"; }
  lists_fresh=1
}

if [[ $RELOCK -eq 1 || ! -r $LOCK ]]; then
  update_lists
  log "resolving ${#PACKAGES[@]} packages and their dependencies"
  kernel_pkg=$(apt-cache depends "$KERNEL_META" | sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n1)
  [[ -n $kernel_pkg ]] || die "cannot find the kernel package that $KERNEL_META depends on"
  kernel_ver=$(apt-cache show --no-all-versions "$kernel_pkg" | sed -n 's/^Version: //p')
  {
    echo "# Debian $SUITE i386 packages of the lab VM, written by build.sh --relock. name version"
    { apt-get install -s "${PACKAGES[@]}" 2>/dev/null | sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) .*/\1 \2/p'
      echo "$kernel_pkg $kernel_ver"; } | LC_ALL=C sort
  } >"$LOCK.tmp"
  grep -q '^bash ' "$LOCK.tmp" || die "resolving the packages failed: apt-get install -s gave no bash"
  mv "$LOCK.tmp" "$LOCK"
  INPUTS_KEY=$(inputs_key)
  log "wrote $LOCK ($(grep -vc '^#' "$LOCK") packages)"
fi

# --- download exactly the locked versions
mapfile -t LOCKED < <(grep -v '^#' "$LOCK")
missing=()
for line in "${LOCKED[@]}"; do
  read -r name version <<<"$line"
  compgen -G "$WORK/debs/${name}_${version//:/%3a}_*.deb" >/dev/null || missing+=("$name:i386=$version")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  update_lists
  log "downloading ${#missing[@]} packages"
  (cd "$WORK/debs" && apt-get -q download "${missing[@]}" >"$WORK/apt-download.log" 2>&1) || {
    cat "$WORK/apt-download.log" >&2
    die "a pinned version is no longer on $MIRROR (Debian drops superseded versions); run: npm run build:lab-vm -- --relock"
  }
fi
deb_of() { # name version -> the cached .deb (apt-get download writes an epoch's ':' as %3a)
  local f
  f=$(compgen -G "$WORK/debs/${1}_${2//:/%3a}_*.deb" | head -n1) || true
  [[ -n $f ]] || die "no .deb for $1 $2 in $WORK/debs"
  echo "$f"
}

# --- the root file system, as dpkg would unpack it
STAGE=$WORK/rootfs
rm -rf "$STAGE" "$WORK/kernel" "$WORK/initramfs" "$WORK/busybox"
mkdir -p "$STAGE" "$WORK/kernel" "$WORK/busybox"
log "unpacking ${#LOCKED[@]} packages"
KERNEL_PKG='' KERNEL_VERSION=''
for line in "${LOCKED[@]}"; do
  read -r name version <<<"$line"
  deb=$(deb_of "$name" "$version")
  case $name in
    linux-image-*) KERNEL_PKG=$name KERNEL_VERSION=$version; dpkg-deb -x "$deb" "$WORK/kernel"; continue ;;
    busybox-static) dpkg-deb -x "$deb" "$WORK/busybox"; continue ;;
  esac
  printf '%s\n' "${SKIP_IN_ROOTFS[@]}" | grep -qx "$name" && continue
  dpkg-deb -x "$deb" "$STAGE"
done
[[ -n $KERNEL_PKG ]] || die "packages.lock has no linux-image package"

# Debian 12 is merged-/usr: /bin, /sbin and /lib are links into /usr.
for d in bin sbin lib; do
  if [[ -d $STAGE/$d && ! -L $STAGE/$d ]]; then
    mkdir -p "$STAGE/usr/$d"
    cp -a "$STAGE/$d/." "$STAGE/usr/$d/"
    rm -rf "${STAGE:?}/$d"
  fi
  ln -sfn "usr/$d" "$STAGE/$d"
done

log "trimming"
# Documentation, translations and the files of services that no init starts.
# Copyright notices stay: the image is redistributed.
rm -rf "$STAGE"/usr/share/{man,info,locale,lintian,bug,bash-completion,zsh,fish,gdb,menu,pixmaps,applications,i18n} \
  "$STAGE"/usr/lib/{systemd,udev,tmpfiles.d,sysusers.d} "$STAGE"/etc/{init.d,systemd,cron.d,cron.daily,logrotate.d,rc?.d,default,X11,apparmor.d} \
  "$STAGE"/usr/lib/i386-linux-gnu/gconv "$STAGE"/usr/share/doc-base "$STAGE"/var/cache/* "$STAGE"/var/log/*
# tc's ATM qdisc plug-in needs libatm, which nothing else wants.
rm -f "$STAGE/usr/lib/i386-linux-gnu/tc/q_atm.so"
find "$STAGE/usr/share/doc" -type f ! -name copyright -delete
find "$STAGE/usr/share/doc" -depth -type d -empty -delete
PYLIB=$STAGE/usr/lib/python3.11
rm -rf "$PYLIB"/{test,idlelib,tkinter,turtledemo,ensurepip,lib2to3,pydoc_data,distutils/tests,config-3.11-i386-linux-gnu,venv}
find "$PYLIB" -name __pycache__ -prune -exec rm -rf {} +
find "$PYLIB" -type d -name tests -prune -exec rm -rf {} +

# What maintainer scripts would have made: alternatives and the /bin/sh link.
ln -sfn mawk "$STAGE/usr/bin/awk"
for t in iptables ip6tables; do
  for s in "" -save -restore; do ln -sfn xtables-nft-multi "$STAGE/usr/sbin/$t$s"; done
done
for t in arptables ebtables; do
  for s in "" -save -restore; do ln -sfn "$t-nft$s" "$STAGE/usr/sbin/$t$s"; done
done
ln -sfn dash "$STAGE/usr/bin/sh"
ln -sfn /run "$STAGE/var/run"
ln -sfn /run/lock "$STAGE/var/lock"
mkdir -p "$STAGE"/{proc,sys,dev,run,tmp,mnt,root,var/tmp,var/lib/cni,var/lib/misc,etc/openvswitch,var/log/openvswitch}
chmod 1777 "$STAGE/tmp" "$STAGE/var/tmp"
cp -a "$HERE/rootfs/." "$STAGE/"
chown -R 0:0 "$STAGE/root" "$STAGE/etc" "$STAGE/usr/sbin/lab-init" "$STAGE/usr/sbin/lab-modprobe"
chmod 755 "$STAGE/usr/sbin/lab-init" "$STAGE/usr/sbin/lab-modprobe"
chmod 700 "$STAGE/root"

# Byte-compile the Python standard library with the host's Python of the same
# version (bytecode does not depend on the CPU): importing from source would
# compile on every start inside the emulator. The hash-based .pyc files are
# checked against nothing, so the image's timestamps do not matter.
if command -v python3.11 >/dev/null && [[ $(python3.11 -c 'import sys; print(sys.implementation.cache_tag)') == cpython-311 ]]; then
  log "byte-compiling the Python standard library"
  python3.11 -m compileall -q -j 2 --invalidation-mode unchecked-hash -d /usr/lib/python3.11 "$PYLIB" >/dev/null \
    || die "compileall failed"
else
  log "note: no host python3.11, the image's Python will compile its modules at each start"
fi

# --- kernel modules: the labs' set and its dependencies
KREL=$(basename "$(ls -d "$WORK"/kernel/lib/modules/*)")
KMOD=$WORK/kernel/lib/modules/$KREL
log "kernel $KREL: selecting modules"
depmod -b "$WORK/kernel" "$KREL"
wanted=()
for m in "${MODULE_DIRS[@]}"; do
  [[ -e $KMOD/$m ]] || die "module path $m is not in kernel $KREL"
  while IFS= read -r f; do wanted+=("${f#"$KMOD"/}"); done < <(find "$KMOD/$m" -name '*.ko')
done
# modules.dep: "path: dep dep ...", all relative to the modules directory.
closure() {
  awk -v list="$*" '
    BEGIN { n = split(list, w, " "); for (i = 1; i <= n; i++) want[w[i]] = 1 }
    { sub(":", "", $1); deps[$1] = ""; for (i = 2; i <= NF; i++) deps[$1] = deps[$1] " " $i }
    END {
      changed = 1
      while (changed) { changed = 0
        for (m in want) { k = split(deps[m], d, " "); for (i = 1; i <= k; i++) if (!(d[i] in want)) { want[d[i]] = 1; changed = 1 } } }
      for (m in want) print m
    }' "$KMOD/modules.dep"
}
DEST_KMOD=$STAGE/usr/lib/modules/$KREL
mkdir -p "$DEST_KMOD"
closure "${wanted[@]}" | while IFS= read -r rel; do
  install -D -m 644 "$KMOD/$rel" "$DEST_KMOD/$rel"
done
cp "$KMOD"/modules.{order,builtin,builtin.modinfo} "$DEST_KMOD/"
depmod -b "$STAGE" "$KREL"
MODULE_COUNT=$(find "$DEST_KMOD" -name '*.ko' | wc -l)

# --- every program finds its libraries (and the linker cache says where)
log "checking shared libraries"
ldconfig -r "$STAGE" 2>/dev/null || die "ldconfig -r failed"
missing_libs=$(find "$STAGE/usr" -type f \( -perm -u+x -o -name '*.so*' \) -print0 \
  | xargs -0 sh -c 'readelf -d "$@" 2>/dev/null; true' readelf \
  | awk '/^File: /{f=$2} /\(NEEDED\)/{gsub(/[\[\]]/, "", $5); print f, $5}' \
  | while read -r file lib; do
      [[ -e $STAGE/usr/lib/i386-linux-gnu/$lib || -e $STAGE/usr/lib/$lib || -e $(dirname "$file")/$lib ]] \
        || echo "${file#"$STAGE"} needs $lib"
    done | sort -u)
[[ -z $missing_libs ]] || die "libraries missing from the image (add their packages, or remove the programs):
$missing_libs"

# --- initramfs: busybox, the virtio and 9p modules, our init
log "building the initramfs"
INITRAMFS=$WORK/initramfs
mkdir -p "$INITRAMFS"/{bin,dev,lib/modules,proc,root,sys}
cp "$WORK/busybox/bin/busybox" "$INITRAMFS/bin/busybox"
mknod -m 600 "$INITRAMFS/dev/console" c 5 1
# modules.dep lists dependencies deepest last: loading in reverse order of a
# depth-first walk puts every dependency before its users.
load_order=()
visit() {
  local rel=$1 dep
  [[ " ${load_order[*]} " == *" $rel "* ]] && return
  # modules.dep names paths without spaces, so word splitting is what is wanted.
  # shellcheck disable=SC2013
  for dep in $(awk -v m="$rel:" '$1 == m { $1 = ""; print }' "$KMOD/modules.dep"); do visit "$dep"; done
  load_order+=("$rel")
}
for m in "${INITRAMFS_MODULES[@]}"; do
  rel=$(awk -v n="/$m.ko:" 'index($1, n) { sub(":", "", $1); print $1 }' "$KMOD/modules.dep" | head -n1)
  [[ -n $rel ]] || die "initramfs module $m is not in kernel $KREL"
  visit "$rel"
done
names=()
for rel in "${load_order[@]}"; do
  cp "$KMOD/$rel" "$INITRAMFS/lib/modules/"
  names+=("$(basename "$rel" .ko)")
done
sed -e "s/@MODULES@/${names[*]}/" -e "s/@MSIZE@/$MSIZE/" "$HERE/initramfs-init.sh" >"$INITRAMFS/init"
chmod 755 "$INITRAMFS/init"
find "$INITRAMFS" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# --- output
log "writing $OUT"
mkdir -p "$OUT/boot" "$OUT/bios"
(cd "$INITRAMFS" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc -R 0:0 --reproducible --quiet) \
  | zstd -q -19 -f -o "$OUT/boot/initrd.img"
cp "$WORK/kernel/boot/vmlinuz-$KREL" "$OUT/boot/vmlinuz"
cp "$SEABIOS/bios-256k.bin" "$OUT/bios/seabios.bin"
cp "$SEABIOS/vgabios-stdvga.bin" "$OUT/bios/vgabios.bin"

"$TSX" "$HERE/pack.ts" \
  --stage "$STAGE" --out "$OUT" --lock "$LOCK" --debs "$WORK/debs" \
  --kernel-package "$KERNEL_PKG" --kernel-version "$KERNEL_VERSION" --kernel-release "$KREL" \
  --modules "$MODULE_COUNT" --mtime "$SOURCE_DATE_EPOCH" --cmdline "$CMDLINE" \
  --inputs-key "$INPUTS_KEY" --suite "$SUITE" --skipped "${SKIP_IN_ROOTFS[*]}"
log "done: $OUT"
