/**
 * The previews the API keeps open between the pages a client asks for: by a random id, for the user who
 * opened it, closed when it is read to the end, cancelled, or left alone for IDLE_MS. In this process only
 * (a client continues a preview on the API server that opened it).
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../domain/errors.ts';
import type { ImportCustomersSettings } from './import-settings.ts';
import type { ImportPreview, PreviewChunk, PreviewService } from './preview-service.ts';

const IDLE_MS = 10 * 60_000;
/** Open previews per process; opening one more cancels the one idle longest. */
const MAX_OPEN = 20;

interface Session {
  owner: string;
  preview: ImportPreview;
  usedAt: number;
}

export interface PreviewPage extends PreviewChunk {
  /** Pass to `next` for the following records; null once done. */
  id: string | null;
}

export class PreviewSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly previews: PreviewService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a preview and gives its first `limit` records. */
  async open(
    owner: string,
    settings: ImportCustomersSettings,
    limit: number,
    signal?: AbortSignal,
  ): Promise<PreviewPage> {
    this.sweep();
    const preview = await this.previews.open(settings);
    const id = randomUUID();
    this.sessions.set(id, { owner, preview, usedAt: this.now() });
    return await this.page(id, limit, signal);
  }

  /** The next `limit` records of an open preview of this user. */
  async next(owner: string, id: string, limit: number, signal?: AbortSignal): Promise<PreviewPage> {
    this.sweep();
    const session = this.sessions.get(id);
    if (!session || session.owner !== owner) throw new NotFoundError('Preview', id);
    session.usedAt = this.now();
    return await this.page(id, limit, signal);
  }

  /** Cancels an open preview of this user (false: none such). */
  cancel(owner: string, id: string): boolean {
    const session = this.sessions.get(id);
    if (!session || session.owner !== owner) return false;
    this.drop(id);
    return true;
  }

  private async page(id: string, limit: number, signal?: AbortSignal): Promise<PreviewPage> {
    const session = this.sessions.get(id) as Session;
    try {
      const chunk = await session.preview.next(limit, signal);
      if (chunk.done) this.drop(id);
      return { ...chunk, id: chunk.done ? null : id };
    } catch (error) {
      this.drop(id);
      throw error;
    }
  }

  private drop(id: string): void {
    this.sessions.get(id)?.preview.close();
    this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (now - session.usedAt > IDLE_MS) this.drop(id);
    while (this.sessions.size >= MAX_OPEN) {
      const [oldest] = [...this.sessions].sort((a, b) => a[1].usedAt - b[1].usedAt);
      if (oldest) this.drop(oldest[0]);
    }
  }
}
