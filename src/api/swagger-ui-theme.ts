/**
 * Swagger UI at /api/docs with Kontor's name: the page title, a logo with the Kontor mark and "Kontor API" in
 * the top bar (a data: SVG image, which img-src allows), the favicon, and Kontor's blue for the top bar. The
 * CSS is served as a same-origin file (theme/kontor.css): nothing inline, so the one Content Security Policy
 * of security-headers.ts covers the docs as it is.
 */

import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';

const BLUE = '#1c7ed6';
const MARK =
  '<rect width="32" height="32" rx="6" fill="#fff"/><path d="M10 8v16M10 16l10-8M12.5 14l8 10" ' +
  `stroke="${BLUE}" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
const FAVICON =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Kontor</title><rect width="32" height="32" rx="6" fill="${BLUE}"/>` +
  '<path d="M10 8v16M10 16l10-8M12.5 14l8 10" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>';
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="190" height="36" viewBox="0 0 190 36"><title>Kontor API</title>' +
  `<g transform="translate(0 2)">${MARK}</g>` +
  '<text x="42" y="26" font-family="Inter, Segoe UI, Roboto, Helvetica, Arial, sans-serif" font-size="21" ' +
  'font-weight="600" fill="#fff">Kontor API</text></svg>';
const CSS = `
.swagger-ui .topbar { background-color: ${BLUE}; }
.swagger-ui .topbar .download-url-wrapper .select-label { color: #fff; }
.swagger-ui .topbar-wrapper a { max-width: 220px; }
.swagger-ui .topbar-wrapper img { height: 36px; }
`;

export const SWAGGER_UI_TITLE = 'Kontor API docs';

/** The `logo` and `theme` options of @fastify/swagger-ui. */
export function swaggerUiBranding(): Pick<FastifySwaggerUiOptions, 'logo' | 'theme'> {
  return {
    logo: { type: 'image/svg+xml', content: Buffer.from(LOGO), href: '/api/docs', target: '_self' },
    theme: {
      title: SWAGGER_UI_TITLE,
      css: [{ filename: 'kontor.css', content: CSS }],
      favicon: [
        {
          filename: 'favicon.svg',
          rel: 'icon',
          sizes: 'any',
          type: 'image/svg+xml',
          content: Buffer.from(FAVICON),
        },
      ],
    },
  };
}
