import { expect, type Page } from '@playwright/test';

export interface NewTicketForm {
  type?: 'Incident' | 'Service request' | 'Problem' | 'Change' | 'Release';
  /** A directory caller, chosen by typing part of the name. */
  caller?: string;
  newContact?: { name: string; email: string };
  category: string | RegExp;
  title: string;
  description: string;
}

/** The create-ticket screen at #/tickets/new. */
export class CreateTicketPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-tickets').click();
    await this.page.getByTestId('queue-new-ticket').click();
    await expect(this.page.getByTestId('create-ticket')).toBeVisible();
  }

  async choose(testId: string, option: string | RegExp, typed?: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.click();
    if (typed) await input.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  async fill(form: NewTicketForm): Promise<void> {
    if (form.type) await this.page.getByTestId('create-type').getByText(form.type).click();
    if (form.caller) await this.choose('create-caller', new RegExp(form.caller), form.caller);
    if (form.newContact) {
      await this.page.getByTestId('create-new-contact').check();
      await this.page.getByTestId('create-caller-name').fill(form.newContact.name);
      await this.page.getByTestId('create-caller-email').fill(form.newContact.email);
    }
    await this.choose('create-category', form.category);
    await this.page.getByTestId('create-title').fill(form.title);
    await this.page.getByTestId('create-description').fill(form.description);
  }

  /** Submits and waits for the new ticket's page (up to `timeout` ms, default the expect timeout); returns its id. */
  async submit(timeout?: number): Promise<string> {
    await this.page.getByTestId('create-submit').click();
    const detail = this.page.getByTestId('ticket-detail');
    await expect(detail).toBeVisible({ timeout });
    return (await detail.getAttribute('data-ticket-id')) ?? '';
  }
}
