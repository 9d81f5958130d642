import { SURVEY_TEXT_MAX, TICKET_TEXT_LIMITS, ticketDefinition } from '@shared';
import { describe, expect, it } from 'vitest';

// Every component's source, read as text by Vite (the renderer has no Node file APIs).
const SOURCES = import.meta.glob<string>('../**/*.tsx', { query: '?raw', import: 'default', eager: true });

const maxLengths = Object.entries(SOURCES).flatMap(([file, text]) =>
  [...text.matchAll(/maxLength=\{([^}]+)\}/g)].map((m) => ({ file, expr: m[1].trim() })),
);

describe('form length limits', () => {
  it('writes no number as a maxLength: every form limit is read from a schema or a rule', () => {
    expect(maxLengths.length).toBeGreaterThan(0);
    expect(maxLengths.filter((m) => /^\d/.test(m.expr))).toEqual([]);
  });

  it("gives each ticket text field its schema's maxLength", () => {
    const used = maxLengths.flatMap((m) => /^TICKET_TEXT_LIMITS\.(\w+)$/.exec(m.expr)?.[1] ?? []);
    expect(used).toEqual(expect.arrayContaining(['title', 'description', 'resolutionNotes', 'priorityOverrideReason']));
    for (const field of used) {
      expect(TICKET_TEXT_LIMITS[field as keyof typeof TICKET_TEXT_LIMITS]).toBe(
        ticketDefinition.schema.properties[field]?.maxLength,
      );
    }
  });

  it('limits the on-site survey text to what the survey rule accepts', () => {
    expect(maxLengths.some((m) => m.file.endsWith('QuestionInput.tsx') && m.expr === 'SURVEY_TEXT_MAX')).toBe(true);
    expect(SURVEY_TEXT_MAX).toBe(2000);
  });
});
