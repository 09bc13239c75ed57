/** `kontor secrets rotate`: the sealed channel secrets (docs/security.md). */
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';

export function registerSecretCommands(program: Command, context: () => AppContext): void {
  const secrets = program.command('secrets').description('the secret key that seals channel secrets: rotate');
  secrets
    .command('rotate')
    .description(
      'seal every channel secret again with a new key, in one transaction (a key file gets a new key; with KONTOR_SECRET_KEY the new key is its value and the old one is given in KONTOR_SECRET_KEY_PREVIOUS)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const app = context();
      const result = await (await app.channels()).rotateSecrets();
      if (options.json) {
        app.output.out(JSON.stringify(result, null, 2));
        return;
      }
      app.output.out(
        `Re-sealed the secrets of ${result.resealed} sales channel(s) with key ${result.keyId} (${result.source}).`,
      );
      if (result.dropped.length > 0)
        app.output.out(
          `Key(s) ${result.dropped.join(', ')} removed from the key file; backups made before now need them.`,
        );
      if (result.advice) app.output.out(result.advice);
    });
}
