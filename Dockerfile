# syntax=docker/dockerfile:1.7
# llmq: build with Maven, then run on a jlink-ed Java runtime on Debian slim, as a non-root user.
#   docker build -t llmq .
#   docker run --rm -e DISCORD_TOKEN=... -v llmq-data:/data -p 8080:8080 llmq
# The build steps are the ones CI runs: the ./llmq script's package command, and
# docker/build-runtime.sh (CI builds the same runtime and runs the jar on it). The runtime
# carries the JDK's class-data-sharing archive, which shortens the start.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
# The Maven repository is a build cache: dependencies are downloaded once, not on every change.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -DskipTests -pl bot-app -am package
RUN bash docker/build-runtime.sh bot-app/target/llmq.jar /opt/jre

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin llmq \
    && mkdir -p /data /app && chown llmq:llmq /data
COPY --from=build /opt/jre /opt/jre
COPY --from=build /src/bot-app/target/llmq.jar /app/llmq.jar
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
ENTRYPOINT ["/opt/jre/bin/java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/llmq.jar"]
CMD ["run"]
