import { describe, expect, it } from 'vitest';
import { parseContacts } from './campaign-contacts.js';

describe('parseContacts', () => {
  it('reads a CSV with a header, quoted names with commas, and languages', () => {
    const csv = 'email,name,language\nana@example.org,"Roy, Ana",fr\nben@example.org,Ben,EN\n';
    expect(parseContacts(csv, 'en')).toEqual({
      contacts: [
        { email: 'ana@example.org', name: 'Roy, Ana', language: 'fr' },
        { email: 'ben@example.org', name: 'Ben', language: 'en' },
      ],
      problems: [],
    });
  });

  it('reads pasted addresses alone in the fallback language and names the lines it cannot read', () => {
    expect(parseContacts('cleo@example.org\n\nnot an address\n  dan@example.org , Dan ', 'fr')).toEqual({
      contacts: [
        { email: 'cleo@example.org', language: 'fr' },
        { email: 'dan@example.org', name: 'Dan', language: 'fr' },
      ],
      problems: [{ line: 2, text: 'not an address' }],
    });
  });
});
