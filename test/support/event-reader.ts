/** Test support: reading a text/event-stream (GET /api/events) over fetch. */

/** Reads a text/event-stream response chunk by chunk. */
export function eventReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    text: () => text,
    /** Reads until the text holds `needle` (or the stream ends); false when it ended without. */
    async until(needle: string, timeoutMs = 10_000): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!text.includes(needle)) {
        const next = await Promise.race([
          reader.read(),
          new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), deadline - Date.now())),
        ]);
        if (next === 'timeout') throw new Error(`no "${needle}" in ${timeoutMs} ms; got: ${text}`);
        if (next.done) return false;
        text += decoder.decode(next.value, { stream: true });
      }
      return true;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
