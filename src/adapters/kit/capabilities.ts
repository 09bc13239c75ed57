/**
 * An adapter's capabilities declared by what sets it apart: every Kontor adapter selects changes since an
 * instant, and unless it says otherwise it cannot select by e-mail, delivers no guests and leaves the
 * status of new partners to the channel. The declaration names the deletions it detects, the channel
 * types it serves, its page size and rate limit, and every capability that differs from those defaults.
 */
import type { AdapterCapabilities } from '../adapter.ts';

export type CapabilitiesDeclaration = Pick<
  AdapterCapabilities,
  'deletions' | 'channelTypes' | 'pageSize' | 'requestsPerSecond'
> &
  Partial<AdapterCapabilities>;

export function declareCapabilities(declared: CapabilitiesDeclaration): AdapterCapabilities {
  return { changedSince: true, byEmail: false, guests: false, alwaysBlocked: false, ...declared };
}
