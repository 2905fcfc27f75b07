#!/usr/bin/env bash
# Builds the small Java runtime the llmq image ships: exactly the JDK modules the jar needs
# (found by jdeps), plus TLS elliptic curves and the Chinese locale data.
# Used by the Dockerfile and by .ci/run (which checks that the jar runs on it), so both agree.
#   usage: docker/build-runtime.sh JAR OUTPUT_DIR
set -euo pipefail
jar="$1"
out="$2"
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
rm -rf "$out"
jlink --add-modules "$modules,jdk.crypto.ec,jdk.localedata,java.management" \
      --include-locales en,zh \
      --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
      --output "$out"
echo "runtime: $modules,jdk.crypto.ec,jdk.localedata,java.management -> $out ($(du -sh "$out" | cut -f1))"
