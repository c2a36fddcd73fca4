#!/usr/bin/env bash
# Installs Debian's redis-server and nginx for `npm run demo:cluster` and the cluster tests when they
# are missing. Only the programs are wanted: we run our own instances on our own ports, with our own
# configuration and directories, so the packages' system services are not started on install.
set -euo pipefail
missing=()
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "redis-server and nginx are needed (missing: ${missing[*]}); install them with your system's packages" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "installing ${missing[*]} needs root: run as root, or install sudo" >&2
    exit 1
  fi
  sudo="sudo"
fi
# Debian's maintainer scripts ask policy-rc.d whether they may start a service; exit 101 says no.
# Put one in place only for this install, and only where the machine has none of its own.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  trap '$sudo rm -f "$policy"' EXIT
fi
echo "installing Debian's ${missing[*]} for the cluster (their system services stay stopped)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
/usr/bin/redis-server --version
/usr/sbin/nginx -v
