# Finds a JDK 21 or newer and exports it as JAVA_HOME; sourced by ./mvnw and ./polis.
# Order: POLIS_JAVA_HOME, JAVA_HOME, the java on PATH, then the usual install folders.
# Leaves the environment untouched when the current choice is already 21+.

polis_java_feature() {
  # Prints the feature release (17, 21, 25, ...) of the java binary in $1, or nothing.
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

polis_find_jdk() {
  candidates=""
  [ -n "${POLIS_JAVA_HOME-}" ] && candidates="$POLIS_JAVA_HOME"
  [ -n "${JAVA_HOME-}" ] && candidates="$candidates
$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    on_path=$(readlink -f "$(command -v java)" 2>/dev/null || true)
    [ -n "$on_path" ] && candidates="$candidates
${on_path%/bin/java}"
  fi
  case $- in *f*) restore_f=1 ;; *) restore_f=0 ;; esac
  set +f
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates="$candidates
$dir"
  done
  [ "$restore_f" = 1 ] && set -f
  best=""
  best_feature=0
  old_ifs=$IFS
  IFS='
'
  for dir in $candidates; do
    [ -n "$dir" ] || continue
    [ -x "$dir/bin/javac" ] || continue
    feature=$(polis_java_feature "$dir")
    [ -n "$feature" ] || continue
    if [ "$feature" -ge 21 ]; then
      # The first explicit choice that qualifies wins; among scanned folders the newest wins.
      if [ "$dir" = "${POLIS_JAVA_HOME-}" ] || [ "$dir" = "${JAVA_HOME-}" ]; then
        best="$dir"; best_feature=$feature; break
      fi
      if [ "$feature" -gt "$best_feature" ]; then
        best="$dir"; best_feature=$feature
      fi
    fi
  done
  IFS=$old_ifs
  if [ -z "$best" ]; then
    echo "Polis needs a JDK 21 or newer (javac included) and found none." >&2
    echo "Looked at POLIS_JAVA_HOME, JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt and ~/.sdkman." >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set POLIS_JAVA_HOME to its folder." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

polis_find_jdk || exit 1
