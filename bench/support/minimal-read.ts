/**
 * The least a client must do to read every customer of a Magento shop: page through
 * GET /rest/all/V1/customers/search by searchCriteria[currentPage] (no filter, no sort order: the shop's
 * entity_id order), parse each page's JSON and discard it. Plain fetch, no Kontor code: what an import of the
 * same shop cannot be faster than on the reading side (bench/cli-import.ts compares the CLI's import with it).
 */

export interface MinimalReadResult {
  seconds: number;
  /** Customers read. */
  records: number;
  pages: number;
}

/** Reads every page of `url` (the simulator's base URL) with the bearer `token`, `pageSize` a page. */
export async function minimalRead(url: string, token: string, pageSize: number): Promise<MinimalReadResult> {
  const started = performance.now();
  const endpoint = new URL('rest/all/V1/customers/search', url.endsWith('/') ? url : `${url}/`);
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  let records = 0;
  let pages = 0;
  for (let page = 1; ; page++) {
    endpoint.search = `searchCriteria[pageSize]=${pageSize}&searchCriteria[currentPage]=${page}`;
    const response = await fetch(endpoint, { headers });
    if (!response.ok) throw new Error(`GET ${endpoint.pathname} page ${page}: HTTP ${response.status}`);
    const body = (await response.json()) as { items: unknown[]; total_count: number };
    records += body.items.length;
    pages += 1;
    if (body.items.length < pageSize || records >= body.total_count) break;
  }
  return { seconds: (performance.now() - started) / 1000, records, pages };
}
