/**
 * Ctrl+C (or SIGTERM) during a long command stops it cleanly: the first signal aborts the work through
 * an AbortSignal (an import ends after its current page, keeping what it committed); a second one exits.
 */
export async function withInterrupt<T>(
  work: (signal: AbortSignal) => Promise<T>,
  onFirst?: () => void,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    onFirst?.();
    controller.abort(new Error('stopped by the user'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
