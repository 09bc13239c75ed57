/** The settings every paged adapter reads (kit/settings.ts: `pageSizeField`, `readPageSize`, `readRequestsPerSecond`). */
export interface PagingSettings {
  /** Customers per request. */
  pageSize: number;
  /** Upper limit of requests per second Kontor sends. */
  requestsPerSecond: number;
}
