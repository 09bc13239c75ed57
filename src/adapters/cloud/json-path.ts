/**
 * The small path language of the Cloud mapping: dot-separated keys into an item ("company.vatId"), a
 * number indexes a list ("phones.0"), "[]" after a key spreads a list ("phoneNumbers[].number"). A
 * boolean field may compare: "kind=billing" is true when the value at "kind" is "billing" (ignoring case).
 */

export interface JsonPath {
  /** The path as written. */
  text: string;
  segments: ReadonlyArray<{ key: string; spread: boolean }>;
  /** For "path=value": the value compared with. */
  equals: string | null;
}

const SEGMENT = /^[^.[\]=\s]+(\[\])?$/;

/** Parses a path; returns a reason (for the settings error) when it is not one. */
export function parsePath(text: string, options: { comparison: boolean }): JsonPath | string {
  const [path, ...rest] = text.split('=');
  const equals = rest.length === 0 ? null : rest.join('=');
  if (equals !== null && !options.comparison)
    return 'a comparison ("=") is only allowed for guest and the default flags';
  const parts = (path as string).trim().split('.');
  if (parts.some((part) => !SEGMENT.test(part)))
    return 'a path is keys separated by dots, e.g. "company.vatId" or "phones[].number"';
  return {
    text,
    segments: parts.map((part) => ({ key: part.replace(/\[\]$/, ''), spread: part.endsWith('[]') })),
    equals,
  };
}

/** Every value the path reaches in `item` (several after a "[]"; none when a key is missing). */
export function resolvePath(item: unknown, path: JsonPath): unknown[] {
  let values: unknown[] = [item];
  for (const { key, spread } of path.segments) {
    const next: unknown[] = [];
    for (const value of values) {
      const child = childOf(value, key);
      if (child === undefined || child === null) continue;
      if (spread && Array.isArray(child)) next.push(...child);
      else next.push(child);
    }
    values = next;
  }
  return values;
}

function childOf(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  if (typeof value === 'object' && value !== null) return (value as Record<string, unknown>)[key];
  return undefined;
}
