#!/usr/bin/env bash
# "Install poolcheck" step of action.yml: makes a poolcheck distribution available and writes its
# folder to the step output `home`. Inputs (environment):
#   POOLCHECK_DISTRIBUTION  an archive (.tar.gz, .zip) or unpacked folder to use; else downloaded
#   POOLCHECK_VERSION       the release to download (0.1.0); else taken from POOLCHECK_ACTION_REF
#   POOLCHECK_ACTION_REF    the ref the action is used at (v0.1.0)
#   POOLCHECK_RELEASES      where releases are downloaded from (tests point it at a folder)
# The download is checked against the release's SHA-256 sums before it is unpacked.
set -euo pipefail

dest="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/poolcheck-action"
releases="${POOLCHECK_RELEASES:-https://github.com/poolcheck/poolcheck/releases/download}"
mkdir -p "$dest"

unpack() { # archive -> prints the unpacked poolcheck-VERSION folder
  local archive="$1" into
  into="$(mktemp -d "$dest/unpacked.XXXXXX")"
  case "$archive" in
    *.tar.gz | *.tgz) tar -xzf "$archive" -C "$into" ;;
    *.zip) unzip -q "$archive" -d "$into" ;;
    *)
      echo "poolcheck action: '$archive' is neither a .tar.gz nor a .zip archive" >&2
      exit 2
      ;;
  esac
  find "$into" -mindepth 1 -maxdepth 1 -type d -name 'poolcheck-*' | head -n 1
}

if [ -n "${POOLCHECK_DISTRIBUTION:-}" ]; then
  if [ -d "$POOLCHECK_DISTRIBUTION" ]; then
    home="$(cd "$POOLCHECK_DISTRIBUTION" && pwd)"
  elif [ -f "$POOLCHECK_DISTRIBUTION" ]; then
    home="$(unpack "$POOLCHECK_DISTRIBUTION")"
  else
    echo "poolcheck action: distribution '$POOLCHECK_DISTRIBUTION' does not exist" >&2
    exit 2
  fi
else
  version="${POOLCHECK_VERSION:-}"
  if [ -z "$version" ]; then
    case "${POOLCHECK_ACTION_REF:-}" in
      v[0-9]*.[0-9]*.[0-9]*) version="${POOLCHECK_ACTION_REF#v}" ;;
      *)
        echo "poolcheck action: used at '${POOLCHECK_ACTION_REF:-}', which is not a release tag;" \
          "set the input version (for example 0.1.0)" >&2
        exit 2
        ;;
    esac
  fi
  name="poolcheck-$version"
  (
    cd "$dest"
    for file in "$name.tar.gz" "$name.sha256sums"; do
      case "$releases" in
        http://* | https://*) curl -fsSL --retry 3 -o "$file" "$releases/v$version/$file" ;;
        *) cp "$releases/v$version/$file" "$file" ;;
      esac
    done
    grep " $name.tar.gz\$" "$name.sha256sums" | sha256sum -c --quiet -
  )
  home="$(unpack "$dest/$name.tar.gz")"
fi

if [ -z "$home" ] || [ ! -x "$home/bin/poolcheck" ]; then
  echo "poolcheck action: no bin/poolcheck in the distribution ('$home')" >&2
  exit 2
fi
echo "poolcheck action: using $home"
echo "home=$home" >>"$GITHUB_OUTPUT"
