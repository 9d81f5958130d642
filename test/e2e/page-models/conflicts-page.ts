import type { Locator, Page } from '@playwright/test';

export class ConflictsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-conflicts').click();
  }

  row(field: string): Locator {
    return this.page.locator(`[data-testid="conflict-row"][data-field="${field}"]`);
  }

  async keepLocal(field: string): Promise<void> {
    await this.row(field).getByTestId('conflict-keep-local').click();
  }
}
