export function SystemCockpitPage() {
  return null;
}
