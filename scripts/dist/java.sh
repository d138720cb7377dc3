# shellcheck shell=bash
# dist/java: the jar with the native library in JNA's folders
# (linux-x86-64/, win32-x86-64/, win32-x86/), so a program needs this jar
# and JNA's and nothing else; the -sources and -javadoc jars; the pom.

dist_java() {
    dist_fresh java
    local pom="$SB_ROOT/bindings/java/pom.xml" version natives="$STAGE/java/natives" build="$STAGE/java/build"
    version=$(sed -n '0,/<artifactId>smartbill-signup<\/artifactId>/d; s|^  <version>\(.*\)</version>$|\1|p' "$pom" | head -n 1)
    [ "$version" = "$SB_VERSION" ] || dist_die "bindings/java/pom.xml has version '$version', Cargo.toml $SB_VERSION"
    command -v mvn >/dev/null || ensure_apt maven
    mkdir -p "$natives/linux-x86-64"
    cp "$LINUX_SO" "$natives/linux-x86-64/libsmartbill_signup.so"
    if [ "$WINDOWS" = yes ]; then
        mkdir -p "$natives/win32-x86-64" "$natives/win32-x86"
        cp "$WIN64_DIR/smartbill_signup.dll" "$natives/win32-x86-64/"
        cp "$WIN32_DIR/smartbill_signup.dll" "$natives/win32-x86/"
    fi
    # Tests are the suite's job (bindings/java/run-tests.sh); this builds the jars.
    local log="$STAGE/java/mvn.log"
    (cd "$SB_ROOT/bindings/java" && mvn -B -ntp -Dstyle.color=never -Dmaven.test.skip=true \
        -Dsmartbill.build.dir="$build" -Dnatives.dir="$natives" package >"$log" 2>&1) ||
        { tail -n 40 "$log"; dist_die "mvn package failed (the whole log: $log)"; }
    local name="smartbill-signup-$SB_VERSION"
    for suffix in "" -sources -javadoc; do
        cp "$build/$name$suffix.jar" "$DIST/java/$name$suffix.jar"
    done
    cp "$pom" "$DIST/java/$name.pom"
    echo "   $name.jar: $(unzip -Z1 "$DIST/java/$name.jar" | grep -cE '^(linux|win32)-.*/.*smartbill_signup\.(so|dll)$') native libraries"
}
