/**
 * Counts in words, for users: "1 error", "2 errors", "1,200 records" (digits grouped the English way, as
 * the rest of Kontor's messages are English). Pure: the CLI, the batch notices and the web UI share it.
 */

/** A whole number with its digits grouped: 30000 -> "30,000". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The count and its noun in the right number: countOf(1, 'error') -> "1 error", countOf(2, 'error') -> "2 errors". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
