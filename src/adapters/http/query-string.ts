/**
 * PHP-style query strings with bracket keys, as PHP shops (Magento, Shopware, OXID) read them:
 * `{ searchCriteria: { filter_groups: [{ filters: [{ field: 'email' }] }] } }` <->
 * `searchCriteria[filter_groups][0][filters][0][field]=email`.
 */
export type QueryScalar = string | number | boolean;
export type QueryValue =
  | QueryScalar
  | null
  | undefined
  | readonly QueryValue[]
  | { readonly [key: string]: QueryValue };

/** A parsed query: nested objects; arrays appear as objects with the keys "0", "1", ... (as PHP has them). */
export interface ParsedQuery {
  [key: string]: string | ParsedQuery;
}

/**
 * Builds the query string (without "?") for nested parameters. Arrays get their index as key, null and
 * undefined are left out, booleans become 1 / 0 (as PHP's http_build_query does). Keys and values are
 * percent-encoded, brackets included.
 */
export function buildQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) appendPairs(pairs, key, value);
  return pairs.join('&');
}

function appendPairs(pairs: string[], key: string, value: QueryValue): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item: QueryValue, index: number) => {
      appendPairs(pairs, `${key}[${index}]`, item);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [child, item] of Object.entries(value as Record<string, QueryValue>)) {
      appendPairs(pairs, `${key}[${child}]`, item);
    }
    return;
  }
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
}

/**
 * Parses a query string the way PHP fills $_GET: `a[b][0]=x` becomes `{ a: { b: { 0: 'x' } } }`; `a[]=x`
 * appends with the next numeric key; a later plain value replaces an earlier one of the same key.
 */
export function parsePhpQuery(query: string | URLSearchParams): ParsedQuery {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const root: ParsedQuery = {};
  for (const [rawKey, value] of params) {
    const path = keyPath(rawKey);
    if (path.length === 0) continue;
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const last = i === path.length - 1;
      const segment = path[i] === '' ? String(nextIndex(node)) : (path[i] as string);
      if (last) {
        node[segment] = value;
        break;
      }
      const child = node[segment];
      if (typeof child === 'object') {
        node = child;
      } else {
        const created: ParsedQuery = {};
        node[segment] = created;
        node = created;
      }
    }
  }
  return root;
}

/** `a[b][c]` -> ['a', 'b', 'c']; a key without brackets is one segment; an unclosed bracket ends the path. */
function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return key === '' ? [] : [key];
  const path = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) break;
    path.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
  }
  return path;
}

function nextIndex(node: ParsedQuery): number {
  let next = 0;
  for (const key of Object.keys(node)) {
    if (/^\d+$/.test(key)) next = Math.max(next, Number(key) + 1);
  }
  return next;
}
