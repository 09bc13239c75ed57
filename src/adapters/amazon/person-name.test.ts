import { describe, expect, it } from 'vitest';
import { fullName } from '../../simulators/amazon/seed.ts';
import { generatePeople } from '../../simulators/sample-data/people.ts';
import { splitPersonName } from './person-name.ts';

describe('splitPersonName', () => {
  it.each([
    ['Jan Kowalski', false, 'Jan', 'Kowalski'],
    ['  Mary   Ann  Smith ', false, 'Mary Ann', 'Smith'],
    ['Kowalski, Jan', false, 'Jan', 'Kowalski'],
    ['Herr Günther Köhler', false, 'Günther', 'Köhler'],
    ['Mme. Chloé Lefèvre', false, 'Chloé', 'Lefèvre'],
    ['Sanne van den Berg', false, 'Sanne', 'van den Berg'],
    ['Ludwig von Trapp', false, 'Ludwig', 'von Trapp'],
    ['Maria dos Santos', false, 'Maria', 'dos Santos'],
    ["Giulia D'Angelo", false, 'Giulia', "D'Angelo"],
    ['María José García López', true, 'María José', 'García López'],
    ['María García López', true, 'María', 'García López'],
    ['Pedro García', true, 'Pedro', 'García'],
    ['Madonna', false, null, 'Madonna'],
    ['Van Morrison', false, 'Van', 'Morrison'],
  ])('%s', (name, spanish, firstName, lastName) => {
    expect(splitPersonName(name, spanish)).toEqual({ firstName, lastName });
  });

  it('gives nothing for no name', () => {
    expect(splitPersonName(undefined)).toEqual({ firstName: null, lastName: null });
    expect(splitPersonName('   ')).toEqual({ firstName: null, lastName: null });
  });

  it('splits every sample buyer name back into first (with middle) and last name', () => {
    for (const person of generatePeople({ count: 2_000, seed: 5 })) {
      const expected = {
        firstName: [person.firstName, person.middleName].filter(Boolean).join(' '),
        lastName: person.lastName,
      };
      expect(splitPersonName(fullName(person), person.locale.country === 'ES'), fullName(person)).toEqual(
        expected,
      );
    }
  });
});
