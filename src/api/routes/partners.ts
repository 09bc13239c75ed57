/**
 * /api/partners: the Sales channel partners cockpit: search and show partners with their channel links and
 * history; release and block them (any user), merge two (administrator).
 */
import { Type } from 'typebox';
import { NotFoundError } from '../../domain/errors.ts';
import { currentUser } from '../access.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses } from '../schemas/common.ts';
import {
  MergeBody,
  PartnerHistory,
  PartnerMergeSchema,
  PartnerPage,
  PartnerParams,
  PartnerQuery,
  PartnerSchema,
} from '../schemas/partner.ts';

export const partnerRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/partners',
    {
      schema: {
        tags: ['partners'],
        summary:
          'Search partners (ordered by number; merged partners only with merged=include|only), a page by ' +
          "`offset` or, the cheap way to page far, `after` a partner number (the previous page's `next`)",
        querystring: PartnerQuery,
        response: { 200: PartnerPage, ...errorResponses },
      },
    },
    async (request) => await ctx.partners.search(request.query),
  );

  app.get(
    '/partners/merges',
    {
      schema: {
        tags: ['partners'],
        summary: 'Every merge of two partners, newest first',
        response: { 200: Type.Array(PartnerMergeSchema), ...errorResponses },
      },
    },
    async () => await ctx.partners.merges(),
  );

  app.post(
    '/partners/merges',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['partners'],
        summary:
          'Merge partner `remove` into partner `keep` (administrator): links, addresses and contacts move; ' +
          '`remove` stays as merged. 400 for the same partner twice, 409 PARTNER_MERGED or MERGE_TYPE_MISMATCH',
        body: MergeBody,
        response: { 201: PartnerMergeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const merge = await ctx.partners.merge(
        request.body.keep,
        request.body.remove,
        currentUser(request).name,
      );
      return reply.code(201).send(merge);
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
      const partner = await ctx.partners.get(request.params.number);
      if (!partner) throw new NotFoundError('Partner', request.params.number);
      return partner;
    },
  );

  app.get(
    '/partners/:number/history',
    {
      schema: {
        tags: ['partners'],
        summary: "A partner's change history (and that of partners merged into it), oldest first",
        params: PartnerParams,
        response: { 200: PartnerHistory, ...errorResponses },
      },
    },
    async (request) => ({
      number: request.params.number,
      history: await ctx.partners.history(request.params.number),
    }),
  );

  for (const [action, status] of [
    ['release', 'Released'],
    ['block', 'Blocked'],
  ] as const) {
    app.post(
      `/partners/:number/${action}`,
      {
        schema: {
          tags: ['partners'],
          summary: `${action === 'release' ? 'Release' : 'Block'} a partner (status ${status}), recorded in its history`,
          params: PartnerParams,
          response: { 200: PartnerSchema, ...errorResponses },
        },
      },
      async (request) =>
        await ctx.partners.setStatus(request.params.number, status, currentUser(request).name),
    );
  }
};
