import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { updateQueue } from '../storage/queue-store.ts';
import { addQueue, editQueue, queues } from './queue-service.ts';

describeEachDb('Processing queues', (getDb) => {
  it('adds a queue and edits its description', async () => {
    const added = await addQueue(getDb(), 'imports', ' Nightly imports ');
    expect(added).toMatchObject({ name: 'imports', description: 'Nightly imports', ready: 0, active: 0 });
    const edited = await editQueue(getDb(), 'imports', 'All imports');
    expect(edited).toEqual({ ...added, description: 'All imports' });
    expect(await editQueue(getDb(), 'imports', '  ')).toMatchObject({ description: null });
    expect((await queues(getDb())).map((q) => [q.name, q.description])).toEqual([
      ['default', expect.any(String)],
      ['imports', null],
    ]);
  });

  it('refuses a taken name with NAME_TAKEN, a missing queue with NOT_FOUND, a long description naming it', async () => {
    await addQueue(getDb(), 'imports');
    await expect(addQueue(getDb(), 'imports')).rejects.toMatchObject({ code: 'NAME_TAKEN', kind: 'config' });
    await expect(addQueue(getDb(), 'bad/name')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'name',
    });
    await expect(editQueue(getDb(), 'nope', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await updateQueue(getDb(), 'nope', 'x')).toBeNull();
    const long = editQueue(getDb(), 'imports', 'x'.repeat(201));
    await expect(long).rejects.toBeInstanceOf(InvalidInputError);
    await expect(long).rejects.toMatchObject({ field: 'description' });
    await expect(addQueue(getDb(), 'other', 'x'.repeat(201))).rejects.toMatchObject({ field: 'description' });
    expect((await queues(getDb())).map((q) => q.name)).toEqual(['default', 'imports']);
    expect(await editQueue(getDb(), 'imports', 'x'.repeat(200))).toMatchObject({
      description: 'x'.repeat(200),
    });
  });
});
