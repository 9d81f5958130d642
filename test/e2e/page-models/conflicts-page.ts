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

  /** The refusal of a document's change, as the conflict view lists it. */
  refusal(docId: string): Locator {
    return this.page.locator(`[data-testid="refusal-row"][data-doc-id="${docId}"]`);
  }

  async discard(docId: string): Promise<void> {
    await this.refusal(docId).getByTestId('refusal-discard').click();
  }
}
