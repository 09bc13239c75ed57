/** Exit codes of `kontor` (DESIGN.md section 5). */
export const EXIT = {
  /** Done; an import run finished without errors (warnings allowed). */
  ok: 0,
  /** An import run finished with errors or failed; a channel test failed. */
  failed: 1,
  /** Invalid input: a one-line reason on stderr. */
  invalidInput: 2,
} as const;
