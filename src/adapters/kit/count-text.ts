/**
 * A count in a message of a connection test: "1 customer", "12,345 customers" (en-US digit groups, like
 * every message Kontor writes).
 */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
