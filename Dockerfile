# syntax=docker/dockerfile:1.7
# llmq: build with Maven, then run on a jlink-ed Java runtime on Debian slim, as a non-root user.
#   docker build -t llmq .
#   docker run --rm --memory 512m -e DISCORD_TOKEN=... -v llmq-data:/data -p 8080:8080 llmq
# The build steps are the ones CI runs: the ./llmq script's package command, docker/build-runtime.sh
# (CI builds the same runtime and runs the jar on it) and bin/train-cache, which trains the AOT
# cache the image starts with (Java 25: classes loaded and linked, method profiles) by running
# the jar once against the tests' fake Discord and Slack. The cache holds for that runtime and
# that jar at that path with that size and time, so the jar's time is fixed in both stages.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
# The Maven repository is a build cache: dependencies are downloaded once, not on every change.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -DskipTests -pl bot-app,fakes -am package
RUN bash docker/build-runtime.sh bot-app/target/llmq.jar /opt/jre
RUN mkdir -p /app && cp bot-app/target/llmq.jar /app/llmq.jar && touch -d 2000-01-01T00:00:00Z /app/llmq.jar \
    && FAKES_JAVA="$JAVA_HOME/bin/java" LLMQ_QUESTIONS=/src/questions.yaml \
       LLMQ_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
       bash bin/train-cache /opt/jre/bin/java /app/llmq.jar fakes/target/llmq-fakes.jar /app/llmq.aot

FROM debian:bookworm-slim
# The JDK reads the stats card's fonts (bundled in the jar) only with the fontconfig library present;
# without it Font.createFont fails and /llmq stats answers in words. It needs no font installed.
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin llmq \
    && mkdir -p /data /app && chown llmq:llmq /data
COPY --from=build /opt/jre /opt/jre
COPY --from=build /app/llmq.jar /app/llmq.aot /app/
# the time the cache was trained with; AOTMode=on fails the build if this runtime would not use it
RUN touch -d 2000-01-01T00:00:00Z /app/llmq.jar \
    && /opt/jre/bin/java -XX:AOTMode=on -XX:AOTCache=/app/llmq.aot -jar /app/llmq.jar --version
# The bank: mount your own over it (-v ./questions.yaml:/app/questions.yaml:ro); it is reloaded
# when it changes, and an invalid change is refused while the old bank keeps serving.
COPY questions.yaml /app/questions.yaml
ENV LLMQ_QUESTIONS=/app/questions.yaml \
    LLMQ_DB_URL=jdbc:sqlite:/data/llmq.db \
    LLMQ_HTTP_PORT=8080
VOLUME /data
WORKDIR /data
USER llmq
EXPOSE 8080
# No curl in the image: bash's /dev/tcp asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${LLMQ_HTTP_PORT:-8080} && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/jre/bin/java", "-XX:AOTCache=/app/llmq.aot", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/llmq.jar"]
CMD ["run"]
