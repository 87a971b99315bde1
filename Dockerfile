# The API image used by docker-compose.yml. better-sqlite3 compiles from source here too.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY sdk/package.json sdk/
COPY cli/package.json cli/
# the root's prepare builds the SDK and the CLI, whose sources are not copied yet (and the API needs neither):
# skip the scripts, then run the one install script the API needs
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY . .
EXPOSE 4000
CMD ["npm", "start"]
