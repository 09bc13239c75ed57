/** What most adapters connect to: the channel's API client and the channel's parsed settings. */
export interface ConnectedApi<A, S> {
  api: A;
  settings: S;
}
