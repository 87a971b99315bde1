# syntax=docker/dockerfile:1
# The API image (docker-compose.yml builds it). Two stages: `build` compiles with the dev dependencies,
# the final one holds production dependencies and dist/ only, runs as the non-root `node` user, and keeps
# the SQLite data directory (/app/data) on a volume. scripts/check-dockerfile-stages.mjs replays these steps
# where no Docker engine runs. RUN commands use paths relative to WORKDIR so that replay can run them.

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source (no prebuilt binary is downloaded)
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY sdk/package.json sdk/
COPY cli/package.json cli/
# the root's prepare builds the SDK and the CLI, whose sources are not copied yet (and the API needs neither)
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY entities entities
COPY resolvers resolvers
COPY migrations migrations
COPY scripts scripts
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY sdk/package.json sdk/
COPY cli/package.json cli/
# production dependencies only; better-sqlite3's native module comes compiled from the build stage
# (same lock file, same version), so this stage needs no compiler; npm's cache stays out of the image (a cache mount)
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node node_modules/better-sqlite3/build/Release/
COPY --from=build /app/dist dist
# the embedded SQLite database, the JWT key file and the vault keyring default to ./data
RUN mkdir -p data && chown node:node data
VOLUME /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM reaches the server, which drains and exits 0
CMD ["node", "dist/src/main.js"]
