# syntax=docker/dockerfile:1
# One image for every process of dti-graph (gateway, subgraphs, simulators, development identity
# provider): the command picks which. Node 24 runs the TypeScript sources directly.
#
#   docker build -t dti-graph .
#   docker run --rm -p 4000:4000 dti-graph            # the gateway alone (needs its subgraphs)
#   docker compose up                                 # the whole topology (docker-compose.yml)

# --- build: every dependency, the web workspace built into web/dist, then dev dependencies pruned.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: `prepare` (web:build) needs the sources, and runs below.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run web:build \
 && npm prune --omit=dev --no-audit --no-fund --ignore-scripts

# --- runtime: production dependencies, the sources Node runs, the built workspace; not root.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
COPY --from=build /app/gateway ./gateway
COPY --from=build /app/subgraphs ./subgraphs
COPY --from=build /app/simulators ./simulators
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/schema ./schema
COPY --from=build /app/data ./data
COPY --from=build /app/web/dist ./web/dist
# What the processes write: the audit log, the embedded submissions store (when no DATABASE_URL),
# loaded catalogue versions, the development provider's state. Owned by the unprivileged user.
RUN mkdir -p data/audit data/submissions data/catalogue-versions .identity \
 && chown -R node:node data/audit data/submissions data/catalogue-versions .identity
USER node
# glibc malloc as the launcher sets it for its children (lib/launcher/index.ts): two arenas and a
# fixed mmap threshold, so memory comes back after a burst.
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
EXPOSE 4000
# Health: each service's own route (gateway and subgraphs /health/live and /health/ready,
# simulators /_sim/health), probed by the orchestrator: see docker-compose.yml, deploy/kubernetes/.
# Node options as lib/topology GATEWAY.nodeArgs (a young generation capped at 8 MB per semi-space: peak RSS).
CMD ["node", "--max-semi-space-size=8", "gateway/main.ts"]
