import { expect, type Page } from '@playwright/test';

/** The always-visible sync indicator in the header. */
export class SyncStatus {
  constructor(private readonly page: Page) {}

  private get el() {
    return this.page.getByTestId('sync-status');
  }

  async expectOffline(): Promise<void> {
    await expect(this.el).toHaveAttribute('data-online', 'false');
  }

  async expectOnline(): Promise<void> {
    await expect(this.el).toHaveAttribute('data-online', 'true');
  }

  /** Waits until every local change has been pushed and no error is shown. */
  async expectSettled(): Promise<void> {
    await this.expectOnline();
    await expect(this.el).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
    await expect(this.el).toHaveAttribute('data-error', '');
  }

  async pending(): Promise<number> {
    return Number(await this.el.getAttribute('data-pending'));
  }
}
