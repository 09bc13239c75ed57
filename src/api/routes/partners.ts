/** /api/partners: the Sales channel partners cockpit: search and show partners with their channel links. */
import { NotFoundError } from '../../domain/errors.ts';
import { listPartners } from '../../storage/partner-read-store.ts';
import { errorResponses } from '../schemas/common.ts';
import { PartnerPage, PartnerParams, PartnerQuery, PartnerSchema } from '../schemas/partner.ts';
import type { RoutePlugin } from '../server.ts';

export const partnerRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/partners',
    {
      schema: {
        tags: ['partners'],
        summary: 'Search partners (ordered by number)',
        querystring: PartnerQuery,
        response: { 200: PartnerPage, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const text = q.q?.toLowerCase() ?? '';
      const all = await listPartners(ctx.db, { channel: q.channel });
      const items = all.filter((p) => {
        const links = p.links.filter((l) => !q.channel || l.channel === q.channel);
        const deleted = links.some((l) => !l.active);
        return (
          (!q.type || p.type === q.type) &&
          (!q.status || p.status === q.status) &&
          (!q.deleted || (q.deleted === 'yes') === deleted) &&
          (text === '' ||
            [p.number, p.name, p.email, p.company, p.taxId, ...p.addresses.map((a) => a.city)].some((v) =>
              v?.toLowerCase().includes(text),
            ))
        );
      });
      const offset = q.offset ?? 0;
      return { total: items.length, items: items.slice(offset, offset + (q.limit ?? 50)) };
    },
  );

  app.get(
    '/partners/:number',
    {
      schema: {
        tags: ['partners'],
        summary: 'One partner',
        params: PartnerParams,
        response: { 200: PartnerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const partner = (await listPartners(ctx.db)).find((p) => p.number === request.params.number);
      if (!partner) throw new NotFoundError('Partner', request.params.number);
      return partner;
    },
  );
};
