/** Turns "address in use" while starting a local server into a message that tells the user what to do. */
import { InvalidInputError } from '../domain/errors.ts';

export async function onFreePort<T>(port: number, start: () => Promise<T>, option = '--port'): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new InvalidInputError(
        `Port ${port} is in use (another kontor demo, serve or simulator?). Stop it or pass ${option} <other port>.`,
      );
    }
    throw error;
  }
}
