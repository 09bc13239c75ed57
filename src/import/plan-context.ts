/** What the page plan of a run (and of its preview) knows of the channel, its adapter and the request. */
import type { Adapter } from '../adapters/adapter.ts';
import { messagesFor } from '../domain/messages/messages.ts';
import type { SalesChannel } from '../domain/sales-channel.ts';
import type { PlanContext } from './page-plan.ts';

export function planContext(
  channel: SalesChannel,
  adapter: Pick<Adapter, 'capabilities'>,
  request: { confirmAllWarnings: boolean; contentLanguage?: string | null },
  readStartedAt: Date,
): PlanContext {
  return {
    channelType: channel.type,
    statusPolicy: {
      customerApproval: channel.customerApproval,
      alwaysBlocked: adapter.capabilities.alwaysBlocked,
    },
    pseudoPartner: channel.usePseudoPartner ? channel.pseudoPartnerNumber : null,
    confirmAllWarnings: request.confirmAllWarnings,
    readStartedAt: readStartedAt.toISOString(),
    matchRules: channel.matchRules,
    messages: messagesFor(request.contentLanguage),
  };
}
