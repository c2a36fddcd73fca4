import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { nginxConfig } from "../../scripts/cluster/nginx-config";
import {
  freePort,
  startFrontier,
  startNginx,
  startRedis,
  stopInOrder,
  type Child,
} from "../../scripts/cluster/processes";
import { copyDemoDatabaseFile } from "./db";

export type ClusterServer = {
  name: string;
  port: number;
  readonly pid: number;
  /** Sends `signal` (SIGKILL for a crash) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
};

export type Cluster = {
  /** nginx, the address clients use. */
  readonly url: string;
  readonly servers: ClusterServer[];
  readonly dbFile: string;
  /** The REDIS_URL every process was given. */
  readonly redisUrl: string;
  redis: { stop(): Promise<void>; start(): Promise<void> };
  stop(): Promise<void>;
};

/**
 * redis-server, `count` server processes over one copy of the demo database, and nginx in front,
 * as `npm run demo:cluster` runs them, for the current test file; everything stops in afterAll.
 */
export function clusterForThisFile(count = 2): Cluster {
  const children: { redis?: Child; nginx?: Child; servers: Array<Child | undefined> } = { servers: [] };
  let dir = "";
  let file = "";
  let url = "";
  let redisUrl = "";
  const servers: ClusterServer[] = [];
  const stopAll = async () => {
    await stopInOrder([children.nginx, ...children.servers, children.redis], 5_000);
    children.nginx = undefined;
    children.redis = undefined;
    children.servers = [];
  };
  beforeAll(async () => {
    ({ file, dir } = copyDemoDatabaseFile());
    const redisPort = await freePort();
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    const startRedisHere = async () => {
      children.redis = await startRedis(path.join(dir, "redis"), redisPort);
    };
    await startRedisHere();
    const nginxPort = await freePort();
    url = `http://127.0.0.1:${nginxPort}`;
    const secret = crypto.randomBytes(32).toString("base64url");
    for (let i = 0; i < count; i++) {
      const name = String.fromCharCode(97 + i);
      const port = await freePort();
      const env = { port, redisUrl: `redis://127.0.0.1:${redisPort}`, databasePath: file, publicUrl: url };
      const boot = async () => {
        children.servers[i] = await startFrontier(name, { ...env, sessionSecret: secret });
      };
      // One after the other, as the demo does: the first one has opened (and migrated) the database.
      await boot();
      servers.push({
        name,
        port,
        get pid() {
          return children.servers[i]?.child.pid ?? -1;
        },
        kill: async (signal = "SIGTERM") => {
          await children.servers[i]?.stop(signal);
        },
        restart: boot,
      });
    }
    const config = nginxConfig({
      listenPort: nginxPort,
      backends: servers,
      tempDir: path.join(dir, "nginx"),
      errorLog: "stderr",
    });
    children.nginx = await startNginx(path.join(dir, "nginx"), config, nginxPort);
    cluster.redis.start = startRedisHere;
  }, 180_000);
  afterAll(async () => {
    await stopAll();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  const cluster: Cluster = {
    get url() {
      return url;
    },
    servers,
    get dbFile() {
      return file;
    },
    get redisUrl() {
      return redisUrl;
    },
    redis: {
      stop: async () => {
        await children.redis?.stop("SIGTERM");
      },
      start: async () => {
        throw new Error("the cluster has not started yet");
      },
    },
    stop: stopAll,
  };
  return cluster;
}
