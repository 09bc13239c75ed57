/**
 * The one refusal of a By email read by an adapter that cannot select customers by e-mail (capability
 * `byEmail: false`): the import refuses such a request before it reads (import/selection.ts), and an adapter
 * called with `emails` anyway refuses it too rather than returning every customer.
 */
import { ConfigError } from '../../domain/errors.ts';
import type { AdapterCapabilities, ReadRequest } from '../adapter.ts';

export function refuseUnsupportedEmails(
  label: string,
  capabilities: Pick<AdapterCapabilities, 'byEmail'>,
  request: Pick<ReadRequest, 'emails'>,
): void {
  if (request.emails !== null && !capabilities.byEmail) {
    throw new ConfigError('BY_EMAIL_UNSUPPORTED', `The ${label} adapter cannot select customers by e-mail.`);
  }
}
