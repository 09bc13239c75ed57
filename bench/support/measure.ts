/** Runs one measurement in a child process (bench/support/measure-child.ts) and returns its figures. */
import { fork } from 'node:child_process';
import type { ChannelConnection } from '../../src/adapters/adapter.ts';

export interface MeasureRequest {
  task: 'read-only' | 'write-only' | 'import';
  kind: string;
  db: 'pglite' | 'postgres';
  customers: number;
  connection: ChannelConnection;
}

export interface MeasureResult {
  seconds: {
    readOnly?: number;
    writeOnly?: number;
    firstImport?: number;
    reimport?: number;
    lastTransfer?: number;
  };
  /** CPU time of the measuring process (with PGlite: the database's too), user and system. */
  cpuSeconds?: { writeOnly?: number };
  /** Records read (the first import's, for an import). */
  records: number;
  /** Records the Last transfer read (after 1% changed). */
  lastTransferRead?: number;
  /** Peak resident memory of the measuring process. */
  maxRssBytes: number;
  writeOnlyModule?: string;
}

/** `change`: what the child asks for between the re-import and the Last transfer. */
export function measureInChild(
  request: MeasureRequest,
  change: (count: number) => Promise<unknown>,
): Promise<MeasureResult> {
  const child = fork(new URL('./measure-child.ts', import.meta.url), [JSON.stringify(request)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.on('message', (message: { change?: number; result?: MeasureResult; error?: string }) => {
      if (message.change !== undefined) {
        void change(message.change).then(() => child.send({ changed: true }));
      } else if (message.result) {
        settled = true;
        resolve(message.result);
      } else if (message.error) {
        settled = true;
        reject(new Error(message.error));
      }
    });
    child.on('exit', (code) => {
      if (!settled)
        reject(new Error(`measurement ${request.task} ${request.kind} exited (${code}) without a result`));
    });
  });
}
