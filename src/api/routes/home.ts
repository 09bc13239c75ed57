/** /api/home: the home page: every sales channel's last run and its result, error trend and next scheduled run. */
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses } from '../schemas/common.ts';
import { HomeResult } from '../schemas/home.ts';

export const homeRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        summary: "Every sales channel's health: last run, the latest runs' errors, next scheduled run",
        response: { 200: HomeResult, ...errorResponses },
      },
    },
    async () => ({ channels: await ctx.health.list() }),
  );
};
