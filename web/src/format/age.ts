/** How long ago something happened, shortly: "5 min", "3 h", "2 d". */
export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '–';
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
