/**
 * Content Security Policy violations seen by a page: every `securitypolicyviolation` event of every document
 * the page loads (an init script reports it through the console), as "directive blocked-uri (source:line)".
 */
import type { Page } from 'playwright-core';

const MARK = 'kontor-csp-violation ';

export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(MARK)) violations.push(`${text.slice(MARK.length)} on ${page.url()}`);
  });
  void page.addInitScript((mark: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.warn(
        `${mark}${event.effectiveDirective} ${event.blockedURI || '(inline)'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  }, MARK);
  return violations;
}
