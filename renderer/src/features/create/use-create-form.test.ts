import { describe, expect, it } from 'vitest';
import type { CreateFormValues } from './use-create-form.js';
import { EMPTY_CREATE_FORM, toInput } from './use-create-form.js';

const values: CreateFormValues = {
  ...EMPTY_CREATE_FORM,
  callerId: 'usr-caller',
  categoryId: 'cat-x',
  affectedItem: 'Pay server',
  title: 'Down',
};

describe('toInput', () => {
  it('records the free-text affected item while no CI is linked', () => {
    expect(toInput(values)).toMatchObject({ affectedItem: 'Pay server' });
    expect(toInput(values)).not.toHaveProperty('ciIds');
  });

  it('records the linked CIs instead of the free text, which the form hides then', () => {
    const input = toInput({ ...values, ciIds: ['ci-srv-pay-db'] });
    expect(input.ciIds).toEqual(['ci-srv-pay-db']);
    expect(input).not.toHaveProperty('affectedItem');
  });
});
