/**
 * A bound on how deeply a JSON request body may nest. Checked on the raw text before it is parsed, in one
 * pass, so a hostile body of many thousand brackets costs a scan of its bytes and never a deep walk.
 */
import { InvalidInputError } from '../domain/errors.ts';

/** No request of the API nests anywhere near this deep (the deepest schema has four levels). */
export const MAX_BODY_DEPTH = 32;

/** The deepest nesting of arrays and objects in `text`, counting brackets outside strings only. */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

/** Throws 400 INVALID_INPUT when the body nests deeper than MAX_BODY_DEPTH. */
export function assertBodyDepth(text: string): void {
  if (jsonDepth(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new InvalidInputError(`The request body must not nest deeper than ${MAX_BODY_DEPTH} levels.`);
  }
}
