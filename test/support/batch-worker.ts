/**
 * The `kontor` CLI with the test batch application registered as well, for worker child processes:
 *   node --import tsx test/support/batch-worker.ts --db postgres://... worker --app-server A
 */
import { main } from '../../src/cli/main.ts';
import { testApplications } from './batch-fixtures.ts';

process.exitCode = await main(process.argv, undefined, { applications: testApplications });
