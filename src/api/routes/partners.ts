/** /api/partners: the Sales channel partners cockpit: search and show partners with their channel links. */
import { NotFoundError } from '../../domain/errors.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses } from '../schemas/common.ts';
import { PartnerPage, PartnerParams, PartnerQuery, PartnerSchema } from '../schemas/partner.ts';

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
    async (request) => await ctx.partners.search(request.query),
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
      const partner = await ctx.partners.get(request.params.number);
      if (!partner) throw new NotFoundError('Partner', request.params.number);
      return partner;
    },
  );
};
