export function SalesChannelsPage() {
  return null;
}
