/** Dates as SP-API writes them: ISO 8601 in UTC to the second, "2025-06-30T12:00:00Z". */
export function amazonDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
