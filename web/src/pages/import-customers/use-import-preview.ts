/**
 * A preview of Import customers as the dialog shows it: opened with the Application settings, read on by
 * [Read more], cancelled by [Cancel] (the request is aborted, so the server stops reading the shop, and the
 * open preview is given up). Unmounting cancels too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportSettings } from '../../api/jobs.ts';
import {
  cancelPreview,
  nextPreview,
  type PreviewPage,
  type PreviewRecord,
  startPreview,
} from '../../api/preview.ts';

/** Records per request. */
export const PREVIEW_CHUNK = 100;

export interface ImportPreviewState {
  counts: PreviewPage['counts'] | null;
  records: PreviewRecord[];
  emailsNotFound: string[];
  done: boolean;
  loading: boolean;
  cancelled: boolean;
  error: unknown;
  readMore: () => void;
  cancel: () => void;
}

export function useImportPreview(application: ImportSettings): ImportPreviewState {
  const [page, setPage] = useState<PreviewPage | null>(null);
  const [records, setRecords] = useState<PreviewRecord[]>([]);
  const [loading, setLoading] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const openId = useRef<string | null>(null);

  const load = useCallback(async (work: (signal: AbortSignal) => Promise<PreviewPage>) => {
    const abort = new AbortController();
    controller.current = abort;
    setLoading(true);
    setError(null);
    try {
      const next = await work(abort.signal);
      openId.current = next.id;
      setPage(next);
      setRecords((current) => [...current, ...next.records]);
    } catch (caught) {
      if (!abort.signal.aborted) setError(caught);
    } finally {
      // A request cancelled (or replaced) meanwhile does not end the loading of the one after it.
      if (controller.current === abort) {
        controller.current = null;
        setLoading(false);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    const id = openId.current;
    openId.current = null;
    if (id) void cancelPreview(id).catch(() => {});
    setCancelled(true);
    setLoading(false);
  }, []);

  useEffect(() => {
    setCancelled(false);
    void load((signal) => startPreview(application, PREVIEW_CHUNK, signal));
    return cancel;
  }, [application, load, cancel]);

  const readMore = useCallback(() => {
    const id = openId.current;
    if (id) void load((signal) => nextPreview(id, PREVIEW_CHUNK, signal));
  }, [load]);

  return {
    counts: page?.counts ?? null,
    records,
    emailsNotFound: page?.emailsNotFound ?? [],
    done: page?.done === true,
    loading,
    cancelled,
    error,
    readMore,
    cancel,
  };
}
