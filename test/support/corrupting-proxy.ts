/**
 * A proxy between an adapter and its simulator that corrupts the records in the simulator's JSON answers,
 * as a shop with bad data would send them: the k-th record that passes through gets the k-th mutation of
 * the plan (a value of another type, a missing key, odd text), at a path inside the record chosen by the
 * mutation. Keys that the shop's paging depends on (ids, change times) are left alone: a real shop sorts
 * and pages by what it sends, which a proxy cannot imitate. Links to the simulator are rewritten to the
 * proxy, so every page passes through it.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Mutation {
  /** Chooses the path inside the record (modulo the number of paths). */
  pathPick: number;
  /** What the value at the path becomes; `undefined` deletes the key. */
  value: unknown;
}

export interface CorruptingProxy {
  url: string;
  /** How many records were mutated so far. */
  mutated(): number;
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** The simulator's base URL. */
  target: string;
  /** The plan: the k-th record seen gets `mutations[k]`; records after the plan pass unchanged. */
  mutations: readonly Mutation[];
  /** Keys (at any depth of a record) never mutated, nor anything below them. */
  protectedKeys: ReadonlySet<string>;
}

export async function startCorruptingProxy(options: ProxyOptions): Promise<CorruptingProxy> {
  const target = new URL(options.target);
  let seen = 0;
  let mutated = 0;
  const server: Server = createServer((req, res) => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        void readBody(answer).then((raw) => {
          let body = raw;
          const type = String(answer.headers['content-type'] ?? '');
          if (type.includes('json') && raw.length > 0) {
            const text = raw.toString('utf8').replaceAll(target.origin, proxyOrigin());
            try {
              const value = JSON.parse(text) as unknown;
              for (const record of recordsOf(value)) {
                const mutation = options.mutations[seen++];
                if (mutation && mutate(record, mutation, options.protectedKeys)) mutated++;
              }
              body = Buffer.from(JSON.stringify(value));
            } catch {
              body = Buffer.from(text);
            }
          }
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyOrigin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = new URL(target.pathname + target.search, proxyOrigin()).toString().replace(/\/$/, '');
  return {
    url: options.target.endsWith('/') ? `${url}/` : url,
    mutated: () => mutated,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The records of an answer: the objects of the outermost arrays of objects, in document order. */
export function recordsOf(value: unknown): Json[] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isObject)) return value;
    return value.flatMap(recordsOf);
  }
  if (isObject(value)) return Object.values(value).flatMap(recordsOf);
  return [];
}

/** Every path inside a record (keys and array indexes), parents before children, protected keys left out. */
function pathsOf(value: unknown, protectedKeys: ReadonlySet<string>, prefix: Array<string | number> = []) {
  const paths: Array<Array<string | number>> = [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) {
    if (typeof key === 'string' && protectedKeys.has(key)) continue;
    const path = [...prefix, key];
    paths.push(path, ...pathsOf(child, protectedKeys, path));
  }
  return paths;
}

function mutate(record: Json, mutation: Mutation, protectedKeys: ReadonlySet<string>): boolean {
  const paths = pathsOf(record, protectedKeys);
  if (paths.length === 0) return false;
  const path = paths[mutation.pathPick % paths.length] as Array<string | number>;
  let parent: unknown = record;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path.at(-1) as string | number;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (mutation.value === undefined) parent.splice(last, 1);
    else parent[last] = mutation.value;
  } else if (isObject(parent)) {
    if (mutation.value === undefined) delete parent[last as string];
    else parent[last as string] = mutation.value;
  }
  return true;
}
