import { expect, type Locator, type Page } from '@playwright/test';

/** The queue and the ticket detail view. */
export class TicketPage {
  constructor(readonly page: Page) {}

  /** Opens a ticket from the queue by searching its number. */
  async open(number: string): Promise<void> {
    await this.page.getByTestId('nav-tickets').click();
    await this.page.getByTestId('queue-search').fill(number);
    await this.page.locator(`[data-testid="ticket-row"][data-number="${number}"]`).click();
    await expect(this.page.getByTestId('ticket-detail')).toBeVisible();
  }

  field(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async setText(testId: string, value: string): Promise<void> {
    await this.field(testId).fill(value);
  }

  /** Picks an option of a Mantine Select by its visible label. */
  async choose(testId: string, optionLabel: string | RegExp): Promise<void> {
    await this.field(testId).click();
    await this.page.getByRole('option', { name: optionLabel }).click();
  }

  /**
   * Saves and waits until the edit is written locally (or refused): until then the sync indicator may still read
   * "nothing pending", and a test that waits for it would race the write. The button is disabled while saving,
   * from the click's own render on.
   */
  async save(): Promise<void> {
    const button = this.page.getByTestId('ticket-save');
    await button.click();
    await expect(button).toBeEnabled();
  }

  async addWorklog(body: string, minutes: number): Promise<void> {
    await this.page.getByTestId('worklog-body').fill(body);
    await this.page.getByTestId('worklog-minutes').fill(String(minutes));
    await this.page.getByTestId('worklog-add').click();
    await expect(this.timeline('worklog').filter({ hasText: body })).toHaveCount(1);
  }

  timeline(kind: string): Locator {
    return this.page.locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`);
  }
}
