# briefbot in a container: `docker build -t briefbot .`, then e.g.
#   docker run -e DISCORD_TOKEN -v briefbot-data:/data briefbot
# No secret is baked in: tokens come from the environment at run time only.
# Build stage: the wheel (with the shipped config and example brief) and the pinned wheels.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml setup.py MANIFEST.in README.md constraints.txt ./
COPY bot ./bot
COPY config ./config
COPY briefs ./briefs
RUN pip wheel --no-cache-dir --constraint constraints.txt --wheel-dir /wheels ".[postgres]"

# Run stage: no compiler, no source, a non-root user; everything the bot writes (the store,
# the Discord command-sync state) goes to the /data volume.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    BRIEFBOT_LOG_FORMAT=json \
    BRIEFBOT_HEALTH_PORT=8080 \
    BRIEFBOT_DATA_DIR=/data \
    DATABASE_URL=sqlite:////data/briefbot.sqlite3
COPY --from=build /wheels /wheels
# The wheels folder holds only the set pinned by constraints.txt, installed with --no-index.
# hadolint ignore=DL3013
RUN pip install --no-cache-dir --no-index --find-links /wheels "briefbot[postgres]" \
    && rm -rf /wheels \
    && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home briefbot \
    && mkdir -p /data \
    && chown briefbot:briefbot /data \
    && briefbot init /app
# /app holds the config and briefs (read-only for the bot): mount your own over
# /app/config and /app/briefs, or point BRIEFBOT_CONFIG / BRIEFBOT_BRIEFS_DIR into /data.
WORKDIR /app
VOLUME ["/data"]
USER 10001:10001
# 3000: Slack's HTTP mode (PORT); 8080: /healthz, /readyz, /metrics in the other modes.
EXPOSE 3000 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["briefbot", "healthcheck"]
# Without platform tokens `briefbot run` exits non-zero: a container never looks healthy
# while no schedule runs.
CMD ["briefbot", "run"]
